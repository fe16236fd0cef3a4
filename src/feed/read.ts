/**
 * Reading a feed from what an element was given: a value (object or array) or text (JSON or CSV), with
 * the element's field map applied before validation. The `data` property, the inline child and a
 * fetched response all go through `readFeed`, so every input honours `format`, `field-map` and `locale`.
 */
import { parseCsvFeed } from './csv.js';
import { FeedError } from './errors.js';
import { PERIOD_FIELD, mapJsonDocument, parseFieldMap, type FieldMap } from './field-map.js';
import { derivedFeed, isValidatedFeed, parseFeedDocument, parseJsonText, type Feed } from './parse.js';
import { groupPeriodRows, periodRowMessage, rowOfPath } from './period-rows.js';

export const FEED_FORMATS = ['json', 'csv'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export interface ReadOptions {
  /** How text is read: JSON (default) or CSV. A value that is not text is always read as a feed document. */
  format?: FeedFormat;
  /** Contract field to column or key, as a map or as `field-map` text ("id=AccountId,revenue=Annual Revenue"). */
  fieldMap?: FieldMap | string | null;
  /** How a CSV file writes numbers. Default "en-US". */
  locale?: string;
  /** ISO 4217 currency of a CSV file's money columns. Default "USD". */
  currency?: string;
}

/** A `format` attribute as a format; undefined when unset. Throws a FeedError naming the formats for anything else. */
export function parseFeedFormat(text: string | null | undefined): FeedFormat | undefined {
  const format = (text ?? '').trim().toLowerCase();
  if (!format) return undefined;
  if ((FEED_FORMATS as readonly string[]).includes(format)) return format as FeedFormat;
  throw new FeedError('invalid', `format="${text}" is not a feed format: use format="json" or format="csv" (or leave it out to go by the file).`);
}

/**
 * Validates `input` as a feed: CSV text when `format` is "csv", otherwise JSON text or a feed document
 * (or a bare array of accounts), mapped with `fieldMap` first. A feed that parseFeed returned is used as it is.
 * @throws FeedError: 'not-json' for text that is not JSON, 'invalid' for a bad field map, a mapped name the
 *   input lacks, a CSV file without the required columns, or a document that is not a feed.
 */
export function readFeed(input: unknown, options: ReadOptions = {}): Feed {
  if (isValidatedFeed(input)) return input;
  const fieldMap = typeof options.fieldMap === 'string' || options.fieldMap == null ? parseFieldMap(options.fieldMap) : options.fieldMap;
  if (options.format === 'csv' && typeof input === 'string') {
    return parseCsvFeed(input, { fieldMap, locale: options.locale, currency: options.currency });
  }
  return readFeedDocument(typeof input === 'string' ? parseJsonText(input) : input, { fieldMap });
}

/**
 * Validates a parsed JSON document (a fetched response, a file read by the CLI), mapped with `fieldMap`
 * first. Unlike readFeed, a string here is a JSON document that is a string, not text to parse: it is
 * "not a feed".
 * @throws FeedError 'invalid' for a bad field map, a mapped key the document lacks, or a document that is not a feed.
 */
export function readFeedDocument(document: unknown, options: Pick<ReadOptions, 'fieldMap'> = {}): Feed {
  if (isValidatedFeed(document)) return document;
  const fieldMap = typeof options.fieldMap === 'string' || options.fieldMap == null ? parseFieldMap(options.fieldMap) : options.fieldMap;
  const mapped = mapJsonDocument(document, fieldMap);
  return fieldMap.has(PERIOD_FIELD) ? feedOfPeriodRecords(mapped) : parseFeedDocument(mapped);
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
