/**
 * What the scorecard shows of a portfolio (no DOM): the accounts the KPIs are derived over, one tile per
 * KPI with its formatted texts, the headline, the summary sentence and the notes.
 *
 * Decisions:
 * - Scope: the portfolio comes already narrowed by the element's `filter` (the shared feed filter). With
 *   a selection, the KPIs are derived over the selected accounts among them (the portfolio narrowed to
 *   the selection), else over all of them. The top-20% share reads the portfolio's Pareto shares.
 * - KPIs reported in the feed (overrides) describe every account, so they are applied only to the
 *   unscoped view; a filtered or selection view derives each KPI from its accounts and says so in a note.
 *   Their targets still apply (a target is the programme's goal for the KPI, whatever the scope).
 * - Targets: the `targets` attribute/property wins over a target reported in the feed.
 * - A feed with no accounts but KPI overrides shows those KPIs ("KPIs reported in the feed"), with one
 *   note instead of a "not available" line for each KPI derived from accounts.
 */
import { KPI_IDS, deriveKpis, revenueHistory, type Kpi } from '../../analysis/kpis.js';
import type { Portfolio } from '../../analysis/portfolio.js';
import type { Account, KpiOverride } from '../../feed/schema.js';
import type { KamKpiSelectDetail } from '../../internal/events.js';
import type { Formatters } from '../../internal/format.js';
import { indexesOfIds } from '../../internal/selection.js';
import { SPARK_HEIGHT, SPARK_WIDTH, sparkline, type Sparkline } from './scorecard-layout.js';
import { atRiskLimit, kpiChange, kpiStatus, type KpiChange, type TileStatus } from './scorecard-status.js';
import {
  SHORT_LABELS,
  STATUS_TEXT,
  baseSentence,
  baseShort,
  countsText,
  deltaWords,
  formatDelta,
  formatKpiValue,
  scopeText,
  tileItem,
} from './scorecard-text.js';

export interface ScorecardInput {
  /** The accounts shown: the portfolio narrowed to the element's filter. */
  portfolio: Portfolio;
  /** The feed's KPI overrides. */
  overrides: readonly KpiOverride[];
  /** The feed's period labels: `previous` lets revenue growth take its previous value from account histories. */
  periods?: { previous?: string | undefined };
  /** The filter in force, as written ("segment:Corporate"), or undefined. */
  filter: string | undefined;
  /** Ids of the selected accounts (also those the filter leaves out); empty when none is. */
  selection: readonly string[];
  /** KPI ids in order, or undefined for every available KPI. */
  ids: readonly string[] | undefined;
  targets: Targets;
  tolerance: number;
  format: Formatters;
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
  /** Sparkline in a SPARK_WIDTH × SPARK_HEIGHT box, when the KPI has at least two past values. */
  spark?: Sparkline;
}

export interface ScorecardModel {
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

/** KPI ids from the `kpis` attribute ("nps, churn"): trimmed, empty entries and repeats dropped; undefined when none. */
export function parseKpiIds(text: string | null | undefined): string[] | undefined {
  if (!text) return undefined;
  const ids = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
  return ids.length ? ids : undefined;
}

export interface Targets {
  byId: Map<string, number>;
  /** Entries that were not "id:number", quoted for the notes line. */
  ignored: string[];
}

/** Targets from the `targets` attribute ("nps:50,churn:0.05") or property (the same text, or { nps: 50 }). */
export function parseTargets(input: unknown): Targets {
  const byId = new Map<string, number>();
  const ignored: string[] = [];
  const add = (id: string, raw: unknown, entry: string) => {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (id && Number.isFinite(n)) byId.set(id, n);
    else ignored.push(entry);
  };
  if (typeof input === 'string') {
    for (const entry of input.split(',').map((s) => s.trim()).filter(Boolean)) {
      const at = entry.lastIndexOf(':');
      add(at > 0 ? entry.slice(0, at).trim() : '', at > 0 ? entry.slice(at + 1) : '', entry);
    }
  } else if (input && typeof input === 'object') {
    for (const [id, raw] of Object.entries(input)) add(id.trim(), raw, `${id}:${String(raw)}`);
  }
  return { byId, ignored };
}

/**
 * Which KPIs the scorecard shows: the ids asked for, in that order (an id deriveKpis does not know becomes
 * a "not available" KPI); by default every available KPI, or all of them when none is available.
 */
export function chooseKpis(all: readonly Kpi[], ids: readonly string[] | undefined, missing: (id: string) => Kpi): { shown: Kpi[]; hidden: Kpi[] } {
  if (ids) {
    const byId = new Map(all.map((k) => [k.id, k]));
    return { shown: ids.map((id) => byId.get(id) ?? missing(id)), hidden: [] };
  }
  const available = all.filter((k) => k.available);
  if (available.length === 0) return { shown: [...all], hidden: [] };
  return { shown: available, hidden: all.filter((k) => !k.available) };
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
  tile.item = tileItem(tile);
  return tile;
}

/** The scorecard of the shown portfolio (and the selection in it) under the element's options. */
export function scorecardModel(input: ScorecardInput): ScorecardModel {
  const { portfolio, overrides, periods = {}, filter, selection, ids, targets, format } = input;
  const scoped = selection.length > 0 || !!filter;
  const scope = selection.length > 0 ? portfolio.narrow(indexesOfIds(portfolio, selection)) : portfolio;
  const all = deriveKpis(scope.accounts, { shares: scope.shares(), periods, overrides: scoped ? [] : overrides });
  const overrideById = new Map(overrides.map((o) => [o.id, o])); // last one wins, as in deriveKpis
  const chosen = chooseKpis(all, ids, (id) => missingKpi(id, overrideById.get(id)));
  // With no accounts at all, every derived KPI is missing for the same reason: one note says it.
  const feedOnly = portfolio.accounts.length === 0 && !scoped;
  const hidden = feedOnly ? [] : chosen.hidden;
  const tiles = chosen.shown.map((kpi) => buildTile(kpi, input, overrideById.get(kpi.id)?.target));

  const words = { shown: portfolio.accounts.length, selection: selection.length, selected: scope.accounts.length, filter };
  const headline = `${scopeText(words, format)}: ${countsText(tiles.map((t) => t.status))}.`;
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
  return { accounts: scope.accounts, scoped, tiles, hidden, headline, summary: `${headline} ${listed}.${unlisted}`, notes };
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
