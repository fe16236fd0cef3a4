/**
 * Selection helpers shared by the widgets and `<kam-feed>`: a selection is an ordered list of account
 * ids; these turn ids into accounts (dropping ids the portfolio does not have) and apply click/Shift+click.
 */
import type { Portfolio } from '../analysis/portfolio.js';
import type { Account } from '../feed/schema.js';

/** The accounts with these ids, in the ids' order; ids not in the portfolio are left out. */
export function accountsByIds(portfolio: Portfolio | undefined, ids: readonly string[]): Account[] {
  if (!portfolio) return [];
  const accounts: Account[] = [];
  for (const id of ids) {
    const i = portfolio.indexOf(id);
    if (i >= 0) accounts.push(portfolio.accounts[i]!);
  }
  return accounts;
}

/** The input indices of the accounts with these ids, ascending; ids not in the portfolio are left out. */
export function indexesOfIds(portfolio: Portfolio, ids: Iterable<string>): Uint32Array {
  const indexes = new Set<number>();
  for (const id of ids) {
    const i = portfolio.indexOf(id);
    if (i >= 0) indexes.add(i);
  }
  return Uint32Array.from(indexes).sort();
}

/**
 * The selection after a click on `ids`: a plain click selects just them (or clears, when they are
 * exactly the current selection); with `extend` (Shift) they are added, or removed when all already in.
 */
export function nextSelection(current: readonly string[], ids: readonly string[], extend: boolean): string[] {
  const chosen = new Set(ids);
  const selected = new Set(current);
  const allIn = chosen.size > 0 && [...chosen].every((id) => selected.has(id));
  if (!extend) return allIn && selected.size === chosen.size ? [] : [...chosen];
  if (allIn) return current.filter((id) => !chosen.has(id));
  return [...current, ...[...chosen].filter((id) => !selected.has(id))];
}
