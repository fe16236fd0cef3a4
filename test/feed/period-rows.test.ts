import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvFeed } from '../../src/feed/csv.js';
import { describeIgnored } from '../../src/feed/parse.js';
import { describeProblem } from '../../src/feed/errors.js';
import { readFeed } from '../../src/feed/read.js';
import { Portfolio, deriveKpis, LOST, tierMovement } from '../../src/analysis/index.js';
import { portfolioKpis } from '../../src/analysis/kpis.js';

/*
 * A CRM report, one row per account and quarter, newest quarter first (as reports are often sorted):
 *   001A grows 100K, 120K, 130K; 001B 45K, 40K, then 0 in Q3 (lost); 001C is new in Q3; 001D has Q1 and
 *   Q3 but no Q2 (unknown), and its Q1 twice; 001E has no Q3 row; 001F's margin "12k" is no number.
 */
const report = readFileSync(new URL('../fixtures/crm-quarterly.csv', import.meta.url), 'utf8');
const fieldMap = 'id=Account ID,name=Account Name,period=Fiscal Period,revenue=Amount,profit=Gross Margin,owner=Account Owner,nps=NPS Score';

describe('history from a CRM report with one row per account and period', () => {
  const feed = parseCsvFeed(report, { fieldMap });

  it('puts the periods in time order, the last one current', () => {
    expect(feed.periods).toEqual({ order: ['Q1 2026', 'Q2 2026', 'Q3 2026'], current: 'Q3 2026' });
    expect(feed.history.periods).toEqual(['Q1 2026', 'Q2 2026']);
    expect(feed.history.current).toBe('Q3 2026');
  });

  it('makes one account per id: its current row gives its fields, its earlier rows its history, oldest first', () => {
    expect(feed.accounts.map((a) => a.id)).toEqual(['001A', '001B', '001C', '001D', '001F']);
    expect(feed.accounts[0]).toEqual({
      id: '001A',
      name: 'Acme, Inc.',
      revenue: 130_000,
      profit: 26_000,
      owner: 'Ann Lee',
      nps: 9,
      history: [
        { period: 'Q1 2026', revenue: 100_000, profit: 19_000 },
        { period: 'Q2 2026', revenue: 120_000, profit: 24_000, nps: 8 },
      ],
    });
    expect(feed.accounts[2]).not.toHaveProperty('history'); // new this quarter
    expect(feed.accounts[3]!.history!.map((p) => p.period)).toEqual(['Q1 2026']); // Q2 unknown
  });

  it('names every problem by its row and column', () => {
    expect(feed.skipped.map((s) => [s.index, s.id, s.problems.map(describeProblem)])).toEqual([
      [10, '001E', ['row 12: has no row for the current period "Q3 2026", so its current revenue is unknown (skipped)']],
    ]);
    expect(feed.ignoredFields.map(describeIgnored)).toEqual([
      'row 11: repeats the period "Q1 2026" of the account\'s row 10 (ignored)',
      'row 13, column "Gross Margin": expected a number in en-US format such as 1,234.5, got "12k" (ignored)',
    ]);
  });

  it('gives the KPIs their previous values: Bolt lost in Q3, Acme retained; Q2 had both', () => {
    const portfolio = new Portfolio(feed.accounts, {}, feed.columns, feed.history);
    const kpis = new Map(portfolioKpis(portfolio).map((k) => [k.id, k]));
    // Active in Q2: Acme (120K), Bolt (40K); Delta has no Q2 figures. Q3: Bolt has 0.
    expect(kpis.get('retention')).toMatchObject({ value: 0.5, previous: 1, previousPeriod: 'Q2 2026' });
    expect(kpis.get('nrr')).toMatchObject({ value: 130 / 160 });
    expect(tierMovement(portfolio)!.counts.filter((_, c) => c % 5 === LOST).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('a plain report (no period column) stays one account per row', () => {
    const plain = parseCsvFeed('id,name,revenue\na,A,1\nb,B,2\n');
    expect(plain.accounts.map((a) => a.id)).toEqual(['a', 'b']);
    expect(plain.history.periods).toEqual([]);
  });
});

describe('history from JSON records, one per account and period, with a field map', () => {
  const records = [
    { Id: 'A', Name: 'Acme', Quarter: '2026-Q2', Amount: 90 },
    { Id: 'A', Name: 'Acme', Quarter: '2026-Q3', Amount: 100 },
    { Id: 'B', Name: 'Bolt', Quarter: '2026-Q2', Amount: 50 },
    { Id: 'B', Name: 'Bolt', Quarter: '2026-Q3', Amount: 0 },
    { Id: 'C', Name: 'Cobalt', Quarter: '2026-Q2', Amount: 5 },
  ];

  it('groups the records into accounts with history, and names problems by record', () => {
    const feed = readFeed(records, { fieldMap: 'id=Id,name=Name,period=Quarter,revenue=Amount' });
    expect(feed.accounts.map((a) => [a.id, a.revenue, a.history])).toEqual([
      ['A', 100, [{ period: '2026-Q2', revenue: 90 }]],
      ['B', 0, [{ period: '2026-Q2', revenue: 50 }]],
    ]);
    expect(feed.skipped.map((s) => s.problems.map(describeProblem))).toEqual([
      ['accounts[4]: has no row for the current period "2026-Q3", so its current revenue is unknown (skipped)'],
    ]);
    expect(deriveKpis(feed.accounts).find((k) => k.id === 'churn')!.value).toBe(0.5);
  });
});
