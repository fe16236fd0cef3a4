/** The tier rule and a tier's reason in words, with the caller's number formats (the rule itself: tiers.ts). */
import type { Measure } from './roi.js';
import { tierRules, vitalFewMeasure, type TierReason, type TierRules } from './tiers.js';

/** Plain number text without locale: at most 6 decimals, no trailing zeros (0.2 * 100 -> "20"). */
function plain(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** A measure as a manager says it: "revenue", "profit", "customer lifetime value". */
export const MEASURE_WORDS: Readonly<Record<Measure, string>> = { revenue: 'revenue', profit: 'profit', clv: 'customer lifetime value' };

/** The rule in words, one sentence per step, in the order it is applied. */
export function describeTierRule(rules: Partial<TierRules> = {}): string[] {
  const r = tierRules(rules);
  const mvc = `MVC: the top accounts that make up ${plain(r.cutoff * 100)}% of ${MEASURE_WORDS[vitalFewMeasure(r)]}.`;
  const growth = `revenue grew at least ${plain(r.growthThreshold * 100)}% over the previous period`;
  if (r.rule === 'headroom') {
    return [
      'BZ: profit below 0.',
      mvc,
      `MGC: growth headroom (potential − revenue) at least ${plain(r.headroomFactor)}× current revenue, or ${growth}.`,
      'STC: every other account.',
      'Tiers given in the feed win over this rule.',
    ];
  }
  return [
    'BZ: profit below 0.',
    mvc,
    `MGC: potential at least the revenue of the smallest MVC (it could become one), or ${growth}${r.revenueFloor > 0 ? ` with revenue of at least ${plain(r.revenueFloor)}` : ''}.`,
    `STC: every other account; it meets the minimum margin when profit is at least ${plain(r.minMargin * 100)}% of revenue, and shows as "profit unknown" without a profit figure.`,
    'Tiers given in the feed win over this rule.',
  ];
}

const defaultMoney = (value: number): string => plain(Math.round(value));
const defaultPercent = (fraction: number): string => `${plain(Math.round(fraction * 1000) / 10)}%`;

/** What the previous period says of a BZ account's profit, as the end of its sentence. */
function previousProfitText(previousProfit: number | null | undefined, formatMoney: (value: number) => string): string {
  if (previousProfit === undefined) return '.';
  if (previousProfit === null) return '; the previous period has no profit figure for it.';
  return previousProfit < 0
    ? `, as in the previous period (${formatMoney(previousProfit)}).`
    : `; in the previous period it was not (${formatMoney(previousProfit)}).`;
}

/**
 * One English sentence explaining a tier, for tooltips. Numbers go through the injected formatters
 * (money in feed currency; percent receives a fraction, 0.2 = 20%), so the caller controls the locale.
 */
export function tierReasonText(
  reason: TierReason,
  formatMoney: (value: number) => string = defaultMoney,
  formatPercent: (fraction: number) => string = defaultPercent,
): string {
  switch (reason.code) {
    case 'given':
      return `Tier given in the feed (the rule would give ${reason.values.ruleTier}).`;
    case 'negative-profit':
      return `Profit is below zero (${formatMoney(reason.values.profit)})${previousProfitText(reason.values.previousProfit, formatMoney)}`;
    case 'vital-few': {
      const { rank, cutoff, cumulativeShare, measure } = reason.values;
      return `Rank ${rank}: among the top accounts that make up ${formatPercent(cutoff)} of ${MEASURE_WORDS[measure]} (cumulative ${formatPercent(cumulativeShare)}).`;
    }
    case 'headroom':
      return `Growth headroom of ${formatMoney(reason.values.headroom)} is at least ${plain(reason.values.factor)}× current revenue (${formatMoney(reason.values.revenue)}).`;
    case 'could-be-mvc':
      return `Potential of ${formatMoney(reason.values.potential)} reaches the revenue of the smallest MVC (${formatMoney(reason.values.smallestMvcRevenue)}): it could become one.`;
    case 'growth': {
      const { growth, threshold, revenue, floor } = reason.values;
      const above = floor > 0 ? `, with revenue of ${formatMoney(revenue)} (at least ${formatMoney(floor)})` : '';
      return `Revenue grew ${formatPercent(growth)} over the previous period (at least ${formatPercent(threshold)})${above}.`;
    }
    case 'margin': {
      const { profit, revenue, minMargin } = reason.values;
      const margin = revenue > 0 ? ` (${formatPercent(profit / revenue)} of revenue)` : '';
      return `Meets the minimum margin of ${formatPercent(minMargin)}: profit of ${formatMoney(profit)}${margin}; neither among the top accounts nor growable.`;
    }
    case 'below-margin': {
      const { profit, revenue, minMargin } = reason.values;
      const margin = revenue > 0 ? `, ${formatPercent(profit / revenue)} of revenue,` : '';
      return `Profit of ${formatMoney(profit)}${margin} is below the minimum margin of ${formatPercent(minMargin)}; neither among the top accounts nor growable.`;
    }
    case 'profit-unknown':
      return 'Profit unknown: the feed has no profit for this account; neither among the top accounts nor growable.';
    case 'default':
      return 'Not below zero, not among the top accounts, and without enough headroom or growth to be growable.';
  }
}
