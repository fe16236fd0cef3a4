/**
 * The table view and CSV export of <kam-quadrant>: every account of the feed, plotted or not, with its
 * quadrant, effort, impact (and where the impact came from), revenue and tier.
 */
import { QUADRANT_IDS } from '../../analysis/quadrant.js';
import { TIER_ORDER } from '../../analysis/tiers.js';
import { isNum } from '../../analysis/numbers.js';
import type { Account, Tier } from '../../feed/schema.js';
import type { TableColumn } from '../../internal/data-table.js';
import type { CsvColumn } from '../../internal/export.js';
import type { Formatters } from '../../internal/format.js';
import type { QuadrantModel } from './quadrant-model.js';
import { impactText, type QuadrantLabelOf } from './quadrant-text.js';

/** One row of the table view and the CSV: every account of the feed, plotted or not. */
export interface QuadrantRow {
  account: Account;
  /** The account's point in the scatter, -1 when it is not plotted. */
  point: number;
  tier: Tier;
}

/** One row per account, in feed order. */
export function quadrantRows(model: QuadrantModel): QuadrantRow[] {
  const pointOf = new Int32Array(model.feed.accounts.length).fill(-1);
  for (let k = 0; k < model.scatter.count; k++) pointOf[model.scatter.account[k]!] = k;
  return model.feed.accounts.map((account, i) => ({ account, point: pointOf[i]!, tier: TIER_ORDER[model.tiers.tierIndex[i]!]! }));
}

function quadrantOfRow(model: QuadrantModel, row: QuadrantRow, labelOf: QuadrantLabelOf): string {
  if (row.point >= 0) return labelOf(QUADRANT_IDS[model.scatter.quadrant[row.point]!]!);
  return isNum(row.account.effort) ? 'Not plotted: no impact or potential' : 'Not plotted: no effort data';
}

const impactOf = (model: QuadrantModel, row: QuadrantRow) => (row.point >= 0 ? model.scatter.impact[row.point] : undefined);

export function quadrantTableColumns(model: QuadrantModel, labelOf: QuadrantLabelOf, f: Formatters): TableColumn<QuadrantRow>[] {
  return [
    { id: 'name', label: 'Account', sortValue: (r) => r.account.name, cell: (r) => r.account.name },
    {
      id: 'quadrant',
      label: 'Quadrant',
      // Plotted accounts in quadrant order, the ones not plotted last.
      sortValue: (r) => (r.point >= 0 ? model.scatter.quadrant[r.point] : 9),
      cell: (r) => quadrantOfRow(model, r, labelOf),
    },
    { id: 'effort', label: 'Effort', numeric: true, sortValue: (r) => r.account.effort, cell: (r) => (isNum(r.account.effort) ? f.number(r.account.effort) : '–') },
    { id: 'impact', label: 'Impact', numeric: true, sortValue: (r) => impactOf(model, r), cell: (r) => impactText(model.result, model.scatter, r.point, f) },
    { id: 'revenue', label: 'Revenue', numeric: true, sortValue: (r) => r.account.revenue, cell: (r) => f.money(r.account.revenue) },
    { id: 'tier', label: 'Tier', sortValue: (r) => TIER_ORDER.indexOf(r.tier), cell: (r) => r.tier },
  ];
}

export function quadrantCsvColumns(model: QuadrantModel, labelOf: QuadrantLabelOf): CsvColumn<QuadrantRow>[] {
  return [
    { header: 'id', value: (r) => r.account.id },
    { header: 'name', value: (r) => r.account.name },
    { header: 'quadrant_id', value: (r) => (r.point >= 0 ? QUADRANT_IDS[model.scatter.quadrant[r.point]!] : '') },
    { header: 'quadrant', value: (r) => quadrantOfRow(model, r, labelOf) },
    { header: 'effort', value: (r) => r.account.effort },
    { header: 'impact', value: (r) => impactOf(model, r) },
    { header: 'impact_source', value: (r) => (r.point < 0 ? undefined : model.result.pointOwnImpact[r.point] ? 'impact' : 'headroom') },
    { header: 'revenue', value: (r) => r.account.revenue },
    { header: 'tier', value: (r) => r.tier },
  ];
}
