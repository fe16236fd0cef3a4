import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/parse.js';
import { Portfolio, readinessOf, readinessText, readinessVerdictText, type Readiness } from '../../src/analysis/index.js';

/*
 * Eleven accounts, 2026-Q2 then 2026-Q3 now.
 *   now: a 600, b 200, c … j 25 each (200), k 0: total 1000. Top 20% = ceil(11 / 5) = 3 accounts:
 *        a, b and one of 25: 825 / 1000 = 82.5% >= 50% -> concentration yes.
 *   k had 300 in Q2 and none now: lost 300 with 1 account. j has no figures for Q2 (won since): 25 with
 *   1 account. 300 > 25 -> churn would hurt more than new logos help: yes.
 */
const small = 'cdefghij'.split('');
const feed = parseFeed({
  version: 1,
  periods: { order: ['2026-Q2', '2026-Q3'], current: '2026-Q3' },
  accounts: [
    { id: 'a', name: 'a', revenue: 600, history: [{ period: '2026-Q2', revenue: 600 }] },
    { id: 'b', name: 'b', revenue: 200, history: [{ period: '2026-Q2', revenue: 200 }] },
    ...small.map((id) => ({ id, name: id, revenue: 25, ...(id === 'j' ? {} : { history: [{ period: '2026-Q2', revenue: 25 }] }) })),
    { id: 'k', name: 'k', revenue: 0, history: [{ period: '2026-Q2', revenue: 300 }] },
  ],
});
const portfolio = (salesCycleMonths?: number) => new Portfolio(feed.accounts, { salesCycleMonths }, feed.columns, feed.history);

describe('readinessOf: the three questions', () => {
  const readiness = readinessOf(portfolio(), 9);

  it('concentration: the top 20% of accounts bring in 50% or more of revenue', () => {
    expect(readiness.questions[0]).toEqual({ id: 'concentration', answer: 'yes', values: { top20Share: 0.825, top20Accounts: 3, accounts: 11, threshold: 0.5 } });
  });

  it('sales cycle: 6 months or more, from the caller', () => {
    expect(readiness.questions[1]).toEqual({ id: 'sales-cycle', answer: 'yes', values: { months: 9, threshold: 6 } });
    expect(readinessOf(portfolio(), 6).questions[1]!.answer).toBe('yes');
    expect(readinessOf(portfolio(), 5).questions[1]).toEqual({ id: 'sales-cycle', answer: 'no', values: { months: 5, threshold: 6 } });
    expect(readinessOf(portfolio()).questions[1]).toEqual({ id: 'sales-cycle', answer: 'unknown', values: { threshold: 6 } });
    expect(readinessOf(portfolio(), NaN).questions[1]!.answer).toBe('unknown');
  });

  it('churn: revenue lost with the lost accounts against revenue of the new ones', () => {
    expect(readiness.questions[2]).toEqual({ id: 'churn', answer: 'yes', values: { lostRevenue: 300, lostAccounts: 1, newRevenue: 25, newAccounts: 1 } });
  });

  it('two or more yes: ready', () => {
    expect(readiness).toMatchObject({ yes: 3, verdict: 'ready' });
    expect(readinessOf(portfolio(), 3)).toMatchObject({ yes: 2, verdict: 'ready' });
  });

  it('the portfolio answers with its rules’ sales cycle', () => {
    expect(readinessOf(portfolio(12))).toEqual(readinessOf(portfolio(), 12));
    expect(readinessOf(portfolio()).questions[1]!.answer).toBe('unknown');
  });
});

describe('readinessOf: edge cases and verdicts', () => {
  const even = (accounts: { id: string; revenue: number; history?: { period: string; revenue: number }[] }[], periods = true) =>
    parseFeed({ version: 1, ...(periods ? { periods: { order: ['2026-Q2', '2026-Q3'], current: '2026-Q3' } } : {}), accounts: accounts.map((a) => ({ name: a.id, ...a })) });
  const of = (f: ReturnType<typeof even>, months?: number) => readinessOf(new Portfolio(f.accounts, {}, f.columns, f.history), months);

  it('without history churn is unknown; with one yes and two unknown the verdict is undecided', () => {
    const alone = even([{ id: 'a', revenue: 900 }, { id: 'b', revenue: 50 }, { id: 'c', revenue: 50 }], false);
    const readiness = of(alone);
    expect(readiness.questions.map((q) => q.answer)).toEqual(['yes', 'unknown', 'unknown']);
    expect(readiness.questions[2]).toEqual({ id: 'churn', answer: 'unknown', values: {} });
    expect(readiness).toMatchObject({ yes: 1, verdict: 'undecided' });
  });

  it('revenue spread evenly, a short cycle, no history: not yet (two yes are out of reach)', () => {
    const flat = even(Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, revenue: 100 })), false);
    const readiness = of(flat, 3);
    expect(readiness.questions[0]).toEqual({ id: 'concentration', answer: 'no', values: { top20Share: 0.2, top20Accounts: 2, accounts: 10, threshold: 0.5 } });
    expect(readiness).toMatchObject({ yes: 0, verdict: 'not-yet' });
  });

  it('churn is no when new accounts (a win-back among them) bring in more than the lost ones took', () => {
    const f = even([
      { id: 'lost', revenue: 0, history: [{ period: '2026-Q2', revenue: 100 }] },
      { id: 'back', revenue: 80, history: [{ period: '2026-Q2', revenue: 0 }] },
      { id: 'new', revenue: 40 },
      { id: 'kept', revenue: 500, history: [{ period: '2026-Q2', revenue: 400 }] },
    ]);
    const churn = of(f).questions[2]!;
    expect(churn).toEqual({ id: 'churn', answer: 'no', values: { lostRevenue: 100, lostAccounts: 1, newRevenue: 120, newAccounts: 2 } });
    expect(readinessText(churn)).toBe('Would churn hurt more than new logos help? No: 1 account lost since the previous period took 100 of revenue with it; 2 accounts won since bring in 120.');
  });

  it('churn is no when nothing was lost or won', () => {
    const f = even([{ id: 'kept', revenue: 500, history: [{ period: '2026-Q2', revenue: 400 }] }]);
    expect(of(f).questions[2]).toEqual({ id: 'churn', answer: 'no', values: { lostRevenue: 0, lostAccounts: 0, newRevenue: 0, newAccounts: 0 } });
  });

  it('no revenue at all: concentration unknown', () => {
    expect(of(even([{ id: 'a', revenue: 0 }], false)).questions[0]!.answer).toBe('unknown');
    expect(readinessOf(new Portfolio([])).questions[0]!.answer).toBe('unknown');
  });
});

describe('readinessText and readinessVerdictText', () => {
  const money = (v: number) => `€${v}`;
  const percent = (f: number) => `${(f * 100).toFixed(1)}%`;
  const readiness = readinessOf(portfolio(), 9);

  it('words each answer with its figures', () => {
    const [concentration, cycle, churn] = readiness.questions;
    expect(readinessText(concentration!, money, percent)).toBe('A few customers drive 50% or more of revenue? Yes: the top 20% (3 of 11 accounts) bring in 82.5%.');
    expect(readinessText(cycle!, money, percent)).toBe('A long sales cycle (6 months or more)? Yes: 9 months.');
    expect(readinessText(churn!, money, percent)).toBe(
      'Would churn hurt more than new logos help? Yes: 1 account lost since the previous period took €300 of revenue with it; 1 account won since brings in €25.',
    );
  });

  it('words the unknown and no answers', () => {
    expect(readinessText({ id: 'sales-cycle', answer: 'unknown', values: { threshold: 6 } })).toBe('A long sales cycle (6 months or more)? Unknown: set the sales cycle in months (sales-cycle-months).');
    expect(readinessText({ id: 'sales-cycle', answer: 'no', values: { months: 1, threshold: 6 } })).toBe('A long sales cycle (6 months or more)? No: 1 month.');
    expect(readinessText({ id: 'churn', answer: 'unknown', values: {} })).toBe('Would churn hurt more than new logos help? Unknown: the feed has no previous period.');
    expect(readinessText({ id: 'concentration', answer: 'unknown', values: {} })).toBe('A few customers drive 50% or more of revenue? Unknown: the accounts have no revenue.');
  });

  it('words the verdict', () => {
    const verdict = (yes: number, v: Readiness['verdict']) => readinessVerdictText({ questions: [], yes, verdict: v });
    expect(verdict(2, 'ready')).toBe('Ready for key account management: 2 of 3 answered yes.');
    expect(verdict(0, 'not-yet')).toBe('Not yet ready for key account management: 0 of 3 answered yes, two are needed.');
    expect(verdict(1, 'undecided')).toBe('Undecided: 1 of 3 answered yes; the unknown answers decide.');
  });
});
