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
import { FEED_VERSION, FeedEnvelopeSchema, KpiOverrideSchema } from './schema.js';
import type { Account, KpiOverride } from './schema.js';
import { checkTotals, readAccounts, type IgnoredField, type SkippedItem } from './accounts.js';
import { readColumns, type AccountColumns } from './columns.js';
import { FeedError, describeProblem } from './errors.js';
import { periodLabelProblems, readHistory, type FeedHistory, type HistoryProblem, type PeriodLabels } from './history.js';
import type { FeedProblem } from './errors.js';
import { PARSE_OPTIONS, isPlainObject, rawId, toProblems } from './problems.js';

export type { IgnoredField, SkippedItem } from './accounts.js';

export interface Feed {
  version: 1;
  accounts: Account[];
  /** The accounts' figures as columns, in the order of `accounts` (see columns.ts). */
  columns: AccountColumns;
  /** ISO 4217 code; "USD" when the document has none. */
  currency: string;
  asOf?: string;
  /** The document's `periods`, as given. */
  periods: PeriodLabels;
  /** The order of periods and where each account's figures of each past period are (see history.ts). */
  history: FeedHistory;
  kpis: KpiOverride[];
  skipped: SkippedItem[];
  /** Optional fields left out of the accounts that are kept. */
  ignoredFields: IgnoredField[];
  skippedKpis: SkippedItem[];
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
 * still validated. New accounts get their own columns and history index: the ones given with them, else
 * read from them in the base feed's order of periods.
 */
export function derivedFeed(base: Feed, changes: Partial<Omit<Feed, 'version'>>): Feed {
  const accounts = changes.accounts ?? base.accounts;
  const same = accounts === base.accounts;
  const columns = changes.columns ?? (same ? base.columns : readColumns(accounts));
  if (columns.count !== accounts.length) throw new RangeError(`columns are of ${columns.count} accounts, but ${accounts.length} accounts were given`);
  const history = changes.history ?? (same ? base.history : readHistory(accounts, columns, { current: base.periods.current, order: [...base.history.periods] }).history);
  const feed: Feed = { ...base, ...changes, accounts, columns, history };
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
  const periodProblems = periodLabelProblems(periods);
  if (periodProblems.length) throw notValid(periodProblems);

  const { accounts, columns, points, inputIndex, skipped, ignoredFields } = readAccounts(rawAccounts);
  const { history, problems } = readHistory(accounts, columns, periods, points);
  if (problems.length) {
    ignoredFields.push(...leaveOut(accounts, inputIndex, problems));
    ignoredFields.sort((a, b) => a.index - b.index);
  }
  checkTotals(accounts, columns);
  const { kpis, skippedKpis } = readKpis(rawKpis);
  const labels: PeriodLabels = { ...periods };
  if (periods.order) labels.order = [...periods.order];
  const feed: Feed = { version: FEED_VERSION, accounts, columns, currency, periods: labels, history, kpis, skipped, ignoredFields, skippedKpis };
  if (asOf !== undefined) feed.asOf = asOf;
  validated.add(feed);
  return feed;
}

/**
 * Leaves the fields the history check found problems in out of their accounts (a copy of each: the
 * objects given are never written) and words them as ignored fields, in account order with the others.
 */
function leaveOut(accounts: Account[], inputIndex: Int32Array, problems: readonly HistoryProblem[]): IgnoredField[] {
  return problems.map(({ row, field, reason }) => {
    const { [field]: _left, ...rest } = accounts[row]!;
    accounts[row] = rest;
    const index = inputIndex[row]!;
    return { index, id: rest.id, path: `accounts[${index}].${field}`, reason };
  });
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
