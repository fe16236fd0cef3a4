/**
 * What the scorecard shows of a portfolio (no DOM): the accounts the KPIs are derived over, one tile per
 * KPI with its formatted texts, the headline, the summary sentence and the notes. In two steps, so a
 * change of a target or the format does not derive the KPIs again: `scorecardKpis` (the scope and its
 * KPIs in every period) and `scorecardTiles` (the tiles under the element's options).
 *
 * Decisions:
 * - Scope: the portfolio comes already narrowed by the element's `filter` (the shared feed filter). With
 *   a selection, the KPIs are derived over the selected accounts among them (the portfolio narrowed to
 *   the selection, its periods too), else over all of them.
 * - KPIs reported in the feed (overrides) describe every account, so they are applied only to the
 *   unscoped view; a filtered or selection view derives each KPI from its accounts and says so in a note.
 *   Their targets still apply (a target is the programme's goal for the KPI, whatever the scope).
 * - Targets: the `targets` attribute/property wins over a target reported in the feed.
 * - A KPI without a previous value shows no change on its tile; one line under the tiles names every
 *   such KPI ("No history for …"), and the detail says why.
 * - A feed with no accounts but KPI overrides shows those KPIs ("KPIs reported in the feed"), with one
 *   note instead of a "not available" line for each KPI derived from accounts.
 * - Tier goals (`tier-goals`) add a tile per goal after the KPIs (scorecard-goals.ts).
 */
import { KPI_IDS, portfolioKpis, type Kpi } from '../../analysis/kpis.js';
import type { Portfolio } from '../../analysis/portfolio.js';
import type { GoalProgress } from '../../analysis/tier-goals.js';
import type { Account, KpiOverride } from '../../feed/schema.js';
import type { KamKpiSelectDetail } from '../../internal/events.js';
import type { Formatters } from '../../internal/format.js';
import { indexesOfIds } from '../../internal/selection.js';
import { SPARK_HEIGHT, SPARK_WIDTH, sparkline, type Sparkline } from './scorecard-layout.js';
import { goalBase, goalKpi, goalShort, goalStatus } from './scorecard-goals.js';
import type { Targets } from './scorecard-options.js';
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
  /** The filter in force, as written ("segment:Corporate"), or undefined. */
  filter: string | undefined;
  /** Ids of the selected accounts (also those the filter leaves out); empty when none is. */
  selection: readonly string[];
  /** KPI ids in order, or undefined for every available KPI. */
  ids: readonly string[] | undefined;
  targets: Targets;
  tolerance: number;
  format: Formatters;
  /** Progress towards the tier goals in force (of the scope's accounts), one tile each. */
  goals?: readonly GoalProgress[];
}

/** The KPIs of the scope, in every period: what `scorecardKpis` derives (the first step). */
export interface ScorecardKpis {
  /** The accounts shown: the portfolio narrowed to the filter. */
  portfolio: Portfolio;
  /** The accounts the KPIs are derived over: `portfolio`, narrowed to the selection when there is one. */
  scope: Portfolio;
  scoped: boolean;
  kpis: Kpi[];
  overrides: readonly KpiOverride[];
  filter: string | undefined;
  selection: readonly string[];
}

/** The options of the tiles (the second step). */
export type TileOptions = Pick<ScorecardInput, 'ids' | 'targets' | 'tolerance' | 'format' | 'goals'>;

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
  /** Why a KPI with a value has no previous one (said in the detail; the history note lists the KPI). */
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

export type { Targets } from './scorecard-options.js';

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
  /** "No history for Customer lifetime value, Referenceable accounts." when some KPI with a value has no previous one. */
  historyNote?: string;
  /** The headline followed by every KPI with its value and status: the accessible name. */
  summary: string;
  notes: string[];
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

/** The target to draw on the sparkline: the history is in the KPI's own terms (each period's value), so the target applies. */
export function trendTarget(_kpi: Kpi, target: number | undefined): number | undefined {
  return target;
}

function buildTile(kpi: Kpi, input: TileOptions, feedTarget: number | undefined, goal?: GoalProgress): Tile {
  const { format, targets, tolerance } = input;
  const attributeTarget = targets.byId.get(kpi.id);
  const target = attributeTarget ?? feedTarget;
  const status = goal && attributeTarget === undefined ? goalStatus(goal) : kpiStatus(kpi.value, target, kpi.better, tolerance);
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
  if (goal) {
    tile.baseShort = goalShort(goal, format);
    tile.baseSentence = goalBase(goal, goal.counts[goal.counts.length - 1]!.period, format);
  }
  tile.item = tileItem(tile);
  return tile;
}

/** The scope's KPIs in every period, with the feed's overrides in the whole-feed view (the first step). */
export function scorecardKpis(portfolio: Portfolio, overrides: readonly KpiOverride[], filter: string | undefined, selection: readonly string[], previousOnly = false): ScorecardKpis {
  const scoped = selection.length > 0 || !!filter;
  const scope = selection.length > 0 ? portfolio.narrow(indexesOfIds(portfolio, selection)) : portfolio;
  const kpis = portfolioKpis(scope, { overrides: scoped ? [] : overrides, previousOnly });
  return { portfolio, scope, scoped, kpis, overrides, filter, selection };
}

/** "No history for Customer lifetime value, Pipeline coverage." for the tiles with a value but no previous one. */
function historyNote(tiles: readonly Tile[]): string | undefined {
  const without = tiles.filter((t) => t.previousNote !== undefined);
  if (!without.length) return undefined;
  if (without.length === tiles.filter((t) => t.value !== null).length && without.every((t) => t.kpi.source === 'derived')) {
    return 'No history: the feed gives no earlier period, so no KPI has a previous value or a trend.';
  }
  return `No history for ${without.map((t) => t.label).join(', ')}: no previous value or trend (the detail of each says why).`;
}

/** The tiles of the KPIs under the element's options (the second step). */
export function scorecardTiles(derived: ScorecardKpis, input: TileOptions): ScorecardModel {
  const { portfolio, scope, scoped, kpis: all, overrides, filter, selection } = derived;
  const { ids, targets, format } = input;
  const overrideById = new Map(overrides.map((o) => [o.id, o])); // last one wins, as in portfolioKpis
  const chosen = chooseKpis(all, ids, (id) => missingKpi(id, overrideById.get(id)));
  // With no accounts at all, every derived KPI is missing for the same reason: one note says it.
  const feedOnly = portfolio.accounts.length === 0 && !scoped;
  const hidden = feedOnly ? [] : chosen.hidden;
  const tiles = chosen.shown.map((kpi) => buildTile(kpi, input, overrideById.get(kpi.id)?.target));
  if (!feedOnly) for (const goal of input.goals ?? []) tiles.push(buildTile(goalKpi(goal), input, goal.goal, goal));

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
  const model: ScorecardModel = { accounts: scope.accounts, scoped, tiles, hidden, headline, summary: `${headline} ${listed}.${unlisted}`, notes };
  const note = historyNote(tiles);
  if (note) model.historyNote = note;
  return model;
}

/** The scorecard of the shown portfolio (and the selection in it) under the element's options: both steps at once. */
export function scorecardModel(input: ScorecardInput): ScorecardModel {
  return scorecardTiles(scorecardKpis(input.portfolio, input.overrides, input.filter, input.selection), input);
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
 * The KPI's values by period for the detail table, oldest first: labelled with their periods (derived
 * KPIs and goals), else numbered (a feed's history).
 */
export function historyRows(tile: Tile, format: Formatters): HistoryRow[] {
  const history = tile.kpi.history ?? [];
  const periods = tile.kpi.historyPeriods;
  const n = history.length;
  const value = (v: number) => formatKpiValue(tile.kpi.unit, v, format);
  if (periods) return history.map((v, i) => ({ label: periods[i] ?? '?', value: value(v) }));
  return history.map((v, i) => ({ label: i === 0 ? '1 (oldest)' : i === n - 1 ? `${n} (latest)` : String(i + 1), value: value(v) }));
}
