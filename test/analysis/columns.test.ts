import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/feed/schema.js';
import { NO_TIER, accountColumns, gatherColumns, isNum, revenueOf } from '../../src/analysis/index.js';

const odd: unknown[] = [5, 0, -0, -3, 2.5, NaN, Infinity, -Infinity, '7', true, null, undefined, {}];
const accounts = odd.map((value, i) => ({ id: `a${i}`, name: `A${i}`, revenue: value, profit: value, potential: value, previousRevenue: value, effort: value, impact: value, costToServe: value })) as unknown as Account[];

describe('account columns', () => {
  it('hold each figure as the analyses read it: a finite number, else NaN; revenue as revenueOf', () => {
    const columns = accountColumns(accounts);
    const finite = odd.map((v) => (isNum(v) ? v : NaN));
    for (const name of ['profit', 'potential', 'previousRevenue', 'effort', 'impact', 'costToServe'] as const) {
      expect([...columns[name]].map((v, i) => Object.is(v, finite[i]))).toEqual(odd.map(() => true));
    }
    expect([...columns.revenue].map((v, i) => Object.is(v, revenueOf(odd[i])))).toEqual(odd.map(() => true));
  });

  it('hold a given tier as its index in TIER_ORDER, NO_TIER for none or an unknown one', () => {
    const tiered = ['MVC', 'MGC', 'STC', 'BZ', undefined, 'XYZ', 3].map((tier, i) => ({ id: `t${i}`, name: '', revenue: 1, tier })) as unknown as Account[];
    expect([...accountColumns(tiered).givenTier]).toEqual([0, 1, 2, 3, NO_TIER, NO_TIER, NO_TIER]);
  });

  it('of some accounts are the whole columns at their indexes, in the order given', () => {
    const columns = accountColumns(accounts);
    const some = gatherColumns(columns, Uint32Array.from([4, 0, 2]));
    expect(some.count).toBe(3);
    expect([...some.revenue]).toEqual([2.5, 5, 0]);
    expect([...some.effort]).toEqual([2.5, 5, -0]);
    expect([...some.costToServe]).toEqual([2.5, 5, -0]);
    expect([...gatherColumns(accountColumns(accounts), new Uint32Array(0)).givenTier]).toEqual([]);
  });
});
