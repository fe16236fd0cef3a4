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
import { isNum, median, shareOf } from './numbers.js';

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
  /** The accounts split (the input array). */
  accounts: readonly Account[];
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
  const columns = columnsFor(accounts, options.columns);
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

  return {
    accounts,
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

/** The placed accounts as objects, in input order (for tables and tests; charts read the typed arrays). */
export function quadrantPoints(result: QuadrantResult): QuadrantPoint[] {
  return Array.from(result.pointIndex, (index, k) => ({
    account: result.accounts[index]!,
    index,
    effort: result.pointEffort[k]!,
    impact: result.pointImpact[k]!,
    impactSource: result.pointOwnImpact[k] ? ('impact' as const) : ('headroom' as const),
    quadrant: QUADRANT_IDS[result.pointQuadrant[k]!]!,
  }));
}
