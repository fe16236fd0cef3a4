/**
 * The table view and CSV export of <kam-quadrant>: every shown account, plotted or not, with its
 * quadrant, effort, impact (and where the impact came from), revenue, tier (the portfolio's), its tier in
 * the previous period and red flags. The rows carry what the columns show, so the columns (and the CSV
 * header) need no model.
 */
import { QUADRANT_IDS, type QuadrantId } from '../../analysis/quadrant.js';
import { TIER_ORDER } from '../../analysis/tiers.js';
import { isNum } from '../../analysis/numbers.js';
import type { Account, Tier } from '../../feed/schema.js';
import { NO_TIER } from '../../feed/columns.js';
import type { FlaggedAccount } from '../../analysis/flags.js';
import type { TableColumn } from '../../internal/data-table.js';
import { flagCsvColumns, flagTableColumn } from '../../internal/flag-marks.js';
import { previousTierAt, previousTierCsvColumn, previousTierTableColumns, type PreviousTiers } from '../../internal/previous-tier.js';
import type { CsvColumn } from '../../internal/export.js';
import type { Formatters } from '../../internal/format.js';
import type { QuadrantModel } from './quadrant-model.js';
import { impactText, type QuadrantLabelOf } from './quadrant-text.js';

/** One row of the table view and the CSV: every shown account, plotted or not. */
export interface QuadrantRow {
  account: Account;
  /** The account's input index in the portfolio. */
  index: number;
  /** The account's point in the scatter, -1 when it is not plotted. */
  point: number;
  /** Its quadrant, impact (its own score, else growth headroom) and whether that is headroom; undefined when it is not plotted. */
  quadrant?: QuadrantId;
  impact?: number;
  headroom?: boolean;
  tier: Tier;
  /** Its tier in the previous period ("MGC", "new" without figures then); absent when the feed has no previous period. */
  previousTier?: string;
  /** With `show-previous`: its quadrant, effort and impact in the previous period (absent when unknown). */
  previous?: { quadrant: QuadrantId; effort: number; impact: number };
}

/** One row per account, in feed order, with its tier in the previous period when `previousTiers` is given. */
export function quadrantRows(model: QuadrantModel, previousTiers?: PreviousTiers): QuadrantRow[] {
  const { portfolio, pointOf, tiers, scatter, result } = model;
  return portfolio.accounts.map((account, i) => {
    const point = pointOf[i]!;
    const tier = TIER_ORDER[tiers.tierIndex[i]!]!;
    const previousTier = previousTierAt(previousTiers, i);
    if (point < 0) return { account, index: i, point, tier, previousTier };
    const row: QuadrantRow = { account, index: i, point, quadrant: QUADRANT_IDS[scatter.quadrant[point]!]!, impact: scatter.impact[point]!, headroom: result.pointOwnImpact[point] === 0, tier, previousTier };
    const then = model.trail?.quadrant[point];
    if (then !== undefined && then !== NO_TIER) row.previous = { quadrant: QUADRANT_IDS[then]!, effort: model.trail!.effort[point]!, impact: model.trail!.impact[point]! };
    return row;
  });
}

function quadrantOfRow(row: QuadrantRow, labelOf: QuadrantLabelOf): string {
  if (row.quadrant) return labelOf(row.quadrant);
  return isNum(row.account.effort) ? 'Not plotted: no impact or potential' : 'Not plotted: no effort data';
}

/** The previous period's label for each column that shows it: the quadrant (with `show-previous`), the tier (with history). */
export interface PreviousColumns {
  quadrant?: string;
  tier?: string;
}

export function quadrantTableColumns(
  labelOf: QuadrantLabelOf,
  f: Formatters,
  { quadrant: previous, tier: tierPeriod }: PreviousColumns = {},
  flaggedOf: (row: QuadrantRow) => FlaggedAccount | undefined = () => undefined,
): TableColumn<QuadrantRow>[] {
  const before: TableColumn<QuadrantRow>[] = previous
    ? [{ id: 'previous-quadrant', label: `Quadrant in ${previous}`, sortValue: (r) => (r.previous ? QUADRANT_IDS.indexOf(r.previous.quadrant) : 9), cell: (r) => (r.previous ? labelOf(r.previous.quadrant) : '–') }]
    : [];
  return [
    { id: 'name', label: 'Account', sortValue: (r) => r.account.name, cell: (r) => r.account.name },
    {
      id: 'quadrant',
      label: 'Quadrant',
      // Plotted accounts in quadrant order, the ones not plotted last.
      sortValue: (r) => (r.quadrant ? QUADRANT_IDS.indexOf(r.quadrant) : 9),
      cell: (r) => quadrantOfRow(r, labelOf),
    },
    ...before,
    { id: 'effort', label: 'Effort', numeric: true, sortValue: (r) => r.account.effort, cell: (r) => (isNum(r.account.effort) ? f.number(r.account.effort) : '–') },
    { id: 'impact', label: 'Impact', numeric: true, sortValue: (r) => r.impact, cell: (r) => impactText(r.impact, r.headroom === true, f) },
    { id: 'revenue', label: 'Revenue', numeric: true, sortValue: (r) => r.account.revenue, cell: (r) => f.money(r.account.revenue) },
    { id: 'tier', label: 'Tier', sortValue: (r) => TIER_ORDER.indexOf(r.tier), cell: (r) => r.tier },
    ...previousTierTableColumns(tierPeriod, (r: QuadrantRow) => r.previousTier),
    flagTableColumn(flaggedOf),
  ];
}

export function quadrantCsvColumns(
  labelOf: QuadrantLabelOf,
  withPrevious = false,
  flaggedOf: (row: QuadrantRow) => FlaggedAccount | undefined = () => undefined,
): CsvColumn<QuadrantRow>[] {
  const before: CsvColumn<QuadrantRow>[] = withPrevious
    ? [
        { header: 'previous_quadrant_id', value: (r) => r.previous?.quadrant ?? '' },
        { header: 'previous_effort', value: (r) => r.previous?.effort },
        { header: 'previous_impact', value: (r) => r.previous?.impact },
      ]
    : [];
  return [
    { header: 'id', value: (r) => r.account.id },
    { header: 'name', value: (r) => r.account.name },
    { header: 'quadrant_id', value: (r) => r.quadrant ?? '' },
    { header: 'quadrant', value: (r) => quadrantOfRow(r, labelOf) },
    { header: 'effort', value: (r) => r.account.effort },
    { header: 'impact', value: (r) => r.impact },
    { header: 'impact_source', value: (r) => (r.impact === undefined ? undefined : r.headroom ? 'headroom' : 'impact') },
    { header: 'revenue', value: (r) => r.account.revenue },
    { header: 'tier', value: (r) => r.tier },
    previousTierCsvColumn((r) => r.previousTier),
    ...before,
    ...flagCsvColumns(flaggedOf),
  ];
}
