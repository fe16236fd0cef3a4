/**
 * Position scales for the charts: linear, square-root (bubble areas) and log, with d3's chainable API
 * (`scaleLinear().domain([0, 10]).nice().range([300, 0])`, `.ticks()`, `.invert()`) and d3-array's tick
 * algorithm; and the quadrant's axes (`axisFor`), linear or symmetric log, onto a unit square. Why not
 * d3-scale itself: its continuous scales import d3-interpolate, d3-color and d3-format for colour
 * interpolation and tick formats the kit never uses (we format with Intl), which cost about 8 KB gzip of
 * the 45 KB script budget; position scales on numbers are a few lines.
 *
 * Decisions (axes):
 * - The symmetric log is sign(v)·ln(1 + |v|) (d3's scaleSymlog with constant 1): zero stays at zero and
 *   negative values are mirrored below it (a plain log cannot show either). Below 1 in absolute value it
 *   is nearly linear.
 * - Linear axes start at 0 (or below, for negative values) and are rounded outwards to nice numbers; the
 *   given threshold always lies inside the domain.
 */
import { nice as niceExtent, ticks as linearTicks } from 'd3-array';

export interface Scale {
  (value: number): number;
  domain(): [number, number];
  domain(domain: readonly number[]): Scale;
  range(): [number, number];
  range(range: readonly number[]): Scale;
  /** Extends the domain to round tick values (linear and sqrt) or powers of ten (log). */
  nice(count?: number): Scale;
  ticks(count?: number): number[];
  invert(position: number): number;
  /** Keeps outputs within the range for inputs outside the domain. */
  clamp(clamp: boolean): Scale;
  copy(): Scale;
}

interface Transform {
  forward: (value: number) => number;
  backward: (value: number) => number;
  ticks: (lo: number, hi: number, count: number) => number[];
  nice: (lo: number, hi: number, count: number) => [number, number];
}

function continuous(transform: Transform, domain: [number, number] = [0, 1], range: [number, number] = [0, 1], clamped = false): Scale {
  // The transformed domain is kept up to date on every change, so a call is a few arithmetic steps (the
  // charts call it once per point: 100,000 times per paint).
  let t0 = 0;
  let t1 = 1;
  const rescale = () => {
    t0 = transform.forward(domain[0]);
    t1 = transform.forward(domain[1]);
  };
  rescale();
  const scale = ((value: number) => {
    let t = t1 === t0 ? 0.5 : (transform.forward(value) - t0) / (t1 - t0);
    if (clamped) t = Math.max(0, Math.min(1, t));
    const position = range[0] + t * (range[1] - range[0]);
    // A position is an SVG attribute: never NaN or ±Infinity (an input outside every finite domain lands on the range's end).
    return position - position === 0 ? position : t > 0 ? range[1] : range[0];
  }) as Scale;
  scale.domain = ((next?: readonly number[]) => {
    if (!next) return [...domain];
    domain = [next[0]!, next[next.length - 1]!];
    rescale();
    return scale;
  }) as Scale['domain'];
  scale.range = ((next?: readonly number[]) => {
    if (!next) return [...range];
    range = [next[0]!, next[next.length - 1]!];
    return scale;
  }) as Scale['range'];
  scale.nice = (count = 10) => {
    const reversed = domain[1] < domain[0];
    const [lo, hi] = transform.nice(Math.min(...domain), Math.max(...domain), count);
    domain = reversed ? [hi, lo] : [lo, hi];
    rescale();
    return scale;
  };
  scale.ticks = (count = 10) => transform.ticks(Math.min(...domain), Math.max(...domain), count);
  scale.invert = (position: number) => {
    const t = range[1] === range[0] ? 0 : (position - range[0]) / (range[1] - range[0]);
    return transform.backward(t0 + t * (t1 - t0));
  };
  scale.clamp = (next: boolean) => {
    clamped = next;
    return scale;
  };
  scale.copy = () => continuous(transform, [...domain], [...range], clamped);
  return scale;
}

const linear: Transform = {
  forward: (v) => v,
  backward: (v) => v,
  ticks: (lo, hi, count) => linearTicks(lo, hi, count),
  nice: (lo, hi, count) => niceExtent(lo, hi, count),
};

/** A linear scale, as d3's scaleLinear. */
export const scaleLinear = (): Scale => continuous(linear);

/** A square-root scale (for bubble radii, so areas are proportional to values), as d3's scaleSqrt. */
export const scaleSqrt = (): Scale =>
  continuous({
    ...linear,
    forward: (v) => Math.sign(v) * Math.sqrt(Math.abs(v)),
    backward: (v) => Math.sign(v) * v * v,
  });

/** A base-10 log scale for positive domains, as d3's scaleLog; ticks are 1, 2, 5 × powers of ten (fewer when crowded). */
export const scaleLog = (): Scale =>
  continuous({
    forward: (v) => Math.log10(v),
    backward: (v) => 10 ** v,
    nice: (lo, hi) => [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))],
    ticks: (lo, hi, count) => {
      const from = Math.floor(Math.log10(lo));
      const to = Math.ceil(Math.log10(hi));
      const decades = to - from;
      const steps = decades * 3 <= count ? [1, 2, 5] : decades <= count ? [1] : [];
      const ticks: number[] = [];
      const every = steps.length ? 1 : Math.ceil(decades / Math.max(1, count));
      for (let e = from; e <= to; e += every) {
        for (const m of steps.length ? steps : [1]) {
          const value = m * 10 ** e;
          if (value >= lo * (1 - 1e-12) && value <= hi * (1 + 1e-12)) ticks.push(value);
        }
      }
      return ticks;
    },
  });

/** An SVG path through points: "M x,y L x,y …" (what d3-shape's line() gives for straight segments). */
export function polyline(points: readonly (readonly [number, number])[]): string {
  let path = '';
  for (const [x, y] of points) {
    if (x - x !== 0 || y - y !== 0) continue; // a point without a finite position is left out, not written as NaN
    path += `${path ? 'L' : 'M'}${Math.round(x * 100) / 100},${Math.round(y * 100) / 100}`;
  }
  return path;
}

// ---- axes onto the unit square (the quadrant) ------------------------------------------------------

/** How an axis spaces its values: linear, or the symmetric log. */
export type ScaleKind = 'linear' | 'log';

/** One axis: data value <-> unit position (0..1), and the ticks of a window of it. */
export interface Axis {
  kind: ScaleKind;
  /** The data values at unit 0 and unit 1. */
  domain: readonly [number, number];
  toUnit(value: number): number;
  fromUnit(unit: number): number;
  /** Tick values inside the unit window [u0, u1], about `count` of them. */
  ticks(u0: number, u1: number, count: number): number[];
  /** `toUnit` of every value into `out`: the same numbers, in one pass with no call per value. */
  toUnits(values: Float64Array, out: Float64Array): void;
}

/*
 * Passes over every point are functions of their own with nothing but their loop (and no calls of
 * closures made per chart), so the engine's compiled code for them lasts from chart to chart.
 */

/** The linear axis' unit positions, by the linear scale's own arithmetic (`continuous` above: domain d0..d1 onto 0..1). */
function linearUnits(values: Float64Array, out: Float64Array, d0: number, d1: number): void {
  const span = d1 - d0;
  for (let k = 0; k < values.length; k++) {
    const t = d1 === d0 ? 0.5 : (values[k]! - d0) / span;
    out[k] = 0 + t * 1;
  }
}

/** The symmetric-log axis' unit positions (as its `toUnit`). */
function symlogUnits(values: Float64Array, out: Float64Array, t0: number, span: number): void {
  for (let k = 0; k < values.length; k++) out[k] = (symlog(values[k]!) - t0) / span;
}

const symlog = (v: number) => Math.sign(v) * Math.log1p(Math.abs(v));
const symexp = (t: number) => Math.sign(t) * Math.expm1(Math.abs(t));

/** The axis over values from `min` to `max` that also contains `threshold`. */
export function axisFor(kind: ScaleKind, min: number, max: number, threshold: number | null): Axis {
  let lo = Math.min(0, min, threshold ?? 0);
  let hi = Math.max(0, max, threshold ?? 0);
  if (kind === 'linear') {
    if (hi === lo) hi = lo + 1;
    const scale = scaleLinear().domain([lo, hi]).nice().range([0, 1]);
    const [d0, d1] = scale.domain() as [number, number];
    return {
      kind,
      domain: [d0, d1],
      toUnit: (v) => scale(v),
      fromUnit: (u) => scale.invert(u),
      ticks: (u0, u1, count) => scaleLinear().domain([scale.invert(u0), scale.invert(u1)]).ticks(count),
      toUnits: (values, out) => linearUnits(values, out, d0, d1),
    };
  }
  // Symmetric log, padded by 3% of the transformed span on each side that is not zero.
  let t0 = symlog(lo);
  let t1 = symlog(hi);
  if (t1 === t0) t1 = t0 + 1;
  const pad = (t1 - t0) * 0.03;
  if (lo < 0) t0 -= pad;
  t1 += pad;
  lo = symexp(t0);
  hi = symexp(t1);
  const span = t1 - t0;
  const toUnit = (v: number) => (symlog(v) - t0) / span;
  const fromUnit = (u: number) => symexp(t0 + u * span);
  return {
    kind,
    domain: [lo, hi],
    toUnit,
    fromUnit,
    ticks: (u0, u1, count) => symlogTicks(fromUnit(u0), fromUnit(u1), count),
    toUnits: (values, out) => symlogUnits(values, out, t0, span),
  };
}

/**
 * Ticks of a symmetric-log window: 0 and the powers of ten (negative ones mirrored) inside it, thinned to
 * about `count`, with 2 and 5 multiples added when only a few decades show; linear ticks when the window
 * is narrower than two of those.
 */
export function symlogTicks(lo: number, hi: number, count: number): number[] {
  const decades: number[] = [];
  const top = Math.ceil(Math.log10(Math.max(Math.abs(lo), Math.abs(hi), 1)));
  for (let k = top; k >= 0; k--) decades.push(-(10 ** k));
  decades.push(0);
  for (let k = 0; k <= top; k++) decades.push(10 ** k);
  let ticks = decades.filter((v) => v >= lo && v <= hi);
  if (ticks.length < count / 2) {
    const dense = decades.flatMap((v) => (v === 0 ? [0] : [v, v * 2, v * 5])).filter((v) => v >= lo && v <= hi);
    if (dense.length <= count) ticks = dense.sort((a, b) => a - b);
  }
  if (ticks.length < 2) return scaleLinear().domain([lo, hi]).ticks(count);
  if (ticks.length <= count) return ticks;
  // Thin each side of zero from its outermost decade inwards, so the ends and 0 stay, leaving out the
  // decades within one step of zero (the most crowded on a log axis: ±1 beside 0); then drop decades
  // nearest zero until at most `count` remain.
  const step = Math.ceil(ticks.length / Math.max(2, count));
  const nearZero = (v: number) => Math.log10(Math.abs(v)) + 1 < step;
  const side = (values: number[]) => values.filter((v, i) => (values.length - 1 - i) % step === 0 && !(ticks.includes(0) && nearZero(v)));
  const negative = side(ticks.filter((v) => v < 0).reverse()).reverse();
  const positive = side(ticks.filter((v) => v > 0));
  while (negative.length + positive.length + (ticks.includes(0) ? 1 : 0) > count && negative.length + positive.length > 2) {
    if (positive.length >= negative.length) positive.shift();
    else negative.pop();
  }
  return [...negative, ...(ticks.includes(0) ? [0] : []), ...positive];
}
