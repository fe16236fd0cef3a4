import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/feed/schema.js';
import { accountColumns, belowZeroOf, measureValues, pareto, paretoRow, paretoRows, paretoShares, vitalFewMembers } from '../../src/analysis/index.js';

const acc = (id: string, revenue: number, name = id): Account => ({ id, name, revenue });

describe('pareto: ranking and shares', () => {
  // Total 100: shares 0.5, 0.2, 0.15, 0.1, 0.05; cumulative 0.5, 0.7, 0.85, 0.95, 1.
  const five = [acc('c', 15), acc('a', 50), acc('e', 5), acc('b', 20), acc('d', 10)];

  it('ranks by revenue descending with share and cumulative share', () => {
    const p = pareto(five);
    expect(paretoRows(p).map((r) => r.account.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(paretoRows(p).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(paretoRows(p).map((r) => r.index)).toEqual([1, 3, 0, 4, 2]);
    expect(paretoRows(p).map((r) => r.share)).toEqual([0.5, 0.2, 0.15, 0.1, 0.05]);
    const cumulative = paretoRows(p).map((r) => r.cumulativeShare);
    [0.5, 0.7, 0.85, 0.95, 1].forEach((c, i) => expect(cumulative[i]).toBeCloseTo(c, 12));
    expect(Array.from(p.cumulative)).toEqual(cumulative);
    expect(Array.from(p.order)).toEqual([1, 3, 0, 4, 2]);
    expect(Array.from(p.revenue)).toEqual([50, 20, 15, 10, 5]);
    expect(p.total).toBe(100);
    expect(p.count).toBe(5);
  });

  it('vital few at 0.8 is the 3 accounts reaching 85%; 3 of 5 accounts = 60%', () => {
    const p = pareto(five);
    expect(p.cutoff).toBe(0.8);
    expect(p.vitalFew).toBe(3);
    expect(p.vitalFewShare).toBe(0.6);
    expect(p.vitalFewRevenueShare).toBeCloseTo(0.85, 12);
    expect(paretoRows(p).map((r) => r.vital)).toEqual([true, true, true, false, false]);
    expect(p.degenerate).toBeUndefined();
  });

  it('top 20% = first ceil(n / 5) accounts: 1 of 5 holds 50%', () => {
    const p = pareto(five);
    expect(p.top20Count).toBe(1);
    expect(p.top20Share).toBe(0.5);
  });

  it('top 20% of 15 accounts is 3 accounts (not 4 from 0.2 * 15 = 3.0000000000000004)', () => {
    const p = pareto(Array.from({ length: 15 }, (_, i) => acc(`a${String(i).padStart(2, '0')}`, 1)));
    expect(p.top20Count).toBe(3);
    expect(p.top20Share).toBeCloseTo(0.2, 12);
  });

  it('top 20% of 6 accounts rounds up to 2 accounts', () => {
    const p = pareto([60, 20, 10, 5, 3, 2].map((r, i) => acc(`a${i}`, r)));
    expect(p.top20Count).toBe(2);
    expect(p.top20Share).toBeCloseTo(0.8, 12);
  });

  it('a cutoff exactly reached counts, even when float sums land just below it', () => {
    // 0.7 + 0.6 + 0.3 = 1.6 of 2.0 = exactly 80%, but in floating point the share is 0.7999999999999999.
    const p = pareto([0.7, 0.6, 0.3, 0.2, 0.1, 0.1].map((r, i) => acc(`a${i}`, r)));
    expect(p.cumulative[2]).toBeLessThan(0.8);
    expect(p.vitalFew).toBe(3);
  });

  it('the cutoff is an option; cutoff 1 takes every account with revenue', () => {
    expect(pareto(five, { cutoff: 0.5 }).vitalFew).toBe(1);
    expect(pareto(five, { cutoff: 0.7 }).vitalFew).toBe(2);
    expect(pareto(five, { cutoff: 1 }).vitalFew).toBe(5);
    expect(pareto([...five, acc('z', 0)], { cutoff: 1 }).vitalFew).toBe(5);
  });

  it('rejects a cutoff outside (0, 1]', () => {
    for (const cutoff of [0, -0.1, 1.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => pareto(five, { cutoff })).toThrow(RangeError);
    }
  });

  it('ties: equal revenue ordered by name, then id, by code units (uppercase before lowercase)', () => {
    const p = pareto([
      acc('3', 10, 'beta'),
      acc('2', 10, 'Beta'),
      acc('9', 10, 'alpha'),
      acc('1', 10, 'alpha'),
      acc('0', 5, 'Aaa'),
      acc('5', 20, 'zulu'),
    ]);
    expect(paretoRows(p).map((r) => r.account.id)).toEqual(['5', '2', '1', '9', '3', '0']);
  });

  it('ties among fractional revenue and zeros are ordered the same way', () => {
    const p = pareto([acc('b', 0), acc('a', 0), acc('y', 0.5, 'n'), acc('x', 0.5, 'n'), acc('c', 1e12 + 0.5)]);
    expect(paretoRows(p).map((r) => r.account.id)).toEqual(['c', 'x', 'y', 'a', 'b']);
  });

  it('order, paretoRow and paretoRows agree on the name order of ties, whichever is read first', () => {
    // Four at 10 in input order z, m, Top, a; by name (code units) Top, a, m, z. Total 40: cumulative 0.25 … 1.
    const accounts = [acc('z', 10), acc('m', 10), acc('top', 10, 'Top'), acc('a', 10), acc('zero', 0)];
    const byName = ['top', 'a', 'm', 'z', 'zero'];
    const read = [
      (p: ReturnType<typeof pareto>) => Array.from(p.order, (i) => accounts[i]!.id),
      (p: ReturnType<typeof pareto>) => [1, 2, 3, 4, 5].map((rank) => paretoRow(p, rank)!.account.id),
      (p: ReturnType<typeof pareto>) => paretoRows(p).map((r) => r.account.id),
    ];
    for (const first of read) {
      const p = pareto(accounts);
      expect(Array.from(p.revenue)).toEqual([10, 10, 10, 10, 0]);
      expect(Array.from(p.cumulative)).toEqual([0.25, 0.5, 0.75, 1, 1]);
      expect(p.vitalFew).toBe(4);
      expect(first(p)).toEqual(byName);
      for (const then of read) expect(then(p)).toEqual(byName);
    }
  });
});

describe('pareto: degenerate feeds', () => {
  it('empty: no rows, all shares 0, flagged', () => {
    const p = pareto([]);
    expect(paretoRows(p)).toEqual([]);
    expect(p.degenerate).toBe('empty');
    expect([p.total, p.vitalFew, p.vitalFewShare, p.vitalFewRevenueShare, p.top20Count, p.top20Share]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('all-zero revenue: shares 0, no vital few, flagged', () => {
    const p = pareto([acc('a', 0), acc('b', 0), acc('c', 0)]);
    expect(p.degenerate).toBe('zero-revenue');
    expect(paretoRows(p).map((r) => [r.share, r.cumulativeShare, r.vital])).toEqual([
      [0, 0, false],
      [0, 0, false],
      [0, 0, false],
    ]);
    expect(p.vitalFew).toBe(0);
    expect(p.vitalFewShare).toBe(0);
    expect(p.top20Count).toBe(1);
    expect(p.top20Share).toBe(0);
  });

  it('one account holds everything', () => {
    const p = pareto([acc('solo', 42)]);
    expect(p.degenerate).toBeUndefined();
    expect(paretoRows(p)[0]).toMatchObject({ rank: 1, share: 1, cumulativeShare: 1, vital: true });
    expect([p.vitalFew, p.vitalFewShare, p.top20Count, p.top20Share]).toEqual([1, 1, 1, 1]);
  });

  it('row(rank) gives one row without building all of them', () => {
    const p = pareto([acc('a', 1), acc('b', 3)]);
    expect(paretoRow(p, 1)?.account.id).toBe('b');
    expect(paretoRow(p, 2)?.account.id).toBe('a');
    expect(paretoRow(p, 0)).toBeUndefined();
    expect(paretoRow(p, 3)).toBeUndefined();
  });
});

const revenueArb = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true }));
const accountsArb = fc.array(
  fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), name: fc.string({ maxLength: 3 }), revenue: revenueArb }),
  { maxLength: 60 },
);
const cutoffArb = fc.double({ min: 0.01, max: 1, noNaN: true });

describe('pareto: invariants', () => {
  it('cumulative share is non-decreasing and ends at exactly 1 when revenue > 0', () => {
    fc.assert(
      fc.property(accountsArb, (accounts) => {
        const p = pareto(accounts);
        for (let i = 1; i < p.count; i++) expect(p.cumulative[i]!).toBeGreaterThanOrEqual(p.cumulative[i - 1]!);
        if (p.total > 0) expect(p.cumulative[p.count - 1]).toBe(1);
      }),
    );
  });

  it('order is revenue descending, then name, then id, and a permutation of the input', () => {
    fc.assert(
      fc.property(accountsArb, (accounts) => {
        const p = pareto(accounts);
        expect([...p.order].sort((a, b) => a - b)).toEqual(accounts.map((_, i) => i));
        for (let i = 1; i < p.count; i++) {
          const a = accounts[p.order[i - 1]!]!;
          const b = accounts[p.order[i]!]!;
          if (a.revenue !== b.revenue) expect(a.revenue).toBeGreaterThan(b.revenue);
          else if (a.name !== b.name) expect(a.name < b.name).toBe(true);
          else expect(a.id <= b.id).toBe(true);
        }
      }),
    );
  });

  it('vital few is minimal: it reaches the cutoff, one account fewer does not', () => {
    fc.assert(
      fc.property(accountsArb, cutoffArb, (accounts, cutoff) => {
        const p = pareto(accounts, { cutoff });
        if (p.degenerate) {
          expect(p.vitalFew).toBe(0);
          return;
        }
        expect(p.vitalFew).toBeGreaterThanOrEqual(1);
        expect(p.cumulative[p.vitalFew - 1]!).toBeGreaterThanOrEqual(cutoff - 1e-9);
        if (p.vitalFew > 1) expect(p.cumulative[p.vitalFew - 2]!).toBeLessThan(cutoff - 1e-9);
        expect(paretoRows(p).filter((r) => r.vital)).toHaveLength(p.vitalFew);
      }),
    );
  });
});

describe('paretoShares and vitalFewMembers: the shares and the vital few without ranking every account', () => {
  it('are the ranking’s shares, and its first vitalFew accounts, ties at the boundary by name', () => {
    // Three accounts at 30 of 100: at cutoff 0.5 the vital few are 40 and the first tie by name, "b".
    const accounts = [acc('c', 30), acc('top', 40), acc('b', 30), acc('a2', 30, 'z')];
    const revenue = accountColumns(accounts).revenue;
    const p = pareto(accounts, { cutoff: 0.5 });
    const { accounts: _, order, rankOf, ...shares } = p;
    expect(paretoShares(revenue, 0.5)).toEqual(shares);
    expect([...vitalFewMembers(accounts, revenue, paretoShares(revenue, 0.5))]).toEqual([0, 1, 1, 0]);
    expect(p.vitalFew).toBe(2);
    expect(Array.from(order.subarray(0, 2))).toEqual([1, 2]);
    expect([...rankOf]).toEqual([3, 1, 2, 4]);
  });

  it('mark exactly the accounts pareto ranks among its vital few, on any feed', () => {
    fc.assert(
      fc.property(accountsArb, cutoffArb, (list, cutoff) => {
        const p = pareto(list, { cutoff });
        const vital = vitalFewMembers(list, accountColumns(list).revenue, paretoShares(accountColumns(list).revenue, cutoff));
        const expected = new Uint8Array(list.length);
        for (let r = 0; r < p.vitalFew; r++) expected[p.order[r]!] = 1;
        expect([...vital]).toEqual([...expected]);
      }),
    );
  });
});

describe('another measure: profit or CLV', () => {
  const accounts: Account[] = [
    { id: 'a', name: 'a', revenue: 10, profit: 4, clv: 100 },
    { id: 'b', name: 'b', revenue: 20, profit: -3 },
    { id: 'c', name: 'c', revenue: 30 },
    { id: 'd', name: 'd', revenue: 5, profit: -8, clv: 0 },
    { id: 'e', name: 'e', revenue: 5, profit: -3, clv: 50 },
  ];
  const columns = accountColumns(accounts);

  it('measureValues: revenue as it is; a negative or unknown profit or CLV counts as 0', () => {
    expect(measureValues(columns, 'revenue')).toBe(columns.revenue);
    expect([...measureValues(columns, 'profit')]).toEqual([4, 0, 0, 0, 0]);
    expect([...measureValues(columns, 'clv')]).toEqual([100, 0, 0, 0, 50]);
  });

  it('belowZeroOf: the accounts below zero, most negative first, ties by name; none for revenue or CLV', () => {
    expect([...belowZeroOf(accounts, columns, 'profit')]).toEqual([3, 1, 4]); // d -8, b -3, e -3
    expect([...belowZeroOf(accounts, columns, 'revenue')]).toEqual([]);
    expect([...belowZeroOf(accounts, columns, 'clv')]).toEqual([]);
  });
});
