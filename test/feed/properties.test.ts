import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountSchema, TIERS, parseFeed } from '../../src/feed/index.js';
import { FAST_PATH_ENABLED, fastAccount } from '../../src/feed/parse.js';

const numericString = fc.oneof(
  fc.integer({ min: 0, max: 1e9 }).map(String),
  fc.double({ min: 0, max: 1e9, noNaN: true }).map((n) => ` ${n} `),
  fc.constantFrom('1250.50', '.5', '5.', '+3', '1e3', '0'),
);
const money = fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), numericString);

/** Accounts that satisfy the contract (ids made unique by the caller). */
const validAccount = fc.record(
  {
    name: fc.string(),
    revenue: money,
    previousRevenue: money,
    profit: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    tier: fc.constantFrom(...TIERS),
    nps: fc.integer({ min: 0, max: 10 }),
    csat: fc.double({ min: 1, max: 5, noNaN: true }),
    expanded: fc.boolean(),
    owner: fc.string(),
    url: fc.webUrl(),
    history: fc.array(fc.record({ period: fc.string(), revenue: money }), { maxLength: 3 }),
  },
  { requiredKeys: ['name', 'revenue'] },
);

/** Anything at all in a field, biased to the edges of the contract. */
const EDGE_VALUES: unknown[] = [
  undefined, null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, -5e-324, 0, 0.5, 1, 4.99, 5, 5.01, 7.5, 10, 11,
  '', ' ', '  A ', '12k', 'yes', 'NaN', 'Infinity', ' 4 ', '-1', '1e400', '0x10', '1,000',
  'MVC', 'mvc', 'X', 'https://crm.example.com/a', ' http://x.y ', 'HTTPS://X.Y', 'javascript:alert(1)', 'http://', 'ftp://x.y',
  true, false, 'true', [], [3], [{ period: 'p', revenue: 1 }], [{ period: 'p', revenue: -1 }], [{ period: 1, revenue: 1 }], [{ period: 'p' }],
  {}, { period: 'p', revenue: 1 },
];

const anyValue = fc.oneof(
  fc.constantFrom(...EDGE_VALUES),
  fc.double(),
  fc.string(),
  fc.array(fc.oneof(fc.record({ period: fc.oneof(fc.string(), fc.integer()), revenue: fc.oneof(money, fc.string(), fc.double()) }), fc.integer()), {
    maxLength: 2,
  }),
  fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
);

const FIELDS = ['id', 'name', 'revenue', 'previousRevenue', 'profit', 'potential', 'effort', 'impact', 'tier', 'nps', 'csat', 'clv', 'expanded',
  'referenceable', 'owner', 'segment', 'region', 'industry', 'country', 'url', 'history', 'extra'] as const;

/** A valid account with one or two fields replaced by anything (or removed): mostly near-misses. */
const mutatedAccount = fc
  .tuple(validAccount, fc.constantFrom(...FIELDS), anyValue, fc.constantFrom(...FIELDS), anyValue, fc.boolean())
  .map(([account, key1, value1, key2, value2, twice]) => {
    const out: Record<string, unknown> = { id: 'A-1', ...account, [key1]: value1 };
    if (twice) out[key2] = value2;
    if (value1 === undefined && key1 !== 'id') delete out[key1];
    return out;
  });

const arbitraryAccount = fc.oneof(
  fc.record(Object.fromEntries(FIELDS.map((key) => [key, anyValue])), { requiredKeys: [] }),
  validAccount.map((a) => ({ id: 'x', ...a })),
  mutatedAccount,
  mutatedAccount,
  anyValue,
);

describe('parseFeed properties', () => {
  it('any array of valid accounts with unique ids parses to the same count, in order, nothing skipped', () => {
    fc.assert(
      fc.property(fc.array(validAccount, { maxLength: 30 }), (accounts) => {
        const input = accounts.map((a, i) => ({ id: `A-${i}`, ...a }));
        const feed = parseFeed({ version: 1, accounts: input });
        expect(feed.skipped).toEqual([]);
        expect(feed.accounts.map((a) => a.id)).toEqual(input.map((a) => a.id));
        for (const account of feed.accounts) expect(typeof account.revenue).toBe('number');
      }),
    );
  });

  it('accepted + skipped = input count, for arbitrary mixes; skipped indexes are distinct and ascending', () => {
    fc.assert(
      fc.property(fc.array(arbitraryAccount, { maxLength: 20 }), (accounts) => {
        const feed = parseFeed(accounts);
        expect(feed.accounts.length + feed.skipped.length).toBe(accounts.length);
        const indexes = feed.skipped.map((s) => s.index);
        expect(indexes).toEqual([...new Set(indexes)].sort((a, b) => a - b));
        for (const item of feed.skipped) {
          expect(item.problems.length).toBeGreaterThan(0);
          for (const problem of item.problems) expect(problem.path.startsWith(`accounts[${item.index}]`)).toBe(true);
        }
        expect(new Set(feed.accounts.map((a) => a.id)).size).toBe(feed.accounts.length);
      }),
    );
  });

  it('the JSON text round trip gives the same result as the object', () => {
    fc.assert(
      fc.property(fc.array(validAccount, { maxLength: 10 }), (accounts) => {
        const doc = { version: 1, accounts: accounts.map((a, i) => ({ id: `A-${i}`, ...a })) };
        expect(parseFeed(JSON.stringify(doc))).toEqual(parseFeed(JSON.parse(JSON.stringify(doc))));
      }),
    );
  });
});

describe('fast path (parse speed) agrees with zod', () => {
  it('is enabled for the current schema', () => {
    expect(FAST_PATH_ENABLED).toBe(true);
  });

  it('when the fast path accepts, zod accepts with exactly the same output', () => {
    fc.assert(
      fc.property(arbitraryAccount, (raw) => {
        const fast = fastAccount(raw);
        const zod = AccountSchema.safeParse(raw);
        if (fast === undefined) return;
        expect(zod.success).toBe(true);
        expect(fast).toStrictEqual(zod.data);
        expect(Object.keys(fast)).toEqual(Object.keys(zod.data!));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with zod for every field set to every edge value (and removed)', () => {
    const base = { id: 'A-1', name: 'Acme', revenue: 10, previousRevenue: 5, tier: 'MGC', nps: 8, url: 'https://crm.example.com/a', history: [] };
    let accepted = 0;
    for (const key of FIELDS) {
      for (const value of EDGE_VALUES) {
        const raw: Record<string, unknown> = { ...base, [key]: value };
        const zod = AccountSchema.safeParse(raw);
        const fast = fastAccount(raw);
        if (zod.success) {
          accepted++;
          expect(fast, `${key} = ${JSON.stringify(value)}`).toStrictEqual(zod.data);
        } else {
          expect(fast, `${key} = ${JSON.stringify(value)}`).toBeUndefined();
        }
      }
      const without: Record<string, unknown> = { ...base };
      delete without[key];
      const zod = AccountSchema.safeParse(without);
      expect(fastAccount(without)).toStrictEqual(zod.success ? zod.data : undefined);
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('the fast path accepts every valid account (so large feeds stay fast)', () => {
    fc.assert(
      fc.property(validAccount, (account) => {
        const raw = { id: 'A-1', ...account };
        expect(AccountSchema.safeParse(raw).success).toBe(true);
        expect(fastAccount(raw)).toStrictEqual(AccountSchema.parse(raw));
      }),
    );
  });
});
