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
 * - A feed from parseFeed has its columns already (`feed.columns`, filled while it was validated); these
 *   are for accounts given to the analysis directly.
 * - The accounts are taken as values: an account changed in place is not noticed, so a changed feed
 *   needs a new accounts array (parseFeed and the filters always make one).
 */
import type { Account } from '../feed/schema.js';
import { readColumns, revenueOrZero, type AccountColumns, type ColumnName } from '../feed/columns.js';

// The columns' type and the tier index live in the feed layer, which fills them while it validates.
export { CODES, FIGURES, NO_TIER, tierIndexOf, type AccountColumns, type Code, type ColumnName, type Figure } from '../feed/columns.js';

function readRevenue(accounts: readonly Account[]): Float64Array {
  const out = new Float64Array(accounts.length);
  for (let i = 0; i < out.length; i++) out[i] = revenueOrZero(accounts[i]!.revenue);
  return out;
}

export type Column<K extends ColumnName> = K extends 'givenTier' | 'expanded' | 'referenceable' ? Uint8Array : Float64Array;
const isCode = (name: ColumnName) => name === 'givenTier' || name === 'expanded' || name === 'referenceable';

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
  get nps() {
    return this.column('nps');
  }
  get csat() {
    return this.column('csat');
  }
  get clv() {
    return this.column('clv');
  }
  get costToServe() {
    return this.column('costToServe');
  }
  get givenTier() {
    return this.column('givenTier');
  }
  get expanded() {
    return this.column('expanded');
  }
  get referenceable() {
    return this.column('referenceable');
  }
}

/**
 * The accounts' columns, read from the accounts on first access: revenue alone (all a Pareto ranking
 * needs), or every column in one pass when any other is asked for.
 */
export function accountColumns(accounts: readonly Account[]): AccountColumns {
  let revenue: Float64Array | undefined;
  let all: AccountColumns | undefined;
  return new Columns(accounts.length, (name) => {
    if (name === 'revenue' && !all) return (revenue ??= readRevenue(accounts)) as never;
    all ??= readColumns(accounts);
    return all[name] as never;
  });
}

/** Columns of `count` accounts, each made by `source` when first read, and kept. */
export function lazyColumns(count: number, source: <K extends ColumnName>(name: K) => Column<K>): AccountColumns {
  return new Columns(count, source);
}

/** The columns of the accounts at `indexes` (in that order), taken from `columns` on first access. */
export function gatherColumns(columns: AccountColumns, indexes: Uint32Array): AccountColumns {
  return new Columns(indexes.length, (name) => {
    const from = columns[name];
    const out = isCode(name) ? new Uint8Array(indexes.length) : new Float64Array(indexes.length);
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
