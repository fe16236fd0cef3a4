/**
 * What the Pareto chart shows of a portfolio: the shares of the revenue shown, read at the chart's
 * cutoff, and the look-ups the chart makes in the portfolio's ranking (the account at a rank, the rank of
 * an id, the accounts and tiers of a bar). The bars paint from the shares; the ranking (accounts of equal
 * revenue in name order) is read only for what names accounts: labels under single bars, tooltips, focus,
 * selection and the table. Tiers are the portfolio's, so the chart colours an account as every other
 * widget does. The measure (revenue, profit or CLV) is what ranks the accounts; accounts whose measure is
 * below zero count 0 in the shares and are listed apart (`belowZero`), never left out. Pure (no DOM).
 */
import type { FlagResult } from '../../analysis/flags.js';
import { atCutoff, type ParetoResult, type ParetoShares } from '../../analysis/pareto.js';
import type { Portfolio } from '../../analysis/portfolio.js';
import type { Measure } from '../../analysis/roi.js';
import { TIER_ORDER, type TierAssignment } from '../../analysis/tiers.js';
import type { Account, Tier } from '../../feed/schema.js';
import type { ParetoBar } from './pareto-bars.js';

export interface ParetoModel {
  portfolio: Portfolio;
  /** What ranks the accounts (the shares' `revenue` holds it). */
  measure: Measure;
  /** The shares of the measure shown, at the chart's cutoff. */
  shares: ParetoShares;
  /** Input indices of the accounts whose measure is below zero, most negative first (they count 0 in the shares). */
  belowZero: Uint32Array;
  /** The previous period's shares at the same cutoff, with its label; undefined without a previous period. */
  previous?: { label: string; shares: ParetoShares };
}

/** The vital few of one period, for the table view. */
export interface PeriodShares {
  period: string;
  shares: ParetoShares;
}

/** What a bar's tooltip is about: one account with its tier, or a group of ranks with its tier counts. */
export type BarSubject = { assignment: TierAssignment } | { tierCounts: ReadonlyMap<Tier, number> };

/**
 * The chart's shares of `measure` at its cutoff, and the previous period's (its accounts and measure alone
 * are read: a sort of one column, so the first paint of a large feed stays quick).
 */
export function paretoModel(portfolio: Portfolio, cutoff: number, measure: Measure = 'revenue'): ParetoModel {
  const model: ParetoModel = { portfolio, measure, shares: atCutoff(portfolio.shares(measure), cutoff), belowZero: portfolio.belowZero(measure) };
  const previous = portfolio.periods().previous();
  if (previous) model.previous = { label: previous.label, shares: atCutoff(previous.portfolio.shares(measure), cutoff) };
  return model;
}

/** The vital few of every period the feed has, oldest first, at the chart's cutoff (the table view). */
export function periodShares(model: ParetoModel): PeriodShares[] {
  const periods = model.portfolio.periods();
  return periods.labels.map((period, k) => ({ period, shares: atCutoff(periods.at(k).portfolio.shares(model.measure), model.shares.cutoff) }));
}

/** The accounts ranked, at the chart's cutoff (rows of the table and the CSV). */
export function rankingOf(model: ParetoModel): ParetoResult {
  return atCutoff(model.portfolio.ranking(model.measure), model.shares.cutoff);
}

/** The input index of the account at a 1-based rank. */
function indexAt(model: ParetoModel, rank: number): number {
  return model.portfolio.ranking(model.measure).order[rank - 1]!;
}

/** The account at a 1-based rank. */
export function accountAt(model: ParetoModel, rank: number): Account {
  return model.portfolio.accounts[indexAt(model, rank)]!;
}

/** The rank of the account with this id; undefined when it is not shown. */
export function rankOfId(model: ParetoModel, id: string): number | undefined {
  const i = model.portfolio.indexOf(id);
  return i < 0 ? undefined : model.portfolio.ranking(model.measure).rankOf[i];
}

/** Ids of a bar's accounts, in rank order. */
export function idsOf(model: ParetoModel, bar: ParetoBar): string[] {
  const ids: string[] = [];
  for (let r = bar.firstRank; r <= bar.lastRank; r++) ids.push(accountAt(model, r).id);
  return ids;
}

/** The tier of the account at a 1-based rank (the portfolio's). */
function tierAt(model: ParetoModel, rank: number): Tier {
  return TIER_ORDER[model.portfolio.tiers().tierIndex[indexAt(model, rank)]!]!;
}

export function subjectOf(model: ParetoModel, bar: ParetoBar): BarSubject {
  if (bar.count === 1 && !bar.others) return { assignment: model.portfolio.assignment(indexAt(model, bar.firstRank)) };
  const tierCounts = new Map<Tier, number>();
  for (let r = bar.firstRank; r <= bar.lastRank; r++) {
    const tier = tierAt(model, r);
    tierCounts.set(tier, (tierCounts.get(tier) ?? 0) + 1);
  }
  return { tierCounts };
}

/** A bar's revenue by tier, in rank order of first appearance, so a bucket coloured by tier is exact. */
export function tierParts(model: ParetoModel, bar: ParetoBar): Map<Tier, number> {
  const byTier = new Map<Tier, number>();
  for (let r = bar.firstRank; r <= bar.lastRank; r++) {
    const tier = tierAt(model, r);
    byTier.set(tier, (byTier.get(tier) ?? 0) + model.shares.revenue[r - 1]!);
  }
  return byTier;
}

/** The input index of the account at a 1-based rank (for its flags). */
export function accountIndexAt(model: ParetoModel, rank: number): number {
  return indexAt(model, rank);
}

/** Per bar, the most severe flag level of its accounts (0 none, 1 warning, 2 severe). Reads the ranking. */
export function barFlagLevels(model: ParetoModel, bars: readonly ParetoBar[], flags: FlagResult): Uint8Array {
  const levels = new Uint8Array(bars.length);
  const { order } = model.portfolio.ranking(model.measure);
  bars.forEach((bar, b) => {
    let level = 0;
    for (let r = bar.firstRank; r <= bar.lastRank && level < 2; r++) level = Math.max(level, flags.level[order[r - 1]!]!);
    levels[b] = level;
  });
  return levels;
}
