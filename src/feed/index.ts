/** The account feed: contract, parsing, loading and the published JSON Schema. */
export {
  ACCOUNT_FIELD_SPECS,
  DISPLAY_LENGTH,
  HISTORY_POINT_FIELD_SPECS,
  MAX_MONEY,
  NUMERIC_STRING,
  TIERS,
  displayText,
} from './fields.js';
export type { Account, AccountInput, FieldKind, FieldSpec, HistoryPoint, HistoryPointInput, Tier } from './fields.js';
export { AccountSchema, FEED_VERSION, FeedEnvelopeSchema, HistoryPointSchema, KPI_UNITS, KpiOverrideSchema, numberField } from './schema.js';
export type { KpiOverride, KpiUnit } from './schema.js';
export { checkAccount } from './check.js';
export { CODES, FIGURES, NO_TIER, tierIndexOf } from './columns.js';
export type { AccountColumns, Code, Figure } from './columns.js';
export { NO_POINT, PREVIOUS_REVENUE_ONLY, UNNAMED_CURRENT, UNNAMED_PREVIOUS } from './history.js';
export type { FeedHistory, PeriodLabels } from './history.js';
export { countPeriod, periodsBetween, timeOrder } from './period-labels.js';
export type { CountedPeriod, PeriodKind } from './period-labels.js';
export { FeedError, describeProblem, formatPath, isAbortError } from './errors.js';
export type { FeedErrorKind, FeedErrorOptions, FeedProblem } from './errors.js';
export { derivedFeed, describeIgnored, isValidatedFeed, parseFeed, parseFeedDocument, parseJsonText, summarizeSkipped } from './parse.js';
export { parseCsvFeed, localeNumberReader } from './csv.js';
export type { CsvOptions, LocaleNumberReader } from './csv.js';
export { parseFieldMap, mapJsonDocument, ACCOUNT_FIELDS } from './field-map.js';
export type { AccountField, FieldMap } from './field-map.js';
export { parseFilter, matchingIndexes, describeFilter, FILTER_FIELDS, FilterError } from './filter.js';
export type { AccountFilter, FilterField } from './filter.js';
export type { Feed, IgnoredField, SkippedItem, SkippedSummary } from './parse.js';
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, FeedLoader, MAX_TIMEOUT_MS, fetchFeed, fetchFeedAs } from './load.js';
export type { FeedLoaderOptions, FeedSource, FetchFeedOptions, LoadedFeed } from './load.js';
export { readFeed, readFeedDocument } from './read.js';
export { FEED_FORMATS, looksLikeCsv, parseFeedFormat } from './formats.js';
export type { FeedFormat, ReadOptions } from './formats.js';
export { readInlineFeed } from './inline.js';
export { FEED_SCHEMA_ID, FEED_SCHEMA_TITLE, FeedDocumentSchema, feedJsonSchema } from './json-schema.js';
