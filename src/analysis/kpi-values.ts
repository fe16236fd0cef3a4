/**
 * The derived KPIs of one period's figures: one pass over its columns (typed arrays, so a period of
 * 100,000 accounts is read in a few milliseconds), then each KPI by its definition (kpi-text.ts says it in
 * words). The same function gives the current period's KPIs and every past period's, so a KPI's previous
 * value and its trend are its definition applied to the figures of those periods.
 *
 * Decisions:
 * - A KPI whose inputs are absent is not available (`value: null`, `available: false`, with a reason);
 *   it is never reported as 0.
 * - Percent KPIs are fractions (0.125 = 12.5%). NPS is a score from -100 to 100.
 * - `base` says what the value was computed from: `numerator` and `denominator` in `unit`, over `accounts`
 *   accounts. For CLV the base is total CLV (currency) over the number of accounts with CLV; for NPS the
 *   numerator is promoters − detractors and the denominator the respondents (details in `parts`).
 * - "Active last period" = revenue in the period before above 0 (`previousRevenue` of the period's
 *   figures). Churn is churned ÷ active last period, which equals 1 − retention (same base).
 * - Up-sell rate = accounts with revenue > 0 and `expanded: true` ÷ accounts with revenue > 0 and an
 *   `expanded` value (true or false). An account with revenue but no `expanded` value is left out of
 *   both (unknown is not "did not expand"); `parts.unrecorded` counts them.
 * - The top-20% share is read from the period's Pareto shares (the same ranking as the Pareto chart).
 * - ROI is total profit ÷ total cost to serve over the accounts with both (roi.ts: `costToServe`, else
 *   effort × cost per effort): a ratio of sums, so each account weighs as much as it costs.
 */
import type { AccountColumns } from '../feed/columns.js';
import { NO_TIER } from '../feed/columns.js';
import { KPI_TEXT } from './kpi-text.js';
import type { Kpi, KpiBase, KpiId } from './kpis.js';
import type { ParetoShares } from './pareto.js';
import { totalRoi } from './roi.js';

function derived(id: KpiId, value: number, base: KpiBase, extra: Partial<Kpi> = {}): Kpi {
  return { id, ...KPI_TEXT[id], value, available: true, base, ...extra, source: 'derived' };
}

function unavailable(id: KpiId, reason: string): Kpi {
  return { id, ...KPI_TEXT[id], value: null, available: false, unavailableReason: reason, base: undefined, source: 'derived' };
}

/** The sums one pass over a period's columns gives. */
interface Sums {
  withPrevious: number;
  growthRevenue: number;
  growthPrevious: number;
  active: number;
  retained: number;
  activeRevenue: number;
  activePrevious: number;
  npsCount: number;
  promoters: number;
  detractors: number;
  csatCount: number;
  satisfied: number;
  clvCount: number;
  clvSum: number;
  expandedKnown: number;
  expandedWithRevenue: number;
  expanded: number;
  expandedUnrecorded: number;
  referenceKnown: number;
  referenceable: number;
}

/** One pass over the columns (NaN and NO_TIER are "no value"). */
function sumUp(columns: AccountColumns): Sums {
  const { revenue, previousRevenue, nps, csat, clv, expanded, referenceable } = columns;
  const s: Sums = {
    withPrevious: 0, growthRevenue: 0, growthPrevious: 0, active: 0, retained: 0, activeRevenue: 0, activePrevious: 0,
    npsCount: 0, promoters: 0, detractors: 0, csatCount: 0, satisfied: 0, clvCount: 0, clvSum: 0,
    expandedKnown: 0, expandedWithRevenue: 0, expanded: 0, expandedUnrecorded: 0, referenceKnown: 0, referenceable: 0,
  };
  for (let i = 0; i < columns.count; i++) {
    const r = revenue[i]!;
    const prev = previousRevenue[i]!;
    if (prev === prev) {
      s.withPrevious++;
      s.growthRevenue += r;
      s.growthPrevious += prev;
      if (prev > 0) {
        s.active++;
        s.activeRevenue += r;
        s.activePrevious += prev;
        if (r > 0) s.retained++;
      }
    }
    const n = nps[i]!;
    if (n === n) {
      s.npsCount++;
      if (n >= 9) s.promoters++;
      else if (n <= 6) s.detractors++;
    }
    const c = csat[i]!;
    if (c === c) {
      s.csatCount++;
      if (c >= 4) s.satisfied++;
    }
    const v = clv[i]!;
    if (v === v) {
      s.clvCount++;
      s.clvSum += v;
    }
    const grew = expanded[i]!;
    if (grew !== NO_TIER) {
      s.expandedKnown++;
      if (r > 0) {
        s.expandedWithRevenue++;
        if (grew === 1) s.expanded++;
      }
    } else if (r > 0) s.expandedUnrecorded++;
    const ref = referenceable[i]!;
    if (ref !== NO_TIER) {
      s.referenceKnown++;
      if (ref === 1) s.referenceable++;
    }
  }
  return s;
}

/** The derived KPIs of one period's figures, in KPI_IDS order (without previous values: see kpis.ts); `costPerEffort` prices effort for ROI. */
export function kpisOf(columns: AccountColumns, shares: ParetoShares, costPerEffort?: number): Kpi[] {
  const s = sumUp(columns);
  const kpis: Kpi[] = [];
  // revenue-growth
  if (s.withPrevious === 0) kpis.push(unavailable('revenue-growth', 'No account has a previous revenue (previousRevenue, or a history).'));
  else if (s.growthPrevious === 0) kpis.push(unavailable('revenue-growth', 'The previous revenue is 0 for every account that has one, so growth is undefined.'));
  else {
    const base = { numerator: s.growthRevenue, denominator: s.growthPrevious, unit: 'currency' as const, accounts: s.withPrevious };
    kpis.push(derived('revenue-growth', s.growthRevenue / s.growthPrevious - 1, base));
  }
  // retention, churn, nrr share one base
  if (s.active === 0) {
    const reason = s.withPrevious === 0 ? 'No account has a previous revenue (previousRevenue, or a history).' : 'No account had revenue in the previous period.';
    kpis.push(unavailable('retention', reason), unavailable('churn', reason), unavailable('nrr', reason));
  } else {
    const base = { denominator: s.active, unit: 'accounts' as const, accounts: s.active };
    kpis.push(derived('retention', s.retained / s.active, { ...base, numerator: s.retained }));
    kpis.push(derived('churn', (s.active - s.retained) / s.active, { ...base, numerator: s.active - s.retained }));
    kpis.push(derived('nrr', s.activeRevenue / s.activePrevious, { numerator: s.activeRevenue, denominator: s.activePrevious, unit: 'currency', accounts: s.active }));
  }
  // nps
  if (s.npsCount === 0) kpis.push(unavailable('nps', 'No account has an NPS answer (nps).'));
  else {
    const parts = { promoters: s.promoters, passives: s.npsCount - s.promoters - s.detractors, detractors: s.detractors };
    const base = { numerator: s.promoters - s.detractors, denominator: s.npsCount, unit: 'accounts' as const, accounts: s.npsCount };
    kpis.push(derived('nps', ((s.promoters - s.detractors) / s.npsCount) * 100, base, { parts }));
  }
  // csat
  if (s.csatCount === 0) kpis.push(unavailable('csat', 'No account has a satisfaction rating (csat).'));
  else kpis.push(derived('csat', s.satisfied / s.csatCount, { numerator: s.satisfied, denominator: s.csatCount, unit: 'accounts', accounts: s.csatCount }));
  // clv
  if (s.clvCount === 0) kpis.push(unavailable('clv', 'No account has a customer lifetime value (clv).'));
  else kpis.push(derived('clv', s.clvSum / s.clvCount, { numerator: s.clvSum, denominator: s.clvCount, unit: 'currency', accounts: s.clvCount }));
  // upsell
  if (s.expandedKnown === 0) kpis.push(unavailable('upsell', 'No account has the expanded field.'));
  else if (s.expandedWithRevenue === 0) kpis.push(unavailable('upsell', 'No account with revenue above 0 has the expanded field.'));
  else {
    const parts = { expanded: s.expanded, notExpanded: s.expandedWithRevenue - s.expanded, unrecorded: s.expandedUnrecorded };
    const base = { numerator: s.expanded, denominator: s.expandedWithRevenue, unit: 'accounts' as const, accounts: s.expandedWithRevenue };
    kpis.push(derived('upsell', s.expanded / s.expandedWithRevenue, base, { parts }));
  }
  // referenceable
  if (s.referenceKnown === 0) kpis.push(unavailable('referenceable', 'No account has the referenceable field.'));
  else {
    const base = { numerator: s.referenceable, denominator: s.referenceKnown, unit: 'accounts' as const, accounts: s.referenceKnown };
    kpis.push(derived('referenceable', s.referenceable / s.referenceKnown, base));
  }
  // top20-share
  if (columns.count === 0) kpis.push(unavailable('top20-share', 'There are no accounts.'));
  else if (shares.total === 0) kpis.push(unavailable('top20-share', 'Total revenue is 0.'));
  else {
    let top = 0;
    for (let r = 0; r < shares.top20Count; r++) top += shares.revenue[r]!;
    kpis.push(derived('top20-share', shares.top20Share, { numerator: top, denominator: shares.total, unit: 'currency', accounts: shares.top20Count }));
  }
  kpis.push(roiKpi(columns, costPerEffort));
  return kpis;
}

/** The portfolio's ROI: total profit ÷ total cost to serve over the accounts with both. */
function roiKpi(columns: AccountColumns, costPerEffort: number | undefined): Kpi {
  const roi = totalRoi(columns, costPerEffort);
  if (roi.costAccounts === 0) {
    const how = costPerEffort === undefined ? 'costToServe, or effort with a cost per effort' : 'costToServe, or effort';
    return unavailable('roi', `No account has a cost to serve (${how}).`);
  }
  if (roi.profit === null || roi.pairedCost === null) return unavailable('roi', 'No account with a cost to serve has a profit figure.');
  if (roi.roi === null) return unavailable('roi', 'The cost to serve is 0 for every account with both a cost and a profit, so ROI is undefined.');
  return derived('roi', roi.roi, { numerator: roi.profit, denominator: roi.pairedCost, unit: 'currency', accounts: roi.pairs });
}
