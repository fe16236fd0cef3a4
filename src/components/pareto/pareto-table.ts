/** The columns of the Pareto table view and of its CSV export: one row per account, in rank order. */
import type { ParetoRow } from '../../analysis/pareto.js';
import { TIER_ORDER, type TierAssignment } from '../../analysis/tiers.js';
import { tierReasonText } from '../../analysis/tier-text.js';
import type { TableColumn } from '../../internal/data-table.js';
import type { CsvColumn } from '../../internal/export.js';
import type { Formatters } from '../../internal/format.js';

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
