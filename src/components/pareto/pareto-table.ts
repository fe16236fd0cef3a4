/**
 * The columns of the Pareto table view and of its CSV export: one row per account, in rank order, with
 * its tier, its tier in the previous period and its red flags; above it the vital few by period, and the
 * accounts whose measure is below zero.
 */
import type { FlaggedAccount } from '../../analysis/flags.js';
import type { ParetoRow } from '../../analysis/pareto.js';
import type { Measure } from '../../analysis/roi.js';
import { TIER_ORDER, type TierAssignment } from '../../analysis/tiers.js';
import { tierReasonText } from '../../analysis/tier-text.js';
import type { TableColumn } from '../../internal/data-table.js';
import type { CsvColumn } from '../../internal/export.js';
import { flagCsvColumns, flagTableColumn } from '../../internal/flag-marks.js';
import { previousTierAt, previousTierCsvColumn, previousTierTableColumns, type PreviousTiers } from '../../internal/previous-tier.js';
import type { Formatters } from '../../internal/format.js';
import { displayText } from '../../internal/text-fit.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { PeriodShares } from './pareto-model.js';
import { MEASURE_WORDS } from './pareto-text.js';

/** What the table reads of a row besides the ranking: its tier, its tier in the previous period, its flags, and the measure. */
export interface ParetoRowFacts {
  tierOf: (row: ParetoRow) => TierAssignment;
  /** Undefined without a previous period (or without a model, for the CSV header). */
  previous?: PreviousTiers;
  flaggedOf: (row: ParetoRow) => FlaggedAccount | undefined;
  measure: Measure;
}

export function paretoTableColumns(f: Formatters, { tierOf, previous, flaggedOf, measure }: ParetoRowFacts): TableColumn<ParetoRow>[] {
  return [
    { id: 'name', label: 'Account', sortValue: (r) => r.account.name, cell: (r) => r.account.name },
    { id: 'rank', label: 'Rank', numeric: true, sortValue: (r) => r.rank, cell: (r) => f.integer(r.rank) },
    { id: 'revenue', label: MEASURE_WORDS[measure].label, numeric: true, sortValue: (r) => r.revenue, cell: (r) => f.money(r.revenue) },
    { id: 'share', label: 'Share', numeric: true, sortValue: (r) => r.share, cell: (r) => f.percent(r.share) },
    { id: 'cumulative', label: 'Cumulative share', numeric: true, sortValue: (r) => r.cumulativeShare, cell: (r) => f.percent(r.cumulativeShare) },
    { id: 'tier', label: 'Tier', sortValue: (r) => TIER_ORDER.indexOf(tierOf(r).tier), cell: (r) => tierOf(r).tier },
    ...previousTierTableColumns(previous?.period, (r: ParetoRow) => previousTierAt(previous, r.index)),
    flagTableColumn(flaggedOf),
  ];
}

/** Plain numbers (never locale-formatted), so a spreadsheet reads them as numbers. The measure's column is named after it ("revenue", "profit", "clv"); `previous_tier` is empty without a previous period. */
export function paretoCsvColumns({ tierOf, previous, flaggedOf, measure }: ParetoRowFacts): CsvColumn<ParetoRow>[] {
  return [
    { header: 'rank', value: (r) => r.rank },
    { header: 'id', value: (r) => r.account.id },
    { header: 'name', value: (r) => r.account.name },
    { header: measure, value: (r) => r.revenue },
    { header: 'share', value: (r) => r.share },
    { header: 'cumulative_share', value: (r) => r.cumulativeShare },
    { header: 'vital_few', value: (r) => r.vital },
    { header: 'tier', value: (r) => tierOf(r).tier },
    { header: 'tier_reason', value: (r) => tierReasonText(tierOf(r).reason) },
    previousTierCsvColumn((r) => previousTierAt(previous, r.index)),
    ...flagCsvColumns(flaggedOf),
  ];
}

/** The accounts whose measure is below zero, most negative first: a section of the table view, so they are listed apart and never hidden. */
export function belowZeroTable(f: Formatters, measure: Measure, accounts: readonly { id: string; name: string; value: number }[]): TemplateResult | typeof nothing {
  if (accounts.length === 0) return nothing;
  const { label, noun } = MEASURE_WORDS[measure];
  const caption = `Accounts with negative ${noun}, listed apart (they count as 0 in the ranking below), most negative first`;
  return html`<div class="table-scroll below-zero-table" part="below-zero-table" tabindex="0" role="region" aria-label=${`Accounts with negative ${noun}`}>
    <table>
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">Account</th>
          <th scope="col" class="num">${label}</th>
        </tr>
      </thead>
      <tbody>
        ${accounts.map(
          (a) => html`<tr>
            <th scope="row">${displayText(a.name)}</th>
            <td class="num">${f.money(a.value)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The vital few of every period, oldest first (shown above the account table when the feed has history). */
export function periodTable(f: Formatters, periods: readonly PeriodShares[], measure: Measure = 'revenue'): TemplateResult | typeof nothing {
  if (periods.length < 2) return nothing;
  const cutoff = f.percentShort(periods[0]!.shares.cutoff);
  const noun = MEASURE_WORDS[measure].noun;
  return html`<div class="table-scroll period-table" part="period-table" tabindex="0" role="region" aria-label="Vital few by period">
    <table>
      <caption>Vital few by period: the fewest accounts that produce ${cutoff} of each period's ${noun}, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col" class="num">Accounts</th>
          <th scope="col" class="num">Vital few</th>
          <th scope="col" class="num">Share of accounts</th>
          <th scope="col" class="num">Top 20% share of ${noun}</th>
        </tr>
      </thead>
      <tbody>
        ${periods.map(
          ({ period, shares }) => html`<tr>
            <th scope="row">${period}</th>
            <td class="num">${f.integer(shares.count)}</td>
            <td class="num">${shares.degenerate ? '–' : f.integer(shares.vitalFew)}</td>
            <td class="num">${shares.degenerate ? '–' : f.percent(shares.vitalFewShare)}</td>
            <td class="num">${shares.degenerate ? '–' : f.percent(shares.top20Share)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
