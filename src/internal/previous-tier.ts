/**
 * An account's tier in the previous period, shared by every widget that shows accounts: in a tooltip
 * ("MGC (2026-Q2: STC)"), as a table column ("Tier in 2026-Q2") and as a CSV column (`previous_tier`).
 * The tiers and their words come from analysis/previous-tiers.ts.
 *
 * Decisions:
 * - Without a previous period the tooltip says nothing of it and the table has no such column; the CSV
 *   keeps its `previous_tier` column, empty, so a CSV's header does not depend on the feed.
 * - An account without figures in the previous period is "new", sorted after the four tiers.
 */
import type { Portfolio } from '../analysis/portfolio.js';
import { previousTiers, previousTierText } from '../analysis/previous-tiers.js';
import { TIER_ORDER } from '../analysis/tiers.js';
import type { Tier } from '../feed/schema.js';
import type { TableColumn } from './data-table.js';
import type { CsvColumn } from './export.js';

/** The previous period's label and each account's tier in it (index into TIER_ORDER, NO_TIER without figures then). */
export interface PreviousTiers {
  period: string;
  tiers: Uint8Array;
}

/** The previous tiers of `portfolio`'s accounts (a narrowed portfolio: the whole feed's); undefined without a previous period. A widget memoises it and reads it after the first paint. */
export function previousTiersOf(portfolio: Portfolio): PreviousTiers | undefined {
  const tiers = previousTiers(portfolio);
  return tiers && { period: portfolio.periods().previous()!.label, tiers };
}

/** The previous tier of the account at input index `index` in words ("MGC", "new"); undefined without a previous period. */
export function previousTierAt(previous: PreviousTiers | undefined, index: number): string | undefined {
  return previous && previousTierText(previous.tiers[index]!);
}

const previousTierSort = (tier: string | undefined) => (tier === undefined ? undefined : tier === 'new' ? TIER_ORDER.length : TIER_ORDER.indexOf(tier as Tier));

/** The "Tier in 2026-Q2" column, placed after the tier; none without a previous period (`period` undefined). */
export function previousTierTableColumns<Row>(period: string | undefined, previousTierOf: (row: Row) => string | undefined): TableColumn<Row>[] {
  if (period === undefined) return [];
  return [{ id: 'previous-tier', label: `Tier in ${period}`, sortValue: (row) => previousTierSort(previousTierOf(row)), cell: (row) => previousTierOf(row) ?? '–' }];
}

/** The `previous_tier` CSV column: "MGC", "new", or empty when the feed has no previous period. */
export function previousTierCsvColumn<Row>(previousTierOf: (row: Row) => string | undefined): CsvColumn<Row> {
  return { header: 'previous_tier', value: previousTierOf };
}

/**
 * The tier of the account at input index `index` as a tooltip says it, with whether the feed gives it
 * and its tier in the previous period: "MGC", "MGC (given)", "MGC (2026-Q2: STC)", "MGC (given; 2026-Q2: new)".
 */
export function tierWithPrevious(tier: string, given: boolean, previous: PreviousTiers | undefined, index: number): string {
  const notes = [...(given ? ['given'] : []), ...(previous ? [`${previous.period}: ${previousTierAt(previous, index)}`] : [])];
  return notes.length ? `${tier} (${notes.join('; ')})` : tier;
}
