import fc from 'fast-check';
import { median } from 'd3-array';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/feed/schema.js';
import { QUADRANT_IDS, QUADRANT_LABELS, createRandom, quadrantPoints, quadrants } from '../../src/analysis/index.js';

const acc = (id: string, revenue: number, extra: Partial<Account> = {}): Account => ({ id, name: id, revenue, ...extra });

const feed: Account[] = [
  acc('a', 100, { effort: 10, impact: 100 }),
  acc('b', 50, { effort: 20, impact: 50 }),
  acc('c', 40, { effort: 30, potential: 100 }), // no impact: headroom 100 − 40 = 60
  acc('d', 10, { effort: 40, impact: 10 }),
  acc('e', 7, { impact: 5 }), // no effort: not placed
  acc('f', 3, { effort: 5 }), // neither impact nor potential: not placed
  acc('g', 1), // lacks both
];

describe('quadrants', () => {
  const q = quadrants(feed);

  it('splits at the medians of the placed accounts: effort 25, impact 55', () => {
    expect(q.effortThreshold).toBe(25);
    expect(q.impactThreshold).toBe(55);
    expect(q.thresholdSource).toEqual({ effort: 'median', impact: 'median' });
  });

  it('places each account with effort and impact (impact falls back to headroom)', () => {
    expect(quadrantPoints(q).map((p) => [p.account.id, p.effort, p.impact, p.impactSource, p.quadrant])).toEqual([
      ['a', 10, 100, 'impact', 'quick-wins'],
      ['b', 20, 50, 'impact', 'maintain'],
      ['c', 30, 60, 'headroom', 'strategic'],
      ['d', 40, 10, 'impact', 'over-served'],
    ]);
    expect(q.placed).toBe(4);
  });

  it('lists accounts it cannot place', () => {
    expect(q.missingEffort.map((a) => a.id)).toEqual(['e', 'g']);
    expect(q.missingEffortCount).toBe(2);
    expect(q.missingImpact.map((a) => a.id)).toEqual(['f', 'g']);
    expect(q.missingImpactCount).toBe(2);
    expect(q.unplaced).toBe(3); // g counted once
  });

  it('summarises the four quadrants with effort and revenue shares of the placed accounts', () => {
    expect(q.quadrants).toEqual([
      { id: 'quick-wins', label: 'Quick wins', accounts: 1, effort: 10, effortShare: 0.1, revenue: 100, revenueShare: 0.5 },
      { id: 'strategic', label: 'Strategic investments', accounts: 1, effort: 30, effortShare: 0.3, revenue: 40, revenueShare: 0.2 },
      { id: 'maintain', label: 'Maintain', accounts: 1, effort: 20, effortShare: 0.2, revenue: 50, revenueShare: 0.25 },
      { id: 'over-served', label: 'Over-served', accounts: 1, effort: 40, effortShare: 0.4, revenue: 10, revenueShare: 0.05 },
    ]);
    expect(q.totals).toEqual({ effort: 100, revenue: 200 });
  });

  it('a point exactly on a given threshold counts as high', () => {
    const r = quadrants(feed, { effortThreshold: 20, impactThreshold: 50 });
    expect(r.thresholdSource).toEqual({ effort: 'given', impact: 'given' });
    expect(quadrantPoints(r).find((p) => p.account.id === 'b')!.quadrant).toBe('strategic');
  });

  it('a point exactly on the median (odd count) counts as high', () => {
    const r = quadrants([1, 2, 3].map((v) => acc(`p${v}`, 1, { effort: v, impact: v })));
    expect([r.effortThreshold, r.impactThreshold]).toEqual([2, 2]);
    expect(quadrantPoints(r).map((p) => p.quadrant)).toEqual(['maintain', 'strategic', 'strategic']);
  });

  it('an explicit impact of 0 is used, not replaced by headroom; negative headroom is allowed', () => {
    const r = quadrants([acc('x', 10, { effort: 1, impact: 0, potential: 100 }), acc('y', 10, { effort: 1, potential: 4 })]);
    expect(quadrantPoints(r).map((p) => [p.impact, p.impactSource])).toEqual([
      [0, 'impact'],
      [-6, 'headroom'],
    ]);
  });

  it('nothing placed: null thresholds, empty quadrants; zero effort gives shares of 0', () => {
    const none = quadrants([acc('x', 1)]);
    expect([none.effortThreshold, none.impactThreshold, none.placed]).toEqual([null, null, 0]);
    expect(none.quadrants.map((s) => s.accounts)).toEqual([0, 0, 0, 0]);
    const zero = quadrants([acc('x', 1, { effort: 0, impact: 1 })]);
    expect(zero.quadrants.map((s) => s.effortShare)).toEqual([0, 0, 0, 0]);
  });

  it('rejects non-finite thresholds and exports labels', () => {
    expect(() => quadrants(feed, { effortThreshold: Number.NaN })).toThrow(RangeError);
    expect(QUADRANT_IDS.map((id) => QUADRANT_LABELS[id])).toEqual(['Quick wins', 'Strategic investments', 'Maintain', 'Over-served']);
  });
});

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const accountArb = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 3 }),
    name: fc.string({ maxLength: 3 }),
    revenue: fc.integer({ min: 0, max: 10_000 }),
    effort: maybe(fc.integer({ min: 0, max: 200 })),
    impact: maybe(fc.integer({ min: -500, max: 500 })),
    potential: maybe(fc.integer({ min: 0, max: 20_000 })),
  },
  { requiredKeys: ['id', 'name', 'revenue'] },
);

describe('quadrants: invariants', () => {
  it('counts sum to the placed accounts; effort and revenue shares sum to 1', () => {
    fc.assert(
      fc.property(fc.array(accountArb, { maxLength: 50 }), fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }), (accounts, effortThreshold) => {
        const r = quadrants(accounts, { effortThreshold });
        const placed = accounts.filter((a) => a.effort !== undefined && (a.impact !== undefined || a.potential !== undefined));
        expect(r.placed).toBe(placed.length);
        expect(r.placed + r.unplaced).toBe(accounts.length);
        expect(r.quadrants.reduce((s, x) => s + x.accounts, 0)).toBe(r.placed);
        if (r.totals.effort > 0) expect(r.quadrants.reduce((s, x) => s + x.effortShare, 0)).toBeCloseTo(1, 9);
        if (r.totals.revenue > 0) expect(r.quadrants.reduce((s, x) => s + x.revenueShare, 0)).toBeCloseTo(1, 9);
        for (const p of quadrantPoints(r)) {
          const high = (v: number, t: number | null) => v >= t!;
          const id = high(p.impact, r.impactThreshold) ? (high(p.effort, r.effortThreshold) ? 'strategic' : 'quick-wins') : high(p.effort, r.effortThreshold) ? 'over-served' : 'maintain';
          expect(p.quadrant).toBe(id);
        }
      }),
    );
  });

  it('a zero median is +0, as d3-array has it, also when the middle value is -0', () => {
    const withImpacts = (impacts: number[]) => impacts.map((impact, i) => acc(`z${i}`, 1, { effort: 1, impact }));
    for (const impacts of [[-1, 0, -0], [-0, -0, 1], [0, -0], [-0, 5, -0, -0, 3]]) {
      expect(Object.is(quadrants(withImpacts(impacts)).impactThreshold, 0)).toBe(true);
      expect(Object.is(median(impacts), 0)).toBe(true);
    }
    expect(Object.is(quadrants(withImpacts([-0])).impactThreshold, -0)).toBe(true); // one value: itself, as in d3
  });

  it('splits at the same medians as d3-array, with the points in the quadrants of the typed arrays', () => {
    const values = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(200), values), { maxLength: 200 }), (pairs) => {
        const accounts = pairs.map(([effort, impact], i) => ({ id: `a${i}`, name: `a${i}`, revenue: 1, effort, impact }));
        const r = quadrants(accounts);
        expect(r.effortThreshold).toBe(median(pairs.map((p) => p[0])) ?? null);
        expect(r.impactThreshold).toBe(median(pairs.map((p) => p[1])) ?? null);
        expect([...r.pointQuadrant].map((q) => QUADRANT_IDS[q])).toEqual(quadrantPoints(r).map((p) => p.quadrant));
      }),
    );
  });
});

describe('quadrants: medians of long columns', () => {
  it('split at the same medians as d3-array (even and odd counts, ties)', () => {
    for (const [seed, length] of [
      [1, 6000],
      [2, 6001],
      [3, 5000],
      [7, 4097],
    ] as const) {
      const random = createRandom(seed);
      const accounts: Account[] = Array.from({ length }, (_, i) => ({
        id: `a${i}`,
        name: `A${i}`,
        revenue: random.int(0, 1000),
        effort: random.chance(0.4) ? random.int(1, 12) : random.lognormal(2, 1),
        ...(random.chance(0.5) ? { impact: random.int(-5, 5) } : { potential: random.int(0, 2000) }),
      }));
      const q = quadrants(accounts);
      expect(q.effortThreshold).toBe(median(quadrantPoints(q), (p) => p.effort));
      expect(q.impactThreshold).toBe(median(quadrantPoints(q), (p) => p.impact));
    }
  });
});
