/**
 * The accounts' figures as columns: one typed array per field, in input order, read from the account
 * objects once and then shared by the analyses (Pareto, tiers, quadrants, the widgets' bands).
 *
 * Why: reading 100,000 account objects is most of what an analysis pass costs. Accounts carry only the
 * optional fields they have, so a feed holds as many object shapes as combinations of present fields
 * (275 in the 100,000-account sample feed): every property read in a loop over them is a megamorphic
 * lookup, about 20 ns in Chromium (accounts of one shape read about twice as fast), and each pass used to
 * read revenue, profit and potential again. A typed array is read in a few hundred microseconds.
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
  /**
   * Reads these columns now (those not read yet), in one pass over the accounts: an analysis that needs
   * several asks for them together, which costs about a quarter less than a pass for each. Returns the columns.
   */
  read(names: readonly ColumnName[]): AccountColumns;
}

/*
 * `isNum` and `revenueOf` (numbers.ts), spelt out for the read loop: for a number, `v - v === 0` is
 * Number.isFinite(v) (NaN and ±Infinity give NaN), and cheaper there.
 */
/** A figure that must be a finite number; NaN for "no value". */
const finite = (value: unknown): number => (typeof value === 'number' && value - value === 0 ? value : NaN);
/** Revenue as `revenueOf`: finite and > 0, else 0. */
const revenueOf = (value: unknown): number => (typeof value === 'number' && value > 0 && value - value === 0 ? value : 0);

/** A tier given in the feed, as its index in TIER_ORDER (the order of tiers.ts), or NO_TIER. */
function tierIndexOf(tier: unknown): number {
  return tier === 'MVC' ? 0 : tier === 'MGC' ? 1 : tier === 'STC' ? 2 : tier === 'BZ' ? 3 : NO_TIER;
}

/** The name of a column. */
export type ColumnName = 'revenue' | 'profit' | 'potential' | 'previousRevenue' | 'effort' | 'impact' | 'givenTier';

const NONE = new Float64Array(0);
const NO_TIERS = new Uint8Array(0);

interface Figures {
  revenue: Float64Array;
  profit: Float64Array;
  potential: Float64Array;
  previousRevenue: Float64Array;
  effort: Float64Array;
  impact: Float64Array;
  givenTier: Uint8Array;
}

/**
 * One pass over the accounts filling the columns that are not empty (an empty one is not wanted). Each
 * property is named in the code: a computed key (`account[field]`) is a keyed lookup, about twice as slow
 * over accounts of many shapes. The wanted-tests do not change during the loop, so they cost next to
 * nothing, and one pass for several columns costs about a quarter less than a pass for each.
 */
function readFigures(accounts: readonly Account[], into: Figures): void {
  const { revenue, profit, potential, previousRevenue, effort, impact, givenTier } = into;
  const wantRevenue = revenue.length > 0;
  const wantProfit = profit.length > 0;
  const wantPotential = potential.length > 0;
  const wantPrevious = previousRevenue.length > 0;
  const wantEffort = effort.length > 0;
  const wantImpact = impact.length > 0;
  const wantTier = givenTier.length > 0;
  for (let i = 0; i < accounts.length; i++) {
    const account = accounts[i]!;
    if (wantRevenue) revenue[i] = revenueOf(account.revenue);
    if (wantProfit) profit[i] = finite(account.profit);
    if (wantPotential) potential[i] = finite(account.potential);
    if (wantPrevious) previousRevenue[i] = finite(account.previousRevenue);
    if (wantEffort) effort[i] = finite(account.effort);
    if (wantImpact) impact[i] = finite(account.impact);
    if (wantTier) {
      const tier = account.tier;
      givenTier[i] = tier === undefined ? NO_TIER : tierIndexOf(tier);
    }
  }
}

class LazyColumns implements AccountColumns {
  readonly count: number;
  private readonly columns: Partial<Figures> = {};

  constructor(private readonly accounts: readonly Account[]) {
    this.count = accounts.length;
  }

  read(names: readonly ColumnName[]): this {
    const missing = names.filter((name) => !this.columns[name]);
    if (missing.length === 0) return this;
    const n = this.count;
    const column = (name: ColumnName) => (missing.includes(name) ? new Float64Array(n) : NONE);
    const into: Figures = {
      revenue: column('revenue'),
      profit: column('profit'),
      potential: column('potential'),
      previousRevenue: column('previousRevenue'),
      effort: column('effort'),
      impact: column('impact'),
      givenTier: missing.includes('givenTier') ? new Uint8Array(n) : NO_TIERS,
    };
    readFigures(this.accounts, into);
    for (const name of missing) (this.columns as Record<ColumnName, Float64Array | Uint8Array>)[name] = into[name];
    return this;
  }

  private column<K extends ColumnName>(name: K): Figures[K] {
    return (this.columns[name] ?? this.read([name]).columns[name]) as Figures[K];
  }

  get revenue(): Float64Array {
    return this.column('revenue');
  }

  get profit(): Float64Array {
    return this.column('profit');
  }

  get potential(): Float64Array {
    return this.column('potential');
  }

  get previousRevenue(): Float64Array {
    return this.column('previousRevenue');
  }

  get effort(): Float64Array {
    return this.column('effort');
  }

  get impact(): Float64Array {
    return this.column('impact');
  }

  get givenTier(): Uint8Array {
    return this.column('givenTier');
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
