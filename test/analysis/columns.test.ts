import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/feed/schema.js';
import { NO_TIER, accountColumns, isNum, revenueOf, sharedColumns } from '../../src/analysis/index.js';

const odd: unknown[] = [5, 0, -0, -3, 2.5, NaN, Infinity, -Infinity, '7', true, null, undefined, {}];
const accounts = odd.map((value, i) => ({ id: `a${i}`, name: `A${i}`, revenue: value, profit: value, potential: value, previousRevenue: value, effort: value, impact: value })) as unknown as Account[];

describe('account columns', () => {
  it('hold each figure as the analyses read it: a finite number, else NaN; revenue as revenueOf', () => {
    const columns = accountColumns(accounts);
    const finite = odd.map((v) => (isNum(v) ? v : NaN));
    for (const name of ['profit', 'potential', 'previousRevenue', 'effort', 'impact'] as const) {
      expect([...columns[name]].map((v, i) => Object.is(v, finite[i]))).toEqual(odd.map(() => true));
    }
    expect([...columns.revenue].map((v, i) => Object.is(v, revenueOf(odd[i])))).toEqual(odd.map(() => true));
  });

  it('hold a given tier as its index in TIER_ORDER, NO_TIER for none or an unknown one', () => {
    const tiered = ['MVC', 'MGC', 'STC', 'BZ', undefined, 'XYZ', 3].map((tier, i) => ({ id: `t${i}`, name: '', revenue: 1, tier })) as unknown as Account[];
    expect([...accountColumns(tiered).givenTier]).toEqual([0, 1, 2, 3, NO_TIER, NO_TIER, NO_TIER]);
  });

  it('read several columns in one pass with the same values as one by one', () => {
    const together = accountColumns(accounts).read(['revenue', 'profit', 'effort', 'givenTier']);
    const alone = accountColumns(accounts);
    for (const name of ['revenue', 'profit', 'effort', 'givenTier'] as const) expect(together[name]).toEqual(alone[name]);
    expect(together.read(['revenue']).revenue).toBe(together.revenue); // read once
  });

  it('are shared per accounts array (read again when its length changed), fresh from accountColumns', () => {
    const list = accounts.slice();
    const shared = sharedColumns(list);
    expect(sharedColumns(list)).toBe(shared);
    expect(sharedColumns(list.slice())).not.toBe(shared);
    expect(accountColumns(list)).not.toBe(shared);
    list.push({ id: 'new', name: 'New', revenue: 9 });
    expect(sharedColumns(list).revenue[list.length - 1]).toBe(9);
  });
});
