/**
 * One portfolio: the analysis of a feed's accounts under one set of tier rules, made once and shared by
 * every widget that shows the feed, so that an account has the same rank, tier and quadrant everywhere.
 *
 * Decisions:
 * - The portfolio is of the whole feed. A filter (or a selection) narrows it to some of its accounts
 *   (`narrow`): the narrowed portfolio keeps each account's rank order, tier (with its reason) and the
 *   whole feed's quadrant split, and its sums and shares are of its own accounts. Nothing is ranked or
 *   tiered again for a filter.
 * - Each part (shares, ranking, tiers, quadrants) is computed when a widget first asks for it and then
 *   kept, so a page with only a Pareto chart does not pay for the quadrant split, and a chart of 100,000
 *   accounts paints from the shares and the tiers before the accounts of equal revenue are put in name
 *   order (the ranking, which reasons, labels and tables need). Each part is plain data.
 * - The accounts are taken as values (see columns.ts): a changed feed makes a new portfolio.
 */
import type { Account } from '../feed/schema.js';
import { noHistory, readHistory, type FeedHistory } from '../feed/history.js';
import { columnsFor, gatherColumns, type AccountColumns } from './columns.js';
import { PeriodReader } from './period-figures.js';
import { Periods, narrowedSource, type PeriodSource } from './periods.js';
import { belowZeroOf, measureValues, paretoOf, paretoShares, rankByRevenue, type ParetoResult, type ParetoShares } from './pareto.js';
import { quadrants, type QuadrantResult } from './quadrant.js';
import { assignTiers, tierAssignment, tierRules, tiersOfSubset, vitalFewMeasure, type TierAssignment, type TierResult, type TierRules } from './tiers.js';
import { roiOf, type Measure, type RoiResult } from './roi.js';
import { accountFlags, DEFAULT_FLAG_RULES, flagsOfSubset, type FlagResult, type FlagRules } from './flags.js';

/** Everything a portfolio is analysed under: the tier rules, the cost of effort (ROI), the red flags' thresholds, the sales cycle (readiness). */
export interface PortfolioRules extends TierRules {
  /** The cost of one unit of `effort`, for accounts without `costToServe`. */
  costPerEffort?: number;
  flags: FlagRules;
  /** The sales cycle in months, for the readiness check (not in the feed). */
  salesCycleMonths?: number;
}

export class Portfolio {
  readonly rules: PortfolioRules;
  readonly columns: AccountColumns;
  private shared?: ParetoShares;
  private ranked?: ParetoResult;
  /** Shares, rankings and accounts below zero by a measure other than revenue. */
  private readonly byMeasure = new Map<Measure, { shares?: ParetoShares; ranking?: ParetoResult; belowZero?: Uint32Array }>();
  private tiered?: TierResult;
  private split?: QuadrantResult;
  private ids?: Map<string, number>;
  private timeline?: Periods;
  /** null: the feed has no previous period. */
  private profitBefore?: Float64Array | null;
  private returns?: RoiResult;
  private flagged?: FlagResult;
  /** The order of periods and where each account's past figures are (a validated feed's `history`). */
  protected readonly history?: FeedHistory;

  /**
   * @param accounts the validated accounts of a feed
   * @param rules the tier rules (defaults for what is left out); a RangeError for an invalid one
   * @param columns the accounts' columns when the caller has them (a validated feed's `columns`); a RangeError when they are of another count of accounts
   * @param history the feed's `history` (its periods); read from the accounts when not given
   */
  constructor(
    readonly accounts: readonly Account[],
    rules: Partial<PortfolioRules> = {},
    columns?: AccountColumns,
    history?: FeedHistory,
  ) {
    this.rules = { ...tierRules(rules), costPerEffort: rules.costPerEffort, flags: { ...DEFAULT_FLAG_RULES, ...rules.flags }, salesCycleMonths: rules.salesCycleMonths };
    this.columns = columnsFor(accounts, columns);
    // Accounts given without their feed: the order of periods comes from their histories, which also give
    // previousRevenue where an account has none (as parseFeed settles it).
    this.history = history ?? (columns ? undefined : readHistory(accounts, this.columns).history);
  }

  /** The whole feed's portfolio this one narrows, or itself. */
  get root(): Portfolio {
    return this;
  }

  /**
   * The Pareto shares of the accounts' revenue (or another measure: a negative or unknown value counts as
   * 0) at the rules' cutoff, without ordering the accounts.
   */
  shares(measure: Measure = 'revenue'): ParetoShares {
    if (measure === 'revenue') return (this.shared ??= this.share(measure));
    const kept = this.measured(measure);
    return (kept.shares ??= this.share(measure));
  }

  /** The accounts ranked by revenue (or another measure, as `shares`), with the Pareto shares at the rules' cutoff. */
  ranking(measure: Measure = 'revenue'): ParetoResult {
    if (measure === 'revenue') return (this.ranked ??= this.rank(measure));
    const kept = this.measured(measure);
    return (kept.ranking ??= this.rank(measure));
  }

  /** Input indices of the accounts whose `measure` is below zero (ranked as 0), most negative first: listed apart, never hidden. */
  belowZero(measure: Measure): Uint32Array {
    const kept = this.measured(measure);
    return (kept.belowZero ??= belowZeroOf(this.accounts, this.columns, measure));
  }

  private measured(measure: Measure) {
    let kept = this.byMeasure.get(measure);
    if (!kept) this.byMeasure.set(measure, (kept = {}));
    return kept;
  }

  /** Every account's tier with its reason. */
  tiers(): TierResult {
    return (this.tiered ??= this.tier());
  }

  /** Every account's effort/impact quadrant, split at the whole feed's medians. */
  quadrants(): QuadrantResult {
    return (this.split ??= this.splitQuadrants());
  }

  /** Cost to serve and ROI of every account, per tier and over all. */
  roi(): RoiResult {
    return (this.returns ??= roiOf(this.columns, this.tiers().tierIndex, this.rules.costPerEffort));
  }

  /** The red flags of every account (a narrowed portfolio: the whole feed's flags of its accounts). */
  flags(): FlagResult {
    return (this.flagged ??= this.flag());
  }

  /** The tier of the account at input index `i`, with its reason (a vital account's rank is its rank in the whole feed). */
  assignment(i: number): TierAssignment {
    return tierAssignment(this.tiers(), i, this.ranking(vitalFewMeasure(this.rules)), this.previousProfit());
  }

  /** Per account, its profit in the previous period (NaN: none there); undefined when the feed has no previous period. For BZ reasons. */
  private previousProfit(): Float64Array | undefined {
    if (this.profitBefore !== undefined) return this.profitBefore ?? undefined;
    const previous = this.periods().previous();
    let out: Float64Array | null = null;
    if (previous) {
      const { rowOf } = previous;
      const profit = previous.portfolio.columns.profit;
      out = new Float64Array(this.accounts.length);
      for (let i = 0; i < out.length; i++) out[i] = rowOf[i]! >= 0 ? profit[rowOf[i]!]! : NaN;
    }
    this.profitBefore = out;
    return out ?? undefined;
  }

  /** Every account's tier with its reason, in input order. */
  assignments(): TierAssignment[] {
    return this.accounts.map((_, i) => this.assignment(i));
  }

  /**
   * The periods: the feed's order of periods, the current one (this portfolio) last, each with a
   * portfolio of its figures under the same rules (see periods.ts).
   */
  periods(): Periods {
    return (this.timeline ??= new Periods(this, this.periodSource()));
  }

  protected periodSource(): PeriodSource {
    const history = this.history ?? readHistory(this.accounts, this.columns).history;
    const reader = new PeriodReader(this.columns, history);
    return {
      labels: [...history.periods, history.current],
      past: (p) => {
        const { members, columns } = reader.at(p);
        const accounts = pick(this.accounts, members);
        return { portfolio: new Portfolio(accounts, this.rules, columns, noHistory(history.periods[p]!)), members };
      },
    };
  }

  /** The input index of the account with this id; -1 when there is none. */
  indexOf(id: string): number {
    if (!this.ids) {
      this.ids = new Map();
      this.accounts.forEach((account, i) => this.ids!.set(account.id, i));
    }
    return this.ids.get(id) ?? -1;
  }

  /** The portfolio of the accounts at `indexes` (ascending input indices), as this one ranks, tiers and splits them. */
  narrow(indexes: Uint32Array): Portfolio {
    return indexes.length === this.accounts.length ? this : new NarrowedPortfolio(this, indexes);
  }

  protected share(measure: Measure): ParetoShares {
    return paretoShares(measureValues(this.columns, measure), this.rules.cutoff);
  }

  protected rank(measure: Measure): ParetoResult {
    const values = measureValues(this.columns, measure);
    return paretoOf(this.accounts, rankByRevenue(this.accounts, values), values, this.rules.cutoff);
  }

  protected tier(): TierResult {
    return assignTiers(this.accounts, this.rules, { columns: this.columns, shares: this.shares(vitalFewMeasure(this.rules)) });
  }

  protected splitQuadrants(): QuadrantResult {
    return quadrants(this.accounts, { columns: this.columns });
  }

  protected flag(): FlagResult {
    return accountFlags(this);
  }
}

/** The accounts at `indexes`, in that order (a plain loop: Array.from with a map function is several times slower at 100,000). */
function pick(accounts: readonly Account[], indexes: Uint32Array): Account[] {
  const out = new Array<Account>(indexes.length);
  for (let k = 0; k < indexes.length; k++) out[k] = accounts[indexes[k]!]!;
  return out;
}

/** Some accounts of a portfolio, with the ranks, tiers and quadrant split they have in it. */
class NarrowedPortfolio extends Portfolio {
  constructor(
    private readonly parent: Portfolio,
    private readonly indexes: Uint32Array,
  ) {
    super(
      pick(parent.accounts, indexes),
      parent.rules,
      gatherColumns(parent.columns, indexes),
    );
  }

  override get root(): Portfolio {
    return this.parent.root;
  }

  /** The parent's periods, each kept to these accounts. */
  protected override periodSource(): PeriodSource {
    return narrowedSource(this.parent.periods(), this.indexes, this.parent.accounts.length);
  }

  /** An account's tier and reason as the whole feed gives them. */
  override assignment(k: number): TierAssignment {
    return { ...this.parent.assignment(this.indexes[k]!), index: k };
  }

  /** The parent's rank order, kept to these accounts. */
  protected override rank(measure: Measure): ParetoResult {
    const position = new Int32Array(this.parent.accounts.length).fill(-1);
    this.indexes.forEach((i, k) => (position[i] = k));
    const order = new Uint32Array(this.indexes.length);
    let r = 0;
    for (const i of this.parent.ranking(measure).order) if (position[i]! >= 0) order[r++] = position[i]!;
    return paretoOf(this.accounts, order, measureValues(this.columns, measure), this.rules.cutoff);
  }

  protected override tier(): TierResult {
    return tiersOfSubset(this.parent.tiers(), this.indexes, this.accounts, this.columns);
  }

  /** The whole feed's flags of these accounts (a filter never changes a flag). */
  protected override flag(): FlagResult {
    return flagsOfSubset(this.parent.flags(), this.indexes, this.accounts);
  }

  protected override splitQuadrants(): QuadrantResult {
    const whole = this.root.quadrants();
    const split = quadrants(this.accounts, {
      columns: this.columns,
      effortThreshold: whole.effortThreshold ?? undefined,
      impactThreshold: whole.impactThreshold ?? undefined,
    });
    return { ...split, thresholdSource: whole.thresholdSource };
  }
}
