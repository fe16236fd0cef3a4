/**
 * The tier matrix as rows: the table view (every account with its tier, its tier in the previous period,
 * band cells, cost to serve and ROI when the feed has costs, red flags and the reason for its tier,
 * sortable) and the CSV export (the same accounts, every figure unformatted; `previous_tier` empty when
 * the feed has no previous period).
 */
import { TIER_ORDER, type TierAssignment } from '../../analysis/tiers.js';
import { previousTierText } from '../../analysis/previous-tiers.js';
import { tierReasonText } from '../../analysis/tier-text.js';
import type { TableColumn } from '../../internal/data-table.js';
import type { CsvColumn } from '../../internal/export.js';
import type { FlaggedAccount } from '../../analysis/flags.js';
import { flagCsvColumns, flagTableColumn } from '../../internal/flag-marks.js';
import { previousTierCsvColumn, previousTierTableColumns } from '../../internal/previous-tier.js';
import type { Formatters } from '../../internal/format.js';
import type { BandAxis } from '../../analysis/bands.js';
import type { TierMatrixModel } from './tier-matrix-model.js';
import { POTENTIAL_LABEL, VALUE_LABEL } from './tier-matrix-text.js';

/** One table and CSV row: an account with its tier, its bands and its measures. */
export interface TierMatrixRow {
  assignment: TierAssignment;
  /** Its tier in the previous period ("new" without figures then); undefined when the feed has no previous period. */
  previousTier?: string;
  value: number;
  potential: number;
  valueBand: number;
  potentialBand: number;
}

/** One row per account shown, in feed order, with the tier and reason the account has in the whole feed, and its previous tier. */
export function tableRows(model: TierMatrixModel, previous: Uint8Array | undefined): TierMatrixRow[] {
  const { matrix, values, potentials } = model;
  return model.portfolio.assignments().map((assignment, i) => ({
    assignment,
    ...(previous ? { previousTier: previousTierText(previous[i]!) } : {}),
    value: values[i]!,
    potential: potentials[i]!,
    valueBand: matrix.value.bandOf[i]!,
    potentialBand: matrix.potential.bandOf[i]!,
  }));
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Account, tier, both bands (sorted low to high, no-data last), revenue, the measures, the reason. */
export function tableColumns(f: Formatters, model: TierMatrixModel, flaggedOf: (row: TierMatrixRow) => FlaggedAccount | undefined): TableColumn<TierMatrixRow>[] {
  const { matrix, valueNames, potentialNames } = model;
  const { valueField: value, potentialField: potential } = model.options;
  const previous = model.portfolio.periods().previous()?.label;
  const measure = (v: number, fmt: (n: number) => string) => (Number.isNaN(v) ? '—' : fmt(v));
  const measureSort = (v: number) => (Number.isNaN(v) ? undefined : v);
  const bandSort = (axis: BandAxis, b: number) => (axis.bands[b]!.missing ? undefined : b);
  const columns: TableColumn<TierMatrixRow>[] = [
    { id: 'name', label: 'Account', sortValue: (r) => r.assignment.account.name, cell: (r) => r.assignment.account.name },
    { id: 'tier', label: 'Tier', sortValue: (r) => TIER_ORDER.indexOf(r.assignment.tier), cell: (r) => `${r.assignment.tier}${r.assignment.given ? ' (given)' : ''}` },
    ...previousTierTableColumns(previous, (r: TierMatrixRow) => r.previousTier),
    { id: 'value-band', label: `Value band (${VALUE_LABEL[value]})`, sortValue: (r) => bandSort(matrix.value, r.valueBand), cell: (r) => valueNames[r.valueBand]! },
    { id: 'potential-band', label: `Potential band (${POTENTIAL_LABEL[potential]})`, sortValue: (r) => bandSort(matrix.potential, r.potentialBand), cell: (r) => potentialNames[r.potentialBand]! },
    { id: 'revenue', label: 'Revenue', numeric: true, sortValue: (r) => r.assignment.account.revenue, cell: (r) => f.money(r.assignment.account.revenue) },
  ];
  if (value !== 'revenue') {
    columns.push({ id: 'value', label: capitalized(VALUE_LABEL[value]), numeric: true, sortValue: (r) => measureSort(r.value), cell: (r) => measure(r.value, f.money) });
  }
  const potentialFormat = potential === 'impact' ? f.number : f.money;
  columns.push({ id: 'potential', label: capitalized(POTENTIAL_LABEL[potential]), numeric: true, sortValue: (r) => measureSort(r.potential), cell: (r) => measure(r.potential, potentialFormat) });
  if (model.roi.total.costAccounts > 0) {
    const { cost, roi } = model.roi;
    columns.push(
      { id: 'cost', label: 'Cost to serve', numeric: true, sortValue: (r) => measureSort(cost[r.assignment.index]!), cell: (r) => measure(cost[r.assignment.index]!, f.money) },
      { id: 'roi', label: 'ROI', numeric: true, sortValue: (r) => measureSort(roi[r.assignment.index]!), cell: (r) => measure(roi[r.assignment.index]!, f.percentShort) },
    );
  }
  columns.push(
    { id: 'reason', label: 'Why this tier', sortValue: (r) => r.assignment.reason.code, cell: (r) => tierReasonText(r.assignment.reason, f.moneyCompact, f.percent) },
    flagTableColumn(flaggedOf),
  );
  return columns;
}

/** Every figure of the feed plus tier, bands, cost to serve, ROI, red flags and reason; numbers unformatted (NaN: empty). Without a model: the headers. */
export function csvColumns(model: TierMatrixModel | undefined, flaggedOf: (row: TierMatrixRow) => FlaggedAccount | undefined): CsvColumn<TierMatrixRow>[] {
  // Headroom whatever the rows are banded by: potential − revenue, NaN without a potential.
  const headroom = (r: TierMatrixRow) => model && model.portfolio.columns.potential[r.assignment.index]! - model.portfolio.columns.revenue[r.assignment.index]!;
  return [
    { header: 'id', value: (r) => r.assignment.account.id },
    { header: 'name', value: (r) => r.assignment.account.name },
    { header: 'tier', value: (r) => r.assignment.tier },
    { header: 'tier_given', value: (r) => r.assignment.given },
    previousTierCsvColumn((r) => r.previousTier),
    { header: 'value_band', value: (r) => model?.valueNames[r.valueBand] },
    { header: 'potential_band', value: (r) => model?.potentialNames[r.potentialBand] },
    { header: 'revenue', value: (r) => r.assignment.account.revenue },
    { header: 'clv', value: (r) => r.assignment.account.clv },
    { header: 'profit', value: (r) => r.assignment.account.profit },
    { header: 'potential', value: (r) => r.assignment.account.potential },
    { header: 'headroom', value: headroom },
    { header: 'impact', value: (r) => r.assignment.account.impact },
    { header: 'effort', value: (r) => r.assignment.account.effort },
    { header: 'tier_reason', value: (r) => tierReasonText(r.assignment.reason) },
    { header: 'cost_to_serve', value: (r) => model?.roi.cost[r.assignment.index] },
    { header: 'roi', value: (r) => model?.roi.roi[r.assignment.index] },
    ...flagCsvColumns(flaggedOf),
  ];
}
