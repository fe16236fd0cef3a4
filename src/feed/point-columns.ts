/**
 * The figures of the accounts' history points as columns, by a point's position in its account's
 * history: position j holds, per account row, the period label and figures of `history[j]`. parseFeed
 * fills them while it validates (the checker holds every value of every point in hand anyway), so a past
 * period's figures are later read from typed arrays, not from 100,000 point objects of many shapes (a
 * lookup each, costlier still for a field a point lacks). history.ts says which position holds which
 * period for each account.
 *
 * Missing figures are NaN, a missing tier or flag NO_TIER, as in columns.ts.
 */
import type { ColumnArrays } from './check.js';
import { CODES, NO_TIER, finiteOrNaN, flagCode, revenueOrZero, tierIndexOf } from './columns.js';
import type { Account } from './fields.js';

/** The numeric fields of a history point, as columns (every per-period number). */
export const POINT_FIGURES = ['revenue', 'profit', 'potential', 'effort', 'impact', 'nps', 'csat', 'clv', 'costToServe'] as const;
export type PointFigure = (typeof POINT_FIGURES)[number];

/** One position of the accounts' histories: per row, its point's label and figures. */
export class PointPosition {
  /** The point's period label per row; undefined where the row's history is shorter. */
  readonly labels: (string | undefined)[];
  /** POINT_FIGURES then CODES, as the checker writes them. */
  readonly arrays: ColumnArrays;

  constructor(count: number) {
    this.labels = new Array<string | undefined>(count);
    this.arrays = [...POINT_FIGURES.map(() => new Float64Array(count).fill(NaN)), ...CODES.map(() => new Uint8Array(count).fill(NO_TIER))];
  }

  figure(name: PointFigure): Float64Array {
    return this.arrays[POINT_FIGURES.indexOf(name)] as Float64Array;
  }

  code(name: (typeof CODES)[number]): Uint8Array {
    return this.arrays[POINT_FIGURES.length + CODES.indexOf(name)] as Uint8Array;
  }

  clear(row: number): void {
    this.labels[row] = undefined;
    for (let c = 0; c < this.arrays.length; c++) this.arrays[c]![row] = c >= POINT_FIGURES.length ? NO_TIER : NaN;
  }
}

/** The history points of `count` account rows, by position. */
export class PointColumns {
  readonly positions: PointPosition[] = [];
  /** Per row: how many points its history has (0: none). */
  readonly lengths: Int32Array;

  constructor(readonly count: number) {
    this.lengths = new Int32Array(count);
  }

  /** Position j, made (with every position before it) when first asked for. */
  at(j: number): PointPosition {
    while (this.positions.length <= j) this.positions.push(new PointPosition(this.count));
    return this.positions[j]!;
  }

  /** Forgets row `row` (an account that is not kept, or is checked again). */
  clear(row: number): void {
    for (let j = 0; j < Math.min(this.lengths[row]!, this.positions.length); j++) this.positions[j]!.clear(row);
    this.lengths[row] = 0;
  }

  /** The labels of row `row`'s history, in its order. */
  labelsOf(row: number): string[] {
    const labels = new Array<string>(this.lengths[row]!);
    for (let j = 0; j < labels.length; j++) labels[j] = this.positions[j]!.labels[row]!;
    return labels;
  }
}

/** The point columns of accounts that did not come through the checker (read from their objects). */
export function readPointColumns(accounts: readonly Account[]): PointColumns {
  const points = new PointColumns(accounts.length);
  for (let row = 0; row < accounts.length; row++) {
    const history = accounts[row]!.history;
    if (!Array.isArray(history)) continue;
    points.lengths[row] = history.length;
    history.forEach((point, j) => {
      const position = points.at(j);
      position.labels[row] = point.period;
      POINT_FIGURES.forEach((name, f) => (position.arrays[f]![row] = name === 'revenue' ? revenueOrZero(point.revenue) : finiteOrNaN(point[name])));
      position.code('givenTier')[row] = tierIndexOf(point.tier);
      position.code('expanded')[row] = flagCode(point.expanded);
      position.code('referenceable')[row] = flagCode(point.referenceable);
    });
  }
  return points;
}
