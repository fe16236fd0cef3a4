/**
 * <kam-quadrant>: effort against impact per account (see the class comment).
 * One file over 300 lines: the element's documented attributes, its lifecycle and its handlers are one
 * class; placing, drawing, the canvas layer, zoom, pointer, words and tables are in the quadrant-* files.
 */
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { isNum } from '../../analysis/numbers.js';
import type { Portfolio } from '../../analysis/portfolio.js';
import type { QuadrantId, QuadrantResult } from '../../analysis/quadrant.js';
import { ItemFocusController } from '../../internal/item-focus.js';
import { KamWidget } from '../../internal/kam-widget.js';
import { memo } from '../../internal/memo.js';
import { previousTiersOf } from '../../internal/previous-tier.js';
import type { ScaleKind } from '../../internal/scale.js';
import { inlineStyle } from '../../internal/style-directive.js';
import { flaggedAt, flagMarkStyles } from '../../internal/flag-marks.js';
import { tooltip } from '../../internal/tooltip.js';
import { PointsLayerController, pointsImage } from './quadrant-canvas.js';
import { inView, quadrantChart, type QuadrantChart } from './quadrant-layout.js';
import { axisMarks, flagMarks, legendMarks, overlayMarks, placeFlags, pointMarks, regionMarks, trailMarks, type PlacedFlags } from './quadrant-marks.js';
import { accountOfPoint, idsOfPoints, pointOfId, pointsOfQuadrant, quadrantModel, selectionMask, type QuadrantModel } from './quadrant-model.js';
import { notesList, pointTooltip, quadrantStats, zoomControls } from './quadrant-panels.js';
import { QuadrantPointerController } from './quadrant-pointer.js';
import { nearestInDirection, pointsInBox, quadrantAfter, topPoints } from './quadrant-scatter.js';
import { quadrantStyles } from './quadrant-styles.js';
import { quadrantCsvColumns, quadrantRows, quadrantTableColumns, type QuadrantRow } from './quadrant-table.js';
import { KEY_HELP, NOTHING_PLACED, impactAxisTitle, isArrow, labelsConverter, noAccountFurther, overServedSummary, pointDescription, quadrantFigures, quadrantName, trailSentence, zoomSentence, type QuadrantLabels } from './quadrant-text.js';
import { FULL_VIEW, ChartZoom, windowOf } from './quadrant-zoom.js';

export type { ScaleKind, QuadrantLabels, QuadrantRow };

const SVG_NS = 'http://www.w3.org/2000/svg';


/**
 * @summary The effort-versus-impact quadrant: every account placed by the effort spent on it and the
 * impact of working it, bubble area by revenue, shape and colour by tier, split into Quick wins,
 * Strategic investments, Maintain and Over-served, so misallocated effort stands out.
 *
 * @tag kam-quadrant
 *
 * @event {CustomEvent<KamSelectDetail>} kam-select - Accounts were selected (click, Enter/Space, a dragged rectangle, a quadrant's name) or the selection was cleared (Escape).
 * @event {CustomEvent<KamLoadDetail>} kam-load - A feed was loaded and validated.
 * @event {CustomEvent<KamErrorDetail>} kam-error - The feed could not be loaded or is not a feed.
 *
 * @csspart zoom-controls - The zoom in, zoom out and reset buttons.
 * @csspart zoom-button - One zoom button.
 * @csspart canvas - The canvas layer that draws the points of large feeds (more than `svg-limit`).
 * @csspart tooltip - The tooltip of the hovered or focused account.
 * @csspart quadrant-stats - The four quadrants' figures (accounts, share of effort, revenue).
 * @csspart quadrant-button - One quadrant's figures; a click selects its accounts.
 * @csspart notes - Notes under the chart: accounts not plotted, the split, the scale.
 *
 * Red flags: a flagged account's point carries a small flag at its upper right, filled when a flag is
 * severe, outlined for a warning (on the canvas layer too, as SVG over it: the 2,000 most severe and
 * largest in view, and a note says so); a note under the chart says what the flags mean; the tooltip
 * says the flags in words, the table view and the CSV export have each account's flags.
 *
 * With history, an account's tooltip gives its tier in the previous period ("Tier: MGC · Most Growable
 * Customers (2026-Q2: STC)", "new" without figures then), the table view a "Tier in 2026-Q2" column and
 * the CSV a `previous_tier` column (empty without history), with or without `show-previous`.
 *
 * @cssprop [--kam-quadrant-quick-wins=var(--kam-good)] - Shade of the Quick wins quadrant.
 * @cssprop [--kam-quadrant-strategic=var(--kam-accent)] - Shade of the Strategic investments quadrant.
 * @cssprop [--kam-quadrant-maintain=var(--kam-muted)] - Shade of the Maintain quadrant.
 * @cssprop [--kam-quadrant-over-served=var(--kam-bad)] - Shade of the Over-served quadrant.
 * @cssprop [--kam-tier-mvc=#1f5fbf] - MVC points (circles); dark theme #58a6ff.
 * @cssprop [--kam-tier-mgc=#1a7f37] - MGC points (triangles); dark theme #3fb950.
 * @cssprop [--kam-tier-stc=#7d4fc9] - STC points (squares); dark theme #bc8cff.
 * @cssprop [--kam-tier-bz=#c1121f] - BZ points (diamonds); dark theme #ff7b72.
 * @cssprop [--kam-good=#1a7f37] - Default shade of Quick wins; dark theme #3fb950.
 * @cssprop [--kam-bad=#c1121f] - Default shade of Over-served; dark theme #ff7b72.
 * @cssprop [--kam-flag-severe=#c1121f] - The filled flag of a severe red flag (default: `--kam-bad`; dark theme #ff7b72).
 * @cssprop [--kam-flag-warning=#8a5300] - The outlined flag of a warning (default: `--kam-warning`; dark theme #e3b341).
 */
export class KamQuadrant extends KamWidget<QuadrantModel, QuadrantRow> {
  static override styles = [...KamWidget.styles, flagMarkStyles, quadrantStyles];

  /** The points under keyboard focus and hover, by account id. */
  protected readonly items = new ItemFocusController(this, {
    count: () => this.model?.scatter.count ?? 0,
    keyOf: (k) => accountOfPoint(this.model!, k).id,
    indexOf: (id) => (this.model ? pointOfId(this.model, id) : -1),
    move: (key, k) => this.move(key, k),
    describe: (k) => this.describePoint(k),
    activate: (k, extend) => this.selectPoints([k], extend),
    otherKey: (event) => this.otherKey(event.key),
    announce: (text) => this.announce(text),
  });

  private readonly pointer = new QuadrantPointerController(this, {
    chart: () => (this.model?.scatter.count && this.chart ? { layout: this.chart.layout, scatter: this.model.scatter } : undefined),
    hover: (k) => this.items.setHover(k),
    onPointClick: (k, extend) => {
      this.items.focus(k, false);
      this.selectPoints([k], extend);
    },
    onQuadrantClick: (id, extend) => this.selectPoints(pointsOfQuadrant(this.model!, id), extend),
    onBrush: (units, zoom, extend) =>
      zoom ? this.zoom.set(windowOf(units)) : this.selectPoints(pointsInBox(this.model!.scatter, units.u0, units.u1, units.v0, units.v1), extend),
  });

  private readonly zoom = new ChartZoom(this, { announce: (zoom) => this.announce(zoomSentence(zoom, this.format)) });

  private readonly pointsLayer = new PointsLayerController(this, {
    canvas: () => this.renderRoot.querySelector<HTMLCanvasElement>('canvas.points'),
    points: () => this.model && this.chart && { scatter: this.model.scatter, layout: this.chart.layout, selected: this.selectedPoints(this.model, this.selectedIds) },
    theme: () => this.theme,
  });

  protected readonly exportName = 'kam-quadrant';
  private readonly deriveQuadrantModel = memo(quadrantModel);
  private readonly deriveChart = memo(quadrantChart);
  private readonly selectedPoints = memo(selectionMask);
  private readonly deriveFlags = memo(placeFlags);
  /** Each account's tier in the previous period (tooltip, table, CSV): read at the first idle moment, or when first needed. */
  private readonly derivePrevious = memo(previousTiersOf);
  /** The flags drawn; undefined until the flags are read. */
  private flags?: PlacedFlags;
  private chart?: QuadrantChart;
  /** Each account's red-flag level; undefined until the flags are read. */
  private flagLevel?: Uint8Array;

  /** Effort at or above this is high, in the feed's effort unit. Default: the median effort of the whole feed's plotted accounts (kept under a filter). */
  @property({ attribute: 'effort-threshold', type: Number }) effortThreshold?: number;

  /** Impact at or above this is high, in the feed's impact unit. Default: the median impact of the whole feed's plotted accounts (kept under a filter). */
  @property({ attribute: 'impact-threshold', type: Number }) impactThreshold?: number;

  /** Axis scales: "linear" (default) or "log", a symmetric log that keeps zero and negative impact on the chart. */
  @property({ reflect: true }) scale: ScaleKind = 'linear';

  /** Other names for the quadrants, by id, e.g. `{"over-served": "Over-invested"}` (JSON in the attribute). Default: Quick wins, Strategic investments, Maintain, Over-served. */
  @property({ converter: labelsConverter }) labels: QuadrantLabels = {};

  /** The most points drawn as SVG; above it the points go on a canvas layer under the SVG overlay. Default 2000. */
  @property({ attribute: 'svg-limit', type: Number }) svgLimit = 2000;

  /** Shows where each account stood in the previous period: a faint trail to accounts that changed quadrant (the 2,000 largest), their previous quadrant in the tooltip, the table and the CSV, and how many moved into Over-served in the summary. Needs a feed with history. Default: false. */
  @property({ attribute: 'show-previous', type: Boolean, reflect: true }) showPrevious = false;

  /** The quadrant analysis the chart shows (undefined until a feed is ready). */
  get analysis(): QuadrantResult | undefined {
    return this.model?.result;
  }

  /** How the points are drawn: "svg" up to `svg-limit` plotted accounts, "canvas" above. */
  get renderMode(): 'svg' | 'canvas' {
    const limit = isNum(this.svgLimit) && this.svgLimit >= 0 ? this.svgLimit : 2000;
    return (this.model?.scatter.count ?? 0) > limit ? 'canvas' : 'svg';
  }

  /** The quadrant's name as shown: the `labels` entry, else the default. */
  quadrantLabel(id: QuadrantId): string {
    return quadrantName(this.labels, id);
  }

  private readonly labelOf = (id: QuadrantId) => this.quadrantLabel(id);

  protected deriveModel(portfolio: Portfolio): QuadrantModel {
    const own = (threshold: number | undefined) => (isNum(threshold) ? threshold : undefined);
    return this.deriveQuadrantModel(portfolio, own(this.effortThreshold), own(this.impactThreshold), this.scale === 'log' ? 'log' : 'linear', this.showPrevious);
  }

  protected override willUpdate(changed: PropertyValues): void {
    const previous = this.model;
    super.willUpdate(changed);
    const model = this.model;
    if (model !== previous) {
      // New points and axes: the hovered point, a zoom window or a dragged rectangle of the old ones means nothing on them.
      this.items.clear();
      this.zoom.reset();
      this.pointer.reset();
    }
    this.chart = model && this.deriveChart(model, this.size.width, this.zoom.window, this.renderMode === 'canvas', this.labels, this.format);
    this.flagLevel = model && this.flagsToMark(model.portfolio)?.level;
    this.flags = this.flagLevel && this.chart && model!.scatter.count ? this.deriveFlags(model!.scatter, this.chart.layout, this.flagLevel) : undefined;
  }

  /** What the notes say of the flags drawn (nothing until the flags are read). */
  private flagNote(model: QuadrantModel) {
    if (!this.flags) return undefined;
    const { accounts, severe } = model.portfolio.flags();
    return { accounts: accounts.length, severe, inView: this.flags.inView, drawn: this.flags.marks.length };
  }

  /** The previous period's tiers too, at the first idle moment. */
  protected override prepare(portfolio: Portfolio): void {
    super.prepare(portfolio);
    this.derivePrevious(portfolio);
  }

  // ---- selection ------------------------------------------------------------------------------------

  private selectPoints(points: readonly number[], extend: boolean): void {
    this.selectIds(idsOfPoints(this.model!, points), extend);
  }

  protected override onEscape(): void {
    super.onEscape();
    this.pointer.reset();
  }

  // ---- summary, table, CSV -------------------------------------------------------------------------

  protected summary(model: QuadrantModel): string {
    const trail = model.trail ? trailSentence(model.trail, this.labelOf, this.format) : '';
    return overServedSummary(model.result, this.labelOf, this.format) + trail;
  }

  protected tableRows(model: QuadrantModel): readonly QuadrantRow[] {
    return quadrantRows(model, this.derivePrevious(model.portfolio));
  }

  protected rowKey(row: QuadrantRow): string {
    return row.account.id;
  }

  protected override rowMark(row: QuadrantRow) {
    return row.point < 0 ? { label: 'not plotted', className: 'unplaced' } : undefined;
  }

  protected tableColumns(model: QuadrantModel) {
    const previous = { quadrant: model.trail?.period, tier: this.derivePrevious(model.portfolio)?.period };
    return quadrantTableColumns(this.labelOf, this.format, previous, (row) => flaggedAt(model.portfolio.flags(), row.index));
  }

  protected csvColumns(model: QuadrantModel | undefined) {
    return quadrantCsvColumns(this.labelOf, this.showPrevious, (row) => flaggedAt(model!.portfolio.flags(), row.index));
  }

  // ---- export -------------------------------------------------------------------------------------

  /** On the canvas layer, the exported SVG carries the points as an embedded PNG image (a node, not parsed markup: Trusted Types allow it). */
  protected override editExport(copy: SVGSVGElement): void {
    const drawing = this.renderMode === 'canvas' ? this.pointsLayer.drawing() : undefined;
    const layer = copy.querySelector('[data-points-layer]');
    if (!drawing || !layer) return;
    const image = copy.ownerDocument.createElementNS(SVG_NS, 'image'); // in the copy's document, where nothing loads
    image.setAttribute('href', pointsImage(drawing));
    image.setAttribute('width', String(drawing.layout.width));
    image.setAttribute('height', String(drawing.layout.height));
    layer.replaceWith(image);
  }

  // ---- keyboard and zoom ------------------------------------------------------------------------------

  private describePoint(k: number): string {
    return pointDescription(this.model!, k, this.selectedIds, this.labelOf, this.format, this.flagLevel?.[this.model!.scatter.account[k]!] ?? 0);
  }

  /** Arrows: to the nearest account that way (announcing when there is none); the first press goes to the largest account in view. */
  private move(key: string, k: number): number | undefined {
    if (!isArrow(key)) return undefined;
    const { scatter } = this.model!;
    const { layout } = this.chart!;
    if (k < 0) return this.reveal(topPoints(scatter.revenue, 1, (p) => inView(layout, p))[0] ?? topPoints(scatter.revenue, 1)[0]!);
    const next = nearestInDirection(k, key, layout.px, layout.py);
    if (next < 0) this.announce(noAccountFurther(key));
    return this.reveal(next);
  }

  /** Zoom keys, and Page Down / Up between quadrants. */
  private otherKey(key: string): boolean {
    if (key === '+' || key === '=') this.zoomBy(2);
    else if (key === '-' || key === '_') this.zoomBy(0.5);
    else if (key === '0') this.zoom.set(FULL_VIEW);
    else if (key === 'PageDown' || key === 'PageUp') this.toQuadrant(key === 'PageDown' ? 1 : -1);
    else return false;
    return true;
  }

  /** To the largest account of the next (previous) quadrant that has any, announced with the quadrant's figures. */
  private toQuadrant(step: 1 | -1): void {
    const { scatter, result } = this.model!;
    const q = quadrantAfter(scatter, this.items.index, step);
    if (q < 0) return;
    const lead = this.reveal(scatter.quadrantLead[q]!);
    this.items.focus(lead, `${quadrantFigures(result.quadrants[q]!, this.labelOf, this.format)} ${this.describePoint(lead)}`);
  }

  /** Pans the zoom window to point k when k lies outside it; returns k. */
  private reveal(k: number): number {
    if (k >= 0) this.zoom.reveal(this.model!.scatter.u[k]!, this.model!.scatter.v[k]!);
    return k;
  }

  /** Zooms around the focused account, else around the window's centre. */
  private zoomBy(factor: number): void {
    const { u, v } = this.model!.scatter;
    const k = this.items.index;
    this.zoom.by(factor, k >= 0 ? { u: u[k]!, v: v[k]! } : undefined);
  }

  // ---- rendering ------------------------------------------------------------------------------------

  protected renderChart(model: QuadrantModel): TemplateResult {
    const f = this.format;
    if (!this.chart || model.scatter.count === 0) return html`<p class="nothing-placed">${NOTHING_PLACED}</p>${notesList(model, f)}`;
    const { layout, pointLabels } = this.chart;
    const canvas = this.renderMode === 'canvas';
    const mask = this.selectedPoints(model, this.selectedIds);
    const { width, height, clip } = layout;
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    const active = this.items.active;
    const anchor = active >= 0 ? { x: layout.px[active]!, y: layout.py[active]!, width, height } : undefined;
    const { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onPointerLeave } = this.pointer;
    const content = html`${canvas
        ? html`<canvas class="points" part="canvas" aria-hidden="true" width=${Math.round(width * ratio)} height=${Math.round(height * ratio)} .style=${inlineStyle({ width: `${width}px`, height: `${height}px` })}></canvas>`
        : nothing}
      <svg class="chart" width=${width} height=${height} aria-hidden="true">
        <defs><clipPath id="points-clip"><rect x=${clip.x0} y=${clip.y0} width=${clip.x1 - clip.x0} height=${clip.y1 - clip.y0}></rect></clipPath></defs>
        ${canvas ? svg`<g data-points-layer="canvas"></g>` : nothing}
        ${legendMarks(layout)} ${regionMarks(layout)}
        ${axisMarks(layout, `Effort${model.scale === 'log' ? ' (log scale)' : ''} →`, impactAxisTitle(model.result, model.scale))}
        ${model.trail ? guard([layout, model.trail], () => trailMarks(model.scatter, model.trail!, layout)) : nothing}
        ${canvas ? nothing : guard([layout, mask], () => pointMarks(model.scatter, layout, mask))}
        ${this.flags ? guard([this.flags], () => flagMarks(this.flags!)) : nothing}
        ${overlayMarks(layout, { labels: pointLabels, hover: this.items.hover, focus: this.items.index, brush: this.pointer.brush })}
      </svg>
      ${tooltip(anchor, active >= 0 ? pointTooltip(model, active, this.labelOf, f, flaggedAt(model.portfolio.flags(), model.scatter.account[active]!), this.derivePrevious(model.portfolio)) : undefined, 'tooltip')}`;
    return html`${zoomControls(layout.zoom, (factor) => this.zoomBy(factor), () => this.zoom.set(FULL_VIEW))}
      ${this.renderPlot({ roleDescription: 'quadrant chart', keys: KEY_HELP, onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onPointerLeave }, content)}
      ${quadrantStats(model, width < 440, this.labelOf, f, (id, extend) => this.selectPoints(pointsOfQuadrant(model, id), extend))} ${notesList(model, f, this.flagNote(model))}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kam-quadrant': KamQuadrant;
  }
}
