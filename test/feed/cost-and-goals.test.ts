// The cost to serve and an account's own goals: how the contract reads them from JSON, CSV and field maps.
import { describe, expect, it } from 'vitest';
import { parseCsvFeed } from '../../src/feed/csv.js';
import { mapJsonDocument, parseFieldMap } from '../../src/feed/field-map.js';
import { parseFeed } from '../../src/feed/parse.js';

describe('costToServe', () => {
  it('is money >= 0, read into its column (NaN when absent), numeric strings converted', () => {
    const feed = parseFeed([
      { id: 'A', name: 'A', revenue: 100, costToServe: 40 },
      { id: 'B', name: 'B', revenue: 100, costToServe: '12.5' },
      { id: 'C', name: 'C', revenue: 100 },
      { id: 'D', name: 'D', revenue: 100, costToServe: -1 },
    ]);
    expect([...feed.columns.costToServe]).toEqual([40, 12.5, NaN, NaN]);
    expect(feed.accounts[1]!.costToServe).toBe(12.5);
    // A negative cost breaks the contract: the field is left out, the account kept.
    expect(feed.accounts[3]).toEqual({ id: 'D', name: 'D', revenue: 100 });
    expect(feed.ignoredFields.map((f) => [f.path, f.reason])).toEqual([['accounts[3].costToServe', 'expected a number >= 0, got -1']]);
  });

  it('is also a figure of each history point', () => {
    const feed = parseFeed({
      version: 1,
      periods: { order: ['Q1', 'Q2', 'Q3'], current: 'Q3' },
      accounts: [
        { id: 'A', name: 'A', revenue: 100, costToServe: 30, history: [{ period: 'Q1', revenue: 80, costToServe: 25 }, { period: 'Q2', revenue: 90 }] },
      ],
    });
    const positions = feed.history.points.positions;
    expect(positions.map((p) => p.figure('costToServe')[0])).toEqual([25, NaN]);
    expect(feed.accounts[0]!.history![0]!.costToServe).toBe(25);
  });
});

describe('goals', () => {
  it('is an object of optional goals, each in the range of its field; a goal out of range is left out alone', () => {
    const feed = parseFeed([
      { id: 'A', name: 'A', revenue: 100, goals: { revenue: 120, profit: -5, nps: '8', csat: 4.5 } },
      { id: 'B', name: 'B', revenue: 100, goals: { nps: 11, revenue: 50 } },
      { id: 'C', name: 'C', revenue: 100, goals: 500 },
      { id: 'D', name: 'D', revenue: 100, goals: {} },
    ]);
    expect(feed.accounts.map((a) => a.goals)).toEqual([{ revenue: 120, profit: -5, nps: 8, csat: 4.5 }, { revenue: 50 }, undefined, {}]);
    expect(feed.ignoredFields.map((f) => [f.path, f.reason])).toEqual([
      ['accounts[1].goals.nps', 'expected a number from 0 to 10, got 11'],
      ['accounts[2].goals', 'expected an object { revenue, profit, nps, csat }, got 500'],
    ]);
  });

  it('keeps only the goals of the contract (as zod does)', () => {
    const feed = parseFeed([{ id: 'A', name: 'A', revenue: 100, goals: { revenue: 120, margin: 0.3 } }]);
    expect(feed.accounts[0]!.goals).toEqual({ revenue: 120 });
  });

  it('CSV: one column per goal, goals.revenue … goals.csat, read like the field of the same name', () => {
    const file = ['id,name,revenue,goals.revenue,goals.nps,goals.csat', 'a,A,"1.000,50","1.500 €","8,5",', 'b,B,10,,12k,4'].join('\n');
    const feed = parseCsvFeed(file, { locale: 'de-DE', currency: 'EUR' });
    expect(feed.accounts.map((a) => a.goals)).toEqual([{ revenue: 1500, nps: 8.5 }, { csat: 4 }]);
    expect(feed.ignoredFields.map((f) => [f.path, f.reason])).toEqual([['row 3, column "goals.nps"', 'expected a number in de-DE format such as 1.234,5, got "12k"']]);
  });

  it('CSV and JSON: a field map names each goal\'s column', () => {
    const map = 'goals.revenue=Revenue Target,goals.profit=Profit Target';
    const csv = parseCsvFeed('id,name,revenue,Revenue Target,Profit Target\na,A,100,"$2,000",-50\n', { fieldMap: map });
    expect(csv.accounts[0]!.goals).toEqual({ revenue: 2000, profit: -50 });
    // JSON: a mapped goal wins over the same goal in the record's own `goals`; the others are kept.
    const json = mapJsonDocument([{ id: 'a', name: 'A', revenue: 100, 'Revenue Target': 300, goals: { revenue: 1, nps: 9 } }], parseFieldMap('goals.revenue=Revenue Target'));
    expect(parseFeed(json).accounts[0]!.goals).toEqual({ revenue: 300, nps: 9 });
  });

  it('a field map refuses a goal the contract does not have', () => {
    expect(() => parseFieldMap('goals.margin=Margin Target')).toThrow(/"goals.margin" is not a field of the feed contract/);
  });
});
