/**
 * The scorecard as rows: the columns of its table view (formatted texts, one row per tile) and of its
 * CSV export (id, label, value, previous, previous_period, target, status, definition; numbers unformatted).
 */
import type { TableColumn } from '../../internal/data-table.js';
import type { CsvColumn } from '../../internal/export.js';
import type { Tile } from './scorecard-model.js';

function changeCell(tile: Tile): string {
  return tile.change ? `${tile.deltaText} (${tile.change.verdict})` : '–';
}

export const TABLE_COLUMNS: readonly TableColumn<Tile>[] = [
  { id: 'kpi', label: 'KPI', sortValue: (t) => t.label, cell: (t) => t.label },
  { id: 'value', label: 'Value', numeric: true, sortValue: (t) => t.value ?? undefined, cell: (t) => t.valueText },
  { id: 'change', label: 'Change', numeric: true, sortValue: (t) => t.change?.delta, cell: changeCell },
  { id: 'target', label: 'Target', numeric: true, sortValue: (t) => t.target, cell: (t) => t.targetText ?? '–' },
  { id: 'status', label: 'Status', sortValue: (t) => t.statusLabel, cell: (t) => t.statusLabel },
  { id: 'base', label: 'Base', sortValue: (t) => t.baseSentence, cell: (t) => t.baseSentence },
];

export const CSV_COLUMNS: readonly CsvColumn<Tile>[] = [
  { header: 'id', value: (t) => t.id },
  { header: 'label', value: (t) => t.label },
  { header: 'value', value: (t) => t.value },
  { header: 'previous', value: (t) => t.kpi.previous },
  { header: 'previous_period', value: (t) => t.kpi.previousPeriod },
  { header: 'target', value: (t) => t.target },
  { header: 'status', value: (t) => t.status },
  { header: 'definition', value: (t) => t.kpi.definition },
];
