import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/feed/schema.js';
import { parseFeed } from '../../src/feed/parse.js';
import { Portfolio, accountColumns, assignTiers, atCutoff, pareto, paretoRows, paretoShares, quadrants, tierAssignments, TIER_ORDER, type TierResult } from '../../src/analysis/index.js';

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
    expect(whole.rules).toEqual({ cutoff: 0.8, growthThreshold: 0.2, headroomFactor: 1 });
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
    const half = new Portfolio(accounts, { cutoff: 0.5 });
    expect(half.ranking().vitalFew).toBe(1);
    expect([...half.tiers().tierIndex].map((t) => TIER_ORDER[t])).toEqual(['MVC', 'STC', 'STC', 'MGC', 'BZ', 'STC', 'STC']);
    expect(() => new Portfolio(accounts, { cutoff: 2 })).toThrow(RangeError);
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
    expect(view.assignment(1).reason).toEqual({ code: 'vital-few', values: { rank: 3, cumulativeShare: 0.8, cutoff: 0.8 } });
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
