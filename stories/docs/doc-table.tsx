/**
 * A plain table for the MDX pages, filled from data the code exports (manifest, schema, tiers, KPIs),
 * so a page cannot drift from what it documents. The docs theme styles it like a Markdown table.
 */
import type { ReactNode } from 'react';

export interface DocColumn<Row> {
  label: string;
  cell: (row: Row) => ReactNode;
}

export function DocTable<Row>({ caption, columns, rows, rowKey }: { caption?: string; columns: DocColumn<Row>[]; rows: readonly Row[]; rowKey: (row: Row) => string }) {
  return (
    <table>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) => (
              <td key={column.label}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A colour sample next to a token value (decorative: the value is written beside it). */
export function Swatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden="true"
      style={{ display: 'inline-block', width: '1em', height: '1em', marginRight: '0.4em', verticalAlign: '-0.15em', border: '1px solid #8c959f', borderRadius: 3, background: color }}
    />
  );
}

/** Code that wraps inside a table cell (the docs theme keeps inline code on one line). */
export function WrappingCode({ children }: { children: ReactNode }) {
  return <code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', wordBreak: 'break-word' }}>{children}</code>;
}
