/**
 * The KAM readiness check, the three questions the texts ask before investing in key account management
 * ("Do a few customers drive 50%+ of revenue? Is your sales cycle long (6 mo+)? Would churn hurt more
 * than new logos help? Two or more yes: it's time."), answered from the feed where it can be:
 *   - concentration: yes when the top 20% of accounts (the Pareto chart's top 20%) bring in 50% or more
 *     of revenue; unknown without revenue.
 *   - sales-cycle: from the caller (`sales-cycle-months`, not in a feed): yes at 6 months or more;
 *     unknown without it.
 *   - churn: the revenue the accounts lost since the previous period brought then (revenue then, none
 *     now) against the revenue of the new accounts (revenue now, none then or no figures then): yes when
 *     the lost revenue is larger; unknown without a previous period.
 *
 * Decisions:
 * - The verdict: ready with two or more yes; not-yet when two yes are out of reach even if every unknown
 *   answer were yes; undecided otherwise (it depends on an answer the feed cannot give).
 * - Churn compares one period, the previous one, like the churn KPI: a longer history would mix periods
 *   of different lengths of a feed's own choosing.
 * - Answers are of the portfolio's accounts (a narrowed portfolio: its own).
 */
import type { Portfolio } from './portfolio.js';

export type ReadinessAnswer = 'yes' | 'no' | 'unknown';

export interface ReadinessQuestion {
  id: 'concentration' | 'sales-cycle' | 'churn';
  answer: ReadinessAnswer;
  /** The figures the answer rests on. */
  values: Record<string, number>;
}

export interface Readiness {
  questions: ReadinessQuestion[];
  /** How many questions are answered yes. */
  yes: number;
  /** ready: two or more yes; not-yet: two yes are out of reach; undecided: it depends on unknown answers. */
  verdict: 'ready' | 'not-yet' | 'undecided';
}

/** The share of revenue the top 20% of accounts must bring in. */
export const CONCENTRATION_SHARE = 0.5;
/** A long sales cycle, in months. */
export const LONG_SALES_CYCLE = 6;

const answer = (known: boolean, yes: boolean): ReadinessAnswer => (known ? (yes ? 'yes' : 'no') : 'unknown');

function concentration(portfolio: Portfolio): ReadinessQuestion {
  const shares = portfolio.shares();
  const values = { top20Share: shares.top20Share, top20Accounts: shares.top20Count, accounts: shares.count, threshold: CONCENTRATION_SHARE };
  return { id: 'concentration', answer: answer(shares.total > 0, shares.top20Share >= CONCENTRATION_SHARE), values };
}

function salesCycle(months: number | undefined): ReadinessQuestion {
  const known = months !== undefined && Number.isFinite(months) && months >= 0;
  return { id: 'sales-cycle', answer: answer(known, known && months >= LONG_SALES_CYCLE), values: known ? { months, threshold: LONG_SALES_CYCLE } : { threshold: LONG_SALES_CYCLE } };
}

function churn(portfolio: Portfolio): ReadinessQuestion {
  const previous = portfolio.periods().previous();
  if (!previous) return { id: 'churn', answer: 'unknown', values: {} };
  const revenue = portfolio.columns.revenue;
  const rowOf = previous.rowOf;
  const revenueThen = previous.portfolio.columns.revenue;
  let lostRevenue = 0;
  let lostAccounts = 0;
  let newRevenue = 0;
  let newAccounts = 0;
  for (let i = 0; i < revenue.length; i++) {
    const r = rowOf[i]!;
    const then = r >= 0 ? revenueThen[r]! : 0;
    const now = revenue[i]!;
    if (then > 0 && now === 0) {
      lostRevenue += then;
      lostAccounts++;
    } else if (!(then > 0) && now > 0) {
      newRevenue += now;
      newAccounts++;
    }
  }
  return { id: 'churn', answer: lostRevenue > newRevenue ? 'yes' : 'no', values: { lostRevenue, lostAccounts, newRevenue, newAccounts } };
}

/** The three questions with their answers and figures, and the verdict. */
export function readinessOf(portfolio: Portfolio, salesCycleMonths: number | undefined = portfolio.rules.salesCycleMonths): Readiness {
  const questions = [concentration(portfolio), salesCycle(salesCycleMonths), churn(portfolio)];
  const yes = questions.filter((q) => q.answer === 'yes').length;
  const unknown = questions.filter((q) => q.answer === 'unknown').length;
  const verdict = yes >= 2 ? 'ready' : yes + unknown < 2 ? 'not-yet' : 'undecided';
  return { questions, yes, verdict };
}

const defaultMoney = (value: number): string => String(Math.round(value));
const defaultPercent = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;
const accountsWord = (count: number) => `${count} account${count === 1 ? '' : 's'}`;

/** One question's answer in an English sentence with its figures. */
export function readinessText(question: ReadinessQuestion, formatMoney: (value: number) => string = defaultMoney, formatPercent: (fraction: number) => string = defaultPercent): string {
  const v = question.values;
  switch (question.id) {
    case 'concentration':
      if (question.answer === 'unknown') return 'A few customers drive 50% or more of revenue? Unknown: the accounts have no revenue.';
      return `A few customers drive 50% or more of revenue? ${question.answer === 'yes' ? 'Yes' : 'No'}: the top 20% (${v.top20Accounts} of ${accountsWord(v.accounts!)}) bring in ${formatPercent(v.top20Share!)}.`;
    case 'sales-cycle':
      if (question.answer === 'unknown') return 'A long sales cycle (6 months or more)? Unknown: set the sales cycle in months (sales-cycle-months).';
      return `A long sales cycle (6 months or more)? ${question.answer === 'yes' ? 'Yes' : 'No'}: ${v.months} month${v.months === 1 ? '' : 's'}.`;
    case 'churn': {
      if (question.answer === 'unknown') return 'Would churn hurt more than new logos help? Unknown: the feed has no previous period.';
      const one = (count: number, singular: string, plural: string) => (count === 1 ? singular : plural);
      const lost = `${accountsWord(v.lostAccounts!)} lost since the previous period took ${formatMoney(v.lostRevenue!)} of revenue with ${one(v.lostAccounts!, 'it', 'them')}`;
      const won = `${accountsWord(v.newAccounts!)} won since ${one(v.newAccounts!, 'brings', 'bring')} in ${formatMoney(v.newRevenue!)}`;
      return `Would churn hurt more than new logos help? ${question.answer === 'yes' ? 'Yes' : 'No'}: ${lost}; ${won}.`;
    }
  }
}

/** The verdict in an English sentence. */
export function readinessVerdictText(readiness: Readiness): string {
  const yes = `${readiness.yes} of 3 answered yes`;
  switch (readiness.verdict) {
    case 'ready':
      return `Ready for key account management: ${yes}.`;
    case 'not-yet':
      return `Not yet ready for key account management: ${yes}, two are needed.`;
    case 'undecided':
      return `Undecided: ${yes}; the unknown answers decide.`;
  }
}
