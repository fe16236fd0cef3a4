/**
 * Effort / impact quadrant.
 *
 * Decisions:
 * - Impact is `account.impact` when present, else growth headroom (potential − revenue) when potential is
 *   present (`impactSource` says which). Both are in the same unit only if the feed's impact is money;
 *   that is the feed's responsibility.
 * - Accounts without effort are not placed (`missingEffort`); nor those with neither impact nor potential
 *   (`missingImpact`). An account lacking both appears in both lists; `unplaced` counts it once.
 * - Split: at the medians of the placed accounts (same result as d3-array `median`) unless thresholds are given.
 * - Ties: a value equal to the threshold counts as HIGH (`>= threshold`), so a point exactly on the median
 *   line is high effort / high impact.
 * - Shares: effortShare is of all placed effort (0 when that is 0); revenueShare of placed revenue.
 */
import type { Account } from '../feed/schema.js';
import { columnsFor, type AccountColumns } from './columns.js';
import { isNum, shareOf } from './numbers.js';
import { selectInPlace, valuesAtRanks } from './order-statistics.js';

export const QUADRANT_IDS = ['quick-wins', 'strategic', 'maintain', 'over-served'] as const;
export type QuadrantId = (typeof QUADRANT_IDS)[number];

export const QUADRANT_LABELS: Readonly<Record<QuadrantId, string>> = {
  'quick-wins': 'Quick wins',
  strategic: 'Strategic investments',
  maintain: 'Maintain',
  'over-served': 'Over-served',
};

/** Where each quadrant sits: effort on x, impact on y. */
export const QUADRANT_POSITION: Readonly<Record<QuadrantId, { effort: 'low' | 'high'; impact: 'low' | 'high' }>> = {
  'quick-wins': { effort: 'low', impact: 'high' },
  strategic: { effort: 'high', impact: 'high' },
  maintain: { effort: 'low', impact: 'low' },
  'over-served': { effort: 'high', impact: 'low' },
};

export interface QuadrantOptions {
  /** Effort at or above this is high. Default: median effort of the placed accounts. */
  effortThreshold?: number;
  /** Impact at or above this is high. Default: median impact of the placed accounts. */
  impactThreshold?: number;
  /** The accounts' columns when the caller shares them (see columns.ts); read from the accounts otherwise. */
  columns?: AccountColumns;
}

export interface QuadrantPoint {
  account: Account;
  /** Position in the input array. */
  index: number;
  effort: number;
  impact: number;
  impactSource: 'impact' | 'headroom';
  quadrant: QuadrantId;
}

export interface QuadrantSummary {
  id: QuadrantId;
  label: string;
  accounts: number;
  effort: number;
  effortShare: number;
  revenue: number;
  revenueShare: number;
}

export interface QuadrantResult {
  /** Placed accounts, in input order (built on first access; the typed arrays below are the fast path). */
  readonly points: QuadrantPoint[];
  /** Per placed account k (input order): its index in the input array. */
  pointIndex: Uint32Array;
  pointEffort: Float64Array;
  pointImpact: Float64Array;
  /** Revenue (a finite number >= 0, else 0) per placed account. */
  pointRevenue: Float64Array;
  /** Index into QUADRANT_IDS. */
  pointQuadrant: Uint8Array;
  /** 1 when the impact is the account's own score, 0 when it is growth headroom. */
  pointOwnImpact: Uint8Array;
  /** How many placed accounts have growth headroom as their impact. */
  headroomCount: number;
  /** Always four entries, in QUADRANT_IDS order. */
  quadrants: QuadrantSummary[];
  /** The split used; null when nothing is placed and no threshold was given. */
  effortThreshold: number | null;
  impactThreshold: number | null;
  thresholdSource: { effort: 'median' | 'given'; impact: 'median' | 'given' };
  placed: number;
  /** Accounts not placed (counted once even when they lack both effort and impact). */
  unplaced: number;
  missingEffort: Account[];
  missingEffortCount: number;
  missingImpact: Account[];
  missingImpactCount: number;
  totals: { effort: number; revenue: number };
}

/**
 * Median of a Float64Array (not changed), computed like d3-array's `median` (the mean of the two middle
 * values for an even count): from the middle values that `valuesAtRanks` finds without reordering, else
 * by a quickselect on a copy. d3's `quickselect` calls a generic comparator per step and `median` first
 * copies the values through a generator, which for 100,000 values is several times slower.
 */
function median(values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  const i0 = (n - 1) >> 1;
  const ranked = valuesAtRanks(values, [i0]);
  if (!ranked) return medianInPlace(values.slice());
  const { value: lower, below, equal, next } = ranked[0]!;
  if (n % 2 === 1) return lower;
  // The upper middle value is the lower one again when it repeats past i0, else the next larger value.
  const upper = below + equal > i0 + 1 ? lower : next;
  return lower + (upper - lower) / 2;
}

/** The median by quickselect, reordering `values`. */
function medianInPlace(values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  const i0 = (n - 1) >> 1;
  selectInPlace(values, i0);
  const lower = values[i0]!;
  // From two values on, d3's median adds (upper − lower) · 0 to the middle value, so a zero median is +0
  // even when the selection lands on -0: the same here.
  if (n % 2 === 1) return n === 1 ? lower : lower + 0;
  // After the selection everything right of i0 is >= lower: the upper middle value is their minimum.
  let upper = Infinity;
  for (let i = i0 + 1; i < n; i++) if (values[i]! < upper) upper = values[i]!;
  return lower + (upper - lower) / 2;
}

function checkThreshold(name: string, value: number | undefined): void {
  if (value !== undefined && !isNum(value)) throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
}

/** The placed points' figures, by point (input order), as `placePoints` fills them. */
interface PlacedPoints {
  effort: Float64Array;
  impact: Float64Array;
  /** Input index of each point. */
  index: Uint32Array;
  /** 1 when the impact is the account's own score. */
  ownImpact: Uint8Array;
  revenue: Float64Array;
}

/*
 * The two passes are functions of their own with nothing but their loop, so the engine's compiled code
 * for them lasts (compiled inside a longer function, it is thrown away on leaving the loop).
 */

/**
 * Places every account with effort and impact (its own, else headroom) as a point; lists the others as
 * missing effort and/or missing impact. Returns how many are placed. Columns hold NaN for "no value".
 */
function placePoints(accounts: readonly Account[], columns: AccountColumns, points: PlacedPoints, missingEffort: Account[], missingImpact: Account[]): number {
  const { effort: accountEffort, impact: accountImpact, potential, revenue: accountRevenue } = columns;
  const { effort, impact, index, ownImpact, revenue } = points;
  let placed = 0;
  for (let i = 0; i < accountEffort.length; i++) {
    const e = accountEffort[i]!;
    const hasEffort = e === e;
    let imp = accountImpact[i]!;
    const own = imp === imp ? 1 : 0;
    if (!own) imp = potential[i]! - accountRevenue[i]!; // NaN without potential
    const hasImpact = imp === imp;
    if (!hasEffort) missingEffort.push(accounts[i]!);
    if (!hasImpact) missingImpact.push(accounts[i]!);
    if (!hasEffort || !hasImpact) continue;
    effort[placed] = e;
    impact[placed] = imp;
    ownImpact[placed] = own;
    index[placed] = i;
    revenue[placed] = accountRevenue[i]!;
    placed++;
  }
  return placed;
}

/**
 * Each point's quadrant (index into QUADRANT_IDS; a value at a threshold counts as high), and into `sums`
 * per quadrant its accounts, effort and revenue, then the total effort and revenue (all in input order).
 * Returns how many points have headroom as their impact.
 */
function splitPoints(
  effort: Float64Array,
  impact: Float64Array,
  revenue: Float64Array,
  ownImpact: Uint8Array,
  effortThreshold: number,
  impactThreshold: number,
  quadrant: Uint8Array,
  sums: Float64Array,
): number {
  let totalEffort = 0;
  let totalRevenue = 0;
  let headroomCount = 0;
  for (let k = 0; k < quadrant.length; k++) {
    const e = effort[k]!;
    const highEffort = e >= effortThreshold;
    const highImpact = impact[k]! >= impactThreshold;
    const q = highImpact ? (highEffort ? 1 : 0) : highEffort ? 3 : 2;
    const r = revenue[k]!;
    sums[q * 3]!++;
    sums[q * 3 + 1]! += e;
    sums[q * 3 + 2]! += r;
    totalEffort += e;
    totalRevenue += r;
    quadrant[k] = q;
    if (!ownImpact[k]) headroomCount++;
  }
  sums[12] = totalEffort;
  sums[13] = totalRevenue;
  return headroomCount;
}

export function quadrants(accounts: readonly Account[], options: QuadrantOptions = {}): QuadrantResult {
  checkThreshold('effortThreshold', options.effortThreshold);
  checkThreshold('impactThreshold', options.impactThreshold);
  const n = accounts.length;
  const columns = columnsFor(accounts, options.columns).read(['effort', 'impact', 'potential', 'revenue']);
  const placing: PlacedPoints = { effort: new Float64Array(n), impact: new Float64Array(n), index: new Uint32Array(n), ownImpact: new Uint8Array(n), revenue: new Float64Array(n) };
  const missingEffort: Account[] = [];
  const missingImpact: Account[] = [];
  const placed = placePoints(accounts, columns, placing, missingEffort, missingImpact);
  const unplaced = n - placed;
  const effortPlaced = placing.effort.subarray(0, placed);
  const impactPlaced = placing.impact.subarray(0, placed);
  const effortThreshold = options.effortThreshold ?? median(effortPlaced);
  const impactThreshold = options.impactThreshold ?? median(impactPlaced);

  const pointQuadrant = new Uint8Array(placed);
  const revenuePlaced = placing.revenue.subarray(0, placed);
  const placedIndex = placing.index;
  const fromImpact = placing.ownImpact;
  // Per quadrant: accounts, effort, revenue; then the totals of effort and revenue. (With no point placed
  // nothing is split, so the thresholds are numbers whenever they are used.)
  const sums = new Float64Array(QUADRANT_IDS.length * 3 + 2);
  const headroomCount = splitPoints(effortPlaced, impactPlaced, revenuePlaced, fromImpact, effortThreshold ?? 0, impactThreshold ?? 0, pointQuadrant, sums);
  const totalEffort = sums[QUADRANT_IDS.length * 3]!;
  const totalRevenue = sums[QUADRANT_IDS.length * 3 + 1]!;
  const pointIndex = placedIndex.subarray(0, placed);
  const pointOwnImpact = fromImpact.subarray(0, placed);
  let points: QuadrantPoint[] | undefined;

  return {
    get points() {
      points ??= Array.from(pointIndex, (index, k) => ({
        account: accounts[index]!,
        index,
        effort: effortPlaced[k]!,
        impact: impactPlaced[k]!,
        impactSource: pointOwnImpact[k] ? ('impact' as const) : ('headroom' as const),
        quadrant: QUADRANT_IDS[pointQuadrant[k]!]!,
      }));
      return points;
    },
    pointIndex,
    pointEffort: effortPlaced,
    pointImpact: impactPlaced,
    pointRevenue: revenuePlaced,
    pointQuadrant,
    pointOwnImpact,
    headroomCount,
    quadrants: QUADRANT_IDS.map((id, q) => ({
      id,
      label: QUADRANT_LABELS[id],
      accounts: sums[q * 3]!,
      effort: sums[q * 3 + 1]!,
      effortShare: shareOf(sums[q * 3 + 1]!, totalEffort),
      revenue: sums[q * 3 + 2]!,
      revenueShare: shareOf(sums[q * 3 + 2]!, totalRevenue),
    })),
    effortThreshold,
    impactThreshold,
    thresholdSource: {
      effort: options.effortThreshold === undefined ? 'median' : 'given',
      impact: options.impactThreshold === undefined ? 'median' : 'given',
    },
    placed,
    unplaced,
    missingEffort,
    missingEffortCount: missingEffort.length,
    missingImpact,
    missingImpactCount: missingImpact.length,
    totals: { effort: totalEffort, revenue: totalRevenue },
  };
}
