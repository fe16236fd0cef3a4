/** The portfolio's red flags: KPIs off their target two periods in a row (the accounts' flags: flags.ts). */
import type { RedFlag } from './flags.js';
import type { Kpi } from './kpis.js';

/**
 * KPIs off their target in the current and the previous period, as portfolio-level flags (index -1), in
 * the order of the KPIs. The target is `targets[kpi.id]`, else the KPI's own `target`; off target is below
 * it for a KPI where higher is better, above it where lower is better. A KPI without a value now or then
 * raises none.
 */
export function kpiGoalFlags(kpis: readonly Kpi[], targets: Readonly<Record<string, number>>): RedFlag[] {
  const flags: RedFlag[] = [];
  for (const kpi of kpis) {
    const target = targets[kpi.id] ?? kpi.target;
    const { value, previous } = kpi;
    if (target === undefined || !Number.isFinite(target) || value === null || !Number.isFinite(value) || previous === undefined || !Number.isFinite(previous)) continue;
    const off = (x: number) => (kpi.better === 'higher' ? x < target : x > target);
    if (!off(value) || !off(previous)) continue;
    flags.push({
      type: 'goal-missed',
      severity: 'warning',
      index: -1,
      code: 'kpi',
      values: { kpi: kpi.id, label: kpi.label, unit: kpi.unit, better: kpi.better, value, previous, target, period: kpi.previousPeriod ?? '' },
    });
  }
  return flags;
}
