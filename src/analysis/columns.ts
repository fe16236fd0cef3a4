/**
 * The accounts' figures as columns: one typed array per field, in input order, read from the account
 * objects once and then shared by the analyses (Pareto, tiers, quadrants, the widgets' bands).
 *
 * Why: reading 100,000 account objects is most of what an analysis pass costs. Accounts carry only the
 * optional fields they have, so a feed holds as many object shapes as combinations of present fields
 * (275 in the 100,000-account sample feed), every property read in a loop over them is a megamorphic
 * lookup (about 20 ns), and each pass used to read revenue, profit and potential again. A typed array is
 * read in a few hundred microseconds.
 *
 * Decisions:
 * - Each column is read on first access, so an analysis pays only for the fields it uses.
 * - Missing figures are NaN (test with `x === x`), as every field here takes finite numbers only: a field
 *   that is absent, NaN or ±Infinity counts as "no value", like `isNum`. Revenue is `revenueOf` (>= 0, 0
 *   when not a finite number > 0), as every analysis uses it.
 * - `accountColumns` reads afresh on each call. `sharedColumns` keeps one set per accounts array (a
 *   WeakMap), for callers that treat the accounts as values, as the widgets do with a feed: linked
 *   widgets sharing one feed then read it once. An array whose length changed is read again; an account
 *   changed in place is not noticed, so a changed feed needs a new accounts array (parseFeed, derivedFeed
 *   and filterFeed always make one).
 */
import type { Account } from '../feed/schema.js';
import { isNum, revenueOf } from './numbers.js';

/** `givenTier` of an account without a (valid) tier in the feed. */
export const NO_TIER = 255;

export interface AccountColumns {
  /** Number of accounts (the length of every column). */
  readonly count: number;
  /** `revenueOf(account.revenue)`: finite and >= 0, else 0. */
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
  /** The tier given in the feed as an index into TIER_ORDER (0 MVC, 1 MGC, 2 STC, 3 BZ); NO_TIER when none. */
  readonly givenTier: Uint8Array;
}

/** A figure that must be a finite number; NaN for "no value". */
const finite = (value: unknown): number => (isNum(value) ? value : NaN);

/** A tier given in the feed, as its index in TIER_ORDER (the order of tiers.ts), or NO_TIER. */
function tierIndexOf(tier: unknown): number {
  return tier === 'MVC' ? 0 : tier === 'MGC' ? 1 : tier === 'STC' ? 2 : tier === 'BZ' ? 3 : NO_TIER;
}

/*
 * One loop per field, each with its property named in the code: a computed key (`account[field]`) is a
 * keyed lookup, about twice as slow over accounts of many shapes.
 */
class LazyColumns implements AccountColumns {
  readonly count: number;
  private revenueColumn?: Float64Array;
  private profitColumn?: Float64Array;
  private potentialColumn?: Float64Array;
  private previousRevenueColumn?: Float64Array;
  private effortColumn?: Float64Array;
  private impactColumn?: Float64Array;
  private givenTierColumn?: Uint8Array;

  constructor(private readonly accounts: readonly Account[]) {
    this.count = accounts.length;
  }

  get revenue(): Float64Array {
    if (this.revenueColumn) return this.revenueColumn;
    const { accounts } = this;
    const column = (this.revenueColumn = new Float64Array(accounts.length));
    for (let i = 0; i < accounts.length; i++) column[i] = revenueOf(accounts[i]!.revenue);
    return column;
  }

  get profit(): Float64Array {
    if (this.profitColumn) return this.profitColumn;
    const { accounts } = this;
    const column = (this.profitColumn = new Float64Array(accounts.length));
    for (let i = 0; i < accounts.length; i++) column[i] = finite(accounts[i]!.profit);
    return column;
  }

  get potential(): Float64Array {
    if (this.potentialColumn) return this.potentialColumn;
    const { accounts } = this;
    const column = (this.potentialColumn = new Float64Array(accounts.length));
    for (let i = 0; i < accounts.length; i++) column[i] = finite(accounts[i]!.potential);
    return column;
  }

  get previousRevenue(): Float64Array {
    if (this.previousRevenueColumn) return this.previousRevenueColumn;
    const { accounts } = this;
    const column = (this.previousRevenueColumn = new Float64Array(accounts.length));
    for (let i = 0; i < accounts.length; i++) column[i] = finite(accounts[i]!.previousRevenue);
    return column;
  }

  get effort(): Float64Array {
    if (this.effortColumn) return this.effortColumn;
    const { accounts } = this;
    const column = (this.effortColumn = new Float64Array(accounts.length));
    for (let i = 0; i < accounts.length; i++) column[i] = finite(accounts[i]!.effort);
    return column;
  }

  get impact(): Float64Array {
    if (this.impactColumn) return this.impactColumn;
    const { accounts } = this;
    const column = (this.impactColumn = new Float64Array(accounts.length));
    for (let i = 0; i < accounts.length; i++) column[i] = finite(accounts[i]!.impact);
    return column;
  }

  get givenTier(): Uint8Array {
    if (this.givenTierColumn) return this.givenTierColumn;
    const { accounts } = this;
    const column = (this.givenTierColumn = new Uint8Array(accounts.length));
    for (let i = 0; i < accounts.length; i++) column[i] = tierIndexOf(accounts[i]!.tier);
    return column;
  }
}

/** The accounts' columns, each read on first access (no sharing: see `sharedColumns`). */
export function accountColumns(accounts: readonly Account[]): AccountColumns {
  return new LazyColumns(accounts);
}

const shared = new WeakMap<readonly Account[], AccountColumns>();

/**
 * The columns of this accounts array, read once and shared by every caller with the same array (see the
 * decisions above: the accounts are taken as values, so change the array, not an account in it).
 */
export function sharedColumns(accounts: readonly Account[]): AccountColumns {
  let columns = shared.get(accounts);
  if (!columns || columns.count !== accounts.length) shared.set(accounts, (columns = accountColumns(accounts)));
  return columns;
}

/** The columns to use for `accounts`: the given ones (checked to match), else a fresh read. */
export function columnsFor(accounts: readonly Account[], columns: AccountColumns | undefined): AccountColumns {
  if (!columns) return accountColumns(accounts);
  if (columns.count !== accounts.length) {
    throw new RangeError(`columns are of ${columns.count} accounts, but ${accounts.length} accounts were given`);
  }
  return columns;
}
