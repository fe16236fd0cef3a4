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
} from '../../src/analysis/index.js';

const acc = (id: string, revenue: number, extra: Partial<Account> = {}): Account => ({ id, name: id, revenue, ...extra });

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

describe('assignTiers: rule branches', () => {
  const result = assignTiers(feed);
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
    const fresh = assignTiers(feed);
    const h = tierAssignment(fresh, 7);
    expect([h.account.id, h.tier]).toEqual(['H', 'MVC']);
    expect(tierAssignments(fresh)[7]).toEqual(h);
    expect(tierAssignments(fresh).map((a) => a.reason)).toEqual(tierAssignments(result).map((a) => a.reason));
    expect([...fresh.tierIndex]).toEqual([0, 3, 1, 1, 1, 2, 2, 0]); // MVC BZ MGC MGC MGC STC STC MVC
  });

  it('records a structured reason for each branch', () => {
    expect(byId.get('A')!.reason).toEqual({ code: 'vital-few', values: { rank: 1, cumulativeShare: 0.5, cutoff: 0.8 } });
    expect(byId.get('B')!.reason).toEqual({ code: 'negative-profit', values: { profit: -5 } });
    expect(byId.get('C')!.reason).toEqual({ code: 'headroom', values: { headroom: 20, revenue: 20, potential: 40, factor: 1 } });
    expect(byId.get('D')!.reason).toEqual({
      code: 'growth',
      values: { growth: 10 / 8 - 1, revenue: 10, previousRevenue: 8, threshold: 0.2 },
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
    const r = assignTiers([acc('X', 90, { tier: 'STC' }), acc('Y', 10)]);
    expect(tierAssignments(r).map((a) => a.tier)).toEqual(['STC', 'STC']);
    expect(tierAssignments(r)[1]!.reason.code).toBe('default');
  });

  it('profit exactly 0 is not below zero', () => {
    expect(tierAssignments(assignTiers([acc('a', 10, { profit: 0 })]))[0]!.tier).toBe('MVC');
  });

  it('growth needs previousRevenue > 0; headroom tolerates float error', () => {
    expect(tierAssignments(assignTiers([acc('big', 1000), acc('new', 1, { previousRevenue: 0 })]))[1]!.tier).toBe('STC');
    // headroom 0.3 - 0.1 = 0.19999999999999998 is 2x revenue 0.1
    const r = assignTiers([acc('big', 1000), acc('small', 0.1, { potential: 0.3 })], { headroomFactor: 2 });
    expect(tierAssignments(r)[1]!.reason.code).toBe('headroom');
  });

  it('rules are options: cutoff, headroomFactor, growthThreshold', () => {
    const r = assignTiers(feed, { cutoff: 0.5, headroomFactor: 2, growthThreshold: 0.3 });
    expect(tierAssignments(r).map((a) => a.tier)).toEqual(['MVC', 'BZ', 'STC', 'STC', 'STC', 'STC', 'STC', 'MVC']);
    expect(r.rules).toEqual({ cutoff: 0.5, headroomFactor: 2, growthThreshold: 0.3 });
    expect(assignTiers(feed, { cutoff: 0.5 }).rules).toEqual({ ...DEFAULT_TIER_RULES, cutoff: 0.5 });
  });

  it('rejects invalid rules', () => {
    expect(() => assignTiers(feed, { cutoff: 0 })).toThrow(RangeError);
    expect(() => assignTiers(feed, { headroomFactor: -1 })).toThrow(RangeError);
    expect(() => assignTiers(feed, { growthThreshold: Number.NaN })).toThrow(RangeError);
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
  it('describes the default rule in words, in order', () => {
    expect(describeTierRule()).toEqual([
      'BZ: profit below 0.',
      'MVC: the top accounts that make up 80% of revenue.',
      'MGC: growth headroom (potential − revenue) at least 1× current revenue, or revenue grew at least 20% over the previous period.',
      'STC: every other account.',
      'Tiers given in the feed win over this rule.',
    ]);
  });

  it('describes custom rules with their numbers', () => {
    const [, mvc, mgc] = describeTierRule({ cutoff: 0.75, headroomFactor: 1.5, growthThreshold: 0.1 });
    expect(mvc).toBe('MVC: the top accounts that make up 75% of revenue.');
    expect(mgc).toContain('at least 1.5× current revenue');
    expect(mgc).toContain('at least 10% over');
  });

  it('builds reason sentences with injected formatters', () => {
    const money = (v: number) => `${v < 0 ? '-' : ''}$${Math.abs(v).toLocaleString('en-US')}`;
    const percent = (f: number) => `${(f * 100).toFixed(0)} %`;
    expect(tierReasonText({ code: 'negative-profit', values: { profit: -12400 } }, money, percent)).toBe('Profit is below zero (-$12,400).');
    expect(tierReasonText({ code: 'growth', values: { growth: 0.25, revenue: 10, previousRevenue: 8, threshold: 0.2 } }, money, percent)).toBe(
      'Revenue grew 25 % over the previous period (at least 20 %).',
    );
    expect(tierReasonText({ code: 'given', values: { ruleTier: 'BZ' } })).toBe('Tier given in the feed (the rule would give BZ).');
    expect(tierReasonText({ code: 'vital-few', values: { rank: 2, cumulativeShare: 0.8, cutoff: 0.8 } })).toBe(
      'Rank 2: among the top accounts that make up 80% of revenue (cumulative 80%).',
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
