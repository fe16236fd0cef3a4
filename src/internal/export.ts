/**
 * Export of what a widget shows: its data as CSV (here, small and synchronous: `toCSV()` returns the
 * text), and what the chart export shares with it. The chart's writers (SVG, PNG) and saving a file are
 * in export-writers.ts, loaded on the first export. Every widget exports through these two modules, so
 * the CSV rules (quoting, UTF-8 BOM, formula-injection guard) and the SVG clean-up live in one place.
 */

/** One CSV column: a header and how to read a cell from a row. Numbers stay numbers (unformatted). */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/** Spreadsheets run a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Text from the feed is data: a leading apostrophe keeps "=HYPERLINK(...)" from running as a formula.
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180: a cell holding a quote, a comma or a line break is quoted, its quotes doubled. */
const quoted = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * CSV text with a UTF-8 byte-order mark (so Excel reads accents and currency signs right), a header row,
 * RFC 4180 quoting and CRLF line ends. Numbers are written plain ("1250.5"), never locale-formatted, so
 * the spreadsheet reads them as numbers.
 */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): string {
  // A line break inside a quoted cell stays as written: only the rows end in CRLF.
  const lines = [columns.map((c) => quoted(csvCell(c.header))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quoted(csvCell(c.value(row)))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Explains why a chart could not be exported; a strict CSP without `img-src blob:` is the usual cause of a PNG failing. */
export class ExportError extends Error {}

/** A file name from a widget name and the date: "kam-pareto-2026-11-22.csv". */
export function exportFileName(widget: string, extension: string, date = new Date()): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `${widget}-${day}.${extension}`;
}
