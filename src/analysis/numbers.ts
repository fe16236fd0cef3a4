/**
 * Small numeric helpers shared by the analysis layer.
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
