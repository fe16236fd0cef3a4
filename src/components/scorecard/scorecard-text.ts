/**
 * The scorecard's words and numbers (no DOM): KPI values in their unit, signed changes, status labels,
 * and the base sentence that traces each figure to the accounts it was computed over
 * ("87.5% = 35 of 40 accounts active last period are still active"), and the sentences about the whole
 * scorecard and a tile: whose KPIs they are, the status counts, a tile in the summary and as announced.
 */
import type { Kpi, KpiUnit } from '../../analysis/kpis.js';
import { describeFilter, parseFilter } from '../../feed/filter.js';
import type { Formatters } from '../../internal/format.js';
import { periodName } from '../../internal/period-words.js';
import type { KpiChange, TileStatus } from './scorecard-status.js';

/** Status words and icons: the icon's shape and the word carry the status, colour only repeats it. */
export const STATUS_TEXT: Readonly<Record<TileStatus, { icon: string; label: string }>> = {
  'on-track': { icon: '✓', label: 'On track' },
  'at-risk': { icon: '!', label: 'At risk' },
  'off-track': { icon: '✕', label: 'Off track' },
  'no-target': { icon: '', label: 'No target' },
  'not-available': { icon: '', label: 'Not available' },
};

/** The arrow of a change, by its direction; the words next to it ("better", "worse") carry the meaning. */
export const CHANGE_ARROWS: Readonly<Record<KpiChange['direction'], string>> = { up: '▲', down: '▼', flat: '▶' };

/** What the tooltip and the detail say of a KPI that has a value but no previous one. */
export const NO_PREVIOUS_TEXT = 'No previous value';

/** Short labels for the compact strip. */
export const SHORT_LABELS: Readonly<Record<string, string>> = {
  'revenue-growth': 'Growth',
  retention: 'Retention',
  churn: 'Churn',
  nrr: 'NRR',
  nps: 'NPS',
  csat: 'CSAT',
  clv: 'CLV',
  upsell: 'Up-sell',
  referenceable: 'Referenceable',
  'top20-share': 'Top 20%',
  roi: 'ROI',
};

/** A count with its noun: "1 account", "40 accounts". */
export function plural(count: number, noun: string, format: Formatters): string {
  return `${format.integer(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** A KPI value in its unit: percent with one decimal, money compact (or whole with `full`), NPS signed. */
export function formatKpiValue(unit: KpiUnit, value: number, format: Formatters, full = false): string {
  switch (unit) {
    case 'percent':
      return format.percent(value);
    case 'currency':
      return full ? format.money(value) : format.moneyCompact(value);
    case 'score':
      return format.signedInteger(value);
    default:
      return format.number(value);
  }
}

const oneDecimal = new Map<string, Intl.NumberFormat>();

/** A change in percentage points with one decimal, unsigned: 0.0123 -> "1.2". */
function points(delta: number, locale: string): string {
  let formatter = oneDecimal.get(locale);
  if (!formatter) oneDecimal.set(locale, (formatter = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return formatter.format(Math.abs(delta) * 100);
}

function magnitude(unit: KpiUnit, delta: number, format: Formatters): string {
  if (unit === 'percent') return points(delta, format.locale);
  if (unit === 'currency') return format.moneyCompact(Math.abs(delta));
  if (unit === 'score') return format.integer(Math.abs(delta));
  return format.number(Math.abs(delta));
}

/** The change as shown on a tile: "+1.2 pp", "−$300K", "+5"; "±0" when unchanged. */
export function formatDelta(unit: KpiUnit, change: KpiChange, format: Formatters): string {
  if (change.direction === 'flat') return '±0';
  const sign = change.direction === 'up' ? '+' : '−';
  return `${sign}${magnitude(unit, change.delta, format)}${unit === 'percent' ? ' pp' : ''}`;
}

/** The change in words, for announcements and the detail: "down 0.4 percentage points, better". */
export function deltaWords(unit: KpiUnit, change: KpiChange, format: Formatters): string {
  if (change.direction === 'flat') return 'unchanged';
  const amount = `${magnitude(unit, change.delta, format)}${unit === 'percent' ? ' percentage points' : unit === 'score' ? ' points' : ''}`;
  return `${change.direction} ${amount}, ${change.verdict}`;
}

/** Where the figure comes from, in one short line for the tile: "35 of 40 accounts". */
export function baseShort(kpi: Kpi, format: Formatters): string {
  if (!kpi.available) return kpi.unavailableReason ?? 'Not available.';
  const base = kpi.base;
  if (kpi.source === 'feed' || !base) return 'Reported in the feed';
  const money = (n: number) => format.moneyCompact(n);
  switch (kpi.id) {
    case 'revenue-growth':
      return `${plural(base.accounts, 'account', format)}, ${money(base.numerator)} vs ${money(base.denominator)}`;
    case 'nrr':
      return `${plural(base.accounts, 'account', format)}, ${money(base.numerator)} of ${money(base.denominator)}`;
    case 'top20-share':
      return `Top ${plural(base.accounts, 'account', format)}, ${money(base.numerator)} of ${money(base.denominator)}`;
    case 'nps':
      return plural(base.denominator, 'respondent', format);
    case 'clv':
      return `${plural(base.denominator, 'account', format)} with a CLV`;
    case 'roi':
      return `${plural(base.accounts, 'account', format)}, ${money(base.numerator)} on ${money(base.denominator)}`;
    default:
      return base.unit === 'accounts'
        ? `${format.integer(base.numerator)} of ${plural(base.denominator, 'account', format)}`
        : plural(base.accounts, 'account', format);
  }
}

/** The value traced to its base, in words: "87.5% = 35 of 40 accounts active last period are still active." */
export function baseSentence(kpi: Kpi, format: Formatters): string {
  if (!kpi.available || kpi.value === null) return `Not available: ${kpi.unavailableReason ?? 'no value.'}`;
  const base = kpi.base;
  if (kpi.source === 'feed' || !base) return 'Reported in the feed: measured outside this dashboard, so no account base is shown.';
  const v = formatKpiValue(kpi.unit, kpi.value, format, true);
  const n = format.integer(base.numerator);
  const of = `${n} of ${plural(base.denominator, 'account', format)}`;
  const money = (x: number) => format.money(x);
  const accounts = plural(base.accounts, 'account', format);
  switch (kpi.id) {
    case 'revenue-growth':
      return `${v} = ${money(base.numerator)} ÷ ${money(base.denominator)} − 1: this period's revenue over last period's, for the ${accounts} with a previous revenue.`;
    case 'retention':
      return `${v} = ${of} active last period ${base.numerator === 1 ? 'is' : 'are'} still active.`;
    case 'churn':
      return `${v} = ${of} active last period ${base.numerator === 1 ? 'has' : 'have'} no revenue this period.`;
    case 'nrr':
      return `${v} = ${money(base.numerator)} ÷ ${money(base.denominator)}: this period's revenue of the ${accounts} active last period over their previous revenue.`;
    case 'nps': {
      const p = kpi.parts ?? {};
      return `${v} = (${plural(p.promoters ?? 0, 'promoter', format)} − ${plural(p.detractors ?? 0, 'detractor', format)}) ÷ ${plural(base.denominator, 'respondent', format)} × 100.`;
    }
    case 'csat':
      return `${v} = ${of} with a rating ${base.numerator === 1 ? 'is' : 'are'} satisfied (4 or 5).`;
    case 'clv':
      return `${v} = ${money(base.numerator)} total CLV ÷ ${plural(base.denominator, 'account', format)} with a CLV.`;
    case 'upsell': {
      const unrecorded = kpi.parts?.unrecorded ?? 0;
      const left = unrecorded ? ` ${plural(unrecorded, 'account', format)} with revenue but no expanded value ${unrecorded === 1 ? 'is' : 'are'} left out.` : '';
      return `${v} = ${of} with revenue and an expanded value expanded.${left}`;
    }
    case 'referenceable':
      return `${v} = ${of} where it is recorded ${base.numerator === 1 ? 'is' : 'are'} referenceable.`;
    case 'top20-share':
      return `${v} = ${money(base.numerator)} of ${money(base.denominator)} revenue, held by the top ${accounts} (20%).`;
    case 'roi':
      return `${v} = ${money(base.numerator)} profit ÷ ${money(base.denominator)} cost to serve, over the ${accounts} with both figures.`;
    default:
      return `${v} over ${accounts}.`;
  }
}

/** How the status is decided for this target, in words (for the detail). */
export function statusRule(better: Kpi['better'], targetText: string, limitText: string, tolerance: number, format: Formatters): string {
  const within = `within ${format.percent(tolerance)} of the target`;
  return better === 'higher'
    ? `On track at ${targetText} or more; at risk from ${limitText} (${within}); off track below ${limitText}.`
    : `On track at ${targetText} or less; at risk up to ${limitText} (${within}); off track above ${limitText}.`;
}

/** The previous value in words, for the detail: "14.3% in 2026-Q2 (up 5.7 percentage points, better)". */
export function previousWords(tile: { previousText?: string; deltaWords?: string; previousNote?: string; kpi?: { previousPeriod?: string } }): string {
  const period = tile.kpi?.previousPeriod ? ` in ${periodName(tile.kpi.previousPeriod)}` : '';
  if (tile.previousText) return `${tile.previousText}${period} (${tile.deltaWords})`;
  if (tile.previousNote) return `${NO_PREVIOUS_TEXT}. ${tile.previousNote}`;
  return 'None: the KPI has no value.';
}

/** A tile in the summary: "Logo retention 96.6%, on track (target 95.0%)". */
export function tileItem(tile: { label: string; status: TileStatus; valueText: string; statusLabel: string; targetText?: string }): string {
  const targetPart = tile.targetText ? ` (target ${tile.targetText})` : '';
  if (tile.status === 'not-available') return `${tile.label} not available${targetPart}`;
  return `${tile.label} ${tile.valueText}, ${tile.status === 'no-target' ? 'no target' : `${tile.statusLabel.toLowerCase()}${targetPart}`}`;
}

/** What the live region says when the keyboard reaches a tile: the tile, its change, and where it is ("2 of 10"). */
export function tileAnnouncement(tile: { item: string; deltaWords?: string }, index: number, count: number): string {
  return `${tile.item}${tile.deltaWords ? `; ${tile.deltaWords}` : ''}. ${index + 1} of ${count}.`;
}

function filterWords(filter: string | undefined): string {
  if (!filter) return '';
  try {
    return ` in ${describeFilter(parseFilter(filter))}`;
  } catch {
    return ` matching "${filter}"`; // an invalid filter never gets here (the element shows an error), but stay safe
  }
}

/** Whose KPIs these are. */
export interface ScopeWords {
  /** Accounts shown (after the filter). */
  shown: number;
  /** Ids selected, also those the filter leaves out (0: no selection). */
  selection: number;
  /** Selected accounts among those shown. */
  selected: number;
  /** The filter in force, as written. */
  filter: string | undefined;
}

/** "KPIs of all 250 accounts", "KPIs of 2 of 3 selected accounts in segment SMB", "KPIs reported in the feed". */
export function scopeText({ shown, selection, selected, filter }: ScopeWords, format: Formatters): string {
  const filtered = filterWords(filter);
  if (selection > 0) {
    if (selected === selection) return `KPIs of ${plural(selection, 'selected account', format)}${filtered}`;
    return `KPIs of ${format.integer(selected)} of ${plural(selection, 'selected account', format)}${filtered}`;
  }
  if (filtered) return `KPIs of ${plural(shown, 'account', format)}${filtered}`;
  if (shown === 0) return 'KPIs reported in the feed';
  return shown === 1 ? 'KPIs of the 1 account' : `KPIs of all ${plural(shown, 'account', format)}`;
}

/** The status counts: "2 on track, 1 at risk, 3 without a target", or "4 KPIs, no targets set". */
export function countsText(statuses: readonly TileStatus[]): string {
  const count = (status: TileStatus) => statuses.filter((s) => s === status).length;
  const parts: string[] = [];
  for (const status of ['on-track', 'at-risk', 'off-track'] as const) {
    const n = count(status);
    if (n) parts.push(`${n} ${STATUS_TEXT[status].label.toLowerCase()}`);
  }
  const open = count('no-target');
  const missing = count('not-available');
  if (parts.length === 0) parts.push(`${statuses.length} KPI${statuses.length === 1 ? '' : 's'}, no targets set`);
  else if (open) parts.push(`${open} without a target`);
  if (missing) parts.push(`${missing} not available`);
  return parts.join(', ');
}

/** The key help of the tiles, read as the plot's description. */
export const KEYS = "Arrow keys move between the tiles, Home and End jump, Enter or Space opens a tile's detail, Escape closes it.";
