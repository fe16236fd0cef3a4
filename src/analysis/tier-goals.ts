/**
 * Tier goals over a rolling horizon: "MVC:60,MGC:90 by 2027-Q2". For each goal, the count of the tier in
 * every period the feed has (up to the last 12) and now, how far off the goal is, the trend, and whether
 * the trend reaches the goal in time. Pure; the words are in tier-goals-text.ts.
 *
 * Decisions:
 * - Goals are counts of MVC and MGC accounts, "at least": the seed texts set goals for the number of Most
 *   Valuable and Most Growable Customers. Entries for other tiers, or that are not `tier:count`, are
 *   ignored and listed.
 * - The goal period: unset means "now" (the current period). A period of the feed (the current or a past
 *   one) is judged by the count in that period: reached or missed. A later period is judged by the trend,
 *   when the kit can count how many periods away it is (period-labels.ts: quarters, halves, months,
 *   years, fiscal years of the same kind as the current period's label): the count now plus the trend
 *   per period times the periods left reaches the goal, or it does not. When it cannot count them (a label
 *   such as "Spring 2027", or a fiscal year against quarters), the sentence gives the gap and the trend
 *   without a verdict on time.
 * - Trend: the least-squares slope of the counts per period, over the periods shown (at least two).
 * - The counts are of the accounts shown: under a filter or a selection, of those accounts, with the
 *   tiers the whole feed gives them in each period.
 */
import { periodsBetween } from '../feed/period-labels.js';
import type { Tier } from '../feed/schema.js';
import { HISTORY_PERIODS } from './periods.js';
import type { Portfolio } from './portfolio.js';
import { TIER_ORDER } from './tiers.js';

/** The tiers a goal may count. */
export const GOAL_TIERS = ['MVC', 'MGC'] as const satisfies readonly Tier[];
export type GoalTier = (typeof GOAL_TIERS)[number];

export interface TierGoals {
  /** Goal counts by tier, in GOAL_TIERS order of appearance. */
  goals: { tier: GoalTier; count: number }[];
  /** Entries that were not "MVC:number" or "MGC:number", as written. */
  ignored: string[];
}

/** Goals from `tier-goals` ("MVC:60,MGC:90") or an object ({ MVC: 60 }). */
export function parseTierGoals(input: unknown): TierGoals {
  const byTier = new Map<GoalTier, number>();
  const ignored: string[] = [];
  const add = (tier: string, raw: unknown, entry: string) => {
    const key = tier.trim().toUpperCase();
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if ((GOAL_TIERS as readonly string[]).includes(key) && Number.isFinite(n) && n >= 0) byTier.set(key as GoalTier, n);
    else ignored.push(entry);
  };
  if (typeof input === 'string') {
    for (const entry of input.split(',').map((s) => s.trim()).filter(Boolean)) {
      const at = entry.indexOf(':');
      add(at > 0 ? entry.slice(0, at) : entry, at > 0 ? entry.slice(at + 1) : '', entry);
    }
  } else if (input && typeof input === 'object') {
    for (const [tier, raw] of Object.entries(input)) add(tier, raw, `${tier}:${String(raw)}`);
  }
  return { goals: [...byTier].map(([tier, count]) => ({ tier, count })), ignored };
}

export type GoalVerdict =
  /** The goal period is now or past, and the count then reached the goal. */
  | 'reached'
  /** The goal period is now or past, and the count then fell short. */
  | 'missed'
  /** A later goal the count already reaches. */
  | 'met'
  /** A later goal the trend reaches in time. */
  | 'on-course'
  /** A later goal the trend does not reach in time. */
  | 'off-course'
  /** A later goal not reached yet, whose distance the kit cannot count. */
  | 'time-unknown';

export interface GoalProgress {
  tier: GoalTier;
  goal: number;
  /** The goal period as given, or the current period's label when none was given. */
  goalPeriod: string;
  /** The count in each period shown, oldest first, the current one last. */
  counts: { period: string; count: number }[];
  now: number;
  /** goal − count now (above 0: short of it). */
  gap: number;
  /** Change per period (least squares over `counts`); undefined with one period. */
  trend?: number;
  /** Periods from now to the goal period (0 now, below 0 past); undefined when it cannot be counted. */
  periodsLeft?: number;
  /** The count in the goal period, when it is now or past. */
  then?: number;
  /** Where the trend puts the count in the goal period (a later goal with a counted distance and a trend). */
  projected?: number;
  verdict: GoalVerdict;
}

/** Least-squares slope of values over 0, 1, 2, …; undefined for fewer than two. */
export function slope(values: readonly number[]): number | undefined {
  const n = values.length;
  if (n < 2) return undefined;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

/** The progress towards one goal (see the module comment for the verdicts). */
export function goalProgress(portfolio: Portfolio, tier: GoalTier, goal: number, goalPeriod?: string): GoalProgress {
  const t = TIER_ORDER.indexOf(tier);
  const periods = portfolio.periods();
  const shown = periods.last(HISTORY_PERIODS);
  const counts = shown.map((period) => ({ period: period.label, count: period.portfolio.tiers().tiers[t]!.accounts }));
  const now = counts[counts.length - 1]!.count;
  const current = periods.current().label;
  const target = goalPeriod?.trim() || current;
  const trend = slope(counts.map((c) => c.count));
  const progress: GoalProgress = { tier, goal, goalPeriod: target, counts, now, gap: goal - now, verdict: 'time-unknown' };
  if (trend !== undefined) progress.trend = trend;
  const at = periods.labels.indexOf(target);
  if (at >= 0) {
    const then = at === periods.count - 1 ? now : periods.at(at).portfolio.tiers().tiers[t]!.accounts;
    return { ...progress, periodsLeft: at - (periods.count - 1), then, verdict: then >= goal ? 'reached' : 'missed' };
  }
  const left = periodsBetween(current, target);
  if (left !== undefined) progress.periodsLeft = left;
  if (now >= goal) return { ...progress, verdict: left !== undefined && left <= 0 ? 'reached' : 'met' };
  if (left === undefined) return progress;
  if (left <= 0) return { ...progress, verdict: 'missed' }; // an earlier period the feed does not hold: judged by now
  const projected = now + (trend ?? 0) * left;
  return { ...progress, projected, verdict: projected >= goal ? 'on-course' : 'off-course' };
}

/** Progress towards every goal. */
export function tierGoalProgress(portfolio: Portfolio, goals: TierGoals, goalPeriod?: string): GoalProgress[] {
  return goals.goals.map(({ tier, count }) => goalProgress(portfolio, tier, count, goalPeriod));
}
