/** The tier rule and a tier's reason in words, with the caller's number formats (the rule itself: tiers.ts). */
import { tierRules, type TierReason, type TierRules } from './tiers.js';

/** Plain number text without locale: at most 6 decimals, no trailing zeros (0.2 * 100 -> "20"). */
function plain(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** The rule in words, one sentence per step, in the order it is applied. */
export function describeTierRule(rules: Partial<TierRules> = {}): string[] {
  const r = tierRules(rules);
  return [
    'BZ: profit below 0.',
    `MVC: the top accounts that make up ${plain(r.cutoff * 100)}% of revenue.`,
    `MGC: growth headroom (potential − revenue) at least ${plain(r.headroomFactor)}× current revenue, or revenue grew at least ${plain(r.growthThreshold * 100)}% over the previous period.`,
    'STC: every other account.',
    'Tiers given in the feed win over this rule.',
  ];
}

const defaultMoney = (value: number): string => plain(Math.round(value));
const defaultPercent = (fraction: number): string => `${plain(Math.round(fraction * 1000) / 10)}%`;

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
      return `Profit is below zero (${formatMoney(reason.values.profit)}).`;
    case 'vital-few':
      return `Rank ${reason.values.rank}: among the top accounts that make up ${formatPercent(reason.values.cutoff)} of revenue (cumulative ${formatPercent(reason.values.cumulativeShare)}).`;
    case 'headroom':
      return `Growth headroom of ${formatMoney(reason.values.headroom)} is at least ${plain(reason.values.factor)}× current revenue (${formatMoney(reason.values.revenue)}).`;
    case 'growth':
      return `Revenue grew ${formatPercent(reason.values.growth)} over the previous period (at least ${formatPercent(reason.values.threshold)}).`;
    case 'default':
      return 'Not below zero, not among the top accounts, and without enough headroom or growth to be growable.';
  }
}
