import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/feed/schema.js';
import {
  DEFAULT_TIER_RULES,
  TIER_META,
  TIER_ORDER,
  assignTiers,
  describeTierRule,
  tierAssignment,
  tierAssignments,
  tierReasonText,
  usableRules,
} from '../../src/analysis/index.js';

const acc = (id: string, revenue: number, extra: Partial<Account> = {}): Account => ({ id, name: id, revenue, ...extra });

// The default rule, 'texts': the tiers as the KAM texts define them.
// Total revenue 1000. By revenue: A 500 (cum 0.5), B 300 (cum 0.8) -> the vital few at 80% is A and B;
// the smallest MVC has revenue 300.
const textsFeed: Account[] = [
  acc('A', 500, { profit: 50 }), // vital few -> MVC
  acc('B', 300, { profit: 30, potential: 2000 }), // vital few -> MVC
  acc('C', 100, { profit: -10, potential: 5000 }), // profit below zero -> BZ (checked first, whatever its potential)
  acc('D', 50, { profit: 5, potential: 300 }), // potential 300 reaches the smallest MVC's revenue 300 -> MGC (it could become one)
  acc('E', 20, { potential: 299, previousRevenue: 10 }), // potential falls short; revenue grew 100% -> MGC
  acc('F', 10, { profit: 1, previousRevenue: 5 }), // grew 100% -> MGC (with the floor of 15: STC, margin 1 / 10 = 10%)
  acc('G', 10, { profit: 0 }), // profit 0 meets the minimum margin 0 -> STC
  acc('H', 5), // no profit -> STC, "profit unknown", never called profitable
  acc('I', 5, { profit: 0.2 }), // margin 4% >= 0 -> STC (with a minimum margin of 10%: below it, still STC)
  acc('K', 0, { tier: 'MVC', profit: -1 }), // given tier wins; the rule alone would say BZ
];

describe('the texts rule (the default)', () => {
  const result = assignTiers(textsFeed);
  const reasons = tierAssignments(result).map((a) => [a.account.id, a.tier, a.reason]);

  it('is the default', () => {
    expect(DEFAULT_TIER_RULES).toEqual({ rule: 'texts', cutoff: 0.8, measure: 'revenue', growthThreshold: 0.2, headroomFactor: 1, minMargin: 0, revenueFloor: 0 });
    expect(result.rules.rule).toBe('texts');
  });

  it('gives each account its tier and the step that gave it', () => {
    expect(reasons).toEqual([
      ['A', 'MVC', { code: 'vital-few', values: { rank: 1, cumulativeShare: 0.5, cutoff: 0.8, measure: 'revenue' } }],
      ['B', 'MVC', { code: 'vital-few', values: { rank: 2, cumulativeShare: 0.8, cutoff: 0.8, measure: 'revenue' } }],
      ['C', 'BZ', { code: 'negative-profit', values: { profit: -10 } }],
      ['D', 'MGC', { code: 'could-be-mvc', values: { potential: 300, revenue: 50, smallestMvcRevenue: 300 } }],
      ['E', 'MGC', { code: 'growth', values: { growth: 1, revenue: 20, previousRevenue: 10, threshold: 0.2, floor: 0 } }],
      ['F', 'MGC', { code: 'growth', values: { growth: 1, revenue: 10, previousRevenue: 5, threshold: 0.2, floor: 0 } }],
      ['G', 'STC', { code: 'margin', values: { profit: 0, revenue: 10, minMargin: 0 } }],
      ['H', 'STC', { code: 'profit-unknown', values: {} }],
      ['I', 'STC', { code: 'margin', values: { profit: 0.2, revenue: 5, minMargin: 0 } }],
      ['K', 'MVC', { code: 'given', values: { ruleTier: 'BZ' } }],
    ]);
    expect(result.smallestMvcRevenue).toBe(300);
    expect([...result.tierIndex]).toEqual([0, 0, 3, 1, 1, 1, 2, 2, 2, 0]);
  });

  it('sums the tiers', () => {
    expect(result.tiers.map((t) => [t.tier, t.accounts, t.revenue, t.profit])).toEqual([
      ['MVC', 3, 800, 79],
      ['MGC', 3, 80, 6],
      ['STC', 3, 20, 0.2],
      ['BZ', 1, 100, -10],
    ]);
  });

  it('min-margin and revenue-floor: a grower below the floor is not MGC; profit below the margin stays STC, said so', () => {
    const r = assignTiers(textsFeed, { minMargin: 0.1, revenueFloor: 15 });
    const byId = new Map(tierAssignments(r).map((a) => [a.account.id, a]));
    // E grew with revenue 20 >= 15: MGC, its reason quoting the floor.
    expect(byId.get('E')!.reason).toEqual({ code: 'growth', values: { growth: 1, revenue: 20, previousRevenue: 10, threshold: 0.2, floor: 15 } });
    // F grew but has revenue 10 < 15: STC; profit 1 is exactly 10% of 10.
    expect([byId.get('F')!.tier, byId.get('F')!.reason.code]).toEqual(['STC', 'margin']);
    // G: profit 0 < 10% of 10; I: 0.2 < 10% of 5 = 0.5. Neither below zero: STC, below the margin.
    expect([byId.get('G')!.tier, byId.get('G')!.reason]).toEqual(['STC', { code: 'below-margin', values: { profit: 0, revenue: 10, minMargin: 0.1 } }]);
    expect([byId.get('I')!.tier, byId.get('I')!.reason.code]).toEqual(['STC', 'below-margin']);
    expect(byId.get('H')!.reason.code).toBe('profit-unknown');
  });

  it('MGC is measured against the smallest MVC, not against the account\'s own size (the issue\'s example)', () => {
    // Total 2,051,000: X1 1,000,000 (cum 0.488), X2 650,000 (cum 0.804) are the vital few; the smallest MVC has 650,000.
    const accounts = [
      acc('X1', 1_000_000, { profit: 100_000 }),
      acc('X2', 650_000, { profit: 60_000 }),
      acc('L', 400_000, { profit: 40_000, potential: 700_000 }),
      acc('S', 1_000, { profit: 100, potential: 2_000 }),
    ];
    const tiers = (rule: 'texts' | 'headroom') => tierAssignments(assignTiers(accounts, { rule })).map((a) => `${a.account.id}:${a.tier}`);
    // Texts: L's potential 700,000 reaches 650,000 (it could become an MVC); S's 2,000 does not.
    expect(tiers('texts')).toEqual(['X1:MVC', 'X2:MVC', 'L:MGC', 'S:STC']);
    // Headroom: S's headroom 1,000 is 1x its revenue; L's 300,000 is less than its 400,000.
    expect(tiers('headroom')).toEqual(['X1:MVC', 'X2:MVC', 'L:STC', 'S:MGC']);
  });

  it('tier-measure ranks the vital few by profit or CLV; a negative or unknown value ranks as 0', () => {
    // Profit: P2 40 (cum 40/55), P3 10 (cum 50/55 = 0.909) are the vital few; P1 has the most revenue but profit 5.
    const accounts = [
      acc('P1', 100, { profit: 5, clv: 100 }),
      acc('P2', 50, { profit: 40, clv: 900 }),
      acc('P3', 30, { profit: 10 }),
      acc('N', 10, { profit: -5, clv: 50 }),
    ];
    const byProfit = assignTiers(accounts, { measure: 'profit' });
    expect(tierAssignments(byProfit).map((a) => a.tier)).toEqual(['STC', 'MVC', 'MVC', 'BZ']);
    expect(tierAssignments(byProfit)[1]!.reason).toEqual({ code: 'vital-few', values: { rank: 1, cumulativeShare: 40 / 55, cutoff: 0.8, measure: 'profit' } });
    // The smallest MVC by revenue is P3 (30): P1 has no potential, so it is not MGC; margin 5%.
    expect(byProfit.smallestMvcRevenue).toBe(30);
    expect(tierAssignments(byProfit)[0]!.reason.code).toBe('margin');
    // CLV: P2 900 of 1050 (0.857) alone; P3 has none (0).
    expect(tierAssignments(assignTiers(accounts, { measure: 'clv' })).map((a) => a.tier)).toEqual(['STC', 'MVC', 'STC', 'BZ']);
    // By revenue: P1 100 (0.526), P2 50 (0.789), P3 30 (0.947).
    expect(tierAssignments(assignTiers(accounts)).map((a) => a.tier)).toEqual(['MVC', 'MVC', 'MVC', 'BZ']);
    // The headroom rule ranks by revenue whatever the measure.
    expect(tierAssignments(assignTiers(accounts, { rule: 'headroom', measure: 'profit' })).map((a) => a.tier)).toEqual(['MVC', 'MVC', 'MVC', 'BZ']);
  });

  it('without vital few (revenue 0) no account is MGC by potential', () => {
    const r = assignTiers([acc('a', 0, { potential: 100, profit: 0 }), acc('b', 0)]);
    expect(r.smallestMvcRevenue).toBeNaN();
    expect(tierAssignments(r).map((a) => [a.tier, a.reason.code])).toEqual([
      ['STC', 'margin'],
      ['STC', 'profit-unknown'],
    ]);
  });

  it('a feed without any profit: every account outside MVC and MGC is "profit unknown"', () => {
    const r = assignTiers([acc('a', 90), acc('b', 10, { potential: 20 }), acc('c', 5)]);
    // a alone holds 90/105 = 0.857; b's potential 20 < 90; no growth.
    expect(tierAssignments(r).map((a) => [a.tier, a.reason.code])).toEqual([
      ['MVC', 'vital-few'],
      ['STC', 'profit-unknown'],
      ['STC', 'profit-unknown'],
    ]);
  });
});

// The rule 'headroom' (tier-rule="headroom"): MGC by headroom relative to the account's own revenue.
// Total revenue 200. By revenue: A 100 (cum 0.5), B 60 (cum 0.8) -> the vital few at 80% is A and B.
const feed: Account[] = [
  acc('A', 100, { profit: 10, effort: 10 }), // vital few -> MVC
  acc('B', 60, { profit: -5, effort: 20 }), // vital few, but negative profit -> BZ (BZ is checked first)
  acc('C', 20, { profit: 1, potential: 40, effort: 5 }), // headroom 20 = exactly 1x revenue -> MGC
  acc('D', 10, { previousRevenue: 8, potential: 12, effort: 5 }), // headroom 2 too small; growth 25% -> MGC
  acc('E', 6, { previousRevenue: 5 }), // growth exactly 20% (6 / 5 - 1 = 0.19999999999999996 in floats) -> MGC
  acc('F', 4, { previousRevenue: 0, potential: 4 }), // no growth base, headroom 0 -> STC
  acc('G', 0, { potential: 0 }), // revenue 0 and potential 0 is not "growable" -> STC
  acc('H', 0, { tier: 'MVC', profit: -1 }), // given tier wins; the rule alone would say BZ
];

describe('the headroom rule', () => {
  const headroom = { rule: 'headroom' } as const;
  const result = assignTiers(feed, headroom);
  const byId = new Map(tierAssignments(result).map((a) => [a.account.id, a]));

  it('gives each account its tier, in input order', () => {
    expect(tierAssignments(result).map((a) => `${a.account.id}:${a.tier}`)).toEqual([
      'A:MVC',
      'B:BZ',
      'C:MGC',
      'D:MGC',
      'E:MGC',
      'F:STC',
      'G:STC',
      'H:MVC',
    ]);
    expect(tierAssignments(result).map((a) => a.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('gives the assignment of one account on request, the same as in the whole list; tierIndex holds the same tiers', () => {
    const fresh = assignTiers(feed, headroom);
    const h = tierAssignment(fresh, 7);
    expect([h.account.id, h.tier]).toEqual(['H', 'MVC']);
    expect(tierAssignments(fresh)[7]).toEqual(h);
    expect(tierAssignments(fresh).map((a) => a.reason)).toEqual(tierAssignments(result).map((a) => a.reason));
    expect([...fresh.tierIndex]).toEqual([0, 3, 1, 1, 1, 2, 2, 0]); // MVC BZ MGC MGC MGC STC STC MVC
  });

  it('records a structured reason for each branch', () => {
    expect(byId.get('A')!.reason).toEqual({ code: 'vital-few', values: { rank: 1, cumulativeShare: 0.5, cutoff: 0.8, measure: 'revenue' } });
    expect(byId.get('B')!.reason).toEqual({ code: 'negative-profit', values: { profit: -5 } });
    expect(byId.get('C')!.reason).toEqual({ code: 'headroom', values: { headroom: 20, revenue: 20, potential: 40, factor: 1 } });
    expect(byId.get('D')!.reason).toEqual({
      code: 'growth',
      values: { growth: 10 / 8 - 1, revenue: 10, previousRevenue: 8, threshold: 0.2, floor: 0 },
    });
    expect(byId.get('E')!.reason.code).toBe('growth');
    expect(byId.get('F')!.reason).toEqual({ code: 'default', values: {} });
    expect(byId.get('G')!.reason.code).toBe('default');
  });

  it('a tier given in the feed wins and is marked given, with what the rule would say', () => {
    const h = byId.get('H')!;
    expect(h.given).toBe(true);
    expect(h.reason).toEqual({ code: 'given', values: { ruleTier: 'BZ' } });
    expect(tierAssignments(result).filter((a) => a.given)).toHaveLength(1);
  });

  it('summarises all four tiers in the order MVC, MGC, STC, BZ', () => {
    expect(result.tiers.map((t) => t.tier)).toEqual(['MVC', 'MGC', 'STC', 'BZ']);
    const [mvc, mgc, stc, bz] = result.tiers;
    expect(mvc).toMatchObject({ name: 'Most Valuable Customers', accounts: 2, revenue: 100, revenueShare: 0.5, profit: 9, profitAccounts: 2, effort: 10, effortShare: 0.25 });
    expect(mgc).toMatchObject({ name: 'Most Growable Customers', accounts: 3, revenue: 36, revenueShare: 0.18, profit: 1, profitAccounts: 1, effort: 10, effortShare: 0.25 });
    // no STC account has profit or effort: null, not 0
    expect(stc).toMatchObject({ name: 'Second Tier Customers', accounts: 2, revenue: 4, revenueShare: 0.02, profit: null, profitAccounts: 0, effort: null, effortShare: 0 });
    expect(bz).toMatchObject({ name: 'Below Zero customers', accounts: 1, revenue: 60, revenueShare: 0.3, profit: -5, effort: 20, effortShare: 0.5 });
    expect(result.totals).toEqual({ accounts: 8, revenue: 200, profit: 5, profitAccounts: 4, effort: 40, effortAccounts: 4 });
  });

  it('effortShare is null when no account has effort', () => {
    const r = assignTiers([acc('a', 10), acc('b', 5)]);
    expect(r.tiers.map((t) => t.effortShare)).toEqual([null, null, null, null]);
    expect(r.totals.effort).toBeNull();
  });

  it('the vital few is computed over all accounts, given tiers included', () => {
    // X alone holds 90%: it is the whole vital few, even though its own tier is given as STC.
    const r = assignTiers([acc('X', 90, { tier: 'STC' }), acc('Y', 10)], headroom);
    expect(tierAssignments(r).map((a) => a.tier)).toEqual(['STC', 'STC']);
    expect(tierAssignments(r)[1]!.reason.code).toBe('default');
    // The texts rule too: the smallest MVC is X (90).
    const texts = assignTiers([acc('X', 90, { tier: 'STC' }), acc('Y', 10, { potential: 90 })]);
    expect(texts.smallestMvcRevenue).toBe(90);
    expect(tierAssignments(texts)[1]!.reason.code).toBe('could-be-mvc');
  });

  it('profit exactly 0 is not below zero', () => {
    expect(tierAssignments(assignTiers([acc('a', 10, { profit: 0 })], headroom))[0]!.tier).toBe('MVC');
    expect(tierAssignments(assignTiers([acc('a', 10, { profit: 0 })]))[0]!.tier).toBe('MVC');
  });

  it('growth needs previousRevenue > 0; headroom tolerates float error', () => {
    expect(tierAssignments(assignTiers([acc('big', 1000), acc('new', 1, { previousRevenue: 0 })], headroom))[1]!.tier).toBe('STC');
    // headroom 0.3 - 0.1 = 0.19999999999999998 is 2x revenue 0.1
    const r = assignTiers([acc('big', 1000), acc('small', 0.1, { potential: 0.3 })], { ...headroom, headroomFactor: 2 });
    expect(tierAssignments(r)[1]!.reason.code).toBe('headroom');
  });

  it('rules are options: cutoff, headroomFactor, growthThreshold', () => {
    const r = assignTiers(feed, { ...headroom, cutoff: 0.5, headroomFactor: 2, growthThreshold: 0.3 });
    expect(tierAssignments(r).map((a) => a.tier)).toEqual(['MVC', 'BZ', 'STC', 'STC', 'STC', 'STC', 'STC', 'MVC']);
    expect(r.rules).toEqual({ ...DEFAULT_TIER_RULES, rule: 'headroom', cutoff: 0.5, headroomFactor: 2, growthThreshold: 0.3 });
    expect(assignTiers(feed, { cutoff: 0.5 }).rules).toEqual({ ...DEFAULT_TIER_RULES, cutoff: 0.5 });
  });

  it('rejects invalid rules', () => {
    expect(() => assignTiers(feed, { cutoff: 0 })).toThrow(RangeError);
    expect(() => assignTiers(feed, { headroomFactor: -1 })).toThrow(RangeError);
    expect(() => assignTiers(feed, { growthThreshold: Number.NaN })).toThrow(RangeError);
    expect(() => assignTiers(feed, { rule: 'pareto' as never })).toThrow(RangeError);
    expect(() => assignTiers(feed, { measure: 'margin' as never })).toThrow(RangeError);
    expect(() => assignTiers(feed, { minMargin: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => assignTiers(feed, { revenueFloor: -1 })).toThrow(RangeError);
  });

  it('usableRules keeps the usable rules and leaves the others to their defaults', () => {
    expect(usableRules({ rule: 'headroom', measure: 'clv', minMargin: -0.1, revenueFloor: 5 })).toEqual({ rule: 'headroom', measure: 'clv', minMargin: -0.1, revenueFloor: 5 });
    expect(usableRules({ rule: 'x' as never, measure: 'y' as never, minMargin: Number.NaN, revenueFloor: -5, cutoff: 2 })).toEqual({});
  });

  it('an empty feed still has four empty tiers', () => {
    const r = assignTiers([]);
    expect(r.tiers.map((t) => [t.tier, t.accounts, t.revenue, t.revenueShare])).toEqual([
      ['MVC', 0, 0, 0],
      ['MGC', 0, 0, 0],
      ['STC', 0, 0, 0],
      ['BZ', 0, 0, 0],
    ]);
  });
});

describe('tier texts', () => {
  it('describes the default rule (texts) in words, in order', () => {
    expect(describeTierRule()).toEqual([
      'BZ: profit below 0.',
      'MVC: the top accounts that make up 80% of revenue.',
      'MGC: potential at least the revenue of the smallest MVC (it could become one), or revenue grew at least 20% over the previous period.',
      'STC: every other account; it meets the minimum margin when profit is at least 0% of revenue, and shows as "profit unknown" without a profit figure.',
      'Tiers given in the feed win over this rule.',
    ]);
    const [, mvc, mgc, stc] = describeTierRule({ measure: 'clv', revenueFloor: 50000, minMargin: 0.15 });
    expect(mvc).toBe('MVC: the top accounts that make up 80% of customer lifetime value.');
    expect(mgc).toContain('grew at least 20% over the previous period with revenue of at least 50000.');
    expect(stc).toContain('profit is at least 15% of revenue');
  });

  it('describes the headroom rule in words, in order', () => {
    expect(describeTierRule({ rule: 'headroom' })).toEqual([
      'BZ: profit below 0.',
      'MVC: the top accounts that make up 80% of revenue.',
      'MGC: growth headroom (potential − revenue) at least 1× current revenue, or revenue grew at least 20% over the previous period.',
      'STC: every other account.',
      'Tiers given in the feed win over this rule.',
    ]);
  });

  it('describes custom rules with their numbers', () => {
    const [, mvc, mgc] = describeTierRule({ rule: 'headroom', cutoff: 0.75, headroomFactor: 1.5, growthThreshold: 0.1 });
    expect(mvc).toBe('MVC: the top accounts that make up 75% of revenue.');
    expect(mgc).toContain('at least 1.5× current revenue');
    expect(mgc).toContain('at least 10% over');
  });

  it('builds reason sentences with injected formatters', () => {
    const money = (v: number) => `${v < 0 ? '-' : ''}$${Math.abs(v).toLocaleString('en-US')}`;
    const percent = (f: number) => `${(f * 100).toFixed(0)} %`;
    expect(tierReasonText({ code: 'negative-profit', values: { profit: -12400 } }, money, percent)).toBe('Profit is below zero (-$12,400).');
    expect(tierReasonText({ code: 'growth', values: { growth: 0.25, revenue: 10, previousRevenue: 8, threshold: 0.2, floor: 0 } }, money, percent)).toBe(
      'Revenue grew 25 % over the previous period (at least 20 %).',
    );
    expect(tierReasonText({ code: 'growth', values: { growth: 0.25, revenue: 60000, previousRevenue: 48000, threshold: 0.2, floor: 50000 } }, money, percent)).toBe(
      'Revenue grew 25 % over the previous period (at least 20 %), with revenue of $60,000 (at least $50,000).',
    );
    expect(tierReasonText({ code: 'given', values: { ruleTier: 'BZ' } })).toBe('Tier given in the feed (the rule would give BZ).');
    expect(tierReasonText({ code: 'vital-few', values: { rank: 2, cumulativeShare: 0.8, cutoff: 0.8, measure: 'revenue' } })).toBe(
      'Rank 2: among the top accounts that make up 80% of revenue (cumulative 80%).',
    );
    expect(tierReasonText({ code: 'vital-few', values: { rank: 1, cumulativeShare: 0.6, cutoff: 0.8, measure: 'profit' } })).toBe(
      'Rank 1: among the top accounts that make up 80% of profit (cumulative 60%).',
    );
  });

  it('words the reasons of the texts rule', () => {
    const money = (v: number) => `${v < 0 ? '-' : ''}$${Math.abs(v).toLocaleString('en-US')}`;
    expect(tierReasonText({ code: 'could-be-mvc', values: { potential: 700000, revenue: 400000, smallestMvcRevenue: 650000 } }, money)).toBe(
      'Potential of $700,000 reaches the revenue of the smallest MVC ($650,000): it could become one.',
    );
    expect(tierReasonText({ code: 'margin', values: { profit: 100, revenue: 1000, minMargin: 0.05 } }, money)).toBe(
      'Meets the minimum margin of 5%: profit of $100 (10% of revenue); neither among the top accounts nor growable.',
    );
    expect(tierReasonText({ code: 'below-margin', values: { profit: 20, revenue: 1000, minMargin: 0.05 } }, money)).toBe(
      'Profit of $20, 2% of revenue, is below the minimum margin of 5%; neither among the top accounts nor growable.',
    );
    // Unknown profit is said as such, never as profitable.
    const unknown = tierReasonText({ code: 'profit-unknown', values: {} });
    expect(unknown).toBe('Profit unknown: the feed has no profit for this account; neither among the top accounts nor growable.');
    expect(unknown).not.toMatch(/profitable/i);
  });

  it('a BZ reason says whether profit was below zero in the previous period too', () => {
    const money = (v: number) => `${v < 0 ? '-' : ''}$${Math.abs(v).toLocaleString('en-US')}`;
    expect(tierReasonText({ code: 'negative-profit', values: { profit: -10, previousProfit: -3 } }, money)).toBe('Profit is below zero (-$10), as in the previous period (-$3).');
    expect(tierReasonText({ code: 'negative-profit', values: { profit: -10, previousProfit: 4 } }, money)).toBe('Profit is below zero (-$10); in the previous period it was not ($4).');
    expect(tierReasonText({ code: 'negative-profit', values: { profit: -10, previousProfit: 0 } }, money)).toBe('Profit is below zero (-$10); in the previous period it was not ($0).');
    expect(tierReasonText({ code: 'negative-profit', values: { profit: -10, previousProfit: null } }, money)).toBe(
      'Profit is below zero (-$10); the previous period has no profit figure for it.',
    );
  });

  it('exports metadata for every tier', () => {
    expect(TIER_ORDER).toEqual(['MVC', 'MGC', 'STC', 'BZ']);
    for (const t of TIER_ORDER) expect(TIER_META[t].definition.length).toBeGreaterThan(10);
  });
});

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const accountArb = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 4 }),
    name: fc.string({ maxLength: 3 }),
    revenue: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000 })),
    previousRevenue: maybe(fc.integer({ min: 0, max: 100_000 })),
    profit: maybe(fc.integer({ min: -50_000, max: 50_000 })),
    potential: maybe(fc.integer({ min: 0, max: 300_000 })),
    effort: maybe(fc.integer({ min: 0, max: 500 })),
    tier: maybe(fc.constantFrom('MVC' as const, 'MGC' as const, 'STC' as const, 'BZ' as const)),
  },
  { requiredKeys: ['id', 'name', 'revenue'] },
);

describe('assignTiers: invariants', () => {
  it('every account gets exactly one tier and tier totals equal feed totals', () => {
    fc.assert(
      fc.property(fc.array(accountArb, { maxLength: 40 }), (accounts) => {
        const r = assignTiers(accounts);
        expect(tierAssignments(r)).toHaveLength(accounts.length);
        tierAssignments(r).forEach((a, i) => {
          expect(a.account).toBe(accounts[i]);
          expect(TIER_ORDER).toContain(a.tier);
          if (accounts[i]!.tier) expect(a.tier).toBe(accounts[i]!.tier);
        });
        const sum = (f: (t: (typeof r.tiers)[number]) => number | null) => r.tiers.reduce((s, t) => s + (f(t) ?? 0), 0);
        expect(sum((t) => t.accounts)).toBe(accounts.length);
        expect(sum((t) => t.revenue)).toBe(accounts.reduce((s, a) => s + a.revenue, 0));
        expect(sum((t) => t.profit)).toBe(accounts.reduce((s, a) => s + (a.profit ?? 0), 0));
        expect(sum((t) => t.effort)).toBe(accounts.reduce((s, a) => s + (a.effort ?? 0), 0));
        const revenue = accounts.reduce((s, a) => s + a.revenue, 0);
        if (revenue > 0) expect(sum((t) => t.revenueShare)).toBeCloseTo(1, 9);
        const effort = accounts.reduce((s, a) => s + (a.effort ?? 0), 0);
        if (effort > 0) expect(sum((t) => t.effortShare)).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe('the texts rule: invariants', () => {
  it('never calls an account without profit profitable; BZ exactly for profit below zero; MGC by potential only when it reaches the smallest MVC', () => {
    fc.assert(
      fc.property(fc.array(accountArb, { maxLength: 40 }), fc.constantFrom(0, 0.05, 0.2), (accounts, minMargin) => {
        const r = assignTiers(accounts, { minMargin });
        for (const a of tierAssignments(r)) {
          const { profit, revenue, potential } = a.account;
          if (a.given) continue;
          expect(a.tier === 'BZ').toBe(profit !== undefined && profit < 0);
          if (a.tier === 'STC') expect(a.reason.code === 'profit-unknown').toBe(profit === undefined);
          if (a.reason.code === 'margin') expect(profit!).toBeGreaterThanOrEqual(minMargin * revenue - 1e-9);
          if (a.reason.code === 'below-margin') expect(profit!).toBeLessThan(minMargin * revenue);
          if (a.reason.code === 'could-be-mvc') expect(potential!).toBeGreaterThanOrEqual(r.smallestMvcRevenue);
        }
      }),
    );
  });
});
