/**
 * The figures of one past period, read from the accounts' history points as columns: the accounts that
 * have figures for the period (a point, or `previousRevenue` for the previous period) and, per account,
 * every per-period field. A period's portfolio (periods.ts) is analysed from these with the same rules as
 * the current one.
 *
 * Decisions:
 * - An account without a point for a period is not in that period's figures (unknown, not 0).
 * - A period's `previousRevenue` column is the account's revenue in the period before it (NaN when it
 *   has none there), so growth, retention, churn and NRR of a period follow the same definitions as now.
 * - A period is read from the point columns the feed filled while it validated (point-columns.ts),
 *   typed arrays only, when an analysis first asks for it; its revenue alone (all a Pareto chart needs)
 *   when only that is asked for.
 */
import { CODES, NO_TIER, type AccountColumns, type Code } from '../feed/columns.js';
import { NO_POINT, type FeedHistory } from '../feed/history.js';
import type { PointFigure } from '../feed/point-columns.js';
import { lazyColumns } from './columns.js';

export interface PeriodFigures {
  /** The accounts with figures for the period: their indices in the accounts, ascending. */
  members: Uint32Array;
  /** Their figures for the period, in the order of `members`. */
  columns: AccountColumns;
}

/** Reads the past periods of one set of accounts, each when first asked for, and keeps them. */
export class PeriodReader {
  private readonly figures = new Map<number, PeriodFigures>();
  private readonly revenues = new Map<number, Float64Array>();

  constructor(
    /** The current period's columns (their `previousRevenue` is the previous period's revenue). */
    private readonly current: AccountColumns,
    private readonly history: FeedHistory,
  ) {}

  /** How many past periods there are. */
  get count(): number {
    return this.history.periods.length;
  }

  /** The row in the point columns of account i. */
  private row(i: number): number {
    return this.history.rowOf ? this.history.rowOf[i]! : i;
  }

  /** Per account, its revenue in past period p; NaN when it has no figures for p. */
  revenueAt(p: number): Float64Array {
    let revenue = this.revenues.get(p);
    if (revenue) return revenue;
    const points = this.history.pointAt[p]!;
    const positions = this.history.points.positions;
    revenue = new Float64Array(points.length).fill(NaN);
    // The previous period's revenue is the current period's previousRevenue (as the feed settled it).
    const last = p === this.count - 1;
    const byPosition = positions.map((position) => position.figure('revenue'));
    for (let i = 0; i < revenue.length; i++) {
      const k = points[i]!;
      if (k === NO_POINT) continue;
      revenue[i] = last ? this.current.previousRevenue[i]! : byPosition[k]![this.row(i)]!;
    }
    this.revenues.set(p, revenue);
    return revenue;
  }

  /** The accounts and figures of past period p (0 = the oldest). */
  at(p: number): PeriodFigures {
    let figures = this.figures.get(p);
    if (!figures) this.figures.set(p, (figures = this.read(p)));
    return figures;
  }

  private read(p: number): PeriodFigures {
    const points = this.history.pointAt[p]!;
    let count = 0;
    for (let i = 0; i < points.length; i++) if (points[i] !== NO_POINT) count++;
    const members = new Uint32Array(count);
    for (let i = 0, m = 0; i < points.length; i++) if (points[i] !== NO_POINT) members[m++] = i;
    const positions = this.history.points.positions;
    const rowOf = this.history.rowOf;
    // Each column is gathered when an analysis first reads it (a Pareto chart reads revenue alone).
    const columns = lazyColumns(count, (name) => {
      if (name === 'revenue' || name === 'previousRevenue') {
        const out = new Float64Array(count).fill(NaN);
        if (name === 'previousRevenue' && p === 0) return out as never;
        gatherByAccount(out, this.revenueAt(name === 'revenue' ? p : p - 1), members);
        return out as never;
      }
      if ((CODES as readonly string[]).includes(name)) {
        const out = new Uint8Array(count).fill(NO_TIER);
        gatherCode(out, positions.map((position) => position.code(name as Code)), members, points, rowOf);
        return out as never;
      }
      const out = new Float64Array(count).fill(NaN);
      gatherFigure(out, positions.map((position) => position.figure(name as PointFigure)), members, points, rowOf);
      return out as never;
    });
    return { members, columns };
  }
}

/*
 * The gathers are functions of their own with nothing but their loop, one per array type, so the engine
 * compiles each for one kind of element.
 */

/** out[m] = values[members[m]]. */
function gatherByAccount(out: Float64Array, values: Float64Array, members: Uint32Array): void {
  for (let m = 0; m < out.length; m++) out[m] = values[members[m]!]!;
}

/** out[m] = from[k][row] for member i = members[m] with a point k = points[i] >= 0 (row: its row in the point columns). */
function gatherFigure(out: Float64Array, from: readonly Float64Array[], members: Uint32Array, points: Int32Array, rowOf: Uint32Array | undefined): void {
  for (let m = 0; m < out.length; m++) {
    const i = members[m]!;
    const k = points[i]!;
    if (k >= 0) out[m] = from[k]![rowOf ? rowOf[i]! : i]!;
  }
}

/** The same for a code (tier, flag). */
function gatherCode(out: Uint8Array, from: readonly Uint8Array[], members: Uint32Array, points: Int32Array, rowOf: Uint32Array | undefined): void {
  for (let m = 0; m < out.length; m++) {
    const i = members[m]!;
    const k = points[i]!;
    if (k >= 0) out[m] = from[k]![rowOf ? rowOf[i]! : i]!;
  }
}
