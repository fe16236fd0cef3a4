/**
 * Reading a feed from what an element was given: a value (object or array) or text (JSON or CSV), with
 * the element's field map applied before validation. The `data` property, the inline child and a
 * fetched response all read through readers.ts, so every input honours `format`, `field-map` and
 * `locale`. These two functions are the public API, with both readers imported: the widgets load them on
 * first use instead.
 */
import * as csv from './csv.js';
import * as fieldMaps from './field-map.js';
import type { ReadOptions } from './formats.js';
import type { Feed } from './parse.js';
import { readDocumentWith, readWith } from './readers.js';

export { FEED_FORMATS, parseFeedFormat, type FeedFormat, type ReadOptions } from './formats.js';

const readers = { csv, fieldMaps };

/**
 * Validates `input` as a feed: CSV text when `format` is "csv", otherwise JSON text or a feed document
 * (or a bare array of accounts), mapped with `fieldMap` first. A feed that parseFeed returned is used as it is.
 * @throws FeedError: 'not-json' for text that is not JSON, 'invalid' for a bad field map, a mapped name the
 *   input lacks, a CSV file without the required columns, or a document that is not a feed.
 */
export function readFeed(input: unknown, options: ReadOptions = {}): Feed {
  return readWith(readers, input, options);
}

/**
 * Validates a parsed JSON document (a fetched response, a file read by the CLI), mapped with `fieldMap`
 * first. Unlike readFeed, a string here is a JSON document that is a string, not text to parse: it is
 * "not a feed".
 * @throws FeedError 'invalid' for a bad field map, a mapped key the document lacks, or a document that is not a feed.
 */
export function readFeedDocument(document: unknown, options: Pick<ReadOptions, 'fieldMap'> = {}): Feed {
  return readDocumentWith(readers, document, options);
}
