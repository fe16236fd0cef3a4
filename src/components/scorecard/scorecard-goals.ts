/**
 * Tier goals on the scorecard (no DOM): one tile per goal ("MVC accounts"), its value the count now, its
 * target the goal, its previous value and trend the counts by period, its status the goal's verdict
 * (tier-goals.ts) and its base the sentence that says how far off the goal is and whether the trend
 * reaches it in time.
 *
 * Status: reached, already met or on course → on track; missed or off course → off track; a later goal
 * whose distance the kit cannot count → at risk (short of it, and whether in time is unknown).
 */
import type { Kpi } from '../../analysis/kpis.js';
import type { GoalProgress } from '../../analysis/tier-goals.js';
import { goalSentence } from '../../analysis/tier-goals-text.js';
import { TIER_META } from '../../analysis/tiers.js';
import type { Formatters } from '../../internal/format.js';
import type { TileStatus } from './scorecard-status.js';

export function goalStatus(goal: GoalProgress): TileStatus {
  switch (goal.verdict) {
    case 'reached':
    case 'met':
    case 'on-course':
      return 'on-track';
    case 'missed':
    case 'off-course':
      return 'off-track';
    case 'time-unknown':
      return 'at-risk';
  }
}

/** The goal's count as a KPI: now, the previous period, and every period shown. */
export function goalKpi(goal: GoalProgress): Kpi {
  const { tier, counts } = goal;
  const kpi: Kpi = {
    id: `goal-${tier.toLowerCase()}`,
    label: `${tier} accounts`,
    value: goal.now,
    available: true,
    unit: 'number',
    better: 'higher',
    definition: `Accounts in the ${tier} tier (${TIER_META[tier].name}) by the portfolio's tier rule, against the goal set in tier-goals.`,
    formula: `accounts with tier ${tier}`,
    source: 'derived',
  };
  if (counts.length > 1) {
    kpi.previous = counts[counts.length - 2]!.count;
    kpi.previousPeriod = counts[counts.length - 2]!.period;
    kpi.history = counts.map((c) => c.count);
    kpi.historyPeriods = counts.map((c) => c.period);
  } else kpi.previousUnavailableReason = 'The feed has no earlier period (no history, no previousRevenue).';
  return kpi;
}

/** The goal in one short line for the tile: "5 to go by 2027-Q1, on course". */
export function goalShort(goal: GoalProgress, format: Formatters): string {
  const gap = format.integer(Math.abs(goal.gap));
  const period = goal.goalPeriod;
  switch (goal.verdict) {
    case 'reached':
      return `Goal for ${period} reached`;
    case 'missed':
      return goal.then === undefined ? `${gap} short for ${period}` : `Goal for ${period} missed`;
    case 'met':
      return `Goal by ${period} already met`;
    case 'on-course':
      return `${gap} to go by ${period}, on course`;
    case 'off-course':
      return `${gap} to go by ${period}, off course`;
    case 'time-unknown':
      return `${gap} to go by ${period}`;
  }
}

/** The sentence of the goal, with the scorecard's number formats. */
export function goalBase(goal: GoalProgress, current: string, format: Formatters): string {
  return goalSentence(goal, current, { integer: format.integer, signed: format.signedNumber });
}
