/**
 * Account filters, as page authors write them in a `filter` attribute: `"segment:Corporate,region:EMEA"`.
 * Conditions on different fields must all hold; several values for one field are alternatives
 * (`"region:EMEA,region:APAC"` = EMEA or APAC). Values compare case-insensitively after trimming.
 */
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

/**
 * The input indices of the accounts that pass the filter, ascending. `tierOf(i)` is the tier of account
 * i as the portfolio has it (given in the feed or computed by the rule), so `tier:MVC` matches computed tiers too.
 */
export function matchingIndexes(accounts: readonly Account[], filter: AccountFilter, tierOf: (index: number) => string): Uint32Array {
  const conditions = [...filter].map(([field, values]) => [field, new Set(values.map((v) => v.toLowerCase()))] as const);
  const valueOf = (field: FilterField, i: number) => (field === 'tier' ? tierOf(i) : accounts[i]![field]);
  const kept: number[] = [];
  for (let i = 0; i < accounts.length; i++) {
    const matches = conditions.every(([field, values]) => {
      const value = valueOf(field, i);
      return typeof value === 'string' && values.has(value.trim().toLowerCase());
    });
    if (matches) kept.push(i);
  }
  return Uint32Array.from(kept);
}

/** The filter in words, for notices: "segment Corporate; region EMEA or APAC". */
export function describeFilter(filter: AccountFilter): string {
  return [...filter].map(([field, values]) => `${field} ${values.join(' or ')}`).join('; ');
}
