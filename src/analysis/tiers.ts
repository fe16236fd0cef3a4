/**
 * Customer tiers: MVC (Most Valuable), MGC (Most Growable), STC (Second Tier), BZ (Below Zero).
 *
 * Two rules; a tier given in the feed wins over either. The default, `texts`, is the tiers as the KAM
 * texts define them; first match wins:
 *   1. BZ  when profit < 0 (profit exactly 0 is not below zero; no profit -> this step is skipped). The
 *      reason says whether profit was below zero in the previous period too, when the feed has one.
 *   2. MVC when the account is in the Pareto vital few of `rules.measure` (revenue, profit or CLV; a
 *      negative or unknown value counts as 0), computed over ALL accounts (given tiers included) with
 *      `rules.cutoff`.
 *   3. MGC when the account could become an MVC: its potential is at least the revenue of the smallest
 *      MVC (the vital few of step 2; skipped when there are none); or when revenue grew at least
 *      `growthThreshold` over the previous period (previousRevenue > 0) with revenue at least
 *      `revenueFloor`.
 *   4. STC for the rest: profit at least `minMargin` × revenue ("margin": meets the minimum
 *      profitability); profit below that ("below-margin", decision: still STC, as the tier of accounts that
 *      are neither valuable, growable nor below zero, but its reason says it misses the margin); or no
 *      profit at all ("profit-unknown": never called profitable).
 *
 * The rule `headroom` (the kit's first rule, kept as an option) differs in steps 2 to 4: MVC by revenue
 * alone; MGC when growth headroom (potential − revenue) is positive and at least `headroomFactor` ×
 * revenue, or revenue grew by `growthThreshold` (no floor); STC otherwise ("default").
 *
 * Decisions: headroom must be > 0, so an account with revenue 0 and potential 0 is not "growable";
 * potential is checked before growth (the reason names the first branch that matched); comparisons
 * tolerate float error (120 over 100 is exactly 20% growth).
 *
 * The result is plain data: per account (input order) its tier, whether it was given, the step of the
 * rule that applies, in typed arrays. The vital few are found from the Pareto shares, without ranking
 * every account. `tierAssignment` turns one account's entries, with its rank in the accounts' ranking,
 * into an object with a structured reason (`code` + raw numbers), which the widget layer words for its
 * locale with `tierReasonText` (tier-text.ts).
 *
 * One file over 300 lines: the rule, the reasons it gives and the sums per tier are one result, and read
 * best together.
 */
import type { Account, Tier } from '../feed/schema.js';
import { NO_TIER, columnsFor, type AccountColumns } from './columns.js';
import { atLeast, isNum, shareOf } from './numbers.js';
import { atCutoff, measureValues, paretoOf, paretoShares, rankByRevenue, validateCutoff, vitalFewMembers, type ParetoResult, type ParetoShares } from './pareto.js';
import { MEASURES, type Measure } from './roi.js';

/** The tiers in display order. */
export const TIER_ORDER: readonly Tier[] = ['MVC', 'MGC', 'STC', 'BZ'];

export interface TierMeta {
  tier: Tier;
  /** Full name, for legends and headings. */
  name: string;
  /** One-line definition. */
  definition: string;
}

export const TIER_META: Readonly<Record<Tier, TierMeta>> = {
  MVC: {
    tier: 'MVC',
    name: 'Most Valuable Customers',
    definition: 'The few top accounts that together bring in most of the revenue.',
  },
  MGC: {
    tier: 'MGC',
    name: 'Most Growable Customers',
    definition: 'Accounts with the potential to become most valuable, or strong recent growth.',
  },
  STC: {
    tier: 'STC',
    name: 'Second Tier Customers',
    definition: 'Accounts that are neither most valuable, growable nor below zero; meeting the minimum margin, or not (or with profit unknown).',
  },
  BZ: {
    tier: 'BZ',
    name: 'Below Zero customers',
    definition: 'Accounts that cost more to serve than they earn (negative profit).',
  },
};

/** The tier rules: `texts` (the default, as the KAM texts define the tiers) and `headroom` (MGC by headroom relative to revenue). */
export const TIER_RULE_NAMES = ['texts', 'headroom'] as const;
export type TierRuleName = (typeof TIER_RULE_NAMES)[number];

export interface TierRules {
  /** Which rule: 'texts' (default) or 'headroom'. */
  rule: TierRuleName;
  /** Pareto cutoff for MVC, in (0, 1]. */
  cutoff: number;
  /** What ranks the vital few of MVC under the texts rule: revenue (default), profit or clv. */
  measure: Measure;
  /** Minimum growth over previousRevenue for MGC, as a fraction (0.2 = 20%). */
  growthThreshold: number;
  /** Minimum headroom (potential − revenue) for MGC under the headroom rule, as a multiple of current revenue. */
  headroomFactor: number;
  /** Minimum margin (profit / revenue) an STC meets under the texts rule, as a fraction; default 0. */
  minMargin: number;
  /** Revenue an account growing by growthThreshold must have to be MGC under the texts rule; default 0. */
  revenueFloor: number;
}

export const DEFAULT_TIER_RULES: Readonly<TierRules> = Object.freeze({
  rule: 'texts',
  cutoff: 0.8,
  measure: 'revenue',
  growthThreshold: 0.2,
  headroomFactor: 1,
  minMargin: 0,
  revenueFloor: 0,
});

export type TierReason =
  | { code: 'given'; values: { ruleTier: Tier } }
  /** previousProfit: the account's profit in the previous period; null when it has none there; absent when the feed has no previous period. */
  | { code: 'negative-profit'; values: { profit: number; previousProfit?: number | null } }
  | { code: 'vital-few'; values: { rank: number; cumulativeShare: number; cutoff: number; measure: Measure } }
  | { code: 'headroom'; values: { headroom: number; revenue: number; potential: number; factor: number } }
  | { code: 'could-be-mvc'; values: { potential: number; revenue: number; smallestMvcRevenue: number } }
  /** floor: the revenue floor of the texts rule (0 under the headroom rule, which has none). */
  | { code: 'growth'; values: { growth: number; revenue: number; previousRevenue: number; threshold: number; floor: number } }
  | { code: 'margin'; values: { profit: number; revenue: number; minMargin: number } }
  | { code: 'below-margin'; values: { profit: number; revenue: number; minMargin: number } }
  | { code: 'profit-unknown'; values: Record<string, never> }
  | { code: 'default'; values: Record<string, never> };

export type TierReasonCode = TierReason['code'];

/** The steps of both rules; `TierResult.step` indexes this list. */
export const RULE_STEPS = ['negative-profit', 'vital-few', 'headroom', 'growth', 'default', 'could-be-mvc', 'margin', 'below-margin', 'profit-unknown'] as const;
export type RuleStep = (typeof RULE_STEPS)[number];
/** The tier (index into TIER_ORDER) each step gives. */
const TIER_OF_STEP = [3, 0, 1, 1, 2, 1, 2, 2, 2];
const Step = { NegativeProfit: 0, VitalFew: 1, Headroom: 2, Growth: 3, Default: 4, CouldBeMvc: 5, Margin: 6, BelowMargin: 7, ProfitUnknown: 8 } as const;

export interface TierAssignment {
  account: Account;
  /** Position in the input array. */
  index: number;
  tier: Tier;
  /** True when the tier came from the feed (`account.tier`). */
  given: boolean;
  /** Why the account has its tier. For a given tier, `values.ruleTier` is what the rule would say. */
  reason: TierReason;
}

export interface TierSummary extends TierMeta {
  accounts: number;
  revenue: number;
  /** Share of total revenue; 0 when total revenue is 0. */
  revenueShare: number;
  /** Sum of profit over the tier's accounts that have profit; null when none has. */
  profit: number | null;
  /** How many of the tier's accounts have profit. */
  profitAccounts: number;
  /** Sum of effort over the tier's accounts that have effort; null when none has. */
  effort: number | null;
  effortAccounts: number;
  /** Share of total effort; null when no account in the feed has effort, 0 when total effort is 0. */
  effortShare: number | null;
}

export interface TierTotals {
  accounts: number;
  revenue: number;
  profit: number | null;
  profitAccounts: number;
  effort: number | null;
  effortAccounts: number;
}

export interface TierResult {
  /** The accounts tiered (the input array). */
  accounts: readonly Account[];
  /** Their figures (the period's, for a past period): what the reasons quote. */
  columns: AccountColumns;
  rules: TierRules;
  /** Per account (input order): its tier as an index into TIER_ORDER. */
  tierIndex: Uint8Array;
  /** Per account: 1 when the tier was given in the feed. */
  given: Uint8Array;
  /** Per account: the step of the rule that applies to it (index into RULE_STEPS), given tier or not. */
  step: Uint8Array;
  /** The revenue of the smallest MVC of the rule (its vital few); NaN when there are none. MGC's bar under the texts rule. */
  smallestMvcRevenue: number;
  /** Always four entries, in the order MVC, MGC, STC, BZ. */
  tiers: TierSummary[];
  totals: TierTotals;
}

export interface TierOptions {
  /** The accounts' columns when the caller has them (see columns.ts). */
  columns?: AccountColumns;
  /** The accounts' Pareto shares of `rules.measure` at any cutoff (the vital few are read from them at `rules.cutoff`). */
  shares?: ParetoShares;
}

function validateRules(rules: TierRules): void {
  if (!(TIER_RULE_NAMES as readonly unknown[]).includes(rules.rule)) throw new RangeError(`rule must be one of ${TIER_RULE_NAMES.join(', ')}, got ${String(rules.rule)}`);
  if (!(MEASURES as readonly unknown[]).includes(rules.measure)) throw new RangeError(`measure must be one of ${MEASURES.join(', ')}, got ${String(rules.measure)}`);
  if (!isNum(rules.minMargin)) throw new RangeError(`minMargin must be a finite number, got ${String(rules.minMargin)}`);
  if (!isNum(rules.revenueFloor) || rules.revenueFloor < 0) throw new RangeError(`revenueFloor must be a finite number >= 0, got ${String(rules.revenueFloor)}`);
  validateCutoff(rules.cutoff);
  if (!isNum(rules.growthThreshold)) {
    throw new RangeError(`growthThreshold must be a finite number, got ${String(rules.growthThreshold)}`);
  }
  if (!isNum(rules.headroomFactor) || rules.headroomFactor < 0) {
    throw new RangeError(`headroomFactor must be a finite number >= 0, got ${String(rules.headroomFactor)}`);
  }
}

/** The rules with the defaults filled in for what `rules` leaves undefined; throws a RangeError for an invalid one. */
export function tierRules(rules: Partial<TierRules> = {}): TierRules {
  const r: TierRules = { ...DEFAULT_TIER_RULES };
  const keys = ['rule', 'cutoff', 'measure', 'growthThreshold', 'headroomFactor', 'minMargin', 'revenueFloor'] as const;
  for (const key of keys) if (rules[key] !== undefined) Object.assign(r, { [key]: rules[key] });
  validateRules(r);
  return r;
}

/**
 * The rule parameters that are usable (a known rule and measure, cutoff in (0, 1], growth threshold and
 * minimum margin finite, headroom factor and revenue floor finite and >= 0); the others are left out so
 * the default applies instead of an error (attributes on a page).
 */
export function usableRules(rules: Partial<TierRules> | undefined): Partial<TierRules> {
  const out: Partial<TierRules> = {};
  if (!rules) return out;
  const { rule, cutoff, measure, growthThreshold, headroomFactor, minMargin, revenueFloor } = rules;
  if ((TIER_RULE_NAMES as readonly unknown[]).includes(rule)) out.rule = rule;
  if (isNum(cutoff) && cutoff > 0 && cutoff <= 1) out.cutoff = cutoff;
  if ((MEASURES as readonly unknown[]).includes(measure)) out.measure = measure;
  if (isNum(growthThreshold)) out.growthThreshold = growthThreshold;
  if (isNum(headroomFactor) && headroomFactor >= 0) out.headroomFactor = headroomFactor;
  if (isNum(minMargin)) out.minMargin = minMargin;
  if (isNum(revenueFloor) && revenueFloor >= 0) out.revenueFloor = revenueFloor;
  return out;
}

/** True when revenue grew at least the threshold over previousRevenue (> 0). */
const grew = (revenue: number, previousRevenue: number, threshold: number) => previousRevenue > 0 && atLeast(revenue / previousRevenue - 1, threshold);

/** The step of the texts rule for one account's figures (NaN = no value; revenue as `revenueOf`). */
function textsStep(profit: number, vital: boolean, revenue: number, potential: number, previousRevenue: number, smallestMvc: number, rules: TierRules): number {
  if (profit < 0) return Step.NegativeProfit;
  if (vital) return Step.VitalFew;
  if (smallestMvc > 0 && atLeast(potential, smallestMvc)) return Step.CouldBeMvc; // false without potential (NaN)
  if (grew(revenue, previousRevenue, rules.growthThreshold) && atLeast(revenue, rules.revenueFloor)) return Step.Growth;
  if (profit !== profit) return Step.ProfitUnknown;
  return atLeast(profit, rules.minMargin * revenue) ? Step.Margin : Step.BelowMargin;
}

/** The step of the headroom rule for one account's figures. */
function headroomStep(profit: number, vital: boolean, revenue: number, potential: number, previousRevenue: number, rules: TierRules): number {
  if (profit < 0) return Step.NegativeProfit;
  if (vital) return Step.VitalFew;
  const headroom = potential - revenue; // NaN without potential
  if (headroom > 0 && atLeast(headroom, rules.headroomFactor * revenue)) return Step.Headroom;
  if (grew(revenue, previousRevenue, rules.growthThreshold)) return Step.Growth;
  return Step.Default;
}

/** The revenue of the smallest of the vital few (`vital[i]` = 1); NaN when there are none. */
function smallestVitalRevenue(revenue: Float64Array, vital: Uint8Array): number {
  let smallest = NaN;
  for (let i = 0; i < vital.length; i++) if (vital[i] === 1 && !(revenue[i]! >= smallest)) smallest = revenue[i]!;
  return smallest;
}

/** The rule over every account (its step, tier and given flag); `vital[i]` is 1 for the vital few. */
function applyRule(columns: AccountColumns, vital: Uint8Array, smallestMvc: number, rules: TierRules, step: Uint8Array, tierIndex: Uint8Array, given: Uint8Array): void {
  const { revenue, profit, potential, previousRevenue, givenTier } = columns;
  const texts = rules.rule === 'texts';
  for (let i = 0; i < step.length; i++) {
    const s = texts
      ? textsStep(profit[i]!, vital[i] === 1, revenue[i]!, potential[i]!, previousRevenue[i]!, smallestMvc, rules)
      : headroomStep(profit[i]!, vital[i] === 1, revenue[i]!, potential[i]!, previousRevenue[i]!, rules);
    const feedTier = givenTier[i]!;
    step[i] = s;
    given[i] = feedTier === NO_TIER ? 0 : 1;
    tierIndex[i] = feedTier === NO_TIER ? TIER_OF_STEP[s]! : feedTier;
  }
}

/** Accounts, revenue, profit and effort per tier and over all accounts (sums in input order). */
export function summarizeTiers(tierIndex: Uint8Array, columns: AccountColumns): { tiers: TierSummary[]; totals: TierTotals } {
  const { revenue, profit, effort } = columns;
  const count = new Uint32Array(4);
  const revenueSum = new Float64Array(4);
  const profitSum = new Float64Array(4);
  const profitCount = new Uint32Array(4);
  const effortSum = new Float64Array(4);
  const effortCount = new Uint32Array(4);
  let totalRevenue = 0;
  let totalProfit = 0;
  let totalEffort = 0;
  for (let i = 0; i < tierIndex.length; i++) {
    const t = tierIndex[i]!;
    const v = revenue[i]!;
    count[t]!++;
    revenueSum[t]! += v;
    totalRevenue += v;
    const p = profit[i]!;
    if (p === p) {
      profitSum[t]! += p;
      profitCount[t]!++;
      totalProfit += p;
    }
    const e = effort[i]!;
    if (e === e) {
      effortSum[t]! += e;
      effortCount[t]!++;
      totalEffort += e;
    }
  }
  const profitAccounts = profitCount.reduce((a, b) => a + b, 0);
  const effortAccounts = effortCount.reduce((a, b) => a + b, 0);
  const tiers = TIER_ORDER.map((tier, t) => ({
    ...TIER_META[tier],
    accounts: count[t]!,
    revenue: revenueSum[t]!,
    revenueShare: shareOf(revenueSum[t]!, totalRevenue),
    profit: profitCount[t]! > 0 ? profitSum[t]! : null,
    profitAccounts: profitCount[t]!,
    effort: effortCount[t]! > 0 ? effortSum[t]! : null,
    effortAccounts: effortCount[t]!,
    effortShare: effortAccounts > 0 ? shareOf(effortSum[t]!, totalEffort) : null,
  }));
  const totals = {
    accounts: tierIndex.length,
    revenue: totalRevenue,
    profit: profitAccounts > 0 ? totalProfit : null,
    profitAccounts,
    effort: effortAccounts > 0 ? totalEffort : null,
    effortAccounts,
  };
  return { tiers, totals };
}

/** What ranks the vital few under `rules`: the measure under the texts rule, revenue under the headroom rule. */
export function vitalFewMeasure(rules: TierRules): Measure {
  return rules.rule === 'texts' ? rules.measure : 'revenue';
}

/**
 * Tiers of `accounts` under `rules` (defaults for what is left out). The vital few come from the accounts'
 * Pareto shares of the rule's measure (`options.shares`, else computed here).
 */
export function assignTiers(accounts: readonly Account[], rules: Partial<TierRules> = {}, options: TierOptions = {}): TierResult {
  const r = tierRules(rules);
  const n = accounts.length;
  const columns = columnsFor(accounts, options.columns);
  const values = measureValues(columns, vitalFewMeasure(r));
  const shares = atCutoff(options.shares ?? paretoShares(values, r.cutoff), r.cutoff);
  const vital = vitalFewMembers(accounts, values, shares);
  const smallestMvcRevenue = smallestVitalRevenue(columns.revenue, vital);
  const tierIndex = new Uint8Array(n);
  const given = new Uint8Array(n);
  const step = new Uint8Array(n);
  applyRule(columns, vital, smallestMvcRevenue, r, step, tierIndex, given);
  return { accounts, columns, rules: r, tierIndex, given, step, smallestMvcRevenue, ...summarizeTiers(tierIndex, columns) };
}

/**
 * The tiers of the accounts at `indexes` of `result` (a filtered view): each keeps the tier, reason and
 * the whole portfolio gives it; the summaries are of these accounts.
 */
export function tiersOfSubset(result: TierResult, indexes: Uint32Array, accounts: readonly Account[], columns: AccountColumns): TierResult {
  const gather = <T extends Uint8Array | Uint32Array | Float64Array>(from: T, out: T): T => {
    for (let k = 0; k < indexes.length; k++) out[k] = from[indexes[k]!]!;
    return out;
  };
  const m = indexes.length;
  const tierIndex = gather(result.tierIndex, new Uint8Array(m));
  return {
    accounts,
    columns,
    rules: result.rules,
    tierIndex,
    given: gather(result.given, new Uint8Array(m)),
    step: gather(result.step, new Uint8Array(m)),
    smallestMvcRevenue: result.smallestMvcRevenue,
    ...summarizeTiers(tierIndex, columns),
  };
}

/** What the reasons quote beyond the account's own figures. */
interface ReasonContext {
  rank: number;
  cumulativeShare: number;
  /** Per account, its profit in the previous period (NaN: none there); undefined when the feed has no previous period. */
  previousProfit?: Float64Array;
}

/** The reason of a rule step, with the account's figures (row i of `result.columns`). */
function stepReason(step: RuleStep, result: TierResult, i: number, context: ReasonContext): TierReason {
  const { columns, rules } = result;
  const revenue = columns.revenue[i]!;
  const potential = columns.potential[i]!;
  const previousRevenue = columns.previousRevenue[i]!;
  const profit = columns.profit[i]!;
  switch (step) {
    case 'negative-profit': {
      if (!context.previousProfit) return { code: step, values: { profit } };
      const previous = context.previousProfit[i]!;
      return { code: step, values: { profit, previousProfit: previous === previous ? previous : null } };
    }
    case 'vital-few':
      return { code: step, values: { rank: context.rank, cumulativeShare: context.cumulativeShare, cutoff: rules.cutoff, measure: vitalFewMeasure(rules) } };
    case 'headroom':
      return { code: step, values: { headroom: potential - revenue, revenue, potential, factor: rules.headroomFactor } };
    case 'could-be-mvc':
      return { code: step, values: { potential, revenue, smallestMvcRevenue: result.smallestMvcRevenue } };
    case 'growth': {
      const floor = rules.rule === 'texts' ? rules.revenueFloor : 0;
      return { code: step, values: { growth: revenue / previousRevenue - 1, revenue, previousRevenue, threshold: rules.growthThreshold, floor } };
    }
    case 'margin':
    case 'below-margin':
      return { code: step, values: { profit, revenue, minMargin: rules.minMargin } };
    case 'profit-unknown':
    case 'default':
      return { code: step, values: {} };
  }
}

/** The accounts of a tier result ranked as its rule ranks the vital few (by its measure). */
export function tierRanking(result: TierResult): ParetoResult {
  const values = measureValues(result.columns, vitalFewMeasure(result.rules));
  return paretoOf(result.accounts, rankByRevenue(result.accounts, values), values, result.rules.cutoff);
}

/**
 * The tier of the account at input index `i`, with its reason; `ranking` is the same accounts' ranking by
 * the rule's measure (a vital account's reason gives its rank and cumulative share), ranked here when not
 * given; `previousProfit` (per account, NaN for none) lets a BZ reason say whether profit was below zero
 * in the previous period too.
 */
export function tierAssignment(result: TierResult, i: number, ranking: ParetoResult = tierRanking(result), previousProfit?: Float64Array): TierAssignment {
  const account = result.accounts[i]!;
  const step = RULE_STEPS[result.step[i]!]!;
  const given = result.given[i] === 1;
  const rank = ranking.rankOf[i]!;
  const reason: TierReason = given
    ? { code: 'given', values: { ruleTier: TIER_ORDER[TIER_OF_STEP[result.step[i]!]!]! } }
    : stepReason(step, result, i, { rank, cumulativeShare: ranking.cumulative[rank - 1]!, ...(previousProfit ? { previousProfit } : {}) });
  return { account, index: i, tier: TIER_ORDER[result.tierIndex[i]!]!, given, reason };
}

/** Every account's tier with its reason, in input order. */
export function tierAssignments(result: TierResult, ranking: ParetoResult = tierRanking(result), previousProfit?: Float64Array): TierAssignment[] {
  return Array.from({ length: result.accounts.length }, (_, i) => tierAssignment(result, i, ranking, previousProfit));
}
