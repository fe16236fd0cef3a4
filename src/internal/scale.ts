/**
 * Position scales for the charts: linear, square-root (bubble areas) and log, with d3's chainable API
 * (`scaleLinear().domain([0, 10]).nice().range([300, 0])`, `.ticks()`, `.invert()`) and d3-array's tick
 * algorithm. Why not d3-scale itself: its continuous scales import d3-interpolate, d3-color and d3-format
 * for colour interpolation and tick formats the kit never uses (we format with Intl), which cost about
 * 8 KB gzip of the 45 KB script budget; position scales on numbers are a few lines.
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
