/**
 * Small numeric helpers shared by the analysis layer, each written once.
 *
 * Comparisons with a threshold use a relative epsilon so that float noise (0.1 + 0.2 + … summing to
 * 0.7999999999 instead of 0.8) never flips a rule: a value within EPSILON of the threshold counts as
 * reaching it.
 */

/** Relative tolerance for "reaches the threshold" comparisons. */
export const EPSILON = 1e-9;

/** A finite number (absent, NaN and ±Infinity are "no value"). */
export function isNum(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `a >= b`, tolerating float error of EPSILON relative to the magnitude of the operands (at least 1). */
export function atLeast(a: number, b: number): boolean {
  return a >= b - EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Plain UTF-16 code-unit comparison: deterministic and fast (no locale, no Intl). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `numerator / denominator`, or 0 when the denominator is 0 (used for shares of an all-zero total). */
export function shareOf(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Revenue as the analysis uses it: finite and >= 0, anything else (NaN, negative, absent) counts as 0. */
export function revenueOf(value: unknown): number {
  return isNum(value) && value > 0 ? value : 0;
}

/**
 * Reorders `values[left..right]` so that `values[k]` is the value a sort would put there, with no larger
 * value before it and no smaller one after it (Hoare's selection; linear time on average). The one
 * selection of the analysis (medians, tertiles): d3-array's quickselect calls a generic comparator per
 * step, several times slower on 100,000 values.
 */
export function selectInPlace(values: Float64Array, k: number, left = 0, right = values.length - 1): void {
  while (right > left) {
    // Median of three as the pivot keeps sorted and reversed input linear.
    const a = values[left]!;
    const b = values[(left + right) >> 1]!;
    const c = values[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
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

/** The values that are numbers (not NaN), copied: what a selection may reorder. */
export function presentValues(values: Float64Array): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) count++;
  if (count === values.length) return values.slice();
  const out = new Float64Array(count);
  for (let i = 0, k = 0; i < values.length; i++) if (values[i] === values[i]) out[k++] = values[i]!;
  return out;
}

/**
 * The median of the values that are not NaN, as d3-array's `median` computes it (the mean of the two
 * middle values for an even count, and +0 rather than -0 in the middle of two or more values); null when
 * there is none. `values` is not changed.
 */
export function median(values: Float64Array): number | null {
  const present = presentValues(values);
  const n = present.length;
  if (n === 0) return null;
  const i0 = (n - 1) >> 1;
  selectInPlace(present, i0);
  const lower = present[i0]!;
  if (n % 2 === 1) return n === 1 ? lower : lower + 0;
  // After the selection everything right of i0 is >= lower: the upper middle value is their minimum.
  let upper = Infinity;
  for (let i = i0 + 1; i < n; i++) if (present[i]! < upper) upper = present[i]!;
  return lower + (upper - lower) / 2;
}
