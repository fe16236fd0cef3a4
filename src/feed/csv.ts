/**
 * CSV feeds, as CRMs export them: one account per row, a header row, numbers written the way the
 * exporting user's locale writes them ("1.234,50 €" in de-DE, "$1,234.50" in en-US). Parsed with d3-dsv,
 * mapped to the contract with a field map, then validated like any feed; problems name the row and the
 * column ("row 5, column "Annual Revenue": expected a number in en-US format such as 1,234.5, got "12k"").
 */
import { csvParse } from 'd3-dsv';
import { FeedError, type FeedProblem } from './errors.js';
import { checkMappedNames, parseFieldMap, readPath, sourceOf, ACCOUNT_FIELDS, type AccountField, type FieldMap } from './field-map.js';
import { derivedFeed, parseFeed, type Feed } from './parse.js';

export interface CsvOptions {
  /** How numbers are written in the file. Default "en-US". */
  locale?: string;
  /** Contract field to column, as a map or as `field-map` text. */
  fieldMap?: FieldMap | string;
  /** ISO 4217 currency of the money columns. Default "USD". */
  currency?: string;
}

const NUMBER_FIELDS = new Set<AccountField>(['revenue', 'previousRevenue', 'profit', 'potential', 'effort', 'impact', 'nps', 'csat', 'clv']);
const BOOLEAN_FIELDS = new Set<AccountField>(['expanded', 'referenceable']);
const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads "1.234,5", "(1,234)", "$ 1,234.50", "-12 %"... as the locale writes numbers; undefined when it is not one. */
export function localeNumberReader(locale: string): { read: (text: string) => number | undefined; example: string } {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const parts = format.formatToParts(1234.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const spaceGroup = /\s/.test(group);
  const grouped = spaceGroup ? '' : `(${escape(group)}\\d{3})*`;
  const pattern = new RegExp(`^-?(\\d{1,3}${grouped}|\\d+)(${escape(decimal)}\\d+)?$`);
  return {
    example: format.format(1234.5),
    read(text) {
      // Currency signs and codes, percent signs and spaces (including the narrow no-break space) go.
      let cleaned = text.replace(/[\p{Sc}%\s]|[A-Z]{3}/gu, '').replace(/[−–]/g, '-');
      let negative = false;
      if (/^\(.*\)$/.test(cleaned)) {
        negative = true;
        cleaned = cleaned.slice(1, -1);
      }
      if (!pattern.test(cleaned)) return undefined;
      const plain = (spaceGroup ? cleaned : cleaned.split(group).join('')).replace(decimal, '.');
      const value = Number(plain);
      return Number.isFinite(value) ? (negative ? -value : value) : undefined;
    },
  };
}

/** Parses a CSV export into a feed. Throws a FeedError for a file that is not a usable table. */
export function parseCsvFeed(text: string, options: CsvOptions = {}): Feed {
  const locale = options.locale ?? 'en-US';
  const map = typeof options.fieldMap === 'string' || options.fieldMap === undefined ? parseFieldMap(options.fieldMap) : options.fieldMap;
  const rows = csvParse(text.replace(/^\uFEFF/, ''));
  const columns = rows.columns.filter((c) => c !== '');
  if (!columns.length) throw new FeedError('invalid', 'The CSV file has no header row: the first line must name the columns (for example id,name,revenue).');
  checkMappedNames(map, (name) => columns.includes(name), 'column', columns);
  for (const field of ['id', 'name', 'revenue'] as const) {
    const source = sourceOf(map, field);
    if (!columns.includes(source)) {
      throw new FeedError(
        'invalid',
        `The CSV file has no "${source}" column for the account ${field}. Name the column "${field}" or map it with field-map (${field}=Your Column). Columns: ${columns.join(', ')}.`,
      );
    }
  }

  const numbers = localeNumberReader(locale);
  const cellProblems = new Map<string, string>(); // "index.field" -> message in the file's terms
  const records = rows.map((row, index) => {
    const account: Record<string, unknown> = {};
    for (const field of ACCOUNT_FIELDS) {
      const raw = readPath(row, sourceOf(map, field));
      if (typeof raw !== 'string' || raw.trim() === '') continue;
      const value = raw.trim();
      if (NUMBER_FIELDS.has(field)) {
        const number = numbers.read(value);
        if (number === undefined) cellProblems.set(`${index}.${field}`, `expected a number in ${locale} format such as ${numbers.example}, got ${JSON.stringify(value)}`);
        account[field] = number ?? value;
      } else if (BOOLEAN_FIELDS.has(field)) {
        const lower = value.toLowerCase();
        account[field] = TRUE.has(lower) ? true : FALSE.has(lower) ? false : value;
      } else if (field === 'history') {
        continue; // not representable in one cell; JSON feeds carry history
      } else {
        account[field] = value;
      }
    }
    return account;
  });

  const feed = parseFeed({ version: 1, currency: options.currency, accounts: records });
  const rowName = (index: number) => `row ${index + 2}`; // row 1 is the header
  const rewrite = (problem: FeedProblem): FeedProblem => {
    const match = /^accounts\[(\d+)\]\.?([A-Za-z]+)?/.exec(problem.path);
    if (!match) return problem;
    const index = Number(match[1]);
    const field = match[2] as AccountField | undefined;
    if (!field) return { path: rowName(index), message: problem.message };
    return { path: `${rowName(index)}, column ${JSON.stringify(sourceOf(map, field))}`, message: cellProblems.get(`${index}.${field}`) ?? problem.message };
  };
  return derivedFeed(feed, { skipped: feed.skipped.map((item) => ({ ...item, problems: item.problems.map(rewrite) })) });
}

/** True when a response or file name says CSV. */
export function looksLikeCsv(url: string | undefined, contentType: string | null | undefined): boolean {
  if (contentType && /\btext\/csv\b|\bapplication\/csv\b/i.test(contentType)) return true;
  return !!url && /\.csv(\?|#|$)/i.test(url);
}
