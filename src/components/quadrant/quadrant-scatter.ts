/**
 * The scatter behind <kam-quadrant>: every placed account's position on a unit square (0..1 on both
 * axes, through the axes of internal/scale.ts, linear or symmetric log), its revenue and tier, a
 * quadtree over those unit positions, and the searches the chart makes over its points (the nearest to
 * the pointer, those in a dragged rectangle, the next one in an arrow's direction, the largest). Pure
 * (no DOM); the layout turns unit positions into pixels for the current size and zoom.
 */
import { quadtree, type Quadtree } from 'd3-quadtree';
import type { QuadrantResult } from '../../analysis/quadrant.js';
import { axisFor, type Axis, type ScaleKind } from '../../internal/scale.js';
import type { UnitToPixel } from './quadrant-zoom.js';

export interface Scatter {
  /** How many accounts are placed (points). */
  count: number;
  /** Per point k (input order of the placed accounts): the account's index in the portfolio. */
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

/** The scatter of a quadrant result; `tierIndex[i]` is the tier (index into TIER_ORDER) of the split's account i. */
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

/**
 * The quadrant (index into QUADRANT_IDS) after point `from`'s, in order (`step` 1) or backwards (-1),
 * skipping quadrants without points; from the first (or last) when `from` is -1. -1 when none has points.
 */
export function quadrantAfter(scatter: Scatter, from: number, step: 1 | -1): number {
  let q = from >= 0 ? scatter.quadrant[from]! : step > 0 ? -1 : 4;
  for (let i = 0; i < 4; i++) {
    q = (q + step + 4) % 4;
    if (scatter.quadrantLead[q]! >= 0) return q;
  }
  return -1;
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
