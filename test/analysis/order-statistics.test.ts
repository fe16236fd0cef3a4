import fc from 'fast-check';
import { median } from 'd3-array';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/feed/schema.js';
import { createRandom, quadrants, valuesAtRanks } from '../../src/analysis/index.js';

/** What valuesAtRanks should say, from a sort of the values that are not NaN. */
function bySort(values: Float64Array, rank: number) {
  const sorted = Array.from(values).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const value = sorted[rank]!;
  return {
    value,
    below: sorted.filter((v) => v < value).length,
    equal: sorted.filter((v) => v === value).length,
    next: sorted.find((v) => v > value) ?? Infinity,
  };
}

/** A long column (past the length where the bucket passes start) from a seed: ties, negatives, NaN, spread values. */
function column(seed: number, length = 5000): Float64Array {
  const random = createRandom(seed);
  const kind = seed % 4;
  const pool = [0, 1, 2, 2.5, -3, 1e6, -1e-7, 42, 1e300, -Infinity, Infinity];
  return Float64Array.from({ length }, () => {
    if (kind === 0) return random.pick(pool);
    if (kind === 1) return random.chance(0.1) ? NaN : random.int(-50, 50);
    if (kind === 2) return random.lognormal(8, 3) * (random.chance(0.3) ? -1 : 1);
    return random.chance(0.5) ? 7 : random.next();
  });
}

describe('valuesAtRanks: values at ranks without sorting', () => {
  it('gives the value at each rank, with the counts below and equal and the next value, as a sort does', () => {
    fc.assert(
      fc.property(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (seed, a, b) => {
        const values = column(seed);
        const count = values.filter((v) => !Number.isNaN(v)).length;
        const ranks = [Math.floor(a * count), Math.floor(b * count)].sort((x, y) => x - y);
        const ranked = valuesAtRanks(values, ranks);
        expect(ranked).toEqual(ranks.map((r) => bySort(values, r)));
      }),
      { numRuns: 40 },
    );
  });

  it('does not change the values', () => {
    const values = column(3);
    const copy = values.slice();
    valuesAtRanks(values, [0, 2500]);
    expect(values).toEqual(copy);
  });

  it('leaves short columns and columns holding -0 to a selection (undefined)', () => {
    expect(valuesAtRanks(Float64Array.from([3, 1, 2]), [1])).toBeUndefined();
    const withNegativeZero = column(1);
    withNegativeZero[17] = -0;
    expect(valuesAtRanks(withNegativeZero, [10])).toBeUndefined();
  });

  it('rejects ranks outside the values that are not NaN', () => {
    expect(() => valuesAtRanks(new Float64Array(5000).fill(NaN).fill(1, 0, 4999), [4999])).toThrow(RangeError);
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
      expect(q.effortThreshold).toBe(median(q.points, (p) => p.effort));
      expect(q.impactThreshold).toBe(median(q.points, (p) => p.impact));
    }
  });
});
