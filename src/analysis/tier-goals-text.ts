/** Tier goals in words: one sentence per goal, with the caller's number formats (the figures: tier-goals.ts). */
import { countPeriod, type PeriodKind } from '../feed/period-labels.js';
import type { GoalProgress } from './tier-goals.js';

export interface GoalFormats {
  /** Whole counts: "60". */
  integer: (n: number) => string;
  /** A trend per period, with its sign and one decimal: "+2.1", "−0.4". */
  signed: (n: number) => string;
}

const plainFormats: GoalFormats = {
  integer: (n) => String(Math.round(n)),
  signed: (n) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(Math.round(n * 10) / 10)}`,
};

const NOUNS: Record<PeriodKind, [string, string]> = {
  month: ['month', 'months'],
  quarter: ['quarter', 'quarters'],
  half: ['half-year', 'half-years'],
  year: ['year', 'years'],
  'fiscal-year': ['year', 'years'],
};

/** "3 quarters", "1 period": periods named after the current period's kind when the kit can count it. */
function periodsText(n: number, current: string, f: GoalFormats): string {
  const kind = countPeriod(current)?.kind;
  const [one, many] = kind ? NOUNS[kind] : ['period', 'periods'];
  return `${f.integer(n)} ${n === 1 ? one : many}`;
}

/**
 * How far off a goal is and whether the trend reaches it in time, in one sentence:
 * "MVC: 55 now, goal 60 by 2027-Q2: 5 to go in 3 quarters; at +2.1 a quarter the trend reaches it in time (about 61)."
 */
export function goalSentence(p: GoalProgress, current: string, f: GoalFormats = plainFormats): string {
  const { tier, goal, goalPeriod, now } = p;
  const goalText = f.integer(goal);
  const nowText = f.integer(now);
  const isNow = goalPeriod === current;
  const per = periodsText(1, current, f).replace(/^\S+ /, '');
  const trend = p.trend === undefined ? undefined : `${f.signed(p.trend)} a ${per}`;
  switch (p.verdict) {
    case 'reached':
      return isNow || p.then === undefined
        ? `${tier}: ${nowText} now, goal ${goalText} for ${goalPeriod}: reached.`
        : `${tier}: goal ${goalText} for ${goalPeriod} reached (${f.integer(p.then)} then); ${nowText} now.`;
    case 'missed': {
      if (isNow || p.then === undefined) return `${tier}: ${nowText} now, goal ${goalText} for ${goalPeriod}: ${f.integer(goal - now)} short.`;
      return `${tier}: goal ${goalText} for ${goalPeriod} missed by ${f.integer(goal - p.then)} (${f.integer(p.then)} then); ${nowText} now.`;
    }
    case 'met':
      return `${tier}: ${nowText} now, goal ${goalText} by ${goalPeriod}: already met.`;
    case 'on-course':
    case 'off-course': {
      const head = `${tier}: ${nowText} now, goal ${goalText} by ${goalPeriod}: ${f.integer(p.gap)} to go in ${periodsText(p.periodsLeft!, current, f)}`;
      if (p.trend === undefined || p.trend <= 0) {
        const how = p.trend === undefined ? 'no earlier period shows a trend' : `the count is not rising (${trend})`;
        return `${head}; ${how}, so it does not reach the goal in time.`;
      }
      const verdict = p.verdict === 'on-course' ? 'reaches it in time' : 'falls short';
      return `${head}; at ${trend} the trend ${verdict} (about ${f.integer(p.projected!)} by ${goalPeriod}).`;
    }
    case 'time-unknown': {
      const head = `${tier}: ${nowText} now, goal ${goalText} by ${goalPeriod}: ${f.integer(p.gap)} to go`;
      const cannot = `the periods from ${current} to ${goalPeriod} cannot be counted`;
      if (p.trend === undefined || p.trend <= 0) {
        return `${head}; ${p.trend === undefined ? 'no earlier period shows a trend' : `the count is not rising (${trend})`}, and ${cannot}.`;
      }
      return `${head}; at ${trend} that takes about ${periodsText(Math.ceil(p.gap / p.trend), current, f)}, but whether that is in time is unknown: ${cannot}.`;
    }
  }
}
