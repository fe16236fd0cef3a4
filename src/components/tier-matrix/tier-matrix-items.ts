/**
 * The items of the tier matrix, numbered in the order keyboard focus walks them: the cells row by row as
 * drawn (top row = highest potential band, columns from low to high value), then the four tiers of the
 * summary. An item is a plain number; these helpers turn it into its cell or tier, its accounts and its
 * selected count, move it with the arrow keys, and carry it over to the matrix of a refreshed feed. Pure.
 */
import { TIER_ORDER } from '../../analysis/tiers.js';
import type { Account } from '../../feed/schema.js';
import { moveInGrid, moveInList } from '../../internal/keyboard.js';
import type { BandAxis, Group, Matrix, MatrixCell, SelectedCounts } from '../../analysis/portfolio-matrix.js';

/** Cells in the matrix (the first tier's item number). */
export function cellCount(matrix: Matrix): number {
  return matrix.cells.length;
}

/** Potential bands from top to bottom as drawn: highest first, the no-data band (index 0) last. */
export function displayRows(matrix: Matrix): number[] {
  const rows = matrix.potential.bands.length;
  return Array.from({ length: rows }, (_, r) => rows - 1 - r);
}

/** The cell drawn at position `item` (row by row, top row first). */
export function cellAt(matrix: Matrix, item: number): MatrixCell {
  const columns = matrix.value.bands.length;
  const row = Math.floor(item / columns);
  return matrix.cells[(matrix.potential.bands.length - 1 - row) * columns + (item % columns)]!;
}

/** The cell or tier of an item, and the member list its `start`/`end` index into. */
export function groupOf(matrix: Matrix, item: number): { group: Group; members: Uint32Array } {
  const cells = cellCount(matrix);
  if (item < cells) return { group: cellAt(matrix, item), members: matrix.cellMembers };
  return { group: matrix.tiers[item - cells]!, members: matrix.tierMembers };
}

/** Input indices of the item's accounts. */
export function membersOf(matrix: Matrix, item: number): Uint32Array {
  const { group, members } = groupOf(matrix, item);
  return members.subarray(group.start, group.end);
}

/** Ids of the item's accounts, in input order within the item. */
export function idsOf(accounts: readonly Account[], matrix: Matrix, item: number): string[] {
  return Array.from(membersOf(matrix, item), (i) => accounts[i]!.id);
}

/** Selected accounts in an item. */
export function selectedIn(matrix: Matrix, counts: SelectedCounts | undefined, item: number): number {
  if (!counts) return 0;
  const cells = cellCount(matrix);
  if (item >= cells) return counts.tiers[item - cells]!;
  const cell = cellAt(matrix, item);
  return counts.cells[cell.potentialBand * matrix.value.bands.length + cell.valueBand]!;
}

const MOVES = new Set(['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End']);

/**
 * Keyboard movement over the cells (a grid of `columns` x `rows`, the shared grid movement) followed by the
 * tier summary (`tiers` items, the shared list movement). Down from the bottom row and Right from the last
 * cell go into the tier summary; Up/Left from the first tier return to the last cell. No item yet: the first.
 */
export function moveFocus(key: string, index: number, columns: number, rows: number, tiers: number): number | undefined {
  const cells = columns * rows;
  if (!MOVES.has(key) || cells + tiers === 0) return undefined;
  if (index < 0) return 0;
  if (index < cells) {
    const bottomRow = Math.floor(index / columns) === rows - 1;
    const intoTiers = tiers > 0 && ((key === 'ArrowDown' && bottomRow) || (key === 'ArrowRight' && index === cells - 1));
    return intoTiers ? cells : moveInGrid(key, index, columns, rows);
  }
  const tier = index - cells;
  if (cells > 0 && tier === 0 && (key === 'ArrowUp' || key === 'ArrowLeft')) return cells - 1;
  return cells + moveInList(key, tier, tiers)!;
}

function sameBands(a: BandAxis, b: BandAxis): boolean {
  return a.bands.length === b.bands.length && a.bands.every((band, i) => band.missing === b.bands[i]!.missing);
}

/**
 * The item in `next` that stands where `item` stood in `previous`, so focus survives a refreshed feed: a
 * tier is always the same tier; a cell is the same cell when both matrices have the same bands (count and
 * no-data band), else there is none (-1).
 */
export function carryFocus(previous: Matrix, next: Matrix, item: number): number {
  if (item < 0) return -1;
  const cells = cellCount(previous);
  if (item >= cells) return item - cells < TIER_ORDER.length ? cellCount(next) + item - cells : -1;
  return sameBands(previous.value, next.value) && sameBands(previous.potential, next.potential) ? item : -1;
}
