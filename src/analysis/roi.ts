/**
 * Key-account ROI: what serving an account costs and what it returns.
 *
 * - Cost to serve of an account: its `costToServe`; else its `effort` × the portfolio's `costPerEffort`
 *   (when one is set); else unknown.
 * - ROI of an account = profit / cost to serve: 0.5 means every 1 spent on serving the account brought
 *   back 0.5 in profit (profit is already after the cost to serve). Unknown when profit or cost is unknown,
 *   or the cost is 0 (nothing to divide by: such an account costs nothing, so no return on it can be said).
 * - Per tier and over all: the costs and profits of the accounts that have both, and their ratio (the
 *   portfolio's ROI is total profit / total cost, not an average of ratios, so a large account weighs as
 *   much as it costs). Accounts with a cost but no profit count in `costAccounts`, not in the sums.
 *
 * Decisions: a cost per effort that is not a finite number >= 0 is ignored; `source` says where the known
 * costs came from, so a widget can say "from effort at 150 per unit".
 */
import type { AccountColumns } from '../feed/columns.js';

export const MEASURES = ['revenue', 'profit', 'clv'] as const;
/** What ranks accounts: the Pareto chart's bars, and the vital few of the MVC tier. */
export type Measure = (typeof MEASURES)[number];

/** Per account (input order): its cost to serve and its ROI; NaN when unknown. */
export interface RoiColumns {
  cost: Float64Array;
  roi: Float64Array;
}

/** Cost, profit and ROI over some accounts (a tier, or all). */
export interface TierRoi {
  accounts: number;
  /** How many of them have a known cost to serve. */
  costAccounts: number;
  /** Sum of the known costs; null when none is known. */
  cost: number | null;
  /** How many of them have both a known cost and a profit: what `profit`, `pairedCost` and `roi` are over. */
  pairs: number;
  /** Sum of the costs of the accounts with both; null when none. */
  pairedCost: number | null;
  /** Sum of profit over the accounts with a known cost and profit; null when none. */
  profit: number | null;
  /** profit / cost over the accounts with both; null when there are none or their cost is 0. */
  roi: number | null;
}

export interface RoiResult extends RoiColumns {
  /** MVC, MGC, STC, BZ. */
  tiers: TierRoi[];
  total: TierRoi;
  /** Where the costs came from. */
  source: 'costToServe' | 'effort' | 'mixed' | null;
}

/** Sums of one group of accounts, as they are added up. */
class RoiSums {
  accounts = 0;
  costAccounts = 0;
  cost = 0;
  /** Accounts with both a cost and a profit, and their sums. */
  paired = 0;
  pairedCost = 0;
  pairedProfit = 0;

  add(cost: number, profit: number): void {
    this.accounts++;
    if (cost !== cost) return;
    this.costAccounts++;
    this.cost += cost;
    if (profit !== profit) return;
    this.paired++;
    this.pairedCost += cost;
    this.pairedProfit += profit;
  }

  result(): TierRoi {
    return {
      accounts: this.accounts,
      costAccounts: this.costAccounts,
      cost: this.costAccounts > 0 ? this.cost : null,
      pairs: this.paired,
      pairedCost: this.paired > 0 ? this.pairedCost : null,
      profit: this.paired > 0 ? this.pairedProfit : null,
      roi: this.paired > 0 && this.pairedCost > 0 ? this.pairedProfit / this.pairedCost : null,
    };
  }
}

/** The cost per effort as the sums use it: NaN unless a finite number >= 0. */
const usablePerEffort = (costPerEffort: number | undefined) =>
  typeof costPerEffort === 'number' && costPerEffort - costPerEffort === 0 && costPerEffort >= 0 ? costPerEffort : NaN;

/** Cost, profit and ROI over all the accounts of `columns` (a period's portfolio ROI, for the KPI). */
export function totalRoi(columns: AccountColumns, costPerEffort?: number): TierRoi {
  const { costToServe, effort, profit } = columns;
  const perEffort = usablePerEffort(costPerEffort);
  const total = new RoiSums();
  for (let i = 0; i < columns.count; i++) {
    const own = costToServe[i]!;
    total.add(own === own ? own : effort[i]! * perEffort, profit[i]!);
  }
  return total.result();
}

/** Cost to serve and ROI of every account, per tier (`tierIndex`, an index into MVC, MGC, STC, BZ) and over all. */
export function roiOf(columns: AccountColumns, tierIndex: Uint8Array, costPerEffort?: number): RoiResult {
  const n = columns.count;
  const { costToServe, effort, profit } = columns;
  const perEffort = usablePerEffort(costPerEffort);
  const cost = new Float64Array(n);
  const roi = new Float64Array(n);
  const tiers = [new RoiSums(), new RoiSums(), new RoiSums(), new RoiSums()];
  const total = new RoiSums();
  let fromCost = 0;
  let fromEffort = 0;
  for (let i = 0; i < n; i++) {
    const own = costToServe[i]!;
    const c = own === own ? own : effort[i]! * perEffort; // NaN without effort or a cost per effort
    if (own === own) fromCost++;
    else if (c === c) fromEffort++;
    const p = profit[i]!;
    cost[i] = c;
    roi[i] = c > 0 ? p / c : NaN; // NaN profit gives NaN
    tiers[tierIndex[i]!]!.add(c, p);
    total.add(c, p);
  }
  const source = fromCost > 0 && fromEffort > 0 ? 'mixed' : fromCost > 0 ? 'costToServe' : fromEffort > 0 ? 'effort' : null;
  return { cost, roi, tiers: tiers.map((sums) => sums.result()), total: total.result(), source };
}
