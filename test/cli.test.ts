import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { run } from '../src/cli/main.js';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readFile: (p) => readFile(p, 'utf8') });
  return { code, out, err };
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
    expect(out.slice(0, 2)).toEqual([
      'test/fixtures/crm-export.csv: 1 problem; widgets would skip 1 account:',
      '  row 4, column "Annual Revenue": expected a number in en-US format such as 1,234.5, got "12k"',
    ]);
    expect(out).toContain('Accounts: 2 valid, 1 skipped');
    expect(out).toContain('Total revenue: $1.5M (USD)');
  });

  it('exits 1 with every problem for a document that is not a feed', async () => {
    const { code, out } = await cli('validate', 'package.json');
    expect(code).toBe(1);
    expect(out[0]).toBe('package.json: not a valid feed.');
    expect(out.some((l) => l.includes('accounts'))).toBe(true);
  });

  it('prints the JSON Schema', async () => {
    const { code, out } = await cli('schema');
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n')).$id).toBe('https://kam-widgets.dev/schema/feed.schema.json');
  });

  it('explains usage errors with exit code 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('check', 'x.json')).err[0]).toMatch(/^Unknown command "check".\n\nUsage:/);
    expect((await cli('validate', 'missing.json')).err[0]).toMatch(/^Cannot read missing\.json: /);
    expect((await cli('validate', 'a.json', '--format', 'xml')).err[0]).toBe('--format must be csv or json, not "xml".');
  });
});
