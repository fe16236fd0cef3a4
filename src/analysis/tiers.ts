/**
 * Customer tiers: MVC (Most Valuable), MGC (Most Growable), STC (Second Tier), BZ (Below Zero).
 *
 * Rule, first match wins (a tier given in the feed wins over all of it):
 *   1. BZ  when profit < 0 (profit exactly 0 is not below zero; no profit -> this step is skipped).
 *   2. MVC when the account is in the Pareto vital few, computed over ALL accounts (given tiers included)
 *      with `rules.cutoff`.
 *   3. MGC when growth headroom (potential − revenue) is positive and at least `headroomFactor` × revenue,
 *      or, with previousRevenue > 0, revenue / previousRevenue − 1 >= `growthThreshold`.
 *      Decision: headroom must be > 0, so an account with revenue 0 and potential 0 is not "growable".
 *      Headroom is checked before growth (the reason names the first branch that matched).
 *      Both comparisons tolerate float error (120 over 100 is exactly 20% growth).
 *   4. STC otherwise.
 *
 * Reasons are structured data (`code` + raw numbers); the widget layer formats them for its locale, e.g.
 * with `tierReasonText(reason, formatMoney, formatPercent)`. The 'default' reason is one shared frozen
 * object (it carries no values).
 *
 * Speed: the rule runs over the accounts' columns (columns.ts) into typed arrays (`tierIndex`, `given`);
 * the vital few comes from a linear-time selection (vital-few.ts), and the full Pareto ranking, which
 * only the vital few's reasons need (rank, cumulative share), is computed when the first such reason is
 * asked for. Assignment objects with their reasons are built only when asked for (`assignment(i)` for
 * one, `assignments` for all), because at 100,000 accounts allocating them took longer than the rule.
 */
import type { Account, Tier } from '../feed/schema.js';
import { NO_TIER, columnsFor, type AccountColumns } from './columns.js';
import { atLeast, isNum, revenueOf, shareOf } from './numbers.js';
import { pareto, validateCutoff } from './pareto.js';
import { findVitalFew, paretoPosition } from './vital-few.js';

/** Reasons of the vital few whose rank is found by a pass of its own before all accounts are ranked. */
const SCANNED_RANKS = 8;

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

export interface TierAssignment {
  account: Account;
  /** Position in the input array (assignments are in input order). */
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
  /** One assignment per account, in input order (built on first access; `tierIndex` is the fast path). */
  readonly assignments: TierAssignment[];
  /** The assignment of the account at input index i, without building all of them. */
  assignment(index: number): TierAssignment;
  /** Per account (input order): its tier as an index into TIER_ORDER. */
  tierIndex: Uint8Array;
  /** Per account (input order): 1 when the tier was given in the feed. */
  given: Uint8Array;
  /** Always four entries, in the order MVC, MGC, STC, BZ. */
  tiers: TierSummary[];
  totals: TierTotals;
  rules: TierRules;
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

const TIER_OF_CODE: Readonly<Record<Exclude<TierReasonCode, 'given'>, Tier>> = {
  'negative-profit': 'BZ',
  'vital-few': 'MVC',
  headroom: 'MGC',
  growth: 'MGC',
  default: 'STC',
};

/** Shared (frozen) reason for the last branch: most accounts get it, no need to allocate one each. */
const DEFAULT_REASON: TierReason = Object.freeze({ code: 'default' as const, values: Object.freeze({}) });

/** The steps of the rule, as the hot loop records them (an index into this list per account). */
type RuleCode = Exclude<TierReasonCode, 'given'>;
const RULE_CODES: readonly RuleCode[] = ['negative-profit', 'vital-few', 'headroom', 'growth', 'default'];
const NEGATIVE_PROFIT = 0;
const VITAL_FEW = 1;
const HEADROOM = 2;
const GROWTH = 3;
const DEFAULT = 4;
/** The tier (index into TIER_ORDER) each step gives. */
const TIER_OF_STEP = [3, 0, 1, 1, 2];

/**
 * Which step of the rule gives an account its tier, from its figures (NaN = no value; revenue as
 * `revenueOf`). No allocation: this runs once per account.
 */
function ruleStep(profit: number, vital: boolean, revenue: number, potential: number, previousRevenue: number, headroomFactor: number, growthThreshold: number): number {
  if (profit < 0) return NEGATIVE_PROFIT;
  if (vital) return VITAL_FEW;
  if (potential === potential) {
    const headroom = potential - revenue;
    if (headroom > 0 && atLeast(headroom, headroomFactor * revenue)) return HEADROOM;
  }
  if (previousRevenue > 0 && atLeast(revenue / previousRevenue - 1, growthThreshold)) return GROWTH;
  return DEFAULT;
}

/** The reason of a rule step with its figures, built when a tooltip or table asks for it. `rank` is 1-based. */
function ruleReason(code: RuleCode, account: Account, rank: () => { rank: number; cumulativeShare: number }, rules: TierRules): TierReason {
  const revenue = revenueOf(account.revenue);
  switch (code) {
    case 'negative-profit':
      return { code, values: { profit: account.profit! } };
    case 'vital-few':
      return { code, values: { ...rank(), cutoff: rules.cutoff } };
    case 'headroom':
      return { code, values: { headroom: account.potential! - revenue, revenue, potential: account.potential!, factor: rules.headroomFactor } };
    case 'growth':
      return { code, values: { growth: revenue / account.previousRevenue! - 1, revenue, previousRevenue: account.previousRevenue!, threshold: rules.growthThreshold } };
    case 'default':
      return DEFAULT_REASON;
  }
}

/** Sums per tier (index into TIER_ORDER) and over the feed (`totals`: revenue, profit, effort). */
interface TierSums {
  count: Uint32Array;
  revenueSum: Float64Array;
  profitSum: Float64Array;
  profitCount: Uint32Array;
  effortSum: Float64Array;
  effortCount: Uint32Array;
  totals: Float64Array;
}

function emptySums(): TierSums {
  const four = () => new Float64Array(4);
  const counts = () => new Uint32Array(4);
  return { count: counts(), revenueSum: four(), profitSum: four(), profitCount: counts(), effortSum: four(), effortCount: counts(), totals: new Float64Array(3) };
}

/**
 * The rule over every account: its step, tier and given flag into the typed arrays, its figures into the
 * sums (in input order). A function of its own with nothing but the loop, so that the engine's compiled
 * code for it lasts (compiled inside a longer function, it is thrown away on leaving the loop).
 */
function applyRule(figures: AccountColumns, vital: Uint8Array, rules: TierRules, steps: Uint8Array, tierIndex: Uint8Array, given: Uint8Array, sums: TierSums): void {
  const { revenue, profit, potential, previousRevenue, effort, givenTier } = figures;
  const { count, revenueSum, profitSum, profitCount, effortSum, effortCount, totals } = sums;
  const { headroomFactor, growthThreshold } = rules;
  let totalRevenue = 0;
  let totalProfit = 0;
  let totalEffort = 0;
  for (let i = 0; i < steps.length; i++) {
    const v = revenue[i]!;
    const p = profit[i]!;
    const step = ruleStep(p, vital[i] === 1, v, potential[i]!, previousRevenue[i]!, headroomFactor, growthThreshold);
    steps[i] = step;
    const feedTier = givenTier[i]!;
    const isGiven = feedTier !== NO_TIER;
    const t = isGiven ? feedTier : TIER_OF_STEP[step]!;
    tierIndex[i] = t;
    given[i] = isGiven ? 1 : 0;
    count[t]!++;
    revenueSum[t]! += v;
    totalRevenue += v;
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
  totals[0] = totalRevenue;
  totals[1] = totalProfit;
  totals[2] = totalEffort;
}

/**
 * Tiers of `accounts` under `rules`. `columns`: the accounts' columns when the caller shares them (see
 * columns.ts); read from the accounts otherwise.
 */
export function assignTiers(accounts: readonly Account[], rules: Partial<TierRules> = {}, columns?: AccountColumns): TierResult {
  const r: TierRules = { ...DEFAULT_TIER_RULES, ...stripUndefined(rules) };
  validateRules(r);
  const n = accounts.length;
  const figures = columnsFor(accounts, columns).read(['revenue', 'profit', 'potential', 'previousRevenue', 'effort', 'givenTier']);
  // Membership is all the rule needs; ranks (for the vital few's reasons) come from pareto() on first ask.
  const { vital } = findVitalFew(accounts, { cutoff: r.cutoff, columns: figures });
  let ranks: { rankOf: Uint32Array; cumulative: Float64Array } | undefined;
  // A few reasons (tooltips) find their account's rank by one pass each; all of them (a table) by one ranking.
  let scans = 0;
  const rankOf = (i: number) => {
    if (!ranks && scans < SCANNED_RANKS) {
      scans++;
      const position = paretoPosition(accounts, i, figures);
      if (position) return position;
    }
    if (!ranks) {
      const p = pareto(accounts, { cutoff: r.cutoff, columns: figures });
      const byIndex = new Uint32Array(n);
      for (let k = 0; k < n; k++) byIndex[p.order[k]!] = k;
      ranks = { rankOf: byIndex, cumulative: p.cumulative };
    }
    const k = ranks.rankOf[i]!;
    return { rank: k + 1, cumulativeShare: ranks.cumulative[k]! };
  };

  // The rule keeps to typed arrays; assignment objects (with their reasons) are built on demand.
  const tierIndex = new Uint8Array(n);
  const given = new Uint8Array(n);
  const steps = new Uint8Array(n); // index into RULE_CODES
  const sums = emptySums();
  applyRule(figures, vital, r, steps, tierIndex, given, sums);
  const { count, revenueSum, profitSum, profitCount, effortSum, effortCount } = sums;
  const { totals } = sums;
  const totalRevenue = totals[0]!;
  const totalProfit = totals[1]!;
  const totalEffort = totals[2]!;
  let profitAccounts = 0;
  let effortAccounts = 0;
  for (let t = 0; t < 4; t++) {
    profitAccounts += profitCount[t]!;
    effortAccounts += effortCount[t]!;
  }

  const tiers: TierSummary[] = TIER_ORDER.map((tier, t) => ({
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

  const assignment = (i: number): TierAssignment => {
    const account = accounts[i]!;
    const code = RULE_CODES[steps[i]!]!;
    const tier = TIER_ORDER[tierIndex[i]!]!;
    const reason: TierReason = given[i] ? { code: 'given', values: { ruleTier: TIER_OF_CODE[code] } } : ruleReason(code, account, () => rankOf(i), r);
    return { account, index: i, tier, given: given[i] === 1, reason };
  };
  let all: TierAssignment[] | undefined;
  // Single assignments asked for (tooltips, table cells, sorting a table by tier) are kept, so each is built once.
  let some: Map<number, TierAssignment> | undefined;
  const one = (i: number): TierAssignment => {
    some ??= new Map();
    let a = some.get(i);
    if (!a) some.set(i, (a = assignment(i)));
    return a;
  };
  return {
    get assignments() {
      if (!all) {
        scans = SCANNED_RANKS; // every reason: rank them all at once
        all = new Array<TierAssignment>(n);
        for (let i = 0; i < n; i++) all[i] = some?.get(i) ?? assignment(i);
      }
      return all;
    },
    assignment: (i) => all?.[i] ?? one(i),
    tierIndex,
    given,
    tiers,
    totals: {
      accounts: n,
      revenue: totalRevenue,
      profit: profitAccounts > 0 ? totalProfit : null,
      profitAccounts,
      effort: effortAccounts > 0 ? totalEffort : null,
      effortAccounts,
    },
    rules: r,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Plain number text without locale: at most 6 decimals, no trailing zeros (0.2 * 100 -> "20"). */
function plain(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** The rule in words, one sentence per step, in the order it is applied. */
export function describeTierRule(rules: Partial<TierRules> = {}): string[] {
  const r: TierRules = { ...DEFAULT_TIER_RULES, ...stripUndefined(rules) };
  validateRules(r);
  return [
    'BZ: profit below 0.',
    `MVC: the top accounts that make up ${plain(r.cutoff * 100)}% of revenue.`,
    `MGC: growth headroom (potential − revenue) at least ${plain(r.headroomFactor)}× current revenue, or revenue grew at least ${plain(r.growthThreshold * 100)}% over the previous period.`,
    'STC: every other account.',
    'Tiers given in the feed win over this rule.',
  ];
}

const defaultMoney = (value: number): string => plain(Math.round(value));
const defaultPercent = (fraction: number): string => `${plain(Math.round(fraction * 1000) / 10)}%`;

/**
 * One English sentence explaining a tier, for tooltips. Numbers go through the injected formatters
 * (money in feed currency; percent receives a fraction, 0.2 = 20%), so the caller controls the locale.
 */
export function tierReasonText(
  reason: TierReason,
  formatMoney: (value: number) => string = defaultMoney,
  formatPercent: (fraction: number) => string = defaultPercent,
): string {
  switch (reason.code) {
    case 'given':
      return `Tier given in the feed (the rule would give ${reason.values.ruleTier}).`;
    case 'negative-profit':
      return `Profit is below zero (${formatMoney(reason.values.profit)}).`;
    case 'vital-few':
      return `Rank ${reason.values.rank}: among the top accounts that make up ${formatPercent(reason.values.cutoff)} of revenue (cumulative ${formatPercent(reason.values.cumulativeShare)}).`;
    case 'headroom':
      return `Growth headroom of ${formatMoney(reason.values.headroom)} is at least ${plain(reason.values.factor)}× current revenue (${formatMoney(reason.values.revenue)}).`;
    case 'growth':
      return `Revenue grew ${formatPercent(reason.values.growth)} over the previous period (at least ${formatPercent(reason.values.threshold)}).`;
    case 'default':
      return 'Not below zero, not among the top accounts, and without enough headroom or growth to be growable.';
  }
}
