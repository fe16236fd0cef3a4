import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/feed/schema.js';
import { parseFeed } from '../../src/feed/parse.js';
import {
  DEFAULT_FLAG_RULES,
  DEFAULT_TIER_RULES,
  Portfolio,
  accountColumns,
  assignTiers,
  atCutoff,
  pareto,
  paretoRows,
  paretoShares,
  quadrants,
  tierAssignments,
  tierReasonText,
  TIER_ORDER,
  type TierResult,
} from '../../src/analysis/index.js';

const acc = (id: string, revenue: number, extra: Partial<Account> = {}): Account => ({ id, name: id, revenue, ...extra });

// Revenue 50, 20, 10, 8, 6, 4, 2 = 100: cumulative 50, 70, 80, 88, 94, 98, 100 %: the vital few at 80% are a, b, c.
// Regions: a, c, e, g in EMEA; b, d, f in APAC. Effort / impact put each in a quadrant.
const accounts: Account[] = [
  acc('a', 50, { region: 'EMEA', effort: 10, impact: 10 }),
  acc('b', 20, { region: 'APAC', effort: 1, impact: 9 }),
  acc('c', 10, { region: 'EMEA', effort: 9, impact: 1, profit: 3 }),
  acc('d', 8, { region: 'APAC', effort: 2, impact: 2, potential: 30 }),
  acc('e', 6, { region: 'EMEA', effort: 8, impact: 8, profit: -1 }),
  acc('f', 4, { region: 'APAC', effort: 3, impact: 3 }),
  acc('g', 2, { region: 'EMEA', effort: 7, impact: 2 }),
];
const emea = Uint32Array.from([0, 2, 4, 6]);
/** A tier result without its columns (read lazily from accounts, or filled by the feed: the same figures, other objects). */
const withoutColumns = (result: TierResult) => ({ ...result, columns: undefined });

describe('Portfolio: one analysis per feed', () => {
  const whole = new Portfolio(accounts);

  it('of a validated feed reads the columns the feed filled while it validated, and the same results come out', () => {
    const feed = parseFeed(accounts);
    const fromFeed = new Portfolio(feed.accounts, {}, feed.columns);
    expect(fromFeed.columns).toBe(feed.columns);
    expect(fromFeed.ranking()).toEqual(whole.ranking());
    expect(withoutColumns(fromFeed.tiers())).toEqual(withoutColumns(whole.tiers()));
    expect(fromFeed.quadrants()).toEqual(whole.quadrants());
    // Columns of other accounts are refused, not read as these.
    expect(() => new Portfolio(feed.accounts.slice(1), {}, feed.columns)).toThrow(RangeError);
  });

  it('ranks, tiers and splits the accounts as the analysis functions do', () => {
    expect(whole.ranking()).toEqual(pareto(accounts));
    expect(withoutColumns(whole.tiers())).toEqual(withoutColumns(assignTiers(accounts)));
    expect(whole.assignments()).toEqual(tierAssignments(assignTiers(accounts)));
    expect(whole.shares()).toEqual(paretoShares(accountColumns(accounts).revenue));
    expect(whole.quadrants()).toEqual(quadrants(accounts));
    expect(whole.rules).toEqual({ ...DEFAULT_TIER_RULES, costPerEffort: undefined, flags: DEFAULT_FLAG_RULES, salesCycleMonths: undefined });
  });

  it('computes each part once and keeps it', () => {
    expect(whole.ranking()).toBe(whole.ranking());
    expect(whole.tiers()).toBe(whole.tiers());
    expect(whole.quadrants()).toBe(whole.quadrants());
  });

  it('finds an account by id, -1 for an unknown one', () => {
    expect([whole.indexOf('e'), whole.indexOf('a'), whole.indexOf('zz')]).toEqual([4, 0, -1]);
  });

  it('takes the cutoff and the tier rules from its rules', () => {
    // At 50% a alone is the vital few; the smallest MVC has revenue 50, which d's potential 30 does not reach.
    const half = new Portfolio(accounts, { cutoff: 0.5 });
    expect(half.ranking().vitalFew).toBe(1);
    expect([...half.tiers().tierIndex].map((t) => TIER_ORDER[t])).toEqual(['MVC', 'STC', 'STC', 'STC', 'BZ', 'STC', 'STC']);
    // The headroom rule: d's headroom 22 is at least its revenue 8.
    const headroom = new Portfolio(accounts, { cutoff: 0.5, rule: 'headroom' });
    expect([...headroom.tiers().tierIndex].map((t) => TIER_ORDER[t])).toEqual(['MVC', 'STC', 'STC', 'MGC', 'BZ', 'STC', 'STC']);
    expect(() => new Portfolio(accounts, { cutoff: 2 })).toThrow(RangeError);
  });

  it('takes the cost per effort, the flag thresholds and the sales cycle with the tier rules', () => {
    const p = new Portfolio(accounts, { costPerEffort: 150, salesCycleMonths: 9, flags: { revenueDrop: 0.25 } as never, minMargin: 0.1 });
    expect(p.rules).toMatchObject({ costPerEffort: 150, salesCycleMonths: 9, minMargin: 0.1, flags: { ...DEFAULT_FLAG_RULES, revenueDrop: 0.25 } });
  });
});

describe('Portfolio.narrow: a filter shows fewer accounts and never re-ranks or re-tiers them', () => {
  const whole = new Portfolio(accounts);
  const view = whole.narrow(emea);

  it('holds the chosen accounts, in input order', () => {
    expect(view.accounts.map((a) => a.id)).toEqual(['a', 'c', 'e', 'g']);
    expect(view.root).toBe(whole);
    expect(view.indexOf('e')).toBe(2);
    expect(view.indexOf('b')).toBe(-1);
  });

  it('keeps each account’s tier and reason from the whole portfolio', () => {
    // The whole portfolio: a, c MVC (ranks 1 and 3), e BZ (profit −1), g STC. The same here, with the whole portfolio's ranks.
    expect([...view.tiers().tierIndex].map((t) => TIER_ORDER[t])).toEqual(['MVC', 'MVC', 'BZ', 'STC']);
    expect(view.assignment(1).reason).toEqual({ code: 'vital-few', values: { rank: 3, cumulativeShare: 0.8, cutoff: 0.8, measure: 'revenue' } });
    expect(view.tiers().tiers.map((t) => t.accounts)).toEqual([2, 0, 1, 1]);
    expect(view.tiers().totals.revenue).toBe(68);
  });

  it('ranks the accounts in the whole portfolio’s order, with shares of their own revenue', () => {
    const ranking = view.ranking();
    expect(paretoRows(ranking).map((r) => [r.account.id, r.rank])).toEqual([
      ['a', 1],
      ['c', 2],
      ['e', 3],
      ['g', 4],
    ]);
    expect(ranking.total).toBe(68);
    expect([...ranking.cumulative]).toEqual([50 / 68, 60 / 68, 66 / 68, 1]);
    expect(ranking.vitalFew).toBe(2); // 73.5% < 80% <= 88.2%
  });

  it('splits the accounts at the whole feed’s medians (effort 7, impact 3), counting only its own', () => {
    const split = view.quadrants();
    expect([split.effortThreshold, split.impactThreshold]).toEqual([7, 3]);
    expect(split.thresholdSource).toEqual({ effort: 'median', impact: 'median' });
    // a (10, 10) strategic; c (9, 1) over-served; e (8, 8) strategic; g (7, 2) over-served.
    expect(split.quadrants.map((q) => [q.id, q.accounts])).toEqual([
      ['quick-wins', 0],
      ['strategic', 2],
      ['maintain', 0],
      ['over-served', 2],
    ]);
  });

  it('narrows a narrowed portfolio the same way', () => {
    const two = view.narrow(Uint32Array.from([1, 3])); // c and g
    expect(two.accounts.map((a) => a.id)).toEqual(['c', 'g']);
    expect([...two.tiers().tierIndex].map((t) => TIER_ORDER[t])).toEqual(['MVC', 'STC']);
    expect(two.quadrants().effortThreshold).toBe(7);
    expect(two.root).toBe(whole);
  });

  it('is the portfolio itself when every account is kept', () => {
    expect(whole.narrow(Uint32Array.from([0, 1, 2, 3, 4, 5, 6]))).toBe(whole);
  });
});

describe('Portfolio by measure: shares, ranking and the accounts below zero of revenue, profit or CLV', () => {
  // Profit: a none, b none, c 3, d none, e -1, f none, g none. CLV: only b 40 and g 60.
  const withClv = accounts.map((a) => (a.id === 'b' ? { ...a, clv: 40 } : a.id === 'g' ? { ...a, clv: 60 } : a));
  const p = new Portfolio(withClv);

  it('revenue is the default', () => {
    expect(p.shares()).toBe(p.shares('revenue'));
    expect(p.ranking()).toBe(p.ranking('revenue'));
    expect(p.belowZero('revenue')).toEqual(new Uint32Array(0));
  });

  it('ranks by profit: an unknown or negative profit ranks as 0, after the positive ones, ties by name', () => {
    const ranking = p.ranking('profit');
    expect([...ranking.order].map((i) => withClv[i]!.id)).toEqual(['c', 'a', 'b', 'd', 'e', 'f', 'g']);
    expect([ranking.total, ranking.vitalFew, ranking.cumulative[0]]).toEqual([3, 1, 1]);
    expect(p.shares('profit')).toMatchObject({ total: 3, vitalFew: 1, count: 7 });
    expect([...p.shares('profit').revenue]).toEqual([3, 0, 0, 0, 0, 0, 0]);
    // e (profit -1) is listed apart, never hidden.
    expect([...p.belowZero('profit')]).toEqual([4]);
  });

  it('ranks by CLV', () => {
    const ranking = p.ranking('clv');
    expect([...ranking.order].slice(0, 2).map((i) => withClv[i]!.id)).toEqual(['g', 'b']);
    expect([ranking.total, ranking.vitalFew]).toEqual([100, 2]); // 60%, then 100%
    expect(p.belowZero('clv')).toEqual(new Uint32Array(0));
  });

  it('keeps each measure once', () => {
    expect(p.ranking('profit')).toBe(p.ranking('profit'));
    expect(p.shares('clv')).toBe(p.shares('clv'));
    expect(p.belowZero('profit')).toBe(p.belowZero('profit'));
  });

  it('lists the accounts below zero most negative first, ties by name', () => {
    const q = new Portfolio([acc('x', 10, { profit: -2 }), acc('y', 10, { profit: -7 }), acc('w', 5, { profit: -2 }), acc('z', 1, { profit: 4 })]);
    expect([...q.belowZero('profit')]).toEqual([1, 2, 0]); // y -7, then w and x at -2
  });

  it('a narrowed portfolio keeps the whole order by the measure', () => {
    const view = p.narrow(emea); // a, c, e, g
    expect([...view.ranking('profit').order].map((k) => view.accounts[k]!.id)).toEqual(['c', 'a', 'e', 'g']);
    expect([...view.belowZero('profit')]).toEqual([2]);
    expect([...view.ranking('clv').order].map((k) => view.accounts[k]!.id)).toEqual(['g', 'a', 'c', 'e']);
  });

  it('the texts rule with tier-measure="profit" ranks its vital few, and its reasons, by profit', () => {
    const q = new Portfolio(accounts, { measure: 'profit' });
    // Only c has a profit above 0: it alone is the vital few by profit (smallest MVC revenue 10).
    // d's potential 30 reaches 10: MGC. e is BZ; the others have no profit.
    expect([...q.tiers().tierIndex].map((t) => TIER_ORDER[t])).toEqual(['STC', 'STC', 'MVC', 'MGC', 'BZ', 'STC', 'STC']);
    expect(q.assignment(2).reason).toEqual({ code: 'vital-few', values: { rank: 1, cumulativeShare: 1, cutoff: 0.8, measure: 'profit' } });
    expect(q.assignment(0).reason.code).toBe('profit-unknown');
  });
});

describe('Portfolio: a BZ reason and the previous period', () => {
  const feed = parseFeed({
    version: 1,
    periods: { order: ['Q1', 'Q2'], current: 'Q2' },
    accounts: [
      acc('top', 1000, { profit: 100, history: [{ period: 'Q1', revenue: 900, profit: 90 }] }),
      acc('still', 50, { profit: -10, history: [{ period: 'Q1', revenue: 60, profit: -3 }] }),
      acc('turned', 40, { profit: -5, history: [{ period: 'Q1', revenue: 40, profit: 4 }] }),
      acc('unknown', 30, { profit: -2, history: [{ period: 'Q1', revenue: 30 }] }),
      acc('new', 20, { profit: -1 }),
    ],
  });
  const p = new Portfolio(feed.accounts, {}, feed.columns, feed.history);

  it('says whether profit was below zero in the previous period too', () => {
    expect([1, 2, 3, 4].map((i) => p.assignment(i).reason)).toEqual([
      { code: 'negative-profit', values: { profit: -10, previousProfit: -3 } },
      { code: 'negative-profit', values: { profit: -5, previousProfit: 4 } },
      { code: 'negative-profit', values: { profit: -2, previousProfit: null } },
      { code: 'negative-profit', values: { profit: -1, previousProfit: null } },
    ]);
    expect(tierReasonText(p.assignment(1).reason)).toBe('Profit is below zero (-10), as in the previous period (-3).');
  });

  it('a narrowed portfolio gives the same reason', () => {
    expect(p.narrow(Uint32Array.from([2])).assignment(0).reason).toEqual({ code: 'negative-profit', values: { profit: -5, previousProfit: 4 } });
  });

  it('without a previous period the reason says nothing of it', () => {
    const flat = new Portfolio([acc('a', 10, { profit: -1 })]);
    expect(flat.assignment(0).reason).toEqual({ code: 'negative-profit', values: { profit: -1 } });
  });
});

describe('atCutoff: the same ranking read at another cutoff', () => {
  it('moves only the vital few', () => {
    const p = pareto(accounts);
    const half = atCutoff(p, 0.5);
    expect([half.vitalFew, half.vitalFewShare, half.vitalFewRevenueShare, half.cutoff]).toEqual([1, 1 / 7, 0.5, 0.5]);
    expect(half.order).toBe(p.order);
    expect(atCutoff(p, 0.8)).toBe(p);
  });
});

const accountArb = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 4 }),
    name: fc.string({ maxLength: 3 }),
    revenue: fc.integer({ min: 0, max: 1000 }),
    profit: fc.option(fc.integer({ min: -100, max: 100 }), { nil: undefined }),
    region: fc.constantFrom('EMEA', 'APAC'),
  },
  { requiredKeys: ['id', 'name', 'revenue', 'region'] },
);

describe('Portfolio.narrow: invariants', () => {
  it('every kept account has the tier the whole portfolio gives it, and the ranking keeps the whole order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(accountArb, { selector: (a) => a.id, maxLength: 40 }), (list) => {
        const whole = new Portfolio(list);
        const indexes = Uint32Array.from(list.flatMap((a, i) => (a.region === 'EMEA' ? [i] : [])));
        const view = whole.narrow(indexes);
        indexes.forEach((i, k) => expect(view.tiers().tierIndex[k]).toBe(whole.tiers().tierIndex[i]));
        const wholeOrder = [...whole.ranking().order].map((i) => list[i]!.id).filter((id) => view.indexOf(id) >= 0);
        expect([...view.ranking().order].map((k) => view.accounts[k]!.id)).toEqual(wholeOrder);
      }),
    );
  });
});
