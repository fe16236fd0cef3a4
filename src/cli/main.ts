/**
 * `npx kam-widgets validate <file.json|file.csv> [--field-map ...] [--locale de-DE] [--currency EUR]
 *   [--tier-rule texts|headroom] [--tier-measure revenue|profit|clv] [--min-margin 0.1] [--revenue-floor 50000]
 *   [--cost-per-effort 150]`
 * `npx kam-widgets schema [--markdown]`
 *
 * For CRM admins checking an export before wiring it in: prints every problem with its path or row (first
 * those that drop an account, then those that only drop a field), and a summary (accounts, total revenue,
 * vital few, tiers under the same rules and options as the widgets' attributes, ROI when the feed has
 * costs). Exit code 0 only when the whole feed meets the contract; 1 when anything does not
 * (even one field a widget would ignore); 2 for a usage error (one line: a bad option, locale, currency or
 * field map, a file it cannot read). Text from the file (names, headers, keys) is printed with control
 * characters escaped, so it cannot drive the terminal.
 */
import { parseArgs } from 'node:util';
import { Portfolio, type PortfolioRules } from '../analysis/portfolio.js';
import { MEASURES } from '../analysis/roi.js';
import { RULE_STEPS, TIER_RULE_NAMES } from '../analysis/tiers.js';
import { parseCsvFeed } from '../feed/csv.js';
import { FeedError, describeProblem } from '../feed/errors.js';
import { fieldTableMarkdown } from '../feed/field-docs.js';
import { parseFieldMap, type FieldMap } from '../feed/field-map.js';
import { feedJsonSchema } from '../feed/json-schema.js';
import { describeIgnored, parseJsonText, type Feed } from '../feed/parse.js';
import { readFeedDocument } from '../feed/read.js';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  readFile: (path: string) => Promise<string>;
}

const USAGE = `Usage:
  kam-widgets validate <file.json|file.csv> [--field-map "id=AccountId,name=Account Name,revenue=Annual Revenue"] [--locale en-US] [--currency USD] [--format json|csv]
                       [--tier-rule texts|headroom] [--tier-measure revenue|profit|clv] [--min-margin 0.1] [--revenue-floor 50000] [--cost-per-effort 150]
  kam-widgets schema [--markdown]

validate  checks a feed against the kam-widgets contract; exit code 0 when all of it is valid, 1 otherwise.
          Its summary tiers the accounts as the widgets do, under the tier rule and options given (as their attributes).
schema    prints the feed's JSON Schema (with --markdown: the field tables of the docs).`;

const MORE = 'Run "kam-widgets --help" for the usage.';

/** C0 and C1 control characters and bidirectional overrides: a terminal acts on them instead of showing them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character written as an escape (`\u001b`, `\n`), so printing it cannot drive the terminal. */
export function printable(text: string): string {
  return text.replace(CONTROL, (char) => (char < ' ' ? JSON.stringify(char).slice(1, -1) : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

interface LoadOptions {
  format?: string;
  fieldMap: FieldMap;
  locale?: string;
  currency?: string;
}

function load(text: string, path: string, options: LoadOptions): Feed {
  const csv = options.format ? options.format === 'csv' : /\.csv$/i.test(path);
  if (csv) return parseCsvFeed(text, options);
  return readFeedDocument(parseJsonText(text), { fieldMap: options.fieldMap });
}

/** The options as the loader takes them; a one-line usage error for a locale, currency or field map that cannot be used. */
function loadOptions(values: { format?: string; 'field-map'?: string; locale?: string; currency?: string }): LoadOptions | string {
  const { format, locale, currency } = values;
  if (format && format !== 'csv' && format !== 'json') return `--format must be csv or json, not "${format}".`;
  if (locale !== undefined) {
    try {
      Intl.getCanonicalLocales(locale);
    } catch {
      return `--locale "${locale}" is not a locale: write it like en-US or de-DE.`;
    }
  }
  if (currency !== undefined && !/^[A-Za-z]{3}$/.test(currency)) return `--currency "${currency}" is not a currency code: write it like USD or EUR.`;
  try {
    return { format, fieldMap: parseFieldMap(values['field-map']), locale, currency };
  } catch (error) {
    return `--field-map: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const words = (list: readonly string[]) => `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;

/** The portfolio rules from the rule options (as the widgets' attributes of the same names); a one-line usage error for a value that cannot be used. */
function ruleOptions(values: Record<string, string | boolean | undefined>): Partial<PortfolioRules> | string {
  const rules: Partial<PortfolioRules> = {};
  const rule = values['tier-rule'];
  const measure = values['tier-measure'];
  if (typeof rule === 'string') {
    if (!(TIER_RULE_NAMES as readonly string[]).includes(rule)) return `--tier-rule must be ${words(TIER_RULE_NAMES)}, not "${rule}".`;
    rules.rule = rule as PortfolioRules['rule'];
  }
  if (typeof measure === 'string') {
    if (!(MEASURES as readonly string[]).includes(measure)) return `--tier-measure must be ${words(MEASURES)}, not "${measure}".`;
    rules.measure = measure as PortfolioRules['measure'];
  }
  const numbers = [['min-margin', 'minMargin', -Infinity], ['revenue-floor', 'revenueFloor', 0], ['cost-per-effort', 'costPerEffort', 0]] as const;
  for (const [option, key, min] of numbers) {
    const text = values[option];
    if (typeof text !== 'string') continue;
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) return `--${option} must be a number, not "${text}".`;
    if (n < min) return `--${option} must be a number >= ${min}, not "${text}".`;
    rules[key] = n;
  }
  return rules;
}

function summary(feed: Feed, rules: Partial<PortfolioRules>, io: CliIo): void {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: feed.currency, notation: 'compact', maximumSignificantDigits: 3 });
  const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
  // One portfolio of the feed, as a <kam-feed> makes it: its history gives previous revenue where an account has none.
  const portfolio = new Portfolio(feed.accounts, rules, feed.columns, feed.history);
  const result = portfolio.shares();
  io.out(`Accounts: ${feed.accounts.length} valid${feed.skipped.length ? `, ${feed.skipped.length} skipped` : ''}`);
  io.out(`Total revenue: ${money.format(result.total)} (${feed.currency})`);
  if (feed.history.periods.length) {
    const past = feed.history.periods;
    io.out(`Periods: ${past.length === 1 ? past[0] : `${past[0]} … ${past[past.length - 1]} (${past.length})`}, then ${feed.history.current}`);
  }
  if (feed.accounts.length && !result.degenerate) {
    io.out(`Vital few: ${result.vitalFew} of ${result.count} accounts (${percent.format(result.vitalFewShare)}) produce ${percent.format(result.cutoff)} of revenue`);
    const tiers = portfolio.tiers();
    const unknown = tiers.step.reduce((n, step, i) => n + (step === RULE_STEPS.indexOf('profit-unknown') && tiers.given[i] === 0 ? 1 : 0), 0);
    const note = unknown ? `; ${plural(unknown, 'STC has', 'STCs have')} no profit figure` : '';
    io.out(`Tiers: ${tiers.tiers.map((t) => `${t.tier} ${t.accounts}`).join(', ')} (tier rule "${tiers.rules.rule}"${note})`);
    const roi = portfolio.roi().total;
    if (roi.roi !== null) io.out(`ROI: ${percent.format(roi.roi)} (profit ${money.format(roi.profit!)} on cost to serve ${money.format(roi.pairedCost!)}, ${plural(roi.pairs, 'account', 'accounts')})`);
  }
  if (feed.kpis.length || feed.skippedKpis.length) io.out(`KPI entries: ${feed.kpis.length} valid${feed.skippedKpis.length ? `, ${feed.skippedKpis.length} skipped` : ''}`);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What widgets would do with the feed's problems: "skip 1 account and ignore 2 fields". */
function consequences(feed: Feed): string[] {
  const parts: string[] = [];
  if (feed.skipped.length) parts.push(`skip ${plural(feed.skipped.length, 'account', 'accounts')}`);
  if (feed.skippedKpis.length) parts.push(`skip ${plural(feed.skippedKpis.length, 'KPI entry', 'KPI entries')}`);
  if (feed.ignoredFields.length) parts.push(`ignore ${plural(feed.ignoredFields.length, 'field', 'fields')}`);
  return parts;
}

export async function run(argv: readonly string[], cliIo: CliIo): Promise<number> {
  const io: CliIo = { ...cliIo, out: (line) => cliIo.out(printable(line)), err: (line) => cliIo.err(printable(line)) };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'field-map': { type: 'string' },
        locale: { type: 'string' },
        currency: { type: 'string' },
        format: { type: 'string' },
        'tier-rule': { type: 'string' },
        'tier-measure': { type: 'string' },
        'min-margin': { type: 'string' },
        'revenue-floor': { type: 'string' },
        'cost-per-effort': { type: 'string' },
        markdown: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)} ${MORE}`);
    return 2;
  }
  const [command, file, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    (parsed.values.help ? cliIo.out : cliIo.err)(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  if (command === 'schema') {
    // The schema's own text is printed as it is: it holds no text from a file.
    cliIo.out(parsed.values.markdown ? `${fieldTableMarkdown('account')}\n\n${fieldTableMarkdown('history-point')}` : JSON.stringify(feedJsonSchema(), null, 2));
    return 0;
  }
  if (command !== 'validate' || !file || rest.length) {
    io.err(`${command === 'validate' ? 'validate needs exactly one file.' : `Unknown command "${command}".`} ${MORE}`);
    return 2;
  }
  const options = loadOptions(parsed.values);
  if (typeof options === 'string') {
    io.err(options);
    return 2;
  }
  const rules = ruleOptions(parsed.values);
  if (typeof rules === 'string') {
    io.err(rules);
    return 2;
  }
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.err(`Cannot read ${file}: ${reason.split('\n', 1)[0]}`);
    return 2;
  }
  let feed: Feed;
  try {
    feed = load(text, file, options);
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    io.out(`${file}: not a valid feed.`);
    io.out(error.message);
    for (const problem of error.problems) io.out(`  ${describeProblem(problem)}`);
    return 1;
  }
  const dropping = [...feed.skipped, ...feed.skippedKpis].flatMap((item) => item.problems);
  const count = dropping.length + feed.ignoredFields.length;
  if (count) {
    io.out(`${file}: ${plural(count, 'problem', 'problems')}; widgets would ${consequences(feed).join(' and ')}.`);
    if (dropping.length) {
      io.out(`Problems that drop ${feed.skippedKpis.length ? 'an account or KPI entry' : 'an account'} (${dropping.length}):`);
      for (const problem of dropping) io.out(`  ${describeProblem(problem)}`);
    }
    if (feed.ignoredFields.length) {
      io.out(`Problems that only drop a field; the account is kept (${feed.ignoredFields.length}):`);
      for (const field of feed.ignoredFields) io.out(`  ${describeIgnored(field)}`);
    }
  } else {
    io.out(`${file}: valid.`);
  }
  summary(feed, rules, io);
  return count ? 1 : 0;
}
