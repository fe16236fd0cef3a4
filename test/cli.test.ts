import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { run } from '../src/cli/main.js';
import { fieldTableMarkdown } from '../src/feed/field-docs.js';

async function cli(...argv: string[]) {
  return cliOn((p) => readFile(p, 'utf8'), ...argv);
}

/** The CLI reading every file through `read` (a file's text made up by the test). */
async function cliOn(read: (path: string) => Promise<string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readFile: read });
  return { code, out, err };
}

/** A control character a terminal would act on: C0, DEL, C1, a bidirectional override. */
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** The CLI validating a file feed.json holding `text` (what it prints, errors included, in order). */
async function validateText(text: string) {
  const out: string[] = [];
  const code = await run(['validate', 'feed.json'], { out: (l) => out.push(l), err: (l) => out.push(l), readFile: async () => text });
  return { code, out };
}

describe('kam-widgets CLI', () => {
  it('validates the bundled sample feed: exit 0 and a summary', async () => {
    const { code, out } = await cli('validate', 'demo/public/sample-feed.json');
    expect(code).toBe(0);
    expect(out[0]).toBe('demo/public/sample-feed.json: valid.');
    expect(out[1]).toBe('Accounts: 250 valid');
    expect(out[3]).toBe('Periods: 2024-Q3 … 2026-Q2 (8), then 2026-Q3');
    expect(out[4]).toMatch(/^Vital few: 52 of 250 accounts \(20\.8%\) produce 80% of revenue$/);
    expect(out[5]).toMatch(/^Tiers: MVC \d+, MGC \d+, STC \d+, BZ \d+ \(tier rule "texts"\)$/);
    expect(out[6]).toMatch(/^ROI: [\d.,]+% \(profit \$[\d.]+[KM] on cost to serve \$[\d.]+[KM], \d+ accounts\)$/);
  });

  it('tiers the summary under the tier rule and options given, as the widgets\' attributes do', async () => {
    // Total 2,051,000: X1 and X2 are the vital few; the smallest MVC has 650,000 (the example).
    const accounts = [
      { id: 'X1', name: 'X1', revenue: 1_000_000, profit: 100_000, costToServe: 50_000 },
      { id: 'X2', name: 'X2', revenue: 650_000, profit: 60_000, costToServe: 30_000 },
      { id: 'L', name: 'L', revenue: 400_000, profit: 40_000, potential: 700_000, effort: 100 },
      { id: 'S', name: 'S', revenue: 1_000, potential: 2_000 },
    ];
    const tiersLine = async (...options: string[]) => {
      const out: string[] = [];
      await run(['validate', 'feed.json', ...options], { out: (l) => out.push(l), err: (l) => out.push(l), readFile: async () => JSON.stringify(accounts) });
      return out.filter((line) => /^(Tiers|ROI):/.test(line));
    };
    // Texts: L's potential reaches 650,000: MGC; S has no profit: STC, said so. ROI: 160,000 on 80,000 (X1, X2).
    expect(await tiersLine()).toEqual(['Tiers: MVC 2, MGC 1, STC 1, BZ 0 (tier rule "texts"; 1 STC has no profit figure)', 'ROI: 200% (profit $160K on cost to serve $80K, 2 accounts)']);
    // Headroom: S's headroom is 1x its revenue: MGC; L's is not. L's effort at 100 a unit: 40,000 more profit on 10,000 more cost.
    expect(await tiersLine('--tier-rule', 'headroom', '--cost-per-effort', '100')).toEqual([
      'Tiers: MVC 2, MGC 1, STC 1, BZ 0 (tier rule "headroom")',
      'ROI: 222.2% (profit $200K on cost to serve $90K, 3 accounts)',
    ]);
    // A revenue floor below which growth does not count, a minimum margin: L (10%) stays MGC by potential.
    expect((await tiersLine('--min-margin', '0.2', '--revenue-floor', '5000'))[0]).toBe('Tiers: MVC 2, MGC 1, STC 1, BZ 0 (tier rule "texts"; 1 STC has no profit figure)');
    // By profit: X1 100,000 of 200,000 (50%), X2 (80%): the same vital few.
    expect((await tiersLine('--tier-measure', 'profit'))[0]).toBe('Tiers: MVC 2, MGC 1, STC 1, BZ 0 (tier rule "texts"; 1 STC has no profit figure)');
  });

  it('exits 1 and names the row and column when one account breaks the contract', async () => {
    const { code, out } = await cli('validate', 'test/fixtures/crm-export.csv', '--field-map', 'id=AccountId,name=Account Name,revenue=Annual Revenue,previousRevenue=Prior Year Revenue');
    expect(code).toBe(1);
    expect(out.slice(0, 3)).toEqual([
      'test/fixtures/crm-export.csv: 1 problem; widgets would skip 1 account.',
      'Problems that drop an account (1):',
      '  row 4, column "Annual Revenue": expected a number in en-US format such as 1,234.5, got "12k"',
    ]);
    expect(out).toContain('Accounts: 2 valid, 1 skipped');
    expect(out).toContain('Total revenue: $1.5M (USD)');
  });

  it('exits 1 for a field widgets would only ignore, and says which problems drop an account and which only a field', async () => {
    const { code, out } = await validateText(
      JSON.stringify([
        { id: 'A-1', name: 'Acme', revenue: 10, nps: 11 },
        { id: 'A-2', name: 'Bolt', revenue: 'lots' },
        { id: 'A-3', name: 'Cobalt', revenue: 5, url: 'javascript:alert(1)' },
      ]),
    );
    expect(code).toBe(1);
    expect(out.slice(0, 6)).toEqual([
      'feed.json: 3 problems; widgets would skip 1 account and ignore 2 fields.',
      'Problems that drop an account (1):',
      '  accounts[1].revenue: expected a number >= 0, got "lots"',
      'Problems that only drop a field; the account is kept (2):',
      '  accounts[0].nps: expected a number from 0 to 10, got 11 (ignored)',
      '  accounts[2].url: expected an http or https URL, got "javascript:alert(1)" (ignored)',
    ]);
    expect(out).toContain('Accounts: 2 valid, 1 skipped');
    const ignoredOnly = await validateText(JSON.stringify([{ id: 'A-1', name: 'Acme', revenue: 10, csat: 7 }]));
    expect(ignoredOnly.code).toBe(1);
    expect(ignoredOnly.out[0]).toBe('feed.json: 1 problem; widgets would ignore 1 field.');
  });

  it('a JSON document that is a string is not a feed, not "not JSON"', async () => {
    const { code, out } = await validateText('"accounts"');
    expect(code).toBe(1);
    expect(out).toEqual([
      'feed.json: not a valid feed.',
      'The account feed is not valid (1 problem): expected a feed object or an array of accounts, got a string.',
      '  expected a feed object or an array of accounts, got a string',
    ]);
  });

  it('exits 1 with every problem for a document that is not a feed', async () => {
    const { code, out } = await cli('validate', 'package.json');
    expect(code).toBe(1);
    expect(out[0]).toBe('package.json: not a valid feed.');
    expect(out.some((l) => l.includes('accounts'))).toBe(true);
  });

  it('prints the JSON Schema, or with --markdown the field tables of the docs', async () => {
    const { code, out } = await cli('schema');
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n')).$id).toBe('https://kam-widgets.dev/schema/feed.schema.json');
    const markdown = await cli('schema', '--markdown');
    expect(markdown.code).toBe(0);
    expect(markdown.out.join('\n')).toBe(`${fieldTableMarkdown('account')}\n\n${fieldTableMarkdown('history-point')}`);
  });

  it('explains usage errors with exit code 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('check', 'x.json')).err).toEqual(['Unknown command "check". Run "kam-widgets --help" for the usage.']);
    expect((await cli('validate', 'a.json', '--format', 'xml')).err).toEqual(['--format must be csv or json, not "xml".']);
  });

  it('says in one line, with exit code 2, what is wrong with a locale, currency, field map, option or file', async () => {
    const cases: [string[], string | RegExp][] = [
      [['validate', 'test/fixtures/crm-export.csv', '--locale', 'xx_!!'], '--locale "xx_!!" is not a locale: write it like en-US or de-DE.'],
      [['validate', 'test/fixtures/crm-export.csv', '--currency', 'E!'], '--currency "E!" is not a currency code: write it like USD or EUR.'],
      [
        ['validate', 'demo/public/sample-feed.json', '--field-map', 'turnover=Revenue'],
        '--field-map: field-map entry "turnover=Revenue": "turnover" is not a field of the feed contract. Fields: id, name, revenue, previousRevenue, profit, costToServe, potential, effort, impact, tier, nps, csat, clv, expanded, referenceable, goals, owner, segment, region, industry, country, url, history, goals.revenue, goals.profit, goals.nps, goals.csat, period.',
      ],
      [['validate', 'demo/public/sample-feed.json', '--tier-rule', 'pareto'], '--tier-rule must be texts or headroom, not "pareto".'],
      [['validate', 'demo/public/sample-feed.json', '--tier-measure', 'margin'], '--tier-measure must be revenue, profit or clv, not "margin".'],
      [['validate', 'demo/public/sample-feed.json', '--min-margin', '10%'], '--min-margin must be a number, not "10%".'],
      [['validate', 'demo/public/sample-feed.json', '--revenue-floor=-5'], '--revenue-floor must be a number >= 0, not "-5".'],
      [['validate', 'demo/public/sample-feed.json', '--cost-per-effort', 'lots'], '--cost-per-effort must be a number, not "lots".'],
      [['validate', 'demo/public/sample-feed.json', '--field-map', 'id='], '--field-map: field-map entry "id=": name the column after "=", as in "id=Account Name".'],
      [['validate', 'x.json', '--colour', 'red'], /^Unknown option '--colour'\. .* Run "kam-widgets --help" for the usage\.$/],
      [['validate', 'missing.json'], "Cannot read missing.json: ENOENT: no such file or directory, open 'missing.json'"],
      [['validate', 'test/fixtures'], 'Cannot read test/fixtures: EISDIR: illegal operation on a directory, read'],
    ];
    for (const [argv, message] of cases) {
      const { code, out, err } = await cli(...argv);
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).not.toContain('\n');
      if (typeof message === 'string') expect(err[0]).toBe(message);
      else expect(err[0]).toMatch(message);
    }
  });

  it('escapes control characters from the file (headers, keys, values) and in its name, so they never reach the terminal', async () => {
    const esc = '\u001b[2J\u001b]0;owned\u0007';
    const header = await cliOn(async () => `AccountId,Na${esc}me,Revenue\r\nA1,Acme,10\r\n`, 'validate', 'export.csv');
    expect(header.code).toBe(1);
    expect(header.out).toEqual([
      'export.csv: not a valid feed.',
      'The CSV file has no "id" column for the account id. Name the column "id" or map it with field-map (id=Your Column). Columns: AccountId, Na\\u001b[2J\\u001b]0;owned\\u0007me, Revenue.',
    ]);

    const key = await cliOn(async () => JSON.stringify([{ [`Id${esc}`]: 'a', Name: 'A', Revenue: 1 }]), 'validate', 'crm.json', '--field-map', 'id=Id,name=Name,revenue=Revenue');
    expect(key.out[1]).toBe("field-map names a key the feed does not have (id=Id). The feed's keys: Id\\u001b[2J\\u001b]0;owned\\u0007, Name, Revenue.");

    const value = await cliOn(async () => JSON.stringify([{ id: 'a', name: 'A', revenue: '1\u202e2k' }]), 'validate', `feed\u009b31m.json`);
    expect([value.out[0], value.out[2]]).toEqual(['feed\\u009b31m.json: 1 problem; widgets would skip 1 account.', '  accounts[0].revenue: expected a number >= 0, got "1\\u202e2k"']);
    for (const line of [...header.out, ...key.out, ...value.out, ...value.err]) expect(line).not.toMatch(CONTROL);
  });

  it('reads only the records\' own keys: a field map naming "constructor" is a key the feed does not have', async () => {
    const { code, out } = await cli('validate', 'demo/public/sample-feed.json', '--field-map', 'name=constructor');
    expect(code).toBe(1);
    expect(out[1]).toMatch(/^field-map names a key the feed does not have \(name=constructor\)\. The feed's keys: id, name, /);
  });
});
