import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedDocumentSchema } from '../../src/feed/json-schema.js';
import { parseFeed } from '../../src/feed/parse.js';
import {
  FLAG_TYPES,
  LOST,
  NEW,
  Portfolio,
  SAMPLE_QUARTERS,
  cellIndex,
  createRandom,
  tierMovement,
  generateSampleFeed,
  mulberry32,
  pareto,
  quadrants,
  sampleFeedJson,
} from '../../src/analysis/index.js';

describe('demo/public/sample-feed.json', () => {
  it('is exactly the generator output (regenerate: npx tsx scripts/write-sample-feed.ts)', () => {
    const committed = readFileSync(new URL('../../demo/public/sample-feed.json', import.meta.url), 'utf8');
    expect(committed === sampleFeedJson(generateSampleFeed())).toBe(true);
  });
});

describe('generateSampleFeed', () => {
  const feed = generateSampleFeed();
  const accounts = feed.accounts;
  const share = (predicate: (a: (typeof accounts)[number]) => boolean) => accounts.filter(predicate).length / accounts.length;

  it('is a valid version-1 feed document with 250 accounts by default', () => {
    expect(FeedDocumentSchema.safeParse(feed).success).toBe(true);
    expect(feed).toMatchObject({ version: 1, currency: 'USD', asOf: '2026-09-30', periods: { current: '2026-Q3', previous: '2026-Q2' } });
    expect(accounts).toHaveLength(250);
    expect(accounts[41]!.id).toBe('ACC-00042');
    expect(accounts[41]!.url).toBe('https://crm.example.com/accounts/ACC-00042');
  });

  it('has unique ids and names, also for large counts', () => {
    const big = generateSampleFeed({ count: 5000, seed: 7 }).accounts;
    expect(new Set(big.map((a) => a.id)).size).toBe(5000);
    expect(new Set(big.map((a) => a.name)).size).toBe(5000);
    expect(new Set(accounts.map((a) => a.name)).size).toBe(250);
  });

  it('has long-tailed revenue: the top 20% hold roughly 80%', () => {
    const p = pareto(accounts);
    expect(p.top20Share).toBeGreaterThan(0.7);
    expect(p.top20Share).toBeLessThan(0.9);
    expect(p.vitalFewShare).toBeGreaterThan(0.1);
    expect(p.vitalFewShare).toBeLessThan(0.3);
  });

  it('includes lost, new, loss-making and over-served accounts', () => {
    const lastRevenue = (a: (typeof accounts)[number]) => a.history?.at(-1)?.revenue;
    expect(accounts.some((a) => a.revenue === 0 && (lastRevenue(a) ?? 0) > 0)).toBe(true); // lost this quarter
    expect(accounts.some((a) => a.history === undefined)).toBe(true); // new this quarter
    const negative = share((a) => (a.profit ?? 0) < 0);
    expect(negative).toBeGreaterThan(0.04);
    expect(negative).toBeLessThan(0.14);
    expect(quadrants(accounts).quadrants.find((q) => q.id === 'over-served')!.accounts).toBeGreaterThan(0);
  });

  it('has eight quarters of history: accounts move between tiers, leave and arrive', () => {
    const parsed = parseFeed(JSON.parse(sampleFeedJson(feed)));
    expect(parsed.ignoredFields).toEqual([]);
    expect(parsed.history.periods).toEqual(SAMPLE_QUARTERS.slice(0, 8));
    const movement = tierMovement(new Portfolio(parsed.accounts, {}, parsed.columns, parsed.history))!;
    const count = (row: number, column: number) => movement.counts[cellIndex(row, column)]!;
    expect(count(1, 0)).toBeGreaterThan(0); // MGC -> MVC
    expect(count(0, 1) + count(0, 2) + count(0, 3) + count(0, LOST)).toBeGreaterThan(0); // MVC -> lower
    expect([0, 1, 2, 3].reduce((n, t) => n + count(t, LOST), 0)).toBeGreaterThan(0);
    expect([0, 1, 2, 3].reduce((n, t) => n + count(NEW, t), 0)).toBeGreaterThan(0);
  });

  it('fills optional fields at realistic rates; impact mostly absent so headroom is used', () => {
    expect(share((a) => a.impact !== undefined)).toBeLessThan(0.15);
    // Surveyed accounts answer in ~85% of their quarters: NPS on ~70% of accounts, ~60% answered now; CSAT ~60%, ~50%.
    expect(share((a) => a.nps !== undefined)).toBeGreaterThan(0.5);
    expect(share((a) => a.nps !== undefined)).toBeLessThan(0.7);
    expect(share((a) => a.csat !== undefined)).toBeGreaterThan(0.4);
    expect(share((a) => a.csat !== undefined)).toBeLessThan(0.6);
    expect(share((a) => (a.potential ?? 0) >= a.revenue)).toBeGreaterThan(0.85);
    expect(new Set(accounts.map((a) => a.owner)).size).toBe(8);
    expect(new Set(accounts.map((a) => a.segment))).toEqual(new Set(['Enterprise', 'Corporate', 'Mid-market', 'SMB']));
    expect(new Set(accounts.map((a) => a.region))).toEqual(new Set(['EMEA', 'North America', 'APAC', 'LATAM']));
  });

  it('uses whole currency units, in the account and in every history point', () => {
    for (const a of accounts) {
      for (const point of [a, ...(a.history ?? [])]) {
        for (const v of [point.revenue, point.profit, point.potential, point.clv, point.impact, point.costToServe]) {
          if (v !== undefined) expect(Number.isInteger(v) && !Object.is(v, -0)).toBe(true);
        }
      }
    }
  });

  it('history points are the quarters before the current one, oldest first, without previousRevenue', () => {
    for (const a of accounts) {
      expect(a.previousRevenue).toBeUndefined();
      const periods = (a.history ?? []).map((p) => p.period);
      const at = periods.map((period) => SAMPLE_QUARTERS.indexOf(period as (typeof SAMPLE_QUARTERS)[number]));
      expect(at.every((k, i) => k >= 0 && k < 8 && (i === 0 || k > at[i - 1]!))).toBe(true);
      for (const p of a.history ?? []) expect(p.revenue).toBeGreaterThanOrEqual(0);
    }
  });

  it('key accounts carry their cost to serve in every quarter: hours at 150 plus 2% of revenue', () => {
    const costed = accounts.filter((a) => a.costToServe !== undefined);
    expect(costed.length).toBeGreaterThan(25); // about the vital few
    expect(costed.length).toBeLessThan(75);
    for (const a of costed) {
      for (const point of [a, ...(a.history ?? [])]) {
        expect(point.costToServe).toBeDefined();
        if (point.effort !== undefined) expect(point.costToServe).toBe(Math.round(point.effort * 150 + point.revenue * 0.02));
      }
    }
    expect(accounts.filter((a) => a.costToServe === undefined).every((a) => (a.history ?? []).every((p) => p.costToServe === undefined))).toBe(true);
  });

  it('a few of the largest accounts carry goals: revenue 5% over last quarter in thousands, NPS 8', () => {
    const withGoals = accounts.filter((a) => a.goals !== undefined);
    expect(withGoals.length).toBeGreaterThan(5);
    expect(withGoals.length).toBeLessThan(30);
    for (const a of withGoals) {
      const last = a.history?.at(-1);
      if (a.goals!.revenue !== undefined) expect(a.goals!.revenue).toBe(Math.round((last!.revenue * 1.05) / 1000) * 1000);
      if (a.goals!.nps !== undefined) expect([a.goals!.nps, a.nps !== undefined]).toEqual([8, true]);
    }
  });

  it('raises every type of red flag, some severe', () => {
    const parsed = parseFeed(JSON.parse(sampleFeedJson(feed)));
    const flags = new Portfolio(parsed.accounts, {}, parsed.columns, parsed.history).flags();
    for (const type of FLAG_TYPES) expect([type, flags.counts[type]]).not.toEqual([type, 0]);
    expect(flags.severe).toBeGreaterThan(0);
    expect(flags.accounts.length).toBeLessThan(125); // a list to act on, not half the portfolio
  });

  it('is deterministic for a seed, and different seeds give different feeds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 40 }), (seed, count) => {
        expect(generateSampleFeed({ seed, count })).toEqual(generateSampleFeed({ seed, count }));
      }),
      { numRuns: 30 },
    );
    expect(generateSampleFeed({ seed: 1, count: 5 })).not.toEqual(generateSampleFeed({ seed: 2, count: 5 }));
  });

  it('handles 0 accounts and rejects invalid counts', () => {
    expect(generateSampleFeed({ count: 0 }).accounts).toEqual([]);
    expect(() => generateSampleFeed({ count: -1 })).toThrow(RangeError);
    expect(() => generateSampleFeed({ count: 2.5 })).toThrow(RangeError);
  });
});

describe('random', () => {
  it('mulberry32 is seeded and uniform in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('int is inclusive and weighted respects zero weights', () => {
    const r = createRandom(1);
    const ints = new Set(Array.from({ length: 500 }, () => r.int(1, 3)));
    expect(ints).toEqual(new Set([1, 2, 3]));
    expect(new Set(Array.from({ length: 200 }, () => r.weighted(['a', 'b', 'c'], [1, 0, 1])))).toEqual(new Set(['a', 'c']));
  });
});
