/**
 * Account filters, as page authors write them in a `filter` attribute: `"segment:Corporate,region:EMEA"`.
 * Conditions on different fields must all hold; several values for one field are alternatives
 * (`"region:EMEA,region:APAC"` = EMEA or APAC). Values compare case-insensitively after trimming.
 */
import { derivedFeed, type Feed } from './parse.js';
import type { Account } from './schema.js';

/** The account fields a filter may name. */
export const FILTER_FIELDS = ['segment', 'region', 'owner', 'industry', 'country', 'tier'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export type AccountFilter = ReadonlyMap<FilterField, readonly string[]>;

export class FilterError extends Error {
  override name = 'FilterError';
}

/** Parses `"segment:Corporate,region:EMEA"`; throws a FilterError that names the bad part. Empty text = no filter. */
export function parseFilter(text: string | null | undefined): AccountFilter {
  const filter = new Map<FilterField, string[]>();
  for (const part of (text ?? '').split(',')) {
    if (!part.trim()) continue;
    const colon = part.indexOf(':');
    const field = (colon < 0 ? part : part.slice(0, colon)).trim();
    const value = colon < 0 ? '' : part.slice(colon + 1).trim();
    if (!(FILTER_FIELDS as readonly string[]).includes(field)) {
      throw new FilterError(`filter "${part.trim()}": "${field}" is not a field to filter on; use one of ${FILTER_FIELDS.join(', ')}.`);
    }
    if (!value) throw new FilterError(`filter "${part.trim()}": give a value after the colon, as in "${field}:Corporate".`);
    const values = filter.get(field as FilterField) ?? [];
    values.push(value);
    filter.set(field as FilterField, values);
  }
  return filter;
}

/** A predicate for the filter, with the values lower-cased once. */
export function accountMatcher(filter: AccountFilter): (account: Account) => boolean {
  const conditions = [...filter].map(([field, values]) => [field, new Set(values.map((v) => v.toLowerCase()))] as const);
  return (account) =>
    conditions.every(([field, values]) => {
      const value = account[field];
      return typeof value === 'string' && values.has(value.trim().toLowerCase());
    });
}

/** The feed with only the accounts that pass the filter (the same feed object when the filter is empty). */
export function filterFeed(feed: Feed, filter: AccountFilter): Feed {
  if (filter.size === 0) return feed;
  return derivedFeed(feed, { accounts: feed.accounts.filter(accountMatcher(filter)) });
}

/** The filter in words, for notices: "segment Corporate; region EMEA or APAC". */
export function describeFilter(filter: AccountFilter): string {
  return [...filter].map(([field, values]) => `${field} ${values.join(' or ')}`).join('; ');
}
