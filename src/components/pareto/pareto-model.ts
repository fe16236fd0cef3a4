/**
 * What the Pareto chart shows of a portfolio: the accounts in the portfolio's rank order with the shares
 * of the revenue shown, read at the chart's cutoff, and the look-ups the chart makes in it (the account
 * at a rank, the rank of an id, the accounts and tiers of a bar). Tiers are the portfolio's, so the chart
 * colours an account as every other widget does. Pure (no DOM).
 */
import { atCutoff, type ParetoResult } from '../../analysis/pareto.js';
import type { Portfolio } from '../../analysis/portfolio.js';
import { tierAssignment, TIER_ORDER, type TierAssignment } from '../../analysis/tiers.js';
import type { Account, Tier } from '../../feed/schema.js';
import type { ParetoBar } from './pareto-bars.js';

export interface ParetoModel {
  portfolio: Portfolio;
  /** The shown accounts ranked, at the chart's cutoff. */
  ranking: ParetoResult;
  /** 1-based rank of each account (input order of the portfolio). */
  rankOf: Uint32Array;
}

/** What a bar's tooltip is about: one account with its tier, or a group of ranks with its tier counts. */
export type BarSubject = { assignment: TierAssignment } | { tierCounts: ReadonlyMap<Tier, number> };

export function paretoModel(portfolio: Portfolio, cutoff: number): ParetoModel {
  const ranking = atCutoff(portfolio.ranking(), cutoff);
  const rankOf = new Uint32Array(ranking.count);
  for (let r = 0; r < ranking.count; r++) rankOf[ranking.order[r]!] = r + 1;
  return { portfolio, ranking, rankOf };
}

/** The account at a 1-based rank. */
export function accountAt(model: ParetoModel, rank: number): Account {
  return model.portfolio.accounts[model.ranking.order[rank - 1]!]!;
}

/** The rank of the account with this id; undefined when it is not shown. */
export function rankOfId(model: ParetoModel, id: string): number | undefined {
  const i = model.portfolio.indexOf(id);
  return i < 0 ? undefined : model.rankOf[i];
}

/** Ids of a bar's accounts, in rank order. */
export function idsOf(model: ParetoModel, bar: ParetoBar): string[] {
  const ids: string[] = [];
  for (let r = bar.firstRank; r <= bar.lastRank; r++) ids.push(accountAt(model, r).id);
  return ids;
}

/** The tier of the account at input index i (the portfolio's). */
export function tierOf(model: ParetoModel, i: number): Tier {
  return TIER_ORDER[model.portfolio.tiers().tierIndex[i]!]!;
}

export function subjectOf(model: ParetoModel, bar: ParetoBar): BarSubject {
  const order = model.ranking.order;
  if (bar.count === 1 && !bar.others) return { assignment: tierAssignment(model.portfolio.tiers(), order[bar.firstRank - 1]!) };
  const tierCounts = new Map<Tier, number>();
  for (let r = bar.firstRank; r <= bar.lastRank; r++) {
    const tier = tierOf(model, order[r - 1]!);
    tierCounts.set(tier, (tierCounts.get(tier) ?? 0) + 1);
  }
  return { tierCounts };
}

/** A bar's revenue by tier, in rank order of first appearance, so a bucket coloured by tier is exact. */
export function tierParts(model: ParetoModel, bar: ParetoBar): Map<Tier, number> {
  const { order, revenue } = model.ranking;
  const byTier = new Map<Tier, number>();
  for (let r = bar.firstRank; r <= bar.lastRank; r++) {
    const tier = tierOf(model, order[r - 1]!);
    byTier.set(tier, (byTier.get(tier) ?? 0) + revenue[r - 1]!);
  }
  return byTier;
}
