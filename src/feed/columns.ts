/**
 * The accounts' figures as columns: one typed array per numeric field, in the order of the accounts.
 * parseFeed fills them while it validates (one pass over the accounts), and the analysis reads them
 * instead of the account objects (reading 100,000 objects of many shapes is most of what an analysis
 * pass would cost). The type lives in the feed layer because the feed fills it; analysis/columns.ts
 * reads the same columns from accounts that did not come through parseFeed.
 *
 * Missing figures are NaN (test with `x === x`); a missing or unknown tier, and a missing flag, is
 * NO_TIER (255). A flag is 1 for true, 0 for false.
 */
import type { Account } from './fields.js';

/** `givenTier` of an account without a (valid) tier in the feed; also a flag column's "no value". */
export const NO_TIER = 255;

/** The numeric fields read as columns. */
export const FIGURES = ['revenue', 'profit', 'potential', 'previousRevenue', 'effort', 'impact', 'nps', 'csat', 'clv', 'costToServe'] as const;
export type Figure = (typeof FIGURES)[number];

/** The fields read as small codes (Uint8Array, NO_TIER for none): the given tier and the two flags. */
export const CODES = ['givenTier', 'expanded', 'referenceable'] as const;
export type Code = (typeof CODES)[number];

/** Every column: the figures, then the codes. */
export type ColumnName = Figure | Code;

export interface AccountColumns {
  /** Number of accounts (the length of every column). */
  readonly count: number;
  /** Revenue: finite and >= 0 (0 for anything else). */
  readonly revenue: Float64Array;
  /** Profit; NaN when the account has none. */
  readonly profit: Float64Array;
  /** Potential; NaN when the account has none. */
  readonly potential: Float64Array;
  /** Revenue in the previous period; NaN when the account has none. */
  readonly previousRevenue: Float64Array;
  /** Effort; NaN when the account has none. */
  readonly effort: Float64Array;
  /** The account's own impact score; NaN when it has none. */
  readonly impact: Float64Array;
  /** NPS answer (or average), 0 to 10; NaN when the account has none. */
  readonly nps: Float64Array;
  /** Satisfaction rating, 1 to 5; NaN when the account has none. */
  readonly csat: Float64Array;
  /** Customer lifetime value; NaN when the account has none. */
  readonly clv: Float64Array;
  /** Cost to serve the account; NaN when it has none. */
  readonly costToServe: Float64Array;
  /** The tier given in the feed as an index into TIER_ORDER (0 MVC, 1 MGC, 2 STC, 3 BZ); NO_TIER when none. */
  readonly givenTier: Uint8Array;
  /** `expanded`: 1 true, 0 false, NO_TIER when the account has no value. */
  readonly expanded: Uint8Array;
  /** `referenceable`: 1 true, 0 false, NO_TIER when the account has no value. */
  readonly referenceable: Uint8Array;
}

/** A flag as its code: 1 true, 0 false, NO_TIER for anything else. */
export function flagCode(value: unknown): number {
  return value === true ? 1 : value === false ? 0 : NO_TIER;
}

/** A tier given in the feed, as its index in TIER_ORDER (the order of tiers.ts, and of TIERS), or NO_TIER. */
export function tierIndexOf(tier: unknown): number {
  return tier === 'MVC' ? 0 : tier === 'MGC' ? 1 : tier === 'STC' ? 2 : tier === 'BZ' ? 3 : NO_TIER;
}

/** Columns for `count` accounts, every figure missing (NaN) and no tier or flag given, to be filled. */
export function emptyColumns(count: number): AccountColumns {
  const figures = FIGURES.map((figure) => [figure, new Float64Array(count).fill(NaN)]);
  const codes = CODES.map((code) => [code, new Uint8Array(count).fill(NO_TIER)]);
  return { count, ...Object.fromEntries(figures), ...Object.fromEntries(codes) } as AccountColumns;
}

/** The first `count` rows of `columns` (views on the same memory, no copy). */
export function firstRows(columns: AccountColumns, count: number): AccountColumns {
  if (count === columns.count) return columns;
  const all = [...FIGURES, ...CODES].map((name) => [name, columns[name].subarray(0, count)]);
  return { count, ...Object.fromEntries(all) } as AccountColumns;
}

/** A figure that must be a finite number; NaN for "no value". (`v - v === 0` is Number.isFinite for a number, and cheaper.) */
export const finiteOrNaN = (value: unknown): number => (typeof value === 'number' && value - value === 0 ? value : NaN);

/** Revenue as the analysis uses it: finite and >= 0, anything else counts as 0. */
export const revenueOrZero = (value: unknown): number => (typeof value === 'number' && value - value === 0 && value > 0 ? value : 0);

/**
 * Every column of `accounts`, in one pass (reading several fields of an account costs little more than
 * reading one: finding the account's fields is the slow part). Values outside the contract read as
 * missing (NaN), and revenue as 0, so any array of account-like objects can be read.
 */
export function readColumns(accounts: readonly Account[]): AccountColumns {
  const columns = emptyColumns(accounts.length);
  const { revenue, profit, potential, previousRevenue, effort, impact, nps, csat, clv, costToServe, givenTier, expanded, referenceable } = columns;
  for (let i = 0; i < accounts.length; i++) {
    const a = accounts[i]!;
    revenue[i] = revenueOrZero(a.revenue);
    profit[i] = finiteOrNaN(a.profit);
    potential[i] = finiteOrNaN(a.potential);
    previousRevenue[i] = finiteOrNaN(a.previousRevenue);
    effort[i] = finiteOrNaN(a.effort);
    impact[i] = finiteOrNaN(a.impact);
    nps[i] = finiteOrNaN(a.nps);
    csat[i] = finiteOrNaN(a.csat);
    clv[i] = finiteOrNaN(a.clv);
    costToServe[i] = finiteOrNaN(a.costToServe);
    givenTier[i] = tierIndexOf(a.tier);
    expanded[i] = flagCode(a.expanded);
    referenceable[i] = flagCode(a.referenceable);
  }
  return columns;
}
