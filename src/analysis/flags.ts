/**
 * Red flags: which accounts need action now. (Stub: the names the widgets code against; the rules are
 * being written.)
 */
import type { Account } from '../feed/schema.js';
import type { Kpi } from './kpis.js';
import type { Portfolio } from './portfolio.js';

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
  /** ROI down by at least this fraction against the previous period. */
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
  flags: RedFlag[];
}

export interface FlagResult {
  /** Flagged accounts, most severe first, then most valuable (revenue), then name. */
  accounts: FlaggedAccount[];
  /** Per account (input order): 0 none, 1 warning, 2 severe. */
  level: Uint8Array;
  /** How many accounts carry each type. */
  counts: Record<FlagType, number>;
  /** How many accounts carry a severe flag. */
  severe: number;
}

export const FLAG_META: Readonly<Record<FlagType, { label: string; definition: string }>> = {
  'revenue-elsewhere': { label: 'Revenue going elsewhere', definition: '' },
  'roi-falling': { label: 'ROI falling', definition: '' },
  'key-account-loss': { label: 'Key account at a loss', definition: '' },
  unhappy: { label: 'Unhappy key account', definition: '' },
  'tier-loss': { label: 'Tier lost', definition: '' },
  'lost-key-account': { label: 'Lost key account', definition: '' },
  'goal-missed': { label: 'Goal missed', definition: '' },
};

/** The red flags of every account of a portfolio. */
export function accountFlags(portfolio: Portfolio): FlagResult {
  const counts = Object.fromEntries(FLAG_TYPES.map((type) => [type, 0])) as Record<FlagType, number>;
  return { accounts: [], level: new Uint8Array(portfolio.accounts.length), counts, severe: 0 };
}

/** KPIs off their target two periods in a row (portfolio-level flags, index -1). */
export function kpiGoalFlags(kpis: readonly Kpi[], targets: Readonly<Record<string, number>>): RedFlag[] {
  void kpis;
  void targets;
  return [];
}
