/**
 * Account-management KPIs derived from the feed, with feed-supplied overrides. (Over 300 lines: the ten
 * KPIs are read in one pass over the accounts, each with its base, which reads best in one function.)
 *
 * Decisions:
 * - A KPI whose inputs are absent is not available (`value: null`, `available: false`, with a reason);
 *   it is never reported as 0.
 * - Percent KPIs are fractions (0.125 = 12.5%). NPS is a score from -100 to 100.
 * - `base` says what the value was computed from: `numerator` and `denominator` in `unit`, over `accounts`
 *   accounts. For CLV the base is total CLV (currency) over the number of accounts with CLV; for NPS the
 *   numerator is promoters − detractors and the denominator the respondents (details in `parts`).
 * - Churn is churned ÷ active last period, which equals 1 − retention (same base).
 * - Up-sell rate = accounts with revenue > 0 and `expanded: true` ÷ accounts with revenue > 0 and an
 *   `expanded` value (true or false). An account with revenue but no `expanded` field is left out of
 *   both (unknown is not "did not expand"); `parts.unrecorded` counts them. If no account has
 *   `expanded`, or none with revenue > 0 has it, the rate is unavailable.
 * - Previous values (the change a tile shows): an available derived KPI either carries `previous` or
 *   says why not in `previousUnavailableReason`, never silently neither.
 *   - Revenue growth of the previous period is derived from account `history` when the feed names its
 *     previous period (`periods.previous`, passed as `options.periods`) and histories list it: with P1
 *     that period and P0 the period just before it in the summed history's order, previous growth =
 *     Σ revenue in P1 ÷ Σ revenue in P0 − 1, over the accounts whose history lists P0 right before P1.
 *     A label is needed because history periods may be finer than the KPI's period (the sample feed
 *     has quarters, its revenue is yearly): quarter-over-quarter growth is no "previous" of a yearly
 *     growth. Without it, or when P0's revenue is 0, the reason says which input is missing.
 *   - No other derived KPI gets a previous value. NPS, CSAT, CLV, `expanded` and `referenceable` are
 *     current-only fields. Retention, churn, NRR and the top-20% share of the previous period would need
 *     the accounts as they were two periods back; account histories hold their revenue, but a feed
 *     need not list accounts lost before the previous period, so such a figure would be biased upward
 *     (survivorship). An override's `previous` is used as given.
 * - Overrides: an override with a derived id replaces the KPI entirely (`source: 'feed'`, no `base`); its
 *   label falls back to the derived label. The derived definition and formula are kept only when the
 *   override has no label (a relabelled KPI may be measured differently, so it is described as reported
 *   by the feed). Unit and direction fall back to the derived ones, then 'number' / 'higher'. With several
 *   overrides for one id the last one wins. Unknown ids are appended in order of first appearance.
 * - revenueHistory: periods in first-seen order (oldest first). A period first seen after later ones
 *   (an account whose history starts earlier than the accounts before it) is placed before the next
 *   period that account lists after it, so mixed-length histories still come out oldest first.
 *   A period listed twice in one account is summed.
 * - The top-20% share is read from the accounts' Pareto ranking (`options.shares`, else computed here).
 * - Speed: one pass over the accounts, history included (each field read once). History points of an
 *   account that lists the same periods as the account before it (the usual case) reuse that account's
 *   period slots instead of a map lookup.
 */
import type { Account, KpiOverride } from '../feed/schema.js';
import { KPI_TEXT, NO_PREVIOUS } from './kpi-text.js';
import { isNum, revenueOf } from './numbers.js';
import { accountColumns } from './columns.js';
import { paretoShares, type ParetoShares } from './pareto.js';
import { PeriodSums, growthSeries } from './revenue-history.js';

export { KPI_TEXT } from './kpi-text.js';
export { revenueHistory, type RevenuePoint } from './revenue-history.js';

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
  /** The value in the previous period, same unit (see the module comment for when a derived KPI has one). */
  previous?: number;
  /** Why an available KPI has no previous value (set exactly when `previous` is absent and the value is not). */
  previousUnavailableReason?: string;
  target?: number;
  history?: number[];
  source: 'derived' | 'feed';
}

export interface KpiOptions {
  overrides?: readonly KpiOverride[];
  /** The Pareto shares of these accounts' revenue (any cutoff), when the caller has them. */
  shares?: ParetoShares;
  /** The feed's period labels (`periods`): `previous` names the history period of previousRevenue. */
  periods?: { previous?: string | undefined };
}


function derived(id: KpiId, value: number, base: KpiBase, extra: Partial<Kpi> = {}): Kpi {
  // Revenue growth brings its previous value (or the reason) in `extra`.
  const previous = id === 'revenue-growth' ? {} : { previousUnavailableReason: NO_PREVIOUS[id] };
  return { id, ...KPI_TEXT[id], value, available: true, base, ...previous, ...extra, source: 'derived' };
}

function unavailable(id: KpiId, reason: string): Kpi {
  return { id, ...KPI_TEXT[id], value: null, available: false, unavailableReason: reason, base: undefined, source: 'derived' };
}

/** KPIs computed from the accounts, in KPI_IDS order. */
function deriveFromAccounts(accounts: readonly Account[], options: KpiOptions): Kpi[] {
  const n = accounts.length;
  const periods = new PeriodSums(options.periods?.previous);
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
  let expandedUnrecorded = 0;
  let refKnown = 0;
  let referenceable = 0;

  for (let i = 0; i < n; i++) {
    const a = accounts[i]!;
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
    const nps = a.nps;
    if (isNum(nps)) {
      npsCount++;
      if (nps >= 9) promoters++;
      else if (nps <= 6) detractors++;
    }
    const csat = a.csat;
    if (isNum(csat)) {
      csatCount++;
      if (csat >= 4) satisfied++;
    }
    const clv = a.clv;
    if (isNum(clv)) {
      clvCount++;
      clvSum += clv;
    }
    const grew = a.expanded;
    if (typeof grew === 'boolean') {
      expandedKnown++;
      if (revenue > 0) {
        expandedKnownWithRevenue++;
        if (grew) expanded++;
      }
    } else if (revenue > 0) expandedUnrecorded++;
    const ref = a.referenceable;
    if (typeof ref === 'boolean') {
      refKnown++;
      if (ref) referenceable++;
    }
    const history = a.history;
    if (Array.isArray(history)) periods.add(history);
  }

  const kpis: Kpi[] = [];
  // revenue-growth
  if (withPrev === 0) kpis.push(unavailable('revenue-growth', 'No account has previousRevenue.'));
  else if (growthPrevious === 0) {
    kpis.push(unavailable('revenue-growth', 'previousRevenue is 0 for every account that has it, so growth is undefined.'));
  } else {
    const history = growthSeries(periods.points());
    kpis.push(
      derived(
        'revenue-growth',
        growthRevenue / growthPrevious - 1,
        { numerator: growthRevenue, denominator: growthPrevious, unit: 'currency', accounts: withPrev },
        { ...periods.previousGrowth(), ...(history.length > 0 ? { history } : {}) },
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
      derived(
        'upsell',
        expanded / expandedKnownWithRevenue,
        { numerator: expanded, denominator: expandedKnownWithRevenue, unit: 'accounts', accounts: expandedKnownWithRevenue },
        { parts: { expanded, notExpanded: expandedKnownWithRevenue - expanded, unrecorded: expandedUnrecorded } },
      ),
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
  const ranking = options.shares ?? paretoShares(accountColumns(accounts).revenue);
  if (n === 0) kpis.push(unavailable('top20-share', 'There are no accounts.'));
  else if (ranking.total === 0) kpis.push(unavailable('top20-share', 'Total revenue is 0.'));
  else {
    let top = 0;
    for (let r = 0; r < ranking.top20Count; r++) top += ranking.revenue[r]!;
    kpis.push(
      derived('top20-share', ranking.top20Share, { numerator: top, denominator: ranking.total, unit: 'currency', accounts: ranking.top20Count }),
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
  else kpi.previousUnavailableReason = 'The feed reports no previous value for this KPI.';
  if (o.target !== undefined) kpi.target = o.target;
  if (o.history !== undefined) kpi.history = [...o.history];
  return kpi;
}

export function deriveKpis(accounts: readonly Account[], options: KpiOptions = {}): Kpi[] {
  const kpis = deriveFromAccounts(accounts, options);
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
