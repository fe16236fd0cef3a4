import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Feed } from '../../feed/parse.js';
import { KamWidget } from '../../internal/kam-widget.js';
import type { TableColumn } from '../../internal/data-table.js';
import { emit } from '../../internal/events.js';
import { ExportError, type CsvColumn } from '../../internal/export.js';
import { moveInGrid, moveInList } from '../../internal/keyboard.js';
import { skippedNotice } from '../../internal/state-views.js';
import { tooltip, type TooltipAnchor } from '../../internal/tooltip.js';
import { columnsFor, parseKpiIds, parseTargets, toleranceOf } from './scorecard-model.js';
import { SPARK_HEIGHT, SPARK_WIDTH, buildScorecard, historyRows, selectDetail, type Scorecard, type Tile } from './scorecard-tiles.js';
import { statusRule } from './scorecard-text.js';
import { exportSvg } from './scorecard-export.js';
import { scorecardStyles } from './scorecard-styles.js';

const ARROWS = { up: '▲', down: '▼', flat: '▶' } as const;

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
 * @csspart plot - The focusable container of the tiles (grid, or the strip when compact).
 * @csspart tile - One KPI tile.
 * @csspart tile-label - The KPI's label on a tile.
 * @csspart tile-value - The KPI's value on a tile ("Not available" when it has none).
 * @csspart tile-change - The change against the previous value: arrow, signed delta, better or worse.
 * @csspart tile-status - The status against the target: icon and words, and the target.
 * @csspart tile-base - What the value was computed over ("35 of 40 accounts"), or why it is not available.
 * @csspart sparkline - The tile's trend line of past values.
 * @csspart unavailable - The line naming KPIs left out because they are not available.
 * @csspart detail - The detail of the activated tile: definition, formula, base, previous, target rule, history table.
 * @csspart detail-close - The button that closes the detail.
 * @csspart tooltip - The hover tooltip with definition and base.
 * @csspart table - The table view.
 *
 * @cssprop --kam-bg - Background.
 * @cssprop --kam-surface - Tile background.
 * @cssprop --kam-fg - Text colour.
 * @cssprop --kam-muted - Secondary text (labels, base, notes).
 * @cssprop --kam-border - Tile borders; the status bar of a tile without status.
 * @cssprop --kam-accent - Sparkline; the frame of the tile whose detail is open.
 * @cssprop --kam-focus - Focus ring of the focused tile.
 * @cssprop --kam-good - On track, and a change for the better.
 * @cssprop --kam-warning - At risk.
 * @cssprop --kam-bad - Off track, and a change for the worse.
 * @cssprop --kam-radius - Corner radius of tiles.
 * @cssprop --kam-font - Font family.
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
 */
export class KamScorecard extends KamWidget<Tile> {
  static override styles = [...KamWidget.styles, scorecardStyles];

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
  @state() private exportStage = false;

  private cache?: { key: unknown[]; card: Scorecard };

  /** The scorecard for the current feed and options, rebuilt only when one of them changes. */
  private card(feed: Feed): Scorecard {
    const filter = this.feedController.state.filter;
    const key = [feed, this.selection, filter, this.kpis, this.targets, this.tolerance, this.format];
    if (this.cache && key.every((v, i) => Object.is(v, this.cache!.key[i]))) return this.cache.card;
    const card = buildScorecard({
      accounts: feed.accounts,
      overrides: feed.kpis,
      selectionSize: this.selection.length,
      selected: this.selection.length ? this.selectedAccounts : [],
      filter,
      ids: parseKpiIds(this.kpis),
      targets: parseTargets(this.targets),
      tolerance: toleranceOf(this.tolerance),
      format: this.format,
    });
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
    this.announcement = `${tile.item}${tile.deltaWords ? `; ${tile.deltaWords}` : ''}. ${this.focusIndex + 1} of ${tiles.length}.`;
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

  // ---- frame hooks --------------------------------------------------------------------------------

  protected summary(feed: Feed): string {
    return this.card(feed).summary;
  }

  protected tableColumns(): readonly TableColumn<Tile>[] {
    return [
      { id: 'kpi', label: 'KPI', sortValue: (t) => t.label, cell: (t) => t.label },
      { id: 'value', label: 'Value', numeric: true, sortValue: (t) => t.value ?? undefined, cell: (t) => t.valueText },
      { id: 'change', label: 'Change', numeric: true, sortValue: (t) => t.change?.delta, cell: (t) => (t.change ? `${t.deltaText} (${t.change.verdict})` : '–') },
      { id: 'target', label: 'Target', numeric: true, sortValue: (t) => t.target, cell: (t) => t.targetText ?? '–' },
      { id: 'status', label: 'Status', sortValue: (t) => t.statusLabel, cell: (t) => t.statusLabel },
      { id: 'base', label: 'Base', sortValue: (t) => t.baseSentence, cell: (t) => t.baseSentence },
    ];
  }

  protected tableRows(feed: Feed): readonly Tile[] {
    return this.card(feed).tiles;
  }

  protected rowKey(row: Tile): string {
    return row.id;
  }

  protected csvColumns(): readonly CsvColumn<Tile>[] {
    return [
      { header: 'id', value: (t) => t.id },
      { header: 'label', value: (t) => t.label },
      { header: 'value', value: (t) => t.value },
      { header: 'previous', value: (t) => t.kpi.previous },
      { header: 'target', value: (t) => t.target },
      { header: 'status', value: (t) => t.status },
      { header: 'definition', value: (t) => t.kpi.definition },
    ];
  }

  /** The tiles are HTML: the export draws them as one SVG (same texts, same grid) in an off-screen stage. */
  protected override async chartElement(): Promise<SVGSVGElement> {
    this.exportStage = true;
    await this.updateComplete;
    const svgElement = this.renderRoot.querySelector<SVGSVGElement>('.export-stage svg.chart');
    if (!svgElement) throw new ExportError('There is no scorecard to export yet: the widget has no data.');
    return svgElement;
  }

  /** A feed with KPI overrides but no accounts still has a scorecard (unless a filter narrows the accounts). */
  protected override hasContent(feed: Feed): boolean {
    return feed.accounts.length > 0 || (feed.kpis.length > 0 && !this.feedController.state.filter);
  }

  protected override renderReady(feed: Feed): TemplateResult {
    const stage = this.exportStage ? html`<div class="export-stage" aria-hidden="true">${exportSvg(this.card(feed), this.size.width)}</div>` : nothing;
    return html`${super.renderReady(feed)}${stage}`;
  }

  // ---- rendering ----------------------------------------------------------------------------------

  private renderChange(tile: Tile): TemplateResult | typeof nothing {
    if (!tile.change) return nothing;
    return html`<div class="change ${tile.change.verdict}" part="tile-change">
      <span aria-hidden="true">${ARROWS[tile.change.direction]}</span> ${tile.deltaText}${this.compact ? nothing : html` vs ${tile.previousText},`}
      <span class="verdict">${tile.change.verdict}</span>
    </div>`;
  }

  private renderStatus(tile: Tile): TemplateResult | typeof nothing {
    if (tile.status === 'not-available' && !tile.targetText) return nothing;
    if (tile.status === 'no-target' && this.compact) return nothing;
    const target = tile.targetText && !this.compact ? html` <span class="target">· target ${tile.targetText}</span>` : nothing;
    return html`<div class="status" part="tile-status">
      ${tile.statusIcon ? html`<span class="icon" aria-hidden="true">${tile.statusIcon}</span> ` : nothing}<span class="status-label"
        >${tile.status === 'not-available' ? 'No status' : tile.statusLabel}</span
      >${target}
    </div>`;
  }

  private renderSpark(tile: Tile): TemplateResult | typeof nothing {
    const spark = tile.spark;
    if (!spark || this.compact) return nothing;
    return html`<svg class="spark" part="sparkline" viewBox="0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}" preserveAspectRatio="none" aria-hidden="true">
      ${spark.targetY === undefined
        ? nothing
        : svg`<line x1="0" x2=${SPARK_WIDTH} y1=${spark.targetY} y2=${spark.targetY} vector-effect="non-scaling-stroke"></line>`}
      <path d=${spark.path} vector-effect="non-scaling-stroke"></path>
    </svg>`;
  }

  private renderTile(tile: Tile, index: number): TemplateResult {
    const classes = `tile ${tile.status}${index === this.focusIndex ? ' focused' : ''}${tile.id === this.openId ? ' open' : ''}`;
    return html`<div
      class=${classes}
      part="tile"
      data-id=${tile.id}
      @click=${() => this.activate(index)}
      @pointerenter=${(e: PointerEvent) => this.onTileEnter(e, tile)}
    >
      <div class="tile-label" part="tile-label">${this.compact ? tile.shortLabel : tile.label}</div>
      <div class="tile-value" part="tile-value">${tile.valueText}</div>
      ${this.renderChange(tile)} ${this.renderStatus(tile)}
      ${this.compact ? nothing : html`<div class="base" part="tile-base">${tile.baseShort}</div>`} ${this.renderSpark(tile)}
    </div>`;
  }

  private renderTooltip(card: Scorecard): TemplateResult | typeof nothing {
    const tile = this.hover && card.tiles.find((t) => t.id === this.hover!.id);
    if (!tile) return nothing;
    return tooltip(
      this.hover!.anchor,
      html`<strong>${tile.label}</strong>
        <p>${tile.kpi.definition}</p>
        ${tile.kpi.formula ? html`<p>Formula: ${tile.kpi.formula}</p>` : nothing}
        <p>${tile.baseSentence}</p>`,
      'kpi-tooltip',
    );
  }

  private renderDetail(card: Scorecard): TemplateResult | typeof nothing {
    const tile = card.tiles.find((t) => t.id === this.openId);
    if (!tile) return nothing;
    const rows = historyRows(tile, card.accounts, this.format);
    const tolerance = toleranceOf(this.tolerance);
    return html`<section class="detail" part="detail" aria-labelledby="detail-title" @keydown=${this.onDetailKeydown}>
      <div class="detail-head">
        <p class="detail-title" id="detail-title">${tile.label}: ${tile.fullValueText}</p>
        <button type="button" class="tool" part="detail-close" @click=${() => this.closeDetail()}>Close<span class="sr-only"> details</span></button>
      </div>
      <dl>
        <dt>Definition</dt>
        <dd>${tile.kpi.definition}</dd>
        ${tile.kpi.formula ? html`<dt>Formula</dt><dd>${tile.kpi.formula}</dd>` : nothing}
        <dt>Base</dt>
        <dd>${tile.baseSentence}</dd>
        <dt>Previous</dt>
        <dd>${tile.previousText ? `${tile.previousText} (${tile.deltaWords})` : 'Not in the feed'}</dd>
        <dt>Target</dt>
        <dd>${tile.targetText ? `${tile.targetText} (${tile.targetSource === 'attribute' ? 'set on this scorecard' : 'from the feed'})` : 'None set'}</dd>
        <dt>Status</dt>
        <dd>
          ${tile.statusLabel}${tile.targetText && tile.limitText ? `. ${statusRule(tile.kpi.better, tile.targetText, tile.limitText, tolerance, this.format)}` : ''}
        </dd>
      </dl>
      ${rows.length
        ? html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="history-caption">
            <table>
              <caption id="history-caption">History of ${tile.label}, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col" class="num">Value</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td class="num">${r.value}</td></tr>`)}
              </tbody>
            </table>
          </div>`
        : html`<p class="base">No history for this KPI.</p>`}
    </section>`;
  }

  protected renderChart(feed: Feed): TemplateResult {
    const card = this.card(feed);
    const layout = this.compact ? 'strip' : `grid cols-${this.columns}`;
    return html`<p class="headline" part="headline">${card.headline}</p>
      ${card.notes.length ? html`<ul class="notes" part="notes">${card.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
      ${skippedNotice(feed.skippedKpis, 'KPI')}
      <div
        class="plot ${layout}"
        part="plot"
        tabindex="0"
        role="group"
        aria-labelledby="summary"
        @focus=${this.onPlotFocus}
        @keydown=${this.onPlotKeydown}
        @pointerleave=${() => (this.hover = undefined)}
      >
        ${this.renderTiles(card)} ${this.renderTooltip(card)}
      </div>
      ${card.hidden.length
        ? html`<div class="unavailable" part="unavailable">
            <p>Not shown, not available from this data:</p>
            <ul>
              ${card.hidden.map((k) => html`<li><strong>${k.label}</strong>: ${k.unavailableReason}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${this.compact ? this.renderDetail(card) : nothing}`;
  }

  /** The tiles; in the grid, the open detail follows the row of its tile (spanning the row), so it opens where the eye is. */
  private renderTiles(card: Scorecard): unknown[] {
    const out: unknown[] = card.tiles.map((tile, i) => this.renderTile(tile, i));
    const open = card.tiles.findIndex((t) => t.id === this.openId);
    if (this.compact || open < 0) return out;
    const columns = this.columns;
    const rowEnd = Math.min(card.tiles.length - 1, Math.floor(open / columns) * columns + columns - 1);
    out.splice(rowEnd + 1, 0, this.renderDetail(card));
    return out;
  }
}
