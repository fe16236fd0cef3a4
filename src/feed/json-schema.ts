/**
 * The published JSON Schema of the feed (schema/feed.schema.json), generated from the zod contract (whose
 * accounts are made from the field table, fields.ts).
 * Regenerate with `npx tsx scripts/write-json-schema.ts`; a test fails when the committed file is stale.
 *
 * The JSON Schema describes a fully valid feed. parseFeed is more lenient: it also accepts documents
 * whose individual accounts or KPI entries are bad (those are skipped and reported), and it rejects
 * repeated account ids, which JSON Schema cannot express.
 */
import * as z from './zod.js';
import { FeedDocumentSchema, NUMERIC_STRING, type NumberRange } from './schema.js';

export const FEED_SCHEMA_ID = 'https://kam-widgets.dev/schema/feed.schema.json';
export const FEED_SCHEMA_TITLE = 'kam-widgets account feed, version 1';

type Json = Record<string, unknown>;

/** numberField() (marked with `kamNumber` in z.globalRegistry) becomes "a number in range, or a numeric string". */
function numberFieldOverride(json: Json): void {
  if (!('kamNumber' in json)) return;
  const range = (json.kamNumber ?? {}) as NumberRange;
  delete json.kamNumber;
  delete json.type;
  const number: Json = { type: 'number' };
  if (range.min !== undefined) number.minimum = range.min;
  if (range.max !== undefined) number.maximum = range.max;
  const { description, ...rest } = json;
  for (const key of Object.keys(json)) delete json[key];
  Object.assign(json, rest, {
    anyOf: [number, { type: 'string', pattern: NUMERIC_STRING.source, description: 'A numeric string such as "1250.50", converted to a number; the same range applies.' }],
  });
  if (description !== undefined) json.description = description;
}

/**
 * The JSON Schema (draft 2020-12) of the feed: either the feed document or a bare array of accounts
 * (shorthand for `{ "version": 1, "accounts": [...] }`). The account schema is shared via `$defs`.
 */
export function feedJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(FeedDocumentSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'throw',
    override: (ctx) => numberFieldOverride(ctx.jsonSchema as Json),
  }) as Json;

  const { $schema, ...document } = generated;
  const properties = document.properties as Record<string, Json>;
  const accounts = properties.accounts as Json;
  const account = accounts.items as Json;
  const kpis = properties.kpis as Json | undefined;
  const kpi = kpis?.items as Json | undefined;
  accounts.items = { $ref: '#/$defs/account' };
  if (kpis && kpi) kpis.items = { $ref: '#/$defs/kpi' };
  document.description = 'The feed document.';

  const defs: Json = { document, account };
  if (kpi) defs.kpi = kpi;
  return {
    $schema,
    $id: FEED_SCHEMA_ID,
    title: FEED_SCHEMA_TITLE,
    description:
      'Accounts for the kam-widgets dashboard components. Either a feed document or, as a shorthand, a bare array of accounts. ' +
      'Account ids must be unique. Readers skip (and report) invalid accounts and KPI entries instead of rejecting the whole feed.',
    anyOf: [
      { $ref: '#/$defs/document' },
      { type: 'array', items: { $ref: '#/$defs/account' }, description: 'Shorthand for { "version": 1, "accounts": [...] }.' },
    ],
    $defs: defs,
  };
}
