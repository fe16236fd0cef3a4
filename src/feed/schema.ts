/**
 * The feed contract as zod schemas: zod is the validator of record and words every problem a person
 * sees. The account and history-point schemas are made from the field table (fields.ts), so they cannot
 * drift from the in-place checker (check.ts) or the docs; the envelope and the KPI overrides are small
 * and written here. The published JSON Schema is generated from these schemas (json-schema.ts).
 *
 * Written with zod/mini's functional API (see zod.ts). zod/mini has no locale: every schema words its
 * own messages in the kit's "expected …, got …" style.
 */
import * as z from './zod.js';
import { showValue as shown } from './errors.js';
import {
  ACCOUNT_FIELD_SPECS,
  GOAL_FIELD_SPECS,
  HISTORY_POINT_FIELD_SPECS,
  MAX_MONEY,
  inRange,
  isHttpUrl,
  numberOf,
  type Account,
  type FieldSpec,
  type HistoryPoint,
} from './fields.js';

export { NUMERIC_STRING, TIERS, type Account, type AccountField, type AccountInput, type Goals, type HistoryPoint, type Tier } from './fields.js';

export const FEED_VERSION = 1;

export interface NumberRange {
  min?: number;
  max?: number;
}

/** "a number from 0 to 10", "a number >= 0", "a finite number". The money ceiling is left out: it is said only to values above it. */
export function rangeText({ min, max }: NumberRange): string {
  const shownMax = max === MAX_MONEY ? undefined : max;
  const shownMin = min === -MAX_MONEY ? undefined : min;
  if (shownMin !== undefined && shownMax !== undefined) return `a number from ${shownMin} to ${shownMax}`;
  if (shownMin !== undefined) return `a number >= ${shownMin}`;
  if (shownMax !== undefined) return `a number <= ${shownMax}`;
  return 'a finite number';
}

/** Why `value` is not a number in `range`: the expected range, or the money ceiling for an amount past it. */
function numberProblem(value: unknown, n: number | undefined, range: NumberRange): string {
  if (n !== undefined && n - n === 0 && range.max === MAX_MONEY && Math.abs(n) > MAX_MONEY) {
    return `expected an amount of at most 10^18 (either sign), got ${shown(value)}`;
  }
  return `expected ${rangeText(range)}, got ${shown(value)}`;
}

/**
 * A finite number in a range. Numeric strings such as "1250.50" are accepted and converted, because
 * CRM exports often quote numbers; "12k", NaN and Infinity are not.
 */
export function numberField(range: NumberRange = {}) {
  return z
    .pipe(
      z.unknown(),
      z.transform((value: unknown, ctx) => {
        const n = numberOf(value);
        if (n === undefined || !inRange(n, range)) {
          ctx.issues.push({ code: 'custom', message: numberProblem(value, n, range), input: value });
          return z.NEVER;
        }
        return n;
      }),
    )
    // Read by json-schema.ts: a number in range, or a numeric string.
    .register(z.globalRegistry, { kamNumber: range });
}

function text(what: string) {
  return z.string({ error: (issue) => `expected ${what}, got ${shown(issue.input)}` });
}

const httpUrl = z
  .string({ error: (issue) => `expected an http or https URL, got ${shown(issue.input)}` })
  .check(z.refine(isHttpUrl, { error: (issue) => `expected an http or https URL, got ${shown(issue.input)}` }))
  // For the published JSON Schema only (the refine above is what validates).
  .register(z.globalRegistry, { format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' });

const flag = z.boolean({ error: (issue) => `expected true or false, got ${shown(issue.input)}` });

function record(what: string) {
  return { error: (issue: { input?: unknown }) => `expected ${what}, got ${shown(issue.input)}` };
}

/** The words for a record's keys, in messages: "{ period, revenue }". */
function keysText(specs: readonly FieldSpec[]): string {
  return `{ ${specs.map((s) => s.key).join(', ')} }`;
}

/** A history point's keys in messages: its required fields, then "…" for the others. */
const POINT_KEYS = `{ ${HISTORY_POINT_FIELD_SPECS.filter((s) => s.required).map((s) => s.key).join(', ')}, … }`;

/** The zod schema of one field of the table. */
function fieldSchema(spec: FieldSpec): z.ZodMiniType {
  switch (spec.kind) {
    case 'id':
      return text('a non-empty string').check(z.trim(), z.minLength(1, { error: 'expected a non-empty string' }));
    case 'text':
      return text(spec.key === 'period' ? 'a period label such as "2026-Q1"' : 'a string');
    case 'number':
      return numberField({ min: spec.min, max: spec.max });
    case 'flag':
      return flag;
    case 'choice': {
      const values = spec.values ?? [];
      return z.enum(values as [string, ...string[]], { error: (issue) => `expected one of ${values.join(', ')}, got ${shown(issue.input)}` });
    }
    case 'url':
      return httpUrl;
    case 'periods':
      return z.array(HistoryPointSchema, { error: (issue) => `expected an array of history points ${POINT_KEYS}, got ${shown(issue.input)}` });
    case 'goals':
      return GoalsSchema;
  }
}

/** The zod object of a record described by `specs`. */
function recordSchema(specs: readonly FieldSpec[], what: string) {
  const shape: Record<string, z.ZodMiniType> = {};
  // The JSON Schema writer (json-schema.ts) adds each field's `doc`: the widgets do not carry those words.
  for (const spec of specs) shape[spec.key] = spec.required ? fieldSchema(spec) : z.optional(fieldSchema(spec));
  return z.object(shape, record(what));
}

export const HistoryPointSchema = recordSchema(HISTORY_POINT_FIELD_SPECS, `an object ${keysText(HISTORY_POINT_FIELD_SPECS.filter((s) => s.required))}`) as unknown as z.ZodMiniType<
  HistoryPoint,
  unknown
>;

/** An account's goals: each as the account field of its name. */
export const GoalsSchema = recordSchema(GOAL_FIELD_SPECS, `an object ${keysText(GOAL_FIELD_SPECS)}`);

export const AccountSchema = recordSchema(ACCOUNT_FIELD_SPECS, 'an account object') as unknown as z.ZodMiniType<Account, unknown>;

export const KPI_UNITS = ['percent', 'currency', 'number', 'score'] as const;

/** A KPI measured elsewhere (the JSON Schema writer, json-schema.ts, describes its fields). */
export const KpiOverrideSchema = z.object({
  id: text('a KPI id such as "nps"').check(z.minLength(1)),
  label: z.optional(text('a string')),
  value: numberField(),
  previous: z.optional(numberField()),
  target: z.optional(numberField()),
  unit: z.optional(z.enum(KPI_UNITS, { error: (issue) => `expected one of ${KPI_UNITS.join(', ')}, got ${shown(issue.input)}` })),
  better: z.optional(z.enum(['higher', 'lower'], { error: (issue) => `expected "higher" or "lower", got ${shown(issue.input)}` })),
  history: z.optional(z.array(numberField(), { error: (issue) => `expected an array of numbers, got ${shown(issue.input)}` })),
}, record('a KPI object { id, value, … }'));

const isoDate = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function isoText(what: string, pattern: RegExp) {
  const error = (issue: { input?: unknown }) => `expected ${what}, got ${shown(issue.input)}`;
  return z.string({ error }).check(z.regex(pattern, { error }));
}

/** An array, taken as it is: its items are checked one by one by parse.ts (one bad item is skipped, not fatal). */
function list(what: string) {
  return z.custom<unknown[]>(Array.isArray, { error: (issue) => `expected an array of ${what}, got ${shown(issue.input)}` });
}

/**
 * The document envelope. Accounts and KPI entries are validated one by one (see parse.ts) so one bad entry
 * is skipped, not fatal. The full document, for the published JSON Schema, is json-schema.ts's.
 */
export const FeedEnvelopeSchema = z.object({
  version: z.literal(FEED_VERSION, { error: (issue) => `expected 1 (the only feed version), got ${shown(issue.input)}` }),
  accounts: list('accounts'),
  currency: z.optional(isoText('an ISO 4217 currency code such as "USD"', /^[A-Z]{3}$/)),
  asOf: z.optional(isoText('an ISO date such as "2026-09-30"', isoDate)),
  periods: z.optional(
    z.object(
      {
        current: z.optional(text('a period label')),
        previous: z.optional(text('a period label')),
        order: z.optional(z.array(text('a period label'), { error: (issue) => `expected an array of period labels, oldest first, got ${shown(issue.input)}` })),
      },
      record('an object { current, previous, order }'),
    ),
  ),
  kpis: z.optional(list('KPI entries')),
}, record('a feed object { "version": 1, "accounts": [...] }'));

export type KpiOverride = z.output<typeof KpiOverrideSchema>;
export type KpiUnit = (typeof KPI_UNITS)[number];
