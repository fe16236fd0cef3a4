/**
 * <kam-pareto>: the Pareto chart of the account base. The class comment below is what the manifest documents.
 * One file over 300 lines: the element's documented attributes, its lifecycle and its handlers are one
 * class; bars, placing, drawing, words and tables are in the pareto-* files.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { paretoRows, type ParetoResult, type ParetoRow } from '../../analysis/pareto.js';
import type { Portfolio } from '../../analysis/portfolio.js';
import { MEASURES, type Measure } from '../../analysis/roi.js';
import { flaggedAt, flagMarkStyles } from '../../internal/flag-marks.js';
import { ItemFocusController } from '../../internal/item-focus.js';
import { KamWidget } from '../../internal/kam-widget.js';
import { memo } from '../../internal/memo.js';
import { previousTiersOf } from '../../internal/previous-tier.js';
import { ResizeController } from '../../internal/resize-controller.js';
import { measuredTextWidth } from '../../internal/text-fit.js';
import { tierPatterns, tierPatternStyles } from '../../internal/tier-patterns.js';
import { fromTooltip, keepTooltipInside, tooltip } from '../../internal/tooltip.js';
import { barOfRank, type ParetoBar } from './pareto-bars.js';
import { barIndexAt, paretoChart, type ParetoChart, type ParetoColorBy } from './pareto-layout.js';
import { activeRing, axisMarks, barMarks, cutoffMarks, flagMarks, gridMarks, legendMarks, vitalBand, vitalBracket } from './pareto-marks.js';
import {
  accountAt,
  accountIndexAt,
  barFlagLevels,
  idsOf,
  paretoModel,
  periodShares,
  rankingOf,
  rankOfId,
  subjectOf,
  tierParts,
  type ParetoModel,
} from './pareto-model.js';
import { paretoStyles } from './pareto-styles.js';
import { belowZeroTable, paretoCsvColumns, paretoTableColumns, periodTable, type ParetoRowFacts } from './pareto-table.js';
import { barDescription, barTooltip, belowZeroText, MEASURE_WORDS, summaryText } from './pareto-text.js';


export type { ParetoColorBy };

const KEYS =
  'The chart is a picture; the "View as table" button above it shows the same accounts as a table. Arrow keys move between bars, Home and End jump, Page Up and Page Down move by ten, Enter selects, Shift+Enter adds to the selection, Escape clears.';

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
 * @csspart tooltip - The tooltip of the hovered or focused bar.
 * @csspart period-table - In the table view, with history: the vital few of every period.
 * @csspart below-zero-note - Under the chart: the accounts whose measure is below zero, named (they count 0 in the ranking).
 * @csspart below-zero-table - In the table view: the accounts whose measure is below zero, listed apart.
 *
 * `measure="profit"` (or "clv") ranks the accounts by that figure instead of revenue; accounts with a
 * negative figure count 0 in the ranking and are named under the chart and listed apart in the table
 * view, never hidden. Flagged accounts (red flags) carry a small flag on their bar: filled when a flag is
 * severe, outlined for a warning; the tooltip says the flags in words and the table has a "Red flags" column.
 *
 * With history, the summary compares the vital few with the previous period's ("…; in 2026-Q2: 38 of
 * 240 (15.8%)"), each period's vital few read by the same rule on that period's revenue; an account's
 * tooltip gives its tier in the previous period ("Tier: MGC (2026-Q2: STC)", "new" without figures then),
 * the table view a "Tier in 2026-Q2" column and the CSV a `previous_tier` column (empty without history).
 *
 * @cssprop [--kam-pareto-vital=var(--kam-accent)] - Colour of the vital-few bars.
 * @cssprop [--kam-pareto-rest=var(--kam-muted)] - Colour of the other bars.
 * @cssprop [--kam-pareto-band=var(--kam-accent-soft)] - Background of the vital-few band.
 * @cssprop [--kam-tier-mvc=#1f5fbf] - MVC colour when `color-by="tier"` (solid).
 * @cssprop [--kam-tier-mgc=#1a7f37] - MGC colour when `color-by="tier"` (striped).
 * @cssprop [--kam-tier-stc=#7d4fc9] - STC colour when `color-by="tier"` (dotted).
 * @cssprop [--kam-tier-bz=#c1121f] - BZ colour when `color-by="tier"` (cross-hatched).
 * @cssprop [--kam-line=#b35900] - Colour of the cumulative-share line and the crossing marker.
 * @cssprop [--kam-bad=#c1121f] - The default colour of a severe red flag's mark (dark theme #ff7b72).
 * @cssprop [--kam-flag-severe=#c1121f] - The filled flag of a severe red flag (default: `--kam-bad`; dark theme #ff7b72).
 * @cssprop [--kam-flag-warning=#8a5300] - The outlined flag of a warning (default: `--kam-warning`; dark theme #e3b341).
 */
export class KamPareto extends KamWidget<ParetoModel, ParetoRow> {
  static override styles = [...KamWidget.styles, tierPatternStyles, flagMarkStyles, paretoStyles];

  private readonly plotSize = new ResizeController(this, { target: () => this.renderRoot.querySelector('.plot') });

  protected readonly items = new ItemFocusController(this, {
    count: () => this.chart?.bars.length ?? 0,
    keyOf: (bar) => accountAt(this.model!, this.chart!.bars[bar]!.firstRank).id,
    indexOf: (id) => {
      const rank = rankOfId(this.model!, id);
      return rank === undefined ? -1 : barOfRank(this.chart!.bars, rank);
    },
    describe: (bar) =>
      barDescription(this.format, this.chart!.bars[bar]!, accountAt(this.model!, this.chart!.bars[bar]!.firstRank).name, this.model!.measure, this.barFlags?.[bar] ?? 0),
    activate: (bar, extend) => this.selectIds(idsOf(this.model!, this.chart!.bars[bar]!), extend),
    announce: (text) => this.announce(text),
  });

  /** Share of revenue that defines this chart's vital few and cutoff line, in (0, 1]. Unset: the portfolio's cutoff (the linked `<kam-feed>`'s), then 0.8. Without `feed` it is also the cutoff of the MVC tier. */
  @property({ type: Number }) override cutoff?: number;

  /** Show only the top N accounts and one "Others (M accounts)" bar. Unset: every account. */
  @property({ type: Number }) top?: number;

  /** Bar colours: "vital" (the vital few against the rest, default) or "tier" (MVC, MGC, STC, BZ, each with its pattern). */
  @property({ attribute: 'color-by', reflect: true }) colorBy: ParetoColorBy = 'vital';

  /** What ranks the accounts: "revenue" (default), "profit" or "clv". Accounts below zero count 0 and are listed apart. */
  @property({ reflect: true }) measure: Measure = 'revenue';

  protected readonly exportName = 'kam-pareto';
  private readonly deriveParetoModel = memo(paretoModel);
  private readonly deriveChart = memo(paretoChart);
  private readonly periodRows = memo(periodShares);
  private readonly deriveBarFlags = memo(barFlagLevels);
  /** Each account's tier in the previous period (tooltip, table, CSV): read at the first idle moment, or when first needed. */
  private readonly derivePrevious = memo(previousTiersOf);
  private readonly belowZeroRows = memo((model: ParetoModel) => {
    const values = model.portfolio.columns[model.measure];
    return Array.from(model.belowZero, (i) => ({ id: model.portfolio.accounts[i]!.id, name: model.portfolio.accounts[i]!.name, value: values[i]! }));
  });
  private chart?: ParetoChart;
  /** Per bar, the most severe red flag of its accounts; undefined until the flags are read. */
  private barFlags?: Uint8Array;

  /** The measure in force: the attribute when it is one of "revenue", "profit", "clv", else revenue. */
  get effectiveMeasure(): Measure {
    return MEASURES.includes(this.measure) ? this.measure : 'revenue';
  }

  /** The cutoff in force: the attribute when it is in (0, 1], otherwise the portfolio's (0.8 by default). */
  get effectiveCutoff(): number {
    const own = this.cutoff;
    return own !== undefined && own > 0 && own <= 1 ? own : (this.portfolio?.rules.cutoff ?? 0.8);
  }

  /** The Pareto analysis the chart shows (undefined until a feed is ready). */
  get analysis(): ParetoResult | undefined {
    return this.model && rankingOf(this.model);
  }

  /** The bars as drawn: ranks, account count, revenue and cumulative share of each (buckets when accounts outnumber the room). */
  get drawnBars(): readonly ParetoBar[] {
    return this.chart?.bars ?? [];
  }

  protected deriveModel(portfolio: Portfolio): ParetoModel {
    return this.deriveParetoModel(portfolio, this.effectiveCutoff, this.effectiveMeasure);
  }

  /** Names are measured in the font the page gives the widget, read only when names may be shown. */
  private readonly measureText = (() => {
    let measure: ((text: string) => number) | undefined;
    return (text: string) => (measure ??= measuredTextWidth(`11px ${getComputedStyle(this).fontFamily}`))(text);
  })();

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The plot spans the host's content box, which is known before the plot exists; its height may grow.
    const top = this.top !== undefined && this.top >= 1 ? this.top : undefined;
    this.chart = this.model && this.deriveChart(this.model, this.size.width, this.plotSize.height, this.colorBy, top, this.format, this.measureText);
    const flags = this.model && this.flagsToMark(this.model.portfolio);
    this.barFlags = flags && this.deriveBarFlags(this.model!, this.chart!.bars, flags);
  }

  /** The first idle moment also reads the ranking of the measure and the previous period's tiers. */
  protected override prepare(portfolio: Portfolio): void {
    super.prepare(portfolio);
    portfolio.ranking(this.effectiveMeasure);
    this.derivePrevious(portfolio);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    keepTooltipInside(this.renderRoot.querySelector<HTMLElement>('.plot > .tooltip'), this);
  }

  // ---- summary, table, CSV -------------------------------------------------------------------------

  protected summary(model: ParetoModel): string {
    return summaryText(this.format, model.shares, model.previous, model.measure);
  }

  /** The vital few of every period, and the accounts below zero, above the account table. */
  protected override tableIntro(model: ParetoModel) {
    return html`${periodTable(this.format, this.periodRows(model), model.measure)}${belowZeroTable(this.format, model.measure, this.belowZeroRows(model))}`;
  }

  /** What a table row or CSV row reads besides the ranking (without a model: the CSV header alone, no row is read). */
  private rowFacts(model: ParetoModel | undefined): ParetoRowFacts {
    return {
      tierOf: (row) => model!.portfolio.assignment(row.index),
      previous: model && this.derivePrevious(model.portfolio),
      flaggedOf: (row) => flaggedAt(model!.portfolio.flags(), row.index),
      measure: model?.measure ?? this.effectiveMeasure,
    };
  }

  protected tableRows(model: ParetoModel): readonly ParetoRow[] {
    return paretoRows(rankingOf(model));
  }

  protected rowKey(row: ParetoRow): string {
    return row.account.id;
  }

  protected override rowMark(row: ParetoRow) {
    return row.vital ? { label: 'vital few', className: 'vital' } : undefined;
  }

  protected tableColumns(model: ParetoModel) {
    return paretoTableColumns(this.format, this.rowFacts(model));
  }

  protected csvColumns(model: ParetoModel | undefined) {
    return paretoCsvColumns(this.rowFacts(model));
  }

  /** A bar's red flags for its tooltip: the account's own, or for a group how many of its accounts carry flags. */
  private barFlagsOf(model: ParetoModel, bar: ParetoBar) {
    const flags = model.portfolio.flags();
    if (bar.count === 1 && !bar.others) return flaggedAt(flags, accountIndexAt(model, bar.firstRank));
    let accounts = 0;
    let severe = 0;
    for (let r = bar.firstRank; r <= bar.lastRank; r++) {
      const level = flags.level[accountIndexAt(model, r)]!;
      if (level) accounts++;
      if (level === 2) severe++;
    }
    return { accounts, severe };
  }

  /** The tooltip of a bar: for one account, its tier in the previous period too. */
  private barTip(model: ParetoModel, bar: ParetoBar): TemplateResult {
    const subject = subjectOf(model, bar);
    const previous = 'assignment' in subject ? this.derivePrevious(model.portfolio) : undefined;
    return barTooltip(this.format, bar, subject, model.measure, this.barFlagsOf(model, bar), previous);
  }

  // ---- interaction ---------------------------------------------------------------------------------

  private barAt(event: PointerEvent | MouseEvent): number {
    const plot = event.currentTarget as HTMLElement;
    const rect = plot.getBoundingClientRect();
    // Local coordinates that stay right when an ancestor is scaled by a CSS transform.
    const x = ((event.clientX - rect.left) * plot.offsetWidth) / (rect.width || 1);
    return barIndexAt(this.chart!.layout, x, this.chart!.bars.length);
  }

  private readonly onPointerMove = (event: PointerEvent) => {
    // Over the tooltip (a child of the plot) the pointer is on its way to the "Open in CRM" link: keep the bar.
    if (!fromTooltip(event)) this.items.setHover(this.barAt(event));
  };

  private readonly onClick = (event: MouseEvent) => {
    if (fromTooltip(event)) return;
    const bar = this.barAt(event);
    if (bar < 0) return;
    this.items.focus(bar, false);
    this.selectIds(idsOf(this.model!, this.chart!.bars[bar]!), event.shiftKey);
  };

  // ---- drawing -------------------------------------------------------------------------------------

  /** Bar classes: vital or rest, and selected or dimmed while there is a selection. */
  private barStates(model: ParetoModel, bars: readonly ParetoBar[]): (index: number) => string {
    const selected = new Set<number>();
    for (const id of this.selectedIds) {
      const rank = rankOfId(model, id);
      if (rank !== undefined) selected.add(barOfRank(bars, rank));
    }
    const suffix = (i: number) => (this.selectedIds.size === 0 ? '' : selected.has(i) ? ' selected' : ' dimmed');
    return (i) => `${bars[i]!.vital ? 'vital' : 'rest'}${suffix(i)}`;
  }

  protected renderChart(model: ParetoModel): TemplateResult {
    const { shares } = model;
    const { bars, layout, legend, legendOffset, minHeight, cumulative, crossingX, vitalBars, labels } = this.chart!;
    const f = this.format;
    const height = layout.height + legendOffset;
    const byTier = this.colorBy === 'tier';
    const active = this.items.active;
    const activeBar = bars[active];
    const anchor = activeBar && {
      x: layout.left + active * layout.step + layout.step / 2,
      y: legendOffset + Math.min(layout.revenue(activeBar.revenue), layout.bottom - 20),
      width: layout.width,
      height,
    };
    const content = html`<svg class="chart ${byTier ? 'by-tier' : ''}" width=${layout.width} height=${height} aria-hidden="true">
        ${byTier ? tierPatterns() : nothing} ${legendMarks(legend)}
        <g transform="translate(0 ${legendOffset})">
          ${vitalBand(layout, vitalBars, bars.length)} ${gridMarks(layout)}
          <g class="bars">${barMarks(layout, bars, this.barStates(model, bars), byTier ? (bar) => tierParts(model, bar) : undefined)}</g>
          ${this.barFlags ? flagMarks(layout, bars, this.barFlags) : nothing}
          <path class="cumulative" d=${cumulative}></path>
          ${cutoffMarks(layout, shares.cutoff, crossingX)}
          ${axisMarks({
            layout,
            f,
            labels,
            barCount: bars.length,
            grouped: bars.length < shares.count && !bars.some((b) => b.others),
            rankedBy: model.measure === 'revenue' ? undefined : MEASURE_WORDS[model.measure].noun,
          })}
          ${vitalBracket(layout, vitalBars)} ${activeBar ? activeRing(layout, active, this.items.index === active && this.items.hover < 0) : nothing}
        </g>
      </svg>
      ${tooltip(anchor, activeBar ? this.barTip(model, activeBar) : undefined, 'tooltip')}`;
    const note = belowZeroText(f, model.measure, this.belowZeroRows(model));
    return html`${this.renderPlot(
      { roleDescription: 'Pareto chart', keys: KEYS, minHeight, onPointerMove: this.onPointerMove, onClick: this.onClick },
      content,
    )}${note ? html`<p class="below-zero-note" part="below-zero-note">${note}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kam-pareto': KamPareto;
  }
}
