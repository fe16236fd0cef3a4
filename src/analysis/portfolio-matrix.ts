/**
 * The portfolio matrix (what <kam-tier-matrix> draws): from accounts and their tiers to the value and
 * growth-potential bands, the cells (accounts, revenue and tiers of each band pair) and the tier groups.
 * Pure (no DOM), so the banding rules are tested in Node and usable from kam-widgets/analysis.
 *
 * Banding decisions:
 * - The measures: value is revenue (default), CLV or profit; growth potential is headroom (potential −
 *   revenue, default), the potential itself, or the impact score (which the feed contract defaults to
 *   headroom). An account without the measure (no CLV, no potential) is not guessed into a band: it goes
 *   to a separate "no data" band (index 0 of the axis), and when no account has it the axis is that one band.
 * - Tertiles (the default): sort the values and cut after the first and the second third (positions
 *   round(n/3) and round(2n/3)). A cut never splits equal values: it moves to the nearest change of value
 *   (the lower one on a tie of distance). The cut point is the smallest value of the band above it, so a
 *   value equal to a cut point belongs to the upper band. Cuts that coincide merge, so heavy ties give two
 *   bands (Low, High), and when every value is equal (or there is one account) the axis has one band.
 * - Explicit cut points (`value-thresholds="100000,500000"`): same rule (a value at a cut goes up), sorted
 *   and de-duplicated, at most MAX_CUTS; bands may be empty.
 */
import type { AccountColumns } from './columns.js';
import { revenueOf, isNum } from './numbers.js';
import { bucketedColumn, selectInPlace, type RankedValue } from './order-statistics.js';
import { TIER_ORDER } from './tiers.js';
import type { TierRules } from './tiers.js';
import type { Account, Tier } from '../feed/schema.js';

export const VALUE_FIELDS = ['revenue', 'clv', 'profit'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];
export const POTENTIAL_FIELDS = ['headroom', 'potential', 'impact'] as const;
export type PotentialField = (typeof POTENTIAL_FIELDS)[number];

/** At most this many explicit cut points per axis (so at most five bands). */
export const MAX_CUTS = 4;

/** The account's current value on the chosen field; NaN when the account has no such figure. */
export function valueMeasure(account: Account, field: ValueField): number {
  if (field === 'revenue') return revenueOf(account.revenue);
  const value = account[field];
  return isNum(value) ? value : NaN;
}

/** The account's growth potential on the chosen field; NaN when the account has no such figure. */
export function potentialMeasure(account: Account, field: PotentialField): number {
  if (field === 'impact' && isNum(account.impact)) return account.impact;
  if (!isNum(account.potential)) return NaN;
  return field === 'potential' ? account.potential : account.potential - revenueOf(account.revenue);
}

/**
 * Each account's value (NaN when it has none), in input order. With the accounts' columns (see
 * analysis/columns.ts) revenue and profit are those columns themselves: read them, do not change them.
 */
export function valueMeasures(accounts: readonly Account[], field: ValueField, columns?: AccountColumns): Float64Array {
  if (columns && field !== 'clv') return columns[field];
  const out = new Float64Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) out[i] = valueMeasure(accounts[i]!, field);
  return out;
}

/**
 * Each account's growth potential (NaN when it has none), in input order; from the accounts' columns when
 * given (the potential field is then that column itself: read it, do not change it).
 */
export function potentialMeasures(accounts: readonly Account[], field: PotentialField, columns?: AccountColumns): Float64Array {
  if (!columns) {
    const out = new Float64Array(accounts.length);
    for (let i = 0; i < accounts.length; i++) out[i] = potentialMeasure(accounts[i]!, field);
    return out;
  }
  const { potential, revenue } = columns;
  if (field === 'potential') return potential;
  const impact = field === 'impact' ? columns.impact : undefined;
  const out = new Float64Array(accounts.length);
  for (let i = 0; i < out.length; i++) {
    const own = impact ? impact[i]! : NaN;
    out[i] = own === own ? own : potential[i]! - revenue[i]!; // NaN without potential
  }
  return out;
}

export interface Band {
  /** Smallest value of the band (inclusive); undefined for the lowest band and the no-data band. */
  from?: number;
  /** Smallest value above the band (exclusive); undefined for the highest band and the no-data band. */
  to?: number;
  /** The band of accounts without the measure. */
  missing: boolean;
  /** Accounts in the band. */
  count: number;
}

/** Why an axis has fewer bands than asked: no account has the measure, or every account has the same value. */
export type AxisNote = 'all-missing' | 'all-equal' | 'ties';

export interface BandAxis {
  /** Cut points in force, ascending. */
  cuts: number[];
  /** True when the cut points came from the attribute rather than the data. */
  explicit: boolean;
  /** The bands from low to high; a no-data band, when there is one, comes first (index 0). */
  bands: Band[];
  /** Band index of each account, in input order. */
  bandOf: Uint8Array;
  /** Accounts without the measure. */
  missing: number;
  /** The one value all accounts share when the axis collapsed for that reason. */
  sharedValue?: number;
  note?: AxisNote;
}

/** Parses "100000, 500000" (commas or spaces) into finite numbers; anything else is dropped. */
export function parseCuts(text: string | null | undefined): number[] | undefined {
  if (!text) return undefined;
  const cuts = text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isFinite(n));
  return cuts.length ? cuts : undefined;
}

/** Sorted, de-duplicated, finite cut points, at most MAX_CUTS; undefined when none is usable. */
export function cleanCuts(cuts: readonly number[] | undefined): number[] | undefined {
  if (!cuts) return undefined;
  const clean = [...new Set(cuts.filter((n) => Number.isFinite(n)))].sort((a, b) => a - b).slice(0, MAX_CUTS);
  return clean.length ? clean : undefined;
}

/**
 * The cut near position p (1..n-1) of n values in ascending order that does not split equal values:
 * with v the value at p, the nearest changes of value are just below the first v (cut point v) and just
 * above the last v (cut point: the smallest value above v); the nearer wins, the lower one on a tie.
 * `around` is v with the number of values below it and equal to it and the smallest value above it.
 */
function nearestCut(n: number, p: number, around: RankedValue): number | undefined {
  const { value, below, equal, next } = around;
  const down = below >= 1 ? p - below : Infinity;
  const up = below + equal <= n - 1 ? below + equal - p : Infinity;
  if (down === Infinity && up === Infinity) return undefined;
  return down <= up ? value : next;
}

/** What `nearestCut` needs, by counting over all values (values[p] is the value at position p). */
function around(values: Float64Array, p: number): RankedValue {
  const value = values[p]!;
  let below = 0;
  let equal = 0;
  let next = Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (x < value) below++;
    else if (x === value) equal++;
    else if (x < next) next = x;
  }
  return { value, below, equal, next };
}

/** The tertile positions of n values: round(n/3) and round(2n/3), inside 1..n-1. */
function tertilePositions(n: number): number[] {
  return [1, 2].map((k) => Math.min(n - 1, Math.max(1, Math.round((n * k) / 3))));
}

/** Cut points in order, coinciding ones merged. */
function mergedCuts(cuts: readonly (number | undefined)[]): number[] {
  const out: number[] = [];
  for (const cut of cuts) if (cut !== undefined && cut !== out[out.length - 1]) out.push(cut);
  return out;
}

/**
 * Tertile cut points (see the rules above): two, one after merging, or none. Selects positions round(n/3)
 * and round(2n/3) by selection rather than sorting (linear time); reorders `values` in place.
 */
export function tertileCuts(values: Float64Array): number[] {
  const n = values.length;
  if (n < 2) return [];
  let left = 0;
  return mergedCuts(
    tertilePositions(n).map((p) => {
      selectInPlace(values, p, left);
      left = p;
      return nearestCut(n, p, around(values, p));
    }),
  );
}

/*
 * Passes over every account are functions of their own with nothing but their loop, so the engine's
 * compiled code for them lasts (compiled inside a longer function, it is thrown away on leaving the loop).
 */

/**
 * Each value's band into `bandOf`: the number of cut points at or below it, after `offset`; NaN goes to
 * band 0, the no-data band. Cuts ascend, at most MAX_CUTS. Two cuts (tertiles) have a loop of their own,
 * with nothing that depends on the value but the two comparisons.
 */
function bandEach(values: Float64Array, cuts: readonly number[], offset: number, bandOf: Uint8Array): void {
  const k = cuts.length;
  const [c0 = 0, c1 = 0, c2 = 0, c3 = 0] = cuts;
  if (k === 2) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      const band = offset + (v >= c0 ? 1 : 0) + (v >= c1 ? 1 : 0);
      bandOf[i] = v === v ? band : 0;
    }
    return;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const band = offset + (k > 0 && v >= c0 ? 1 : 0) + (k > 1 && v >= c1 ? 1 : 0) + (k > 2 && v >= c2 ? 1 : 0) + (k > 3 && v >= c3 ? 1 : 0);
    bandOf[i] = v === v ? band : 0;
  }
}

/** Accounts per band, from the bands (band 0 counts the no-data band too: its count is set apart). */
function countBands(bandOf: Uint8Array, counts: Uint32Array): void {
  for (let i = 0; i < bandOf.length; i++) counts[bandOf[i]!]!++;
}

/** The first value that is not NaN. */
function firstValue(values: Float64Array): number | undefined {
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) return values[i];
  return undefined;
}

/** Bands of one axis from each account's measure (NaN = no data), by tertiles or by explicit cut points. */
export function bandAxis(values: Float64Array, explicitCuts?: readonly number[]): BandAxis {
  const n = values.length;
  // Long columns: counted by buckets (analysis/order-statistics.ts), which also gives the tertiles without
  // copying or reordering the values. Otherwise counted here and cut by selection on a copy.
  const buckets = bucketedColumn(values);
  let count = buckets ? buckets.count : 0;
  if (!buckets) for (let i = 0; i < n; i++) if (values[i] === values[i]) count++;
  const missing = n - count;
  const bandOf = new Uint8Array(n);
  if (count === 0) {
    return { cuts: [], explicit: false, bands: [{ missing: true, count: n }], bandOf, missing, note: n > 0 ? 'all-missing' : undefined };
  }
  const given = cleanCuts(explicitCuts);
  let cuts: number[];
  let note: AxisNote | undefined;
  let sharedValue: number | undefined;
  /** Values below each cut point, when the order statistics tell (tertiles of a long column). */
  let below: number[] | undefined;
  if (given) cuts = given;
  else {
    let present: Float64Array | undefined;
    if (buckets && count >= 2) {
      // The values at the tertile positions also tell how many values lie below each cut point.
      const positions = tertilePositions(count);
      const found = buckets.at(positions).map((around, j) => {
        const cut = nearestCut(count, positions[j]!, around);
        return { cut, below: cut === around.value ? around.below : around.below + around.equal };
      });
      cuts = mergedCuts(found.map((f) => f.cut));
      below = cuts.map((cut) => found.find((f) => f.cut === cut)!.below);
    } else {
      present = new Float64Array(count);
      for (let i = 0, k = 0; i < n; i++) if (values[i] === values[i]) present[k++] = values[i]!;
      cuts = tertileCuts(present);
    }
    if (cuts.length === 0) {
      note = 'all-equal';
      // All values are equal: the selection's first, or (no -0 among bucketed values) the first of them.
      sharedValue = present ? present[0] : firstValue(values);
    } else if (cuts.length < 2) note = 'ties';
  }
  const offset = missing > 0 ? 1 : 0;
  const bands: Band[] = [];
  if (offset) bands.push({ missing: true, count: missing });
  for (let b = 0; b <= cuts.length; b++) bands.push({ from: cuts[b - 1], to: cuts[b], missing: false, count: 0 });
  bandEach(values, cuts, offset, bandOf);
  if (below) {
    // Band b holds the values from cut b - 1 (inclusive) to cut b (exclusive).
    for (let b = 0; b <= cuts.length; b++) bands[offset + b]!.count = (b < cuts.length ? below[b]! : count) - (b > 0 ? below[b - 1]! : 0);
  } else {
    const counts = new Uint32Array(bands.length);
    countBands(bandOf, counts);
    for (let b = offset; b < bands.length; b++) bands[b]!.count = counts[b]!;
  }
  return { cuts, explicit: !!given, bands, bandOf, missing, sharedValue, note };
}

/** Band names by the number of value bands (the no-data band is named apart). */
const BAND_NAMES: Readonly<Record<number, readonly string[]>> = {
  1: ['All'],
  2: ['Low', 'High'],
  3: ['Low', 'Medium', 'High'],
  4: ['Low', 'Medium-low', 'Medium-high', 'High'],
  5: ['Very low', 'Low', 'Medium', 'High', 'Very high'],
};

/** The display name of each band of an axis: "Low", "Medium", "High", or "No data". */
export function bandNames(axis: BandAxis): string[] {
  const valueBands = axis.bands.filter((b) => !b.missing).length;
  const names = BAND_NAMES[valueBands] ?? axis.bands.map((_, i) => `Band ${i + 1}`);
  let k = 0;
  return axis.bands.map((b) => (b.missing ? 'No data' : names[k++]!));
}

// ---- the matrix -----------------------------------------------------------------------------------

/** A group of accounts (a cell or a tier): `members.subarray(start, end)` holds their input indices. */
export interface Group {
  start: number;
  end: number;
  count: number;
  revenue: number;
  /** Share of total revenue; 0 when total revenue is 0. */
  revenueShare: number;
}

export interface MatrixCell extends Group {
  valueBand: number;
  potentialBand: number;
  /** Accounts per tier, in the order MVC, MGC, STC, BZ. */
  tierCounts: [number, number, number, number];
}

export interface Matrix {
  value: BandAxis;
  potential: BandAxis;
  /** Cells by potential band, then value band: cell (p, v) is `cells[p * value.bands.length + v]`. */
  cells: MatrixCell[];
  /** Input indices grouped by cell (listed on first access). */
  readonly cellMembers: Uint32Array;
  /** Cell index of each account. */
  cellOf: Uint16Array;
  /** The four tiers as groups (order MVC, MGC, STC, BZ) over `tierMembers`. */
  tiers: Group[];
  /** Input indices grouped by tier (listed on first access). */
  readonly tierMembers: Uint32Array;
  /** Tier index of each account (0 MVC … 3 BZ). */
  tierOf: Uint8Array;
  totalRevenue: number;
}

/** Each tier's index (0 MVC … 3 BZ), as `buildMatrix` takes it (comparisons: faster than a keyed lookup). */
export function tierIndexes(tiers: readonly Tier[]): Uint8Array {
  const out = new Uint8Array(tiers.length);
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i];
    out[i] = tier === 'MVC' ? 0 : tier === 'MGC' ? 1 : tier === 'STC' ? 2 : 3;
  }
  return out;
}

/**
 * The matrix of accounts by value band and potential band, with revenue and tiers per cell and per tier.
 * `tiers` is each account's tier, or its tier index (see `tierIndexes`), which is kept as `tierOf`.
 * `accountRevenue`: each account's revenue (`revenueOf`, the revenue column), when the caller has it.
 */
export function buildMatrix(
  accounts: readonly Account[],
  tiers: readonly Tier[] | Uint8Array,
  value: BandAxis,
  potential: BandAxis,
  accountRevenue?: Float64Array,
): Matrix {
  const n = accounts.length;
  const columns = value.bands.length;
  const cellCount = columns * potential.bands.length;
  const cellOf = new Uint16Array(n);
  const tierOf = tiers instanceof Uint8Array ? tiers : tierIndexes(tiers);
  let revenue = accountRevenue;
  if (!revenue) {
    revenue = new Float64Array(n);
    for (let i = 0; i < n; i++) revenue[i] = revenueOf(accounts[i]!.revenue);
  }
  // Each account's cell, and the accounts, revenue and tier counts per cell and per tier. Sums run in input
  // order, the order of the members within each group.
  const sums: GroupSums = {
    cellCounts: new Uint32Array(cellCount),
    cellRevenue: new Float64Array(cellCount),
    cellTiers: new Uint32Array(cellCount * 4),
    tierCounts: new Uint32Array(TIER_ORDER.length),
    tierRevenue: new Float64Array(TIER_ORDER.length),
  };
  const totalRevenue = sumGroups(value.bandOf, potential.bandOf, columns, tierOf, revenue, cellOf, sums);
  const { cellCounts, cellRevenue, cellTiers, tierCounts, tierRevenue } = sums;
  // The members of each cell and each tier, in input order (a counting sort on the counts above), listed
  // when first asked for (a tooltip's top accounts, a click's selection): the first paint needs the counts only.
  let members: { cells: Uint32Array; tiers: Uint32Array } | undefined;
  const listMembers = () => {
    if (!members) {
      members = { cells: new Uint32Array(n), tiers: new Uint32Array(n) };
      placeMembers(cellOf, startsOf(cellCounts), members.cells, tierOf, startsOf(tierCounts), members.tiers);
    }
    return members;
  };
  const share = (r: number) => (totalRevenue === 0 ? 0 : r / totalRevenue);
  const cells: MatrixCell[] = [];
  for (let c = 0, start = 0; c < cellCount; start += cellCounts[c++]!) {
    const count = cellCounts[c]!;
    const sum = cellRevenue[c]!;
    const tierCountsOfCell: [number, number, number, number] = [cellTiers[c * 4]!, cellTiers[c * 4 + 1]!, cellTiers[c * 4 + 2]!, cellTiers[c * 4 + 3]!];
    cells.push({ valueBand: c % columns, potentialBand: Math.floor(c / columns), start, end: start + count, count, revenue: sum, revenueShare: share(sum), tierCounts: tierCountsOfCell });
  }
  let tierStart = 0;
  const tierGroups: Group[] = TIER_ORDER.map((_, t) => {
    const start = tierStart;
    const count = tierCounts[t]!;
    tierStart += count;
    return { start, end: start + count, count, revenue: tierRevenue[t]!, revenueShare: share(tierRevenue[t]!) };
  });
  return {
    value,
    potential,
    cells,
    get cellMembers() {
      return listMembers().cells;
    },
    cellOf,
    tiers: tierGroups,
    get tierMembers() {
      return listMembers().tiers;
    },
    tierOf,
    totalRevenue,
  };
}

interface GroupSums {
  cellCounts: Uint32Array;
  cellRevenue: Float64Array;
  /** Per cell, its accounts per tier (cell c, tier t at c * 4 + t). */
  cellTiers: Uint32Array;
  tierCounts: Uint32Array;
  tierRevenue: Float64Array;
}

/** Each account's cell into `cellOf` and its figures into the sums per cell and per tier; returns the total revenue. */
function sumGroups(valueBand: Uint8Array, potentialBand: Uint8Array, columns: number, tierOf: Uint8Array, revenue: Float64Array, cellOf: Uint16Array, sums: GroupSums): number {
  const { cellCounts, cellRevenue, cellTiers, tierCounts, tierRevenue } = sums;
  let totalRevenue = 0;
  for (let i = 0; i < cellOf.length; i++) {
    const c = potentialBand[i]! * columns + valueBand[i]!;
    const t = tierOf[i]!;
    const r = revenue[i]!;
    cellOf[i] = c;
    totalRevenue += r;
    cellCounts[c]!++;
    cellRevenue[c]! += r;
    cellTiers[c * 4 + t]!++;
    tierCounts[t]!++;
    tierRevenue[t]! += r;
  }
  return totalRevenue;
}

/** Input indices grouped by cell and by tier (`cellNext`, `tierNext`: where each group starts; advanced). */
function placeMembers(cellOf: Uint16Array, cellNext: Uint32Array, cellMembers: Uint32Array, tierOf: Uint8Array, tierNext: Uint32Array, tierMembers: Uint32Array): void {
  for (let i = 0; i < cellOf.length; i++) {
    cellMembers[cellNext[cellOf[i]!]!++] = i;
    tierMembers[tierNext[tierOf[i]!]!++] = i;
  }
}

/** Where each group starts in a list grouped by these counts (prefix sums). */
function startsOf(counts: Uint32Array): Uint32Array {
  const starts = new Uint32Array(counts.length);
  for (let g = 1; g < counts.length; g++) starts[g] = starts[g - 1]! + counts[g - 1]!;
  return starts;
}

/** The `k` members with the highest revenue, highest first (ties keep input order). */
export function topByRevenue(accounts: readonly Account[], members: ArrayLike<number>, k: number): Account[] {
  const top: { account: Account; revenue: number }[] = [];
  for (let m = 0; m < members.length; m++) {
    const account = accounts[members[m]!]!;
    const revenue = revenueOf(account.revenue);
    if (top.length === k && revenue <= top[k - 1]!.revenue) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.revenue < revenue) at--;
    top.splice(at, 0, { account, revenue });
    if (top.length > k) top.pop();
  }
  return top.map((t) => t.account);
}

/** Selected accounts per cell (in `cells` order) and per tier. */
export interface SelectedCounts {
  cells: Uint32Array;
  tiers: Uint32Array;
}

/** Accounts with a selected id, per cell and per tier. */
export function selectedCounts(matrix: Matrix, indexes: Iterable<number>): SelectedCounts {
  const cells = new Uint32Array(matrix.cells.length);
  const tiers = new Uint32Array(TIER_ORDER.length);
  for (const i of indexes) {
    cells[matrix.cellOf[i]!]!++;
    tiers[matrix.tierOf[i]!]!++;
  }
  return { cells, tiers };
}

// ---- rules --------------------------------------------------------------------------------------

/**
 * The tier-rule parameters that are usable (cutoff in (0, 1], growth threshold finite, headroom factor
 * finite and >= 0); the others are left out so the default applies instead of an error.
 */
export function usableRules(rules: Partial<TierRules> | undefined): Partial<TierRules> {
  const out: Partial<TierRules> = {};
  if (!rules) return out;
  const { cutoff, growthThreshold, headroomFactor } = rules;
  if (isNum(cutoff) && cutoff > 0 && cutoff <= 1) out.cutoff = cutoff;
  if (isNum(growthThreshold)) out.growthThreshold = growthThreshold;
  if (isNum(headroomFactor) && headroomFactor >= 0) out.headroomFactor = headroomFactor;
  return out;
}
