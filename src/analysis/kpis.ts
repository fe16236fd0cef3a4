/**
 * Account-management KPIs derived from the feed, with feed-supplied overrides.
 *
 * Decisions:
 * - A KPI whose inputs are absent is not available (`value: null`, `available: false`, with a reason);
 *   it is never reported as 0.
 * - Percent KPIs are fractions (0.125 = 12.5%). NPS is a score from -100 to 100.
 * - `base` says what the value was computed from: `numerator` and `denominator` in `unit`, over `accounts`
 *   accounts. For CLV the base is total CLV (currency) over the number of accounts with CLV; for NPS the
 *   numerator is promoters − detractors and the denominator the respondents (details in `parts`).
 * - Churn is churned ÷ active last period, which equals 1 − retention (same base).
 * - Up-sell rate: if no account has `expanded`, or none with revenue > 0 has it, it is unavailable.
 * - Overrides: an override with a derived id replaces the KPI entirely (`source: 'feed'`, no `base`); its
 *   label falls back to the derived label. The derived definition and formula are kept only when the
 *   override has no label (a relabelled KPI may be measured differently, so it is described as reported
 *   by the feed). Unit and direction fall back to the derived ones, then 'number' / 'higher'. With several
 *   overrides for one id the last one wins. Unknown ids are appended in order of first appearance.
 * - revenueHistory: periods in first-seen order (oldest first). A period first seen after later ones
 *   (an account whose history starts earlier than the accounts before it) is placed before the next
 *   period that account lists after it, so mixed-length histories still come out oldest first.
 *   A period listed twice in one account is summed.
 */
import type { Account, KpiOverride } from '../feed/schema.js';
import { isNum, revenueOf } from './numbers.js';
import { pareto, type ParetoResult } from './pareto.js';

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
  previous?: number;
  target?: number;
  history?: number[];
  source: 'derived' | 'feed';
}

export interface KpiOptions {
  overrides?: readonly KpiOverride[];
  /** A Pareto result already computed for these accounts (any cutoff), to avoid ranking them again. */
  pareto?: ParetoResult;
}

interface KpiText {
  label: string;
  unit: KpiUnit;
  better: 'higher' | 'lower';
  definition: string;
  formula: string;
}

export const KPI_TEXT: Readonly<Record<KpiId, KpiText>> = {
  'revenue-growth': {
    label: 'Revenue growth',
    unit: 'percent',
    better: 'higher',
    definition:
      'Change in revenue over the previous period, over the accounts that have previousRevenue (new accounts without it are left out).',
    formula: 'revenue ÷ previous revenue − 1',
  },
  retention: {
    label: 'Logo retention',
    unit: 'percent',
    better: 'higher',
    definition:
      'Accounts active last period (previousRevenue > 0) that still have revenue this period, as a share of those accounts.',
    formula: 'retained ÷ active last period',
  },
  churn: {
    label: 'Churn',
    unit: 'percent',
    better: 'lower',
    definition:
      'Accounts active last period (previousRevenue > 0) that have no revenue this period, as a share of those accounts (1 − retention).',
    formula: 'churned ÷ active last period',
  },
  nrr: {
    label: 'Net revenue retention',
    unit: 'percent',
    better: 'higher',
    definition:
      'Revenue this period from the accounts active last period (previousRevenue > 0), as a share of their revenue last period. New accounts are left out.',
    formula: 'revenue of last period’s accounts ÷ their previous revenue',
  },
  nps: {
    label: 'Net Promoter Score',
    unit: 'score',
    better: 'higher',
    definition:
      'Percentage of promoters (9–10) minus percentage of detractors (0–6), over the accounts with an NPS answer; from −100 to 100.',
    formula: '% promoters − % detractors',
  },
  csat: {
    label: 'Customer satisfaction',
    unit: 'percent',
    better: 'higher',
    definition: 'Accounts rating satisfaction 4 or 5 (of 5), as a share of the accounts with a rating.',
    formula: 'satisfied (4–5) ÷ rated',
  },
  clv: {
    label: 'Customer lifetime value',
    unit: 'currency',
    better: 'higher',
    definition: 'Average customer lifetime value over the accounts that have one.',
    formula: 'total CLV ÷ accounts with CLV',
  },
  upsell: {
    label: 'Up-sell / cross-sell rate',
    unit: 'percent',
    better: 'higher',
    definition:
      'Accounts with revenue that bought more or another product this period, as a share of the accounts with revenue whose expansion is recorded.',
    formula: 'expanded ÷ accounts with revenue and an expansion flag',
  },
  referenceable: {
    label: 'Referenceable accounts',
    unit: 'percent',
    better: 'higher',
    definition: 'Accounts that agreed to act as a reference, as a share of the accounts where this is recorded.',
    formula: 'referenceable ÷ recorded',
  },
  'top20-share': {
    label: 'Top 20% revenue share',
    unit: 'percent',
    better: 'higher',
    definition:
      'Share of revenue held by the top 20% of accounts by revenue (the first ceil(n ÷ 5) accounts); shows how concentrated revenue is.',
    formula: 'revenue of top 20% ÷ total revenue',
  },
};

function derived(id: KpiId, value: number, base: KpiBase, extra: Partial<Kpi> = {}): Kpi {
  return { id, ...KPI_TEXT[id], value, available: true, base, ...extra, source: 'derived' };
}

function unavailable(id: KpiId, reason: string): Kpi {
  return { id, ...KPI_TEXT[id], value: null, available: false, unavailableReason: reason, base: undefined, source: 'derived' };
}

export interface RevenuePoint {
  period: string;
  revenue: number;
}

/** Revenue summed per period across account histories, oldest first (see the module comment for the order). */
export function revenueHistory(accounts: readonly Account[]): RevenuePoint[] {
  const order: string[] = [];
  const slot = new Map<string, number>(); // period -> index into sums
  const sums: number[] = [];
  for (const account of accounts) {
    const history = account.history;
    if (!Array.isArray(history)) continue;
    for (let i = 0; i < history.length; i++) {
      const point = history[i];
      if (!point || typeof point.period !== 'string') continue;
      const period = point.period;
      let k = slot.get(period);
      if (k === undefined) {
        k = sums.length;
        sums.push(0);
        // Place a new period before the next period this account lists that is already known.
        let at = -1;
        for (let j = i + 1; j < history.length && at < 0; j++) {
          const later = history[j]?.period;
          if (later !== undefined && slot.has(later)) at = order.indexOf(later);
        }
        if (at < 0) order.push(period);
        else order.splice(at, 0, period);
        slot.set(period, k);
      }
      sums[k]! += revenueOf(point.revenue);
    }
  }
  return order.map((period) => ({ period, revenue: sums[slot.get(period)!]! }));
}

/** Period-over-period growth of a revenue series; only from the last period with zero revenue onward. */
function growthSeries(points: readonly RevenuePoint[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1]!.revenue;
    if (prev > 0) out.push(points[i]!.revenue / prev - 1);
    else out.length = 0; // growth from 0 is undefined: keep only the computable trailing run
  }
  return out;
}

/** KPIs computed from the accounts, in KPI_IDS order. */
function deriveFromAccounts(accounts: readonly Account[], ranked: ParetoResult | undefined): Kpi[] {
  let withPrev = 0;
  let growthRevenue = 0;
  let growthPrevious = 0;
  let active = 0;
  let retained = 0;
  let activeRevenue = 0;
  let activePrevious = 0;
  let npsCount = 0;
  let promoters = 0;
  let detractors = 0;
  let csatCount = 0;
  let satisfied = 0;
  let clvCount = 0;
  let clvSum = 0;
  let expandedKnown = 0;
  let expandedKnownWithRevenue = 0;
  let expanded = 0;
  let refKnown = 0;
  let referenceable = 0;

  for (const a of accounts) {
    const revenue = revenueOf(a.revenue);
    const prev = a.previousRevenue;
    if (isNum(prev)) {
      withPrev++;
      growthRevenue += revenue;
      growthPrevious += prev;
      if (prev > 0) {
        active++;
        activeRevenue += revenue;
        activePrevious += prev;
        if (revenue > 0) retained++;
      }
    }
    if (isNum(a.nps)) {
      npsCount++;
      if (a.nps >= 9) promoters++;
      else if (a.nps <= 6) detractors++;
    }
    if (isNum(a.csat)) {
      csatCount++;
      if (a.csat >= 4) satisfied++;
    }
    if (isNum(a.clv)) {
      clvCount++;
      clvSum += a.clv;
    }
    if (typeof a.expanded === 'boolean') {
      expandedKnown++;
      if (revenue > 0) {
        expandedKnownWithRevenue++;
        if (a.expanded) expanded++;
      }
    }
    if (typeof a.referenceable === 'boolean') {
      refKnown++;
      if (a.referenceable) referenceable++;
    }
  }

  const kpis: Kpi[] = [];
  // revenue-growth
  if (withPrev === 0) kpis.push(unavailable('revenue-growth', 'No account has previousRevenue.'));
  else if (growthPrevious === 0) {
    kpis.push(unavailable('revenue-growth', 'previousRevenue is 0 for every account that has it, so growth is undefined.'));
  } else {
    const history = growthSeries(revenueHistory(accounts));
    kpis.push(
      derived(
        'revenue-growth',
        growthRevenue / growthPrevious - 1,
        { numerator: growthRevenue, denominator: growthPrevious, unit: 'currency', accounts: withPrev },
        history.length > 0 ? { history } : {},
      ),
    );
  }
  // retention, churn, nrr share one base
  if (active === 0) {
    const reason = withPrev === 0 ? 'No account has previousRevenue.' : 'No account has previousRevenue above 0.';
    kpis.push(unavailable('retention', reason), unavailable('churn', reason), unavailable('nrr', reason));
  } else {
    const base = { denominator: active, unit: 'accounts' as const, accounts: active };
    kpis.push(derived('retention', retained / active, { ...base, numerator: retained }));
    kpis.push(derived('churn', (active - retained) / active, { ...base, numerator: active - retained }));
    kpis.push(
      derived('nrr', activeRevenue / activePrevious, {
        numerator: activeRevenue,
        denominator: activePrevious,
        unit: 'currency',
        accounts: active,
      }),
    );
  }
  // nps
  if (npsCount === 0) kpis.push(unavailable('nps', 'No account has an NPS answer (nps).'));
  else {
    kpis.push(
      derived(
        'nps',
        ((promoters - detractors) / npsCount) * 100,
        { numerator: promoters - detractors, denominator: npsCount, unit: 'accounts', accounts: npsCount },
        { parts: { promoters, passives: npsCount - promoters - detractors, detractors } },
      ),
    );
  }
  // csat
  if (csatCount === 0) kpis.push(unavailable('csat', 'No account has a satisfaction rating (csat).'));
  else {
    kpis.push(
      derived('csat', satisfied / csatCount, { numerator: satisfied, denominator: csatCount, unit: 'accounts', accounts: csatCount }),
    );
  }
  // clv
  if (clvCount === 0) kpis.push(unavailable('clv', 'No account has a customer lifetime value (clv).'));
  else {
    kpis.push(derived('clv', clvSum / clvCount, { numerator: clvSum, denominator: clvCount, unit: 'currency', accounts: clvCount }));
  }
  // upsell
  if (expandedKnown === 0) kpis.push(unavailable('upsell', 'No account has the expanded field.'));
  else if (expandedKnownWithRevenue === 0) {
    kpis.push(unavailable('upsell', 'No account with revenue above 0 has the expanded field.'));
  } else {
    kpis.push(
      derived('upsell', expanded / expandedKnownWithRevenue, {
        numerator: expanded,
        denominator: expandedKnownWithRevenue,
        unit: 'accounts',
        accounts: expandedKnownWithRevenue,
      }),
    );
  }
  // referenceable
  if (refKnown === 0) kpis.push(unavailable('referenceable', 'No account has the referenceable field.'));
  else {
    kpis.push(
      derived('referenceable', referenceable / refKnown, { numerator: referenceable, denominator: refKnown, unit: 'accounts', accounts: refKnown }),
    );
  }
  // top20-share
  const p = ranked && ranked.count === accounts.length ? ranked : pareto(accounts);
  if (p.degenerate === 'empty') kpis.push(unavailable('top20-share', 'There are no accounts.'));
  else if (p.degenerate === 'zero-revenue') kpis.push(unavailable('top20-share', 'Total revenue is 0.'));
  else {
    let topRevenue = 0;
    for (let r = 0; r < p.top20Count; r++) topRevenue += p.revenue[r]!;
    kpis.push(
      derived('top20-share', p.top20Share, { numerator: topRevenue, denominator: p.total, unit: 'currency', accounts: p.top20Count }),
    );
  }
  return kpis;
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
  if (o.target !== undefined) kpi.target = o.target;
  if (o.history !== undefined) kpi.history = [...o.history];
  return kpi;
}

export function deriveKpis(accounts: readonly Account[], options: KpiOptions = {}): Kpi[] {
  const kpis = deriveFromAccounts(accounts, options.pareto);
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
