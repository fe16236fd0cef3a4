/**
 * The KAM readiness check: "Do a few customers drive 50%+ of revenue? Is your sales cycle long (6 mo+)?
 * Would churn hurt more than new logos help? Two or more yes: it's time." (Stub.)
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

export function readinessOf(portfolio: Portfolio, salesCycleMonths?: number): Readiness {
  void portfolio;
  void salesCycleMonths;
  const questions: ReadinessQuestion[] = [
    { id: 'concentration', answer: 'unknown', values: {} },
    { id: 'sales-cycle', answer: 'unknown', values: {} },
    { id: 'churn', answer: 'unknown', values: {} },
  ];
  return { questions, yes: 0, verdict: 'undecided' };
}

export function readinessText(question: ReadinessQuestion, formatMoney: (value: number) => string = String, formatPercent: (fraction: number) => string = String): string {
  void formatMoney;
  void formatPercent;
  return question.id;
}

export function readinessVerdictText(readiness: Readiness): string {
  return readiness.verdict;
}
