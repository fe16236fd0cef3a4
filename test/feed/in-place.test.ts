import { describe, expect, it } from 'vitest';
import { NO_TIER, derivedFeed, parseFeed } from '../../src/feed/index.js';
import { CODES, FIGURES } from '../../src/feed/columns.js';
import { readPointColumns } from '../../src/feed/point-columns.js';
import { Portfolio } from '../../src/analysis/portfolio.js';
import { generateSampleFeed } from '../../src/analysis/sample-feed.js';

describe('validation in place', () => {
  it('a valid account is used as it is: the same object, never written to', () => {
    const a = { id: 'A-1', name: 'Acme', revenue: 10, nps: 9, extra: { x: 1 } };
    const b = { id: 'B-1', name: 'Bolt', revenue: 20, history: [{ period: 'Q1', revenue: 5 }] };
    const input = [a, b];
    const snapshot = JSON.stringify(input);
    const feed = parseFeed(input);
    expect(feed.accounts[0]).toBe(a);
    expect(feed.accounts[1]).toBe(b);
    expect(feed.accounts[1]!.history).toBe(b.history);
    expect(feed.accounts).not.toBe(input); // a new array: skipped accounts are not in it
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('an account with something to change is copied, and only it: numeric strings turned into numbers, an id trimmed', () => {
    const a = { id: ' A-1', name: 'Acme', revenue: '10.5' };
    const b = { id: 'B-1', name: 'Bolt', revenue: 20, history: [{ period: 'Q1', revenue: 5 }, { period: 'Q2', revenue: '6' }] };
    const c = { id: 'C-1', name: 'Cobalt', revenue: 30 };
    const feed = parseFeed([a, b, c]);
    expect(feed.accounts[0]).toEqual({ id: 'A-1', name: 'Acme', revenue: 10.5 });
    expect(feed.accounts[1]).toEqual({ id: 'B-1', name: 'Bolt', revenue: 20, history: [{ period: 'Q1', revenue: 5 }, { period: 'Q2', revenue: 6 }] });
    expect(feed.accounts[1]!.history![0]).toBe(b.history[0]); // the unchanged point is the given one
    expect(feed.accounts[2]).toBe(c);
    expect(a).toEqual({ id: ' A-1', name: 'Acme', revenue: '10.5' });
    expect(b.history[1]).toEqual({ period: 'Q2', revenue: '6' });
  });

  it('fills the columns the analysis reads in the same pass, in the order of the kept accounts', () => {
    const feed = parseFeed([
      { id: 'A', name: 'A', revenue: 100, profit: -5, potential: '250', previousRevenue: 80, effort: 12, impact: 3, clv: 900, tier: 'MGC' },
      { id: 'X', name: 'skipped', revenue: -1 },
      { id: 'B', name: 'B', revenue: 0, tier: 'BZ' },
      { id: 'C', name: 'C', revenue: '7', nps: 99, tier: 'nope' },
    ]);
    const c = feed.columns;
    expect(c.count).toBe(3);
    expect([...c.revenue]).toEqual([100, 0, 7]);
    expect([...c.profit]).toEqual([-5, NaN, NaN]);
    expect([...c.potential]).toEqual([250, NaN, NaN]);
    expect([...c.previousRevenue]).toEqual([80, NaN, NaN]);
    expect([...c.effort]).toEqual([12, NaN, NaN]);
    expect([...c.impact]).toEqual([3, NaN, NaN]);
    expect([...c.clv]).toEqual([900, NaN, NaN]);
    expect([...c.givenTier]).toEqual([1, 3, NO_TIER]);
  });

  it('an account that is not kept leaves nothing in the columns: the next one has only its own figures', () => {
    const feed = parseFeed([
      { id: 'X', name: 'x', profit: 5, effort: 3, tier: 'MVC', revenue: -1 }, // figures first, then the bad revenue
      { id: 'A', name: 'A', revenue: 1 },
      { id: 'A', name: 'A again', revenue: 2, clv: 9, impact: 4, tier: 'BZ' }, // a repeated id
      { id: 'B', name: 'B', revenue: 3, nps: 'x', profit: 'y', potential: 7 }, // kept without nps and profit
      { id: 'C', name: 'C', revenue: 4 },
    ]);
    expect(feed.accounts.map((a) => a.id)).toEqual(['A', 'B', 'C']);
    const c = feed.columns;
    expect([...c.revenue]).toEqual([1, 3, 4]);
    for (const name of ['profit', 'effort', 'clv', 'impact', 'previousRevenue'] as const) expect([...c[name]], name).toEqual([NaN, NaN, NaN]);
    expect([...c.potential]).toEqual([NaN, 7, NaN]);
    expect([...c.givenTier]).toEqual([NO_TIER, NO_TIER, NO_TIER]);
  });

  it('the columns are those the analysis would read from the accounts (the sample feed, 2,000 accounts)', () => {
    const feed = parseFeed(JSON.parse(JSON.stringify(generateSampleFeed({ count: 2000, seed: 7 }))));
    // previousRevenue as a portfolio of the accounts settles it: the history's previous period.
    const read = new Portfolio(feed.accounts).columns;
    for (const name of [...FIGURES, ...CODES]) expect([...feed.columns[name]], name).toEqual([...read[name]]);
  });

  it("the history points' columns are those read from the points (the sample feed, 2,000 accounts)", () => {
    const feed = parseFeed(JSON.parse(JSON.stringify(generateSampleFeed({ count: 2000, seed: 7 }))));
    const read = readPointColumns(feed.accounts);
    const filled = feed.history.points;
    expect([...filled.lengths.subarray(0, feed.accounts.length)]).toEqual([...read.lengths]);
    expect(filled.positions).toHaveLength(read.positions.length);
    read.positions.forEach((position, j) => {
      const mine = filled.positions[j]!;
      expect(mine.labels.slice(0, feed.accounts.length), `labels ${j}`).toEqual(position.labels);
      position.arrays.forEach((array, c) => expect([...mine.arrays[c]!.subarray(0, feed.accounts.length)], `position ${j}, column ${c}`).toEqual([...array]));
    });
  });

  it('a derived feed with other accounts never carries the columns of the first: they come with the accounts or are read from them', () => {
    const feed = parseFeed([
      { id: 'A', name: 'A', revenue: 1, effort: 4 },
      { id: 'B', name: 'B', revenue: 2, effort: 5 },
      { id: 'C', name: 'C', revenue: 3 },
    ]);
    const some = derivedFeed(feed, { accounts: [feed.accounts[2]!, feed.accounts[0]!] });
    expect(some.columns.count).toBe(2);
    expect([...some.columns.revenue]).toEqual([3, 1]);
    expect([...some.columns.effort]).toEqual([NaN, 4]);
    expect(derivedFeed(feed, { skipped: [] }).columns).toBe(feed.columns);
    expect(() => derivedFeed(feed, { accounts: feed.accounts.slice(1), columns: feed.columns })).toThrow(RangeError);
  });
});

describe('accounts that are not plain objects', () => {
  it('a class instance with getters is read field by field, as zod reads it', () => {
    class CrmAccount {
      constructor(
        readonly id: string,
        private readonly amount: number,
      ) {}
      get name() {
        return `Account ${this.id}`;
      }
      get revenue() {
        return this.amount;
      }
      get nps() {
        return 12;
      }
    }
    const feed = parseFeed([new CrmAccount('A-1', 10), new CrmAccount('A-2', 20)]);
    expect(feed.accounts.map((a) => [a.id, a.name, a.revenue, a.nps])).toEqual([
      ['A-1', 'Account A-1', 10, undefined],
      ['A-2', 'Account A-2', 20, undefined],
    ]);
    expect(feed.ignoredFields.map((f) => f.path)).toEqual(['accounts[0].nps', 'accounts[1].nps']);
    expect([...feed.columns.revenue]).toEqual([10, 20]);
  });
});
