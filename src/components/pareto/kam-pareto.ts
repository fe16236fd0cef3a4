/** <kam-pareto>: the Pareto chart of the account base. The class comment below is what the manifest documents. */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DEFAULT_PARETO_CUTOFF, type ParetoResult, type ParetoRow } from '../../analysis/pareto.js';
import { TIER_ORDER } from '../../analysis/tiers.js';
import type { TableColumn } from '../../internal/data-table.js';
import type { CsvColumn } from '../../internal/export.js';
import { KamWidget } from '../../internal/kam-widget.js';
import { moveInList } from '../../internal/keyboard.js';
import { ResizeController } from '../../internal/resize-controller.js';
import { polyline } from '../../internal/scale.js';
import { measuredTextWidth } from '../../internal/text-fit.js';
import { inlineStyle } from '../../internal/style-directive.js';
import { tierPatterns, tierPatternStyles } from '../../internal/tier-patterns.js';
import { whenIdle } from '../../internal/idle.js';
import { fromTooltip, keepTooltipInside, tooltip } from '../../internal/tooltip.js';
import { ParetoData } from './pareto-data.js';
import {
  barIndexAt,
  categoryLabels,
  LEGEND_ROW,
  maxBarsFor,
  paretoLayout,
  placeLegend,
  type CategoryLabel,
  type LegendItem,
  type ParetoLayout,
  type PlacedLegendItem,
} from './pareto-layout.js';
import { activeRing, axisMarks, barMarks, cutoffMarks, gridMarks, legendMarks, vitalBand, vitalBracket } from './pareto-marks.js';
import { barOfRank, cutoffCrossing, paretoBars, type ParetoBar } from './pareto-model.js';
import { paretoStyles } from './pareto-styles.js';
import { paretoCsvColumns, paretoTableColumns } from './pareto-table.js';
import { barDescription, barTooltip, summaryText } from './pareto-text.js';

export type ParetoColorBy = 'vital' | 'tier';

interface ChartMarks {
  cumulative: string;
  crossingX: number | undefined;
  vitalBars: number;
  labels: CategoryLabel[];
}

/**
 * @summary The Pareto chart of the account base: revenue by account, sorted, with the cumulative share
 * of revenue, the cutoff and the vital few that carry the business.
 *
 * @tag kam-pareto
 *
 * @event {CustomEvent<KamSelectDetail>} kam-select - Accounts were selected (click, Enter/Space) or the selection was cleared (Escape).
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
 * @csspart export-message - Why an export failed.
 * @csspart clear-selection - The "Clear selection" button, shown while accounts are selected.
 * @csspart plot - The chart area (one Tab stop).
 * @csspart tooltip - The tooltip of the hovered or focused bar.
 * @csspart table-container - The scrolling box around the table view.
 * @csspart table - The table view.
 * @csspart show-more - The button that shows more table rows.
 * @csspart skipped-notice - The "N accounts skipped" notice.
 * @csspart stale-notice - The notice that a background refresh failed and older data is shown.
 * @csspart retry-button - The Retry button of a network error, and "Refresh now" in the stale notice.
 * @csspart state - The loading, idle, empty and error views.
 * @csspart state-loading - The loading view.
 * @csspart state-idle - The view shown while the element has no input.
 * @csspart state-empty - The view of a feed without accounts.
 * @csspart state-error - The view of a feed that could not be loaded or is invalid.
 *
 * @cssprop [--kam-pareto-vital=var(--kam-accent)] - Colour of the vital-few bars.
 * @cssprop [--kam-pareto-rest=var(--kam-muted)] - Colour of the other bars.
 * @cssprop [--kam-pareto-band=var(--kam-accent-soft)] - Background of the vital-few band.
 * @cssprop [--kam-tier-mvc=#1f5fbf] - MVC colour when `color-by="tier"` (solid).
 * @cssprop [--kam-tier-mgc=#1a7f37] - MGC colour when `color-by="tier"` (striped).
 * @cssprop [--kam-tier-stc=#7d4fc9] - STC colour when `color-by="tier"` (dotted).
 * @cssprop [--kam-tier-bz=#c1121f] - BZ colour when `color-by="tier"` (cross-hatched).
 * @cssprop [--kam-line=#b35900] - Colour of the cumulative-share line and the crossing marker.
 * @cssprop [--kam-accent=#0b63c5] - Accent: the vital few, the pressed "View as table" button.
 * @cssprop [--kam-accent-soft=#dbeafe] - Soft accent: the vital-few band, selected table rows.
 * @cssprop [--kam-bg=#ffffff] - Background, and the marks of the tier patterns.
 * @cssprop [--kam-surface=#f6f8fa] - Table header and menu hover background.
 * @cssprop [--kam-fg=#1f2328] - Text colour, the cutoff line and the vital-few bracket.
 * @cssprop [--kam-muted=#59636e] - Secondary text and axis labels.
 * @cssprop [--kam-border=#d1d9e0] - Borders of buttons, menus, the table and the states.
 * @cssprop [--kam-grid=#e8ecf0] - Grid lines and table row rules.
 * @cssprop [--kam-focus=#0b63c5] - Focus ring.
 * @cssprop [--kam-error=#c1121f] - Error text and border.
 * @cssprop [--kam-error-bg=#fff1f0] - Error background.
 * @cssprop [--kam-warning=#8a5300] - Border of the skipped and stale notices.
 * @cssprop [--kam-warning-bg=#fff8e6] - Background of the skipped and stale notices.
 * @cssprop [--kam-skeleton=#eaeef2] - The loading skeleton.
 * @cssprop [--kam-tooltip-bg=#1f2328] - Tooltip background.
 * @cssprop [--kam-tooltip-fg=#ffffff] - Tooltip text.
 * @cssprop [--kam-font=system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif] - Font family.
 * @cssprop [--kam-font-size=14px] - Base font size.
 * @cssprop [--kam-radius=6px] - Corner radius.
 * @cssprop [--kam-table-max-height=28em] - Height of the table view before it scrolls.
 */
export class KamPareto extends KamWidget<ParetoRow> {
  static override styles = [...KamWidget.styles, tierPatternStyles, paretoStyles];

  private readonly plotSize = new ResizeController(this, { target: () => this.renderRoot.querySelector('.plot') });

  /** Share of revenue that defines the vital few, in (0, 1]. Default 0.8. */
  @property({ type: Number }) cutoff = DEFAULT_PARETO_CUTOFF;

  /** Show only the top N accounts and one "Others (M accounts)" bar. Unset: every account. */
  @property({ type: Number }) top?: number;

  /** Bar colours: "vital" (the vital few against the rest, default) or "tier" (MVC, MGC, STC, BZ, each with its pattern). */
  @property({ attribute: 'color-by', reflect: true }) colorBy: ParetoColorBy = 'vital';

  /** The account the keyboard is on (the first of its bar): kept across refreshes, re-bucketing and cutoff changes. */
  @state() private focusId?: string;
  @state() private hoverIndex = -1;

  protected readonly exportName = 'kam-pareto';
  private model?: ParetoData;
  private bars: ParetoBar[] = [];
  private focusIndex = -1;
  private layout?: ParetoLayout;
  private marks?: ChartMarks;
  private legend: PlacedLegendItem[] = [];
  private legendOffset = 0;
  private minPlotHeight = 0;
  /** Cancels the idle computation of the tiers, while one is waiting. */
  private idleTiers?: () => void;

  /** The cutoff in force: the attribute when it is in (0, 1], otherwise the default 0.8. */
  get effectiveCutoff(): number {
    return this.cutoff > 0 && this.cutoff <= 1 ? this.cutoff : DEFAULT_PARETO_CUTOFF;
  }

  /** The Pareto analysis the chart shows (undefined until a feed is ready). */
  get analysis(): ParetoResult | undefined {
    return this.currentModel()?.result;
  }

  /** The bars as drawn: ranks, account count, revenue and cumulative share of each (buckets when accounts outnumber the room). */
  get drawnBars(): readonly ParetoBar[] {
    return this.bars;
  }

  private currentModel(): ParetoData | undefined {
    const feed = this.feedController.state.feed;
    if (!feed) return undefined;
    const cutoff = this.effectiveCutoff;
    if (this.model?.feed !== feed || this.model.cutoff !== cutoff) {
      this.model = new ParetoData(feed, cutoff);
      this.hoverIndex = -1;
    }
    return this.model;
  }

  /** The drawn bar that holds an account, or -1. */
  private barOf(id: string): number {
    const rank = this.model!.rankOf(id);
    return rank === undefined ? -1 : barOfRank(this.bars, rank);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const model = this.currentModel();
    if (!model) return;
    const formatTick = (v: number) => this.format.moneyCompact(v);
    // The plot spans the host's content box, which is known before the plot exists; its height may grow.
    const width = this.size.width;
    const maxRevenue = model.result.count ? model.result.revenue[0]! : 0;
    this.bars = paretoBars(model.result, { maxBars: maxBarsFor(width, formatTick, maxRevenue), top: this.top });
    // Height: 2:1 from the width (220-440 px), or the container's when the page gives the widget more.
    const fromWidth = Math.round(Math.min(440, Math.max(220, width * 0.5)));
    const legend = placeLegend(this.legendItems(model.result), width);
    this.legend = legend.items;
    this.legendOffset = legend.rows * LEGEND_ROW + 6;
    const available = this.plotSize.height - this.legendOffset;
    this.minPlotHeight = fromWidth + this.legendOffset;
    const layout = (this.layout = paretoLayout(width, available > fromWidth + 1 ? available : fromWidth, this.bars, formatTick));
    this.marks = this.chartMarks(model, layout);
    // Focus follows its account through new feeds and new buckets; it is dropped only when the account is gone.
    this.focusIndex = this.focusId === undefined ? -1 : this.barOf(this.focusId);
    if (this.focusIndex < 0) this.focusId = undefined;
    if (this.hoverIndex >= this.bars.length) this.hoverIndex = -1;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.idleTiers?.();
    this.idleTiers = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    keepTooltipInside(this.renderRoot.querySelector<HTMLElement>('.plot > .tooltip'), this);
    // Tiers and the name order of accounts of equal revenue are needed for tooltips, the table and
    // colour-by-tier, not for the bars; compute them once the chart is painted, so a first hover does not wait.
    const model = this.model;
    if (model && !model.tiersReady && !this.idleTiers) {
      this.idleTiers = whenIdle(() => {
        this.idleTiers = undefined;
        if (this.model === model) model.prepareDetails();
      });
    }
  }

  // ---- summary, table, CSV -------------------------------------------------------------------------

  protected summary(): string {
    return summaryText(this.format, this.currentModel()!.result);
  }

  protected tableRows(): readonly ParetoRow[] {
    return this.currentModel()?.result.rows ?? [];
  }

  protected rowKey(row: ParetoRow): string {
    return row.account.id;
  }

  protected override rowMark(row: ParetoRow) {
    return row.vital ? { label: 'vital few', className: 'vital' } : undefined;
  }

  protected tableColumns(): readonly TableColumn<ParetoRow>[] {
    return paretoTableColumns(this.format, (row) => this.model!.tiers().tiers.assignment(row.index));
  }

  protected csvColumns(): readonly CsvColumn<ParetoRow>[] {
    return paretoCsvColumns((row) => this.model!.tiers().tiers.assignment(row.index));
  }

  // ---- interaction ---------------------------------------------------------------------------------

  private barAt(event: PointerEvent | MouseEvent): number {
    const plot = event.currentTarget as HTMLElement;
    const rect = plot.getBoundingClientRect();
    // Local coordinates that stay right when an ancestor is scaled by a CSS transform.
    const x = ((event.clientX - rect.left) * plot.offsetWidth) / (rect.width || 1);
    return barIndexAt(this.layout!, x, this.bars.length);
  }

  private focusBar(index: number): void {
    this.focusIndex = index;
    this.focusId = this.model!.accountAt(this.bars[index]!.firstRank).id;
  }

  private onPointerMove(event: PointerEvent) {
    // Over the tooltip (a child of the plot) the pointer is on its way to the "Open in CRM" link: keep the bar.
    if (fromTooltip(event)) return;
    const index = this.barAt(event);
    if (index !== this.hoverIndex) this.hoverIndex = index;
  }

  private onClick(event: MouseEvent) {
    if (fromTooltip(event)) return;
    const index = this.barAt(event);
    if (index < 0) return;
    this.focusBar(index);
    this.selectIds(this.model!.idsOf(this.bars[index]!), event.shiftKey);
  }

  private onKeydown(event: KeyboardEvent) {
    if (fromTooltip(event)) return; // Enter on the tooltip's link follows the link
    if (event.key === 'Enter' || event.key === ' ') {
      if (this.focusIndex < 0) return;
      event.preventDefault();
      this.selectIds(this.model!.idsOf(this.bars[this.focusIndex]!), event.shiftKey);
      return;
    }
    const next = moveInList(event.key, this.focusIndex, this.bars.length);
    if (next === undefined) return;
    event.preventDefault();
    this.focusBar(next);
    this.hoverIndex = -1;
    const bar = this.bars[next]!;
    this.announcement = barDescription(this.format, bar, this.model!.accountAt(bar.firstRank).name);
  }

  private onFocusOut(event: FocusEvent) {
    // Focus moving onto the tooltip's link stays in the chart: keep the hovered bar and its tooltip.
    const next = event.relatedTarget as Node | null;
    if (!next || !(event.currentTarget as HTMLElement).contains(next)) this.hoverIndex = -1;
  }

  protected override onEscape(): void {
    this.hoverIndex = -1;
  }

  // ---- drawing -------------------------------------------------------------------------------------

  /** What the marks need beyond the layout: the cumulative line, the cutoff crossing, the vital bars and the category labels. */
  private chartMarks(model: ParetoData, layout: ParetoLayout): ChartMarks {
    const bars = this.bars;
    const points: [number, number][] = [[layout.left, layout.share(0)]];
    bars.forEach((bar, i) => points.push([layout.left + (i + 1) * layout.step, layout.share(bar.cumulativeShare)]));
    const crossing = cutoffCrossing(bars, model.result.cutoff);
    // Names are measured in the font the page gives the widget (read only when names may be shown).
    let measure: ((label: string) => number) | undefined;
    const measured = (label: string) => (measure ??= measuredTextWidth(`11px ${getComputedStyle(this).fontFamily}`))(label);
    return {
      cumulative: polyline(points),
      crossingX: crossing === undefined ? undefined : layout.left + crossing * layout.step,
      vitalBars: bars.filter((b) => b.vital).length,
      labels: categoryLabels(bars, layout, (rank) => model.accountAt(rank).name, (rank) => this.format.integer(rank), measured),
    };
  }

  private legendItems(result: ParetoResult): LegendItem[] {
    const f = this.format;
    const items: LegendItem[] =
      this.colorBy === 'tier'
        ? TIER_ORDER.map((t) => ({ key: `tier-${t.toLowerCase()}`, label: t, kind: 'box' }))
        : [
            { key: 'vital', label: `Vital few (${f.integer(result.vitalFew)})`, kind: 'box' },
            { key: 'rest', label: 'Other accounts', kind: 'box' },
          ];
    items.push({ key: 'cumulative', label: 'Cumulative share', kind: 'line' }, { key: 'cutoff', label: `Cutoff ${f.percentShort(result.cutoff)}`, kind: 'dash' });
    return items;
  }

  /** Bar classes: vital or rest, and selected or dimmed while there is a selection. */
  private barStates(): (index: number) => string {
    const selected = new Set<number>();
    for (const id of this.selectedIds) selected.add(this.barOf(id));
    const suffix = (i: number) => (this.selectedIds.size === 0 ? '' : selected.has(i) ? ' selected' : ' dimmed');
    return (i) => `${this.bars[i]!.vital ? 'vital' : 'rest'}${suffix(i)}`;
  }

  protected renderChart(): TemplateResult {
    const model = this.currentModel()!;
    const { result } = model;
    const [layout, bars, f, marks] = [this.layout!, this.bars, this.format, this.marks!];
    const height = layout.height + this.legendOffset;
    const byTier = this.colorBy === 'tier';
    const active = this.hoverIndex >= 0 ? this.hoverIndex : this.focusIndex;
    const activeBar = bars[active];
    const anchor = activeBar && {
      x: layout.left + active * layout.step + layout.step / 2,
      y: this.legendOffset + Math.min(layout.revenue(activeBar.revenue), layout.bottom - 20),
      width: layout.width,
      height,
    };

    return html`<div
      class="plot"
      part="plot"
      tabindex="0"
      role="group"
      aria-roledescription="Pareto chart"
      aria-labelledby="summary"
      aria-describedby="keys"
      .style=${inlineStyle({ minHeight: `${this.minPlotHeight}px` })}
      @pointermove=${this.onPointerMove}
      @pointerleave=${() => (this.hoverIndex = -1)}
      @click=${this.onClick}
      @keydown=${this.onKeydown}
      @focusout=${this.onFocusOut}
    >
      <svg class="chart ${byTier ? 'by-tier' : ''}" width=${layout.width} height=${height} aria-hidden="true">
        ${byTier ? tierPatterns() : nothing} ${legendMarks(this.legend)}
        <g transform="translate(0 ${this.legendOffset})">
          ${vitalBand(layout, marks.vitalBars, bars.length)} ${gridMarks(layout)}
          <g class="bars">${barMarks(layout, bars, this.barStates(), byTier ? (bar) => model.tierParts(bar) : undefined)}</g>
          <path class="cumulative" d=${marks.cumulative}></path>
          ${cutoffMarks(layout, result.cutoff, marks.crossingX)}
          ${axisMarks({ layout, f, labels: marks.labels, barCount: bars.length, grouped: bars.length < result.count && !bars.some((b) => b.others) })}
          ${vitalBracket(layout, marks.vitalBars)} ${activeBar ? activeRing(layout, active, this.focusIndex === active && this.hoverIndex < 0) : nothing}
        </g>
      </svg>
      ${tooltip(anchor, activeBar ? barTooltip(f, activeBar, model.subjectOf(activeBar)) : undefined, 'tooltip')}
      <p class="sr-only" id="keys">
        The chart is a picture; the "View as table" button above it shows the same accounts as a table. Arrow keys move between bars, Home and
        End jump, Page Up and Page Down move by ten, Enter selects, Shift+Enter adds to the selection, Escape clears.
      </p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kam-pareto': KamPareto;
  }
}
