/**
 * parseFeed: turns untrusted input (a JSON string, an array of accounts, or a feed object) into a Feed.
 *
 * - The envelope (version, accounts array, currency, asOf, periods, kpis array) must be right, or parseFeed
 *   throws a FeedError listing every envelope problem by JSON path.
 * - Each account is then validated on its own: a bad account, or one whose id repeats an earlier accepted
 *   account, is left out and reported in `skipped`. KPI overrides likewise, in `skippedKpis`.
 * - Strings are data: nothing here (or anywhere in the kit) interprets them as markup.
 */
import * as z from './zod.js';
import { AccountSchema, FEED_VERSION, FeedEnvelopeSchema, HistoryPointSchema, KpiOverrideSchema, NUMERIC_STRING } from './schema.js';
import type { Account, KpiOverride } from './schema.js';
import { FeedError, describeProblem, formatPath, showValue } from './errors.js';
import type { FeedProblem } from './errors.js';

/** An account or KPI entry left out of the feed. `index` is its position in the input array. */
export interface SkippedItem {
  index: number;
  /** The entry's id when it has a usable one (a non-empty string). */
  id?: string;
  /** Why it was left out; paths like `accounts[3].revenue`. */
  problems: FeedProblem[];
}

export interface Feed {
  version: 1;
  accounts: Account[];
  /** ISO 4217 code; "USD" when the document has none. */
  currency: string;
  asOf?: string;
  periods: { current?: string; previous?: string };
  kpis: KpiOverride[];
  skipped: SkippedItem[];
  skippedKpis: SkippedItem[];
}

/** Fallback wording for any zod issue a schema did not word itself (kept in the kit's "expected …, got …" style). */
function fallbackError(issue: z.core.$ZodRawIssue): string {
  const got = showValue(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${String(issue.expected)}, got ${got}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    default:
      return `${issue.message ?? 'invalid value'}, got ${got}`;
  }
}

const PARSE_OPTIONS = { error: fallbackError } as const;

function toProblems(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): FeedProblem[] {
  return issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rawId(item: unknown): string | undefined {
  if (!isPlainObject(item) || typeof item.id !== 'string') return undefined;
  const id = item.id.trim();
  return id ? id : undefined;
}

function listProblems(problems: readonly FeedProblem[], max = 3): string {
  const shown = problems.slice(0, max).map(describeProblem).join('; ');
  return problems.length > max ? `${shown}; and ${problems.length - max} more` : shown;
}

// ---------------------------------------------------------------------------------------------------------
// Fast path. zod in jitless mode (required for strict CSP) costs ~15-20 µs per full account, too slow for
// 100,000 accounts. `fastAccount` validates the common, valid case directly and returns exactly what
// `AccountSchema.parse` would; on anything it is not sure about it returns undefined and zod decides (and
// words the problems). The plan is derived from AccountSchema at load time (number ranges come from the
// `kamNumber` metadata that numberField registers); if the schema has a field the fast path does not
// understand, the fast path is switched off entirely. A property test checks fast path == zod on arbitrary input.

interface NumberRange {
  min?: number;
  max?: number;
  integer?: boolean;
}

type FieldKind =
  | { kind: 'number'; range: NumberRange }
  | { kind: 'id' }
  | { kind: 'text' }
  | { kind: 'flag' }
  | { kind: 'url' }
  | { kind: 'history'; range: NumberRange }
  | { kind: 'enum'; values: ReadonlySet<unknown> };

interface FieldPlan {
  key: string;
  optional: boolean;
  type: FieldKind;
}

function numberRangeOf(schema: z.ZodMiniType): NumberRange | undefined {
  if (schema._zod.def.type !== 'pipe') return undefined;
  const meta = z.globalRegistry.get(schema) as { kamNumber?: NumberRange } | undefined;
  return meta?.kamNumber;
}

function checkCount(schema: z.ZodMiniType): number {
  return (schema._zod.def as { checks?: unknown[] }).checks?.length ?? 0;
}

function planAccount(): FieldPlan[] | undefined {
  const historyShape = HistoryPointSchema.shape as Record<string, z.ZodMiniType>;
  const historyKeys = Object.keys(historyShape).join(',');
  const historyRange = historyShape.revenue ? numberRangeOf(historyShape.revenue) : undefined;
  if (historyKeys !== 'period,revenue' || !historyRange || historyShape.period?._zod.def.type !== 'string' || checkCount(historyShape.period)) {
    return undefined;
  }
  const plan: FieldPlan[] = [];
  for (const [key, field] of Object.entries(AccountSchema.shape as Record<string, z.ZodMiniType>)) {
    let schema = field;
    const optional = schema._zod.def.type === 'optional';
    if (optional) schema = (schema._zod.def as unknown as { innerType: z.ZodMiniType }).innerType;
    const def = schema._zod.def;
    const range = numberRangeOf(schema);
    let type: FieldKind | undefined;
    if (range) type = { kind: 'number', range };
    else if (key === 'id' && def.type === 'string' && checkCount(schema) === 2 && !optional) type = { kind: 'id' };
    else if (key === 'url' && def.type === 'string' && checkCount(schema) === 1) type = { kind: 'url' };
    else if (key === 'history' && def.type === 'array' && (def as unknown as { element: unknown }).element === HistoryPointSchema && !checkCount(schema)) {
      type = { kind: 'history', range: historyRange };
    } else if (def.type === 'string' && !checkCount(schema)) type = { kind: 'text' };
    else if (def.type === 'boolean' && !checkCount(schema)) type = { kind: 'flag' };
    else if (def.type === 'enum' && !checkCount(schema)) {
      type = { kind: 'enum', values: new Set(Object.values((def as unknown as { entries: Record<string, unknown> }).entries)) };
    }
    if (!type) return undefined;
    plan.push({ key, optional, type });
  }
  return plan;
}

const ACCOUNT_PLAN = planAccount();

/** Mirrors numberField(): the number, or undefined when zod would report a problem. */
function fastNumber(value: unknown, range: NumberRange): number | undefined {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && NUMERIC_STRING.test(value)) n = Number(value);
  else return undefined;
  if (!Number.isFinite(n)) return undefined;
  if (range.min !== undefined && n < range.min) return undefined;
  if (range.max !== undefined && n > range.max) return undefined;
  if (range.integer && !Number.isInteger(n)) return undefined;
  return n;
}

const INVALID = Symbol('invalid');

function fastField(value: unknown, type: FieldKind): unknown {
  switch (type.kind) {
    case 'number':
      return fastNumber(value, type.range) ?? INVALID;
    case 'id': {
      if (typeof value !== 'string') return INVALID;
      const id = value.trim();
      return id ? id : INVALID;
    }
    case 'text':
      return typeof value === 'string' ? value : INVALID;
    case 'flag':
      return typeof value === 'boolean' ? value : INVALID;
    case 'enum':
      return type.values.has(value) ? value : INVALID;
    case 'url': {
      if (typeof value !== 'string') return INVALID;
      const trimmed = value.trim();
      return /^https?:\/\//i.test(trimmed) && URL.canParse(trimmed) ? value : INVALID;
    }
    case 'history': {
      if (!Array.isArray(value)) return INVALID;
      const out = new Array<{ period: string; revenue: number }>(value.length);
      for (let i = 0; i < value.length; i++) {
        const point: unknown = value[i];
        if (!isPlainObject(point) || typeof point.period !== 'string') return INVALID;
        const revenue = fastNumber(point.revenue, type.range);
        if (revenue === undefined) return INVALID;
        out[i] = { period: point.period, revenue };
      }
      return out;
    }
  }
}

/** The parsed account, exactly as AccountSchema would give it, or undefined to let zod decide. */
export function fastAccount(raw: unknown): Account | undefined {
  if (!ACCOUNT_PLAN || !isPlainObject(raw)) return undefined;
  const out: Record<string, unknown> = {};
  for (const { key, optional, type } of ACCOUNT_PLAN) {
    const value = raw[key];
    if (value === undefined) {
      if (!optional) return undefined;
      if (key in raw) out[key] = undefined;
      continue;
    }
    const parsed = fastField(value, type);
    if (parsed === INVALID) return undefined;
    out[key] = parsed;
  }
  return out as Account;
}

/** True when the fast path is active (the schema has only fields it understands). Exposed for tests. */
export const FAST_PATH_ENABLED = ACCOUNT_PLAN !== undefined;

/** Reads JSON text; a syntax error becomes FeedError 'not-json' with the position (line, column) when known. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') {
    throw new FeedError('not-json', 'The feed is empty: expected JSON text such as {"version": 1, "accounts": []}.', {
      problems: [{ path: '', message: 'the text is empty' }],
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    let detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail)?.[1] ?? (/end of JSON input/.test(detail) ? String(text.length) : undefined);
    // Newer engines name the line and column themselves ("... position 16 (line 1 column 17)").
    if (position !== undefined && !/line \d+/.test(detail)) {
      const before = text.slice(0, Number(position));
      const line = before.split('\n').length;
      const column = Number(position) - before.lastIndexOf('\n');
      detail += ` (line ${line}, column ${column})`;
    }
    throw new FeedError('not-json', `The feed is not JSON: ${detail}.`, {
      problems: [{ path: '', message: detail }],
      cause: error,
    });
  }
}

/**
 * Validates a feed. `input` is JSON text, a bare array of accounts (shorthand for
 * `{ "version": 1, "accounts": [...] }`), or a feed object.
 * @throws FeedError kind 'not-json' (text that is not JSON) or 'invalid' (envelope problems, all listed).
 */
/** Feeds this module produced. Parsing is the costliest step at 100,000 accounts, and a feed that came out of parseFeed (shared by a <kam-feed>, or parsed once by the host page) needs no second pass. */
const validated = new WeakSet<Feed>();

/** True when `value` is a feed returned by parseFeed (and so already meets the contract). */
export function isValidatedFeed(value: unknown): value is Feed {
  return typeof value === 'object' && value !== null && validated.has(value as Feed);
}

/** A feed made from a validated one with some parts replaced (a subset of its accounts, reworded problems); still validated. */
export function derivedFeed(base: Feed, changes: Partial<Omit<Feed, 'version'>>): Feed {
  const feed: Feed = { ...base, ...changes };
  validated.add(feed);
  return feed;
}

export function parseFeed(input: unknown): Feed {
  if (isValidatedFeed(input)) return input;
  let doc = typeof input === 'string' ? parseJsonText(input) : input;
  if (Array.isArray(doc)) doc = { version: FEED_VERSION, accounts: doc };

  const envelope = FeedEnvelopeSchema.safeParse(doc, PARSE_OPTIONS);
  if (!envelope.success) {
    const problems = toProblems(envelope.error.issues, []);
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    throw new FeedError('invalid', `The account feed is not valid (${count}): ${listProblems(problems)}.`, { problems });
  }
  const { accounts: rawAccounts, kpis: rawKpis = [], currency = 'USD', asOf, periods = {} } = envelope.data;

  const accounts: Account[] = [];
  const skipped: SkippedItem[] = [];
  const firstIndexById = new Map<string, number>();
  for (let index = 0; index < rawAccounts.length; index++) {
    const raw = rawAccounts[index];
    let account = fastAccount(raw);
    if (account === undefined) {
      const result = AccountSchema.safeParse(raw, PARSE_OPTIONS);
      if (!result.success) {
        const id = rawId(raw);
        skipped.push({ index, ...(id === undefined ? {} : { id }), problems: toProblems(result.error.issues, ['accounts', index]) });
        continue;
      }
      account = result.data;
    }
    const first = firstIndexById.get(account.id);
    if (first !== undefined) {
      skipped.push({
        index,
        id: account.id,
        problems: [{ path: `accounts[${index}].id`, message: `repeats the id ${JSON.stringify(account.id)} of accounts[${first}]` }],
      });
      continue;
    }
    firstIndexById.set(account.id, index);
    accounts.push(account);
  }

  const kpis: KpiOverride[] = [];
  const skippedKpis: SkippedItem[] = [];
  const firstKpiById = new Map<string, number>();
  for (let index = 0; index < rawKpis.length; index++) {
    const raw = rawKpis[index];
    const result = KpiOverrideSchema.safeParse(raw, PARSE_OPTIONS);
    if (!result.success) {
      const id = rawId(raw);
      skippedKpis.push({ index, ...(id === undefined ? {} : { id }), problems: toProblems(result.error.issues, ['kpis', index]) });
      continue;
    }
    const kpi = result.data;
    const first = firstKpiById.get(kpi.id);
    if (first !== undefined) {
      skippedKpis.push({
        index,
        id: kpi.id,
        problems: [{ path: `kpis[${index}].id`, message: `repeats the id ${JSON.stringify(kpi.id)} of kpis[${first}]` }],
      });
      continue;
    }
    firstKpiById.set(kpi.id, index);
    kpis.push(kpi);
  }

  const feed: Feed = { version: FEED_VERSION, accounts, currency, periods: { ...periods }, kpis, skipped, skippedKpis };
  if (asOf !== undefined) feed.asOf = asOf;
  validated.add(feed);
  return feed;
}

export interface SkippedSummary {
  /** Accounts plus KPI entries left out. */
  count: number;
  /** For a notice: "3 accounts skipped", "1 account and 2 KPI entries skipped". */
  text: string;
  /** One line per problem: `accounts[3].revenue: expected a number >= 0, got "12k"`. */
  reasons: string[];
}

/** What a widget shows when entries were left out; `undefined` when nothing was. */
export function summarizeSkipped(feed: Pick<Feed, 'skipped' | 'skippedKpis'>): SkippedSummary | undefined {
  const accounts = feed.skipped.length;
  const kpis = feed.skippedKpis.length;
  if (accounts + kpis === 0) return undefined;
  const parts: string[] = [];
  if (accounts) parts.push(accounts === 1 ? '1 account' : `${accounts} accounts`);
  if (kpis) parts.push(kpis === 1 ? '1 KPI entry' : `${kpis} KPI entries`);
  const reasons = [...feed.skipped, ...feed.skippedKpis].flatMap((item) => item.problems.map(describeProblem));
  return { count: accounts + kpis, text: `${parts.join(' and ')} skipped`, reasons };
}
