/**
 * parseFeed: turns untrusted input (JSON text, an array of accounts, or a feed object) into a Feed.
 *
 * - The envelope (version, accounts array, currency, asOf, periods, kpis array) must be right, or parseFeed
 *   throws a FeedError listing every envelope problem by JSON path.
 * - Each account is then checked in place (check.ts) and its figures written to the feed's columns. An
 *   account whose required fields (id, name, revenue) are valid is always kept: an optional field that
 *   breaks the contract is left out of it and reported in `ignoredFields`. An account whose required
 *   fields are not valid, or whose id repeats an earlier kept account's, is left out and reported in
 *   `skipped`. zod words every problem. KPI overrides are checked by zod, bad ones reported in `skippedKpis`.
 * - The accounts are the objects given (copied only when a value had to change): the kit reads them and
 *   never writes to them, and takes them as values. To change the data, give a new array.
 * - Strings are data: nothing here (or anywhere in the kit) interprets them as markup.
 */
import * as z from './zod.js';
import { AccountSchema, FEED_VERSION, FeedEnvelopeSchema, KpiOverrideSchema } from './schema.js';
import type { Account, KpiOverride } from './schema.js';
import { checkAccount, withoutBadFields } from './check.js';
import { FIGURES, emptyColumns, firstRows, readColumns, type AccountColumns } from './columns.js';
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

/** An optional field that broke the contract: left out of its account, which is kept. */
export interface IgnoredField {
  /** The account's position in the input array. */
  index: number;
  /** The account's id. */
  id: string;
  /** The field, like `accounts[3].nps` or `accounts[3].history[2].revenue` (a history point without a valid period or revenue is left out whole). */
  path: string;
  /** Why, like `expected a number from 0 to 10, got 11`. */
  reason: string;
}

export interface Feed {
  version: 1;
  accounts: Account[];
  /** The accounts' figures as columns, in the order of `accounts` (see columns.ts). */
  columns: AccountColumns;
  /** ISO 4217 code; "USD" when the document has none. */
  currency: string;
  asOf?: string;
  periods: { current?: string; previous?: string };
  kpis: KpiOverride[];
  skipped: SkippedItem[];
  /** Optional fields left out of the accounts that are kept. */
  ignoredFields: IgnoredField[];
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

function notValid(problems: FeedProblem[]): FeedError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new FeedError('invalid', `The account feed is not valid (${count}): ${listProblems(problems)}.`, { problems });
}

/** A JSON document's kind, as a message names it: "a string", "null". */
function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

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

/** Feeds this module produced. A feed that came out of parseFeed (shared by a <kam-feed>, or parsed once by the host page) needs no second pass. */
const validated = new WeakSet<Feed>();

/** True when `value` is a feed returned by parseFeed (and so already meets the contract). */
export function isValidatedFeed(value: unknown): value is Feed {
  return typeof value === 'object' && value !== null && validated.has(value as Feed);
}

/**
 * A feed made from a validated one with some parts replaced (a subset of its accounts, reworded problems);
 * still validated. New accounts get their own columns: the ones given with them, else read from them.
 */
export function derivedFeed(base: Feed, changes: Partial<Omit<Feed, 'version'>>): Feed {
  const accounts = changes.accounts ?? base.accounts;
  const columns = changes.columns ?? (accounts === base.accounts ? base.columns : readColumns(accounts));
  if (columns.count !== accounts.length) throw new RangeError(`columns are of ${columns.count} accounts, but ${accounts.length} accounts were given`);
  const feed: Feed = { ...base, ...changes, accounts, columns };
  validated.add(feed);
  return feed;
}

/**
 * Validates a feed. `input` is JSON text, a bare array of accounts (shorthand for
 * `{ "version": 1, "accounts": [...] }`), or a feed object. A string is always read as JSON text; a parsed
 * document goes to parseFeedDocument.
 * @throws FeedError kind 'not-json' (text that is not JSON) or 'invalid' (envelope problems, all listed).
 */
export function parseFeed(input: unknown): Feed {
  if (isValidatedFeed(input)) return input;
  return parseFeedDocument(typeof input === 'string' ? parseJsonText(input) : input);
}

/**
 * Validates a parsed JSON document (what JSON.parse returned, or a value a page built): a feed object or a
 * bare array of accounts. Any other document (a string, a number, true or false, null) is "not a feed".
 * @throws FeedError kind 'invalid', listing every envelope problem.
 */
export function parseFeedDocument(document: unknown): Feed {
  if (isValidatedFeed(document)) return document;
  const doc = Array.isArray(document) ? { version: FEED_VERSION, accounts: document } : document;
  if (!isPlainObject(doc)) throw notValid([{ path: '', message: `expected a feed object or an array of accounts, got ${kindOf(document)}` }]);

  const envelope = FeedEnvelopeSchema.safeParse(doc, PARSE_OPTIONS);
  if (!envelope.success) throw notValid(toProblems(envelope.error.issues, []));
  const { accounts: rawAccounts, kpis: rawKpis = [], currency = 'USD', asOf, periods = {} } = envelope.data;

  const { accounts, columns, skipped, ignoredFields } = readAccounts(rawAccounts);
  checkTotals(accounts, columns);
  const { kpis, skippedKpis } = readKpis(rawKpis);
  const feed: Feed = { version: FEED_VERSION, accounts, columns, currency, periods: { ...periods }, kpis, skipped, ignoredFields, skippedKpis };
  if (asOf !== undefined) feed.asOf = asOf;
  validated.add(feed);
  return feed;
}

/** The accounts that are kept, with their columns, and what was skipped or ignored. */
function readAccounts(rawAccounts: readonly unknown[]): Pick<Feed, 'accounts' | 'columns' | 'skipped' | 'ignoredFields'> {
  const columns = emptyColumns(rawAccounts.length);
  const accounts: Account[] = [];
  const skipped: SkippedItem[] = [];
  const ignoredFields: IgnoredField[] = [];
  const firstIndexById = new Map<string, number>();
  for (let index = 0; index < rawAccounts.length; index++) {
    const raw = rawAccounts[index];
    const row = accounts.length;
    let account = checkAccount(raw, columns, row);
    let ignored: IgnoredField[] | undefined;
    if (account === undefined) {
      // Not valid as it is: zod says why, and what is left once the bad optional fields are out is checked again.
      const result = AccountSchema.safeParse(raw, PARSE_OPTIONS);
      const issues = result.success ? [] : result.error.issues;
      const rest = issues.length ? withoutBadFields(raw, issues.map((issue) => issue.path)) : undefined;
      account = rest && checkAccount(rest, columns, row);
      if (account === undefined) {
        const id = rawId(raw);
        const problems = issues.length ? toProblems(issues, ['accounts', index]) : [{ path: `accounts[${index}]`, message: 'does not meet the contract' }];
        skipped.push({ index, ...(id === undefined ? {} : { id }), problems });
        continue;
      }
      const id = account.id;
      ignored = toProblems(issues, ['accounts', index]).map((problem) => ({ index, id, path: problem.path, reason: problem.message }));
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
    if (ignored) ignoredFields.push(...ignored);
  }
  return { accounts, columns: firstRows(columns, accounts.length), skipped, ignoredFields };
}

/**
 * Every figure's total (of absolute values) must be a finite number, or sums, shares and scales would be
 * Infinity or NaN. Money is bounded (MAX_MONEY) so its totals always are; effort and impact have no upper
 * bound, and a feed whose effort or impact adds up past the largest number is rejected.
 */
function checkTotals(accounts: readonly Account[], columns: AccountColumns): void {
  for (const figure of FIGURES) {
    const column = columns[figure];
    let total = 0;
    for (let i = 0; i < column.length; i++) if (column[i] === column[i]) total += Math.abs(column[i]!);
    if (total - total === 0) continue;
    let largest = 0;
    for (let i = 1; i < column.length; i++) if (Math.abs(column[i]!) > Math.abs(column[largest]!) || column[largest] !== column[largest]) largest = i;
    const message =
      `the ${figure} figures add up to more than the largest number the kit can compute with (about 1.8e308); ` +
      `the largest is ${showValue(column[largest])}, of the account ${JSON.stringify(accounts[largest]?.id)}. Check the unit of ${figure}`;
    throw new FeedError('invalid', `The account feed cannot be shown: ${message}.`, { problems: [{ path: 'accounts', message }] });
  }
}

function readKpis(rawKpis: readonly unknown[]): Pick<Feed, 'kpis' | 'skippedKpis'> {
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
  return { kpis, skippedKpis };
}

export interface SkippedSummary {
  /** Accounts plus KPI entries left out. */
  count: number;
  /** Optional fields left out of kept accounts. */
  ignored: number;
  /** For a notice: "3 accounts skipped", "3 accounts skipped, 2 fields ignored", "1 field ignored". */
  text: string;
  /** One line per problem: `accounts[3].revenue: expected a number >= 0, got "12k"`, `accounts[4].nps: expected a number from 0 to 10, got 11 (ignored)`. */
  reasons: string[];
}

/** A line for an ignored field: `accounts[4].nps: expected a number from 0 to 10, got 11 (ignored)`. */
export function describeIgnored(field: Pick<IgnoredField, 'path' | 'reason'>): string {
  return `${describeProblem({ path: field.path, message: field.reason })} (ignored)`;
}

const counted = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** What a widget shows when entries were left out or fields ignored; `undefined` when nothing was. */
export function summarizeSkipped(feed: Pick<Feed, 'skipped' | 'skippedKpis'> & Partial<Pick<Feed, 'ignoredFields'>>): SkippedSummary | undefined {
  const accounts = feed.skipped.length;
  const kpis = feed.skippedKpis.length;
  const ignoredFields = feed.ignoredFields ?? [];
  const ignored = ignoredFields.length;
  if (accounts + kpis + ignored === 0) return undefined;
  const left: string[] = [];
  if (accounts) left.push(counted(accounts, 'account', 'accounts'));
  if (kpis) left.push(counted(kpis, 'KPI entry', 'KPI entries'));
  const parts = left.length ? [`${left.join(' and ')} skipped`] : [];
  if (ignored) parts.push(`${counted(ignored, 'field', 'fields')} ignored`);
  const reasons = [...feed.skipped, ...feed.skippedKpis].flatMap((item) => item.problems.map(describeProblem));
  reasons.push(...ignoredFields.map(describeIgnored));
  return { count: accounts + kpis, ignored, text: parts.join(', '), reasons };
}
