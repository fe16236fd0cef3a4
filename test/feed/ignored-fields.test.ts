import { describe, expect, it } from 'vitest';
import { describeIgnored, parseFeed, type IgnoredField } from '../../src/feed/index.js';

const ok = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `Account ${id}`, revenue: 100, ...extra });

/** The feed of one good account and `account`, which must be kept. */
function kept(account: Record<string, unknown>) {
  const feed = parseFeed([ok('A-0'), account]);
  expect(feed.skipped).toEqual([]);
  expect(feed.accounts).toHaveLength(2);
  return { account: feed.accounts[1]!, ignored: feed.ignoredFields.map(describeIgnored) };
}

describe('an optional field that breaks the contract never costs its account', () => {
  it('nps 11, csat 0, tier "X", a javascript: url: the account is kept without them, each reported with its path and reason', () => {
    const { account, ignored } = kept(ok('A-1', { nps: 11, csat: 0, tier: 'X', url: 'javascript:alert(1)', owner: 'Ann' }));
    expect(account).toEqual({ id: 'A-1', name: 'Account A-1', revenue: 100, owner: 'Ann' });
    expect(ignored).toEqual([
      'accounts[1].tier: expected one of MVC, MGC, STC, BZ, got "X" (ignored)',
      'accounts[1].nps: expected a number from 0 to 10, got 11 (ignored)',
      'accounts[1].csat: expected a number from 1 to 5, got 0 (ignored)',
      'accounts[1].url: expected an http or https URL, got "javascript:alert(1)" (ignored)',
    ]);
  });

  it('lists each ignored field with the account index, id, path and reason', () => {
    const feed = parseFeed([ok('A-0'), ok(' A-1 ', { previousRevenue: '12k', expanded: 'yes' })]);
    expect(feed.ignoredFields).toEqual<IgnoredField[]>([
      { index: 1, id: 'A-1', path: 'accounts[1].previousRevenue', reason: 'expected a number >= 0, got "12k"' },
      { index: 1, id: 'A-1', path: 'accounts[1].expanded', reason: 'expected true or false, got "yes"' },
    ]);
  });

  it('the revenue of a CRM export account counts although its nps is an average out of range', () => {
    const feed = parseFeed([ok('A-1', { revenue: 900 }), ok('A-2', { revenue: 100, nps: 11 })]);
    expect(feed.accounts.map((a) => a.revenue)).toEqual([900, 100]);
    expect([...feed.columns.revenue]).toEqual([900, 100]);
  });

  it('keeps the other fields as they are: numeric strings converted, the id trimmed', () => {
    const { account } = kept({ id: ' A-1 ', name: 'x', revenue: '5', profit: '-2', nps: 'ten' });
    expect(account).toEqual({ id: 'A-1', name: 'x', revenue: 5, profit: -2 });
  });

  it('a history point without a valid period or revenue is left out; an account whose history is no list keeps everything else', () => {
    const { account, ignored } = kept(ok('A-1', { history: [{ period: '2025', revenue: 1 }, 3, { period: 2026, revenue: '12k' }, { period: '2027', revenue: '7' }] }));
    expect(account.history).toEqual([
      { period: '2025', revenue: 1 },
      { period: '2027', revenue: 7 },
    ]);
    // Paths into history use brackets for indexes and dots for keys.
    expect(ignored).toEqual([
      'accounts[1].history[1]: expected an object { period, revenue }, got 3 (ignored)',
      'accounts[1].history[2].period: expected a period label such as "2026-Q1", got 2026 (ignored)',
      'accounts[1].history[2].revenue: expected a number >= 0, got "12k" (ignored)',
    ]);
    const noList = kept(ok('A-1', { history: 'Q1: 5', nps: 9 }));
    expect(noList.account).toEqual({ id: 'A-1', name: 'Account A-1', revenue: 100, nps: 9 });
    expect(noList.ignored).toEqual(['accounts[1].history: expected an array of history points { period, revenue, … }, got "Q1: 5" (ignored)']);
  });

  it('an account whose required field is bad is skipped with every problem, and nothing of it is reported as ignored', () => {
    const feed = parseFeed([ok('A-1', { revenue: -1, nps: 11 }), { name: 'no id', revenue: 1, csat: 9 }]);
    expect(feed.accounts).toEqual([]);
    expect(feed.ignoredFields).toEqual([]);
    expect(feed.skipped.map((s) => s.problems.map((p) => `${p.path}: ${p.message}`))).toEqual([
      ['accounts[0].revenue: expected a number >= 0, got -1', 'accounts[0].nps: expected a number from 0 to 10, got 11'],
      ['accounts[1].id: expected a non-empty string, got nothing', 'accounts[1].csat: expected a number from 1 to 5, got 9'],
    ]);
  });

  it('an account skipped for a repeated id reports no ignored field', () => {
    const feed = parseFeed([ok('A-1'), ok('A-1', { nps: 11 })]);
    expect(feed.skipped.map((s) => s.index)).toEqual([1]);
    expect(feed.ignoredFields).toEqual([]);
  });

  it('the columns of a kept account hold its valid figures; an ignored figure is missing (NaN)', () => {
    const feed = parseFeed([ok('A-1', { profit: 'lots', effort: 3, potential: -5, clv: '40' })]);
    const { profit, effort, potential, clv } = feed.columns;
    expect([profit[0], effort[0], potential[0], clv[0]]).toEqual([NaN, 3, NaN, 40]);
  });
});
