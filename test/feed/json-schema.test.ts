import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NUMERIC_STRING, feedJsonSchema } from '../../src/feed/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking generated JSON
type Json = Record<string, any>;

describe('feedJsonSchema', () => {
  const schema = feedJsonSchema() as Json;

  it('the committed schema/feed.schema.json is up to date (regenerate: npm run write:schema)', () => {
    const committed = readFileSync(new URL('../../schema/feed.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(schema, null, 2)}\n`);
  });

  it('has $id, title, and accepts a document or a bare array of accounts', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^https:\/\/.+feed\.schema\.json$/);
    expect(schema.title).toBe('kam-widgets account feed, version 1');
    expect(schema.anyOf).toEqual([
      { $ref: '#/$defs/document' },
      { type: 'array', items: { $ref: '#/$defs/account' }, description: 'Shorthand for { "version": 1, "accounts": [...] }.' },
    ]);
    expect(schema.$defs.document.required).toEqual(['version', 'accounts']);
    expect(schema.$defs.document.properties.accounts.items).toEqual({ $ref: '#/$defs/account' });
    expect(schema.$defs.document.properties.kpis.items).toEqual({ $ref: '#/$defs/kpi' });
  });

  it('number fields are a number in range or a numeric string, with the description', () => {
    const nps = schema.$defs.account.properties.nps;
    expect(nps).toEqual({
      description: 'Likelihood to recommend: the latest answer or an average of several (9 and up promoter, 6 and below detractor).',
      anyOf: [
        { type: 'number', minimum: 0, maximum: 10 },
        { type: 'string', pattern: NUMERIC_STRING.source, description: expect.any(String) },
      ],
    });
    expect(schema.$defs.account.properties.revenue.anyOf[0]).toEqual({ type: 'number', minimum: 0, maximum: 1e18 });
    expect(schema.$defs.account.properties.profit.anyOf[0]).toEqual({ type: 'number', minimum: -1e18, maximum: 1e18 });
    expect(schema.$defs.account.properties.impact.anyOf[0]).toEqual({ type: 'number' });
    expect(schema.$defs.account.properties.history.items.properties.revenue.anyOf[0]).toEqual({ type: 'number', minimum: 0, maximum: 1e18 });
    expect(schema.$defs.kpi.properties.history.items.anyOf[0]).toEqual({ type: 'number' });
    expect(schema.$defs.account.required).toEqual(['id', 'name', 'revenue']);
  });

  it('does not leak the kamNumber marker', () => {
    expect(JSON.stringify(schema)).not.toContain('kamNumber');
  });

  it('the numeric-string pattern agrees with the parser', () => {
    const pattern = new RegExp(schema.$defs.account.properties.revenue.anyOf[1].pattern);
    for (const text of ['1250.50', ' 3 ', '-1e3', '.5', '5.']) expect(pattern.test(text)).toBe(true);
    for (const text of ['12k', 'NaN', 'Infinity', '', '1,000']) expect(pattern.test(text)).toBe(false);
  });

  it('url is an http(s) URI; tier an enum', () => {
    expect(schema.$defs.account.properties.url).toMatchObject({ type: 'string', format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' });
    expect(schema.$defs.account.properties.tier.enum).toEqual(['MVC', 'MGC', 'STC', 'BZ']);
  });
});
