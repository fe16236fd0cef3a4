/** <kam-pareto>: the Pareto chart of the account base. */
import { html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { inlineStyle } from '../../internal/style-directive.js';
import { pareto, DEFAULT_PARETO_CUTOFF, type ParetoResult, type ParetoRow } from '../../analysis/pareto.js';
import { assignTiers, tierReasonText, TIER_ORDER, type TierResult } from '../../analysis/tiers.js';
import type { Feed } from '../../feed/parse.js';
import type { Tier } from '../../feed/schema.js';
import { KamWidget } from '../../internal/kam-widget.js';
import { polyline } from '../../internal/scale.js';
import type { TableColumn } from '../../internal/data-table.js';
import type { CsvColumn } from '../../internal/export.js';
import { moveInList } from '../../internal/keyboard.js';
import { ResizeController } from '../../internal/resize-controller.js';
import { crmLink, tooltip, tooltipFacts } from '../../internal/tooltip.js';
import { categoryLabels, maxBarsFor, paretoLayout, textWidth, type ParetoLayout } from './pareto-layout.js';
import { cutoffCrossing, paretoBars, tierRevenue, type ParetoBar } from './pareto-model.js';
import { paretoStyles } from './pareto-styles.js';

export type ParetoColorBy = 'vital' | 'tier';

interface Model {
  feed: Feed;
  cutoff: number;
  result: ParetoResult;
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
 * @csspart clear-selection - The "Clear selection" button, shown while accounts are selected.
 * @csspart plot - The chart area (one Tab stop).
 * @csspart tooltip - The tooltip of the hovered or focused bar.
 * @csspart table - The table view.
 * @csspart skipped-notice - The "N accounts skipped" notice.
 * @csspart state - The loading, empty and error views.
 *
 * @cssprop [--kam-pareto-vital=var(--kam-accent)] - Colour of the vital-few bars.
 * @cssprop [--kam-pareto-rest=var(--kam-muted)] - Colour of the other bars.
 * @cssprop [--kam-pareto-band=var(--kam-accent-soft)] - Background of the vital-few band.
 * @cssprop [--kam-line=#b35900] - Colour of the cumulative-share line.
 * @cssprop [--kam-bg=#ffffff] - Background.
 * @cssprop [--kam-fg=#1f2328] - Text colour.
 * @cssprop [--kam-muted=#59636e] - Secondary text and axes.
 * @cssprop [--kam-focus=#0b63c5] - Focus ring.
 * @cssprop [--kam-tier-mvc=#1f5fbf] - MVC colour when `color-by="tier"` (also --kam-tier-mgc, --kam-tier-stc, --kam-tier-bz).
 * @cssprop [--kam-font=system-ui] - Font family.
 */
export class KamPareto extends KamWidget<ParetoRow> {
  static override styles = [...KamWidget.styles, paretoStyles];

  private readonly plotSize = new ResizeController(this, { target: () => this.renderRoot.querySelector('.plot') });

  /** Share of revenue that defines the vital few, in (0, 1]. Default 0.8. */
  @property({ type: Number }) cutoff = DEFAULT_PARETO_CUTOFF;

  /** Show only the top N accounts and one "Others (M accounts)" bar. Unset: every account. */
  @property({ type: Number }) top?: number;

  /** Bar colours: "vital" (the vital few against the rest, default) or "tier" (MVC, MGC, STC, BZ). */
  @property({ attribute: 'color-by', reflect: true }) colorBy: ParetoColorBy = 'vital';

  @state() private focusIndex = -1;
  @state() private hoverIndex = -1;

  protected readonly exportName = 'kam-pareto';
  private model?: Model;
  private tierCache?: { result: ParetoResult; tiers: TierResult; byIndex: Tier[] };
  private rankById?: { result: ParetoResult; ranks: Map<string, number> };
  private bars: ParetoBar[] = [];
  private layout?: ParetoLayout;
  private legendOffset = 0;
  private minPlotHeight = 0;
  private idleTiers?: number;

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

  private currentModel(): Model | undefined {
    const feed = this.feedController.state.feed;
    if (!feed) return undefined;
    const cutoff = this.effectiveCutoff;
    if (this.model?.feed !== feed || this.model.cutoff !== cutoff) {
      this.model = { feed, cutoff, result: pareto(feed.accounts, { cutoff }) };
      this.focusIndex = -1;
      this.hoverIndex = -1;
    }
    return this.model;
  }

  /** Tiers by the default rule at this chart's cutoff; computed on first need (or when idle). */
  private tiersFor(result: ParetoResult): { tiers: TierResult; byIndex: Tier[] } {
    if (this.tierCache?.result !== result) {
      const feed = this.model!.feed;
      const tiers = assignTiers(feed.accounts, { cutoff: this.effectiveCutoff });
      this.tierCache = { result, tiers, byIndex: tiers.assignments.map((a) => a.tier) };
    }
    return this.tierCache;
  }

  private rankOf(id: string, result: ParetoResult): number | undefined {
    if (this.rankById?.result !== result) {
      const ranks = new Map<string, number>();
      const accounts = this.model!.feed.accounts;
      for (let r = 0; r < result.count; r++) ranks.set(accounts[result.order[r]!]!.id, r + 1);
      this.rankById = { result, ranks };
    }
    return this.rankById.ranks.get(id);
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
    this.legendOffset = this.legendRows(width) * 16 + 6;
    const available = this.plotSize.height - this.legendOffset;
    this.minPlotHeight = fromWidth + this.legendOffset;
    this.layout = paretoLayout(width, available > fromWidth + 1 ? available : fromWidth, this.bars, formatTick);
    if (this.focusIndex >= this.bars.length) this.focusIndex = this.bars.length - 1;
    if (this.hoverIndex >= this.bars.length) this.hoverIndex = -1;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Tiers are needed for tooltips, the table and colour-by-tier; compute them once the chart is painted.
    const result = this.model?.result;
    if (result && this.tierCache?.result !== result && this.idleTiers === undefined) {
      this.idleTiers = window.setTimeout(() => {
        this.idleTiers = undefined;
        if (this.model?.result === result) this.tiersFor(result);
      }, 50);
    }
  }

  // ---- summary, table, CSV -------------------------------------------------------------------------

  protected summary(): string {
    const result = this.currentModel()!.result;
    const f = this.format;
    if (result.degenerate === 'zero-revenue') {
      return `None of the ${f.integer(result.count)} accounts has revenue in this period, so there is no Pareto split.`;
    }
    const accounts = result.count === 1 ? 'account' : 'accounts';
    const verb = result.vitalFew === 1 ? 'produces' : 'produce';
    return `${f.integer(result.vitalFew)} of ${f.integer(result.count)} ${accounts} (${f.percent(result.vitalFewShare)}) ${verb} ${f.percentShort(result.cutoff)} of revenue.`;
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

  private tierOfRow(row: ParetoRow): Tier {
    return this.tiersFor(this.model!.result).byIndex[row.index]!;
  }

  protected tableColumns(): readonly TableColumn<ParetoRow>[] {
    const f = this.format;
    return [
      { id: 'name', label: 'Account', sortValue: (r) => r.account.name, cell: (r) => r.account.name },
      { id: 'rank', label: 'Rank', numeric: true, sortValue: (r) => r.rank, cell: (r) => f.integer(r.rank) },
      { id: 'revenue', label: 'Revenue', numeric: true, sortValue: (r) => r.revenue, cell: (r) => f.money(r.revenue) },
      { id: 'share', label: 'Share', numeric: true, sortValue: (r) => r.share, cell: (r) => f.percent(r.share) },
      { id: 'cumulative', label: 'Cumulative share', numeric: true, sortValue: (r) => r.cumulativeShare, cell: (r) => f.percent(r.cumulativeShare) },
      { id: 'tier', label: 'Tier', sortValue: (r) => TIER_ORDER.indexOf(this.tierOfRow(r)), cell: (r) => this.tierOfRow(r) },
    ];
  }

  protected csvColumns(): readonly CsvColumn<ParetoRow>[] {
    const tiers = () => this.tiersFor(this.model!.result).tiers;
    return [
      { header: 'rank', value: (r) => r.rank },
      { header: 'id', value: (r) => r.account.id },
      { header: 'name', value: (r) => r.account.name },
      { header: 'revenue', value: (r) => r.revenue },
      { header: 'share', value: (r) => r.share },
      { header: 'cumulative_share', value: (r) => r.cumulativeShare },
      { header: 'vital_few', value: (r) => r.vital },
      { header: 'tier', value: (r) => this.tierOfRow(r) },
      { header: 'tier_reason', value: (r) => tierReasonText(tiers().assignments[r.index]!.reason) },
    ];
  }

  // ---- interaction ---------------------------------------------------------------------------------

  private idsOf(bar: ParetoBar): string[] {
    const { feed, result } = this.model!;
    const ids: string[] = [];
    for (let r = bar.firstRank; r <= bar.lastRank; r++) ids.push(feed.accounts[result.order[r - 1]!]!.id);
    return ids;
  }

  private barAt(event: PointerEvent | MouseEvent): number {
    const plot = event.currentTarget as HTMLElement;
    const rect = plot.getBoundingClientRect();
    // Local coordinates that stay right when an ancestor is scaled by a CSS transform.
    const x = ((event.clientX - rect.left) * plot.offsetWidth) / (rect.width || 1);
    const layout = this.layout!;
    if (x < layout.left || x > layout.right) return -1;
    return Math.min(this.bars.length - 1, Math.floor((x - layout.left) / layout.step));
  }

  private onPointerMove(event: PointerEvent) {
    const index = this.barAt(event);
    if (index !== this.hoverIndex) this.hoverIndex = index;
  }

  private onClick(event: MouseEvent) {
    const index = this.barAt(event);
    if (index < 0) return;
    this.focusIndex = index;
    this.selectIds(this.idsOf(this.bars[index]!), event.shiftKey);
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter' || event.key === ' ') {
      if (this.focusIndex < 0) return;
      event.preventDefault();
      this.selectIds(this.idsOf(this.bars[this.focusIndex]!), event.shiftKey);
      return;
    }
    const next = moveInList(event.key, this.focusIndex, this.bars.length);
    if (next === undefined) return;
    event.preventDefault();
    this.focusIndex = next;
    this.hoverIndex = -1;
    this.announcement = this.describeBar(this.bars[next]!);
  }

  protected override onEscape(): void {
    this.hoverIndex = -1;
  }

  private describeBar(bar: ParetoBar): string {
    const f = this.format;
    const figures = `${f.moneyCompact(bar.revenue)}, ${f.percent(bar.share)} of revenue, cumulative ${f.percent(bar.cumulativeShare)}`;
    const vital = bar.vital ? ' Vital few.' : '';
    if (bar.count === 1 && !bar.others) return `Rank ${f.integer(bar.firstRank)}: ${this.nameAt(bar.firstRank)}, ${figures}.${vital}`;
    const what = bar.others ? `Others: ${f.integer(bar.count)} accounts` : `Ranks ${f.integer(bar.firstRank)} to ${f.integer(bar.lastRank)}: ${f.integer(bar.count)} accounts`;
    return `${what}, ${figures}.${vital}`;
  }

  private nameAt(rank: number): string {
    const { feed, result } = this.model!;
    return feed.accounts[result.order[rank - 1]!]!.name;
  }

  // ---- drawing -------------------------------------------------------------------------------------

  private barTooltip(bar: ParetoBar): TemplateResult {
    const f = this.format;
    const { feed, result } = this.model!;
    const facts: [string, string][] = [
      ['Revenue', f.money(bar.revenue)],
      ['Share', f.percent(bar.share)],
      ['Cumulative share', f.percent(bar.cumulativeShare)],
    ];
    if (bar.count === 1 && !bar.others) {
      const index = result.order[bar.firstRank - 1]!;
      const account = feed.accounts[index]!;
      const assignment = this.tiersFor(result).tiers.assignments[index]!;
      facts.push(['Rank', f.integer(bar.firstRank)], ['Tier', `${assignment.tier}${assignment.given ? ' (given)' : ''}`]);
      return html`<strong>${account.name}</strong>${tooltipFacts(facts)}
        <p>${bar.vital ? 'One of the vital few. ' : ''}${tierReasonText(assignment.reason, f.moneyCompact, f.percent)}</p>
        ${crmLink(account.url)}`;
    }
    const tiers = this.tiersFor(result).byIndex;
    const counts = new Map<Tier, number>();
    for (let r = bar.firstRank; r <= bar.lastRank; r++) {
      const tier = tiers[result.order[r - 1]!]!;
      counts.set(tier, (counts.get(tier) ?? 0) + 1);
    }
    const title = bar.others
      ? `Others: ${f.integer(bar.count)} accounts (ranks ${f.integer(bar.firstRank)}–${f.integer(bar.lastRank)})`
      : `Ranks ${f.integer(bar.firstRank)}–${f.integer(bar.lastRank)}: ${f.integer(bar.count)} accounts`;
    facts.push(['Tiers', TIER_ORDER.filter((t) => counts.has(t)).map((t) => `${counts.get(t)} ${t}`).join(', ')]);
    return html`<strong>${title}</strong>${tooltipFacts(facts)}${bar.vital ? html`<p>All of the vital few.</p>` : nothing}`;
  }

  private barsSvg(layout: ParetoLayout): SVGTemplateResult[] {
    const { result } = this.model!;
    const selected = this.selectedIds;
    const hasSelection = selected.size > 0;
    const selectedBars = new Set<number>();
    if (hasSelection) {
      for (const id of selected) {
        const rank = this.rankOf(id, result);
        if (rank === undefined) continue;
        const index = this.bars.findIndex((b) => rank >= b.firstRank && rank <= b.lastRank);
        if (index >= 0) selectedBars.add(index);
      }
    }
    const byTier = this.colorBy === 'tier' ? this.tiersFor(result).byIndex : undefined;
    const base = layout.revenue(0);
    return this.bars.map((bar, i) => {
      const x = layout.left + i * layout.step;
      const state = `${bar.vital ? 'vital' : 'rest'}${hasSelection ? (selectedBars.has(i) ? ' selected' : ' dimmed') : ''}`;
      if (!byTier) {
        const y = layout.revenue(bar.revenue);
        return svg`<rect class="bar ${state}" x=${x} y=${y} width=${layout.barWidth} height=${Math.max(0, base - y)}></rect>`;
      }
      // Colour by tier: a bucket is stacked by its tiers' revenue, so each colour is exact.
      const parts = bar.count === 1 ? new Map([[byTier[result.order[bar.firstRank - 1]!]!, bar.revenue]]) : tierRevenue(result, (index) => byTier[index]!, bar);
      let top = base;
      return svg`<g class="bar ${state}">${TIER_ORDER.filter((t) => parts.has(t)).map((tier) => {
        const height = base - layout.revenue(parts.get(tier)!);
        top -= height;
        return svg`<rect class="tier-${tier.toLowerCase()}" x=${x} y=${top} width=${layout.barWidth} height=${Math.max(0, height)}></rect>`;
      })}</g>`;
    });
  }

  private legend(width: number): SVGTemplateResult {
    const f = this.format;
    const result = this.model!.result;
    const items: { key: string; label: string; kind: 'box' | 'line' | 'dash' }[] =
      this.colorBy === 'tier'
        ? TIER_ORDER.map((t) => ({ key: `tier-${t.toLowerCase()}`, label: t, kind: 'box' as const }))
        : [
            { key: 'vital', label: `Vital few (${f.integer(result.vitalFew)})`, kind: 'box' },
            { key: 'rest', label: 'Other accounts', kind: 'box' },
          ];
    items.push({ key: 'cumulative', label: 'Cumulative share', kind: 'line' }, { key: 'cutoff', label: `Cutoff ${f.percentShort(result.cutoff)}`, kind: 'dash' });
    let x = 0;
    let y = 0;
    const placed = items.map((item) => {
      const w = 18 + textWidth(item.label) + 14;
      if (x > 0 && x + w > width) {
        x = 0;
        y += 16;
      }
      const at = { ...item, x, y };
      x += w;
      return at;
    });
    return svg`<g class="legend" aria-hidden="true">${placed.map((item) => {
      const mark =
        item.kind === 'box'
          ? svg`<rect class="legend-box ${item.key}" x=${item.x} y=${item.y + 2} width="12" height="10"></rect>`
          : svg`<line class=${item.kind === 'line' ? 'cumulative' : 'cutoff'} x1=${item.x} x2=${item.x + 14} y1=${item.y + 7} y2=${item.y + 7}></line>`;
      return svg`${mark}<text x=${item.x + 18} y=${item.y + 11}>${item.label}</text>`;
    })}</g>`;
  }

  protected renderChart(): TemplateResult {
    const model = this.currentModel()!;
    const layout = this.layout!;
    const f = this.format;
    const { result } = model;
    const offset = this.legendOffset;
    const height = layout.height + offset;
    const bars = this.bars;
    const vitalBars = bars.filter((b) => b.vital).length;
    const crossing = cutoffCrossing(bars, result.cutoff);
    const points: [number, number][] = [[layout.left, layout.share(0)]];
    bars.forEach((bar, i) => points.push([layout.left + (i + 1) * layout.step, layout.share(bar.cumulativeShare)]));
    const cumulativePath = polyline(points);
    const labels = categoryLabels(bars, layout.step, (rank) => this.nameAt(rank), (rank) => f.integer(rank));
    const active = this.hoverIndex >= 0 ? this.hoverIndex : this.focusIndex;
    const activeBar = bars[active];
    const crossingX = crossing === undefined ? undefined : layout.left + crossing * layout.step;
    const bandRight = layout.left + vitalBars * layout.step;
    const anchor = activeBar
      ? {
          x: layout.left + active * layout.step + layout.step / 2,
          y: offset + Math.min(layout.revenue(activeBar.revenue), layout.bottom - 20),
          width: layout.width,
          height,
        }
      : undefined;

    return html`<div
      class="plot"
      part="plot"
      tabindex="0"
      role="group"
      aria-roledescription="Pareto chart"
      aria-labelledby="summary"
      aria-describedby="keys"
      ${inlineStyle({ minHeight: `${this.minPlotHeight}px` })}
      @pointermove=${this.onPointerMove}
      @pointerleave=${() => (this.hoverIndex = -1)}
      @click=${this.onClick}
      @keydown=${this.onKeydown}
      @blur=${() => (this.hoverIndex = -1)}
    >
      <svg class="chart ${this.colorBy === 'tier' ? 'by-tier' : ''}" width=${layout.width} height=${height} aria-hidden="true">
        ${this.legend(layout.width)}
        <g transform="translate(0 ${offset})">
          ${vitalBars > 0 && vitalBars < bars.length
            ? svg`<rect class="vital-band" x=${layout.left} y=${layout.top} width=${bandRight - layout.left} height=${layout.bottom - layout.top}></rect>
                <text class="band-label" x=${layout.left + 4} y=${layout.top + 12}>${bandRight - layout.left > 70 ? 'Vital few' : ''}</text>`
            : nothing}
          <g class="grid">${layout.revenueTicks.map((t) => svg`<line x1=${layout.left} x2=${layout.right} y1=${layout.revenue(t)} y2=${layout.revenue(t)}></line>`)}</g>
          <g class="bars">${this.barsSvg(layout)}</g>
          <path class="cumulative" d=${cumulativePath}></path>
          <line class="cutoff" x1=${layout.left} x2=${layout.right} y1=${layout.share(result.cutoff)} y2=${layout.share(result.cutoff)}></line>
          ${crossingX !== undefined
            ? svg`<line class="crossing-drop" x1=${crossingX} x2=${crossingX} y1=${layout.share(result.cutoff)} y2=${layout.bottom}></line>
                <circle class="crossing" cx=${crossingX} cy=${layout.share(result.cutoff)} r="4"></circle>`
            : nothing}
          <g class="axis left">${layout.revenueTicks.map((t) => svg`<text x=${layout.left - 6} y=${layout.revenue(t)} dy="0.32em" text-anchor="end">${f.moneyCompact(t)}</text>`)}</g>
          <g class="axis right">${layout.shareTicks.map((t) => svg`<text x=${layout.right + 6} y=${layout.share(t)} dy="0.32em">${f.percentWhole(t)}</text>`)}</g>
          <g class="axis bottom">
            <line x1=${layout.left} x2=${layout.right} y1=${layout.bottom} y2=${layout.bottom}></line>
            ${labels.map((l) => svg`<text x=${layout.left + l.index * layout.step + layout.barWidth / 2} y=${layout.bottom + 14} text-anchor=${bars.length > 1 && layout.step < 40 ? 'start' : 'middle'}>${l.text}</text>`)}
            <text class="axis-title" x=${layout.right} y=${layout.bottom + 29} text-anchor="end">${bars.length < result.count && !bars.some((b) => b.others) ? 'Accounts by rank (grouped)' : 'Accounts by rank'}</text>
          </g>
          ${activeBar
            ? svg`<rect class=${this.focusIndex === active && this.hoverIndex < 0 ? 'focus-ring' : 'hover-ring'} data-export="skip"
                x=${layout.left + active * layout.step - 2} y=${layout.top - 2} width=${layout.barWidth + 4} height=${layout.bottom - layout.top + 4}></rect>`
            : nothing}
        </g>
      </svg>
      ${tooltip(anchor, activeBar ? this.barTooltip(activeBar) : undefined, 'tooltip')}
      <p class="sr-only" id="keys">Arrow keys move between bars, Home and End jump, Page Up and Page Down move by ten, Enter selects, Shift+Enter adds to the selection, Escape clears.</p>
    </div>`;
  }

  private legendRows(width: number): number {
    // Same wrapping as legend(): recomputed here so the plot can be offset before drawing.
    const f = this.format;
    const result = this.model!.result;
    const labels =
      this.colorBy === 'tier' ? [...TIER_ORDER] : [`Vital few (${f.integer(result.vitalFew)})`, 'Other accounts'];
    labels.push('Cumulative share', `Cutoff ${f.percentShort(result.cutoff)}`);
    let rows = 1;
    let x = 0;
    for (const label of labels) {
      const w = 18 + textWidth(label) + 14;
      if (x > 0 && x + w > width) {
        rows += 1;
        x = 0;
      }
      x += w;
    }
    return rows;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kam-pareto': KamPareto;
  }
}
