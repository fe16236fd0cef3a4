/**
 * From a Pareto analysis to the bars the chart draws: one bar per account while they fit, rank buckets
 * when there are more accounts than room for bars, and an "Others" bar for `top="N"`. Pure (no DOM), so
 * the bucketing is tested in Node. Buckets never straddle the vital-few boundary, so the vital few stay
 * exactly set apart, and the bars' revenue always sums to the total.
 */
import type { ParetoShares } from '../../analysis/pareto.js';

export interface ParetoBar {
  /** 1-based rank of the first and last account in the bar. */
  firstRank: number;
  lastRank: number;
  /** Number of accounts in the bar. */
  count: number;
  /** Sum of the accounts' revenue. */
  revenue: number;
  /** Share of total revenue held by the bar's accounts. */
  share: number;
  /** Cumulative share of revenue at the bar's last account. */
  cumulativeShare: number;
  /** True when every account in the bar is one of the vital few. */
  vital: boolean;
  /** The "Others (M accounts)" bar of `top="N"`. */
  others: boolean;
}

export interface ParetoBarsOptions {
  /** The most bars there is room for (at least 1). */
  maxBars: number;
  /** Show only the top N accounts and one bar for the rest. */
  top?: number;
}

/** Bars for ranks [from, to] (1-based, inclusive) in at most `slots` bars of consecutive ranks. */
function bucket(result: ParetoShares, from: number, to: number, slots: number, vital: boolean, bars: ParetoBar[]): void {
  const n = to - from + 1;
  if (n <= 0) return;
  const size = Math.ceil(n / Math.max(1, slots));
  for (let first = from; first <= to; first += size) {
    const last = Math.min(to, first + size - 1);
    let revenue = 0;
    for (let r = first; r <= last; r++) revenue += result.revenue[r - 1]!;
    bars.push({
      firstRank: first,
      lastRank: last,
      count: last - first + 1,
      revenue,
      share: result.total > 0 ? revenue / result.total : 0,
      cumulativeShare: result.cumulative[last - 1] ?? 0,
      vital,
      others: false,
    });
  }
}

export function paretoBars(result: ParetoShares, options: ParetoBarsOptions): ParetoBar[] {
  const count = result.count;
  const top = options.top !== undefined && options.top >= 1 && options.top < count ? Math.floor(options.top) : undefined;
  const shown = top ?? count;
  const slots = Math.max(1, Math.floor(options.maxBars) - (top !== undefined ? 1 : 0));
  const bars: ParetoBar[] = [];
  const vitalShown = Math.min(result.vitalFew, shown);
  if (shown <= slots) {
    bucket(result, 1, shown, shown, false, bars);
    for (const bar of bars) bar.vital = bar.lastRank <= vitalShown;
  } else {
    // Share the slots between the vital few and the rest in proportion to their accounts (at least one each).
    const vitalSlots = vitalShown === 0 ? 0 : Math.min(slots - 1, Math.max(1, Math.round((slots * vitalShown) / shown)));
    bucket(result, 1, vitalShown, vitalSlots, true, bars);
    bucket(result, vitalShown + 1, shown, slots - vitalSlots, false, bars);
  }
  if (top !== undefined) {
    let revenue = 0;
    for (let r = top + 1; r <= count; r++) revenue += result.revenue[r - 1]!;
    bars.push({
      firstRank: top + 1,
      lastRank: count,
      count: count - top,
      revenue,
      share: result.total > 0 ? revenue / result.total : 0,
      cumulativeShare: result.cumulative[count - 1] ?? 0,
      vital: false,
      others: true,
    });
  }
  return bars;
}

/** Where the cumulative curve (through the bars' right edges, from 0) reaches `cutoff`: the fractional bar position. */
export function cutoffCrossing(bars: readonly ParetoBar[], cutoff: number): number | undefined {
  let previous = 0;
  for (let i = 0; i < bars.length; i++) {
    const current = bars[i]!.cumulativeShare;
    if (current >= cutoff - 1e-9) {
      const t = current === previous ? 1 : (cutoff - previous) / (current - previous);
      return i + Math.min(1, Math.max(0, t));
    }
    previous = current;
  }
  return undefined;
}

/** The bar that holds a 1-based rank (bars are in rank order), or -1. */
export function barOfRank(bars: readonly ParetoBar[], rank: number): number {
  let [low, high] = [0, bars.length - 1];
  while (low <= high) {
    const mid = (low + high) >> 1;
    const bar = bars[mid]!;
    if (rank < bar.firstRank) high = mid - 1;
    else if (rank > bar.lastRank) low = mid + 1;
    else return mid;
  }
  return -1;
}
