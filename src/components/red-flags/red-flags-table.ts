/**
 * The red flags as rows: the table view (every listed account with its severity, tier, revenue, flag
 * types and the flags as sentences, sortable) and the CSV export (the same accounts, one row each, the
 * flag types and sentences joined with "; ", revenue unformatted).
 */
import { FLAG_META, SEVERITIES } from '../../analysis/flags.js';
import { TIER_ORDER } from '../../analysis/tiers.js';
import type { TableColumn } from '../../internal/data-table.js';
import type { CsvColumn } from '../../internal/export.js';
import type { Formatters } from '../../internal/format.js';
import type { FlagItem, RedFlagsModel } from './red-flags-model.js';
import { SEVERITY_TEXT } from './red-flags-text.js';
import { flagSentence } from '../../internal/flag-marks.js';

/** One table and CSV row: a listed account. */
export interface RedFlagsRow {
  item: FlagItem;
  /** Its tier ("MVC"), as the whole feed has it. */
  tier: string;
}

export function tableRows(model: RedFlagsModel): RedFlagsRow[] {
  const { tierIndex } = model.portfolio.tiers();
  return model.items.map((item) => ({ item, tier: TIER_ORDER[tierIndex[item.index]!] ?? '' }));
}

const typesOf = (row: RedFlagsRow) => row.item.flags.map((flag) => FLAG_META[flag.type].label).join('; ');

/** Account, severity (sorted most severe first), tier, revenue, types, the flags in words. */
export function tableColumns(f: Formatters): TableColumn<RedFlagsRow>[] {
  return [
    { id: 'name', label: 'Account', sortValue: (r) => r.item.account.name, cell: (r) => r.item.account.name },
    { id: 'severity', label: 'Severity', sortValue: (r) => SEVERITIES.indexOf(r.item.severity), cell: (r) => `${SEVERITY_TEXT[r.item.severity].icon} ${SEVERITY_TEXT[r.item.severity].label}` },
    { id: 'tier', label: 'Tier', sortValue: (r) => TIER_ORDER.indexOf(r.tier as (typeof TIER_ORDER)[number]), cell: (r) => r.tier },
    { id: 'revenue', label: 'Revenue', numeric: true, sortValue: (r) => r.item.account.revenue, cell: (r) => f.money(r.item.account.revenue) },
    { id: 'types', label: 'Flags', sortValue: typesOf, cell: typesOf },
    { id: 'reasons', label: 'Why', sortValue: (r) => r.item.flags.length, cell: (r) => r.item.flags.map((flag) => flagSentence(flag, f)).join(' ') },
  ];
}

/** Every listed account: revenue unformatted, the flag types by id, the sentences in the widget's locale (as shown). */
export function csvColumns(f: Formatters): CsvColumn<RedFlagsRow>[] {
  return [
    { header: 'id', value: (r) => r.item.account.id },
    { header: 'name', value: (r) => r.item.account.name },
    { header: 'severity', value: (r) => r.item.severity },
    { header: 'tier', value: (r) => r.tier },
    { header: 'revenue', value: (r) => r.item.account.revenue },
    { header: 'flags', value: (r) => r.item.flags.map((flag) => flag.type).join('; ') },
    { header: 'reasons', value: (r) => r.item.flags.map((flag) => flagSentence(flag, f)).join(' ') },
  ];
}
