/**
 * The table view every widget offers next to its chart, and the screen-reader alternative to it: a real
 * <table> with a caption, column headers that sort (aria-sort), and rows that can be marked (the vital
 * few, the selection). Large feeds show the first rows and a "Show more" button; the CSV export always
 * has every row.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { displayText } from '../feed/fields.js';

export interface TableColumn<Row> {
  id: string;
  label: string;
  /** The value sorted on. */
  sortValue: (row: Row) => string | number | undefined;
  /** The text shown in the cell. */
  cell: (row: Row) => string | TemplateResult;
  /** Numbers are right-aligned. */
  numeric?: boolean;
}

export interface TableMark {
  label: string;
  className: string;
}

export interface TableSort {
  column: string;
  descending: boolean;
}

export interface TableOptions<Row> {
  caption: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  sort?: TableSort;
  onSort: (sort: TableSort) => void;
  /** How many rows to show; the rest are one click away. */
  limit: number;
  onShowMore: () => void;
  /** Marks a row: words shown to every user in the first cell ("vital few", "1 field ignored"), each with a class for the row. */
  marks?: (row: Row) => readonly TableMark[];
  key: (row: Row) => string;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Rows sorted by a column; undefined values sort last in both directions. Stable for equal values. */
export function sortRows<Row>(rows: readonly Row[], column: TableColumn<Row> | undefined, descending: boolean): readonly Row[] {
  if (!column) return rows;
  const direction = descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, value: column.sortValue(row) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        return a.value === b.value ? a.index - b.index : a.value === undefined ? 1 : -1;
      }
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return order === 0 ? a.index - b.index : order * direction;
    })
    .map((entry) => entry.row);
}

/** A text cell as drawn: cut to the display length (a 10 MB name is drawn as its first 200 characters). */
const cellText = (cell: string | TemplateResult) => (typeof cell === 'string' ? displayText(cell) : cell);

export function dataTable<Row>(options: TableOptions<Row>): TemplateResult {
  const { columns, sort, limit } = options;
  const column = columns.find((c) => c.id === sort?.column);
  const rows = sortRows(options.rows, column, sort?.descending ?? false);
  const shown = rows.slice(0, limit);
  const ariaSort = (c: TableColumn<Row>) => (c.id === sort?.column ? (sort.descending ? 'descending' : 'ascending') : 'none');
  const toggle = (c: TableColumn<Row>) =>
    options.onSort({ column: c.id, descending: c.id === sort?.column ? !sort.descending : !!c.numeric });
  return html`<div class="table-scroll" part="table-container" tabindex="0" role="region" aria-label=${options.caption}>
      <table part="table">
        <caption>${options.caption}</caption>
        <thead>
          <tr>
            ${columns.map(
              (c) => html`<th scope="col" aria-sort=${ariaSort(c)} class=${c.numeric ? 'num' : ''}>
                <button type="button" class="sort" @click=${() => toggle(c)}>
                  ${c.label}<span class="sort-icon" aria-hidden="true">${c.id === sort?.column ? (sort.descending ? '▼' : '▲') : '↕'}</span>
                </button>
              </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${shown.map((row) => {
            const marks = options.marks?.(row) ?? [];
            return html`<tr class=${marks.map((m) => m.className).join(' ')}>
              ${columns.map((c, i) =>
                i === 0
                  ? html`<th scope="row">${cellText(c.cell(row))}${marks.map((m) => html` <span class="mark">${m.label}</span>`)}</th>`
                  : html`<td class=${c.numeric ? 'num' : ''}>${cellText(c.cell(row))}</td>`,
              )}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    ${rows.length > shown.length
      ? html`<p class="table-more">
          Showing ${shown.length} of ${rows.length} rows.
          <button type="button" part="show-more" @click=${options.onShowMore}>Show more</button>
          The CSV export has every row.
        </p>`
      : nothing}`;
}

export const tableStyles = css`
  .table-scroll {
    overflow: auto;
    max-height: var(--kam-table-max-height, 28em);
    border: 1px solid var(--kam-border);
    border-radius: var(--kam-radius);
  }
  .table-scroll:focus-visible {
    outline: 2px solid var(--kam-focus);
    outline-offset: 2px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    padding: 0.4em 0.6em;
    color: var(--kam-muted);
    font-size: 0.9em;
  }
  th,
  td {
    padding: 0.3em 0.6em;
    border-top: 1px solid var(--kam-grid);
    text-align: start;
    vertical-align: top;
  }
  tbody th {
    font-weight: normal;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--kam-surface);
    border-top: none;
    white-space: nowrap;
  }
  .num {
    text-align: end;
  }
  button.sort {
    font: inherit;
    font-weight: 600;
    color: inherit;
    background: none;
    border: none;
    padding: 0;
    cursor: pointer;
  }
  .sort-icon {
    margin-inline-start: 0.3em;
    color: var(--kam-muted);
    font-size: 0.8em;
  }
  tr.selected {
    background: var(--kam-accent-soft);
  }
  .mark {
    font-size: 0.8em;
    padding: 0 0.35em;
    border-radius: 3px;
    border: 1px solid currentColor;
    color: var(--kam-muted);
    white-space: nowrap;
  }
  .table-more {
    margin: 0.4em 0 0;
    color: var(--kam-muted);
  }
`;
