import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { run } from '../src/cli/main.js';
import { fieldTableMarkdown } from '../src/feed/field-docs.js';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readFile: (p) => readFile(p, 'utf8') });
  return { code, out, err };
}

/** The CLI on a file feed.json holding `text`. */
async function cliOn(text: string) {
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
    expect(out[3]).toMatch(/^Vital few: 43 of 250 accounts \(17\.2%\) produce 80% of revenue$/);
    expect(out[4]).toMatch(/^Tiers: MVC \d+, MGC \d+, STC \d+, BZ \d+$/);
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
    const { code, out } = await cliOn(
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
    const ignoredOnly = await cliOn(JSON.stringify([{ id: 'A-1', name: 'Acme', revenue: 10, csat: 7 }]));
    expect(ignoredOnly.code).toBe(1);
    expect(ignoredOnly.out[0]).toBe('feed.json: 1 problem; widgets would ignore 1 field.');
  });

  it('a JSON document that is a string is not a feed, not "not JSON"', async () => {
    const { code, out } = await cliOn('"accounts"');
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
    expect((await cli('check', 'x.json')).err[0]).toMatch(/^Unknown command "check".\n\nUsage:/);
    expect((await cli('validate', 'missing.json')).err[0]).toMatch(/^Cannot read missing\.json: /);
    expect((await cli('validate', 'a.json', '--format', 'xml')).err[0]).toBe('--format must be csv or json, not "xml".');
  });
});
