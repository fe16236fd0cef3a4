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
import { presentValues, selectInPlace } from './numbers.js';
import { TIER_ORDER } from './tiers.js';

export const VALUE_FIELDS = ['revenue', 'clv', 'profit'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];
export const POTENTIAL_FIELDS = ['headroom', 'potential', 'impact'] as const;
export type PotentialField = (typeof POTENTIAL_FIELDS)[number];

/** At most this many explicit cut points per axis (so at most five bands). */
export const MAX_CUTS = 4;

/** Each account's current value on the chosen field (NaN when it has none), in input order: a column itself, read it only. */
export function valueMeasures(columns: AccountColumns, field: ValueField): Float64Array {
  return columns[field];
}

/** Each account's growth potential on the chosen field (NaN when it has none), in input order. */
export function potentialMeasures(columns: AccountColumns, field: PotentialField): Float64Array {
  const { potential, revenue } = columns;
  if (field === 'potential') return potential;
  const impact = field === 'impact' ? columns.impact : undefined;
  const out = new Float64Array(columns.count);
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

/** A value at a position of the sorted values, with how many values are below it and equal to it, and the next larger value. */
interface RankedValue {
  value: number;
  below: number;
  equal: number;
  /** The smallest value above it; Infinity when there is none. */
  next: number;
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

/** Each value's band: the number of cut points at or below it, after `offset`; NaN goes to band 0, the no-data band. */
function bandEach(values: Float64Array, cuts: readonly number[], offset: number, bandOf: Uint8Array): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue; // band 0
    let band = offset;
    for (let c = 0; c < cuts.length && v >= cuts[c]!; c++) band++;
    bandOf[i] = band;
  }
}

/** Bands of one axis from each account's measure (NaN = no data), by tertiles or by explicit cut points. */
export function bandAxis(values: Float64Array, explicitCuts?: readonly number[]): BandAxis {
  const n = values.length;
  const present = presentValues(values);
  const count = present.length;
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
    cuts = tertileCuts(present);
    if (cuts.length === 0) {
      note = 'all-equal';
      sharedValue = present[0];
    } else if (cuts.length < 2) note = 'ties';
  }
  const offset = missing > 0 ? 1 : 0;
  const bands: Band[] = [];
  if (offset) bands.push({ missing: true, count: missing });
  for (let b = 0; b <= cuts.length; b++) bands.push({ from: cuts[b - 1], to: cuts[b], missing: false, count: 0 });
  bandEach(values, cuts, offset, bandOf);
  for (let i = 0; i < n; i++) if (values[i] === values[i]) bands[bandOf[i]!]!.count++;
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
  /** Input indices grouped by tier. */
  tierMembers: Uint32Array;
  /** Tier index of each account (0 MVC … 3 BZ). */
  tierOf: Uint8Array;
  totalRevenue: number;
}

/**
 * The matrix of accounts by value band and potential band, with revenue and tiers per cell and per tier.
 * `tierOf` is each account's tier index (0 MVC … 3 BZ), `revenue` its revenue (the revenue column).
 */
export function buildMatrix(tierOf: Uint8Array, revenue: Float64Array, value: BandAxis, potential: BandAxis): Matrix {
  const n = tierOf.length;
  const columns = value.bands.length;
  const cellCount = columns * potential.bands.length;
  const cellOf = new Uint16Array(n);
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
  // The members of each cell and each tier, in input order (a counting sort on the counts above).
  const cellMembers = new Uint32Array(n);
  const tierMembers = new Uint32Array(n);
  placeMembers(cellOf, startsOf(cellCounts), cellMembers, tierOf, startsOf(tierCounts), tierMembers);
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
    cellMembers,
    cellOf,
    tiers: tierGroups,
    tierMembers,
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
