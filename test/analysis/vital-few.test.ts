import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/feed/schema.js';
import { EPSILON, assignTiers, createRandom, findVitalFew, generateSampleFeed, pareto, paretoPosition, sharedColumns } from '../../src/analysis/index.js';

const acc = (id: string, revenue: number, name = id): Account => ({ id, name, revenue });

/** The vital few as pareto() ranks them: input indices, ascending. */
function paretoVitalFew(accounts: readonly Account[], cutoff: number): number[] {
  const p = pareto(accounts, { cutoff });
  return Array.from(p.order.subarray(0, p.vitalFew)).sort((a, b) => a - b);
}

function fastVitalFew(accounts: readonly Account[], cutoff: number): number[] {
  const { vital, count } = findVitalFew(accounts, { cutoff });
  const indexes = [...vital.keys()].filter((i) => vital[i] === 1);
  expect(indexes).toHaveLength(count);
  return indexes;
}

describe('findVitalFew: the vital few without ranking', () => {
  it('takes the top accounts until the cutoff is reached (total 100: 50 + 30 = exactly 80%)', () => {
    const accounts = [acc('a', 10), acc('b', 50), acc('c', 30), acc('d', 10)];
    expect(fastVitalFew(accounts, 0.8)).toEqual([1, 2]);
    expect(fastVitalFew(accounts, 0.81)).toHaveLength(3);
  });

  it('of accounts with the revenue at the boundary, takes the first by name, then id', () => {
    // Total 100; 40 alone is 40%, each 20 adds 20%: 80% needs two of the three 20s: names "m" before "z", then ids.
    const accounts = [acc('x', 20, 'z'), acc('big', 40), acc('y2', 20, 'm'), acc('y1', 20, 'm')];
    expect(fastVitalFew(accounts, 0.8)).toEqual([1, 2, 3]);
    const vital = findVitalFew(accounts, { cutoff: 0.6 }).vital;
    expect(Array.from(vital)).toEqual([0, 1, 0, 1]); // 40 + the "m" with the smaller id
  });

  it('a float sum just below the cutoff still reaches it (1e-9 tolerance), as in pareto', () => {
    const accounts = [0.7, 0.6, 0.3, 0.2, 0.1, 0.1].map((r, i) => acc(`a${i}`, r));
    expect(fastVitalFew(accounts, 0.8)).toEqual([0, 1, 2]);
  });

  it('is empty for an empty feed and for zero revenue; a tiny cutoff takes the top account', () => {
    expect(findVitalFew([]).count).toBe(0);
    expect(findVitalFew([acc('a', 0), acc('b', 0)]).count).toBe(0);
    expect(fastVitalFew([acc('b', 5, 'b'), acc('a', 5, 'a'), acc('c', 1)], 1e-12)).toEqual([1]);
  });

  it('rejects an invalid cutoff, like pareto', () => {
    expect(() => findVitalFew([acc('a', 1)], { cutoff: 0 })).toThrow(RangeError);
  });

  // Few distinct revenues and names, so that the boundary falls among ties most of the time.
  const tiedAccounts = (revenues: fc.Arbitrary<number>) =>
    fc
      .array(fc.record({ name: fc.constantFrom('', 'a', 'b', 'B', 'é'), revenue: revenues, id: fc.constantFrom('1', '2', '10', 'x') }), { maxLength: 60 })
      .map((rows) => rows.map((row, i) => ({ ...row, id: `${row.id}-${i % 7}` })));
  const cutoffs = fc.oneof(fc.double({ min: 1e-12, max: 1, noNaN: true }), fc.constantFrom(0.2, 0.5, 0.6, 0.8, 0.9, 1));

  it('matches pareto on whole-number revenue with many ties', () => {
    fc.assert(
      fc.property(tiedAccounts(fc.constantFrom(0, 1, 2, 5, 10, 10, 100)), cutoffs, (accounts, cutoff) => {
        expect(fastVitalFew(accounts, cutoff)).toEqual(paretoVitalFew(accounts, cutoff));
      }),
      { numRuns: 500 },
    );
  });

  it('matches pareto on fractional revenue with many ties (float sums), also at the boundaries', () => {
    fc.assert(
      fc.property(tiedAccounts(fc.constantFrom(0, 0.1, 0.2, 0.3, 0.7, 1e-3, 12.34, 1e9 + 0.5)), cutoffs, fc.nat(), (accounts, cutoff, pick) => {
        expect(fastVitalFew(accounts, cutoff)).toEqual(paretoVitalFew(accounts, cutoff));
        // Cutoffs at (and 1e-9 beyond) pareto's own cumulative shares: the ones float error could flip.
        const p = pareto(accounts);
        if (p.count === 0 || p.total === 0) return;
        const share = p.cumulative[pick % p.count]!;
        for (const c of [share, share + EPSILON, share + EPSILON * (1 + 1e-7)].filter((c) => c > 0 && c <= 1)) {
          expect(fastVitalFew(accounts, c)).toEqual(paretoVitalFew(accounts, c));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('matches pareto on long feeds (counted by buckets first), whole and fractional, with ties', () => {
    const pools = [
      [0, 1, 5, 5, 100, 2500, 1e6],
      [0.1, 0.2, 0.3, 0.7, 19.99, 1e-3],
    ];
    for (let seed = 1; seed <= 8; seed++) {
      const random = createRandom(seed);
      const pool = pools[seed % 2]!;
      const accounts = Array.from({ length: 4097 + random.int(0, 3000) }, (_, i) => {
        const revenue = seed > 4 ? Math.round(random.lognormal(7, 2)) / (seed % 2 ? 100 : 1) : random.pick(pool);
        return acc(`id${i % 977}-${i}`, revenue, random.pick(['a', 'b', 'c']));
      });
      const p = pareto(accounts);
      const boundaries = [0, 1, 2].map(() => p.cumulative[random.int(0, p.count - 1)]!);
      for (const cutoff of [0.3, 0.8, 0.99, ...boundaries, ...boundaries.map((c) => Math.min(1, c + EPSILON))]) {
        expect(fastVitalFew(accounts, cutoff)).toEqual(paretoVitalFew(accounts, cutoff));
      }
    }
  });

  it('matches pareto on the sample feed (5,000 accounts) at several cutoffs', () => {
    const { accounts } = generateSampleFeed({ count: 5000, seed: 7 });
    for (const cutoff of [0.05, 0.5, 0.8, 0.95, 1]) expect(fastVitalFew(accounts, cutoff)).toEqual(paretoVitalFew(accounts, cutoff));
  });

  it('takes shared columns and checks they belong to the accounts', () => {
    const accounts = [acc('a', 9), acc('b', 1)];
    expect(findVitalFew(accounts, { columns: sharedColumns(accounts) }).count).toBe(1);
    expect(() => findVitalFew(accounts, { columns: sharedColumns([acc('c', 1)]) })).toThrow(RangeError);
  });
});

describe('paretoPosition: one account\'s rank without ranking all', () => {
  it('gives the rank and cumulative share of pareto\'s rows (whole revenue, ties by name then id)', () => {
    const rows = fc.array(fc.record({ name: fc.constantFrom('', 'a', 'b'), revenue: fc.constantFrom(0, 1, 5, 5, 40, 1e6), id: fc.constantFrom('1', '2', '3') }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(rows, (accounts) => {
        const p = pareto(accounts);
        accounts.forEach((_, i) => {
          const position = paretoPosition(accounts, i);
          if (p.total === 0) return expect(position).toBeUndefined();
          const row = p.rows.find((r) => r.index === i)!;
          expect(position).toEqual({ rank: row.rank, cumulativeShare: row.cumulativeShare });
        });
      }),
    );
  });

  it('leaves fractional revenue to pareto (undefined)', () => {
    expect(paretoPosition([acc('a', 1.5), acc('b', 2)], 0)).toBeUndefined();
  });
});

describe('assignTiers with the fast vital few', () => {
  it('reasons asked one by one (a tooltip) carry pareto\'s rank and cumulative share too', () => {
    const { accounts } = generateSampleFeed({ count: 3000, seed: 11 });
    const p = pareto(accounts);
    const tiers = assignTiers(accounts);
    const vital = Array.from(p.order.subarray(0, p.vitalFew)).filter((i) => tiers.assignment(i).reason.code === 'vital-few');
    for (const i of [...vital.slice(0, 5), ...vital.slice(-12)]) {
      const reason = tiers.assignment(i).reason;
      const row = p.rows.find((r) => r.index === i)!;
      expect(reason).toEqual({ code: 'vital-few', values: { rank: row.rank, cumulativeShare: row.cumulativeShare, cutoff: 0.8 } });
    }
  });

  it('MVC reasons carry pareto rank and cumulative share', () => {
    const { accounts } = generateSampleFeed({ count: 2000, seed: 3 });
    const p = pareto(accounts);
    const tiers = assignTiers(accounts);
    let vitalReasons = 0;
    tiers.assignments.forEach((a, i) => {
      if (a.reason.code !== 'vital-few') return;
      vitalReasons++;
      const row = p.row(a.reason.values.rank)!;
      expect(row.index).toBe(i);
      expect(a.reason.values.cumulativeShare).toBe(row.cumulativeShare);
    });
    expect(vitalReasons).toBeGreaterThan(0);
  });
});
