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
 * - Each period is read in one pass over its points, every field at once (finding a point's fields is
 *   the slow part, not reading several of them), and only when an analysis first asks for it.
 */
import type { Account, HistoryPoint } from '../feed/schema.js';
import { emptyColumns, finiteOrNaN, flagCode, revenueOrZero, tierIndexOf, type AccountColumns } from '../feed/columns.js';
import { NO_POINT, PREVIOUS_REVENUE_ONLY, type FeedHistory } from '../feed/history.js';

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
    private readonly accounts: readonly Account[],
    /** The current period's columns (their `previousRevenue` is the previous period's revenue). */
    private readonly current: AccountColumns,
    private readonly history: FeedHistory,
  ) {}

  /** How many past periods there are. */
  get count(): number {
    return this.history.periods.length;
  }

  /** Per account, its revenue in past period p; NaN when it has no figures for p. */
  revenueAt(p: number): Float64Array {
    let revenue = this.revenues.get(p);
    if (revenue) return revenue;
    const points = this.history.pointAt[p]!;
    revenue = new Float64Array(this.accounts.length).fill(NaN);
    if (p === this.count - 1) {
      // The previous period's revenue is the current period's previousRevenue (filled from the history).
      for (let i = 0; i < revenue.length; i++) if (points[i] !== NO_POINT) revenue[i] = this.current.previousRevenue[i]!;
    } else {
      for (let i = 0; i < revenue.length; i++) {
        const k = points[i]!;
        if (k >= 0) revenue[i] = revenueOrZero(this.accounts[i]!.history![k]!.revenue);
      }
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
    const columns = emptyColumns(count);
    const before = p > 0 ? this.revenueAt(p - 1) : undefined;
    const last = p === this.count - 1;
    for (let i = 0, m = 0; i < points.length; i++) {
      const k = points[i]!;
      if (k === NO_POINT) continue;
      members[m] = i;
      if (before) columns.previousRevenue[m] = before[i]!;
      if (k === PREVIOUS_REVENUE_ONLY) columns.revenue[m] = this.current.previousRevenue[i]!;
      else readPoint(this.accounts[i]!.history![k]!, columns, m, last ? this.current.previousRevenue[i]! : undefined);
      m++;
    }
    return { members, columns };
  }
}

/** One point's figures into row m (`revenue`, when given, is the period's revenue as the feed settled it). */
function readPoint(point: HistoryPoint, columns: AccountColumns, m: number, revenue: number | undefined): void {
  columns.revenue[m] = revenue ?? revenueOrZero(point.revenue);
  columns.profit[m] = finiteOrNaN(point.profit);
  columns.potential[m] = finiteOrNaN(point.potential);
  columns.effort[m] = finiteOrNaN(point.effort);
  columns.impact[m] = finiteOrNaN(point.impact);
  columns.nps[m] = finiteOrNaN(point.nps);
  columns.csat[m] = finiteOrNaN(point.csat);
  columns.clv[m] = finiteOrNaN(point.clv);
  columns.givenTier[m] = tierIndexOf(point.tier);
  columns.expanded[m] = flagCode(point.expanded);
  columns.referenceable[m] = flagCode(point.referenceable);
}
