/**
 * The accounts' figures as columns: one typed array per field, in input order, read from the account
 * objects once and then used by every analysis of a portfolio (Pareto, tiers, quadrants, bands).
 *
 * Why: reading 100,000 account objects is most of what an analysis pass costs (accounts carry only the
 * optional fields they have, so a feed holds many object shapes and each property read is a slow
 * polymorphic lookup), while a typed array is read in a few hundred microseconds.
 *
 * Decisions:
 * - Columns are read when an analysis first asks for them: revenue alone for a Pareto chart, every
 *   column in one pass for anything else.
 * - Missing figures are NaN (test with `x === x`): a field that is absent, NaN or ±Infinity is "no
 *   value", like `isNum`. Revenue is `revenueOf` (>= 0, 0 when not a finite number > 0).
 * - The accounts are taken as values: an account changed in place is not noticed, so a changed feed
 *   needs a new accounts array (parseFeed and the filters always make one).
 */
import type { Account } from '../feed/schema.js';
import { revenueOf } from './numbers.js';

/** `givenTier` of an account without a (valid) tier in the feed. */
export const NO_TIER = 255;

/** The numeric fields read as columns. */
export const FIGURES = ['revenue', 'profit', 'potential', 'previousRevenue', 'effort', 'impact', 'clv'] as const;
export type Figure = (typeof FIGURES)[number];

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
  /** Customer lifetime value; NaN when the account has none. */
  readonly clv: Float64Array;
  /** The tier given in the feed as an index into TIER_ORDER (0 MVC, 1 MGC, 2 STC, 3 BZ); NO_TIER when none. */
  readonly givenTier: Uint8Array;
}

/** A tier given in the feed, as its index in TIER_ORDER (the order of tiers.ts), or NO_TIER. */
export function tierIndexOf(tier: unknown): number {
  return tier === 'MVC' ? 0 : tier === 'MGC' ? 1 : tier === 'STC' ? 2 : tier === 'BZ' ? 3 : NO_TIER;
}

/** A figure that must be a finite number; NaN for "no value". (`v - v === 0` is Number.isFinite for a number, and cheaper.) */
const finite = (value: unknown): number => (typeof value === 'number' && value - value === 0 ? value : NaN);

function readRevenue(accounts: readonly Account[]): Float64Array {
  const out = new Float64Array(accounts.length);
  for (let i = 0; i < out.length; i++) out[i] = revenueOf(accounts[i]!.revenue);
  return out;
}

/**
 * Every figure and the given tier of every account, in one pass: reading several fields of an account
 * together costs little more than reading one, since finding the account's fields is the slow part.
 */
function readAll(accounts: readonly Account[], revenue: Float64Array): Map<ColumnName, Float64Array | Uint8Array> {
  const n = accounts.length;
  const profit = new Float64Array(n);
  const potential = new Float64Array(n);
  const previousRevenue = new Float64Array(n);
  const effort = new Float64Array(n);
  const impact = new Float64Array(n);
  const clv = new Float64Array(n);
  const givenTier = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = accounts[i]!;
    profit[i] = finite(a.profit);
    potential[i] = finite(a.potential);
    previousRevenue[i] = finite(a.previousRevenue);
    effort[i] = finite(a.effort);
    impact[i] = finite(a.impact);
    clv[i] = finite(a.clv);
    const tier = a.tier;
    givenTier[i] = tier === undefined ? NO_TIER : tierIndexOf(tier);
  }
  return new Map<ColumnName, Float64Array | Uint8Array>([
    ['revenue', revenue],
    ['profit', profit],
    ['potential', potential],
    ['previousRevenue', previousRevenue],
    ['effort', effort],
    ['impact', impact],
    ['clv', clv],
    ['givenTier', givenTier],
  ]);
}

type ColumnName = Figure | 'givenTier';
type Column<K extends ColumnName> = K extends 'givenTier' ? Uint8Array : Float64Array;

/** Columns made by `source` on first access and kept. */
class Columns implements AccountColumns {
  private readonly made = new Map<ColumnName, Float64Array | Uint8Array>();

  constructor(
    readonly count: number,
    private readonly source: <K extends ColumnName>(name: K) => Column<K>,
  ) {}

  private column<K extends ColumnName>(name: K): Column<K> {
    let column = this.made.get(name);
    if (!column) this.made.set(name, (column = this.source(name)));
    return column as Column<K>;
  }

  get revenue() {
    return this.column('revenue');
  }
  get profit() {
    return this.column('profit');
  }
  get potential() {
    return this.column('potential');
  }
  get previousRevenue() {
    return this.column('previousRevenue');
  }
  get effort() {
    return this.column('effort');
  }
  get impact() {
    return this.column('impact');
  }
  get clv() {
    return this.column('clv');
  }
  get givenTier() {
    return this.column('givenTier');
  }
}

/**
 * The accounts' columns, read from the accounts on first access: revenue alone (all a Pareto ranking
 * needs), or every column in one pass when any other is asked for.
 */
export function accountColumns(accounts: readonly Account[]): AccountColumns {
  let revenue: Float64Array | undefined;
  let all: Map<ColumnName, Float64Array | Uint8Array> | undefined;
  return new Columns(accounts.length, (name) => {
    revenue ??= readRevenue(accounts);
    if (name === 'revenue') return revenue as never;
    all ??= readAll(accounts, revenue);
    return all.get(name) as never;
  });
}

/** The columns of the accounts at `indexes` (in that order), taken from `columns` on first access. */
export function gatherColumns(columns: AccountColumns, indexes: Uint32Array): AccountColumns {
  return new Columns(indexes.length, (name) => {
    const from = columns[name];
    const out = name === 'givenTier' ? new Uint8Array(indexes.length) : new Float64Array(indexes.length);
    for (let k = 0; k < indexes.length; k++) out[k] = from[indexes[k]!]!;
    return out as never;
  });
}

/** The columns to use for `accounts`: the given ones (checked to match), else a fresh read. */
export function columnsFor(accounts: readonly Account[], columns: AccountColumns | undefined): AccountColumns {
  if (!columns) return accountColumns(accounts);
  if (columns.count !== accounts.length) {
    throw new RangeError(`columns are of ${columns.count} accounts, but ${accounts.length} accounts were given`);
  }
  return columns;
}
