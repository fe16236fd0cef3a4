/**
 * The account-feed contract, version 1.
 *
 * One zod schema is the single source of truth: the TypeScript types are inferred from it and the
 * published JSON Schema (schema/feed.schema.json) is generated from it. Every field carries its unit
 * and range in its description (`describe()` below), which ends up in the JSON Schema for integrators.
 *
 * Written with zod/mini's functional API (see zod.ts). zod/mini has no locale: every schema words its
 * own messages in the kit's "expected …, got …" style.
 */
import * as z from './zod.js';

export const FEED_VERSION = 1;

export const TIERS = ['MVC', 'MGC', 'STC', 'BZ'] as const;
export type Tier = (typeof TIERS)[number];

/** A numeric string as CRM exports write numbers: "1250.50", " -3 ", "1e3". Not "12k", "NaN", "Infinity". */
export const NUMERIC_STRING = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

interface NumberRange {
  min?: number;
  max?: number;
  integer?: boolean;
}

function rangeText({ min, max, integer }: NumberRange): string {
  const kind = integer ? 'an integer' : 'a number';
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  if (min !== undefined) return `${kind} >= ${min}`;
  if (max !== undefined) return `${kind} <= ${max}`;
  return `a finite ${integer ? 'integer' : 'number'}`;
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * Records a description in zod's global registry (what the JSON Schema shows), keeping the metadata the
 * schema already has there (`kamNumber`, `format`). Returns the same schema: no clone, no check.
 */
function describe<T extends z.ZodMiniType>(schema: T, description: string): T {
  const untyped: z.ZodMiniType = schema;
  z.globalRegistry.add(untyped, { ...z.globalRegistry.get(untyped), description });
  return schema;
}

/** `.optional()` plus a description, the shape of most fields. */
function optional<T extends z.ZodMiniType>(schema: T, description: string) {
  return describe(z.optional(schema), description);
}

/**
 * A finite number in a range. Numeric strings such as "1250.50" are accepted and converted, because
 * CRM exports often quote numbers; "12k", NaN and Infinity are not.
 */
export function numberField(range: NumberRange = {}) {
  const expected = `expected ${rangeText(range)}`;
  return z
    .pipe(
      z.unknown(),
      z.transform((value: unknown, ctx) => {
        let n: number | undefined;
        if (typeof value === 'number') n = value;
        else if (typeof value === 'string' && NUMERIC_STRING.test(value)) n = Number(value);
        const ok =
          n !== undefined &&
          Number.isFinite(n) &&
          (range.min === undefined || n >= range.min) &&
          (range.max === undefined || n <= range.max) &&
          (!range.integer || Number.isInteger(n));
        if (!ok) {
          ctx.issues.push({ code: 'custom', message: `${expected}, got ${shown(value)}`, input: value });
          return z.NEVER;
        }
        return n as number;
      }),
    )
    // Read by parse.ts (fast path) and json-schema.ts (numeric strings in the JSON Schema).
    .register(z.globalRegistry, { kamNumber: range });
}

function text(what: string) {
  return z.string({ error: (issue) => `expected ${what}, got ${shown(issue.input)}` });
}

const httpUrl = z
  .string({ error: (issue) => `expected an http or https URL, got ${shown(issue.input)}` })
  .check(
    z.refine((value: string) => /^https?:\/\//i.test(value.trim()) && URL.canParse(value.trim()), {
      error: (issue) => `expected an http or https URL, got ${shown(issue.input)}`,
    }),
  )
  // For the published JSON Schema only (the refine above is what validates).
  .register(z.globalRegistry, { format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' });

const flag = z.boolean({ error: (issue) => `expected true or false, got ${shown(issue.input)}` });

function record(what: string) {
  return { error: (issue: { input?: unknown }) => `expected ${what}, got ${shown(issue.input)}` };
}

export const HistoryPointSchema = z.object({
  period: describe(text('a period label such as "2026-Q1"'), 'Period label, for example "2026-Q1" or "2025".'),
  revenue: describe(numberField({ min: 0 }), 'Revenue in that period, in the feed currency, >= 0.'),
}, record('an object { period, revenue }'));

export const AccountSchema = z.object({
  id: describe(
    text('a non-empty string').check(z.trim(), z.minLength(1, { error: 'expected a non-empty string' })),
    'Unique, non-empty account identifier (for example the CRM record id).',
  ),
  name: describe(text('a string'), 'Display name of the account. Plain text: never interpreted as markup.'),
  revenue: describe(numberField({ min: 0 }), 'Revenue in the current period, in the feed currency, >= 0.'),
  previousRevenue: optional(
    numberField({ min: 0 }),
    'Revenue in the previous period, in the feed currency, >= 0. Needed for growth, retention, churn, NRR.',
  ),
  profit: optional(numberField(), 'Profit (contribution after cost to serve) in the current period, feed currency; may be negative.'),
  potential: optional(
    numberField({ min: 0 }),
    'Attainable yearly revenue (wallet share estimate), feed currency, >= 0. Growth headroom = potential - revenue.',
  ),
  effort: optional(numberField({ min: 0 }), 'Effort spent on the account this period: hours or touches, >= 0.'),
  impact: optional(numberField(), 'Impact score of working the account (any finite number, higher is better). Defaults to growth headroom.'),
  tier: optional(
    z.enum(TIERS, { error: (issue) => `expected one of MVC, MGC, STC, BZ, got ${shown(issue.input)}` }),
    'Tier given by the feed; wins over the computed tier rule.',
  ),
  nps: optional(
    numberField({ min: 0, max: 10, integer: true }),
    'Latest likelihood-to-recommend answer, integer 0-10 (9-10 promoter, 0-6 detractor).',
  ),
  csat: optional(numberField({ min: 1, max: 5 }), 'Latest satisfaction rating, 1-5 (4 or 5 counts as satisfied).'),
  clv: optional(numberField({ min: 0 }), 'Customer lifetime value, feed currency, >= 0.'),
  expanded: optional(flag, 'True when the account bought more or another product this period (up-sell/cross-sell).'),
  referenceable: optional(flag, 'True when the account agreed to act as a reference.'),
  owner: optional(text('a string'), 'Account owner (key-account manager).'),
  segment: optional(text('a string'), 'Customer segment, for example "Enterprise".'),
  region: optional(text('a string'), 'Sales region, for example "EMEA".'),
  industry: optional(text('a string'), 'Industry of the account.'),
  country: optional(text('a string'), 'Country of the account (name or ISO 3166 code).'),
  url: optional(httpUrl, 'Link to the account record in the CRM; http or https only.'),
  history: optional(
    z.array(HistoryPointSchema, { error: (issue) => `expected an array of { period, revenue }, got ${shown(issue.input)}` }),
    'Revenue by past period, oldest first.',
  ),
}, record('an account object'));

export const KPI_UNITS = ['percent', 'currency', 'number', 'score'] as const;

export const KpiOverrideSchema = z.object({
  id: describe(text('a KPI id such as "nps"').check(z.minLength(1)), 'KPI id, for example "nps", "churn" or a custom id.'),
  label: optional(text('a string'), 'Display label.'),
  value: describe(numberField(), 'Current value. Percent KPIs are fractions (0.125 = 12.5%).'),
  previous: optional(numberField(), 'Value in the previous period, same unit.'),
  target: optional(numberField(), 'Target value, same unit.'),
  unit: optional(
    z.enum(KPI_UNITS, { error: (issue) => `expected one of ${KPI_UNITS.join(', ')}, got ${shown(issue.input)}` }),
    'How the value is formatted.',
  ),
  better: optional(
    z.enum(['higher', 'lower'], { error: (issue) => `expected "higher" or "lower", got ${shown(issue.input)}` }),
    'Direction in which the KPI improves.',
  ),
  history: optional(
    z.array(numberField(), { error: (issue) => `expected an array of numbers, got ${shown(issue.input)}` }),
    'Past values, oldest first, same unit.',
  ),
}, record('a KPI object { id, value, … }'));

const isoDate = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function isoText(what: string, pattern: RegExp) {
  const error = (issue: { input?: unknown }) => `expected ${what}, got ${shown(issue.input)}`;
  return z.string({ error }).check(z.regex(pattern, { error }));
}

/** The document envelope. Accounts are validated one by one (see parse.ts) so one bad account is skipped, not fatal. */
export const FeedEnvelopeSchema = z.object({
  version: describe(
    z.literal(FEED_VERSION, { error: (issue) => `expected 1 (the only feed version), got ${shown(issue.input)}` }),
    'Feed format version; must be 1.',
  ),
  accounts: describe(
    z.array(z.unknown(), { error: (issue) => `expected an array of accounts, got ${shown(issue.input)}` }),
    'The accounts.',
  ),
  currency: optional(
    isoText('an ISO 4217 currency code such as "USD"', /^[A-Z]{3}$/),
    'ISO 4217 currency code of every money field. Default "USD".',
  ),
  asOf: optional(isoText('an ISO date such as "2026-09-30"', isoDate), 'ISO 8601 date the figures refer to.'),
  periods: optional(
    z.object({
      current: optional(text('a period label'), 'Label of the current period, for example "FY2026".'),
      previous: optional(text('a period label'), 'Label of the previous period, for example "FY2025".'),
    }, record('an object { current, previous }')),
    'Labels of the current and previous periods.',
  ),
  kpis: optional(
    z.array(z.unknown(), { error: (issue) => `expected an array of KPI entries, got ${shown(issue.input)}` }),
    'KPIs measured elsewhere; each wins over the derived KPI with the same id.',
  ),
}, record('a feed object { "version": 1, "accounts": [...] }'));

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
  kpis: optional(
    z.array(KpiOverrideSchema, { error: notAnArray }),
    'KPIs measured elsewhere; each wins over the derived KPI with the same id.',
  ),
});

export type Account = z.output<typeof AccountSchema>;
export type AccountInput = z.input<typeof AccountSchema>;
export type KpiOverride = z.output<typeof KpiOverrideSchema>;
export type HistoryPoint = z.output<typeof HistoryPointSchema>;
export type KpiUnit = (typeof KPI_UNITS)[number];
