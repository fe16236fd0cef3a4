/**
 * Builds what the scorecard draws (no DOM): the scope the KPIs are derived over, one tile per KPI with
 * its formatted texts, the headline, the summary sentence and the notes.
 *
 * Decisions:
 * - Scope: the accounts come already narrowed by the element's `filter` (the shared feed filter). With a
 *   selection, the KPIs are derived over the selected accounts among them, else over all of them.
 * - KPIs reported in the feed (overrides) describe every account, so they are applied only to the
 *   unscoped view; a filtered or selection view derives each KPI from its accounts and says so in a note.
 *   Their targets still apply (a target is the programme's goal for the KPI, whatever the scope).
 * - Targets: the `targets` attribute/property wins over a target reported in the feed.
 * - A feed with no accounts but KPI overrides shows those KPIs ("KPIs reported in the feed"), with one
 *   note instead of a "not available" line for each KPI derived from accounts.
 */
import type { Account, KpiOverride } from '../../feed/schema.js';
import { KPI_IDS, deriveKpis, revenueHistory, type Kpi } from '../../analysis/kpis.js';
import type { Formatters } from '../../internal/format.js';
import type { KamKpiSelectDetail } from '../../internal/events.js';
import { describeFilter, parseFilter } from '../../feed/filter.js';
import {
  chooseKpis,
  kpiChange,
  kpiStatus,
  atRiskLimit,
  sparkline,
  type KpiChange,
  type Sparkline,
  type Targets,
  type TileStatus,
} from './scorecard-model.js';
import { SHORT_LABELS, STATUS_TEXT, baseSentence, baseShort, deltaWords, formatDelta, formatKpiValue, plural } from './scorecard-text.js';

export interface ScorecardInput {
  /** The feed's accounts (after the element's filter). */
  accounts: readonly Account[];
  /** The feed's KPI overrides. */
  overrides: readonly KpiOverride[];
  /** How many accounts are selected (ids, also those the filter leaves out); 0 when nothing is. */
  selectionSize: number;
  /** The selected accounts among `accounts`. */
  selected: readonly Account[];
  /** The filter in force, as written ("segment:Corporate"), or undefined. */
  filter: string | undefined;
  /** KPI ids in order, or undefined for every available KPI. */
  ids: readonly string[] | undefined;
  targets: Targets;
  tolerance: number;
  format: Formatters;
  /** The feed's period labels: `previous` lets revenue growth take its previous value from account histories. */
  periods?: { previous?: string | undefined };
}

export interface Tile {
  kpi: Kpi;
  id: string;
  label: string;
  shortLabel: string;
  value: number | null;
  target?: number;
  targetSource?: 'attribute' | 'feed';
  status: TileStatus;
  /** Where "at risk" turns into "off track" (only with a target). */
  limit?: number;
  change?: KpiChange;
  valueText: string;
  /** The value with money in full, for the detail. */
  fullValueText: string;
  targetText?: string;
  limitText?: string;
  previousText?: string;
  /** Why a KPI with a value has no previous one (then the tile says "No previous value"). */
  previousNote?: string;
  deltaText?: string;
  deltaWords?: string;
  statusLabel: string;
  statusIcon: string;
  baseShort: string;
  baseSentence: string;
  /** "Logo retention 96.6%, on track (target 95.0%)": the tile in the summary and announcements. */
  item: string;
  /** Sparkline in a 100 × 24 box, when the KPI has at least two past values. */
  spark?: Sparkline;
}

export interface Scorecard {
  /** The accounts the KPIs were derived over. */
  accounts: readonly Account[];
  /** True when a filter or a selection narrows the accounts. */
  scoped: boolean;
  tiles: Tile[];
  /** Available-by-default KPIs left out because they are not available. */
  hidden: Kpi[];
  /** "KPIs of all 250 accounts: 2 on track, 1 at risk." */
  headline: string;
  /** The headline followed by every KPI with its value and status: the accessible name. */
  summary: string;
  notes: string[];
}

export const SPARK_WIDTH = 100;
export const SPARK_HEIGHT = 24;

function filterWords(filter: string | undefined): string {
  if (!filter) return '';
  try {
    return ` in ${describeFilter(parseFilter(filter))}`;
  } catch {
    return ` matching "${filter}"`; // an invalid filter never gets here (the element shows an error), but stay safe
  }
}

function scopeText(input: ScorecardInput, scoped: readonly Account[]): string {
  const { accounts, selectionSize, filter, format } = input;
  const filtered = filterWords(filter);
  if (selectionSize > 0) {
    if (scoped.length === selectionSize) return `KPIs of ${plural(selectionSize, 'selected account', format)}${filtered}`;
    return `KPIs of ${format.integer(scoped.length)} of ${plural(selectionSize, 'selected account', format)}${filtered}`;
  }
  if (filtered) return `KPIs of ${plural(accounts.length, 'account', format)}${filtered}`;
  if (accounts.length === 0) return 'KPIs reported in the feed';
  return accounts.length === 1 ? 'KPIs of the 1 account' : `KPIs of all ${plural(accounts.length, 'account', format)}`;
}

function countsText(tiles: readonly Tile[]): string {
  const count = (status: TileStatus) => tiles.filter((t) => t.status === status).length;
  const parts: string[] = [];
  for (const status of ['on-track', 'at-risk', 'off-track'] as const) {
    const n = count(status);
    if (n) parts.push(`${n} ${STATUS_TEXT[status].label.toLowerCase()}`);
  }
  const open = count('no-target');
  const missing = count('not-available');
  if (parts.length === 0) parts.push(`${tiles.length} KPI${tiles.length === 1 ? '' : 's'}, no targets set`);
  else if (open) parts.push(`${open} without a target`);
  if (missing) parts.push(`${missing} not available`);
  return parts.join(', ');
}

/** A stand-in for a KPI id that neither deriveKpis nor the feed has (or, in a scoped view, only the feed has). */
function missingKpi(id: string, override: KpiOverride | undefined): Kpi {
  const reason = override
    ? 'Reported in the feed for all accounts only, so it cannot be shown for a filter or a selection.'
    : `No KPI with this id: the feed does not report it, and the scorecard derives only ${KPI_IDS.join(', ')}.`;
  return {
    id,
    label: override?.label ?? id,
    value: null,
    available: false,
    unavailableReason: reason,
    unit: override?.unit ?? 'number',
    better: override?.better ?? 'higher',
    definition: override ? 'Reported in the feed (measured outside this dashboard).' : 'Unknown KPI.',
    formula: override ? 'reported in the feed' : '',
    source: 'feed',
  };
}

/**
 * The target to draw on the sparkline: only when the history is in the same terms as the value. Derived
 * revenue growth has a history of period-over-period growth, which a target for the whole period does
 * not apply to.
 */
export function trendTarget(kpi: Kpi, target: number | undefined): number | undefined {
  return kpi.source === 'feed' ? target : undefined;
}

function buildTile(kpi: Kpi, input: ScorecardInput, feedTarget: number | undefined): Tile {
  const { format, targets, tolerance } = input;
  const attributeTarget = targets.byId.get(kpi.id);
  const target = attributeTarget ?? feedTarget;
  const status = kpiStatus(kpi.value, target, kpi.better, tolerance);
  const change = kpiChange(kpi.value, kpi.previous, kpi.better);
  const text = (v: number) => formatKpiValue(kpi.unit, v, format);
  const tile: Tile = {
    kpi,
    id: kpi.id,
    label: kpi.label,
    shortLabel: Object.hasOwn(SHORT_LABELS, kpi.id) ? SHORT_LABELS[kpi.id]! : kpi.label, // a feed's custom id may be "constructor"
    value: kpi.value,
    status,
    valueText: kpi.value === null ? 'Not available' : text(kpi.value),
    fullValueText: kpi.value === null ? 'Not available' : formatKpiValue(kpi.unit, kpi.value, format, true),
    statusLabel: STATUS_TEXT[status].label,
    statusIcon: STATUS_TEXT[status].icon,
    baseShort: baseShort(kpi, format),
    baseSentence: baseSentence(kpi, format),
    item: '',
  };
  if (target !== undefined) {
    tile.target = target;
    tile.targetSource = attributeTarget !== undefined ? 'attribute' : 'feed';
    tile.targetText = text(target);
    tile.limit = atRiskLimit(target, kpi.better, tolerance);
    tile.limitText = text(tile.limit);
  }
  if (kpi.previous !== undefined) tile.previousText = text(kpi.previous);
  else if (kpi.value !== null) tile.previousNote = kpi.previousUnavailableReason ?? 'No previous value is known.';
  if (change) {
    tile.change = change;
    tile.deltaText = formatDelta(kpi.unit, change, format);
    tile.deltaWords = deltaWords(kpi.unit, change, format);
  }
  if (kpi.history) {
    const spark = sparkline(kpi.history, SPARK_WIDTH, SPARK_HEIGHT, trendTarget(kpi, target));
    if (spark) tile.spark = spark;
  }
  const targetPart = tile.targetText ? ` (target ${tile.targetText})` : '';
  tile.item =
    status === 'not-available'
      ? `${kpi.label} not available${targetPart}`
      : `${kpi.label} ${tile.valueText}, ${status === 'no-target' ? 'no target' : `${tile.statusLabel.toLowerCase()}${targetPart}`}`;
  return tile;
}

/** The accounts in scope and their KPIs: the costly part of a scorecard, which targets, tolerance, kpis and format do not change. */
export interface ScorecardScope {
  accounts: readonly Account[];
  scoped: boolean;
  kpis: readonly Kpi[];
}

export function scorecardScope(input: Pick<ScorecardInput, 'accounts' | 'overrides' | 'selected' | 'selectionSize' | 'filter' | 'periods'>): ScorecardScope {
  const scoped = input.selectionSize > 0 || !!input.filter;
  const accounts = input.selectionSize > 0 ? input.selected : input.accounts;
  const periods = input.periods ?? {};
  return { accounts, scoped, kpis: deriveKpis(accounts, scoped ? { periods } : { overrides: input.overrides, periods }) };
}

/** The scorecard for `input`; pass the scope of the same accounts, overrides and periods to skip deriving the KPIs again. */
export function buildScorecard(input: ScorecardInput, scope: ScorecardScope = scorecardScope(input)): Scorecard {
  const { accounts, overrides, ids, targets } = input;
  const { scoped, accounts: scopedAccounts, kpis: all } = scope;
  const overrideById = new Map(overrides.map((o) => [o.id, o])); // last one wins, as in deriveKpis
  const chosen = chooseKpis(all, ids, (id) => missingKpi(id, overrideById.get(id)));
  const { shown } = chosen;
  // With no accounts at all, every derived KPI is missing for the same reason: one note says it.
  const feedOnly = accounts.length === 0 && !scoped;
  const hidden = feedOnly ? [] : chosen.hidden;
  const tiles = shown.map((kpi) => buildTile(kpi, input, overrideById.get(kpi.id)?.target));

  const headline = `${scopeText(input, scopedAccounts)}: ${countsText(tiles)}.`;
  const listed = tiles.map((t) => t.item).join('; ');
  const unlisted = hidden.length ? ` Not available: ${hidden.map((k) => k.label).join(', ')}.` : '';
  const notes: string[] = [];
  if (feedOnly && !ids) notes.push('The feed has no accounts, so only the KPIs it reports are shown.');
  if (scoped && overrides.length > 0) {
    notes.push("KPIs reported in the feed cover every account, so this view derives each KPI from these accounts' own data.");
  }
  if (targets.ignored.length) {
    notes.push(`Targets ignored: ${targets.ignored.map((e) => `"${e}"`).join(', ')} (write id:number, e.g. nps:50,churn:0.05).`);
  }
  return { accounts: scopedAccounts, scoped, tiles, hidden, headline, summary: `${headline} ${listed}.${unlisted}`, notes };
}

/** The detail of kam-kpi-select (a KPI that is not available has status "not-available" and value null). */
export function selectDetail(tile: Tile): KamKpiSelectDetail {
  return { id: tile.id, value: tile.value, target: tile.target ?? null, status: tile.status };
}

export interface HistoryRow {
  label: string;
  value: string;
}

/**
 * The KPI's past values for the detail table, oldest first. Derived revenue growth is period-over-period
 * growth of the accounts' summed history, so its rows are labelled with the periods they compare.
 */
export function historyRows(tile: Tile, accounts: readonly Account[], format: Formatters): HistoryRow[] {
  const history = tile.kpi.history ?? [];
  const n = history.length;
  const value = (v: number) => formatKpiValue(tile.kpi.unit, v, format);
  if (tile.id === 'revenue-growth' && tile.kpi.source === 'derived') {
    const periods = revenueHistory(accounts).map((p) => p.period);
    const first = periods.length - n; // the growth series covers the last n periods
    return history.map((v, i) => ({ label: `${periods[first + i - 1] ?? '?'} → ${periods[first + i] ?? '?'}`, value: value(v) }));
  }
  return history.map((v, i) => ({ label: i === 0 ? '1 (oldest)' : i === n - 1 ? `${n} (latest)` : String(i + 1), value: value(v) }));
}
