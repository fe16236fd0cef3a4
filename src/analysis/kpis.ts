/**
 * Account-management KPIs of a portfolio, each with its value in every period the feed has, and
 * feed-supplied overrides.
 *
 * Decisions:
 * - Every derived KPI of a period is its definition (kpi-values.ts) applied to that period's figures
 *   (periods.ts): the previous value is the KPI of the period before the current one (revenue growth of
 *   the previous period is that period against the one before it), and the history is the KPI of each of
 *   the last HISTORY_PERIODS periods, the current one included, oldest first.
 * - A history holds the trailing run of periods in which the KPI has a value: a period in which it is
 *   not available (no account had an NPS answer then) ends the run. A history of one value is none.
 * - An available derived KPI either carries `previous` or says why not in `previousUnavailableReason`
 *   (no earlier period, or the KPI not available in it), never silently neither.
 * - A past period holds the accounts with figures for it (a history point, or previousRevenue for the
 *   previous period): an account missing from a period is left out of that period's KPIs, and an account
 *   a feed no longer lists takes its history with it. Keep lost accounts in the feed with revenue 0.
 * - Overrides: an override with a derived id replaces the KPI entirely (`source: 'feed'`, no `base`),
 *   with its own `previous` and `history`; its label falls back to the derived label. The derived
 *   definition and formula are kept only when the override has no label (a relabelled KPI may be
 *   measured differently, so it is described as reported by the feed). Unit and direction fall back to
 *   the derived ones, then 'number' / 'higher'. With several overrides for one id the last one wins.
 *   Unknown ids are appended in order of first appearance.
 */
import type { Account, KpiOverride } from '../feed/schema.js';
import { kpisOf } from './kpi-values.js';
import { HISTORY_PERIODS } from './periods.js';
import { Portfolio } from './portfolio.js';

export { KPI_TEXT } from './kpi-text.js';

export const KPI_IDS = [
  'revenue-growth',
  'retention',
  'churn',
  'nrr',
  'nps',
  'csat',
  'clv',
  'upsell',
  'referenceable',
  'top20-share',
  'roi',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export type KpiUnit = 'percent' | 'currency' | 'number' | 'score';


export interface KpiBase {
  numerator: number;
  denominator: number;
  /** Unit of numerator and denominator ('currency' for CLV: total CLV over `accounts`). */
  unit: 'accounts' | 'currency';
  /** Number of accounts the KPI was computed over. */
  accounts: number;
}

export interface Kpi {
  id: string;
  label: string;
  value: number | null;
  available: boolean;
  unavailableReason?: string;
  unit: KpiUnit;
  better: 'higher' | 'lower';
  /** What the KPI means, in words. */
  definition: string;
  /** Short formula, e.g. "retained ÷ active last period". */
  formula: string;
  base?: KpiBase | undefined;
  /** Breakdown counts where useful (NPS: promoters, passives, detractors). */
  parts?: Record<string, number>;
  /** The value in the previous period, same unit. */
  previous?: number;
  /** The previous period's label (derived KPIs). */
  previousPeriod?: string;
  /** Why an available KPI has no previous value (set exactly when `previous` is absent and the value is not). */
  previousUnavailableReason?: string;
  target?: number;
  /** Values by period, oldest first, the current one last. */
  history?: number[];
  /** The labels of the periods of `history` (derived KPIs). */
  historyPeriods?: string[];
  source: 'derived' | 'feed';
}

export interface KpiOptions {
  overrides?: readonly KpiOverride[];
  /** Derive the previous period only: previous values and changes, no history (a large feed's first paint; see the scorecard). */
  previousOnly?: boolean;
}

/** The derived KPIs of a portfolio, with previous values and histories from its periods (module comment); with `previousOnly`, previous values only. */
export function derivedKpis(portfolio: Portfolio, previousOnly = false): Kpi[] {
  const periods = portfolio.periods().last(previousOnly ? 2 : HISTORY_PERIODS);
  const costPerEffort = portfolio.rules.costPerEffort;
  const byPeriod = periods.map((period) => (period.current ? undefined : kpisOf(period.portfolio.columns, period.portfolio.shares(), costPerEffort)));
  const now = kpisOf(portfolio.columns, portfolio.shares(), costPerEffort);
  const last = periods.length - 1;
  return now.map((kpi, k) => {
    if (!kpi.available) return kpi;
    const values: number[] = [kpi.value!];
    for (let p = last - 1; p >= 0; p--) {
      const past = byPeriod[p]![k]!;
      if (!past.available) break;
      values.unshift(past.value!);
    }
    const out: Kpi = { ...kpi };
    const previous = periods[last - 1];
    if (!previous) out.previousUnavailableReason = 'The feed has no earlier period (no history, no previousRevenue).';
    else if (values.length < 2) out.previousUnavailableReason = `Not available for ${previous.label}: ${byPeriod[last - 1]![k]!.unavailableReason}`;
    else {
      out.previous = values[values.length - 2]!;
      out.previousPeriod = previous.label;
      if (!previousOnly) {
        out.history = values;
        out.historyPeriods = periods.slice(periods.length - values.length).map((period) => period.label);
      }
    }
    return out;
  });
}

function fromOverride(o: KpiOverride, base: Kpi | undefined): Kpi {
  const keepText = base !== undefined && o.label === undefined;
  const kpi: Kpi = {
    id: o.id,
    label: o.label ?? base?.label ?? o.id,
    value: o.value,
    available: true,
    unit: o.unit ?? base?.unit ?? 'number',
    better: o.better ?? base?.better ?? 'higher',
    definition: keepText ? base.definition : 'Reported in the feed (measured outside this dashboard).',
    formula: keepText ? base.formula : 'reported in the feed',
    base: undefined,
    source: 'feed',
  };
  if (o.previous !== undefined) kpi.previous = o.previous;
  else kpi.previousUnavailableReason = 'The feed reports no previous value for this KPI.';
  if (o.target !== undefined) kpi.target = o.target;
  if (o.history !== undefined) kpi.history = [...o.history];
  return kpi;
}

/** The KPIs of a portfolio: the derived ones, with the feed's overrides applied (module comment). */
export function portfolioKpis(portfolio: Portfolio, options: KpiOptions = {}): Kpi[] {
  const kpis = derivedKpis(portfolio, options.previousOnly);
  const overrides = new Map<string, KpiOverride>();
  for (const o of options.overrides ?? []) overrides.set(o.id, o); // last one wins, first position kept
  if (overrides.size === 0) return kpis;
  const out = kpis.map((k) => {
    const o = overrides.get(k.id);
    return o ? fromOverride(o, k) : k;
  });
  const known = new Set<string>(KPI_IDS);
  for (const [id, o] of overrides) if (!known.has(id)) out.push(fromOverride(o, undefined));
  return out;
}

/** The KPIs of accounts given directly (their histories give the periods; see Portfolio). */
export function deriveKpis(accounts: readonly Account[], options: KpiOptions = {}): Kpi[] {
  return portfolioKpis(new Portfolio(accounts), options);
}
