/**
 * The Pareto vital few as a set: which accounts `pareto()` ranks among its first `vitalFew`, without
 * ranking them all. The tier rule only asks "is this account in the vital few?"; rank and cumulative share
 * are only wanted for an MVC's reason text, so `assignTiers` calls this and runs `pareto()` only when
 * such a reason is asked for.
 *
 * How: a weighted selection finds the revenue v of the last vital account: the accounts above v reach
 * less than the cutoff, those with v included reach it. Revenue is first counted and summed per bucket
 * of its top bits (which order like the values), which tells the bucket holding v, then a quickselect
 * with three-way partitions runs among that bucket's accounts only: linear time, about 1 ms for 100,000
 * accounts. All accounts above v are vital; of those with revenue exactly v, the first ones by name, then
 * id (pareto's tie order) are, as many as the cutoff needs. Only those ties are sorted.
 *
 * Same result as pareto(), float rounding included:
 * - pareto compares the running sum in rank order, divided by the total, with cutoff − 1e-9. When every
 *   revenue is a whole number and the total is at most 2^53, every such sum is exact whatever the order
 *   of the additions, so the selection's sums are pareto's to the bit.
 * - Otherwise sums in another order can differ in their last bits. Each share is then within (2n + 4)
 *   units of roundoff of the true one, for pareto's order and this one alike, so the two differ by at
 *   most (4n + 8) units; the answer is taken only when the shares at the boundary are more than twice
 *   that, (8n + 16) units, away from the cutoff, which proves pareto gives the same. Else (a feed whose
 *   cumulative share lands within about 1e-10 of the cutoff at 100,000 accounts) pareto decides.
 */
import type { Account } from '../feed/schema.js';
import { columnsFor, type AccountColumns } from './columns.js';
import { EPSILON, compareCodeUnits } from './numbers.js';
import { DEFAULT_PARETO_CUTOFF, pareto, validateCutoff } from './pareto.js';

export interface VitalFewOptions {
  /** Share of total revenue the vital few must reach, in (0, 1]. Default 0.8. */
  cutoff?: number;
  /** The accounts' columns when the caller shares them (see columns.ts). */
  columns?: AccountColumns;
}

export interface VitalFew {
  /** Number of accounts in the vital few: `pareto(accounts, { cutoff }).vitalFew`. */
  count: number;
  /** Per account (input order): 1 when it is in the vital few. */
  vital: Uint8Array;
}

/** Unit roundoff of doubles. */
const ROUNDOFF = 2 ** -53;

/** Where the vital few ends: the revenue v of its last account, the accounts above v and their sum, and how many accounts have v. */
interface Boundary {
  value: number;
  above: number;
  aboveSum: number;
  ties: number;
  /**
   * When known: the only accounts whose membership is still open (input order), all others above v
   * already marked vital; otherwise every account is compared with v.
   */
  candidates?: Uint32Array;
}

/**
 * The boundary by weighted quickselect among `values` (reordered), all of them below accounts that
 * number `above` and sum to `aboveSum`. Invariant: the accounts ranked before the current range reach
 * less than the cutoff (`reach`). Undefined when the sums do not agree (possible only when inexact).
 */
function selectBoundary(values: Float64Array, total: number, reach: number, above: number, aboveSum: number): Boundary | undefined {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const a = values[lo]!;
    const b = values[(lo + hi) >> 1]!;
    const c = values[hi - 1]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // Three-way partition: [lo, gt) above the pivot, [gt, lt) equal to it, [lt, hi) below.
    let gt = lo;
    let lt = hi;
    let i = lo;
    let greaterSum = 0;
    while (i < lt) {
      const x = values[i]!;
      if (x > pivot) {
        values[i] = values[gt]!;
        values[gt++] = x;
        greaterSum += x;
        i++;
      } else if (x < pivot) {
        values[i] = values[--lt]!;
        values[lt] = x;
      } else i++;
    }
    const greater = aboveSum + greaterSum;
    if (greater / total >= reach) {
      hi = gt; // the vital few ends above the pivot
      continue;
    }
    const withTies = greater + (lt - gt) * pivot;
    if (withTies / total >= reach) return { value: pivot, above: above + (gt - lo), aboveSum: greater, ties: lt - gt };
    above += lt - lo;
    aboveSum = withTies;
    lo = lt;
  }
  return undefined;
}

/** Columns longer than this find the boundary's bucket first (see `bucketBoundary`). */
const BUCKETED = 4096;
/** Revenue is >= 0, so the top 16 bits of its high word (sign bit 0) name one of 32,768 buckets in value order. */
const BUCKETS = 32768;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Total revenue, whether every revenue is a whole number, and for long columns the count and sum per bucket. */
interface Totals {
  total: number;
  whole: boolean;
  buckets?: { counts: Uint32Array; sums: Float64Array };
}

/*
 * The passes over all accounts are small functions of their own, each only its loop: the engine compiles
 * such a function on its first long loop and keeps the code, where a loop inside a longer function is
 * compiled before the code after it ever ran and thrown away on leaving the loop.
 */

/** The total revenue and whether every revenue is a whole number. */
function plainTotals(revenue: Float64Array): Totals {
  let total = 0;
  let whole = true;
  for (let i = 0; i < revenue.length; i++) {
    const v = revenue[i]!;
    total += v;
    if (v !== Math.floor(v)) whole = false;
  }
  return { total, whole };
}

/** As `plainTotals`, also counting and summing the revenue per bucket of its top bits. */
function bucketTotals(revenue: Float64Array, words: Uint32Array, high: number, counts: Uint32Array, sums: Float64Array): Totals {
  let total = 0;
  let whole = true;
  for (let i = 0; i < revenue.length; i++) {
    const v = revenue[i]!;
    total += v;
    if (v !== Math.floor(v)) whole = false;
    const bucket = words[2 * i + high]! >>> 16;
    counts[bucket]!++;
    sums[bucket]! += v;
  }
  return { total, whole, buckets: { counts, sums } };
}

/** One pass over the revenue: its total, and (long columns) the counts and sums per bucket of its top bits. */
function totalsOf(revenue: Float64Array): Totals {
  const n = revenue.length;
  if (n <= BUCKETED) return plainTotals(revenue);
  const words = new Uint32Array(revenue.buffer, revenue.byteOffset, n * 2);
  return bucketTotals(revenue, words, LITTLE_ENDIAN ? 1 : 0, new Uint32Array(BUCKETS), new Float64Array(BUCKETS));
}

/**
 * The accounts in `bucket`: their revenue into `members` and input index into `indexes`; the accounts
 * in buckets above it (all of them in the vital few) marked in `vital`.
 */
function gatherBucket(revenue: Float64Array, words: Uint32Array, high: number, bucket: number, members: Float64Array, indexes: Uint32Array, vital: Uint8Array): void {
  let m = 0;
  for (let i = 0; i < revenue.length; i++) {
    const key = words[2 * i + high]! >>> 16;
    vital[i] = key > bucket ? 1 : 0;
    if (key === bucket) {
      members[m] = revenue[i]!;
      indexes[m++] = i;
    }
  }
}

/**
 * The boundary of a long column from its bucket counts and sums: the bucket where the running share from
 * the top reaches the cutoff, then the selection among that bucket's accounts only. Marks the accounts of
 * the buckets above in `vital`; the boundary's `candidates` are the accounts of its bucket.
 */
function bucketBoundary(revenue: Float64Array, { counts, sums }: NonNullable<Totals['buckets']>, total: number, reach: number, vital: Uint8Array): Boundary | undefined {
  let above = 0;
  let aboveSum = 0;
  let bucket = BUCKETS - 1;
  for (; bucket >= 0; bucket--) {
    if (counts[bucket] === 0) continue;
    const withBucket = aboveSum + sums[bucket]!;
    if (withBucket / total >= reach) break;
    above += counts[bucket]!;
    aboveSum = withBucket;
  }
  if (bucket < 0) return undefined;
  const members = new Float64Array(counts[bucket]!);
  const candidates = new Uint32Array(members.length);
  gatherBucket(revenue, new Uint32Array(revenue.buffer, revenue.byteOffset, revenue.length * 2), LITTLE_ENDIAN ? 1 : 0, bucket, members, candidates, vital);
  const boundary = selectBoundary(members, total, reach, above, aboveSum);
  return boundary && { ...boundary, candidates };
}

/**
 * Marks the accounts above `value` vital and lists those equal to it in `tied` (input order): among the
 * `candidates` when given (the others are decided), else among all accounts.
 */
function markAbove(revenue: Float64Array, candidates: Uint32Array | undefined, value: number, vital: Uint8Array, tied: Uint32Array): void {
  let t = 0;
  if (candidates) {
    for (let c = 0; c < candidates.length; c++) {
      const i = candidates[c]!;
      const v = revenue[i]!;
      if (v > value) vital[i] = 1;
      else if (v === value) tied[t++] = i;
    }
    return;
  }
  for (let i = 0; i < revenue.length; i++) {
    const v = revenue[i]!;
    if (v > value) vital[i] = 1;
    else if (v === value) tied[t++] = i;
  }
}

/** The boundary when the cutoff is at most 1e-9: the first account alone reaches it. */
function firstRank(revenue: Float64Array): Boundary {
  let value = 0;
  let ties = 0;
  for (let i = 0; i < revenue.length; i++) {
    const v = revenue[i]!;
    if (v > value) {
      value = v;
      ties = 1;
    } else if (v === value) ties++;
  }
  return { value, above: 0, aboveSum: 0, ties };
}

/** The vital few of `accounts` at `cutoff`, as pareto() has it (see the module comment). */
export function findVitalFew(accounts: readonly Account[], options: VitalFewOptions = {}): VitalFew {
  const cutoff = options.cutoff ?? DEFAULT_PARETO_CUTOFF;
  validateCutoff(cutoff);
  const columns = columnsFor(accounts, options.columns);
  const n = accounts.length;
  const revenue = columns.revenue;
  const vital = new Uint8Array(n);
  const totals = totalsOf(revenue);
  const { total, whole } = totals;
  if (n === 0 || total === 0) return { count: 0, vital }; // pareto's degenerate feeds: no vital few

  const exact = whole && total <= Number.MAX_SAFE_INTEGER;
  const margin = exact ? 0 : (8 * n + 16) * ROUNDOFF;
  const reach = cutoff - EPSILON;
  const boundary =
    reach <= 0 ? firstRank(revenue) : totals.buckets ? bucketBoundary(revenue, totals.buckets, total, reach, vital) : selectBoundary(revenue.slice(), total, reach, 0, 0);
  const fallback = (): VitalFew => {
    const p = pareto(accounts, { cutoff, columns });
    vital.fill(0);
    for (let r = 0; r < p.vitalFew; r++) vital[p.order[r]!] = 1;
    return { count: p.vitalFew, vital };
  };
  if (!boundary) return fallback();

  // How many of the ties the cutoff needs: the first j whose cumulative share reaches it.
  const { value, above, aboveSum, ties } = boundary;
  let needed = 1;
  while (needed < ties && (aboveSum + needed * value) / total < reach) needed++;
  if (margin > 0) {
    const last = (aboveSum + needed * value) / total;
    const before = needed > 1 ? (aboveSum + (needed - 1) * value) / total : above > 0 ? aboveSum / total : -Infinity;
    if (!(last >= reach + margin && before < reach - margin)) return fallback();
  }

  const tied = new Uint32Array(ties);
  markAbove(revenue, boundary.candidates, value, vital, tied);
  if (needed < ties) {
    // pareto's tie order: name, then id (code units), then input order.
    const nameOf = (i: number) => String(accounts[i]!.name ?? '');
    const idOf = (i: number) => String(accounts[i]!.id ?? '');
    tied.sort((a, b) => compareCodeUnits(nameOf(a), nameOf(b)) || compareCodeUnits(idOf(a), idOf(b)) || a - b);
  }
  for (let k = 0; k < needed; k++) vital[tied[k]!] = 1;
  return { count: above + needed, vital };
}

/**
 * One account's Pareto rank and cumulative share, as `pareto(accounts).rows` have them, from one pass
 * over the revenue instead of ranking every account: the accounts ranked before it are those with more
 * revenue and those with the same revenue that come first by name, then id (then input order). For a
 * tooltip's reason. Undefined when the share could differ from pareto's in its last bits (not every
 * revenue a whole number, or a total above 2^53: see the module comment) or when total revenue is 0.
 */
export function paretoPosition(accounts: readonly Account[], index: number, columns?: AccountColumns): { rank: number; cumulativeShare: number } | undefined {
  const revenue = columnsFor(accounts, columns).revenue;
  const own = revenue[index]!;
  const nameOf = (i: number) => String(accounts[i]!.name ?? '');
  const idOf = (i: number) => String(accounts[i]!.id ?? '');
  const precedes = (i: number) => compareCodeUnits(nameOf(i), nameOf(index)) || compareCodeUnits(idOf(i), idOf(index)) || i - index;
  const { total, whole, above, aboveSum, tied } = positionTotals(revenue, own);
  if (!whole || total > Number.MAX_SAFE_INTEGER || total === 0) return undefined;
  let before = above;
  for (const i of tied) if (i !== index && precedes(i) < 0) before++;
  // Exact sums: the running sum at this rank is the revenue above it plus this revenue for each tie up to it.
  return { rank: before + 1, cumulativeShare: (aboveSum + (before - above + 1) * own) / total };
}

/** The pass of `paretoPosition`: total revenue, whether all of it is whole, and the accounts above and equal to `own`. */
function positionTotals(revenue: Float64Array, own: number): { total: number; whole: boolean; above: number; aboveSum: number; tied: number[] } {
  let total = 0;
  let whole = true;
  let above = 0;
  let aboveSum = 0;
  const tied: number[] = [];
  for (let i = 0; i < revenue.length; i++) {
    const v = revenue[i]!;
    total += v;
    if (v !== Math.floor(v)) whole = false;
    if (v > own) {
      above++;
      aboveSum += v;
    } else if (v === own) tied.push(i);
  }
  return { total, whole, above, aboveSum, tied };
}
