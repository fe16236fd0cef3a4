/**
 * Red flags: which accounts need action now. Each flag has a type (what is wrong), a severity, a code (which
 * condition of the type it met) and the figures its sentence quotes (flag-text.ts words it).
 *
 * The rules (thresholds: `FlagRules`, defaults in DEFAULT_FLAG_RULES; "the previous period" is the last
 * past period of the feed, "a key account" one that is MVC or MGC now or was last period, or is given that
 * tier by the feed):
 *   - lost-key-account (severe): a key account of last period, with revenue then, has no revenue now.
 *   - key-account-loss (severe): an MVC or MGC of last period, or an account the feed gives that tier,
 *     with profit below zero now.
 *   - tier-loss: an MVC of last period that is lower now; severe when it fell to STC or BZ, a warning
 *     when it is MGC (it still could be one again).
 *   - revenue-elsewhere (warning), a key account, first of: revenue down by at least `revenueDrop` against
 *     the previous period ('revenue-drop'); down in each of the last two periods and by at least
 *     `revenueDrop` over both ('falling'); share of wallet (revenue / potential) down by at least
 *     `walletDrop` ('wallet-share').
 *   - roi-falling (warning), a key account: ROI (roi.ts: profit / cost to serve) down by at least `roiDrop`
 *     of the previous period's positive ROI ('roi-drop'). A key account whose profit turned negative is
 *     at a loss: that is the key-account-loss flag.
 *   - unhappy (warning), a key account, first of: NPS of a detractor, 0 to 6 ('detractor'); NPS down by at
 *     least `npsDrop` ('nps-drop'); CSAT down by at least `csatDrop` ('csat-drop').
 *   - goal-missed (warning): one flag per goal of the account's own `goals` (revenue, profit, nps, csat)
 *     whose figure is below it; and, for the portfolio (`kpiGoalFlags`, kpi-goal-flags.ts), a KPI off its target in the
 *     current and the previous period.
 *
 * Decisions:
 * - Every flag is about a key account, except a missed goal of the account's own `goals` (a goal set is
 *   an account someone watches): the texts ask which key accounts need action now, and a list of every
 *   small account whose revenue dipped would hide them (on the sample feed it would double the list).
 * - One flag per type and account (the first condition met), except goals: one per goal missed.
 * - A flag never repeats another: a lost key account carries that flag alone, and an account with the
 *   key-account-loss flag has no roi-falling flag, nor a tier-loss flag for an MVC now BZ (its loss is
 *   the news).
 * - A figure unknown now or then (no history, no profit, no cost, no potential, no survey answer) raises
 *   no flag: a flag states a fact.
 * - The loop reads the columns (typed arrays) of the portfolio and of its previous period; only the
 *   accounts flagged become objects. Goals are read from the account objects (they are not columns).
 * - A narrowed portfolio (a filter) keeps the whole feed's flags of its accounts (`flagsOfSubset`).
 *
 * One file over 300 lines: the rules, the order of the list and the subset of a filter are one result
 * (FlagResult), read best together; the words are apart (flag-text.ts), as the KPI goals (kpi-goal-flags.ts).
 */
import type { Account } from '../feed/schema.js';
import { NO_TIER, type AccountColumns } from './columns.js';
import { atLeast, compareCodeUnits } from './numbers.js';
import { revenueOrder } from './revenue-order.js';
import type { Portfolio } from './portfolio.js';
import { TIER_ORDER } from './tiers.js';

export const FLAG_TYPES = ['revenue-elsewhere', 'roi-falling', 'key-account-loss', 'unhappy', 'tier-loss', 'lost-key-account', 'goal-missed'] as const;
export type FlagType = (typeof FLAG_TYPES)[number];

/** Most severe first. */
export const SEVERITIES = ['severe', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The thresholds of the flags. */
export interface FlagRules {
  /** Revenue down by at least this fraction against the previous period (0.1 = 10%). */
  revenueDrop: number;
  /** Share of wallet (revenue / potential) down by at least this many points (0.05 = 5 points). */
  walletDrop: number;
  /** ROI down by at least this fraction of the previous period's ROI (0.2 = a fifth). */
  roiDrop: number;
  /** NPS down by at least this many points (0 to 10 scale). */
  npsDrop: number;
  /** CSAT down by at least this much (1 to 5 scale). */
  csatDrop: number;
}

export const DEFAULT_FLAG_RULES: Readonly<FlagRules> = Object.freeze({
  revenueDrop: 0.1,
  walletDrop: 0.05,
  roiDrop: 0.2,
  npsDrop: 2,
  csatDrop: 0.5,
});

/** One red flag; `index` is the account's input index in the portfolio, -1 for a portfolio-level flag (a KPI goal missed). */
export interface RedFlag {
  type: FlagType;
  severity: Severity;
  index: number;
  /** Which condition of the type (for its sentence). */
  code: string;
  /** The figures the sentence quotes. */
  values: Record<string, number | string>;
}

export interface FlaggedAccount {
  index: number;
  account: Account;
  /** Its most severe flag's. */
  severity: Severity;
  /** Most severe first, then in the order of FLAG_TYPES. */
  flags: RedFlag[];
}

export interface FlagResult {
  /** Flagged accounts, most severe first, then most valuable (revenue), then name. */
  accounts: FlaggedAccount[];
  /** Per account (input order): 0 none, 1 warning, 2 severe. */
  level: Uint8Array;
  /** Per account (input order): its position in `accounts`, -1 when it has no flag. */
  position: Int32Array;
  /** How many accounts carry each type. */
  counts: Record<FlagType, number>;
  /** How many accounts carry a severe flag. */
  severe: number;
}

export const FLAG_META: Readonly<Record<FlagType, { label: string; definition: string }>> = {
  'revenue-elsewhere': {
    label: 'Revenue going elsewhere',
    definition: 'A key account whose revenue fell noticeably against last period (10% by default) or two periods in a row, or whose share of the customer’s spend fell: business that would have come to you goes to someone else.',
  },
  'roi-falling': {
    label: 'ROI falling',
    definition: 'What a key account returns on its cost to serve (profit ÷ cost to serve) fell noticeably against last period (by a fifth by default).',
  },
  'key-account-loss': {
    label: 'Key account at a loss',
    definition: 'A key account (MVC or MGC last period, or named so in the feed) now costs more to serve than it earns.',
  },
  unhappy: {
    label: 'Unhappy key account',
    definition: 'A key account whose NPS answer is a detractor’s (0 to 6), or whose NPS or satisfaction fell noticeably since last period.',
  },
  'tier-loss': {
    label: 'Tier lost',
    definition: 'An MVC of last period that is no longer among the most valuable customers.',
  },
  'lost-key-account': {
    label: 'Lost key account',
    definition: 'A key account of last period that brought no revenue this period.',
  },
  'goal-missed': {
    label: 'Goal missed',
    definition: 'An account below a goal set for it in the feed, or a KPI off its target two periods in a row.',
  },
};

const SEVERE = 2;
const WARNING = 1;
const severityOf = (level: number): Severity => (level === SEVERE ? 'severe' : 'warning');
const levelOf = (severity: Severity) => (severity === 'severe' ? SEVERE : WARNING);
const tierName = (index: number) => TIER_ORDER[index] ?? '';
/** A tier index of MVC or MGC. */
const isKeyTier = (index: number) => index <= 1;
/** A figure that is known (not NaN). */
const known = (x: number) => x === x;

/** The goals an account may carry (the feed's optional `goals`). */
const GOALS = ['revenue', 'profit', 'nps', 'csat'] as const;
type Goals = Partial<Record<(typeof GOALS)[number], unknown>>;

/** The previous period's figures, each at the current portfolio's input index (NaN / NO_TIER without them). */
interface Before {
  label: string;
  /** The period before it (for 'falling'). */
  earlierLabel: string;
  revenue: Float64Array;
  earlierRevenue: Float64Array;
  potential: Float64Array;
  nps: Float64Array;
  csat: Float64Array;
  roi: Float64Array;
  tier: Uint8Array;
}

/** The previous period's columns at the current portfolio's indices; undefined without a previous period. */
function previousFigures(portfolio: Portfolio): Before | undefined {
  const periods = portfolio.periods();
  const previous = periods.previous();
  if (!previous) return undefined;
  const n = portfolio.accounts.length;
  const then = previous.portfolio;
  const members = previous.members;
  const columns: AccountColumns = then.columns;
  const at = (from: Float64Array) => {
    const out = new Float64Array(n).fill(NaN);
    for (let r = 0; r < members.length; r++) out[members[r]!] = from[r]!;
    return out;
  };
  const tier = new Uint8Array(n).fill(NO_TIER);
  const tierThen = then.tiers().tierIndex;
  for (let r = 0; r < members.length; r++) tier[members[r]!] = tierThen[r]!;
  return {
    label: previous.label,
    earlierLabel: periods.count > 2 ? periods.labels[periods.count - 3]! : '',
    revenue: at(columns.revenue),
    earlierRevenue: at(columns.previousRevenue),
    potential: at(columns.potential),
    nps: at(columns.nps),
    csat: at(columns.csat),
    roi: at(then.roi().roi),
    tier,
  };
}

/** The red flags of every account of a portfolio (module comment). */
export function accountFlags(portfolio: Portfolio): FlagResult {
  const rules = portfolio.rules.flags;
  const { accounts, columns } = portfolio;
  const n = accounts.length;
  const { revenue, profit, potential, nps, csat, givenTier } = columns;
  const tier = portfolio.tiers().tierIndex;
  const before = previousFigures(portfolio);
  const roi = before ? portfolio.roi().roi : undefined;
  const period = before?.label ?? '';
  const flagsOf = new AccountFlags(n);
  const add = (flag: RedFlag) => flagsOf.add(flag);

  for (let i = 0; i < n; i++) {
    const rev = revenue[i]!;
    const prof = profit[i]!;
    const tierThen = before ? before.tier[i]! : NO_TIER;
    const given = givenTier[i]!;
    const key = isKeyTier(tier[i]!) || isKeyTier(tierThen) || isKeyTier(given);
    if (before) {
      const revThen = before.revenue[i]!;
      if (isKeyTier(tierThen) && rev === 0 && revThen > 0) {
        add({ type: 'lost-key-account', severity: 'severe', index: i, code: 'no-revenue', values: { previousRevenue: revThen, previousTier: tierName(tierThen), period } });
        continue;
      }
    }
    const atLoss = prof < 0 && (isKeyTier(tierThen) || isKeyTier(given));
    if (atLoss) {
      const code = isKeyTier(tierThen) ? 'was-key' : 'given-key';
      add({ type: 'key-account-loss', severity: 'severe', index: i, code, values: { profit: prof, revenue: rev, tier: tierName(isKeyTier(tierThen) ? tierThen : given), period } });
    }
    // An MVC fallen to BZ at a loss: the loss says it.
    if (tierThen === 0 && tier[i]! > 0 && !(atLoss && tier[i] === 3)) {
      add({ type: 'tier-loss', severity: tier[i] === 1 ? 'warning' : 'severe', index: i, code: 'from-mvc', values: { previousTier: 'MVC', tier: tierName(tier[i]!), period } });
    }
    if (!key) continue;
    if (before) {
      const elsewhere = revenueElsewhere(i, rev, potential[i]!, before, rules);
      if (elsewhere) add(elsewhere);
      if (!atLoss) {
        const falling = roiFalling(i, roi![i]!, before, rules);
        if (falling) add(falling);
      }
    }
    const unhappy = unhappyKeyAccount(i, nps[i]!, csat[i]!, before, rules);
    if (unhappy) add(unhappy);
  }
  // A lost key account carries that flag alone.
  goalsMissed(accounts, columns, (flag) => flagsOf.of(flag.index)?.[0]?.type !== 'lost-key-account' && add(flag));
  return flagResult(accounts, revenue, flagsOf);
}

/**
 * Each account's flags while they are found: a list per flagged account, found by its slot (a JS array of
 * 100,000 mostly empty entries would be a slow dictionary).
 */
class AccountFlags {
  private readonly slot: Int32Array;
  private readonly lists: RedFlag[][] = [];

  constructor(count: number) {
    this.slot = new Int32Array(count).fill(-1);
  }

  add(flag: RedFlag): void {
    let s = this.slot[flag.index]!;
    if (s < 0) {
      s = this.slot[flag.index] = this.lists.length;
      this.lists.push([]);
    }
    this.lists[s]!.push(flag);
  }

  /** The flags of account i; undefined when it has none. */
  of(i: number): RedFlag[] | undefined {
    const s = this.slot[i]!;
    return s < 0 ? undefined : this.lists[s];
  }
}

const warning = (type: FlagType, index: number, code: string, values: RedFlag['values']): RedFlag => ({ type, severity: 'warning', index, code, values });

/** Revenue going elsewhere: the first of its three conditions the account meets, with its figures. */
function revenueElsewhere(i: number, rev: number, pot: number, before: Before, rules: FlagRules): RedFlag | undefined {
  const revThen = before.revenue[i]!;
  if (!(revThen > 0)) return undefined;
  const period = before.label;
  const drop = 1 - rev / revThen;
  if (atLeast(drop, rules.revenueDrop)) return warning('revenue-elsewhere', i, 'revenue-drop', { revenue: rev, previousRevenue: revThen, drop, period });
  const earlier = before.earlierRevenue[i]!;
  if (rev < revThen && revThen < earlier && atLeast(1 - rev / earlier, rules.revenueDrop)) {
    return warning('revenue-elsewhere', i, 'falling', { revenue: rev, previousRevenue: revThen, earlierRevenue: earlier, drop: 1 - rev / earlier, period, earlierPeriod: before.earlierLabel });
  }
  const potThen = before.potential[i]!;
  if (pot > 0 && potThen > 0) {
    const share = rev / pot;
    const shareThen = revThen / potThen;
    if (atLeast(shareThen - share, rules.walletDrop)) {
      return warning('revenue-elsewhere', i, 'wallet-share', { share, previousShare: shareThen, revenue: rev, potential: pot, previousRevenue: revThen, previousPotential: potThen, period });
    }
  }
  return undefined;
}

/** ROI falling: ROI down by the threshold from a positive ROI. */
function roiFalling(i: number, roiNow: number, before: Before, rules: FlagRules): RedFlag | undefined {
  const period = before.label;
  const roiThen = before.roi[i]!;
  if (known(roiNow) && roiThen > 0) {
    const drop = (roiThen - roiNow) / roiThen;
    if (atLeast(drop, rules.roiDrop)) return warning('roi-falling', i, 'roi-drop', { roi: roiNow, previousRoi: roiThen, drop, period });
  }
  return undefined;
}

/** An unhappy key account: a detractor's NPS now, or NPS or CSAT down by the threshold. */
function unhappyKeyAccount(i: number, score: number, rating: number, before: Before | undefined, rules: FlagRules): RedFlag | undefined {
  if (score <= 6) return warning('unhappy', i, 'detractor', { nps: score });
  if (!before) return undefined;
  const scoreThen = before.nps[i]!;
  if (known(score) && atLeast(scoreThen - score, rules.npsDrop)) return warning('unhappy', i, 'nps-drop', { nps: score, previousNps: scoreThen, period: before.label });
  const ratingThen = before.csat[i]!;
  if (known(rating) && atLeast(ratingThen - rating, rules.csatDrop)) return warning('unhappy', i, 'csat-drop', { csat: rating, previousCsat: ratingThen, period: before.label });
  return undefined;
}

/** One flag per goal of an account's own `goals` that its figure now is below. */
function goalsMissed(accounts: readonly Account[], columns: AccountColumns, add: (flag: RedFlag) => void): void {
  for (let i = 0; i < accounts.length; i++) {
    const goals = (accounts[i] as { goals?: Goals }).goals;
    if (goals === undefined) continue;
    for (const field of GOALS) {
      const goal = goals[field];
      if (typeof goal !== 'number' || !Number.isFinite(goal)) continue;
      const value = columns[field][i]!;
      if (known(value) && value < goal) add(warning('goal-missed', i, field, { goal, value }));
    }
  }
}

/** The result from each account's flags: sorted, counted, with each account's level and position. */
function flagResult(accounts: readonly Account[], revenue: Float64Array, flagsOf: AccountFlags): FlagResult {
  const n = accounts.length;
  const level = new Uint8Array(n);
  const counts = Object.fromEntries(FLAG_TYPES.map((type) => [type, 0])) as Record<FlagType, number>;
  let flaggedCount = 0;
  let severe = 0;
  for (let i = 0; i < n; i++) {
    const flags = flagsOf.of(i);
    if (!flags) continue;
    if (flags.length > 1) flags.sort(byFlagOrder);
    level[i] = levelOf(flags[0]!.severity);
    if (level[i] === SEVERE) severe++;
    countTypes(flags, counts);
    flaggedCount++;
  }
  const order = flagOrder(accounts, revenue, level, flaggedCount, severe);
  const position = new Int32Array(n).fill(-1);
  const flagged = new Array<FlaggedAccount>(order.length);
  for (let p = 0; p < order.length; p++) {
    const i = order[p]!;
    position[i] = p;
    flagged[p] = { index: i, account: accounts[i]!, severity: severityOf(level[i]!), flags: flagsOf.of(i)! };
  }
  return { accounts: flagged, level, position, counts, severe };
}

/**
 * The flagged accounts (level > 0) in the order of the list: severe first, then by revenue (largest
 * first), then by name, then input order. Revenue orders by a radix sort (revenue-order.ts), so 30,000
 * flagged accounts of 100,000 take no comparison sort; only accounts of equal revenue are compared.
 */
function flagOrder(accounts: readonly Account[], revenue: Float64Array, level: Uint8Array, count: number, severe: number): Uint32Array {
  const indexes = new Uint32Array(count);
  const amounts = new Float64Array(count);
  for (let i = 0, k = 0; i < level.length; i++) {
    if (level[i] === 0) continue;
    indexes[k] = i;
    amounts[k++] = revenue[i]!;
  }
  const byRevenue = revenueOrder(amounts);
  const order = new Uint32Array(count);
  // Severe accounts first, warnings after them, each in order of revenue.
  let s = 0;
  let w = severe;
  for (let r = 0; r < count; r++) {
    const i = indexes[byRevenue[r]!]!;
    order[level[i] === SEVERE ? s++ : w++] = i;
  }
  // Equal revenue within a severity: by name, then input order.
  const byName = (a: number, b: number) => compareCodeUnits(accounts[a]!.name, accounts[b]!.name) || a - b;
  for (let start = 0; start < count; ) {
    let end = start + 1;
    while (end < count && end !== severe && revenue[order[end]!] === revenue[order[start]!]) end++;
    if (end - start > 1) order.subarray(start, end).sort(byName);
    start = end;
  }
  return order;
}

/** Most severe first, then in the order of FLAG_TYPES. */
function byFlagOrder(a: RedFlag, b: RedFlag): number {
  return levelOf(b.severity) - levelOf(a.severity) || FLAG_TYPES.indexOf(a.type) - FLAG_TYPES.indexOf(b.type);
}

/** Counts each type of an account's flags once. */
function countTypes(flags: readonly RedFlag[], counts: Record<FlagType, number>): void {
  for (let f = 0; f < flags.length; f++) {
    const type = flags[f]!.type;
    let first = true;
    for (let g = 0; g < f; g++) if (flags[g]!.type === type) first = false;
    if (first) counts[type]++;
  }
}

/**
 * The flags of the accounts at `indexes` (ascending input indices) of the portfolio `result` is of, as it
 * flags them: each account keeps its flags, re-indexed to its position among `accounts` (the accounts at
 * `indexes`), and their order.
 */
export function flagsOfSubset(result: FlagResult, indexes: Uint32Array, accounts: readonly Account[]): FlagResult {
  const at = new Int32Array(result.level.length).fill(-1);
  for (let k = 0; k < indexes.length; k++) at[indexes[k]!] = k;
  const level = new Uint8Array(indexes.length);
  const position = new Int32Array(indexes.length).fill(-1);
  const counts = Object.fromEntries(FLAG_TYPES.map((type) => [type, 0])) as Record<FlagType, number>;
  const kept: FlaggedAccount[] = [];
  let severe = 0;
  for (const entry of result.accounts) {
    const k = at[entry.index]!;
    if (k < 0) continue;
    position[k] = kept.length;
    level[k] = result.level[entry.index]!;
    if (entry.severity === 'severe') severe++;
    countTypes(entry.flags, counts);
    kept.push({ index: k, account: accounts[k]!, severity: entry.severity, flags: entry.flags.map((flag) => ({ ...flag, index: k })) });
  }
  return { accounts: kept, level, position, counts, severe };
}
