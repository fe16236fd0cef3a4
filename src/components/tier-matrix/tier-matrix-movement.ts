/**
 * The movement view of the tier matrix: a grid of tier in the previous period (rows, plus "new") by tier
 * now (columns, plus "lost"), each cell the count of accounts that moved that way (analysis/tier-movement.ts).
 * Here: the grid's layout at a width, and its SVG marks; they only place what the analysis counted. The
 * kind of a movement shows as a glyph and a pattern of the cell's border, not by colour alone.
 */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { MOVEMENT_COLUMNS, MOVEMENT_ROWS, cellIndex, movementKind, type MovementKind, type TierMovement } from '../../analysis/tier-movement.js';
import { UNNAMED_CURRENT, UNNAMED_PREVIOUS } from '../../feed/history.js';
import type { Formatters } from '../../internal/format.js';
import { periodName } from '../../internal/period-words.js';
import { tooltip } from '../../internal/tooltip.js';
import { itemRing } from './tier-matrix-marks.js';

/** What the chart shows: the matrix of value and potential bands, or the tier movement since the previous period. */
export type TierMatrixMode = 'matrix' | 'movement';

/** Rows and columns of the grid (five each), and so its cells. */
export const MOVEMENT_SIZE = 5;
export const MOVEMENT_CELLS = MOVEMENT_SIZE * MOVEMENT_SIZE;

/** A glyph per kind, next to the count: the shape carries the kind, colour only repeats it. */
export const KIND_GLYPH: Readonly<Record<MovementKind, string>> = { same: '', up: '▲', down: '▼', new: '+', lost: '✕' };

export interface MovementLayout {
  width: number;
  height: number;
  left: number;
  top: number;
  cell: number;
  cellHeight: number;
  gap: number;
}

/** The grid at `width` px: a label column (narrower on a phone), a header row, five columns of 40 to 120 px. */
export function movementLayout(width: number): MovementLayout {
  const left = width < 400 ? 48 : 86;
  const top = 44;
  const gap = 4;
  const cell = Math.max(40, Math.min(120, Math.floor((width - left - 4 * gap) / MOVEMENT_SIZE)));
  const cellHeight = Math.min(64, Math.max(46, Math.round(cell * 0.6)));
  return { width: left + MOVEMENT_SIZE * cell + 4 * gap, height: top + MOVEMENT_SIZE * cellHeight + 4 * gap + 2, left, top, cell, cellHeight, gap };
}

/** The box of cell `item` (row by row). */
export function movementBox(layout: MovementLayout, item: number): { x: number; y: number; width: number; height: number } {
  const row = Math.floor(item / MOVEMENT_SIZE);
  const column = item % MOVEMENT_SIZE;
  return { x: layout.left + column * (layout.cell + layout.gap), y: layout.top + row * (layout.cellHeight + layout.gap), width: layout.cell, height: layout.cellHeight };
}

/** The header labels, in words a manager reads. */
const ROW_LABELS = MOVEMENT_ROWS.map((r) => (r === 'new' ? 'New' : r));
const COLUMN_LABELS = MOVEMENT_COLUMNS.map((c) => (c === 'lost' ? 'Lost' : c));

export interface MovementInput {
  f: Formatters;
  layout: MovementLayout;
  movement: TierMovement;
  /** Selected accounts per cell. */
  selected: (item: number) => number;
}

/** The grid: titles, headers, and one cell per movement with its count, glyph and kind. */
export function movementMarks({ f, layout, movement, selected }: MovementInput): SVGTemplateResult {
  const { left, top, cell, cellHeight, gap } = layout;
  const cells = [];
  for (let item = 0; item < MOVEMENT_CELLS; item++) {
    const row = Math.floor(item / MOVEMENT_SIZE);
    const column = item % MOVEMENT_SIZE;
    const count = movement.counts[cellIndex(row, column)]!;
    const kind = movementKind(row, column);
    const box = movementBox(layout, item);
    // MGC to MVC is the movement a KAM team works for (marked even at 0); MVC to anything lower is a warning (when it happened).
    const flag = row === 1 && column === 0 ? ' goal-move' : row === 0 && kind !== 'same' && count > 0 ? ' warning' : '';
    const chosen = selected(item);
    cells.push(svg`<g class="move ${kind}${flag}${count === 0 ? ' empty' : ''}${chosen ? ' selected' : ''}" data-item=${item} transform="translate(${box.x} ${box.y})">
      <rect class="move-bg" width=${box.width} height=${box.height} rx="4"></rect>
      <text class="move-count" x=${box.width / 2} y=${box.height / 2 + 2} text-anchor="middle">${f.integer(count)}</text>
      ${count && KIND_GLYPH[kind] ? svg`<text class="move-glyph" x="6" y="14">${KIND_GLYPH[kind]}</text>` : nothing}
      ${chosen ? svg`<text class="selected-count" x=${box.width - 5} y="14" text-anchor="end">✓ ${f.integer(chosen)}</text>` : nothing}
    </g>`);
  }
  return svg`<g class="movement">
    <text class="axis-title" x=${layout.width} y="12" text-anchor="end">Now${movement.to === UNNAMED_CURRENT ? '' : ` (${movement.to})`} →</text>
    <text class="axis-title" x="0" y="12">${movement.from === UNNAMED_PREVIOUS ? 'Before' : movement.from} ↓</text>
    ${COLUMN_LABELS.map((label, c) => svg`<text class="band-name" x=${left + c * (cell + gap) + cell / 2} y=${top - 8} text-anchor="middle">${label}</text>`)}
    ${ROW_LABELS.map((label, r) => svg`<text class="band-name" x=${left - 8} y=${top + r * (cellHeight + gap) + cellHeight / 2 + 4} text-anchor="end">${label}</text>`)}
    ${cells}
  </g>`;
}

/** Input indices of the accounts of cell `item`. */
export function movementCellMembers(movement: TierMovement, item: number): Uint32Array {
  const cell = cellIndex(Math.floor(item / MOVEMENT_SIZE), item % MOVEMENT_SIZE);
  return movement.members.subarray(movement.starts[cell]!, movement.starts[cell + 1]!);
}

export interface MovementChartInput extends MovementInput {
  /** The hovered and the focused cell, -1 for none. */
  hover: number;
  focus: number;
  /** The cell whose tooltip shows, with its content. */
  tip?: { item: number; content: TemplateResult };
}

/** The grid with its focus and hover rings, and the tooltip of the active cell. */
export function movementChart(input: MovementChartInput): TemplateResult {
  const { layout, hover, focus, tip } = input;
  const ring = (item: number, className: 'focus-ring' | 'hover-ring') => (item >= 0 ? itemRing(movementBox(layout, item), className) : nothing);
  const box = tip && movementBox(layout, tip.item);
  const anchor = box && { x: box.x + Math.min(box.width / 2, 50), y: box.y + box.height / 2, width: layout.width, height: layout.height };
  return html`<svg class="chart movement-chart" width=${layout.width} height=${layout.height} aria-hidden="true">
      ${movementMarks(input)} ${hover !== focus ? ring(hover, 'hover-ring') : nothing} ${ring(focus, 'focus-ring')}
    </svg>
    ${tooltip(anchor, tip?.content, 'tooltip')}`;
}

/** The Matrix / Movement buttons, when the feed has a previous period (`previous`, its label). */
export function modeToggle(previous: string | undefined, mode: TierMatrixMode, onMode: (mode: TierMatrixMode) => void): TemplateResult | typeof nothing {
  if (previous === undefined) return nothing;
  const button = (value: TierMatrixMode, label: string) =>
    html`<button type="button" class="tool" aria-pressed=${mode === value ? 'true' : 'false'} @click=${() => onMode(value)}>${label}</button>`;
  return html`<div class="mode-toggle" part="mode-toggle" role="group" aria-label="Show">${button('matrix', 'Matrix')} ${button('movement', `Movement since ${periodName(previous)}`)}</div>`;
}

/** Selected accounts in cell `item` (`accounts` the portfolio's, `ids` the selection). */
export function selectedInMove(movement: TierMovement, item: number, accounts: readonly { id: string }[], ids: ReadonlySet<string>): number {
  if (!ids.size) return 0;
  let n = 0;
  for (const i of movementCellMembers(movement, item)) if (ids.has(accounts[i]!.id)) n++;
  return n;
}

/** Ids of the accounts of cell `item`. */
export function idsOfMove(movement: TierMovement, item: number, accounts: readonly { id: string }[]): string[] {
  return Array.from(movementCellMembers(movement, item), (i) => accounts[i]!.id);
}
