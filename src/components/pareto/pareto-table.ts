/** The columns of the Pareto table view and of its CSV export: one row per account, in rank order; and the vital few by period above it. */
import type { ParetoRow } from '../../analysis/pareto.js';
import { TIER_ORDER, type TierAssignment } from '../../analysis/tiers.js';
import { tierReasonText } from '../../analysis/tier-text.js';
import type { TableColumn } from '../../internal/data-table.js';
import type { CsvColumn } from '../../internal/export.js';
import type { Formatters } from '../../internal/format.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { PeriodShares } from './pareto-model.js';

export function paretoTableColumns(f: Formatters, tierOf: (row: ParetoRow) => TierAssignment): TableColumn<ParetoRow>[] {
  return [
    { id: 'name', label: 'Account', sortValue: (r) => r.account.name, cell: (r) => r.account.name },
    { id: 'rank', label: 'Rank', numeric: true, sortValue: (r) => r.rank, cell: (r) => f.integer(r.rank) },
    { id: 'revenue', label: 'Revenue', numeric: true, sortValue: (r) => r.revenue, cell: (r) => f.money(r.revenue) },
    { id: 'share', label: 'Share', numeric: true, sortValue: (r) => r.share, cell: (r) => f.percent(r.share) },
    { id: 'cumulative', label: 'Cumulative share', numeric: true, sortValue: (r) => r.cumulativeShare, cell: (r) => f.percent(r.cumulativeShare) },
    { id: 'tier', label: 'Tier', sortValue: (r) => TIER_ORDER.indexOf(tierOf(r).tier), cell: (r) => tierOf(r).tier },
  ];
}

/** Plain numbers (never locale-formatted), so a spreadsheet reads them as numbers. */
export function paretoCsvColumns(tierOf: (row: ParetoRow) => TierAssignment): CsvColumn<ParetoRow>[] {
  return [
    { header: 'rank', value: (r) => r.rank },
    { header: 'id', value: (r) => r.account.id },
    { header: 'name', value: (r) => r.account.name },
    { header: 'revenue', value: (r) => r.revenue },
    { header: 'share', value: (r) => r.share },
    { header: 'cumulative_share', value: (r) => r.cumulativeShare },
    { header: 'vital_few', value: (r) => r.vital },
    { header: 'tier', value: (r) => tierOf(r).tier },
    { header: 'tier_reason', value: (r) => tierReasonText(tierOf(r).reason) },
  ];
}

/** The vital few of every period, oldest first (shown above the account table when the feed has history). */
export function periodTable(f: Formatters, periods: readonly PeriodShares[]): TemplateResult | typeof nothing {
  if (periods.length < 2) return nothing;
  const cutoff = f.percentShort(periods[0]!.shares.cutoff);
  return html`<div class="table-scroll period-table" part="period-table" tabindex="0" role="region" aria-label="Vital few by period">
    <table>
      <caption>Vital few by period: the fewest accounts that produce ${cutoff} of each period's revenue, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col" class="num">Accounts</th>
          <th scope="col" class="num">Vital few</th>
          <th scope="col" class="num">Share of accounts</th>
          <th scope="col" class="num">Top 20% share of revenue</th>
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
