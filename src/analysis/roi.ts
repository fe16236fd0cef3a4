/**
 * Key-account ROI: what serving an account costs and what it returns. (Stub: the names the widgets code
 * against; the definitions are being written.)
 *
 * ROI of an account = profit / cost to serve. The cost to serve is the account's `costToServe`, else its
 * `effort` times the portfolio's `costPerEffort`, else unknown.
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

/** Cost to serve and ROI of every account, per tier (`tierIndex`) and over all. */
export function roiOf(columns: AccountColumns, tierIndex: Uint8Array, costPerEffort?: number): RoiResult {
  const n = columns.count;
  const cost = new Float64Array(n).fill(NaN);
  const roi = new Float64Array(n).fill(NaN);
  void costPerEffort;
  const none = (accounts: number): TierRoi => ({ accounts, costAccounts: 0, cost: null, profit: null, roi: null });
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < tierIndex.length; i++) counts[tierIndex[i]!]!++;
  return { cost, roi, tiers: counts.map(none), total: none(n), source: null };
}
