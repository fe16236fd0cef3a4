/**
 * Pareto (ABC / 80-20) analysis of revenue: the one ranking of accounts in the kit, and the shares read
 * from it.
 *
 * Decisions:
 * - Order: revenue descending; ties by `name`, then `id`, by plain UTF-16 code-unit comparison (no
 *   locale: deterministic on every machine and fast). Revenue that is not a finite number >= 0 counts as 0.
 * - "Vital few": the smallest number of top accounts whose cumulative revenue share reaches the cutoff.
 *   A cumulative share within 1e-9 of the cutoff counts as reaching it (0.7999999999 reaches 0.8).
 * - Top 20%: the first ceil(n / 5) accounts (at least one account when n > 0). `n / 5` is used instead
 *   of `0.2 * n`, which is not exact in floating point (0.2 * 15 = 3.0000000000000004 would give 4).
 * - Degenerate feeds: no accounts -> `degenerate: 'empty'`; total revenue 0 -> `'zero-revenue'`.
 *   In both cases every share is 0 and the vital few is empty (nothing to divide by).
 * - Two results, both plain data: the shares (`paretoShares`: revenue in rank order, cumulative share,
 *   vital few, top 20%), which do not depend on which of two accounts of equal revenue comes first, and
 *   the ranking (`pareto`: the shares and the accounts in rank order). A chart of 100,000 accounts in rank
 *   buckets paints from the shares; ordering the accounts of equal revenue by name costs more than all the
 *   rest at that size (29,000 of the 100,000-account sample share their revenue) and waits until a
 *   tooltip, a label or a table needs the accounts. Rows (one object per account) are made by
 *   `paretoRow`/`paretoRows` when a table or tooltip asks.
 * - Speed: revenue is sorted by its bits (revenue-order.ts), then only runs of equal revenue are sorted by
 *   name and id.
 * - Another measure (profit, CLV) is ranked the same way, from `measureValues`: an account whose value is
 *   negative or unknown counts as 0 there (it holds no share of the total); `belowZeroOf` lists the
 *   negative ones apart, so a chart can show them rather than hide them.
 */
import type { Account } from '../feed/schema.js';
import { columnsFor, type AccountColumns } from './columns.js';
import { EPSILON, compareCodeUnits } from './numbers.js';
import { revenueOrder } from './revenue-order.js';
import type { Measure } from './roi.js';

export const DEFAULT_PARETO_CUTOFF = 0.8;

export interface ParetoOptions {
  /** Share of total revenue the vital few must reach, in (0, 1]. Default 0.8. */
  cutoff?: number;
  /** The accounts' columns when the caller has them (see columns.ts); read from the accounts otherwise. */
  columns?: AccountColumns;
}

export interface ParetoRow {
  account: Account;
  /** Position of the account in the input array. */
  index: number;
  /** 1-based rank by revenue. */
  rank: number;
  revenue: number;
  /** Share of total revenue (0 when total revenue is 0). */
  share: number;
  /** Share of total revenue held by this account and every account ranked above it. */
  cumulativeShare: number;
  /** True when the account is one of the vital few. */
  vital: boolean;
}

export type ParetoDegenerate = 'empty' | 'zero-revenue';

/** The shares of revenue along the ranking: what does not depend on which of two accounts of equal revenue comes first. */
export interface ParetoShares {
  /** Revenue in rank order (descending). */
  revenue: Float64Array;
  /** Cumulative revenue share in rank order; ends at exactly 1 when total revenue > 0. */
  cumulative: Float64Array;
  /** Number of accounts. */
  count: number;
  /** Total revenue. */
  total: number;
  cutoff: number;
  /** Number of accounts in the vital few (0 for degenerate feeds). */
  vitalFew: number;
  /** vitalFew / count (0 when empty). */
  vitalFewShare: number;
  /** Cumulative revenue share the vital few actually reach (>= cutoff up to float error). */
  vitalFewRevenueShare: number;
  /** ceil(count / 5): the number of accounts in the top 20%. */
  top20Count: number;
  /** Share of revenue held by the top 20% of accounts. */
  top20Share: number;
  degenerate: ParetoDegenerate | undefined;
}

/** The ranking: the shares, and which account holds each rank. */
export interface ParetoResult extends ParetoShares {
  /** The accounts ranked (the input array). */
  accounts: readonly Account[];
  /** `order[r]` = input index of the account at rank r + 1. */
  order: Uint32Array;
  /** `rankOf[i]` = 1-based rank of the account at input index i. */
  rankOf: Uint32Array;
}

/** Throws a RangeError unless 0 < cutoff <= 1. */
export function validateCutoff(cutoff: number): void {
  if (typeof cutoff !== 'number' || !(cutoff > 0 && cutoff <= 1)) {
    throw new RangeError(`cutoff must be a number in (0, 1], got ${String(cutoff)}`);
  }
}

/**
 * Orders order[start..end) (accounts of equal revenue) by name, then id. Short runs (the common case: two
 * or three accounts of the same whole-unit revenue) are insertion-sorted in place, allocating nothing; a
 * long run (the accounts at revenue 0) first reads each name and id once.
 */
function sortTies(accounts: readonly Account[], order: Uint32Array, start: number, end: number): void {
  const nameOf = (i: number) => String(accounts[i]!.name ?? '');
  const idOf = (i: number) => String(accounts[i]!.id ?? '');
  const len = end - start;
  if (len <= 16) {
    const tie = (a: number, b: number) => compareCodeUnits(nameOf(a), nameOf(b)) || compareCodeUnits(idOf(a), idOf(b));
    for (let j = start + 1; j < end; j++) {
      const x = order[j]!;
      let k = j - 1;
      while (k >= start && tie(order[k]!, x) > 0) {
        order[k + 1] = order[k]!;
        k--;
      }
      order[k + 1] = x;
    }
    return;
  }
  const run = order.slice(start, end);
  const names = Array.from(run, nameOf);
  const ids = Array.from(run, idOf);
  const at = Array.from(run, (_, k) => k);
  at.sort((a, b) => compareCodeUnits(names[a]!, names[b]!) || compareCodeUnits(ids[a]!, ids[b]!));
  for (let k = 0; k < len; k++) order[start + k] = run[at[k]!]!;
}

/**
 * Input indices of the accounts in rank order: revenue descending (`revenue[i]` of account i, finite and
 * >= 0), ties by name, then id. The one ranking of the kit (another measure's values, from
 * `measureValues`, are ranked the same way).
 */
export function rankByRevenue(accounts: readonly Account[], revenue: Float64Array): Uint32Array {
  const order = revenueOrder(revenue);
  const n = order.length;
  let start = 0;
  for (let r = 1; r <= n; r++) {
    if (r < n && revenue[order[r]!] === revenue[order[start]!]) continue;
    if (r - start > 1) sortTies(accounts, order, start, r);
    start = r;
  }
  return order;
}

/**
 * What the ranking by `measure` ranks, per account: revenue as it is (already >= 0), profit or CLV with a
 * negative or unknown value as 0.
 */
export function measureValues(columns: AccountColumns, measure: Measure): Float64Array {
  if (measure === 'revenue') return columns.revenue;
  const from = columns[measure];
  const out = new Float64Array(from.length);
  for (let i = 0; i < out.length; i++) {
    const v = from[i]!;
    out[i] = v > 0 ? v : 0; // NaN > 0 is false
  }
  return out;
}

/**
 * Input indices of the accounts whose `measure` is below zero, most negative first (ties by name, then
 * id). Revenue and CLV are never negative in a valid feed, so only profit lists any.
 */
export function belowZeroOf(accounts: readonly Account[], columns: AccountColumns, measure: Measure): Uint32Array {
  if (measure === 'revenue') return new Uint32Array(0);
  const values = columns[measure];
  const below: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i]! < 0) below.push(i);
  const name = (i: number) => String(accounts[i]!.name ?? '');
  const id = (i: number) => String(accounts[i]!.id ?? '');
  below.sort((a, b) => values[a]! - values[b]! || compareCodeUnits(name(a), name(b)) || compareCodeUnits(id(a), id(b)));
  return Uint32Array.from(below);
}

/** The number of top accounts whose cumulative share reaches `cutoff` (0 for a degenerate ranking). */
export function vitalFewAt(cumulative: Float64Array, total: number, cutoff: number): number {
  if (total === 0) return 0;
  const reach = cutoff - EPSILON;
  for (let r = 0; r < cumulative.length; r++) if (cumulative[r]! >= reach) return r + 1;
  return cumulative.length;
}

/** The shares of revenue given in rank order (descending). */
function sharesOf(revenue: Float64Array, cutoff: number): ParetoShares {
  const n = revenue.length;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    total += revenue[r]!;
    cumulative[r] = total; // running sum for now; divided by the total below
  }
  // The total is the running sum in rank order, so the last cumulative share is exactly total / total = 1.
  const degenerate: ParetoDegenerate | undefined = n === 0 ? 'empty' : total === 0 ? 'zero-revenue' : undefined;
  if (degenerate) cumulative.fill(0);
  else for (let r = 0; r < n; r++) cumulative[r] = cumulative[r]! / total;
  const vitalFew = vitalFewAt(cumulative, total, cutoff);
  const top20Count = Math.ceil(n / 5);
  return {
    revenue,
    cumulative,
    count: n,
    total,
    cutoff,
    vitalFew,
    vitalFewShare: n === 0 ? 0 : vitalFew / n,
    vitalFewRevenueShare: vitalFew === 0 ? 0 : cumulative[vitalFew - 1]!,
    top20Count,
    top20Share: top20Count === 0 ? 0 : cumulative[top20Count - 1]!,
    degenerate,
  };
}

/** Each account's revenue, in the order `order` lists the accounts. */
function inOrder(revenue: Float64Array, order: Uint32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let r = 0; r < order.length; r++) out[r] = revenue[order[r]!]!;
  return out;
}

/** The Pareto shares of a revenue column (`revenueOf` of each account): revenue sorted, without ranking the accounts. */
export function paretoShares(revenue: Float64Array, cutoff: number = DEFAULT_PARETO_CUTOFF): ParetoShares {
  validateCutoff(cutoff);
  return sharesOf(inOrder(revenue, revenueOrder(revenue)), cutoff);
}

/**
 * The ranking of accounts already in rank order: `order` lists input indices in rank order and
 * `revenueByInput[i]` is account i's revenue. A filtered view of a portfolio keeps the portfolio's order
 * and gets its shares from here, without ranking again.
 */
export function paretoOf(accounts: readonly Account[], order: Uint32Array, revenueByInput: Float64Array, cutoff: number = DEFAULT_PARETO_CUTOFF): ParetoResult {
  validateCutoff(cutoff);
  const rankOf = new Uint32Array(order.length);
  for (let r = 0; r < order.length; r++) rankOf[order[r]!] = r + 1;
  return { ...sharesOf(inOrder(revenueByInput, order), cutoff), accounts, order, rankOf };
}

/** The same shares (or ranking) read at another cutoff: only the vital few change. */
export function atCutoff<T extends ParetoShares>(result: T, cutoff: number): T {
  if (cutoff === result.cutoff) return result;
  validateCutoff(cutoff);
  const vitalFew = vitalFewAt(result.cumulative, result.total, cutoff);
  return {
    ...result,
    cutoff,
    vitalFew,
    vitalFewShare: result.count === 0 ? 0 : vitalFew / result.count,
    vitalFewRevenueShare: vitalFew === 0 ? 0 : result.cumulative[vitalFew - 1]!,
  };
}

export function pareto(accounts: readonly Account[], options: ParetoOptions = {}): ParetoResult {
  const cutoff = options.cutoff ?? DEFAULT_PARETO_CUTOFF;
  validateCutoff(cutoff);
  const revenue = columnsFor(accounts, options.columns).revenue;
  return paretoOf(accounts, rankByRevenue(accounts, revenue), revenue, cutoff);
}

/**
 * Which accounts are the vital few of `shares` (1 at their input index), without ranking every account:
 * all accounts above the revenue of the last vital rank, and of those with exactly that revenue the first
 * by name, then id, as many as the vital few still needs (as `pareto` ranks them).
 */
export function vitalFewMembers(accounts: readonly Account[], revenue: Float64Array, shares: ParetoShares): Uint8Array {
  const vital = new Uint8Array(revenue.length);
  const k = shares.vitalFew;
  if (k === 0) return vital;
  const boundary = shares.revenue[k - 1]!;
  let above = 0;
  while (shares.revenue[above]! > boundary) above++;
  const tied: number[] = [];
  for (let i = 0; i < revenue.length; i++) {
    const v = revenue[i]!;
    if (v > boundary) vital[i] = 1;
    else if (v === boundary) tied.push(i);
  }
  const ties = Uint32Array.from(tied);
  if (ties.length > k - above) sortTies(accounts, ties, 0, ties.length);
  for (let t = 0; t < k - above; t++) vital[ties[t]!] = 1;
  return vital;
}

/** The row at a 1-based rank; undefined outside 1..count. */
export function paretoRow(result: ParetoResult, rank: number): ParetoRow | undefined {
  if (!(Number.isInteger(rank) && rank >= 1 && rank <= result.count)) return undefined;
  const r = rank - 1;
  const index = result.order[r]!;
  const revenue = result.revenue[r]!;
  return {
    account: result.accounts[index]!,
    index,
    rank,
    revenue,
    share: result.total === 0 ? 0 : revenue / result.total,
    cumulativeShare: result.cumulative[r]!,
    vital: r < result.vitalFew,
  };
}

/** One row per account, in rank order. */
export function paretoRows(result: ParetoResult): ParetoRow[] {
  return Array.from({ length: result.count }, (_, r) => paretoRow(result, r + 1)!);
}
