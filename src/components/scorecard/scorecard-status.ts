/**
 * The scorecard's rules on top of the KPI definitions (no DOM): which KPIs a scorecard shows, target
 * status with a tolerance, the change against the previous value, the layout's column count, the
 * sparkline path and text fitting for the export drawing. The KPI maths itself stays in
 * src/analysis/kpis.ts; this module only compares and arranges what deriveKpis returns.
 *
 * Status against a target (tolerance t, default 0.05, as a fraction of the target; band = t × |target|):
 * - higher is better: on track when value ≥ target; at risk when target − band ≤ value < target;
 *   off track when value < target − band.
 * - lower is better:  on track when value ≤ target; at risk when target < value ≤ target + band;
 *   off track when value > target + band.
 * - "no-target" when the KPI has no target; "not-available" when it has no value.
 * Comparisons tolerate float noise (a value within 1e-9 relative of a limit counts as reaching it).
 */
import { polyline, scaleLinear } from '../../internal/scale.js';
import { extent } from 'd3-array';
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

/** KPI ids from the `kpis` attribute ("nps, churn"): trimmed, empty entries and repeats dropped; undefined when none. */
export function parseKpiIds(text: string | null | undefined): string[] | undefined {
  if (!text) return undefined;
  const ids = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
  return ids.length ? ids : undefined;
}

export interface Targets {
  byId: Map<string, number>;
  /** Entries that were not "id:number", quoted for the notes line. */
  ignored: string[];
}

/** Targets from the `targets` attribute ("nps:50,churn:0.05") or property (the same text, or { nps: 50 }). */
export function parseTargets(input: unknown): Targets {
  const byId = new Map<string, number>();
  const ignored: string[] = [];
  const add = (id: string, raw: unknown, entry: string) => {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (id && Number.isFinite(n)) byId.set(id, n);
    else ignored.push(entry);
  };
  if (typeof input === 'string') {
    for (const entry of input.split(',').map((s) => s.trim()).filter(Boolean)) {
      const at = entry.lastIndexOf(':');
      add(at > 0 ? entry.slice(0, at).trim() : '', at > 0 ? entry.slice(at + 1) : '', entry);
    }
  } else if (input && typeof input === 'object') {
    for (const [id, raw] of Object.entries(input)) add(id.trim(), raw, `${id}:${String(raw)}`);
  }
  return { byId, ignored };
}

/**
 * Which KPIs the scorecard shows: the ids asked for, in that order (an id deriveKpis does not know becomes
 * a "not available" KPI); by default every available KPI, or all of them when none is available.
 */
export function chooseKpis(all: readonly Kpi[], ids: readonly string[] | undefined, missing: (id: string) => Kpi): { shown: Kpi[]; hidden: Kpi[] } {
  if (ids) {
    const byId = new Map(all.map((k) => [k.id, k]));
    return { shown: ids.map((id) => byId.get(id) ?? missing(id)), hidden: [] };
  }
  const available = all.filter((k) => k.available);
  if (available.length === 0) return { shown: [...all], hidden: [] };
  return { shown: available, hidden: all.filter((k) => !k.available) };
}

/** Narrowest tile the grid allows, and the gap between tiles, in px. */
export const TILE_MIN_WIDTH = 220;
export const TILE_GAP = 12;
export const MAX_COLUMNS = 5;

/** Columns of the tile grid: as many tiles of at least TILE_MIN_WIDTH as fit, 1 to 5, never more than tiles. */
export function columnsFor(width: number, tiles: number): number {
  const fit = Math.floor((width + TILE_GAP) / (TILE_MIN_WIDTH + TILE_GAP));
  return Math.max(1, Math.min(MAX_COLUMNS, fit, Math.max(1, tiles)));
}

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

export { fitText, wrapLines as wrapText } from '../../internal/text-fit.js';
