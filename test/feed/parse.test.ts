import { describe, expect, it } from 'vitest';
import { FeedError, describeProblem, parseFeed, parseFeedDocument, summarizeSkipped } from '../../src/feed/index.js';
import type { Feed } from '../../src/feed/index.js';

const ok = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `Account ${id}`, revenue: 100, ...extra });

function invalid(input: unknown, parse: (input: unknown) => unknown = parseFeed): FeedError {
  try {
    parse(input);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('parseFeed did not throw');
}

const invalidDocument = (document: unknown) => invalid(document, parseFeedDocument);

/** The single problem list of the one skipped account. */
function skippedProblems(account: Record<string, unknown>): string[] {
  const feed = parseFeed({ version: 1, accounts: [ok('A-0'), account] });
  expect(feed.accounts.map((a) => a.id)).toEqual(['A-0']);
  expect(feed.skipped).toHaveLength(1);
  expect(feed.skipped[0]!.index).toBe(1);
  return feed.skipped[0]!.problems.map(describeProblem);
}

describe('parseFeed: valid documents', () => {
  it('parses a full document and fills the defaults', () => {
    const feed = parseFeed({
      version: 1,
      asOf: '2026-09-30',
      periods: { current: 'FY2026', previous: 'FY2025' },
      accounts: [ok('A-1', { previousRevenue: 80, tier: 'MVC', nps: 9, csat: 4.5, url: 'https://crm.example.com/a/1' })],
    });
    expect(feed).toEqual<Feed>({
      version: 1,
      currency: 'USD',
      asOf: '2026-09-30',
      periods: { current: 'FY2026', previous: 'FY2025' },
      accounts: [
        { id: 'A-1', name: 'Account A-1', revenue: 100, previousRevenue: 80, tier: 'MVC', nps: 9, csat: 4.5, url: 'https://crm.example.com/a/1' },
      ],
      columns: expect.objectContaining({ count: 1 }),
      // previousRevenue gives the one past period, named by periods.previous
      history: { periods: ['FY2025'], current: 'FY2026', pointAt: [Int32Array.of(-2)], points: expect.any(Object) },
      kpis: [],
      skipped: [],
      ignoredFields: [],
      skippedKpis: [],
    });
  });

  it('defaults currency to USD and periods to {}, keeps a given currency, has no asOf when absent', () => {
    const feed = parseFeed({ version: 1, accounts: [] });
    expect(feed.currency).toBe('USD');
    expect(feed.periods).toEqual({});
    expect('asOf' in feed).toBe(false);
    expect(parseFeed({ version: 1, accounts: [], currency: 'EUR' }).currency).toBe('EUR');
  });

  it('accepts a bare array as shorthand for { version: 1, accounts }', () => {
    const feed = parseFeed([ok('A-1'), ok('A-2')]);
    expect(feed.version).toBe(1);
    expect(feed.accounts.map((a) => a.id)).toEqual(['A-1', 'A-2']);
    expect(parseFeed('[{"id":"A-1","name":"x","revenue":1}]').accounts).toHaveLength(1);
  });

  it('accepts JSON text', () => {
    const feed = parseFeed('{"version":1,"currency":"GBP","accounts":[{"id":"A-1","name":"Acme","revenue":"1250.50"}]}');
    expect(feed.currency).toBe('GBP');
    expect(feed.accounts[0]).toEqual({ id: 'A-1', name: 'Acme', revenue: 1250.5 });
  });

  it('converts numeric strings to numbers', () => {
    const feed = parseFeed([
      ok('A-1', {
        revenue: '1250.50',
        previousRevenue: ' 1e3 ',
        profit: '-20',
        nps: '9',
        csat: '4.5',
        history: [{ period: '2024', revenue: '.5' }, { period: '2025', revenue: '1000' }],
      }),
    ]);
    expect(feed.accounts[0]).toEqual({
      id: 'A-1',
      name: 'Account A-1',
      revenue: 1250.5,
      previousRevenue: 1000,
      profit: -20,
      nps: 9,
      csat: 4.5,
      history: [{ period: '2024', revenue: 0.5 }, { period: '2025', revenue: 1000 }],
    });
  });

  it('trims ids; unknown fields are not read (left as they are)', () => {
    const feed = parseFeed([{ id: '  A-1 ', name: 'x', revenue: 1, color: 'red' }]);
    expect(feed.accounts[0]).toEqual({ id: 'A-1', name: 'x', revenue: 1, color: 'red' });
  });

  it('keeps markup in strings as plain text, unchanged', () => {
    const name = '<img src=x onerror="alert(1)"><b>Acme</b> & Co';
    const feed = parseFeed([ok('A-1', { name, owner: '<script>alert(1)</script>' })]);
    expect(feed.accounts[0]!.name).toBe(name);
    expect(feed.accounts[0]!.owner).toBe('<script>alert(1)</script>');
  });

  it('parses KPI overrides', () => {
    const feed = parseFeed({ version: 1, accounts: [], kpis: [{ id: 'nps', value: '42', unit: 'score', better: 'higher', history: [30, '35'] }] });
    expect(feed.kpis).toEqual([{ id: 'nps', value: 42, unit: 'score', better: 'higher', history: [30, 35] }]);
    expect(feed.skippedKpis).toEqual([]);
  });
});

describe('parseFeed: bad accounts are skipped with reasons', () => {
  it('revenue "12k"', () => {
    expect(skippedProblems(ok('A-1', { revenue: '12k' }))).toEqual(['accounts[1].revenue: expected a number >= 0, got "12k"']);
  });

  it('negative revenue', () => {
    expect(skippedProblems(ok('A-1', { revenue: -5 }))).toEqual(['accounts[1].revenue: expected a number >= 0, got -5']);
  });

  it('NaN and Infinity (object input)', () => {
    expect(skippedProblems(ok('A-1', { revenue: Number.NaN, profit: Number.POSITIVE_INFINITY }))).toEqual([
      'accounts[1].revenue: expected a number >= 0, got NaN',
      'accounts[1].profit: expected a finite number, got Infinity',
    ]);
  });

  it('missing required fields, null, wrong types', () => {
    expect(skippedProblems({ name: 42, revenue: null, expanded: 'yes' })).toEqual([
      'accounts[1].id: expected a non-empty string, got nothing',
      'accounts[1].name: expected a string, got 42',
      'accounts[1].revenue: expected a number >= 0, got null',
      'accounts[1].expanded: expected true or false, got "yes"',
    ]);
    expect(skippedProblems(ok('   '))).toEqual(['accounts[1].id: expected a non-empty string']);
  });


  it('an account that is not an object', () => {
    expect(skippedProblems('A-1' as unknown as Record<string, unknown>)).toEqual(['accounts[1]: expected an account object, got "A-1"']);
  });

  it('reports the id of a skipped account when it has one', () => {
    const feed = parseFeed([ok('A-1', { revenue: '12k' }), { name: 'no id', revenue: 1 }]);
    expect(feed.skipped.map((s) => [s.index, s.id])).toEqual([
      [0, 'A-1'],
      [1, undefined],
    ]);
    expect('id' in feed.skipped[1]!).toBe(false);
  });

  it('skips repeated ids and keeps the first one', () => {
    const feed = parseFeed([ok('A-12', { revenue: 1 }), ok('A-2'), ok('A-12', { revenue: 2 }), ok(' A-2 ')]);
    expect(feed.accounts.map((a) => [a.id, a.revenue])).toEqual([
      ['A-12', 1],
      ['A-2', 100],
    ]);
    expect(feed.skipped).toEqual([
      { index: 2, id: 'A-12', problems: [{ path: 'accounts[2].id', message: 'repeats the id "A-12" of accounts[0]' }] },
      { index: 3, id: 'A-2', problems: [{ path: 'accounts[3].id', message: 'repeats the id "A-2" of accounts[1]' }] },
    ]);
  });

  it('an invalid account does not claim its id: a later valid one with that id is kept', () => {
    const feed = parseFeed([ok('A-1', { revenue: '12k' }), ok('A-1')]);
    expect(feed.accounts.map((a) => a.id)).toEqual(['A-1']);
    expect(feed.skipped.map((s) => s.index)).toEqual([0]);
  });

  it('skips invalid KPI overrides with reasons, and repeated KPI ids', () => {
    const feed = parseFeed({
      version: 1,
      accounts: [],
      kpis: [{ id: 'nps', value: 40 }, { id: 'churn', value: '5%' }, 'x', { id: 'nps', value: 41 }, { id: 'csat', value: 4, unit: 'stars' }],
    });
    expect(feed.kpis).toEqual([{ id: 'nps', value: 40 }]);
    expect(feed.skippedKpis).toEqual([
      { index: 1, id: 'churn', problems: [{ path: 'kpis[1].value', message: 'expected a finite number, got "5%"' }] },
      { index: 2, problems: [{ path: 'kpis[2]', message: 'expected a KPI object { id, value, … }, got "x"' }] },
      { index: 3, id: 'nps', problems: [{ path: 'kpis[3].id', message: 'repeats the id "nps" of kpis[0]' }] },
      { index: 4, id: 'csat', problems: [{ path: 'kpis[4].unit', message: 'expected one of percent, currency, number, score, got "stars"' }] },
    ]);
  });
});

describe('parseFeed: documents that are not a feed', () => {
  it('wrong version', () => {
    const error = invalid({ version: 2, accounts: [] });
    expect(error.kind).toBe('invalid');
    expect(error.retryable).toBe(false);
    expect(error.problems).toEqual([{ path: 'version', message: 'expected 1 (the only feed version), got 2' }]);
    expect(error.message).toBe('The account feed is not valid (1 problem): version: expected 1 (the only feed version), got 2.');
  });

  it('missing accounts', () => {
    expect(invalid({ version: 1 }).problems).toEqual([{ path: 'accounts', message: 'expected an array of accounts, got nothing' }]);
    expect(invalid({ version: 1, accounts: { a: 1 } }).problems).toEqual([{ path: 'accounts', message: 'expected an array of accounts, got an object' }]);
  });

  it('lists every envelope problem at once', () => {
    const error = invalid({ currency: 'usd', asOf: '30/09/2026', periods: 'FY26', kpis: {} });
    expect(error.problems.map(describeProblem)).toEqual([
      'version: expected 1 (the only feed version), got nothing',
      'accounts: expected an array of accounts, got nothing',
      'currency: expected an ISO 4217 currency code such as "USD", got "usd"',
      'asOf: expected an ISO date such as "2026-09-30", got "30/09/2026"',
      'periods: expected an object { current, previous, order }, got "FY26"',
      'kpis: expected an array of KPI entries, got an object',
    ]);
    expect(error.message).toBe(
      'The account feed is not valid (6 problems): version: expected 1 (the only feed version), got nothing; ' +
        'accounts: expected an array of accounts, got nothing; ' +
        'currency: expected an ISO 4217 currency code such as "USD", got "usd"; and 3 more.',
    );
  });

  it('a document that is not an object or an array: says what it is, never "not JSON"', () => {
    for (const [text, got] of [
      ['"accounts"', 'a string'],
      ['42', 'a number'],
      ['true', 'a boolean'],
      ['null', 'null'],
    ] as const) {
      const error = invalid(text);
      expect(error.kind).toBe('invalid');
      expect(error.problems).toEqual([{ path: '', message: `expected a feed object or an array of accounts, got ${got}` }]);
      expect(error.message).toBe(`The account feed is not valid (1 problem): expected a feed object or an array of accounts, got ${got}.`);
      // The same document already parsed (as fetch and the CLI have it) says the same.
      expect(invalidDocument(JSON.parse(text)).problems).toEqual(error.problems);
    }
    expect(invalid(undefined).problems).toEqual([{ path: '', message: 'expected a feed object or an array of accounts, got nothing' }]);
  });

  it('text that is not JSON: not-json with the position', () => {
    const error = invalid('{"version": 1,}');
    expect(error.kind).toBe('not-json');
    expect(error.message).toBe('The feed is not JSON: Expected double-quoted property name in JSON at position 14 (line 1, column 15).');
    expect(error.problems).toEqual([{ path: '', message: 'Expected double-quoted property name in JSON at position 14 (line 1, column 15)' }]);
    expect(invalid('{\n  "version": 1,\n}').message).toContain('at position 18 (line 3, column 1)');
    expect(invalid('[1, 2').message).toContain('(line 1, column 6)');
    expect(invalid('hello').message).toBe('The feed is not JSON: Unexpected token \'h\', "hello" is not valid JSON.');
  });

  it('empty text', () => {
    const error = invalid('  \n');
    expect(error.kind).toBe('not-json');
    expect(error.message).toBe('The feed is empty: expected JSON text such as {"version": 1, "accounts": []}.');
  });
});

describe('summarizeSkipped', () => {
  it('is undefined when nothing was skipped', () => {
    expect(summarizeSkipped(parseFeed([ok('A-1')]))).toBeUndefined();
  });

  it('counts and lists the reasons', () => {
    const feed = parseFeed({
      version: 1,
      accounts: [ok('A-1'), ok('A-2', { revenue: '12k' }), ok('A-1'), { id: 'A-3', name: 'x', revenue: -1, nps: 11 }],
    });
    expect(summarizeSkipped(feed)).toEqual({
      count: 3,
      ignored: 0,
      text: '3 accounts skipped',
      reasons: [
        'accounts[1].revenue: expected a number >= 0, got "12k"',
        'accounts[2].id: repeats the id "A-1" of accounts[0]',
        'accounts[3].revenue: expected a number >= 0, got -1',
        'accounts[3].nps: expected a number from 0 to 10, got 11',
      ],
    });
  });

  it('words one account and KPI entries', () => {
    const feed = parseFeed({ version: 1, accounts: [ok('A-1', { revenue: 'x' })], kpis: [{ id: 'a' }, { id: 'b' }] });
    expect(summarizeSkipped(feed)?.text).toBe('1 account and 2 KPI entries skipped');
    expect(summarizeSkipped(parseFeed({ version: 1, accounts: [], kpis: [{}] }))?.text).toBe('1 KPI entry skipped');
  });

  it('counts and lists the fields ignored, after what was skipped', () => {
    const feed = parseFeed([ok('A-1', { nps: 11 }), ok('A-2', { revenue: -1 }), ok('A-3', { csat: 0, tier: 'X' }), ok('A-4', { revenue: 'x' }), ok('A-5', { revenue: 'y' })]);
    expect(summarizeSkipped(feed)).toEqual({
      count: 3,
      ignored: 3,
      text: '3 accounts skipped, 3 fields ignored',
      reasons: [
        'accounts[1].revenue: expected a number >= 0, got -1',
        'accounts[3].revenue: expected a number >= 0, got "x"',
        'accounts[4].revenue: expected a number >= 0, got "y"',
        'accounts[0].nps: expected a number from 0 to 10, got 11 (ignored)',
        'accounts[2].tier: expected one of MVC, MGC, STC, BZ, got "X" (ignored)',
        'accounts[2].csat: expected a number from 1 to 5, got 0 (ignored)',
      ],
    });
    expect(summarizeSkipped(parseFeed([ok('A-1', { nps: 11 })]))?.text).toBe('1 field ignored');
  });
});

describe('describeProblem', () => {
  it('joins path and message; no prefix for the whole document', () => {
    expect(describeProblem({ path: 'accounts[3].revenue', message: 'expected a number >= 0, got "12k"' })).toBe(
      'accounts[3].revenue: expected a number >= 0, got "12k"',
    );
    expect(describeProblem({ path: '', message: 'the text is empty' })).toBe('the text is empty');
  });
});

describe('validated feeds', () => {
  it('returns a feed it produced as it is, without a second pass', async () => {
    const { parseFeed, isValidatedFeed } = await import('../../src/feed/parse.js');
    const feed = parseFeed([{ id: 'a', name: 'A', revenue: 1 }]);
    expect(isValidatedFeed(feed)).toBe(true);
    expect(parseFeed(feed)).toBe(feed);
    // A look-alike object is validated like any input.
    const lookAlike = { ...feed, accounts: [{ id: 'a', name: 'A', revenue: -1 }] };
    expect(isValidatedFeed(lookAlike)).toBe(false);
    expect(parseFeed(lookAlike).skipped).toHaveLength(1);
  });
});
