/** `<kam-tier-matrix>`: the account portfolio matrix. The class comment below is what the manifest documents. */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { selectedCounts, type Matrix, type SelectedCounts } from '../../analysis/portfolio-matrix.js';
import { parseCuts, POTENTIAL_FIELDS, VALUE_FIELDS, type PotentialField, type ValueField } from '../../analysis/bands.js';
import type { Portfolio } from '../../analysis/portfolio.js';
import { tierRules, TIER_ORDER, type TierResult, type TierRules } from '../../analysis/tiers.js';
import { ItemFocusController } from '../../internal/item-focus.js';
import { KamWidget } from '../../internal/kam-widget.js';
import { memo } from '../../internal/memo.js';
import { indexesOfIds } from '../../internal/selection.js';
import { tooltip } from '../../internal/tooltip.js';
import { boxOf, tierMatrixChart, tipAnchor, type TierMatrixChart } from './tier-matrix-layout.js';
import { bandHeaders, cellMark, itemRing, tierPanel, tierPatterns } from './tier-matrix-marks.js';
import { cellAt, cellCount, idsOf, itemKey, itemOfKey, moveFocus, selectedIn, tierMatrixModel, topAccounts, type TierMatrixModel } from './tier-matrix-model.js';
import { tierMatrixStyles } from './tier-matrix-styles.js';
import { csvColumns, tableColumns, tableRows, type TierMatrixRow } from './tier-matrix-table.js';
import { balanceSentences, describeItem, itemTooltip, summarySentence, tierSummaryLine } from './tier-matrix-text.js';

export type { TierMatrixRow };

const cutsConverter = {
  fromAttribute: (value: string | null) => parseCuts(value),
  toAttribute: (value: number[] | undefined) => value?.join(','),
};

const KEYS =
  'Arrow keys move between the cells of the matrix and on into the tier summary. Enter or Space selects the accounts of the focused cell or tier, Shift adds them to the selection, Escape clears it. The table view lists every account with its tier and bands.';

/**
 * @summary The account portfolio matrix: accounts by current value and growth potential, with the MVC /
 * MGC / STC / BZ tiers inside each cell, a tier summary, the tier rule in words and the resource balance.
 *
 * @tag kam-tier-matrix
 *
 * @event {CustomEvent<KamSelectDetail>} kam-select - The accounts of a cell or a tier were selected (click, Enter/Space) or the selection was cleared (Escape).
 * @event {CustomEvent<KamLoadDetail>} kam-load - A feed was loaded and validated.
 * @event {CustomEvent<KamErrorDetail>} kam-error - The feed could not be loaded or is not a feed.
 *
 * @csspart tooltip - The tooltip of the hovered or focused cell or tier.
 * @csspart notes - Notes on the bands: accounts without data, bands merged by ties.
 * @csspart balance - The resource balance: share of effort against share of revenue per tier.
 * @csspart rule - The disclosure with the tier rule in words.
 *
 * @cssprop [--kam-tier-matrix-shade=var(--kam-accent)] - Colour of the cells, shaded by their share of revenue.
 * @cssprop [--kam-tier-mvc=#1f5fbf] - MVC colour (solid).
 * @cssprop [--kam-tier-mgc=#1a7f37] - MGC colour (striped).
 * @cssprop [--kam-tier-stc=#7d4fc9] - STC colour (dotted).
 * @cssprop [--kam-tier-bz=#c1121f] - BZ colour (cross-hatched).
 */
export class KamTierMatrix extends KamWidget<TierMatrixModel, TierMatrixRow> {
  static override styles = [...KamWidget.styles, ...tierMatrixStyles];

  protected readonly items: ItemFocusController = new ItemFocusController(this, {
    count: () => (this.model ? cellCount(this.model.matrix) + TIER_ORDER.length : 0),
    keyOf: (item) => itemKey(this.model!.matrix, item),
    // A tier stays the same tier and a cell the same cell among the same bands; a cell whose bands are
    // gone leaves the first cell focused while the plot has focus, so the arrow keys go on from there.
    indexOf: (key): number => {
      if (!this.model) return -1;
      const item = itemOfKey(this.model.matrix, key);
      return item < 0 && this.items.focused ? 0 : item;
    },
    move: (key, item) => {
      const { value, potential } = this.model!.matrix;
      return moveFocus(key, item, value.bands.length, potential.bands.length, TIER_ORDER.length);
    },
    describe: (item) => describeItem(this.chart!.w, this.model!, item, this.selectedIn(item)),
    activate: (item, extend) => this.select(item, extend),
    announce: (text) => this.announce(text),
    focusFirst: true,
  });

  /** Columns: current value as "revenue" (default), "clv" or "profit". */
  @property({ attribute: 'value-field', reflect: true }) valueField: ValueField = 'revenue';

  /** Rows: growth potential as "headroom" (potential − revenue, default), "potential" or "impact" (impact score, else headroom). */
  @property({ attribute: 'potential-field', reflect: true }) potentialField: PotentialField = 'headroom';

  /** Cut points between value bands, e.g. "100000,500000" (at most 4; a value at a cut goes up). Unset: tertiles of the accounts shown. */
  @property({ attribute: 'value-thresholds', converter: cutsConverter }) valueThresholds?: number[];

  /** Cut points between potential bands, like `value-thresholds`. Unset: tertiles of the accounts shown. */
  @property({ attribute: 'potential-thresholds', converter: cutsConverter }) potentialThresholds?: number[];

  protected readonly exportName = 'kam-tier-matrix';
  private readonly deriveMatrixModel = memo(
    (portfolio: Portfolio, valueField: ValueField, potentialField: PotentialField, valueCuts?: readonly number[], potentialCuts?: readonly number[]) =>
      tierMatrixModel(portfolio, { valueField, potentialField, valueCuts, potentialCuts }),
  );
  private readonly deriveChart = memo(tierMatrixChart);
  private readonly deriveSelected = memo((model: TierMatrixModel, ids: readonly string[]) => (ids.length ? selectedCounts(model.matrix, indexesOfIds(model.portfolio, ids)) : undefined));
  /** An item's tooltip, made again only when the item, its selected count or the chart changes. */
  private readonly tipOf = memo((chart: TierMatrixChart, item: number, selected: number) => ({
    anchor: tipAnchor(chart, item),
    content: itemTooltip(chart.w, chart.model, item, selected, topAccounts(chart.model, item)),
  }));
  private chart?: TierMatrixChart;
  private selected?: SelectedCounts;

  /** The tier rule parameters in force: the portfolio's (the linked `<kam-feed>`'s, or this element's own attributes, then `rules`, then the defaults; unusable values are ignored). */
  get effectiveRules(): TierRules {
    return this.portfolio?.rules ?? tierRules(this.tierRules);
  }

  /** The tier assignment the widget shows: each account's tier as the whole feed has it, summaries of the accounts shown (undefined until a feed is ready). */
  get tierAnalysis(): TierResult | undefined {
    return this.model?.tiers;
  }

  /** The bands and cells the widget shows (undefined until a feed is ready). */
  get matrix(): Matrix | undefined {
    return this.model?.matrix;
  }

  /** "BZ accounts take 18.0% of effort and give 4.0% of revenue." for each tier with accounts, when the feed has effort. */
  get resourceBalance(): string[] {
    return this.model ? balanceSentences(this.format, this.model.tiers) : [];
  }

  protected deriveModel(portfolio: Portfolio): TierMatrixModel {
    const valueField = VALUE_FIELDS.includes(this.valueField) ? this.valueField : 'revenue';
    const potentialField = POTENTIAL_FIELDS.includes(this.potentialField) ? this.potentialField : 'headroom';
    return this.deriveMatrixModel(portfolio, valueField, potentialField, this.valueThresholds, this.potentialThresholds);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const model = this.model;
    this.chart = model && this.deriveChart(model, this.format, Math.max(260, this.size.width));
    this.selected = model && this.deriveSelected(model, this.selection);
  }

  // ---- summary, table, CSV (tier-matrix-table.ts) ---------------------------------------------------

  protected summary(model: TierMatrixModel): string {
    return summarySentence(this.format, model.tiers);
  }

  protected tableRows(model: TierMatrixModel): readonly TierMatrixRow[] {
    return tableRows(model);
  }

  protected rowKey(row: TierMatrixRow): string {
    return row.assignment.account.id;
  }

  protected tableColumns(model: TierMatrixModel) {
    return tableColumns(this.format, model);
  }

  protected csvColumns(model: TierMatrixModel | undefined) {
    return csvColumns(model);
  }

  // ---- interaction ---------------------------------------------------------------------------------

  private selectedIn(item: number): number {
    return selectedIn(this.model!.matrix, this.selected, item);
  }

  private select(item: number, extend: boolean) {
    this.selectIds(idsOf(this.model!.portfolio.accounts, this.model!.matrix, item), extend);
  }

  /** The cell or tier block under the pointer (its `data-item`), or -1. */
  private itemOf(event: Event): number {
    const target = event.composedPath()[0];
    const found = target instanceof Element ? target.closest('[data-item]') : null;
    return found ? Number(found.getAttribute('data-item')) : -1;
  }

  private readonly onPointerOver = (event: PointerEvent) => this.items.setHover(this.itemOf(event));

  private readonly onClick = (event: MouseEvent) => {
    const item = this.itemOf(event);
    if (item < 0) return;
    // A click announces its selection, not the item.
    this.items.focus(item, false);
    this.select(item, event.shiftKey);
  };

  // ---- drawing (tier-matrix-layout.ts places, tier-matrix-marks.ts draws) ------------------------------

  protected renderChart(model: TierMatrixModel): TemplateResult {
    const chart = this.chart!;
    const { w, layout, rows, maxShare, valueTitle, potentialTitles, blocks, notes, balance, rule, givenNote } = chart;
    const { matrix, valueNames, potentialNames } = model;
    const { index, hover, focused } = this.items;
    const cells = cellCount(matrix);
    const columns = matrix.value.bands.length;
    // The tooltip follows the pointer, else the keyboard while the plot has focus.
    const active = hover >= 0 ? hover : focused ? index : -1;
    const tip = active >= 0 ? this.tipOf(chart, active, this.selectedIn(active)) : undefined;
    const ring = (item: number, className: 'focus-ring' | 'hover-ring') => (item >= 0 ? itemRing(boxOf(chart, item), className) : nothing);
    const content = html`<svg class="chart" width=${layout.width} height=${layout.height} aria-hidden="true">
        ${tierPatterns()} ${bandHeaders({ layout, valueNames, potentialNames, rows, valueTitle, potentialTitles })}
        <g class="cells">
          ${Array.from({ length: cells }, (_, item) => cellMark({ f: w.f, layout, item, columns, cell: cellAt(matrix, item), maxShare, selected: this.selectedIn(item) }))}
        </g>
        ${tierPanel({ f: w.f, layout, firstItem: cells, selected: TIER_ORDER.map((_, t) => this.selectedIn(cells + t)) })}
        ${hover !== index ? ring(hover, 'hover-ring') : nothing} ${focused ? ring(index, 'focus-ring') : nothing}
      </svg>
      ${tooltip(tip?.anchor, tip?.content, 'tooltip')}`;
    return html`${this.renderPlot({ roleDescription: 'tier matrix', keys: KEYS, onPointerOver: this.onPointerOver, onClick: this.onClick }, content)}
      <ul class="sr-only" aria-label="Tier summary">
        ${blocks.map((block) => html`<li>${tierSummaryLine(block)}</li>`)}
      </ul>
      ${notes.length ? html`<ul class="notes" part="notes">${notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
      ${balance.length ? html`<p class="balance" part="balance"><strong>Resource balance:</strong> ${balance.join(' ')}</p>` : nothing}
      <details class="rule" part="rule">
        <summary>How tiers are assigned</summary>
        <ol>${rule.map((line) => html`<li>${line}</li>`)}</ol>
        ${givenNote ? html`<p>${givenNote}</p>` : nothing}
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kam-tier-matrix': KamTierMatrix;
  }
}
