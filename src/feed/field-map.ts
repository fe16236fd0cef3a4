/**
 * Field mapping for CRM exports: `field-map="id=AccountId,name=Account Name,revenue=Annual Revenue"`
 * maps the contract's fields (left) to the export's columns or JSON keys (right). A key may be nested
 * (`Owner.Name`); a column whose name itself contains dots is matched first. Contract fields that are not
 * mapped are read under their own name, so a partial map works. Names containing a comma are quoted:
 * `name="Name, legal"`. `period` maps the column of a report with one row per account and period
 * (`period=Fiscal Quarter`): its rows become accounts with history (period-rows.ts).
 */
import { FeedError } from './errors.js';
import { derivedFeed, parseFeedDocument, type Feed } from './parse.js';
import { groupPeriodRows, periodRowMessage, rowOfPath } from './period-rows.js';
import { ACCOUNT_FIELD_SPECS, GOAL_FIELDS, type AccountField, type GoalField } from './fields.js';

/** The account fields of the contract, in the order the docs list them. */
export const ACCOUNT_FIELDS: readonly AccountField[] = ACCOUNT_FIELD_SPECS.map((spec) => spec.key);
export type { AccountField };

/** The period of a row, in a report with one row per account and period. */
export const PERIOD_FIELD = 'period';
/** An account's goal, as a column of its own: `goals.revenue`. */
export type GoalColumn = `goals.${GoalField}`;
export const GOAL_COLUMNS: readonly GoalColumn[] = GOAL_FIELDS.map((field) => `goals.${field}` as const);
/** What a field map maps: the account fields, each goal, and the period of a row. */
export type MappedField = AccountField | GoalColumn | typeof PERIOD_FIELD;
const MAPPED_FIELDS: readonly MappedField[] = [...ACCOUNT_FIELDS, ...GOAL_COLUMNS, PERIOD_FIELD];

export type FieldMap = ReadonlyMap<MappedField, string>;

function splitEntries(text: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      entries.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  entries.push(current);
  return entries.map((e) => e.trim()).filter(Boolean);
}

const unquote = (text: string) => text.trim().replace(/^"(.*)"$/, '$1');

/** Parses a field map; throws a FeedError (kind invalid) that names the bad entry. */
export function parseFieldMap(text: string | null | undefined): FieldMap {
  const map = new Map<MappedField, string>();
  for (const entry of splitEntries(text ?? '')) {
    const equals = entry.indexOf('=');
    const field = (equals < 0 ? entry : entry.slice(0, equals)).trim();
    const source = equals < 0 ? '' : unquote(entry.slice(equals + 1));
    if (!(MAPPED_FIELDS as readonly string[]).includes(field)) {
      throw new FeedError('invalid', `field-map entry "${entry}": "${field}" is not a field of the feed contract. Fields: ${MAPPED_FIELDS.join(', ')}.`);
    }
    if (!source) throw new FeedError('invalid', `field-map entry "${entry}": name the column after "=", as in "${field}=Account Name".`);
    if (map.has(field as MappedField)) throw new FeedError('invalid', `field-map maps "${field}" twice.`);
    map.set(field as MappedField, source);
  }
  return map;
}

/** The record's own value under `key`: never one inherited from Object.prototype ("constructor", "__proto__"). */
function ownValue(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null && Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

/** A value by key, or by dotted path when no key has that exact name. Only own properties are read. */
export function readPath(record: unknown, path: string): unknown {
  if (typeof record !== 'object' || record === null) return undefined;
  if (Object.hasOwn(record, path)) return ownValue(record, path);
  let value: unknown = record;
  for (const key of path.split('.')) value = ownValue(value, key);
  return value;
}

/** The source name a contract field is read from. */
export function sourceOf(map: FieldMap, field: MappedField): string {
  return map.get(field) ?? field;
}

/**
 * One export record as a contract account (fields absent from the record are left out), with its period
 * when the map names one. A goal mapped on its own (`goals.revenue=Revenue Target`) wins over that goal
 * in the record's `goals`.
 */
export function mapRecord(record: unknown, map: FieldMap): Record<string, unknown> {
  const account: Record<string, unknown> = {};
  const fields: readonly MappedField[] = map.has(PERIOD_FIELD) ? [...ACCOUNT_FIELDS, PERIOD_FIELD] : ACCOUNT_FIELDS;
  for (const field of fields) {
    const value = readPath(record, sourceOf(map, field));
    if (value !== undefined) account[field] = value;
  }
  GOAL_FIELDS.forEach((goal, g) => {
    const source = map.get(GOAL_COLUMNS[g]!);
    const value = source === undefined ? undefined : readPath(record, source);
    if (value === undefined) return;
    const goals: unknown = account.goals;
    account.goals = { ...(typeof goals === 'object' && goals !== null ? goals : {}), [goal]: value };
  });
  return account;
}

/**
 * Checks that every mapped name occurs (as a CSV column, or as a key of at least one record), so a typo
 * in the map is one clear error rather than every account skipped.
 */
export function checkMappedNames(map: FieldMap, has: (name: string) => boolean, kind: 'column' | 'key', available: readonly string[]): void {
  const missing = [...map].filter(([, source]) => !has(source));
  if (!missing.length) return;
  const list = missing.map(([field, source]) => `${field}=${source}`).join(', ');
  const shown = available.slice(0, 30).join(', ') + (available.length > 30 ? ', …' : '');
  throw new FeedError('invalid', `field-map names ${missing.length === 1 ? `a ${kind}` : `${kind}s`} the feed does not have (${list}). The feed's ${kind}s: ${shown || 'none'}.`);
}

/**
 * Applies a field map to a parsed JSON document (a bare array of records, or an object with `accounts`).
 * With `period` mapped, each record keeps its period: read.ts groups them into accounts with history.
 */
export function mapJsonDocument(document: unknown, map: FieldMap): unknown {
  if (map.size === 0) return document;
  const records = Array.isArray(document) ? document : (document as { accounts?: unknown } | null)?.accounts;
  if (!Array.isArray(records)) return document; // not a feed: parseFeed words the error
  const keys = new Set<string>();
  for (const record of records.slice(0, 1000)) if (record && typeof record === 'object') for (const key of Object.keys(record)) keys.add(key);
  checkMappedNames(map, (name) => records.some((record) => readPath(record, name) !== undefined), 'key', [...keys]);
  const accounts = records.map((record) => mapRecord(record, map));
  return Array.isArray(document) ? accounts : { ...(document as object), accounts };
}

/** A document mapped with `map`, validated: one account per record, or, with `period` mapped, one per account and period. */
export function feedOfMappedDocument(document: unknown, map: FieldMap): Feed {
  const mapped = mapJsonDocument(document, map);
  return map.has(PERIOD_FIELD) ? feedOfPeriodRecords(mapped) : parseFeedDocument(mapped);
}

/**
 * A mapped document whose records are one per account and period (`period` mapped): grouped into accounts
 * with history (period-rows.ts), each problem named by the record it lies in (`accounts[7].nps` is the
 * eighth record of the input).
 */
function feedOfPeriodRecords(document: unknown): Feed {
  const records = (Array.isArray(document) ? document : (document as { accounts?: unknown } | null)?.accounts) as Record<string, unknown>[] | undefined;
  if (!Array.isArray(records)) return parseFeedDocument(document);
  const grouped = groupPeriodRows(records);
  const base: { version?: unknown; periods?: object } = Array.isArray(document) ? { version: 1 } : (document as { periods?: object });
  const feed = parseFeedDocument({ ...base, periods: { ...base.periods, ...grouped.periods }, accounts: grouped.accounts });
  const rename = (path: string) => {
    const place = rowOfPath(grouped, path);
    return place ? `accounts[${place.row}]${place.field ? `.${place.field}` : ''}` : path;
  };
  const row = (i: number) => grouped.accountRow[i]!;
  const skipped = feed.skipped.map((item) => ({ ...item, index: row(item.index), problems: item.problems.map((p) => ({ ...p, path: rename(p.path) })) }));
  const ignoredFields = feed.ignoredFields.map((field) => ({ ...field, index: row(field.index), path: rename(field.path) }));
  const record = (r: number) => `accounts[${r}]`;
  for (const problem of grouped.problems) {
    const { row: r, id } = problem;
    const message = periodRowMessage(problem, record);
    if (problem.kind === 'no-current') skipped.push({ index: r, ...(id ? { id } : {}), problems: [{ path: record(r), message }] });
    else ignoredFields.push({ index: r, id, path: record(r), reason: message });
  }
  return derivedFeed(feed, { skipped: skipped.sort((a, b) => a.index - b.index), ignoredFields: ignoredFields.sort((a, b) => a.index - b.index) });
}
