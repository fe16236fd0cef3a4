import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_FIELD_SPECS, HISTORY_POINT_FIELD_SPECS, feedJsonSchema } from '../../src/feed/index.js';
import { fieldTableMarkdown, fieldTablesIn } from '../../src/feed/field-docs.js';

const docs = readFileSync(new URL('../../docs/feed.md', import.meta.url), 'utf8');

/** The rows of a Markdown table as cells (header and rule left out). */
const rows = (table: string) =>
  table
    .split('\n')
    .slice(2)
    .map((row) => row.split('|').slice(1, -1).map((cell) => cell.trim()));

describe('one description of the account contract', () => {
  it('docs/feed.md holds the field tables of the contract (regenerate: npm run write:schema)', () => {
    const tables = fieldTablesIn(docs);
    expect(tables.account).toBe(fieldTableMarkdown('account'));
    expect(tables['history-point']).toBe(fieldTableMarkdown('history-point'));
  });

  it('the docs table lists every field of the table, in order, with whether it is required', () => {
    const account = rows(fieldTablesIn(docs).account ?? '');
    expect(account.map((cells) => cells[0])).toEqual(ACCOUNT_FIELD_SPECS.map((s) => `\`${s.key}\``));
    expect(account.filter((cells) => cells[3] === 'yes').map((cells) => cells[0])).toEqual(['`id`', '`name`', '`revenue`']);
    expect(account.find((cells) => cells[0] === '`nps`')).toEqual(['`nps`', 'number, score', '0 to 10', 'no', expect.any(String)]);
    expect(account.find((cells) => cells[0] === '`revenue`')?.slice(1, 4)).toEqual(['number, feed currency', '0 to 10^18', 'yes']);
  });

  it('a history point is described by the same table: its period, then the account fields marked per period', () => {
    const perPeriod = ['revenue', 'profit', 'costToServe', 'potential', 'effort', 'impact', 'tier', 'nps', 'csat', 'clv', 'expanded', 'referenceable'];
    expect(HISTORY_POINT_FIELD_SPECS.map((s) => s.key)).toEqual(['period', ...perPeriod]);
    for (const key of perPeriod) expect(HISTORY_POINT_FIELD_SPECS.find((s) => s.key === key)).toBe(ACCOUNT_FIELD_SPECS.find((s) => s.key === key));
    const table = rows(fieldTablesIn(docs)['history-point'] ?? '').map((cells) => cells.slice(0, 4));
    expect(table.slice(0, 3)).toEqual([
      ['`period`', 'string', 'any; the first 200 characters are drawn', 'yes'],
      ['`revenue`', 'number, feed currency', '0 to 10^18', 'yes'],
      ['`profit`', 'number, feed currency', '-10^18 to 10^18', 'no'],
    ]);
    expect(table.map((cells) => cells[0])).toEqual(['`period`', ...perPeriod.map((key) => `\`${key}\``)]);
  });

  it('the JSON Schema has the same fields, required fields, ranges and documentation', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking generated JSON
    const account = (feedJsonSchema() as any).$defs.account;
    expect(Object.keys(account.properties)).toEqual(ACCOUNT_FIELD_SPECS.map((s) => s.key));
    expect(account.required).toEqual(ACCOUNT_FIELD_SPECS.filter((s) => s.required).map((s) => s.key));
    for (const spec of ACCOUNT_FIELD_SPECS) {
      expect(account.properties[spec.key].description, spec.key).toBe(spec.doc);
      if (spec.kind === 'number') {
        const number = account.properties[spec.key].anyOf[0];
        expect([number.minimum, number.maximum], spec.key).toEqual(['min' in spec ? spec.min : undefined, 'max' in spec ? spec.max : undefined]);
      }
    }
  });
});
