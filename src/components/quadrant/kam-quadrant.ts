/** <kam-quadrant>: effort against impact per account (see the class comment). */
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { QUADRANT_IDS, QUADRANT_LABELS, type QuadrantId, type QuadrantResult } from '../../analysis/quadrant.js';
import { TIER_ORDER } from '../../analysis/tiers.js';
import { isNum } from '../../analysis/numbers.js';
import type { TableColumn } from '../../internal/data-table.js';
import type { CsvColumn } from '../../internal/export.js';
import { KamWidget } from '../../internal/kam-widget.js';
import { whenIdle } from '../../internal/idle.js';
import { inlineStyle } from '../../internal/style-directive.js';
import { tooltip } from '../../internal/tooltip.js';
import { drawPoints, pointsImage, resolveColour, type PointsDrawing } from './quadrant-canvas.js';
import { pointLabels, type PlacedLabel } from './quadrant-labels.js';
import { FULL_VIEW, panTo, quadrantLayout, windowAt, zoomAround, type Box, type QuadrantLayout, type Zoom } from './quadrant-layout.js';
import { axisMarks, legendMarks, overlayMarks, pointMarks, regionMarks } from './quadrant-marks.js';
import { nearestInDirection, pointsInBox, quadrantModel, topPoints, type Direction, type QuadrantModel, type ScaleKind } from './quadrant-model.js';
import { notesList, pointTooltip, quadrantStats } from './quadrant-panels.js';
import { QuadrantPointerController } from './quadrant-pointer.js';
import { TIER_SHAPE_NAMES } from './quadrant-shapes.js';
import { quadrantStyles } from './quadrant-styles.js';
import { quadrantCsvColumns, quadrantRows, quadrantTableColumns, type QuadrantRow } from './quadrant-table.js';
import { NOTHING_PLACED, allHeadroom, impactAxisTitle, overServedSummary, pointDescription, quadrantFigures, splitTexts } from './quadrant-text.js';

export type { ScaleKind } from './quadrant-model.js';
export type { QuadrantRow } from './quadrant-table.js';

/** Names for the quadrants, by id; missing ones keep the default names. */
export type QuadrantLabels = Partial<Record<QuadrantId, string>>;

const labelsConverter = {
  fromAttribute(value: string | null): QuadrantLabels {
    try {
      const parsed: unknown = JSON.parse(value ?? '{}');
      return parsed && typeof parsed === 'object' ? (parsed as QuadrantLabels) : {};
    } catch {
      return {}; // not JSON: keep the default names rather than throw from an attribute
    }
  },
  toAttribute: (value: QuadrantLabels) => JSON.stringify(value),
};

const SVG_NS = 'http://www.w3.org/2000/svg';
const ARROW_WAY: Record<Direction, string> = {
  ArrowRight: 'to the right (more effort)',
  ArrowLeft: 'to the left (less effort)',
  ArrowUp: 'above (more impact)',
  ArrowDown: 'below (less impact)',
};

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
 * @csspart frame - The widget's frame around header, chart and table.
 * @csspart header - The summary and the toolbar.
 * @csspart summary - The one-sentence summary with the exact figures.
 * @csspart toolbar - The buttons above the chart.
 * @csspart view-toggle - The "View as table" button.
 * @csspart export-button - The button that opens the export menu.
 * @csspart export-menu - The export menu (SVG, PNG, CSV).
 * @csspart export-item - One entry of the export menu.
 * @csspart export-message - Why an export failed (for example PNG under a policy without blob: images).
 * @csspart clear-selection - The "Clear selection" button, shown while accounts are selected.
 * @csspart zoom-controls - The zoom in, zoom out and reset buttons.
 * @csspart zoom-button - One zoom button.
 * @csspart plot - The chart area (one Tab stop).
 * @csspart canvas - The canvas layer that draws the points of large feeds (more than `svg-limit`).
 * @csspart tooltip - The tooltip of the hovered or focused account.
 * @csspart quadrant-stats - The four quadrants' figures (accounts, share of effort, revenue).
 * @csspart quadrant-button - One quadrant's figures; a click selects its accounts.
 * @csspart notes - Notes under the chart: accounts not plotted, the split, the scale.
 * @csspart table-container - The scrolling box around the table view.
 * @csspart table - The table view.
 * @csspart show-more - The button that shows more rows of a long table.
 * @csspart skipped-notice - The "N accounts skipped" notice with the reasons.
 * @csspart stale-notice - The notice that a background refresh failed and the data shown is from an earlier load.
 * @csspart state - Every state view (loading, empty, error, idle).
 * @csspart state-loading - The loading view (a quiet skeleton, aria-busy on the element).
 * @csspart state-empty - The view of a feed with no accounts (or none that match the filter).
 * @csspart state-error - The error view with the problems listed.
 * @csspart state-idle - The view before any input is set.
 * @csspart retry-button - The Retry button of a network error.
 *
 * @cssprop [--kam-quadrant-quick-wins=var(--kam-good)] - Shade of the Quick wins quadrant.
 * @cssprop [--kam-quadrant-strategic=var(--kam-accent)] - Shade of the Strategic investments quadrant.
 * @cssprop [--kam-quadrant-maintain=var(--kam-muted)] - Shade of the Maintain quadrant.
 * @cssprop [--kam-quadrant-over-served=var(--kam-bad)] - Shade of the Over-served quadrant.
 * @cssprop [--kam-tier-mvc=#1f5fbf] - MVC points (circles); dark theme #58a6ff.
 * @cssprop [--kam-tier-mgc=#1a7f37] - MGC points (triangles); dark theme #3fb950.
 * @cssprop [--kam-tier-stc=#7d4fc9] - STC points (squares); dark theme #bc8cff.
 * @cssprop [--kam-tier-bz=#c1121f] - BZ points (diamonds); dark theme #ff7b72.
 * @cssprop [--kam-bg=#ffffff] - Background, and the halo behind labels; dark theme #0d1117.
 * @cssprop [--kam-surface=#f6f8fa] - Hover background of buttons; dark theme #161b22.
 * @cssprop [--kam-fg=#1f2328] - Text, split lines and the outline of selected points; dark theme #e6edf3.
 * @cssprop [--kam-muted=#59636e] - Axes and secondary text; dark theme #9ba7b4.
 * @cssprop [--kam-border=#d1d9e0] - Borders and axis lines; dark theme #3d444d.
 * @cssprop [--kam-grid=#e8ecf0] - Grid lines; dark theme #262c36.
 * @cssprop [--kam-accent=#0b63c5] - The drag rectangle and pressed buttons; dark theme #58a6ff.
 * @cssprop [--kam-good=#1a7f37] - Default shade of Quick wins; dark theme #3fb950.
 * @cssprop [--kam-bad=#c1121f] - Default shade of Over-served; dark theme #ff7b72.
 * @cssprop [--kam-focus=#0b63c5] - Focus ring; dark theme #79c0ff.
 * @cssprop [--kam-warning=#8a5300] - The note about accounts without effort data; dark theme #e3b341.
 * @cssprop [--kam-tooltip-bg=#1f2328] - Tooltip background; dark theme #e6edf3.
 * @cssprop [--kam-tooltip-fg=#ffffff] - Tooltip text; dark theme #0d1117.
 * @cssprop [--kam-accent-soft=#dbeafe] - Background of pressed toolbar buttons; dark theme #10284a.
 * @cssprop [--kam-error=#c1121f] - Error text; dark theme #ff7b72.
 * @cssprop [--kam-error-bg=#fff1f0] - Background of the error view; dark theme #2d1214.
 * @cssprop [--kam-warning-bg=#fff8e6] - Background of the skipped and stale notices; dark theme #2b2111.
 * @cssprop [--kam-skeleton=#eaeef2] - The loading skeleton; dark theme #21262d.
 * @cssprop [--kam-radius=6px] - Corner radius of buttons, tooltip and plot.
 * @cssprop [--kam-font=system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif] - Font family.
 * @cssprop [--kam-font-size=14px] - Base font size.
 * @cssprop [--kam-table-max-height=28em] - Height of the table view before it scrolls.
 */
export class KamQuadrant extends KamWidget<QuadrantRow> {
  static override styles = [...KamWidget.styles, quadrantStyles];

  private readonly pointer = new QuadrantPointerController(this, {
    chart: () => (this.model && this.layout && this.model.scatter.count ? { layout: this.layout, scatter: this.model.scatter } : undefined),
    onPointClick: (k, extend) => {
      this.focusPoint = k;
      this.selectPoints([k], extend);
    },
    onQuadrantClick: (id, extend) => this.selectQuadrant(id, extend),
    onBrush: (box, zoom, extend) => this.brushed(box, zoom, extend),
  });

  @state() private focusPoint = -1;
  @state() private zoom: Zoom = FULL_VIEW;

  protected readonly exportName = 'kam-quadrant';
  private model?: QuadrantModel;
  private layout?: QuadrantLayout;
  private layoutKey: unknown[] = [];
  private labelsPlaced: PlacedLabel[] = [];
  private selectionCache?: { ids: ReadonlySet<string>; model: QuadrantModel; mask?: Uint8Array };
  private pointById?: { model: QuadrantModel; map: Map<string, number> };
  private rowsCache?: { model: QuadrantModel; rows: QuadrantRow[] };
  private drawn?: { canvas: HTMLCanvasElement; width: number; height: number; layout: QuadrantLayout; mask?: Uint8Array; theme: string };

  /** Effort at or above this is high, in the feed's effort unit. Default: the median effort of the plotted accounts. */
  @property({ attribute: 'effort-threshold', type: Number }) effortThreshold?: number;

  /** Impact at or above this is high, in the feed's impact unit. Default: the median impact of the plotted accounts. */
  @property({ attribute: 'impact-threshold', type: Number }) impactThreshold?: number;

  /** Axis scales: "linear" (default) or "log", a symmetric log that keeps zero and negative impact on the chart. */
  @property({ reflect: true }) scale: ScaleKind = 'linear';

  /** Other names for the quadrants, by id, e.g. `{"over-served": "Over-invested"}` (JSON in the attribute). Default: Quick wins, Strategic investments, Maintain, Over-served. */
  @property({ converter: labelsConverter }) labels: QuadrantLabels = {};

  /** The most points drawn as SVG; above it the points go on a canvas layer under the SVG overlay. Default 2000. */
  @property({ attribute: 'svg-limit', type: Number }) svgLimit = 2000;

  /** The quadrant analysis the chart shows (undefined until a feed is ready). */
  get analysis(): QuadrantResult | undefined {
    return this.currentModel()?.result;
  }

  /** How the points are drawn: "svg" up to `svg-limit` plotted accounts, "canvas" above. */
  get renderMode(): 'svg' | 'canvas' {
    return (this.currentModel()?.scatter.count ?? 0) > this.pointLimit ? 'canvas' : 'svg';
  }

  /** The quadrant's name as shown: the `labels` entry, else the default. */
  quadrantLabel(id: QuadrantId): string {
    const label = this.labels?.[id];
    return typeof label === 'string' && label.trim() ? label.trim() : QUADRANT_LABELS[id];
  }

  private readonly labelOf = (id: QuadrantId) => this.quadrantLabel(id);

  private get pointLimit(): number {
    return isNum(this.svgLimit) && this.svgLimit >= 0 ? this.svgLimit : 2000;
  }

  /** The model for the current feed and options; a new one drops focus, hover and zoom. */
  private currentModel(): QuadrantModel | undefined {
    const feed = this.feedController.state.feed;
    if (!feed) return undefined;
    const previous = this.model;
    const model = quadrantModel(
      feed,
      {
        effortThreshold: isNum(this.effortThreshold) ? this.effortThreshold : undefined,
        impactThreshold: isNum(this.impactThreshold) ? this.impactThreshold : undefined,
        scale: this.scale === 'log' ? 'log' : 'linear',
      },
      previous,
    );
    if (model !== previous) {
      this.model = model;
      this.focusPoint = this.pointOfAccount(model, previous, this.focusPoint);
      this.zoom = FULL_VIEW;
      this.pointer.reset();
    }
    return model;
  }

  /** Point k of the previous model in `model` (the same account after a refresh), or -1. */
  private pointOfAccount(model: QuadrantModel, previous: QuadrantModel | undefined, k: number): number {
    if (!previous || k < 0 || k >= previous.scatter.count) return -1;
    const id = previous.feed.accounts[previous.scatter.account[k]!]!.id;
    return this.pointsById(model).get(id) ?? -1;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const model = this.currentModel();
    if (!model) return;
    const f = this.format;
    const width = Math.max(280, this.size.width);
    const names = QUADRANT_IDS.map((id, q) => ({ name: this.quadrantLabel(id), count: f.integer(model.result.quadrants[q]!.accounts) }));
    const key = [model, width, this.zoom, f, this.pointLimit, ...names.map((n) => n.name)];
    if (key.length === this.layoutKey.length && key.every((v, i) => v === this.layoutKey[i])) return;
    this.layoutKey = key;
    const headroom = allHeadroom(model.result);
    const layout = quadrantLayout(model.scatter, {
      width,
      zoom: this.zoom,
      minRadius: this.renderMode === 'canvas' ? 1 : 2,
      formatX: (v) => f.compact(v),
      formatY: (v) => (headroom ? f.moneyCompact(v) : f.compact(v)),
      legend: [...TIER_ORDER, 'Bubble area = revenue'],
      names: Object.fromEntries(QUADRANT_IDS.map((id, q) => [id, names[q]!])) as Record<QuadrantId, { name: string; count: string }>,
      splitText: splitTexts(model.result, f),
    });
    this.layout = layout;
    this.labelsPlaced = pointLabels(model.scatter, model.feed.accounts, layout, this.renderMode === 'canvas');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.drawCanvas();
  }

  // ---- selection ------------------------------------------------------------------------------------

  /** The selected points as a mask (undefined when none of the selected accounts is plotted). */
  private selectionMask(model: QuadrantModel): Uint8Array | undefined {
    const ids = this.selectedIds;
    const cache = this.selectionCache;
    if (cache?.ids === ids && cache.model === model) return cache.mask;
    let mask: Uint8Array | undefined;
    if (ids.size) {
      const byId = this.pointsById(model);
      mask = new Uint8Array(model.scatter.count);
      let plotted = 0;
      for (const id of ids) {
        const k = byId.get(id);
        if (k === undefined) continue;
        mask[k] = 1;
        plotted++;
      }
      if (!plotted) mask = undefined;
    }
    this.selectionCache = { ids, model, mask };
    return mask;
  }

  private pointsById(model: QuadrantModel): Map<string, number> {
    if (this.pointById?.model !== model) {
      const map = new Map<string, number>();
      const accounts = model.feed.accounts;
      for (let k = 0; k < model.scatter.count; k++) map.set(accounts[model.scatter.account[k]!]!.id, k);
      this.pointById = { model, map };
    }
    return this.pointById.map;
  }

  private selectPoints(points: readonly number[], extend: boolean): void {
    const { feed, scatter } = this.model!;
    this.selectIds(
      points.map((k) => feed.accounts[scatter.account[k]!]!.id),
      extend,
    );
  }

  private selectQuadrant(id: QuadrantId, extend: boolean): void {
    const { scatter } = this.model!;
    const q = QUADRANT_IDS.indexOf(id);
    const points: number[] = [];
    for (let k = 0; k < scatter.count; k++) if (scatter.quadrant[k] === q) points.push(k);
    this.selectPoints(points, extend);
  }

  /** A dragged rectangle: selects the points in it, or with Alt zooms to it. */
  private brushed(brush: Box, zoom: boolean, extend: boolean): void {
    const layout = this.layout!;
    const u = (x: number) => layout.u0 + (x - layout.x0) / layout.sx;
    const v = (y: number) => layout.v0 + (layout.y0 - y) / layout.sy;
    if (zoom) {
      const w = Math.max(u(brush.x1) - u(brush.x0), 1 / 256);
      const h = Math.max(v(brush.y0) - v(brush.y1), 1 / 256);
      this.setZoom(windowAt(u(brush.x0), v(brush.y1), w, h));
      return;
    }
    this.selectPoints(pointsInBox(this.model!.scatter, u(brush.x0), u(brush.x1), v(brush.y1), v(brush.y0)), extend);
  }

  protected override onEscape(): void {
    this.pointer.reset();
  }

  // ---- summary, table, CSV -------------------------------------------------------------------------

  protected summary(): string {
    return overServedSummary(this.currentModel()!.result, this.labelOf, this.format);
  }

  protected tableRows(): readonly QuadrantRow[] {
    const model = this.currentModel();
    if (!model) return [];
    if (this.rowsCache?.model !== model) this.rowsCache = { model, rows: quadrantRows(model) };
    return this.rowsCache.rows;
  }

  protected rowKey(row: QuadrantRow): string {
    return row.account.id;
  }

  protected override rowMark(row: QuadrantRow) {
    return row.point < 0 ? { label: 'not plotted', className: 'unplaced' } : undefined;
  }

  protected tableColumns(): readonly TableColumn<QuadrantRow>[] {
    return quadrantTableColumns(this.currentModel()!, this.labelOf, this.format);
  }

  protected csvColumns(): readonly CsvColumn<QuadrantRow>[] {
    return quadrantCsvColumns(this.currentModel()!, this.labelOf);
  }

  // ---- export and canvas layer --------------------------------------------------------------------

  /** On the canvas layer, the exported SVG carries the points as an embedded PNG image (a node, not parsed markup: Trusted Types allow it). */
  protected override editExport(copy: SVGSVGElement): void {
    const drawing = this.renderMode === 'canvas' ? this.drawing() : undefined;
    const layer = copy.querySelector('[data-points-layer]');
    if (!drawing || !layer) return;
    const image = copy.ownerDocument.createElementNS(SVG_NS, 'image'); // in the copy's document, where nothing loads
    image.setAttribute('href', pointsImage(drawing));
    image.setAttribute('width', String(drawing.layout.width));
    image.setAttribute('height', String(drawing.layout.height));
    layer.replaceWith(image);
  }

  private drawing(): PointsDrawing | undefined {
    const { model, layout } = this;
    if (!model || !layout) return undefined;
    const style = getComputedStyle(this);
    const token = (name: string) => resolveColour(style.getPropertyValue(name).trim() || '#888888');
    return {
      scatter: model.scatter,
      layout,
      selected: this.selectionMask(model),
      colours: { tiers: TIER_ORDER.map((t) => token(`--kam-tier-${t.toLowerCase()}`)), selected: token('--kam-fg') },
    };
  }

  /** Redraws the canvas layer when what it shows changed (not on hover or focus). */
  private drawCanvas(): void {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas.points');
    if (!canvas || !this.model || !this.layout) {
      this.drawn = undefined;
      return;
    }
    const mask = this.selectionMask(this.model);
    const d = this.drawn;
    if (d && d.canvas === canvas && d.layout === this.layout && d.mask === mask && d.theme === this.theme) return;
    const context = canvas.getContext('2d');
    const drawing = this.drawing();
    if (!context || !drawing) return;
    // A new canvas, or one whose size was set since the last drawing, is blank already.
    const blank = !d || d.canvas !== canvas || d.width !== canvas.width || d.height !== canvas.height;
    drawPoints(context, drawing, canvas.width / this.layout.width, { blank });
    this.drawn = { canvas, width: canvas.width, height: canvas.height, layout: this.layout, mask, theme: this.theme };
    // Build the hit-testing index once the points are painted, so neither the first paint nor the first hover waits for it.
    const scatter = this.model.scatter;
    whenIdle(() => void scatter.tree);
  }

  // ---- keyboard and zoom ------------------------------------------------------------------------------

  private onKeydown(event: KeyboardEvent) {
    const model = this.model;
    if (!model || !this.layout || model.scatter.count === 0) return;
    const key = event.key;
    if (key === 'Enter' || key === ' ') {
      if (this.focusPoint < 0) return;
      this.selectPoints([this.focusPoint], event.shiftKey);
    } else if (key === '+' || key === '=') this.zoomBy(2);
    else if (key === '-' || key === '_') this.zoomBy(0.5);
    else if (key === '0') this.setZoom(FULL_VIEW);
    else if (key === 'PageDown' || key === 'PageUp') this.moveToQuadrant(key === 'PageDown' ? 1 : -1);
    else if (key in ARROW_WAY) this.moveFocus(key as Direction);
    else return;
    event.preventDefault();
  }

  private moveFocus(key: Direction): void {
    const { scatter } = this.model!;
    const layout = this.layout!;
    if (this.focusPoint < 0) {
      const inView = (k: number) => layout.px[k]! >= layout.left && layout.px[k]! <= layout.right && layout.py[k]! >= layout.top && layout.py[k]! <= layout.bottom;
      // The first arrow press starts at the largest account in view.
      return this.focusOn(topPoints(scatter.revenue, 1, inView)[0] ?? topPoints(scatter.revenue, 1)[0]!);
    }
    const next = nearestInDirection(this.focusPoint, key, layout.px, layout.py);
    if (next < 0) this.announcement = `No account further ${ARROW_WAY[key]}.`;
    else this.focusOn(next);
  }

  /** Page Down / Up: to the largest account of the next (previous) quadrant that has any. */
  private moveToQuadrant(step: 1 | -1): void {
    const { scatter, result } = this.model!;
    let q = this.focusPoint >= 0 ? scatter.quadrant[this.focusPoint]! : step > 0 ? -1 : 4;
    for (let i = 0; i < 4; i++) {
      q = (q + step + 4) % 4;
      const lead = scatter.quadrantLead[q]!;
      if (lead >= 0) return this.focusOn(lead, quadrantFigures(result.quadrants[q]!, this.labelOf, this.format));
    }
  }

  private focusOn(k: number, prefix = ''): void {
    const layout = this.layout!;
    const { scatter, feed, result } = this.model!;
    this.focusPoint = k;
    this.pointer.reset();
    const px = layout.px[k]!;
    const py = layout.py[k]!;
    if (layout.zoomed && (px < layout.left || px > layout.right || py < layout.top || py > layout.bottom)) this.zoom = panTo(this.zoom, scatter.u[k]!, scatter.v[k]!);
    const account = feed.accounts[scatter.account[k]!]!;
    const description = pointDescription(account, scatter, result, k, this.selectedIds.has(account.id), this.labelOf, this.format);
    this.announcement = prefix ? `${prefix} ${description}` : description;
  }

  private zoomBy(factor: number): void {
    const { scatter } = this.model!;
    const z = this.zoom;
    const k = this.focusPoint;
    this.setZoom(zoomAround(z, factor, k >= 0 ? scatter.u[k]! : (z.u0 + z.u1) / 2, k >= 0 ? scatter.v[k]! : (z.v0 + z.v1) / 2));
  }

  private setZoom(zoom: Zoom): void {
    this.zoom = zoom;
    const times = 1 / Math.max(zoom.u1 - zoom.u0, zoom.v1 - zoom.v0);
    this.announcement = zoom === FULL_VIEW ? 'Zoom reset: the whole chart is shown.' : `Zoomed to ${this.format.number(times)}×.`;
  }

  // ---- rendering ------------------------------------------------------------------------------------

  protected renderChart(): TemplateResult {
    const model = this.currentModel()!;
    const layout = this.layout;
    const f = this.format;
    if (!layout || model.scatter.count === 0) return html`<p class="nothing-placed">${NOTHING_PLACED}</p>${notesList(model, f)}`;
    const canvas = this.renderMode === 'canvas';
    const mask = this.selectionMask(model);
    const { width, height, clip } = layout;
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    const hover = this.pointer.hover;
    const active = hover >= 0 ? hover : this.focusPoint;
    const anchor = active >= 0 ? { x: layout.px[active]!, y: layout.py[active]!, width, height } : undefined;
    const maxed = layout.zoom.u1 - layout.zoom.u0 <= 1 / 256 && layout.zoom.v1 - layout.zoom.v0 <= 1 / 256;
    return html`<div class="zoom-controls" part="zoom-controls" role="group" aria-label="Zoom">
        <button type="button" class="tool" part="zoom-button" ?disabled=${maxed} @click=${() => this.zoomBy(2)}>Zoom in</button>
        <button type="button" class="tool" part="zoom-button" ?disabled=${!layout.zoomed} @click=${() => this.zoomBy(0.5)}>Zoom out</button>
        <button type="button" class="tool" part="zoom-button" ?disabled=${!layout.zoomed} @click=${() => this.setZoom(FULL_VIEW)}>Reset zoom</button>
      </div>
      <div
        class="plot"
        part="plot"
        tabindex="0"
        role="group"
        aria-roledescription="quadrant chart"
        aria-labelledby="summary"
        aria-describedby="keys"
        @pointerdown=${this.pointer.onPointerDown}
        @pointermove=${this.pointer.onPointerMove}
        @pointerup=${this.pointer.onPointerUp}
        @pointercancel=${this.pointer.onPointerCancel}
        @pointerleave=${this.pointer.onPointerLeave}
        @keydown=${this.onKeydown}
        @blur=${() => this.pointer.reset()}
      >
        ${canvas
          ? html`<canvas class="points" part="canvas" aria-hidden="true" width=${Math.round(width * ratio)} height=${Math.round(height * ratio)} ${inlineStyle({ width: `${width}px`, height: `${height}px` })}></canvas>`
          : nothing}
        <svg class="chart" width=${width} height=${height} aria-hidden="true">
          <defs><clipPath id="points-clip"><rect x=${clip.x0} y=${clip.y0} width=${clip.x1 - clip.x0} height=${clip.y1 - clip.y0}></rect></clipPath></defs>
          ${canvas ? svg`<g data-points-layer="canvas"></g>` : nothing}
          ${legendMarks(layout)} ${regionMarks(layout)}
          ${axisMarks(layout, `Effort${model.scale === 'log' ? ' (log scale)' : ''} →`, impactAxisTitle(model.result, model.scale))}
          ${canvas ? nothing : guard([layout, mask], () => pointMarks(model.scatter, layout, mask))}
          ${overlayMarks(layout, { labels: this.labelsPlaced, hover, focus: this.focusPoint, brush: this.pointer.brush })}
        </svg>
        ${tooltip(anchor, active >= 0 ? pointTooltip(model, active, this.labelOf, f) : undefined, 'tooltip')}
        <p class="sr-only" id="keys">
          Arrow keys move to the nearest account in that direction, Page Up and Page Down move between quadrants, Enter selects, Shift+Enter adds to the
          selection, plus and minus zoom around the focused account, 0 resets the zoom, Escape clears the selection. Drag a rectangle to select the accounts in
          it (Shift adds, Alt zooms to it). Shapes show the tier: ${TIER_ORDER.map((t, i) => `${t} ${TIER_SHAPE_NAMES[i]}`).join(', ')}. Every account is
          also listed by "View as table".
        </p>
      </div>
      ${quadrantStats(model, width < 440, this.labelOf, f, (id, extend) => this.selectQuadrant(id, extend))} ${notesList(model, f)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kam-quadrant': KamQuadrant;
  }
}
