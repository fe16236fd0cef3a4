/**
 * How a feed is read: the formats (JSON, CSV), how a response or file says it is CSV, and the options
 * every reading path takes. Small and without the readers themselves (readers.ts), so the widgets know
 * how to read a feed before they load the code that reads CSV or a field map.
 */
import { FeedError } from './errors.js';
import type { FieldMap } from './field-map.js';

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

/** True when a response or file name says CSV. */
export function looksLikeCsv(url: string | undefined, contentType: string | null | undefined): boolean {
  if (contentType && /\btext\/csv\b|\bapplication\/csv\b/i.test(contentType)) return true;
  return !!url && /\.csv(\?|#|$)/i.test(url);
}
