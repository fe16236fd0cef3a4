/**
 * Selection helpers shared by the widgets and `<kam-feed>`: a selection is an ordered list of account
 * ids; these turn ids into accounts (dropping ids the feed does not have) and apply click/Shift+click.
 */
import type { Feed } from '../feed/parse.js';
import type { Account } from '../feed/schema.js';

const indexes = new WeakMap<Feed, Map<string, Account>>();

/** The feed's accounts by id, built once per feed. */
export function accountIndex(feed: Feed): Map<string, Account> {
  let index = indexes.get(feed);
  if (!index) {
    index = new Map(feed.accounts.map((a) => [a.id, a]));
    indexes.set(feed, index);
  }
  return index;
}

/** The accounts with these ids, in the ids' order; ids not in the feed are left out. */
export function accountsByIds(feed: Feed | undefined, ids: readonly string[]): Account[] {
  if (!feed) return [];
  const index = accountIndex(feed);
  const accounts: Account[] = [];
  for (const id of ids) {
    const account = index.get(id);
    if (account) accounts.push(account);
  }
  return accounts;
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
