/**
 * <kam-scorecard>: the KPI scorecard. The class comment below is what the manifest documents.
 * One file over 300 lines: the element's documented attributes, its lifecycle and its handlers are one
 * class; tiles, words, goals, readiness, tables and the export drawing are in the scorecard-* files.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Portfolio } from '../../analysis/portfolio.js';
import { readinessOf } from '../../analysis/readiness.js';
import type { Feed } from '../../feed/parse.js';
import { emit } from '../../internal/events.js';
import { ItemFocusController } from '../../internal/item-focus.js';
import { KamWidget } from '../../internal/kam-widget.js';
import { moveInGrid, moveInList } from '../../internal/keyboard.js';
import { memo } from '../../internal/memo.js';
import { onDemand } from '../../internal/on-demand.js';
import { skippedNotice } from '../../internal/state-views.js';
import { tooltip, type TooltipAnchor } from '../../internal/tooltip.js';
import { ExportStage } from '../../internal/export-stage.js';
import { columnsFor } from './scorecard-layout.js';
import { detailView, tileView, tooltipContent, unavailableView } from './scorecard-marks.js';
import { goalsInForce } from '../../internal/tier-goals-input.js';
import { historyRows, scorecardKpis, selectDetail, type ScorecardModel, type Tile } from './scorecard-model.js';
import { TrendsController, goalsOf, tilesOf } from './scorecard-options.js';
import { toleranceOf } from './scorecard-status.js';
import { readinessStyles, readinessView } from './scorecard-readiness.js';
import { scorecardStyles } from './scorecard-styles.js';
import { CSV_COLUMNS, TABLE_COLUMNS } from './scorecard-table.js';
import { KEYS, tileAnnouncement } from './scorecard-text.js';

/** The tiles drawn as one SVG for the SVG and PNG export, loaded on the first export. */
const exportDrawing = onDemand(() => import('./scorecard-export.js'));

/** `readiness="false"` (or "off") hides the readiness check; the attribute present with any other value, or absent, shows it. */
const shownUnlessOff = {
  fromAttribute: (value: string | null) => value === null || !/^(false|off|no)$/i.test(value.trim()),
  toAttribute: (value: boolean) => (value ? null : 'false'),
};

/**
 * @summary The key-account KPI scorecard: one tile per KPI with its value, change, target status and trend, each traceable to its definition and base.
 *
 * @tag kam-scorecard
 *
 * @event {CustomEvent<KamKpiSelectDetail>} kam-kpi-select - A tile was activated (click, Enter or Space): `{ id, value, target, status }`. `status` is on-track, at-risk, off-track, no-target, or not-available (then value is null).
 * @event {CustomEvent<KamSelectDetail>} kam-select - The account selection was cleared (Escape or the "Clear selection" button).
 * @event {CustomEvent<KamLoadDetail>} kam-load - A feed was loaded and validated.
 * @event {CustomEvent<KamErrorDetail>} kam-error - The feed could not be loaded or is not a feed.
 *
 * @csspart headline - The visible short line: scope ("KPIs of 3 selected accounts") and status counts (the summary is visually hidden).
 * @csspart notes - Notes on the scope and on ignored filter or target entries.
 * @csspart tile - One KPI tile.
 * @csspart tile-label - The KPI's label on a tile.
 * @csspart tile-value - The KPI's value on a tile ("Not available" when it has none).
 * @csspart tile-change - The change against the previous period's value: arrow, signed delta, better or worse (none when there is no previous value).
 * @csspart tile-status - The status against the target: icon and words, and the target.
 * @csspart tile-base - What the value was computed over ("35 of 40 accounts"), or why it is not available.
 * @csspart sparkline - The tile's trend line of past values.
 * @csspart unavailable - The line naming KPIs left out because they are not available.
 * @csspart history-note - The line naming the KPIs without history (no previous value, no trend).
 * @csspart detail - The detail of the activated tile: definition, formula, base, previous, target rule, history table.
 * @csspart detail-close - The button that closes the detail.
 * @csspart tooltip - The hover tooltip with definition and base.
 * @csspart readiness - The KAM readiness check under the headline: a disclosure with the verdict, opened to show the three answers.
 * @csspart readiness-summary - The readiness check's one line: "KAM readiness: ready (2 of 3 yes)".
 *
 * @cssprop [--kam-good=#1a7f37] - On track, and a change for the better (dark: #3fb950).
 * @cssprop [--kam-bad=#c1121f] - Off track, and a change for the worse (dark: #ff7b72).
 *
 * Scope: `filter` (shared by every element: "segment:Corporate") narrows the accounts before the KPIs
 * are derived; a selection of accounts (from a linked `<kam-feed>`, or the `selection` property) narrows
 * them further, and the headline says so ("KPIs of 3 selected accounts"). KPIs reported in the feed
 * describe every account, so a narrowed view derives each KPI from its accounts instead (their targets
 * still apply).
 *
 * Status against a target, with `tolerance` t (default 0.05) and band = t × |target|: when higher is
 * better, on track at value ≥ target, at risk at target − band ≤ value < target, off track below
 * target − band; when lower is better (churn), on track at value ≤ target, at risk at
 * target < value ≤ target + band, off track above target + band.
 *
 * Change against the previous value: every derived KPI of the previous period, by the same definition on
 * that period's figures (account histories, or `previousRevenue`), and the feed's KPI entries'
 * `previous`. The sparkline shows the KPI in each period the feed has (up to the last 12; past 200,000
 * account-periods it follows the first paint, at the first idle moment). KPIs without a previous value
 * are named in one line under the tiles, and their detail says why (see src/analysis/kpis.ts).
 *
 * KAM readiness (`readiness`, shown by default): the texts' three questions (do the top 20% of accounts
 * bring in 50% or more of revenue; is the sales cycle 6 months or more, from `sales-cycle-months`; did the
 * accounts lost since the previous period take more revenue than the new ones bring) with their
 * figures, and the verdict: ready with two or more yes. Of the accounts the filter keeps (a selection
 * of accounts does not change it).
 *
 * ROI: the `roi` KPI (profit / cost to serve) is a tile like the others when the feed has costs
 * (`costToServe`, or `effort` with `cost-per-effort`).
 *
 * Tier goals (`tier-goals`, `goal-period`, or the linked `<kam-feed>`'s): one tile per goal with the count
 * of MVC or MGC accounts now, by period, and a sentence on how far off the goal is and whether the trend
 * reaches it in time.
 */
export class KamScorecard extends KamWidget<ScorecardModel, Tile> {
  static override styles = [...KamWidget.styles, scorecardStyles, readinessStyles];

  protected readonly items = new ItemFocusController(this, {
    count: () => this.tiles.length,
    keyOf: (index) => this.tiles[index]?.id,
    indexOf: (id) => this.tiles.findIndex((tile) => tile.id === id),
    move: (key, index) => this.moveAmongTiles(key, index),
    describe: (index) => tileAnnouncement(this.tiles[index]!, index, this.tiles.length),
    activate: (index) => this.activate(index),
    otherKey: (event) => this.closeDetailOnEscape(event),
    // The plot is named by the summary, which already reads every tile: focusing it announces nothing more.
    focusFirst: true,
    announceFirst: false,
    announce: (text) => this.announce(text),
  });

  /** KPI ids to show, in this order, comma-separated: revenue-growth, retention, churn, nrr, nps, csat, clv, upsell, referenceable, top20-share, roi, or a KPI id from the feed. Default: every available KPI. */
  @property() kpis?: string;

  /** Targets by KPI id, in the KPI's unit (fractions for percentages): "nps:50,churn:0.05", or an object { nps: 50 }. Wins over targets in the feed. Default: none. */
  @property() targets?: string | Readonly<Record<string, number>>;

  /** How far short of the target (in the bad direction) is still "at risk", as a fraction of the target: 0.05 (default) = 5% of it. */
  @property({ type: Number }) tolerance: number = 0.05; // = DEFAULT_TOLERANCE, written out for the manifest

  /** Goals for the number of MVC and MGC accounts, each shown as a tile: "MVC:60,MGC:90" (or an object { MVC: 60 }). Unset: the linked `<kam-feed>`'s, else none. */
  @property({ attribute: 'tier-goals' }) tierGoals?: string | Readonly<Record<string, number>>;

  /** The period the tier goals are for ("2027-Q2"). Unset: the linked `<kam-feed>`'s, else the current period. */
  @property({ attribute: 'goal-period' }) goalPeriod?: string;

  /** A strip of small tiles (label, value, change, status) for a CRM sidebar instead of the grid: one line when wide enough, wrapping otherwise. Default: false. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Shows the KAM readiness check under the headline (default); `readiness="false"` hides it. */
  @property({ converter: shownUnlessOff }) readiness = true;

  /** The KPI whose detail is open. */
  @state() private openId?: string;
  /** Where the hovered tile's tooltip points. */
  @state() private hoverAnchor?: TooltipAnchor;
  protected readonly exportName = 'kam-scorecard';
  /** The off-screen SVG drawing of the tiles that SVG and PNG exports read. */
  private readonly stage = new ExportStage(this, () => this.loadExtra(exportDrawing, (drawing) => drawing.exportStyles), 'scorecard');
  private readonly trends = new TrendsController(this);
  /** The KPIs in every period (a large feed's trends at the first idle moment), derived again only when the shown portfolio, the overrides, the filter or the selection changed. */
  private readonly deriveKpis = memo(scorecardKpis);
  /** Progress towards the tier goals, of the accounts the KPIs are derived over. */
  private readonly deriveGoals = memo(goalsOf);
  /** The tiles, made again when the KPIs, the goals or a tile option (kpis, targets, tolerance, format) changed. */
  private readonly deriveTiles = memo(tilesOf);
  /** The open detail's rows: the KPI by period. */
  private readonly detailRows = memo(historyRows);
  /** The readiness check of the accounts the filter keeps. */
  private readonly deriveReadiness = memo((portfolio: Portfolio) => readinessOf(portfolio));
  /** Columns of the tile grid at the current width (the strip is one row). */
  private columns = 1;
  /** The tile last scrolled into view, so the keyboard's tile is scrolled to once. */
  private tileInView?: string;

  private get tiles(): readonly Tile[] {
    return this.model?.tiles ?? [];
  }

  protected deriveModel(portfolio: Portfolio, feed: Feed): ScorecardModel {
    const kpis = this.deriveKpis(portfolio, feed.kpis, this.feedController.state.filter, this.selection, this.trends.previousOnly(portfolio));
    const { tierGoals, goalPeriod } = goalsInForce(this, this.feedController.provider);
    const goals = this.deriveGoals(kpis.scope, tierGoals, goalPeriod);
    return this.deriveTiles(kpis, goals, this.kpis, this.targets, this.tolerance, this.format);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.columns = this.compact ? this.tiles.length : columnsFor(this.size.width, this.tiles.length);
    if (this.openId !== undefined && !this.tiles.some((t) => t.id === this.openId)) this.openId = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Keep the tile the keyboard moved to in view (a click or a pointer focus leaves the page where it is).
    const tile = this.renderRoot.querySelector<HTMLElement>('.tile.focused');
    if (tile?.dataset.id === this.tileInView) return;
    this.tileInView = tile?.dataset.id;
    if (tile && this.renderRoot.querySelector('.plot:focus-visible')) tile.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  // ---- handlers -----------------------------------------------------------------------------------

  /** Grid movement (the strip: reading order), never past the last tile of a short last row. */
  private moveAmongTiles(key: string, index: number): number | undefined {
    const count = this.tiles.length;
    const next = this.compact ? moveInList(key, index, count) : moveInGrid(key, index, this.columns, Math.ceil(count / this.columns));
    return next === undefined ? undefined : Math.min(next, count - 1);
  }

  /** Activates a tile: focuses it, toggles its detail and fires kam-kpi-select. */
  private activate(index: number): void {
    const tile = this.tiles[index];
    if (!tile) return;
    this.items.focus(index, false);
    this.openId = this.openId === tile.id ? undefined : tile.id;
    this.announce(this.openId ? `Details of ${tile.label} shown below its row.` : 'Details closed.');
    emit(this, 'kam-kpi-select', selectDetail(tile));
  }

  /** Escape with a detail open closes the detail only: it must not reach the host, which would clear the account selection. */
  private closeDetailOnEscape(event: KeyboardEvent): boolean {
    if (event.key !== 'Escape' || this.openId === undefined) return false;
    event.stopPropagation();
    this.closeDetail();
    return true;
  }

  private closeDetail(): void {
    this.openId = undefined;
    this.announce('Details closed.');
    this.renderRoot.querySelector<HTMLElement>('.plot')?.focus();
  }

  private onTileEnter(event: PointerEvent, index: number): void {
    const element = event.currentTarget as HTMLElement;
    const plot = element.parentElement!;
    const top = element.offsetTop;
    const height = plot.clientHeight;
    // Anchor below the tile when it sits in the upper half, above it otherwise, so the tooltip never covers it.
    const y = top + element.offsetHeight / 2 <= height / 2 ? top + element.offsetHeight - 6 : top + 6;
    this.hoverAnchor = { x: element.offsetLeft + element.offsetWidth / 2, y, width: plot.clientWidth, height };
    this.items.setHover(index);
  }

  protected override onEscape(): void {
    super.onEscape();
    this.openId = undefined;
  }

  // ---- export -------------------------------------------------------------------------------------

  override async toSVG(): Promise<string> {
    return this.stage.around(() => super.toSVG());
  }

  override async toPNG(): Promise<Blob> {
    return this.stage.around(() => super.toPNG());
  }

  /** The tiles are HTML: the export draws them as one SVG (same texts, same grid) in an off-screen stage. */
  protected override chartElement(): Promise<SVGSVGElement> {
    return this.stage.svg();
  }

  // ---- summary, table, CSV ------------------------------------------------------------------------

  protected summary(model: ScorecardModel): string {
    return model.summary;
  }

  protected tableColumns() {
    return TABLE_COLUMNS;
  }

  /** The readiness check above the KPI table too. */
  protected override tableIntro() {
    return this.renderReadiness();
  }

  private renderReadiness(): TemplateResult | typeof nothing {
    const portfolio = this.portfolio;
    return this.readiness && portfolio && portfolio.accounts.length > 0 ? readinessView(this.deriveReadiness(portfolio), this.format) : nothing;
  }

  protected tableRows(model: ScorecardModel): readonly Tile[] {
    return model.tiles;
  }

  protected rowKey(row: Tile): string {
    return row.id;
  }

  /** Rows are KPIs, not accounts. */
  protected override rowAccountId = () => undefined;

  protected csvColumns() {
    return CSV_COLUMNS;
  }

  /** A feed with KPI overrides but no accounts still has a scorecard (unless a filter narrows the accounts). */
  protected override hasContent(feed: Feed): boolean {
    return feed.accounts.length > 0 || (feed.kpis.length > 0 && !this.feedController.state.filter);
  }

  /** The skipped-KPI notice sits above the frame, next to the skipped-account one, so the table view shows it too. */
  protected override renderReady(): TemplateResult {
    const feed = this.feedController.state.feed!;
    const stage = this.stage.view(() => exportDrawing.module?.exportSvg(this.model!, this.size.width));
    return html`${skippedNotice(feed.skippedKpis, 'KPI')}${super.renderReady()}${stage}`;
  }

  // ---- drawing ------------------------------------------------------------------------------------

  private renderDetail(model: ScorecardModel): TemplateResult | typeof nothing {
    const tile = model.tiles.find((t) => t.id === this.openId);
    if (!tile) return nothing;
    return detailView(tile, {
      rows: this.detailRows(tile, this.format),
      tolerance: toleranceOf(this.tolerance),
      format: this.format,
      onClose: () => this.closeDetail(),
      onKeydown: (event) => this.closeDetailOnEscape(event),
    });
  }

  /** The tiles; in the grid, the open detail follows the row of its tile (spanning the row), so it opens where the eye is. */
  private renderTiles(model: ScorecardModel): unknown[] {
    const out: unknown[] = model.tiles.map((tile, i) =>
      tileView(tile, {
        compact: this.compact,
        focused: i === this.items.index,
        open: tile.id === this.openId,
        onActivate: () => this.activate(i),
        onPointerEnter: (event) => this.onTileEnter(event, i),
      }),
    );
    const open = model.tiles.findIndex((t) => t.id === this.openId);
    if (this.compact || open < 0) return out;
    const rowEnd = Math.min(model.tiles.length - 1, Math.floor(open / this.columns) * this.columns + this.columns - 1);
    out.splice(rowEnd + 1, 0, this.renderDetail(model));
    return out;
  }

  protected renderChart(model: ScorecardModel): TemplateResult {
    const hovered = model.tiles[this.items.hover];
    const plot = this.renderPlot(
      { roleDescription: 'KPI scorecard', keys: KEYS, className: this.compact ? 'strip' : `grid cols-${this.columns}` },
      html`${this.renderTiles(model)} ${hovered ? tooltip(this.hoverAnchor, tooltipContent(hovered), 'kpi-tooltip') : nothing}`,
    );
    return html`<p class="headline" part="headline">${model.headline}</p>
      ${this.renderReadiness()}
      ${model.notes.length ? html`<ul class="notes" part="notes">${model.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing} ${plot}
      ${model.historyNote ? html`<p class="history-note" part="history-note">${model.historyNote}</p>` : nothing} ${unavailableView(model.hidden)}
      ${this.compact ? this.renderDetail(model) : nothing}`;
  }
}
