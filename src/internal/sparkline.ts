/**
 * A sparkline: a small line of values in a box, with an optional target line, as a path string (no DOM).
 * The scorecard's tiles draw KPIs by period with it, the tier matrix its tier counts against their goals.
 */
import { extent } from 'd3-array';
import { polyline, scaleLinear } from './scale.js';

export interface Sparkline {
  /** The path of the values, oldest at x = 0, latest at x = width. */
  path: string;
  /** The target's y when it falls inside the drawn range (the range is widened to include it). */
  targetY?: number;
  /** The latest point, marked with a dot. */
  last: { x: number; y: number };
}

/** A sparkline of `values` in a width × height box (1 px inset); undefined for fewer than 2 values. */
export function sparkline(values: readonly number[], width: number, height: number, target?: number): Sparkline | undefined {
  if (values.length < 2) return undefined;
  const [lo, hi] = extent(target === undefined ? values : [...values, target]) as [number, number];
  const y = scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).range([height - 1, 1]);
  const x = scaleLinear().domain([0, values.length - 1]).range([1, width - 1]);
  const round = (n: number) => Math.round(n * 10) / 10;
  const path = polyline(values.map((v, i) => [round(x(i)), round(y(v))] as const));
  const result: Sparkline = { path, last: { x: round(x(values.length - 1)), y: round(y(values[values.length - 1]!)) } };
  if (target !== undefined) result.targetY = round(y(target));
  return result;
}

