/**
 * Where each account of a quadrant split stood in the previous period: its effort and impact then (impact
 * as now: its own score, else growth headroom), and the quadrant that puts it in by the current split,
 * so a manager sees the accounts that moved into Over-served.
 *
 * Decisions:
 * - The previous position is judged against the split drawn now (the current thresholds), so a trail
 *   that crosses a line is a change of quadrant on the chart. The previous period's own medians are not
 *   used: they would move the lines under the trails.
 * - An account without effort or impact in the previous period (or without figures for it) has no
 *   previous position; it is counted neither as moved nor as stayed.
 */
import { NO_TIER } from '../feed/columns.js';
import type { Portfolio } from './portfolio.js';
import { QUADRANT_IDS, type QuadrantResult } from './quadrant.js';

export interface QuadrantTrail {
  /** The previous period's label. */
  period: string;
  /** Per point k of the split: effort and impact in the previous period; NaN when unknown. */
  effort: Float64Array;
  impact: Float64Array;
  /** Per point: its quadrant then (index into QUADRANT_IDS) by the current split; NO_TIER when unknown. */
  quadrant: Uint8Array;
  /** Per quadrant (QUADRANT_IDS order): how many points are in it now and were in another one then. */
  movedInto: Uint32Array;
  /** Points with a previous position. */
  known: number;
}

/** The previous positions of the points of `result` (a split of `portfolio`); undefined without a previous period. */
export function quadrantTrail(portfolio: Portfolio, result: QuadrantResult): QuadrantTrail | undefined {
  const previous = portfolio.periods().previous();
  if (!previous || result.effortThreshold === null || result.impactThreshold === null) return undefined;
  const { effort: effortThen, impact: impactThen, potential, revenue } = previous.portfolio.columns;
  const n = result.placed;
  const effort = new Float64Array(n).fill(NaN);
  const impact = new Float64Array(n).fill(NaN);
  const quadrant = new Uint8Array(n).fill(NO_TIER);
  const movedInto = new Uint32Array(QUADRANT_IDS.length);
  let known = 0;
  for (let k = 0; k < n; k++) {
    const row = previous.rowOf[result.pointIndex[k]!]!;
    if (row < 0) continue;
    const e = effortThen[row]!;
    const own = impactThen[row]!;
    const m = own === own ? own : potential[row]! - revenue[row]!;
    if (e !== e || m !== m) continue;
    effort[k] = e;
    impact[k] = m;
    const highEffort = e >= result.effortThreshold;
    const highImpact = m >= result.impactThreshold;
    const q = highImpact ? (highEffort ? 1 : 0) : highEffort ? 3 : 2;
    quadrant[k] = q;
    known++;
    if (q !== result.pointQuadrant[k]) movedInto[result.pointQuadrant[k]!]!++;
  }
  return { period: previous.label, effort, impact, quadrant, movedInto, known };
}
