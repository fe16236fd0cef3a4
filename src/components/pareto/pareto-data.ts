/**
 * One feed's Pareto analysis and what the chart looks up in it: accounts by rank, ranks by id, and the
 * tiers (computed on first need, because 100,000 accounts should paint before they are tiered). Pure
 * (no DOM).
 */
import { pareto, type ParetoResult } from '../../analysis/pareto.js';
import { assignTiers, TIER_ORDER, type TierAssignment, type TierResult } from '../../analysis/tiers.js';
import type { Feed } from '../../feed/parse.js';
import type { Account, Tier } from '../../feed/schema.js';
import { tierRevenue, type ParetoBar } from './pareto-model.js';

/** What a bar's tooltip is about: one account with its tier, or a group of ranks with its tier counts. */
export type BarSubject = { assignment: TierAssignment } | { tierCounts: ReadonlyMap<Tier, number> };

export class ParetoData {
  readonly result: ParetoResult;
  private tierCache?: { tiers: TierResult; byIndex: Tier[] };
  private ranks?: Map<string, number>;

  constructor(
    readonly feed: Feed,
    readonly cutoff: number,
  ) {
    this.result = pareto(feed.accounts, { cutoff });
  }

  get tiersReady(): boolean {
    return this.tierCache !== undefined;
  }

  /** Tiers by the default rule at this cutoff, by input index. */
  tiers(): { tiers: TierResult; byIndex: Tier[] } {
    if (!this.tierCache) {
      const tiers = assignTiers(this.feed.accounts, { cutoff: this.cutoff });
      // Tier names by input index from the typed tier index: no assignment object (with its reason) per account.
      const byIndex = Array.from(tiers.tierIndex, (t) => TIER_ORDER[t]!);
      this.tierCache = { tiers, byIndex };
    }
    return this.tierCache;
  }

  /**
   * What hover, the table and colour-by-tier need and the bars do not: the tiers, and the name order of
   * accounts of equal revenue (pareto() puts them in order on first read). For an idle moment after paint.
   */
  prepareDetails(): void {
    void this.result.order;
    this.tiers();
  }

  /** The account at a 1-based rank. */
  accountAt(rank: number): Account {
    return this.feed.accounts[this.result.order[rank - 1]!]!;
  }

  rankOf(id: string): number | undefined {
    if (!this.ranks) {
      this.ranks = new Map();
      for (let r = 1; r <= this.result.count; r++) this.ranks.set(this.accountAt(r).id, r);
    }
    return this.ranks.get(id);
  }

  idsOf(bar: ParetoBar): string[] {
    const ids: string[] = [];
    for (let r = bar.firstRank; r <= bar.lastRank; r++) ids.push(this.accountAt(r).id);
    return ids;
  }

  subjectOf(bar: ParetoBar): BarSubject {
    const { tiers, byIndex } = this.tiers();
    const order = this.result.order;
    if (bar.count === 1 && !bar.others) return { assignment: tiers.assignment(order[bar.firstRank - 1]!) };
    const tierCounts = new Map<Tier, number>();
    for (let r = bar.firstRank; r <= bar.lastRank; r++) {
      const tier = byIndex[order[r - 1]!]!;
      tierCounts.set(tier, (tierCounts.get(tier) ?? 0) + 1);
    }
    return { tierCounts };
  }

  /** A bar's revenue by tier, so a bucket coloured by tier is exact. */
  tierParts(bar: ParetoBar): Map<Tier, number> {
    const byIndex = this.tiers().byIndex;
    if (bar.count === 1) return new Map([[byIndex[this.result.order[bar.firstRank - 1]!]!, bar.revenue]]);
    return tierRevenue(this.result, (index) => byIndex[index]!, bar);
  }
}
