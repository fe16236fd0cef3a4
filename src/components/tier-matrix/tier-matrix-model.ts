/**
 * From accounts and their tiers to the matrix the widget draws: the value and growth-potential bands, the
 * cells (accounts, revenue and tiers of each band pair) and the tier groups. Pure (no DOM), so the banding
 * rules are tested in Node.
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
import type { AccountColumns } from '../../analysis/columns.js';
import { revenueOf, isNum } from '../../analysis/numbers.js';
import { valuesAtRanks, type RankedValue } from '../../analysis/order-statistics.js';
import { TIER_ORDER } from '../../analysis/tiers.js';
import type { TierRules } from '../../analysis/tiers.js';
import type { Account, Tier } from '../../feed/schema.js';

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
 * Reorders `values[left..right]` so that `values[k]` is the value a sort would put there, with no larger
 * value before it and no smaller one after it (Hoare's selection; linear time on average). Written here
 * because d3-array ships as one file and its quickselect would bring 3 KB along.
 */
export function selectInPlace(values: Float64Array, k: number, left = 0, right = values.length - 1): void {
  while (right > left) {
    const pivot = values[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
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

/**
 * The tertile cut points of the values that are not NaN (`count` of them) without reordering or copying
 * them (analysis/order-statistics.ts); undefined for the columns that function leaves to a selection.
 */
function columnTertileCuts(values: Float64Array, count: number): number[] | undefined {
  if (count < 2) return undefined;
  const positions = tertilePositions(count);
  const ranked = valuesAtRanks(values, positions);
  return ranked && mergedCuts(ranked.map((r, j) => nearestCut(count, positions[j]!, r)));
}

/** Bands of one axis from each account's measure (NaN = no data), by tertiles or by explicit cut points. */
export function bandAxis(values: Float64Array, explicitCuts?: readonly number[]): BandAxis {
  const n = values.length;
  let count = 0;
  let first = NaN;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    if (count++ === 0) first = v;
  }
  const missing = n - count;
  const bandOf = new Uint8Array(n);
  if (count === 0) {
    return { cuts: [], explicit: false, bands: [{ missing: true, count: n }], bandOf, missing, note: n > 0 ? 'all-missing' : undefined };
  }
  const given = cleanCuts(explicitCuts);
  let cuts: number[];
  let note: AxisNote | undefined;
  let sharedValue: number | undefined;
  if (given) cuts = given;
  else {
    let present: Float64Array | undefined;
    const fast = columnTertileCuts(values, count);
    if (fast) cuts = fast;
    else {
      present = new Float64Array(count);
      for (let i = 0, k = 0; i < n; i++) if (values[i] === values[i]) present[k++] = values[i]!;
      cuts = tertileCuts(present);
    }
    if (cuts.length === 0) {
      note = 'all-equal';
      // All values are equal (the fast path has no -0 among them, so any is the one); the selection's first otherwise.
      sharedValue = present ? present[0] : first;
    } else if (cuts.length < 2) note = 'ties';
  }
  const offset = missing > 0 ? 1 : 0;
  const bands: Band[] = [];
  if (offset) bands.push({ missing: true, count: missing });
  for (let b = 0; b <= cuts.length; b++) bands.push({ from: cuts[b - 1], to: cuts[b], missing: false, count: 0 });
  // A value's band is the number of cut points at or below it (cuts ascend, at most MAX_CUTS of them).
  const k = cuts.length;
  const [c0 = 0, c1 = 0, c2 = 0, c3 = 0] = cuts;
  const counts = new Uint32Array(bands.length);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) continue; // band 0: no data
    const band = offset + (k > 0 && v >= c0 ? 1 : 0) + (k > 1 && v >= c1 ? 1 : 0) + (k > 2 && v >= c2 ? 1 : 0) + (k > 3 && v >= c3 ? 1 : 0);
    bandOf[i] = band;
    counts[band]!++;
  }
  for (let b = offset; b < bands.length; b++) bands[b]!.count = counts[b]!;
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
  /** Input indices grouped by cell. */
  cellMembers: Uint32Array;
  /** Cell index of each account. */
  cellOf: Uint16Array;
  /** The four tiers as groups (order MVC, MGC, STC, BZ) over `tierMembers`. */
  tiers: Group[];
  tierMembers: Uint32Array;
  /** Tier index of each account (0 MVC … 3 BZ). */
  tierOf: Uint8Array;
  totalRevenue: number;
}

/** Groups `count` items by `keyOf` (a counting sort): the groups' [start, end) and the grouped indices. */
function groupBy(count: number, groups: number, keyOf: ArrayLike<number>): { starts: Uint32Array; members: Uint32Array } {
  const starts = new Uint32Array(groups + 1);
  for (let i = 0; i < count; i++) starts[keyOf[i]! + 1]!++;
  for (let g = 0; g < groups; g++) starts[g + 1]! += starts[g]!;
  const next = starts.slice(0, groups);
  const members = new Uint32Array(count);
  for (let i = 0; i < count; i++) members[next[keyOf[i]!]!++] = i;
  return { starts, members };
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
  let totalRevenue = 0;
  for (let i = 0; i < n; i++) {
    cellOf[i] = potential.bandOf[i]! * columns + value.bandOf[i]!;
    totalRevenue += revenue[i]!;
  }
  const share = (r: number) => (totalRevenue === 0 ? 0 : r / totalRevenue);
  const byCell = groupBy(n, cellCount, cellOf);
  const cells: MatrixCell[] = [];
  for (let c = 0; c < cellCount; c++) {
    const start = byCell.starts[c]!;
    const end = byCell.starts[c + 1]!;
    const tierCounts: [number, number, number, number] = [0, 0, 0, 0];
    let sum = 0;
    for (let k = start; k < end; k++) {
      const i = byCell.members[k]!;
      sum += revenue[i]!;
      tierCounts[tierOf[i]!]!++;
    }
    cells.push({ valueBand: c % columns, potentialBand: Math.floor(c / columns), start, end, count: end - start, revenue: sum, revenueShare: share(sum), tierCounts });
  }
  const byTier = groupBy(n, TIER_ORDER.length, tierOf);
  const tierGroups: Group[] = TIER_ORDER.map((_, t) => {
    const start = byTier.starts[t]!;
    const end = byTier.starts[t + 1]!;
    let sum = 0;
    for (let k = start; k < end; k++) sum += revenue[byTier.members[k]!]!;
    return { start, end, count: end - start, revenue: sum, revenueShare: share(sum) };
  });
  return { value, potential, cells, cellMembers: byCell.members, cellOf, tiers: tierGroups, tierMembers: byTier.members, tierOf, totalRevenue };
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
