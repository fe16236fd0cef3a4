import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/parse.js';
import {
  LOST,
  NEW,
  Portfolio,
  TIER_ORDER,
  cellIndex,
  goalProgress,
  goalSentence,
  movementKind,
  movementMembers,
  parseTierGoals,
  previousTiers,
  slope,
  tierGoalProgress,
  tierMovement,
} from '../../src/analysis/index.js';

/*
 * Three quarters, the current one last (cutoff 0.8, default rule).
 *   2026-Q1: a 50, f 40 (total 90): a .556, f 1.0 -> vital few a, f.                        MVC 2, MGC 0
 *   2026-Q2: a 60, f 40, e 20, b 15, c 10 (145): a .414, f .690, e .828 -> vital few a, f, e;
 *            b: potential 100 reaches the smallest MVC's revenue (e, 20) -> MGC; c: profit −5 -> BZ;
 *            e: tier MGC given for Q2.                                                         MVC 2, MGC 2, BZ 1
 *   2026-Q3 (now): a 100, b 80, f 40, d 20, e 10, c 0 (250): a .4, b .72, f .88 -> vital few a, b, f;
 *            c: profit −2 -> BZ; d, e: STC.                                                     MVC 3, STC 2, BZ 1
 * Movement Q2 -> Q3: a, f MVC -> MVC; b MGC -> MVC; e MGC -> STC; c BZ -> lost (revenue 10 then, 0 now);
 * d new -> STC (no figures for Q2).
 */
const feed = parseFeed({
  version: 1,
  periods: { order: ['2026-Q1', '2026-Q2', '2026-Q3'], current: '2026-Q3' },
  accounts: [
    { id: 'a', name: 'a', revenue: 100, history: [{ period: '2026-Q1', revenue: 50 }, { period: '2026-Q2', revenue: 60, profit: 10 }] },
    { id: 'b', name: 'b', revenue: 80, history: [{ period: '2026-Q2', revenue: 15, potential: 100 }] },
    { id: 'c', name: 'c', revenue: 0, profit: -2, history: [{ period: '2026-Q2', revenue: 10, profit: -5 }] },
    { id: 'd', name: 'd', revenue: 20 },
    { id: 'e', name: 'e', revenue: 10, history: [{ period: '2026-Q2', revenue: 20, tier: 'MGC' }] },
    { id: 'f', name: 'f', revenue: 40, history: [{ period: '2026-Q1', revenue: 40 }, { period: '2026-Q2', revenue: 40 }] },
  ],
});
const portfolio = new Portfolio(feed.accounts, {}, feed.columns, feed.history);
const tiersOf = (p: Portfolio) => [...p.tiers().tierIndex].map((t) => TIER_ORDER[t]);
const idsOf = (p: Portfolio) => p.accounts.map((a) => a.id);

describe('a portfolio’s periods', () => {
  const periods = portfolio.periods();

  it('are the feed’s order of periods, the current one last and the portfolio itself', () => {
    expect(periods.labels).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(periods.current().portfolio).toBe(portfolio);
    expect(periods.previous()!.label).toBe('2026-Q2');
    expect(periods.last(2).map((p) => p.label)).toEqual(['2026-Q2', '2026-Q3']);
  });

  it('hold the accounts with figures for each period, ranked and tiered on those figures by the same rule', () => {
    const q1 = periods.at(0).portfolio;
    expect(idsOf(q1)).toEqual(['a', 'f']);
    expect(tiersOf(q1)).toEqual(['MVC', 'MVC']);
    const q2 = periods.at(1);
    expect(idsOf(q2.portfolio)).toEqual(['a', 'b', 'c', 'e', 'f']); // d has no figures for Q2
    expect(tiersOf(q2.portfolio)).toEqual(['MVC', 'MGC', 'BZ', 'MGC', 'MVC']);
    expect(q2.portfolio.ranking().vitalFew).toBe(3); // a, f, e reach 82.8%
    expect(tiersOf(portfolio)).toEqual(['MVC', 'MVC', 'BZ', 'STC', 'STC', 'MVC']);
  });

  it('a tier given for a period wins in that period, with the rule’s tier in its reason', () => {
    const q2 = periods.at(1).portfolio;
    expect(q2.assignment(3)).toMatchObject({ tier: 'MGC', given: true, reason: { code: 'given', values: { ruleTier: 'MVC' } } });
  });

  it('reasons quote the period’s figures', () => {
    expect(periods.at(1).portfolio.assignment(1).reason).toEqual({ code: 'could-be-mvc', values: { potential: 100, revenue: 15, smallestMvcRevenue: 20 } });
  });

  it('find an account in another period: rowOf and members', () => {
    const q2 = periods.at(1);
    expect([...q2.rowOf]).toEqual([0, 1, 2, -1, 3, 4]);
    expect([...q2.members]).toEqual([0, 1, 2, 4, 5]);
    expect([...previousTiers(portfolio)!].map((t) => TIER_ORDER[t] ?? 'none')).toEqual(['MVC', 'MGC', 'BZ', 'none', 'MGC', 'MVC']);
  });

  it('of a narrowed portfolio are its parent’s, narrowed the same way: the whole feed’s tiers in each period', () => {
    const narrowed = portfolio.narrow(Uint32Array.of(1, 3, 4)); // b, d, e
    const q2 = narrowed.periods().at(1);
    expect(idsOf(q2.portfolio)).toEqual(['b', 'e']);
    expect(tiersOf(q2.portfolio)).toEqual(['MGC', 'MGC']); // e keeps its Q2 tier, b its headroom MGC
    expect([...q2.rowOf]).toEqual([0, -1, 1]);
    expect([...q2.members]).toEqual([0, 2]);
  });

  it('without history there is one period, the current one', () => {
    const plain = new Portfolio([{ id: 'x', name: 'x', revenue: 1 }]);
    expect(plain.periods().labels).toEqual(['current period']);
    expect(plain.periods().previous()).toBeUndefined();
    expect(tierMovement(plain)).toBeUndefined();
  });
});

describe('tier movement since the previous period', () => {
  const movement = tierMovement(portfolio)!;
  const count = (row: number, column: number) => movement.counts[cellIndex(row, column)];

  it('counts accounts from each tier to each other tier, new accounts and lost ones', () => {
    expect(movement.from).toBe('2026-Q2');
    expect(movement.to).toBe('2026-Q3');
    expect(count(0, 0)).toBe(2); // a, f stay MVC
    expect(count(1, 0)).toBe(1); // b: MGC -> MVC
    expect(count(1, 2)).toBe(1); // e: MGC -> STC
    expect(count(3, LOST)).toBe(1); // c had revenue in Q2 and has none now
    expect(count(NEW, 2)).toBe(1); // d: no figures for Q2
    expect(movement.counts.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('lists the accounts of each count, to select them', () => {
    const ids = (row: number, column: number) => [...movementMembers(movement, cellIndex(row, column))].map((i) => feed.accounts[i]!.id);
    expect(ids(0, 0)).toEqual(['a', 'f']);
    expect(ids(1, 0)).toEqual(['b']);
    expect(ids(3, LOST)).toEqual(['c']);
    expect(ids(NEW, 2)).toEqual(['d']);
  });

  it('names what a movement means: up the tiers (MGC to MVC), down (MVC lower), the same, new, lost', () => {
    expect(movementKind(1, 0)).toBe('up');
    expect(movementKind(0, 2)).toBe('down');
    expect(movementKind(2, 2)).toBe('same');
    expect(movementKind(NEW, 0)).toBe('new');
    expect(movementKind(0, LOST)).toBe('lost');
  });

  it('of a narrowed portfolio counts its own accounts', () => {
    const narrowed = tierMovement(portfolio.narrow(Uint32Array.of(1, 3, 4)))!;
    expect(narrowed.counts[cellIndex(1, 0)]).toBe(1);
    expect(narrowed.counts[cellIndex(1, 2)]).toBe(1);
    expect(narrowed.counts[cellIndex(NEW, 2)]).toBe(1);
    expect(narrowed.counts.reduce((a, b) => a + b, 0)).toBe(3);
  });
});

describe('tier goals', () => {
  it('reads "MVC:60,MGC:90" and lists what it cannot use', () => {
    expect(parseTierGoals('MVC:60, mgc:90')).toEqual({ goals: [{ tier: 'MVC', count: 60 }, { tier: 'MGC', count: 90 }], ignored: [] });
    expect(parseTierGoals('STC:5,MVC:x,MVC:-1,MGC').ignored).toEqual(['STC:5', 'MVC:x', 'MVC:-1', 'MGC']);
    expect(parseTierGoals({ MVC: 4 }).goals).toEqual([{ tier: 'MVC', count: 4 }]);
  });

  it('the trend is the least-squares slope of the counts: MVC 2, 2, 3 -> +0.5 a period', () => {
    expect(slope([2, 2, 3])).toBe(0.5);
    expect(slope([7])).toBeUndefined();
  });

  it('counts the tier in every period and now', () => {
    const p = goalProgress(portfolio, 'MVC', 5, '2027-Q1');
    expect(p.counts).toEqual([
      { period: '2026-Q1', count: 2 },
      { period: '2026-Q2', count: 2 },
      { period: '2026-Q3', count: 3 },
    ]);
    expect(p).toMatchObject({ now: 3, gap: 2, trend: 0.5, periodsLeft: 2, projected: 4, verdict: 'off-course' });
  });

  it('judges a later goal by the trend: 3 + 0.5 × 2 quarters reaches 4 by 2027-Q1, not 5', () => {
    const on = goalProgress(portfolio, 'MVC', 4, '2027-Q1');
    expect(on.verdict).toBe('on-course');
    expect(goalSentence(on, '2026-Q3')).toBe('MVC: 3 now, goal 4 by 2027-Q1: 1 to go in 2 quarters; at +0.5 a quarter the trend reaches it in time (about 4 by 2027-Q1).');
    expect(goalSentence(goalProgress(portfolio, 'MVC', 5, '2027-Q1'), '2026-Q3')).toBe(
      'MVC: 3 now, goal 5 by 2027-Q1: 2 to go in 2 quarters; at +0.5 a quarter the trend falls short (about 4 by 2027-Q1).',
    );
  });

  it('judges a goal for a period of the feed by the count then', () => {
    const reached = goalProgress(portfolio, 'MVC', 2, '2026-Q2');
    expect(reached).toMatchObject({ then: 2, periodsLeft: -1, verdict: 'reached' });
    expect(goalSentence(reached, '2026-Q3')).toBe('MVC: goal 2 for 2026-Q2 reached (2 then); 3 now.');
    const missed = goalProgress(portfolio, 'MGC', 3, '2026-Q2');
    expect(goalSentence(missed, '2026-Q3')).toBe('MGC: goal 3 for 2026-Q2 missed by 1 (2 then); 0 now.');
    // No goal period: the goal is for now.
    expect(goalSentence(goalProgress(portfolio, 'MVC', 4), '2026-Q3')).toBe('MVC: 3 now, goal 4 for 2026-Q3: 1 short.');
    expect(goalSentence(goalProgress(portfolio, 'MVC', 3), '2026-Q3')).toBe('MVC: 3 now, goal 3 for 2026-Q3: reached.');
  });

  it('a goal period the kit cannot count from the current one: the gap and the trend, no verdict on time', () => {
    const p = goalProgress(portfolio, 'MVC', 5, 'FY2027');
    expect(p.verdict).toBe('time-unknown');
    expect(goalSentence(p, '2026-Q3')).toBe(
      'MVC: 3 now, goal 5 by FY2027: 2 to go; at +0.5 a quarter that takes about 4 quarters, but whether that is in time is unknown: the periods from 2026-Q3 to FY2027 cannot be counted.',
    );
  });

  it('a falling count never reaches a later goal; a goal already met says so', () => {
    const falling = goalProgress(portfolio, 'MGC', 3, '2027-Q2'); // MGC 0, 2, 0: flat
    expect(falling.verdict).toBe('off-course');
    expect(goalSentence(falling, '2026-Q3')).toBe('MGC: 0 now, goal 3 by 2027-Q2: 3 to go in 3 quarters; the count is not rising (±0 a quarter), so it does not reach the goal in time.');
    expect(goalSentence(goalProgress(portfolio, 'MVC', 2, '2027-Q2'), '2026-Q3')).toBe('MVC: 3 now, goal 2 by 2027-Q2: already met.');
  });

  it('progress for every goal', () => {
    expect(tierGoalProgress(portfolio, parseTierGoals('MVC:4,MGC:1'), '2027-Q1').map((p) => p.verdict)).toEqual(['on-course', 'off-course']);
  });
});
