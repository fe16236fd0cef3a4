/** The account feed: contract, parsing, loading and the published JSON Schema. */
export {
  AccountSchema,
  FEED_VERSION,
  FeedDocumentSchema,
  FeedEnvelopeSchema,
  HistoryPointSchema,
  KPI_UNITS,
  KpiOverrideSchema,
  NUMERIC_STRING,
  TIERS,
  numberField,
} from './schema.js';
export type { Account, AccountInput, HistoryPoint, KpiOverride, KpiUnit, Tier } from './schema.js';
export { FeedError, describeProblem, formatPath, isAbortError } from './errors.js';
export type { FeedErrorKind, FeedErrorOptions, FeedProblem } from './errors.js';
export { derivedFeed, isValidatedFeed, parseFeed, parseJsonText, summarizeSkipped } from './parse.js';
export { parseCsvFeed, looksLikeCsv, localeNumberReader } from './csv.js';
export type { CsvOptions, LocaleNumberReader } from './csv.js';
export { parseFieldMap, mapJsonDocument, ACCOUNT_FIELDS } from './field-map.js';
export type { AccountField, FieldMap } from './field-map.js';
export { parseFilter, matchingIndexes, describeFilter, FILTER_FIELDS, FilterError } from './filter.js';
export type { AccountFilter, FilterField } from './filter.js';
export type { Feed, SkippedItem, SkippedSummary } from './parse.js';
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, FeedLoader, MAX_TIMEOUT_MS, fetchFeed, fetchFeedAs } from './load.js';
export type { FeedLoaderOptions, FeedSource, FetchFeedOptions, LoadedFeed } from './load.js';
export { FEED_FORMATS, parseFeedFormat, readFeed } from './read.js';
export type { FeedFormat, ReadOptions } from './read.js';
export { readInlineFeed } from './inline.js';
export { FEED_SCHEMA_ID, FEED_SCHEMA_TITLE, feedJsonSchema } from './json-schema.js';
