/** The movement view in words: the summary sentence, a cell for the live region and its tooltip. Pure (formatters passed in). */
import { html, nothing, type TemplateResult } from 'lit';
import { LOST, MOVEMENT_COLUMNS, MOVEMENT_ROWS, NEW, cellIndex, movementKind, type TierMovement } from '../../analysis/tier-movement.js';
import type { Account } from '../../feed/schema.js';
import type { Formatters } from '../../internal/format.js';
import { periodName } from '../../internal/period-words.js';
import { displayText } from '../../internal/text-fit.js';
import { tooltipFacts } from '../../internal/tooltip.js';
import { MOVEMENT_SIZE } from './tier-matrix-movement.js';
import { accountsText } from './tier-matrix-text.js';

const rowName = (row: number) => (row === NEW ? 'New' : MOVEMENT_ROWS[row]!);
const columnName = (column: number) => (column === LOST ? 'Lost' : MOVEMENT_COLUMNS[column]!);

function sum(movement: TierMovement, cells: (row: number, column: number) => boolean): number {
  let n = 0;
  for (let r = 0; r < MOVEMENT_SIZE; r++) for (let c = 0; c < MOVEMENT_SIZE; c++) if (cells(r, c)) n += movement.counts[cellIndex(r, c)]!;
  return n;
}

/** "Since 2026-Q2: 2 of 37 MGC became MVC; 3 of 37 MVC moved lower or were lost; 7 new (no figures for 2026-Q2) and 3 lost accounts." */
export function movementSummary(f: Formatters, movement: TierMovement): string {
  const mgc = sum(movement, (r) => r === 1);
  const mvc = sum(movement, (r) => r === 0);
  const up = movement.counts[cellIndex(1, 0)]!;
  const down = sum(movement, (r, c) => r === 0 && c !== 0);
  const fresh = sum(movement, (r) => r === NEW);
  const lost = sum(movement, (_, c) => c === LOST);
  const from = periodName(movement.from);
  return `Since ${from}: ${f.integer(up)} of ${f.integer(mgc)} MGC became MVC; ${f.integer(down)} of ${f.integer(mvc)} MVC moved lower or were lost; ${f.integer(fresh)} new (no figures for ${from}) and ${f.integer(lost)} lost accounts.`;
}

/** What a movement means, in words. */
export function movementMeaning(row: number, column: number, from: string): string {
  const kind = movementKind(row, column);
  switch (kind) {
    case 'same':
      return `Stayed ${columnName(column)}.`;
    case 'up':
      return row === 1 && column === 0 ? 'Up a tier: the movement a key-account team works for.' : 'Up a tier.';
    case 'down':
      return row === 0 ? 'Down from MVC: a warning.' : 'Down a tier.';
    case 'new':
      return `No figures for ${periodName(from)}: a new account, or one not recorded then.`;
    case 'lost':
      return `Revenue in ${periodName(from)}, none now: lost${row === 0 ? ' (an MVC: a warning)' : ''}.`;
  }
}

/** A focused cell, for the live region: "MGC to MVC: 2 accounts. Up a tier: …". */
export function describeMove(f: Formatters, movement: TierMovement, item: number, selected: number): string {
  const row = Math.floor(item / MOVEMENT_SIZE);
  const column = item % MOVEMENT_SIZE;
  const count = movement.counts[cellIndex(row, column)]!;
  const chosen = selected ? ` ${f.integer(selected)} selected.` : '';
  return `${rowName(row)} to ${columnName(column)}: ${accountsText(f, count)}. ${movementMeaning(row, column, movement.from)}${chosen}`;
}

/** The tooltip of a cell: the movement, its count and meaning, and its largest accounts. */
export function moveTooltip(f: Formatters, movement: TierMovement, item: number, selected: number, top: readonly Account[]): TemplateResult {
  const row = Math.floor(item / MOVEMENT_SIZE);
  const column = item % MOVEMENT_SIZE;
  const facts: [string, string][] = [['Accounts', f.integer(movement.counts[cellIndex(row, column)]!)]];
  if (selected) facts.push(['Selected', f.integer(selected)]);
  const list = top.length
    ? html`<p class="top-title">Largest accounts now</p>
        <ol>${top.map((a) => html`<li>${displayText(a.name)}: ${f.money(a.revenue)}</li>`)}</ol>`
    : nothing;
  return html`<strong>${rowName(row)} → ${columnName(column)}</strong>${tooltipFacts(facts)}<p>${movementMeaning(row, column, movement.from)}</p>${list}`;
}

/** The key to the grid, under it. */
export function movementKey(movement: TierMovement): string {
  const from = periodName(movement.from);
  return `Rows: tier in ${from}; columns: tier now. ▲ up a tier (MGC to MVC is the movement a key-account team works for), ▼ down a tier (from MVC, a warning), + new (no figures for ${from}: a new account, or one not recorded then), ✕ lost (revenue then, none now). Select a count to see its accounts.`;
}
