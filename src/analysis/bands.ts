/**
 * Value and growth-potential bands, the axes of the portfolio matrix (portfolio-matrix.ts): each account's
 * measure on an axis, and the bands it falls in. Pure (no DOM), so the banding rules are tested in Node
 * and usable from kam-widgets/analysis.
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
