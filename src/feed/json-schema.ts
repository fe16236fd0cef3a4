/**
 * The published JSON Schema of the feed (schema/feed.schema.json), generated from the zod contract (whose
 * accounts are made from the field table, fields.ts), and the words it says of each field: the field
 * table's `doc` for the account and history-point fields, the tables below for the envelope and the KPI
 * entries. The words are given to the contract's schemas here, so that they stay with the schema writer
 * rather than in every bundle that validates a feed.
 * Regenerate with `npx tsx scripts/write-json-schema.ts`; a test fails when the committed file is stale.
 *
 * The JSON Schema describes a fully valid feed. parseFeed is more lenient: it also accepts documents
 * whose individual accounts or KPI entries are bad (those are skipped and reported), and it rejects
 * repeated account ids, which JSON Schema cannot express.
 */
import * as z from './zod.js';
import { ACCOUNT_FIELD_SPECS, GOAL_FIELD_SPECS, HISTORY_POINT_FIELD_SPECS, type FieldSpec } from './fields.js';
import { AccountSchema, FeedEnvelopeSchema, GoalsSchema, HistoryPointSchema, KpiOverrideSchema, NUMERIC_STRING, type NumberRange } from './schema.js';

export const FEED_SCHEMA_ID = 'https://kam-widgets.dev/schema/feed.schema.json';
export const FEED_SCHEMA_TITLE = 'kam-widgets account feed, version 1';

type Json = Record<string, unknown>;

/**
 * Records a description in zod's global registry (what the JSON Schema shows), keeping the metadata the
 * schema already has there (`kamNumber`, `format`). Returns the same schema: no clone, no check.
 */
function describe<T extends z.ZodMiniType>(schema: T, description: string): T {
  const untyped: z.ZodMiniType = schema;
  z.globalRegistry.add(untyped, { ...z.globalRegistry.get(untyped), description });
  return schema;
}

/** Describes each field of an object schema: `descriptions` by key. */
function describeFields(schema: unknown, descriptions: Readonly<Record<string, string>>): void {
  const { shape } = schema as { shape: Record<string, z.ZodMiniType> };
  for (const [key, description] of Object.entries(descriptions)) describe(shape[key]!, description);
}

const docsOf = (specs: readonly FieldSpec[]) => Object.fromEntries(specs.map((spec) => [spec.key, spec.doc]));

const KPIS_DESCRIPTION = 'KPIs measured elsewhere; each wins over the derived KPI with the same id.';

describeFields(AccountSchema, docsOf(ACCOUNT_FIELD_SPECS));
describeFields(HistoryPointSchema, docsOf(HISTORY_POINT_FIELD_SPECS));
describeFields(GoalsSchema, docsOf(GOAL_FIELD_SPECS));
describeFields(KpiOverrideSchema, {
  id: 'KPI id, for example "nps", "churn" or a custom id.',
  label: 'Display label.',
  value: 'Current value. Percent KPIs are fractions (0.125 = 12.5%).',
  previous: 'Value in the previous period, same unit.',
  target: 'Target value, same unit.',
  unit: 'How the value is formatted.',
  better: 'Direction in which the KPI improves.',
  history: 'Past values, oldest first, same unit.',
});
describeFields(FeedEnvelopeSchema, {
  version: 'Feed format version; must be 1.',
  accounts: 'The accounts.',
  currency: 'ISO 4217 currency code of every money field. Default "USD".',
  asOf: 'ISO 8601 date the figures refer to.',
  periods: 'The labels and the order of the periods.',
  kpis: KPIS_DESCRIPTION,
});
describeFields((FeedEnvelopeSchema.shape.periods as unknown as { def: { innerType: unknown } }).def.innerType, {
  current: 'Label of the current period (the accounts\' own fields), for example "2026-Q3".',
  previous: 'Label of the previous period (previousRevenue, the last history point), for example "2026-Q2".',
  order: 'Every period, oldest first (the current period, when listed, last). Unset: the order in which the accounts list them.',
});

/**
 * The message zod classic's English locale gave for a non-array where FeedDocumentSchema expects one
 * (zod/mini has no locale; parseFeed never parses FeedDocumentSchema, but it is public).
 */
function notAnArray(issue: { input?: unknown }): string {
  const input = issue.input;
  const type = z.util.parsedType(input);
  const received = type === 'nan' ? 'NaN' : type === 'number' && !Number.isFinite(input) ? String(input) : type;
  return `Invalid input: expected array, received ${received}`;
}

/** The full document, used for the published JSON Schema. */
export const FeedDocumentSchema = z.extend(FeedEnvelopeSchema, {
  accounts: describe(z.array(AccountSchema, { error: notAnArray }), 'The accounts; ids must be unique.'),
  kpis: describe(z.optional(z.array(KpiOverrideSchema, { error: notAnArray })), KPIS_DESCRIPTION),
});

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
