// Key-account ROI: cost to serve, profit / cost per account, per tier and over all; the ROI KPI.
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/feed/schema.js';
import { parseFeed } from '../../src/feed/parse.js';
import { Portfolio, accountColumns, deriveKpis, portfolioKpis, roiOf, totalRoi } from '../../src/analysis/index.js';

const acc = (id: string, revenue: number, extra: Partial<Account> = {}): Account => ({ id, name: id, revenue, ...extra });

// Tiers (index into MVC, MGC, STC, BZ) given by hand, so the sums are the rule-free part.
const accounts: Account[] = [
  acc('a', 1000, { profit: 300, costToServe: 200 }), // MVC: ROI 300 / 200 = 1.5
  acc('b', 800, { profit: 100, effort: 10 }), // MVC: cost 10 × 50 = 500, ROI 0.2 (with a cost per effort of 50)
  acc('c', 300, { profit: 60, costToServe: 0, effort: 4 }), // MGC: costToServe 0 wins over effort: ROI unknown (nothing to divide by)
  acc('d', 200, { costToServe: 80 }), // STC: cost known, profit unknown: ROI unknown
  acc('e', 100, { profit: 20 }), // STC: no cost at all
  acc('f', 50, { profit: -40, costToServe: 60, effort: 2 }), // BZ: ROI -40 / 60
];
const tierIndex = Uint8Array.from([0, 0, 1, 2, 2, 3]);

describe('roiOf', () => {
  const columns = accountColumns(accounts);

  it('per account: cost to serve = costToServe, else effort × cost per effort; ROI = profit / cost', () => {
    const r = roiOf(columns, tierIndex, 50);
    expect([...r.cost]).toEqual([200, 500, 0, 80, NaN, 60]);
    expect([...r.roi]).toEqual([1.5, 0.2, NaN, NaN, NaN, -40 / 60]);
    expect(r.source).toBe('mixed');
  });

  it('per tier and over all: sums over the accounts with both a cost and a profit', () => {
    const r = roiOf(columns, tierIndex, 50);
    expect(r.tiers).toEqual([
      { accounts: 2, costAccounts: 2, cost: 700, pairs: 2, pairedCost: 700, profit: 400, roi: 400 / 700 },
      // c: cost 0 and profit 60: both known, but a cost of 0 gives no ROI.
      { accounts: 1, costAccounts: 1, cost: 0, pairs: 1, pairedCost: 0, profit: 60, roi: null },
      // d has a cost but no profit: counted in cost, not in the pairs; e has neither.
      { accounts: 2, costAccounts: 1, cost: 80, pairs: 0, pairedCost: null, profit: null, roi: null },
      { accounts: 1, costAccounts: 1, cost: 60, pairs: 1, pairedCost: 60, profit: -40, roi: -40 / 60 },
    ]);
    // Total: cost 200 + 500 + 0 + 80 + 60 = 840; pairs a, b, c, f: profit 420 on cost 760.
    expect(r.total).toEqual({ accounts: 6, costAccounts: 5, cost: 840, pairs: 4, pairedCost: 760, profit: 420, roi: 420 / 760 });
    expect(totalRoi(columns, 50)).toEqual(r.total);
  });

  it('without a cost per effort, effort alone gives no cost', () => {
    const r = roiOf(columns, tierIndex);
    expect([...r.cost]).toEqual([200, NaN, 0, 80, NaN, 60]);
    expect(r.source).toBe('costToServe');
    expect(r.total).toMatchObject({ costAccounts: 4, cost: 340, pairs: 3, profit: 320, roi: 320 / 260 });
  });

  it('a cost per effort that is not a finite number >= 0 is ignored', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(roiOf(columns, tierIndex, bad).cost[1]).toBeNaN();
  });

  it('costs from effort only: source "effort"; no cost at all: source null, every sum null', () => {
    const effortOnly = accountColumns([acc('x', 10, { profit: 5, effort: 2 })]);
    expect(roiOf(effortOnly, Uint8Array.from([2]), 10)).toMatchObject({ source: 'effort', total: { cost: 20, profit: 5, roi: 0.25 } });
    const none = roiOf(accountColumns([acc('x', 10, { profit: 5 })]), Uint8Array.from([2]), 10);
    expect(none.source).toBeNull();
    expect(none.total).toEqual({ accounts: 1, costAccounts: 0, cost: null, pairs: 0, pairedCost: null, profit: null, roi: null });
  });

  it('no accounts: four empty tiers', () => {
    const r = roiOf(accountColumns([]), new Uint8Array(0), 10);
    expect(r.tiers.map((t) => t.accounts)).toEqual([0, 0, 0, 0]);
    expect(r.total.roi).toBeNull();
  });
});

describe('Portfolio.roi', () => {
  it('uses the portfolio\'s tiers and cost per effort, and keeps the result', () => {
    // Tiers by the texts rule: a and b hold 1800 of 2450 (73%), with c 2100 (86%): the vital few are a, b and c.
    const p = new Portfolio(accounts, { costPerEffort: 50 });
    expect(p.roi()).toBe(p.roi());
    expect(p.roi().total.roi).toBe(420 / 760);
    expect(p.roi().tiers[0]).toMatchObject({ accounts: 3, cost: 700, profit: 460, roi: 460 / 700 }); // a, b, c (c's cost is 0)
    expect(new Portfolio(accounts).roi().total.roi).toBe(320 / 260);
  });
});

describe('the ROI KPI', () => {
  const roiKpi = (list: Account[], costPerEffort?: number) => portfolioKpis(new Portfolio(list, { costPerEffort })).find((k) => k.id === 'roi')!;

  it('is total profit ÷ total cost to serve over the accounts with both', () => {
    const kpi = roiKpi(accounts, 50);
    expect(kpi).toMatchObject({ label: 'Key-account ROI', unit: 'percent', better: 'higher', available: true, value: 420 / 760 });
    expect(kpi.base).toEqual({ numerator: 420, denominator: 760, unit: 'currency', accounts: 4 });
  });

  it('is not available, with a reason, without costs, without profit, or at a cost of 0', () => {
    expect(roiKpi([acc('x', 10, { profit: 5, effort: 3 })])).toMatchObject({
      available: false,
      value: null,
      unavailableReason: 'No account has a cost to serve (costToServe, or effort with a cost per effort).',
    });
    expect(roiKpi([acc('x', 10, { profit: 5 })], 20).unavailableReason).toBe('No account has a cost to serve (costToServe, or effort).');
    expect(roiKpi([acc('x', 10, { costToServe: 5 })]).unavailableReason).toBe('No account with a cost to serve has a profit figure.');
    expect(roiKpi([acc('x', 10, { profit: 5, costToServe: 0 })]).unavailableReason).toBe(
      'The cost to serve is 0 for every account with both a cost and a profit, so ROI is undefined.',
    );
  });

  it('has a previous value from the history\'s costs and profits', () => {
    const feed = parseFeed({
      version: 1,
      periods: { order: ['Q1', 'Q2'], current: 'Q2' },
      accounts: [
        acc('a', 100, { profit: 30, costToServe: 60, history: [{ period: 'Q1', revenue: 90, profit: 20, costToServe: 50 }] }),
        acc('b', 50, { profit: 10, effort: 4, history: [{ period: 'Q1', revenue: 40, profit: 0, effort: 2 }] }),
      ],
    });
    const kpis = portfolioKpis(new Portfolio(feed.accounts, { costPerEffort: 10 }, feed.columns, feed.history));
    const roi = kpis.find((k) => k.id === 'roi')!;
    // Now: (30 + 10) / (60 + 40) = 0.4; Q1: (20 + 0) / (50 + 20) = 2 / 7.
    expect(roi.value).toBe(0.4);
    expect(roi.previous).toBe(20 / 70);
    expect(roi.previousPeriod).toBe('Q1');
    expect(roi.history).toEqual([20 / 70, 0.4]);
  });

  it('deriveKpis (accounts given directly) has no cost per effort', () => {
    expect(deriveKpis([acc('x', 10, { profit: 5, costToServe: 20 })]).find((k) => k.id === 'roi')!.value).toBe(0.25);
  });
});
