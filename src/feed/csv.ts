/**
 * CSV feeds, as CRMs export them: one account per row (or, with a `period` column, one row per account
 * and period: period-rows.ts), a header row, numbers written the way the
 * exporting user's locale writes them ("1.234,50 €" in de-DE, "$1,234.50" in en-US). Parsed with d3-dsv,
 * mapped to the contract with a field map, then validated like any feed; problems name the row and the
 * column ("row 5, column "Annual Revenue": expected a number in en-US format such as 1,234.5, got "12k"").
 * Money columns may carry the feed currency's code or symbol; no column takes a percent sign. An
 * account's goals are columns of their own, `goals.revenue` to `goals.csat` (or as the field map names
 * them), read like the field of the same name.
 */
import { csvParseRows } from 'd3-dsv';
import { FeedError, type FeedProblem } from './errors.js';
import { checkMappedNames, parseFieldMap, readPath, sourceOf, ACCOUNT_FIELDS, GOAL_COLUMNS, PERIOD_FIELD, type FieldMap, type MappedField } from './field-map.js';
import { groupPeriodRows, periodRowMessage, rowOfPath } from './period-rows.js';
import { ACCOUNT_FIELD_SPECS, GOAL_FIELDS, type AccountField } from './fields.js';
import { derivedFeed, parseFeedDocument, type Feed } from './parse.js';

export interface CsvOptions {
  /** How numbers are written in the file. Default "en-US". */
  locale?: string;
  /** Contract field to column, as a map or as `field-map` text. */
  fieldMap?: FieldMap | string;
  /** ISO 4217 currency of the money columns. Default "USD". */
  currency?: string;
}

const fieldsWhere = (test: (spec: (typeof ACCOUNT_FIELD_SPECS)[number]) => boolean) =>
  new Set<AccountField>(ACCOUNT_FIELD_SPECS.filter(test).map((spec) => spec.key));
/** Money columns: an amount may carry the currency's code or symbol. */
const MONEY_FIELDS = fieldsWhere((spec) => 'unit' in spec && spec.unit === 'currency');
/** Every numeric column: plain numbers as the locale writes them, never a percent sign. */
const NUMBER_FIELDS = fieldsWhere((spec) => spec.kind === 'number');
const BOOLEAN_FIELDS = fieldsWhere((spec) => spec.kind === 'flag');
const PERIOD_FIELDS = fieldsWhere((spec) => spec.kind === 'periods');
const GOALS_FIELDS = fieldsWhere((spec) => spec.kind === 'goals');
const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface LocaleNumberReader {
  /** 1234.5 as the locale writes it ("1,234.5", "1.234,5"), for messages. */
  readonly example: string;
  /** A plain number as the locale writes it: "1.234,5" (de-DE), "-12", "(1,234)". Undefined for anything else. */
  read(text: string): number | undefined;
  /**
   * An amount: a plain number, or one marked once, before or after it, with the currency's ISO 4217 code
   * or its symbol in the locale ("$1,234.50", "-1.234,50 €", "1,234 USD"). Undefined for anything else.
   */
  readAmount(text: string): number | undefined;
  /** Why a cell that `read` (or, for `amount`, `readAmount`) rejected is not a value, ending in `got "…"`. */
  explain(text: string, amount: boolean): string;
}

/** The marks of `currency` in `locale`: its code, and its symbol and narrow symbol ("USD", "US$", "$"); longest first. */
function currencyMarks(locale: string, currency: string): string[] {
  const marks = new Set([currency]);
  for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
    try {
      const part = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(1).find((p) => p.type === 'currency');
      if (part?.value.trim()) marks.add(part.value.trim());
    } catch {
      // Not a currency Intl knows: only its code marks an amount.
    }
  }
  return [...marks].sort((a, b) => b.length - a.length);
}

const ISO_CURRENCIES: ReadonlySet<string> = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []);

/** True when `text` names some currency: a currency sign, or an ISO 4217 code standing as a word. */
function mentionsCurrency(text: string): boolean {
  if (/\p{Sc}/u.test(text)) return true;
  return (text.match(/(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])/g) ?? []).some((code) => ISO_CURRENCIES.has(code));
}

/**
 * Reads numbers as `locale` writes them, and amounts in `currency` (default USD). Strict on purpose: a
 * cell such as "12k", "12ABC", "50 %" or "€12" in a USD file is a problem to report, not a number to guess.
 */
export function localeNumberReader(locale: string, currency = 'USD'): LocaleNumberReader {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const parts = format.formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  // Groups of three, or of two above the thousands in Indian grouping ("12,34,567.5").
  const integers = parts.filter((p) => p.type === 'integer').map((p) => p.value);
  const outer = integers.length > 2 ? integers[1]!.length : 3;
  // A space group (fr-FR writes a narrow no-break space) may be typed as any space; an apostrophe group either way.
  const groupClass = /\s/.test(group) ? '\\s' : /['’]/.test(group) ? "['’]" : escape(group);
  const integer = `(?:\\d{1,${outer}}(?:${groupClass}\\d{${outer}})*${groupClass}\\d{3}|\\d+)`;
  const pattern = new RegExp(`^${integer}(?:${escape(decimal)}\\d+)?$`);
  const groups = new RegExp(groupClass, 'g');
  const marks = currencyMarks(locale, currency);
  let exampleAmount = `${format.format(1234.5)} ${currency}`;
  try {
    exampleAmount = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(1234.5);
  } catch {
    // keep the code form
  }

  /** Strips one sign ("-", "+", a parenthesised negative); false when a second sign follows. */
  const unsigned = (state: { text: string; negative: boolean; signed: boolean }): boolean => {
    let text = state.text;
    if (text.startsWith('(') && text.endsWith(')')) text = `-${text.slice(1, -1).trim()}`;
    if (text.startsWith('-') || text.startsWith('+')) {
      if (state.signed) return false;
      state.signed = true;
      state.negative = text.startsWith('-');
      text = text.slice(1).trimStart();
    }
    state.text = text;
    return true;
  };

  const plain = (text: string, negative: boolean): number | undefined => {
    if (!pattern.test(text)) return undefined;
    const value = Number(text.replace(groups, '').replace(decimal, '.'));
    if (!Number.isFinite(value)) return undefined;
    return negative ? -value : value;
  };

  const parse = (raw: string, amount: boolean): number | undefined => {
    const state = { text: raw.trim().replace(/[−–]/g, '-'), negative: false, signed: false };
    if (!unsigned(state)) return undefined;
    if (amount) {
      const lead = marks.find((mark) => state.text.startsWith(mark));
      const trail = lead ? undefined : marks.find((mark) => state.text.endsWith(mark));
      if (lead) state.text = state.text.slice(lead.length).trimStart();
      if (trail) state.text = state.text.slice(0, -trail.length).trimEnd();
      // "$-1,234.50" and "EUR-1'234.50": the sign may follow a leading mark.
      if (lead && !unsigned(state)) return undefined;
    }
    return plain(state.text, state.negative);
  };

  return {
    example: format.format(1234.5),
    read: (text) => parse(text, false),
    readAmount: (text) => parse(text, true),
    explain(text, amount) {
      const got = JSON.stringify(text);
      if (text.includes('%')) return `expected ${amount ? `an amount in ${currency}` : 'a number'}, not a percentage, got ${got}`;
      if (mentionsCurrency(text)) {
        return amount
          ? `expected an amount in ${currency} written like ${format.format(1234.5)} or ${exampleAmount}, got ${got}`
          : `expected a number without a currency, got ${got}`;
      }
      return `expected a number in ${locale} format such as ${format.format(1234.5)}, got ${got}`;
    },
  };
}

/** Parses a CSV export into a feed. Throws a FeedError for a file that is not a usable table. */
export function parseCsvFeed(text: string, options: CsvOptions = {}): Feed {
  const locale = options.locale ?? 'en-US';
  const map = typeof options.fieldMap === 'string' || options.fieldMap === undefined ? parseFieldMap(options.fieldMap) : options.fieldMap;
  // csvParseRows, not csvParse: csvParse builds its row objects with new Function, which a strict
  // Content-Security-Policy (no 'unsafe-eval') refuses.
  const [header = [], ...cells] = csvParseRows(text.replace(/^\uFEFF/, ''));
  const rows = cells.map((row) => Object.fromEntries(header.map((column, i) => [column, row[i] ?? ''])));
  const columns = header.filter((c) => c !== '');
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

  const numbers = localeNumberReader(locale, options.currency);
  const periodColumn = sourceOf(map, PERIOD_FIELD);
  const byPeriod = columns.includes(periodColumn);
  const cellProblems = new Map<string, string>(); // "row index.field" -> message in the file's terms
  /** The number in a cell of a numeric column (NaN, with the problem noted, for anything else). */
  const numberIn = (value: string, field: AccountField, index: number, place: string): number => {
    const amount = MONEY_FIELDS.has(field);
    const number = amount ? numbers.readAmount(value) : numbers.read(value);
    if (number === undefined) cellProblems.set(`${index}.${place}`, numbers.explain(value, amount));
    // NaN, not the text: the contract takes numeric strings, so "12.5" in a de-DE file would slip through as 12.5.
    return number ?? Number.NaN;
  };
  const records = rows.map((row, index) => {
    const account: Record<string, unknown> = {};
    for (const field of ACCOUNT_FIELDS) {
      if (GOALS_FIELDS.has(field)) {
        const goals: Record<string, number> = {};
        GOAL_FIELDS.forEach((goal, g) => {
          const raw = readPath(row, sourceOf(map, GOAL_COLUMNS[g]!));
          if (typeof raw === 'string' && raw.trim() !== '') goals[goal] = numberIn(raw.trim(), goal, index, GOAL_COLUMNS[g]!);
        });
        if (Object.keys(goals).length) account[field] = goals;
        continue;
      }
      const raw = readPath(row, sourceOf(map, field));
      if (typeof raw !== 'string' || raw.trim() === '') continue;
      const value = raw.trim();
      if (NUMBER_FIELDS.has(field)) {
        account[field] = numberIn(value, field, index, field);
      } else if (BOOLEAN_FIELDS.has(field)) {
        const lower = value.toLowerCase();
        account[field] = TRUE.has(lower) ? true : FALSE.has(lower) ? false : value;
      } else if (PERIOD_FIELDS.has(field)) {
        continue; // history is not one cell: a report with a period column carries it, one row per account and period
      } else {
        account[field] = value;
      }
    }
    if (byPeriod) account.period = String(readPath(row, periodColumn) ?? '').trim();
    return account;
  });

  // One row per account and period: the rows of an account become one account with history (period-rows.ts).
  const grouped = byPeriod ? groupPeriodRows(records) : undefined;
  const feed = parseFeedDocument({ version: 1, currency: options.currency, accounts: grouped?.accounts ?? records, ...(grouped ? { periods: grouped.periods } : {}) });
  const rowName = (index: number) => `row ${index + 2}`; // row 1 is the header
  const placeOf = (path: string) => (grouped ? rowOfPath(grouped, path) : plainRowOf(path));
  const rowOfAccount = (i: number) => (grouped ? grouped.accountRow[i]! : i);
  const rewrite = (problem: FeedProblem): FeedProblem => {
    const place = placeOf(problem.path);
    if (!place) return problem;
    const { row, field } = place;
    if (!field || field === 'history') return { path: rowName(row), message: problem.message };
    return { path: `${rowName(row)}, column ${JSON.stringify(sourceOf(map, field as MappedField))}`, message: cellProblems.get(`${row}.${field}`) ?? problem.message };
  };
  const skipped = feed.skipped.map((item) => ({ ...item, index: rowOfAccount(item.index), problems: item.problems.map(rewrite) }));
  const ignoredFields = feed.ignoredFields.map((field) => {
    const { path, message } = rewrite({ path: field.path, message: field.reason });
    return { ...field, index: rowOfAccount(field.index), path, reason: message };
  });
  for (const problem of grouped?.problems ?? []) {
    const { row, id } = problem;
    const message = periodRowMessage(problem, rowName);
    if (problem.kind === 'no-current') skipped.push({ index: row, ...(id ? { id } : {}), problems: [{ path: rowName(row), message }] });
    else ignoredFields.push({ index: row, id, path: rowName(row), reason: message });
  }
  skipped.sort((a, b) => a.index - b.index);
  ignoredFields.sort((a, b) => a.index - b.index);
  return derivedFeed(feed, { skipped, ignoredFields });
}

/** The row and field of a problem of an account read from one row. */
function plainRowOf(path: string): { row: number; field?: string } | undefined {
  const match = /^accounts\[(\d+)\]\.?([A-Za-z]+(?:\.[A-Za-z]+)?)?/.exec(path);
  if (!match) return undefined;
  return match[2] === undefined ? { row: Number(match[1]) } : { row: Number(match[1]), field: match[2] };
}

export { looksLikeCsv } from './formats.js';
