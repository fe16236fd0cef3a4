/**
 * What the tier matrix shows of a portfolio: the value and growth-potential bands of the accounts shown,
 * the matrix of cells and tier groups, and the band names. Tiers are the portfolio's (the whole feed's,
 * so an account has the tier it has in every other widget); the bands are cut over the accounts shown.
 *
 * The items of the matrix are plain numbers, in the order keyboard focus walks them: the cells row by row
 * as drawn (top row = highest potential band, columns from low to high value), then the four tiers of the
 * summary. The helpers below turn an item into its cell or tier, its accounts, its selected count and its
 * key (what names it across a refresh), and move it with the arrow keys. Pure (no DOM).
 */
import type { Portfolio } from '../../analysis/portfolio.js';
import type { RoiResult } from '../../analysis/roi.js';
import { TIER_ORDER, type TierResult } from '../../analysis/tiers.js';
import type { Account, Tier } from '../../feed/schema.js';
import { moveInGrid, moveInList } from '../../internal/keyboard.js';
import { buildMatrix, type Group, type Matrix, type MatrixCell, type SelectedCounts } from '../../analysis/portfolio-matrix.js';
import { bandAxis, bandNames, potentialMeasures, valueMeasures, type BandAxis, type PotentialField, type ValueField } from '../../analysis/bands.js';

/** How the accounts are banded. */
export interface TierMatrixOptions {
  valueField: ValueField;
  potentialField: PotentialField;
  /** Explicit cut points; unset: tertiles. */
  valueCuts?: readonly number[];
  potentialCuts?: readonly number[];
}

/** Everything derived from one portfolio and one set of options. */
export interface TierMatrixModel {
  /** The accounts shown (the feed's portfolio narrowed to the filter). */
  portfolio: Portfolio;
  options: TierMatrixOptions;
  /** The portfolio's tiers: each account's as the whole feed has it, summaries of the accounts shown. */
  tiers: TierResult;
  matrix: Matrix;
  valueNames: string[];
  potentialNames: string[];
  /** Each account's value and growth potential on the chosen fields (NaN: no figure), in the portfolio's order. */
  values: Float64Array;
  potentials: Float64Array;
  /** Accounts with a tier given in the feed, per tier (order MVC, MGC, STC, BZ). */
  given: number[];
  /** Cost to serve, profit and ROI per tier and over all (the accounts shown). */
  roi: RoiResult;
}

export function tierMatrixModel(portfolio: Portfolio, options: TierMatrixOptions): TierMatrixModel {
  const { columns } = portfolio;
  const tiers = portfolio.tiers();
  const values = valueMeasures(columns, options.valueField);
  const potentials = potentialMeasures(columns, options.potentialField);
  const value = bandAxis(values, options.valueCuts);
  const potential = bandAxis(potentials, options.potentialCuts);
  const given = TIER_ORDER.map(() => 0);
  for (let i = 0; i < tiers.given.length; i++) if (tiers.given[i]) given[tiers.tierIndex[i]!]!++;
  const matrix = buildMatrix(tiers.tierIndex, columns.revenue, value, potential);
  return { portfolio, options, tiers, matrix, valueNames: bandNames(value), potentialNames: bandNames(potential), values, potentials, given, roi: portfolio.roi() };
}

// ---- items ----------------------------------------------------------------------------------------

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
function groupOf(matrix: Matrix, item: number): { group: Group; members: Uint32Array } {
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

/**
 * The `k` accounts of an item that come first in the portfolio's ranking (revenue, ties by name), best
 * first: the same order as the Pareto chart and the tiers' ranks.
 */
export function topAccounts(model: TierMatrixModel, item: number, k = 3): Account[] {
  return topOf(model, membersOf(model.matrix, item), k);
}

/** The `k` of these accounts (input indices) that come first in the portfolio's ranking, best first. */
export function topOf(model: TierMatrixModel, members: Iterable<number>, k = 3): Account[] {
  const rank = model.portfolio.ranking().rankOf;
  const top: number[] = [];
  for (const i of members) {
    if (top.length === k && rank[i]! > rank[top[k - 1]!]!) continue;
    let at = top.length;
    while (at > 0 && rank[top[at - 1]!]! > rank[i]!) at--;
    top.splice(at, 0, i);
    if (top.length > k) top.pop();
  }
  return top.map((i) => model.portfolio.accounts[i]!);
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

/** The bands of both axes as "b" (a band of values) and "n" (the no-data band): "bbb|nbbb". */
function bandSignature(matrix: Matrix): string {
  const of = (axis: BandAxis) => axis.bands.map((band) => (band.missing ? 'n' : 'b')).join('');
  return `${of(matrix.value)}|${of(matrix.potential)}`;
}

/**
 * The key that names an item across a refresh (undefined for no item): a tier by its code, a cell by its
 * position with the band signature of its matrix, so a cell is only found again among the same bands.
 */
export function itemKey(matrix: Matrix, item: number): string | undefined {
  const cells = cellCount(matrix);
  if (item < 0 || item >= cells + TIER_ORDER.length) return undefined;
  return item >= cells ? TIER_ORDER[item - cells]! : `${bandSignature(matrix)} ${item}`;
}

/**
 * The item a key names in `matrix`: a tier is always the same tier; a cell is the same cell when both
 * matrices have the same bands (count and no-data band), else there is none (-1).
 */
export function itemOfKey(matrix: Matrix, key: string): number {
  const tier = TIER_ORDER.indexOf(key as Tier);
  if (tier >= 0) return cellCount(matrix) + tier;
  const [signature, item] = key.split(' ');
  return signature === bandSignature(matrix) ? Number(item) : -1;
}

// ---- red flags ------------------------------------------------------------------------------------

/** How many accounts of each item (cells, then tiers, in item order) carry a red flag, and how many a severe one. */
export interface ItemFlags {
  flagged: Uint32Array;
  severe: Uint32Array;
}

/** The red-flag counts of every item, from the flag level of each account (0 none, 1 warning, 2 severe). */
export function itemFlags(matrix: Matrix, level: Uint8Array): ItemFlags {
  const items = cellCount(matrix) + TIER_ORDER.length;
  const flagged = new Uint32Array(items);
  const severe = new Uint32Array(items);
  for (let item = 0; item < items; item++) {
    for (const i of membersOf(matrix, item)) {
      if (level[i]) flagged[item]!++;
      if (level[i] === 2) severe[item]!++;
    }
  }
  return { flagged, severe };
}

/** The `k` flagged accounts of an item (input indices), severe ones first, then by rank. */
export function flaggedOf(model: TierMatrixModel, item: number, level: Uint8Array, k = 3): number[] {
  const rank = model.portfolio.ranking().rankOf;
  const members = Array.from(membersOf(model.matrix, item)).filter((i) => level[i]);
  return members.sort((a, b) => level[b]! - level[a]! || rank[a]! - rank[b]!).slice(0, k);
}
