/**
 * Customer tiers: MVC (Most Valuable), MGC (Most Growable), STC (Second Tier), BZ (Below Zero).
 *
 * Rule, first match wins (a tier given in the feed wins over all of it):
 *   1. BZ  when profit < 0 (profit exactly 0 is not below zero; no profit -> this step is skipped).
 *   2. MVC when the account is in the Pareto vital few, computed over ALL accounts (given tiers included)
 *      with `rules.cutoff`.
 *   3. MGC when growth headroom (potential − revenue) is positive and at least `headroomFactor` × revenue,
 *      or, with previousRevenue > 0, revenue / previousRevenue − 1 >= `growthThreshold` (previousRevenue:
 *      the account's revenue in the period before, from `previousRevenue` or its history).
 *      Decision: headroom must be > 0, so an account with revenue 0 and potential 0 is not "growable".
 *      Headroom is checked before growth (the reason names the first branch that matched).
 *      Both comparisons tolerate float error (120 over 100 is exactly 20% growth).
 *   4. STC otherwise.
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
import { atCutoff, pareto, paretoShares, validateCutoff, vitalFewMembers, type ParetoResult, type ParetoShares } from './pareto.js';

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
    definition: 'Accounts with large untapped potential or strong recent growth.',
  },
  STC: {
    tier: 'STC',
    name: 'Second Tier Customers',
    definition: 'Profitable accounts that are neither top revenue nor high growth.',
  },
  BZ: {
    tier: 'BZ',
    name: 'Below Zero customers',
    definition: 'Accounts that cost more to serve than they earn (negative profit).',
  },
};

export interface TierRules {
  /** Pareto cutoff for MVC, in (0, 1]. */
  cutoff: number;
  /** Minimum growth over previousRevenue for MGC, as a fraction (0.2 = 20%). */
  growthThreshold: number;
  /** Minimum headroom (potential − revenue) for MGC, as a multiple of current revenue. */
  headroomFactor: number;
}

export const DEFAULT_TIER_RULES: Readonly<TierRules> = Object.freeze({
  cutoff: 0.8,
  growthThreshold: 0.2,
  headroomFactor: 1,
});

export type TierReason =
  | { code: 'given'; values: { ruleTier: Tier } }
  | { code: 'negative-profit'; values: { profit: number } }
  | { code: 'vital-few'; values: { rank: number; cumulativeShare: number; cutoff: number } }
  | { code: 'headroom'; values: { headroom: number; revenue: number; potential: number; factor: number } }
  | { code: 'growth'; values: { growth: number; revenue: number; previousRevenue: number; threshold: number } }
  | { code: 'default'; values: Record<string, never> };

export type TierReasonCode = TierReason['code'];

/** The steps of the rule in the order they are tried; `TierResult.step` indexes this list. */
export const RULE_STEPS = ['negative-profit', 'vital-few', 'headroom', 'growth', 'default'] as const;
export type RuleStep = (typeof RULE_STEPS)[number];
/** The tier (index into TIER_ORDER) each step gives. */
const TIER_OF_STEP = [3, 0, 1, 1, 2];

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
  /** Always four entries, in the order MVC, MGC, STC, BZ. */
  tiers: TierSummary[];
  totals: TierTotals;
}

export interface TierOptions {
  /** The accounts' columns when the caller has them (see columns.ts). */
  columns?: AccountColumns;
  /** The accounts' Pareto shares at any cutoff (the vital few are read from them at `rules.cutoff`). */
  shares?: ParetoShares;
}

function validateRules(rules: TierRules): void {
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
  for (const key of ['cutoff', 'growthThreshold', 'headroomFactor'] as const) if (rules[key] !== undefined) r[key] = rules[key];
  validateRules(r);
  return r;
}

/**
 * The rule parameters that are usable (cutoff in (0, 1], growth threshold finite, headroom factor finite
 * and >= 0); the others are left out so the default applies instead of an error (attributes on a page).
 */
export function usableRules(rules: Partial<TierRules> | undefined): Partial<TierRules> {
  const out: Partial<TierRules> = {};
  if (!rules) return out;
  const { cutoff, growthThreshold, headroomFactor } = rules;
  if (isNum(cutoff) && cutoff > 0 && cutoff <= 1) out.cutoff = cutoff;
  if (isNum(growthThreshold)) out.growthThreshold = growthThreshold;
  if (isNum(headroomFactor) && headroomFactor >= 0) out.headroomFactor = headroomFactor;
  return out;
}

/** The step of the rule for one account's figures (NaN = no value; revenue as `revenueOf`). */
function ruleStep(profit: number, vital: boolean, revenue: number, potential: number, previousRevenue: number, rules: TierRules): number {
  if (profit < 0) return 0; // negative-profit
  if (vital) return 1; // vital-few
  const headroom = potential - revenue; // NaN without potential
  if (headroom > 0 && atLeast(headroom, rules.headroomFactor * revenue)) return 2; // headroom
  if (previousRevenue > 0 && atLeast(revenue / previousRevenue - 1, rules.growthThreshold)) return 3; // growth
  return 4; // default
}

/** The rule over every account (its step, tier and given flag); `vital[i]` is 1 for the vital few. */
function applyRule(columns: AccountColumns, vital: Uint8Array, rules: TierRules, step: Uint8Array, tierIndex: Uint8Array, given: Uint8Array): void {
  const { revenue, profit, potential, previousRevenue, givenTier } = columns;
  for (let i = 0; i < step.length; i++) {
    const s = ruleStep(profit[i]!, vital[i] === 1, revenue[i]!, potential[i]!, previousRevenue[i]!, rules);
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

/**
 * Tiers of `accounts` under `rules` (defaults for what is left out). The vital few come from the accounts'
 * Pareto ranking (`options.ranking`, else ranked here).
 */
export function assignTiers(accounts: readonly Account[], rules: Partial<TierRules> = {}, options: TierOptions = {}): TierResult {
  const r = tierRules(rules);
  const n = accounts.length;
  const columns = columnsFor(accounts, options.columns);
  const shares = atCutoff(options.shares ?? paretoShares(columns.revenue, r.cutoff), r.cutoff);
  const vital = vitalFewMembers(accounts, columns.revenue, shares);
  const tierIndex = new Uint8Array(n);
  const given = new Uint8Array(n);
  const step = new Uint8Array(n);
  applyRule(columns, vital, r, step, tierIndex, given);
  return { accounts, columns, rules: r, tierIndex, given, step, ...summarizeTiers(tierIndex, columns) };
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
    ...summarizeTiers(tierIndex, columns),
  };
}

/** The reason of a rule step, with the account's figures (row i of `columns`). */
function stepReason(step: RuleStep, columns: AccountColumns, i: number, rank: number, cumulativeShare: number, rules: TierRules): TierReason {
  const revenue = columns.revenue[i]!;
  const potential = columns.potential[i]!;
  const previousRevenue = columns.previousRevenue[i]!;
  switch (step) {
    case 'negative-profit':
      return { code: step, values: { profit: columns.profit[i]! } };
    case 'vital-few':
      return { code: step, values: { rank, cumulativeShare, cutoff: rules.cutoff } };
    case 'headroom':
      return { code: step, values: { headroom: potential - revenue, revenue, potential, factor: rules.headroomFactor } };
    case 'growth':
      return { code: step, values: { growth: revenue / previousRevenue - 1, revenue, previousRevenue, threshold: rules.growthThreshold } };
    case 'default':
      return { code: step, values: {} };
  }
}

/**
 * The tier of the account at input index `i`, with its reason; `ranking` is the same accounts' ranking
 * (a vital account's reason gives its rank and cumulative share), ranked here when not given.
 */
export function tierAssignment(result: TierResult, i: number, ranking: ParetoResult = pareto(result.accounts, { cutoff: result.rules.cutoff })): TierAssignment {
  const account = result.accounts[i]!;
  const step = RULE_STEPS[result.step[i]!]!;
  const given = result.given[i] === 1;
  const reason: TierReason = given
    ? { code: 'given', values: { ruleTier: TIER_ORDER[TIER_OF_STEP[result.step[i]!]!]! } }
    : stepReason(step, result.columns, i, ranking.rankOf[i]!, ranking.cumulative[ranking.rankOf[i]! - 1]!, result.rules);
  return { account, index: i, tier: TIER_ORDER[result.tierIndex[i]!]!, given, reason };
}

/** Every account's tier with its reason, in input order. */
export function tierAssignments(result: TierResult, ranking: ParetoResult = pareto(result.accounts, { cutoff: result.rules.cutoff })): TierAssignment[] {
  return Array.from({ length: result.accounts.length }, (_, i) => tierAssignment(result, i, ranking));
}
