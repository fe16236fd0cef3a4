/**
 * The account-feed contract, version 1.
 *
 * One zod schema is the single source of truth: the TypeScript types are inferred from it and the
 * published JSON Schema (schema/feed.schema.json) is generated from it. Every field carries its unit
 * and range in `.describe()`, which ends up in the JSON Schema for integrators.
 */
import { z } from './zod.js';

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
 * A finite number in a range. Numeric strings such as "1250.50" are accepted and converted, because
 * CRM exports often quote numbers; "12k", NaN and Infinity are not.
 */
export function numberField(range: NumberRange = {}) {
  const expected = `expected ${rangeText(range)}`;
  return z
    .unknown()
    .transform((value, ctx) => {
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
        ctx.addIssue({ code: 'custom', message: `${expected}, got ${shown(value)}`, input: value });
        return z.NEVER;
      }
      return n as number;
    })
    .meta({ kamNumber: range });
}

function text(what: string) {
  return z.string({ error: (issue) => `expected ${what}, got ${shown(issue.input)}` });
}

const httpUrl = z
  .string({ error: (issue) => `expected an http or https URL, got ${shown(issue.input)}` })
  .refine((value) => /^https?:\/\//i.test(value.trim()) && URL.canParse(value.trim()), {
    error: (issue) => `expected an http or https URL, got ${shown(issue.input)}`,
  })
  // For the published JSON Schema only (the refine above is what validates).
  .meta({ format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' });

const flag = z.boolean({ error: (issue) => `expected true or false, got ${shown(issue.input)}` });

function record(what: string) {
  return { error: (issue: { input?: unknown }) => `expected ${what}, got ${shown(issue.input)}` };
}

export const HistoryPointSchema = z.object({
  period: text('a period label such as "2026-Q1"').describe('Period label, for example "2026-Q1" or "2025".'),
  revenue: numberField({ min: 0 }).describe('Revenue in that period, in the feed currency, >= 0.'),
}, record('an object { period, revenue }'));

export const AccountSchema = z.object({
  id: text('a non-empty string')
    .trim()
    .min(1, { error: 'expected a non-empty string' })
    .describe('Unique, non-empty account identifier (for example the CRM record id).'),
  name: text('a string').describe('Display name of the account. Plain text: never interpreted as markup.'),
  revenue: numberField({ min: 0 }).describe('Revenue in the current period, in the feed currency, >= 0.'),
  previousRevenue: numberField({ min: 0 })
    .optional()
    .describe('Revenue in the previous period, in the feed currency, >= 0. Needed for growth, retention, churn, NRR.'),
  profit: numberField()
    .optional()
    .describe('Profit (contribution after cost to serve) in the current period, feed currency; may be negative.'),
  potential: numberField({ min: 0 })
    .optional()
    .describe('Attainable yearly revenue (wallet share estimate), feed currency, >= 0. Growth headroom = potential - revenue.'),
  effort: numberField({ min: 0 })
    .optional()
    .describe('Effort spent on the account this period: hours or touches, >= 0.'),
  impact: numberField()
    .optional()
    .describe('Impact score of working the account (any finite number, higher is better). Defaults to growth headroom.'),
  tier: z
    .enum(TIERS, { error: (issue) => `expected one of MVC, MGC, STC, BZ, got ${shown(issue.input)}` })
    .optional()
    .describe('Tier given by the feed; wins over the computed tier rule.'),
  nps: numberField({ min: 0, max: 10, integer: true })
    .optional()
    .describe('Latest likelihood-to-recommend answer, integer 0-10 (9-10 promoter, 0-6 detractor).'),
  csat: numberField({ min: 1, max: 5 })
    .optional()
    .describe('Latest satisfaction rating, 1-5 (4 or 5 counts as satisfied).'),
  clv: numberField({ min: 0 }).optional().describe('Customer lifetime value, feed currency, >= 0.'),
  expanded: flag.optional().describe('True when the account bought more or another product this period (up-sell/cross-sell).'),
  referenceable: flag.optional().describe('True when the account agreed to act as a reference.'),
  owner: text('a string').optional().describe('Account owner (key-account manager).'),
  segment: text('a string').optional().describe('Customer segment, for example "Enterprise".'),
  region: text('a string').optional().describe('Sales region, for example "EMEA".'),
  industry: text('a string').optional().describe('Industry of the account.'),
  country: text('a string').optional().describe('Country of the account (name or ISO 3166 code).'),
  url: httpUrl.optional().describe('Link to the account record in the CRM; http or https only.'),
  history: z
    .array(HistoryPointSchema, { error: (issue) => `expected an array of { period, revenue }, got ${shown(issue.input)}` })
    .optional()
    .describe('Revenue by past period, oldest first.'),
}, record('an account object'));

export const KPI_UNITS = ['percent', 'currency', 'number', 'score'] as const;

export const KpiOverrideSchema = z.object({
  id: text('a KPI id such as "nps"').min(1).describe('KPI id, for example "nps", "churn" or a custom id.'),
  label: text('a string').optional().describe('Display label.'),
  value: numberField().describe('Current value. Percent KPIs are fractions (0.125 = 12.5%).'),
  previous: numberField().optional().describe('Value in the previous period, same unit.'),
  target: numberField().optional().describe('Target value, same unit.'),
  unit: z
    .enum(KPI_UNITS, { error: (issue) => `expected one of ${KPI_UNITS.join(', ')}, got ${shown(issue.input)}` })
    .optional().describe('How the value is formatted.'),
  better: z
    .enum(['higher', 'lower'], { error: (issue) => `expected "higher" or "lower", got ${shown(issue.input)}` })
    .optional().describe('Direction in which the KPI improves.'),
  history: z
    .array(numberField(), { error: (issue) => `expected an array of numbers, got ${shown(issue.input)}` })
    .optional()
    .describe('Past values, oldest first, same unit.'),
}, record('a KPI object { id, value, … }'));

const isoDate = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The document envelope. Accounts are validated one by one (see parse.ts) so one bad account is skipped, not fatal. */
export const FeedEnvelopeSchema = z.object({
  version: z.literal(FEED_VERSION, { error: (issue) => `expected 1 (the only feed version), got ${shown(issue.input)}` }).describe('Feed format version; must be 1.'),
  accounts: z.array(z.unknown(), { error: (issue) => `expected an array of accounts, got ${shown(issue.input)}` }).describe('The accounts.'),
  currency: z
    .string({ error: (issue) => `expected an ISO 4217 currency code such as "USD", got ${shown(issue.input)}` })
    .regex(/^[A-Z]{3}$/, { error: (issue) => `expected an ISO 4217 currency code such as "USD", got ${shown(issue.input)}` })
    .optional()
    .describe('ISO 4217 currency code of every money field. Default "USD".'),
  asOf: z
    .string({ error: (issue) => `expected an ISO date such as "2026-09-30", got ${shown(issue.input)}` })
    .regex(isoDate, { error: (issue) => `expected an ISO date such as "2026-09-30", got ${shown(issue.input)}` })
    .optional()
    .describe('ISO 8601 date the figures refer to.'),
  periods: z
    .object({
      current: text('a period label').optional().describe('Label of the current period, for example "FY2026".'),
      previous: text('a period label').optional().describe('Label of the previous period, for example "FY2025".'),
    }, record('an object { current, previous }'))
    .optional()
    .describe('Labels of the current and previous periods.'),
  kpis: z.array(z.unknown(), { error: (issue) => `expected an array of KPI entries, got ${shown(issue.input)}` }).optional().describe('KPIs measured elsewhere; each wins over the derived KPI with the same id.'),
}, record('a feed object { "version": 1, "accounts": [...] }'));

/** The full document, used for the published JSON Schema. */
export const FeedDocumentSchema = FeedEnvelopeSchema.extend({
  accounts: z.array(AccountSchema).describe('The accounts; ids must be unique.'),
  kpis: z.array(KpiOverrideSchema).optional().describe('KPIs measured elsewhere; each wins over the derived KPI with the same id.'),
});

export type Account = z.output<typeof AccountSchema>;
export type AccountInput = z.input<typeof AccountSchema>;
export type KpiOverride = z.output<typeof KpiOverrideSchema>;
export type HistoryPoint = z.output<typeof HistoryPointSchema>;
export type KpiUnit = (typeof KPI_UNITS)[number];
