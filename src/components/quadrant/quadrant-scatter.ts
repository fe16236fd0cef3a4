/**
 * The scatter behind <kam-quadrant>, derived once per feed and options from what `quadrants()` and
 * `assignTiers()` return: every placed account's position on a unit square (0..1 on both axes, through
 * a linear or symmetric-log scale), its revenue and tier, and a quadtree over those unit positions for
 * hit testing. Pure (no DOM); the layout turns unit positions into pixels for the current size and zoom.
 *
 * Decisions:
 * - `scale="log"` is a symmetric log, sign(v)·ln(1 + |v|): zero stays at zero and negative impact is
 *   mirrored below it (a plain log cannot show either). Below 1 in absolute value it is nearly linear.
 * - Linear axes start at 0 (or below, for negative impact) and are rounded outwards to nice numbers; the
 *   split thresholds always lie inside the domain.
 */
import { quadtree, type Quadtree } from 'd3-quadtree';
import { sharedColumns } from '../../analysis/columns.js';
import { quadrants, type QuadrantResult } from '../../analysis/quadrant.js';
import { assignTiers, type TierResult } from '../../analysis/tiers.js';
import type { Feed } from '../../feed/parse.js';
import { scaleLinear } from '../../internal/scale.js';

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

/** The linear axis' unit positions, by the position scale's own arithmetic (internal/scale.ts: domain d0..d1 onto 0..1). */
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

export interface Scatter {
  /** How many accounts are placed (points). */
  count: number;
  /** Per point (index k = position in result.points): the account's index in the feed. */
  account: Uint32Array;
  effort: Float64Array;
  impact: Float64Array;
  revenue: Float64Array;
  /** Index into TIER_ORDER. */
  tier: Uint8Array;
  /** Index into QUADRANT_IDS. */
  quadrant: Uint8Array;
  /** Unit positions: u along effort (left to right), v along impact (bottom to top). */
  u: Float64Array;
  v: Float64Array;
  x: Axis;
  y: Axis;
  /** The split thresholds as unit positions (0 when nothing is placed). */
  splitU: number;
  splitV: number;
  maxRevenue: number;
  /** The largest-revenue point of each quadrant (QUADRANT_IDS order), -1 for an empty one. */
  quadrantLead: Int32Array;
  /** Points by unit position, for nearest-point and brush queries (built on first access). */
  readonly tree: Quadtree<number>;
}

/**
 * Each point's tier (from its account's), the largest-revenue point of each quadrant, and into `extent`
 * the smallest and largest effort and impact and the largest revenue.
 */
function scanPoints(
  account: Uint32Array,
  tierIndex: Uint8Array,
  quadrant: Uint8Array,
  revenue: Float64Array,
  effort: Float64Array,
  impact: Float64Array,
  tier: Uint8Array,
  quadrantLead: Int32Array,
  extent: Float64Array,
): void {
  let minE = Infinity;
  let maxE = -Infinity;
  let minI = Infinity;
  let maxI = -Infinity;
  let maxRevenue = 0;
  for (let k = 0; k < tier.length; k++) {
    const r = revenue[k]!;
    tier[k] = tierIndex[account[k]!]!;
    const q = quadrant[k]!;
    const lead = quadrantLead[q]!;
    if (lead < 0 || r > revenue[lead]!) quadrantLead[q] = k;
    const e = effort[k]!;
    const m = impact[k]!;
    if (e < minE) minE = e;
    if (e > maxE) maxE = e;
    if (m < minI) minI = m;
    if (m > maxI) maxI = m;
    if (r > maxRevenue) maxRevenue = r;
  }
  extent[0] = minE;
  extent[1] = maxE;
  extent[2] = minI;
  extent[3] = maxI;
  extent[4] = maxRevenue;
}

/** The scatter of a quadrant result; `tierIndex[i]` is the tier (index into TIER_ORDER) of the feed's account i. */
export function scatterOf(result: QuadrantResult, tierIndex: Uint8Array, kind: ScaleKind): Scatter {
  const n = result.placed;
  const account = result.pointIndex;
  const effort = result.pointEffort;
  const impact = result.pointImpact;
  const quadrant = result.pointQuadrant;
  const revenue = result.pointRevenue;
  const tier = new Uint8Array(n);
  const quadrantLead = new Int32Array(4).fill(-1);
  const extent = new Float64Array(5);
  scanPoints(account, tierIndex, quadrant, revenue, effort, impact, tier, quadrantLead, extent);
  const maxRevenue = extent[4]!;
  const x = axisFor(kind, n ? extent[0]! : 0, n ? extent[1]! : 1, result.effortThreshold);
  const y = axisFor(kind, n ? extent[2]! : 0, n ? extent[3]! : 1, result.impactThreshold);
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  x.toUnits(effort, u);
  y.toUnits(impact, v);
  // The quadtree is built on first use (the first hover, brush or key), not before the first paint.
  let tree: Quadtree<number> | undefined;
  const buildTree = () => {
    const indices = new Array<number>(n);
    for (let k = 0; k < n; k++) indices[k] = k;
    return quadtree<number>()
      .x((k) => u[k]!)
      .y((k) => v[k]!)
      .addAll(indices);
  };
  return {
    count: n,
    account,
    effort,
    impact,
    revenue,
    tier,
    quadrant,
    u,
    v,
    x,
    y,
    splitU: result.effortThreshold === null ? 0 : x.toUnit(result.effortThreshold),
    splitV: result.impactThreshold === null ? 0 : y.toUnit(result.impactThreshold),
    maxRevenue,
    quadrantLead,
    get tree() {
      return (tree ??= buildTree());
    },
  };
}

/** What the chart shows for one feed and set of options. */
export interface QuadrantModel {
  feed: Feed;
  effortThreshold?: number;
  impactThreshold?: number;
  scale: ScaleKind;
  result: QuadrantResult;
  tiers: TierResult;
  scatter: Scatter;
}

export interface QuadrantModelOptions {
  effortThreshold?: number;
  impactThreshold?: number;
  scale: ScaleKind;
}

/** The model of `feed` under `options`; reuses `previous` whole when nothing changed, and its tiers when only the options did. */
export function quadrantModel(feed: Feed, options: QuadrantModelOptions, previous?: QuadrantModel): QuadrantModel {
  const { effortThreshold, impactThreshold, scale } = options;
  if (previous?.feed === feed && previous.effortThreshold === effortThreshold && previous.impactThreshold === impactThreshold && previous.scale === scale) return previous;
  // The accounts are read once (in one pass for what the tiers and the quadrants need), into columns
  // shared with every widget on the same feed.
  const columns = sharedColumns(feed.accounts).read(['revenue', 'profit', 'potential', 'previousRevenue', 'effort', 'impact', 'givenTier']);
  const tiers = previous?.feed === feed ? previous.tiers : assignTiers(feed.accounts, {}, columns);
  const result = quadrants(feed.accounts, { effortThreshold, impactThreshold, columns });
  const scatter = scatterOf(result, tiers.tierIndex, scale);
  return { feed, effortThreshold, impactThreshold, scale, result, tiers, scatter };
}


/** How unit positions map to pixels: px = x0 + (u - u0) * sx, py = y0 - (v - v0) * sy. */
export interface UnitToPixel {
  u0: number;
  v0: number;
  x0: number;
  y0: number;
  sx: number;
  sy: number;
}

/**
 * The point nearest to pixel (x, y): distance is measured to the bubble's edge (0 inside it), ties go
 * to the nearer centre, then to the smaller bubble, so a small bubble on top of a big one stays reachable. -1 when none is within
 * `reach` px. Uses the quadtree, pruning boxes that cannot hold anything nearer.
 */
export function nearestPoint(scatter: Scatter, map: UnitToPixel, x: number, y: number, radius: Float32Array, maxRadius: number, reach: number): number {
  const qu = map.u0 + (x - map.x0) / map.sx;
  const qv = map.v0 + (map.y0 - y) / map.sy;
  let best = -1;
  let bestEdge = reach;
  let bestCentre = Infinity;
  scatter.tree.visit((node, x0, y0, x1, y1) => {
    const du = qu < x0 ? x0 - qu : qu > x1 ? qu - x1 : 0;
    const dv = qv < y0 ? y0 - qv : qv > y1 ? qv - y1 : 0;
    if (Math.hypot(du * map.sx, dv * map.sy) - maxRadius > bestEdge) return true;
    if (!node.length) {
      for (let leaf: typeof node | undefined = node; leaf; leaf = (leaf as { next?: typeof node }).next) {
        const k = (leaf as { data: number }).data;
        const centre = Math.hypot((scatter.u[k]! - qu) * map.sx, (scatter.v[k]! - qv) * map.sy);
        const edge = Math.max(0, centre - radius[k]!);
        // Ties (same edge distance and centre) go to the smaller bubble: it is drawn on top.
        const nearer = edge < bestEdge || (edge === bestEdge && (centre < bestCentre || (centre === bestCentre && best >= 0 && radius[k]! < radius[best]!)));
        if (nearer) {
          best = k;
          bestEdge = edge;
          bestCentre = centre;
        }
      }
    }
    return false;
  });
  return best;
}

/** The points whose centres lie in the unit rectangle [u0, u1] x [v0, v1] (edges included), in point order. */
export function pointsInBox(scatter: Scatter, u0: number, u1: number, v0: number, v1: number): number[] {
  const found: number[] = [];
  scatter.tree.visit((node, x0, y0, x1, y1) => {
    if (x0 > u1 || x1 < u0 || y0 > v1 || y1 < v0) return true;
    if (!node.length) {
      for (let leaf: typeof node | undefined = node; leaf; leaf = (leaf as { next?: typeof node }).next) {
        const k = (leaf as { data: number }).data;
        const u = scatter.u[k]!;
        const v = scatter.v[k]!;
        if (u >= u0 && u <= u1 && v >= v0 && v <= v1) found.push(k);
      }
    }
    return false;
  });
  return found.sort((a, b) => a - b);
}

export type Direction = 'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown';

/**
 * The point an arrow key moves to from point `from`, in screen pixels (y grows downwards): the nearest
 * point within 45° of the direction; when there is none, the nearest one anywhere on that side (off-axis
 * distance counted double). Points at exactly the same position are visited in point order (Right and
 * Down go to the next one, Left and Up to the previous). -1 when nothing lies that way.
 */
export function nearestInDirection(from: number, key: Direction, px: Float32Array, py: Float32Array): number {
  const x0 = px[from]!;
  const y0 = py[from]!;
  const forward = key === 'ArrowRight' || key === 'ArrowDown';
  const horizontal = key === 'ArrowRight' || key === 'ArrowLeft';
  let best = -1;
  let bestScore = Infinity;
  let fallback = -1;
  let fallbackScore = Infinity;
  for (let k = 0; k < px.length; k++) {
    if (k === from) continue;
    const dx = px[k]! - x0;
    const dy = py[k]! - y0;
    const along = (horizontal ? dx : dy) * (forward ? 1 : -1);
    const across = Math.abs(horizontal ? dy : dx);
    if (along < 0 || (along === 0 && across > 0)) continue;
    if (along === 0) {
      // Same position: the next (or previous) point in order, nearest in order first.
      if (forward ? k < from : k > from) continue;
      const score = -1 / (1 + Math.abs(k - from));
      if (score < bestScore) {
        best = k;
        bestScore = score;
      }
      continue;
    }
    if (across <= along) {
      const score = along * along + across * across;
      if (score < bestScore) {
        best = k;
        bestScore = score;
      }
    } else {
      const score = along * along + 4 * across * across;
      if (score < fallbackScore) {
        fallback = k;
        fallbackScore = score;
      }
    }
  }
  return best >= 0 ? best : fallback;
}

/** The `count` points with the largest `values` among those `keep` accepts, largest first (ties: point order). */
export function topPoints(values: Float64Array, count: number, keep: (k: number) => boolean = () => true): number[] {
  const top: number[] = [];
  if (count <= 0) return top;
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    if (top.length === count && value <= values[top[count - 1]!]!) continue;
    if (!keep(k)) continue;
    let at = top.length;
    while (at > 0 && values[top[at - 1]!]! < value) at--;
    top.splice(at, 0, k);
    if (top.length > count) top.pop();
  }
  return top;
}
