/**
 * Reading a feed with the readers beyond JSON: CSV (csv.ts, with d3-dsv) and field maps (field-map.ts).
 * `readWith` is the one way a feed is read, given the readers; readFeed (read.ts, the public API) gives
 * it both, imported outright. The widgets and the loader give it `loadedReaders`, filled on first use by
 * `loadReaders`: a page whose feeds are JSON without a field map never loads either.
 */
import { FeedError } from './errors.js';
import type { ReadOptions } from './formats.js';
import { isValidatedFeed, parseFeedDocument, parseJsonText, type Feed } from './parse.js';

type CsvReader = Pick<typeof import('./csv.js'), 'parseCsvFeed'>;
type FieldMapReader = Pick<typeof import('./field-map.js'), 'parseFieldMap' | 'feedOfMappedDocument'>;

export interface Readers {
  csv?: CsvReader;
  fieldMaps?: FieldMapReader;
}

/** The readers loaded so far on this page. */
export const loadedReaders: Readers = {};

const readsCsv = (input: unknown, options: ReadOptions) => options.format === 'csv' && typeof input === 'string';
const hasFieldMap = ({ fieldMap }: ReadOptions) => (typeof fieldMap === 'string' ? fieldMap.trim() !== '' : !!fieldMap && fieldMap.size > 0);

function missing(reader: string): never {
  throw new Error(`The ${reader} reader is not loaded: call loadReaders first.`);
}

/**
 * Loads the readers that reading `input` with `options` needs and that are not loaded yet; undefined when
 * none is missing (reading can run now). A reader that cannot be loaded (offline, a missing file of the
 * kit) rejects with a FeedError of kind 'network'; the browser keeps that module as failed until the page
 * is loaded again.
 */
export function loadReaders(input: unknown, options: ReadOptions): Promise<unknown> | undefined {
  const loads: Promise<unknown>[] = [];
  if (readsCsv(input, options) && !loadedReaders.csv) loads.push(import('./csv.js').then((csv) => (loadedReaders.csv = csv)));
  if (hasFieldMap(options) && !loadedReaders.fieldMaps) loads.push(import('./field-map.js').then((fieldMaps) => (loadedReaders.fieldMaps = fieldMaps)));
  if (!loads.length) return undefined;
  return Promise.all(loads).catch((error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    throw new FeedError('network', `Could not load the kit's reader for ${options.format === 'csv' ? 'CSV' : 'field maps'} (${detail}). Check your connection and reload the page.`, { cause: error });
  });
}

/**
 * Validates `input` as a feed: CSV text when `format` is "csv", otherwise JSON text or a feed document
 * (or a bare array of accounts), mapped with `fieldMap` first. A feed that parseFeed returned is used as it is.
 */
export function readWith(readers: Readers, input: unknown, options: ReadOptions = {}): Feed {
  if (isValidatedFeed(input)) return input;
  if (readsCsv(input, options)) {
    const fieldMap = options.fieldMap ?? undefined;
    return (readers.csv ?? missing('CSV')).parseCsvFeed(input as string, { fieldMap, locale: options.locale, currency: options.currency });
  }
  return readDocumentWith(readers, typeof input === 'string' ? parseJsonText(input) : input, options);
}

/** Validates a parsed JSON document, mapped with `fieldMap` first. A string here is a document that is a string: "not a feed". */
export function readDocumentWith(readers: Readers, document: unknown, options: Pick<ReadOptions, 'fieldMap'> = {}): Feed {
  if (isValidatedFeed(document)) return document;
  if (!hasFieldMap(options)) return parseFeedDocument(document);
  const fieldMaps = readers.fieldMaps ?? missing('field map');
  const map = typeof options.fieldMap === 'string' ? fieldMaps.parseFieldMap(options.fieldMap) : options.fieldMap!;
  return fieldMaps.feedOfMappedDocument(document, map);
}
