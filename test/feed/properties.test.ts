import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_FIELD_SPECS, AccountSchema, TIERS, checkAccount, parseFeed } from '../../src/feed/index.js';
import { isHttpUrl } from '../../src/feed/fields.js';

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
    costToServe: money,
    goals: fc.record({ revenue: money, profit: fc.double({ min: -1e9, max: 1e9, noNaN: true }), nps: fc.integer({ min: 0, max: 10 }), csat: fc.constantFrom(1, 4.5, '5') }, { requiredKeys: [] }),
    tier: fc.constantFrom(...TIERS),
    nps: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 10, noNaN: true })),
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
  '', ' ', '  A ', '12k', 'yes', 'NaN', 'Infinity', ' 4 ', '-1', '1e400', '0x10', '1,000', '\u00a0A-1\u2028', 'A\ufeff',
  1e18, -1e18, 1e18 + 256, -1e18 - 256, 1e19, '1e18', '-1e18', '2e18', 1e308, 9.5, 10.000000000000002,
  'MVC', 'mvc', 'X', 'https://crm.example.com/a', ' http://x.y ', 'HTTPS://X.Y', 'javascript:alert(1)', 'http://', 'ftp://x.y',
  'http://999.1.1.1', 'http://a.b:99999', 'http://xn--a.com', 'http://a..b', 'http://-a.com', 'http://a_b.com/x', 'http://1.2.3.4/x',
  'http://a.b/ x', 'http://a.b/\\x', 'http://a.b?q#f', 'http://ſ.com', 'http://a.b\t', 'http://a.com:80@evil.com',
  true, false, 'true', [], [3], [{ period: 'p', revenue: 1 }], [{ period: 'p', revenue: -1 }], [{ period: 1, revenue: 1 }], [{ period: 'p' }],
  {}, { period: 'p', revenue: 1 }, { revenue: 5 }, { nps: 11 }, { csat: '4' }, { profit: -3, other: 1 }, { revenue: '12k' },
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

const FIELDS = ['id', 'name', 'revenue', 'previousRevenue', 'profit', 'costToServe', 'potential', 'effort', 'impact', 'tier', 'nps', 'csat', 'clv', 'expanded',
  'referenceable', 'goals', 'owner', 'segment', 'region', 'industry', 'country', 'url', 'history', 'extra'] as const;

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

/** The contract's view of a parsed account: the contract's fields only (zod strips the others; the in-place path leaves them), history points and goals likewise, as plain objects. */
function contractView(account: Record<string, unknown>): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const { key } of ACCOUNT_FIELD_SPECS) {
    if (!(key in account)) continue;
    const value = account[key];
    if (key === 'history' && Array.isArray(value)) view[key] = value.map((p: Record<string, unknown>) => ({ period: p.period, revenue: p.revenue }));
    else if (key === 'goals' && typeof value === 'object' && value !== null) view[key] = { ...value };
    else view[key] = value;
  }
  return view;
}

const REQUIRED = new Set<string>(ACCOUNT_FIELD_SPECS.filter((s) => s.required).map((s) => s.key));

describe('the in-place path agrees with zod', () => {
  it('accepts exactly the accounts zod accepts, with the same values; copies only when a value changed', () => {
    fc.assert(
      fc.property(arbitraryAccount, (raw) => {
        const checked = checkAccount(raw);
        const zod = AccountSchema.safeParse(raw);
        expect(checked !== undefined).toBe(zod.success);
        if (!zod.success || checked === undefined) return;
        expect(contractView(checked)).toStrictEqual(contractView(zod.data as Record<string, unknown>));
        // Used as given exactly when nothing had to change.
        const unchanged = JSON.stringify(contractView(raw as Record<string, unknown>)) === JSON.stringify(contractView(zod.data as Record<string, unknown>));
        expect(checked === raw).toBe(unchanged);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with zod for every field set to every edge value (and removed)', () => {
    const base = { id: 'A-1', name: 'Acme', revenue: 10, previousRevenue: 5, tier: 'MGC', nps: 8, url: 'https://crm.example.com/a', history: [] };
    let accepted = 0;
    for (const key of FIELDS) {
      for (const value of EDGE_VALUES) {
        const raw: Record<string, unknown> = { ...base, [key]: value };
        const zod = AccountSchema.safeParse(raw);
        const checked = checkAccount(raw);
        const label = `${key} = ${typeof value === 'number' ? value : JSON.stringify(value)}`;
        if (zod.success) {
          accepted++;
          expect(checked && contractView(checked), label).toStrictEqual(contractView(zod.data as Record<string, unknown>));
        } else {
          expect(checked, label).toBeUndefined();
        }
      }
      const without: Record<string, unknown> = { ...base };
      delete without[key];
      expect(checkAccount(without) !== undefined).toBe(AccountSchema.safeParse(without).success);
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('the quick URL pattern never accepts what the URL parser refuses', () => {
    const host = fc.stringMatching(/^[a-z0-9.-]{1,12}$/);
    const tail = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.tuple(fc.constantFrom('http://', 'https://', 'HTTP://'), host, tail).map((p) => p.join(''))), (url) => {
        const trimmed = url.trim();
        expect(isHttpUrl(url)).toBe(/^https?:\/\//i.test(trimmed) && URL.canParse(trimmed));
      }),
      { numRuns: 3000 },
    );
  });

  it('parseFeed keeps every account zod finds no required-field problem in, without the fields zod reports; skips the others', () => {
    fc.assert(
      fc.property(fc.array(arbitraryAccount, { maxLength: 12 }), (input) => {
        const accounts = input.map((raw, i) => (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...raw, id: `A-${i}` } : raw));
        const feed = parseFeed(accounts);
        const kept = new Map(feed.accounts.map((a) => [a.id, a]));
        accounts.forEach((raw, i) => {
          const zod = AccountSchema.safeParse(raw);
          const issues = zod.success ? [] : zod.error.issues;
          const dropsAccount = issues.some((issue) => issue.path.length === 0 || REQUIRED.has(String(issue.path[0])));
          const account = kept.get(`A-${i}`);
          expect(account === undefined, `accounts[${i}]`).toBe(dropsAccount);
          if (!account) return;
          // What is kept meets the contract, and every problem zod saw is reported as an ignored field.
          const again = AccountSchema.safeParse(account);
          expect(again.success).toBe(true);
          expect(contractView(account)).toStrictEqual(contractView(again.data as Record<string, unknown>));
          // The order of periods is checked across accounts after zod: a history that contradicts it, or a
          // previousRevenue that disagrees with the history, is reported too, and left out of the account.
          const byHistoryCheck = (f: { reason: string }) => /the history is left out$|the history's figure is used$/.test(f.reason);
          const mine = feed.ignoredFields.filter((f) => f.index === i);
          const reported = mine.filter((f) => !byHistoryCheck(f)).map((f) => [f.path, f.reason]);
          expect(reported).toEqual(issues.map((issue) => [`accounts[${i}]${issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('')}`, issue.message]));
          for (const f of mine.filter(byHistoryCheck)) expect(f.path.slice(f.path.lastIndexOf('.') + 1) in account, f.path).toBe(false);
        });
      }),
      { numRuns: 500 },
    );
  });
});
