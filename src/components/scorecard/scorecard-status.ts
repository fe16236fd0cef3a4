/**
 * The scorecard's rule for judging a KPI (no DOM): its status against a target with a tolerance, and
 * whether its change against the previous value is for the better. The KPI maths itself stays in
 * src/analysis/kpis.ts; this module only compares what deriveKpis returns with the targets.
 *
 * Status against a target (tolerance t, default 0.05, as a fraction of the target; band = t × |target|):
 * - higher is better: on track when value ≥ target; at risk when target − band ≤ value < target;
 *   off track when value < target − band.
 * - lower is better:  on track when value ≤ target; at risk when target < value ≤ target + band;
 *   off track when value > target + band.
 * - "no-target" when the KPI has no target; "not-available" when it has no value.
 * Comparisons tolerate float noise (a value within 1e-9 relative of a limit counts as reaching it).
 */
import type { Kpi } from '../../analysis/kpis.js';
import { atLeast } from '../../analysis/numbers.js';
import type { KpiStatus } from '../../internal/events.js';

export type TileStatus = KpiStatus | 'not-available';
export type Better = Kpi['better'];

/** Default tolerance: 5% of the target. */
export const DEFAULT_TOLERANCE = 0.05;

/** A usable tolerance: finite and ≥ 0, else the default. */
export function toleranceOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_TOLERANCE;
}

/** Where "at risk" ends and "off track" begins: target − band (higher is better) or target + band (lower). */
export function atRiskLimit(target: number, better: Better, tolerance: number): number {
  const band = toleranceOf(tolerance) * Math.abs(target);
  return better === 'higher' ? target - band : target + band;
}

/** Status of a value against a target (see the module comment for the rule). */
export function kpiStatus(value: number | null, target: number | undefined, better: Better, tolerance: number): TileStatus {
  if (value === null) return 'not-available';
  if (target === undefined) return 'no-target';
  const limit = atRiskLimit(target, better, tolerance);
  // "reaches" in the KPI's good direction: ≥ for higher-is-better, ≤ for lower-is-better.
  const reaches = (a: number, b: number) => (better === 'higher' ? atLeast(a, b) : atLeast(b, a));
  if (reaches(value, target)) return 'on-track';
  return reaches(value, limit) ? 'at-risk' : 'off-track';
}

export interface KpiChange {
  /** value − previous, in the KPI's unit. */
  delta: number;
  direction: 'up' | 'down' | 'flat';
  /** Whether the change is good, given the KPI's direction (churn going down is better). */
  verdict: 'better' | 'worse' | 'same';
}

/** The change against the previous value, or undefined when either is missing. */
export function kpiChange(value: number | null, previous: number | undefined, better: Better): KpiChange | undefined {
  if (value === null || previous === undefined) return undefined;
  const delta = value - previous;
  if (atLeast(value, previous) && atLeast(previous, value)) return { delta: 0, direction: 'flat', verdict: 'same' };
  const direction = delta > 0 ? 'up' : 'down';
  const good = (direction === 'up') === (better === 'higher');
  return { delta, direction, verdict: good ? 'better' : 'worse' };
}
