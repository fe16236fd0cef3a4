import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Feed } from '../../feed/parse.js';
import { KamWidget } from '../../internal/kam-widget.js';
import type { TableColumn } from '../../internal/data-table.js';
import { emit } from '../../internal/events.js';
import { ExportError, type CsvColumn } from '../../internal/export.js';
import { moveInGrid, moveInList } from '../../internal/keyboard.js';
import { skippedNotice } from '../../internal/state-views.js';
import { tooltip, type TooltipAnchor } from '../../internal/tooltip.js';
import { columnsFor, parseKpiIds, parseTargets, toleranceOf } from './scorecard-status.js';
import { buildScorecard, historyRows, scorecardScope, selectDetail, type Scorecard, type ScorecardScope, type Tile } from './scorecard-model.js';
import { NO_PREVIOUS_TEXT } from './scorecard-text.js';
import { CSV_COLUMNS, TABLE_COLUMNS } from './scorecard-table.js';
import { detailView, tileView, tooltipContent, unavailableView } from './scorecard-marks.js';
import { exportStyles, exportSvg } from './scorecard-export.js';
import { scorecardStyles } from './scorecard-styles.js';

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

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
 * @csspart frame - The widget frame around header and tiles.
 * @csspart header - The row with the (visually hidden) summary and the toolbar.
 * @csspart summary - The summary sentence listing every KPI with value and status; the tiles' accessible name, visually hidden.
 * @csspart headline - The visible short line: scope ("KPIs of 3 selected accounts") and status counts.
 * @csspart notes - Notes on the scope and on ignored filter or target entries.
 * @csspart toolbar - The toolbar (clear selection, view as table, export).
 * @csspart clear-selection - The "Clear selection" button, shown while accounts are selected.
 * @csspart view-toggle - The "View as table" button.
 * @csspart export-button - The button that opens the export menu.
 * @csspart export-menu - The export menu (SVG, PNG, CSV).
 * @csspart export-item - One entry of the export menu.
 * @csspart export-message - Why the last export failed (for example PNG blocked by the page's Content-Security-Policy).
 * @csspart plot - The focusable container of the tiles (grid, or the strip when compact).
 * @csspart tile - One KPI tile.
 * @csspart tile-label - The KPI's label on a tile.
 * @csspart tile-value - The KPI's value on a tile ("Not available" when it has none).
 * @csspart tile-change - The change against the previous value: arrow, signed delta, better or worse; "No previous value" when there is none.
 * @csspart tile-status - The status against the target: icon and words, and the target.
 * @csspart tile-base - What the value was computed over ("35 of 40 accounts"), or why it is not available.
 * @csspart sparkline - The tile's trend line of past values.
 * @csspart unavailable - The line naming KPIs left out because they are not available.
 * @csspart detail - The detail of the activated tile: definition, formula, base, previous, target rule, history table.
 * @csspart detail-close - The button that closes the detail.
 * @csspart tooltip - The hover tooltip with definition and base.
 * @csspart table-container - The scrolling region around the table view.
 * @csspart table - The table view.
 * @csspart show-more - The "Show more" button under a long table.
 * @csspart skipped-notice - The "N accounts skipped" and "N KPIs skipped" notices, with the reasons.
 * @csspart stale-notice - The notice that a background refresh failed and older data is shown.
 * @csspart retry-button - The Retry button of the network error view, and "Refresh now" on the stale notice.
 * @csspart state - The loading, idle, empty and error views (each also has its own part below).
 * @csspart state-loading - The loading view (a skeleton and "Loading accounts…").
 * @csspart state-idle - The view shown before any input is given.
 * @csspart state-empty - The view for a feed with no accounts (or none matching the filter).
 * @csspart state-error - The error view, with every problem found.
 *
 * @cssprop [--kam-bg=#ffffff] - Background (dark theme: #0d1117).
 * @cssprop [--kam-surface=#f6f8fa] - Tile background and table header (dark: #161b22).
 * @cssprop [--kam-fg=#1f2328] - Text colour (dark: #e6edf3).
 * @cssprop [--kam-muted=#59636e] - Secondary text: labels, base, notes (dark: #9ba7b4).
 * @cssprop [--kam-border=#d1d9e0] - Tile borders; the status bar of a tile without status (dark: #3d444d).
 * @cssprop [--kam-grid=#e8ecf0] - Row lines of the table view (dark: #262c36).
 * @cssprop [--kam-accent=#0b63c5] - Sparkline; the frame of the tile whose detail is open (dark: #58a6ff).
 * @cssprop [--kam-accent-soft=#dbeafe] - The pressed "View as table" button and selected table rows (dark: #10284a).
 * @cssprop [--kam-focus=#0b63c5] - Focus ring (dark: #79c0ff).
 * @cssprop [--kam-good=#1a7f37] - On track, and a change for the better (dark: #3fb950).
 * @cssprop [--kam-warning=#8a5300] - At risk; the border of the skipped notice (dark: #e3b341).
 * @cssprop [--kam-warning-bg=#fff8e6] - Background of the skipped and stale notices (dark: #2b2111).
 * @cssprop [--kam-bad=#c1121f] - Off track, and a change for the worse (dark: #ff7b72).
 * @cssprop [--kam-error=#c1121f] - Error view and export message text (dark: #ff7b72).
 * @cssprop [--kam-error-bg=#fff1f0] - Background of the error view (dark: #2d1214).
 * @cssprop [--kam-skeleton=#eaeef2] - The loading skeleton (dark: #21262d).
 * @cssprop [--kam-tooltip-bg=#1f2328] - Tooltip background (dark: #e6edf3).
 * @cssprop [--kam-tooltip-fg=#ffffff] - Tooltip text (dark: #0d1117).
 * @cssprop [--kam-radius=6px] - Corner radius of tiles, buttons and notices.
 * @cssprop [--kam-font=system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif] - Font family.
 * @cssprop [--kam-font-size=14px] - Base font size.
 * @cssprop [--kam-table-max-height=28em] - Height of the table view before it scrolls.
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
 * Change against the previous value: from the feed's KPI entries (`previous`), and for revenue growth
 * from account histories when the feed names its previous period (`periods.previous`); every other
 * derived KPI says "No previous value" and, in its detail, why (see src/analysis/kpis.ts).
 */
export class KamScorecard extends KamWidget<Tile> {
  static override styles = [...KamWidget.styles, scorecardStyles, exportStyles];

  protected readonly exportName = 'kam-scorecard';

  /** KPI ids to show, in this order, comma-separated: revenue-growth, retention, churn, nrr, nps, csat, clv, upsell, referenceable, top20-share, or a KPI id from the feed. Default: every available KPI. */
  @property() kpis?: string;

  /** Targets by KPI id, in the KPI's unit (fractions for percentages): "nps:50,churn:0.05", or an object { nps: 50 }. Wins over targets in the feed. Default: none. */
  @property() targets?: string | Readonly<Record<string, number>>;

  /** How far short of the target (in the bad direction) is still "at risk", as a fraction of the target: 0.05 (default) = 5% of it. */
  @property({ type: Number }) tolerance: number = 0.05; // = DEFAULT_TOLERANCE, written out for the manifest

  /** A strip of small tiles (label, value, change, status) for a CRM sidebar instead of the grid: one line when wide enough, wrapping otherwise. Default: false. */
  @property({ type: Boolean, reflect: true }) compact = false;

  @state() private focusIndex = -1;
  @state() private openId?: string;
  @state() private hover?: { id: string; anchor: TooltipAnchor };
  /** True while an export reads the off-screen SVG drawing of the tiles. */
  @state() private exportStage = false;

  /** Exports in progress (toPNG reads the stage through toSVG too): the stage goes when the last one ends. */
  private exporting = 0;
  private scopeCache?: { key: unknown[]; scope: ScorecardScope };
  private cache?: { key: unknown[]; card: Scorecard };

  /** The scorecard for the current feed and options, rebuilt only when one of them changes (the KPIs only when the accounts in scope do). */
  private card(feed: Feed): Scorecard {
    const filter = this.feedController.state.filter;
    const key = [feed, this.selection, filter, this.kpis, this.targets, this.tolerance, this.format];
    if (this.cache && same(key, this.cache.key)) return this.cache.card;
    const input = {
      accounts: feed.accounts,
      overrides: feed.kpis,
      selectionSize: this.selection.length,
      selected: this.selection.length ? this.selectedAccounts : [],
      filter,
      periods: feed.periods,
    };
    const scopeKey = key.slice(0, 3);
    if (!this.scopeCache || !same(scopeKey, this.scopeCache.key)) this.scopeCache = { key: scopeKey, scope: scorecardScope(input) };
    const options = { ids: parseKpiIds(this.kpis), targets: parseTargets(this.targets), tolerance: toleranceOf(this.tolerance), format: this.format };
    const card = buildScorecard({ ...input, ...options }, this.scopeCache.scope);
    this.cache = { key, card };
    return card;
  }

  private get tiles(): readonly Tile[] {
    const feed = this.feedController.state.feed;
    return feed ? this.card(feed).tiles : [];
  }

  private get columns(): number {
    return this.compact ? this.tiles.length : columnsFor(this.size.width, this.tiles.length);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const tiles = this.tiles;
    if (this.focusIndex >= tiles.length) this.focusIndex = tiles.length - 1;
    if (this.openId !== undefined && !tiles.some((t) => t.id === this.openId)) this.openId = undefined;
  }

  // ---- handlers -----------------------------------------------------------------------------------

  /** Activates a tile: focuses it, toggles its detail and fires kam-kpi-select. */
  private activate(index: number): void {
    const tile = this.tiles[index];
    if (!tile) return;
    this.focusIndex = index;
    this.openId = this.openId === tile.id ? undefined : tile.id;
    this.announcement = this.openId ? `Details of ${tile.label} shown below its row.` : 'Details closed.';
    emit(this, 'kam-kpi-select', selectDetail(tile));
  }

  private closeDetail(): void {
    this.openId = undefined;
    this.announcement = 'Details closed.';
    this.renderRoot.querySelector<HTMLElement>('.plot')?.focus();
  }

  private onPlotFocus(): void {
    if (this.focusIndex < 0 && this.tiles.length) this.focusIndex = 0;
  }

  private onPlotKeydown(event: KeyboardEvent): void {
    if (event.target !== event.currentTarget) return; // keys in the open detail (its button, its table) are theirs
    const tiles = this.tiles;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.activate(Math.max(0, this.focusIndex));
      return;
    }
    if (event.key === 'Escape' && this.openId !== undefined) {
      event.stopPropagation(); // close the detail only; do not also clear the account selection
      this.closeDetail();
      return;
    }
    const columns = this.columns;
    const next = this.compact
      ? moveInList(event.key, this.focusIndex, tiles.length)
      : moveInGrid(event.key, this.focusIndex, columns, Math.ceil(tiles.length / columns));
    if (next === undefined) return;
    event.preventDefault();
    this.focusIndex = Math.min(next, tiles.length - 1);
    const tile = tiles[this.focusIndex]!;
    const change = tile.deltaWords ?? (tile.previousNote ? NO_PREVIOUS_TEXT.toLowerCase() : undefined);
    this.announcement = `${tile.item}${change ? `; ${change}` : ''}. ${this.focusIndex + 1} of ${tiles.length}.`;
    void this.updateComplete.then(() => this.renderRoot.querySelector('.tile.focused')?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  }

  private onDetailKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.closeDetail();
  }

  private onTileEnter(event: PointerEvent, tile: Tile): void {
    const element = event.currentTarget as HTMLElement;
    const plot = element.parentElement!;
    const top = element.offsetTop;
    const height = plot.clientHeight;
    // Anchor below the tile when it sits in the upper half, above it otherwise, so the tooltip never covers it.
    const y = top + element.offsetHeight / 2 <= height / 2 ? top + element.offsetHeight - 6 : top + 6;
    this.hover = { id: tile.id, anchor: { x: element.offsetLeft + element.offsetWidth / 2, y, width: plot.clientWidth, height } };
  }

  protected override onEscape(): void {
    this.openId = undefined;
  }

  // ---- export -------------------------------------------------------------------------------------

  override async toSVG(): Promise<string> {
    return this.withExportStage(() => super.toSVG());
  }

  override async toPNG(): Promise<Blob> {
    return this.withExportStage(() => super.toPNG());
  }

  /** Runs an export with the off-screen drawing in place, and removes the drawing once the export has read it. */
  private async withExportStage<T>(run: () => Promise<T>): Promise<T> {
    this.exporting++;
    try {
      return await run();
    } finally {
      if (--this.exporting === 0) this.exportStage = false;
    }
  }

  /** The tiles are HTML: the export draws them as one SVG (same texts, same grid) in an off-screen stage. */
  protected override async chartElement(): Promise<SVGSVGElement> {
    this.exportStage = true;
    await this.updateComplete;
    const svgElement = this.renderRoot.querySelector<SVGSVGElement>('.export-stage svg.chart');
    if (!svgElement) throw new ExportError('There is no scorecard to export yet: the widget has no data.');
    return svgElement;
  }

  // ---- frame hooks --------------------------------------------------------------------------------

  protected summary(feed: Feed): string {
    return this.card(feed).summary;
  }

  protected tableColumns(): readonly TableColumn<Tile>[] {
    return TABLE_COLUMNS;
  }

  protected tableRows(feed: Feed): readonly Tile[] {
    return this.card(feed).tiles;
  }

  protected rowKey(row: Tile): string {
    return row.id;
  }

  protected csvColumns(): readonly CsvColumn<Tile>[] {
    return CSV_COLUMNS;
  }

  /** A feed with KPI overrides but no accounts still has a scorecard (unless a filter narrows the accounts). */
  protected override hasContent(feed: Feed): boolean {
    return feed.accounts.length > 0 || (feed.kpis.length > 0 && !this.feedController.state.filter);
  }

  /** The skipped-KPI notice sits above the frame, next to the skipped-account one, so the table view shows it too. */
  protected override renderReady(feed: Feed): TemplateResult {
    const stage = this.exportStage ? html`<div class="export-stage" aria-hidden="true">${exportSvg(this.card(feed), this.size.width)}</div>` : nothing;
    return html`${skippedNotice(feed.skippedKpis, 'KPI')}${super.renderReady(feed)}${stage}`;
  }

  // ---- rendering ----------------------------------------------------------------------------------

  private renderDetail(card: Scorecard): TemplateResult | typeof nothing {
    const tile = card.tiles.find((t) => t.id === this.openId);
    if (!tile) return nothing;
    return detailView(tile, {
      rows: historyRows(tile, card.accounts, this.format),
      tolerance: toleranceOf(this.tolerance),
      format: this.format,
      onClose: () => this.closeDetail(),
      onKeydown: (e) => this.onDetailKeydown(e),
    });
  }

  /** The tiles; in the grid, the open detail follows the row of its tile (spanning the row), so it opens where the eye is. */
  private renderTiles(card: Scorecard): unknown[] {
    const out: unknown[] = card.tiles.map((tile, i) =>
      tileView(tile, {
        compact: this.compact,
        focused: i === this.focusIndex,
        open: tile.id === this.openId,
        onActivate: () => this.activate(i),
        onPointerEnter: (e) => this.onTileEnter(e, tile),
      }),
    );
    const open = card.tiles.findIndex((t) => t.id === this.openId);
    if (this.compact || open < 0) return out;
    const columns = this.columns;
    const rowEnd = Math.min(card.tiles.length - 1, Math.floor(open / columns) * columns + columns - 1);
    out.splice(rowEnd + 1, 0, this.renderDetail(card));
    return out;
  }

  protected renderChart(feed: Feed): TemplateResult {
    const card = this.card(feed);
    const hovered = this.hover && card.tiles.find((t) => t.id === this.hover!.id);
    return html`<p class="headline" part="headline">${card.headline}</p>
      ${card.notes.length ? html`<ul class="notes" part="notes">${card.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
      <div
        class="plot ${this.compact ? 'strip' : `grid cols-${this.columns}`}"
        part="plot"
        tabindex="0"
        role="group"
        aria-labelledby="summary"
        @focus=${this.onPlotFocus}
        @keydown=${this.onPlotKeydown}
        @pointerleave=${() => (this.hover = undefined)}
      >
        ${this.renderTiles(card)} ${hovered ? tooltip(this.hover!.anchor, tooltipContent(hovered), 'kpi-tooltip') : nothing}
      </div>
      ${unavailableView(card.hidden)} ${this.compact ? this.renderDetail(card) : nothing}`;
  }
}
