/**
 * The pipeline from validated accounts to what the tier matrix draws: tiers (the analysis layer's rule),
 * then the value and potential bands, then the matrix of cells and tier groups, then the band names.
 * Pure; the element runs it in willUpdate when the feed or an option changed.
 */
import { sharedColumns } from '../../analysis/columns.js';
import { assignTiers, TIER_ORDER, type TierResult, type TierRules } from '../../analysis/tiers.js';
import type { Account } from '../../feed/schema.js';
import {
  bandAxis,
  bandNames,
  buildMatrix,
  potentialMeasures,
  topByRevenue,
  valueMeasures,
  type Matrix,
  type PotentialField,
  type ValueField,
} from '../../analysis/portfolio-matrix.js';
import { membersOf } from './tier-matrix-items.js';

/** What the pipeline needs besides the accounts. */
export interface TierMatrixOptions {
  rules: Partial<TierRules>;
  valueField: ValueField;
  potentialField: PotentialField;
  /** Explicit cut points; unset: tertiles. */
  valueCuts?: readonly number[];
  potentialCuts?: readonly number[];
}

/** Everything derived from one feed and one set of options. */
export interface TierMatrixModel {
  accounts: readonly Account[];
  options: TierMatrixOptions;
  tiers: TierResult;
  matrix: Matrix;
  valueNames: string[];
  potentialNames: string[];
  /** Accounts with a tier given in the feed, per tier (order MVC, MGC, STC, BZ). */
  given: number[];
  /** Lazily filled lookups: account index by id (for the selection) and top accounts per item. */
  indexById?: Map<string, number>;
  top: Map<number, Account[]>;
}

export function tierMatrixModel(accounts: readonly Account[], options: TierMatrixOptions): TierMatrixModel {
  // The accounts are read once, into columns shared with every widget on the same feed.
  const columns = sharedColumns(accounts);
  const tiers = assignTiers(accounts, options.rules, columns);
  const value = bandAxis(valueMeasures(accounts, options.valueField, columns), options.valueCuts);
  const potential = bandAxis(potentialMeasures(accounts, options.potentialField, columns), options.potentialCuts);
  // The analysis's typed arrays, so no assignment object is built for the matrix (only the table needs them).
  const given = TIER_ORDER.map(() => 0);
  const { given: isGiven, tierIndex } = tiers;
  for (let i = 0; i < isGiven.length; i++) if (isGiven[i]) given[tierIndex[i]!]!++;
  const matrix = buildMatrix(accounts, tiers.tierIndex, value, potential, columns.revenue);
  return { accounts, options, tiers, matrix, valueNames: bandNames(value), potentialNames: bandNames(potential), given, top: new Map() };
}

/** The input indices of the accounts with these ids (unknown ids and repeats ignored). */
export function indexesOf(model: TierMatrixModel, ids: readonly string[]): number[] {
  if (!model.indexById) {
    const index = new Map<string, number>();
    model.accounts.forEach((a, i) => index.set(a.id, i));
    model.indexById = index;
  }
  const indexes = new Set<number>();
  for (const id of ids) {
    const i = model.indexById.get(id);
    if (i !== undefined) indexes.add(i);
  }
  return [...indexes];
}

/** The `k` accounts of an item with the highest revenue, computed on first use. */
export function topAccounts(model: TierMatrixModel, item: number, k = 3): Account[] {
  let top = model.top.get(item);
  if (!top) model.top.set(item, (top = topByRevenue(model.accounts, membersOf(model.matrix, item), k)));
  return top;
}
