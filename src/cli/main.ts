/**
 * `npx kam-widgets validate <file.json|file.csv> [--field-map ...] [--locale de-DE] [--currency EUR]`
 * `npx kam-widgets schema`
 *
 * For CRM admins checking an export before wiring it in: prints every problem with its path or row, and a
 * summary (accounts, total revenue, vital few, tiers). Exit code 0 only when the whole feed meets the
 * contract; 1 when anything does not (even one account a widget would skip); 2 for a usage error.
 */
import { parseArgs } from 'node:util';
import { pareto } from '../analysis/pareto.js';
import { assignTiers } from '../analysis/tiers.js';
import { parseCsvFeed } from '../feed/csv.js';
import { FeedError, describeProblem } from '../feed/errors.js';
import { mapJsonDocument, parseFieldMap } from '../feed/field-map.js';
import { feedJsonSchema } from '../feed/json-schema.js';
import { parseFeed, parseJsonText, type Feed } from '../feed/parse.js';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  readFile: (path: string) => Promise<string>;
}

const USAGE = `Usage:
  kam-widgets validate <file.json|file.csv> [--field-map "id=AccountId,name=Account Name,revenue=Annual Revenue"] [--locale en-US] [--currency USD] [--format json|csv]
  kam-widgets schema

validate  checks a feed against the kam-widgets contract; exit code 0 when all of it is valid, 1 otherwise.
schema    prints the feed's JSON Schema.`;

function load(text: string, path: string, options: { format?: string; fieldMap?: string; locale?: string; currency?: string }): Feed {
  const csv = options.format ? options.format === 'csv' : /\.csv$/i.test(path);
  if (csv) return parseCsvFeed(text, { fieldMap: options.fieldMap, locale: options.locale, currency: options.currency });
  const document = mapJsonDocument(parseJsonText(text), parseFieldMap(options.fieldMap));
  return parseFeed(document);
}

function summary(feed: Feed, io: CliIo): void {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: feed.currency, notation: 'compact', maximumSignificantDigits: 3 });
  const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
  const result = pareto(feed.accounts);
  io.out(`Accounts: ${feed.accounts.length} valid${feed.skipped.length ? `, ${feed.skipped.length} skipped` : ''}`);
  io.out(`Total revenue: ${money.format(result.total)} (${feed.currency})`);
  if (feed.accounts.length && !result.degenerate) {
    io.out(`Vital few: ${result.vitalFew} of ${result.count} accounts (${percent.format(result.vitalFewShare)}) produce ${percent.format(result.cutoff)} of revenue`);
    const tiers = assignTiers(feed.accounts).tiers;
    io.out(`Tiers: ${tiers.map((t) => `${t.tier} ${t.accounts}`).join(', ')}`);
  }
  if (feed.kpis.length || feed.skippedKpis.length) io.out(`KPI entries: ${feed.kpis.length} valid${feed.skippedKpis.length ? `, ${feed.skippedKpis.length} skipped` : ''}`);
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const [command, file, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    (parsed.values.help ? io.out : io.err)(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  if (command === 'schema') {
    io.out(JSON.stringify(feedJsonSchema(), null, 2));
    return 0;
  }
  if (command !== 'validate' || !file || rest.length) {
    io.err(`${command === 'validate' ? 'validate needs exactly one file.' : `Unknown command "${command}".`}\n\n${USAGE}`);
    return 2;
  }
  const { format } = parsed.values;
  if (format && format !== 'csv' && format !== 'json') {
    io.err(`--format must be csv or json, not "${format}".`);
    return 2;
  }
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    io.err(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  let feed: Feed;
  try {
    feed = load(text, file, { format, fieldMap: parsed.values['field-map'], locale: parsed.values.locale, currency: parsed.values.currency });
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    io.out(`${file}: not a valid feed.`);
    io.out(error.message);
    for (const problem of error.problems) io.out(`  ${describeProblem(problem)}`);
    return 1;
  }
  const problems = [...feed.skipped, ...feed.skippedKpis].flatMap((item) => item.problems);
  if (problems.length) {
    io.out(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; widgets would skip ${feed.skipped.length} account${feed.skipped.length === 1 ? '' : 's'}${feed.skippedKpis.length ? ` and ${feed.skippedKpis.length} KPI entr${feed.skippedKpis.length === 1 ? 'y' : 'ies'}` : ''}:`);
    for (const problem of problems) io.out(`  ${describeProblem(problem)}`);
  } else {
    io.out(`${file}: valid.`);
  }
  summary(feed, io);
  return problems.length ? 1 : 0;
}
