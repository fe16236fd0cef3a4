/** `<kam-tier-matrix>`: the account portfolio matrix. The class comment below is what the manifest documents. */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { assignTiers, TIER_ORDER, type TierResult, type TierRules } from '../../analysis/tiers.js';
import type { Account } from '../../feed/schema.js';
import type { TableColumn } from '../../internal/data-table.js';
import type { CsvColumn } from '../../internal/export.js';
import { KamWidget } from '../../internal/kam-widget.js';
import { tooltip } from '../../internal/tooltip.js';
import { describeItem, drawingOf, tipOf, type Drawing, type Tip } from './tier-matrix-drawing.js';
import { carryFocus, cellAt, cellCount, idsOf, moveFocus, selectedIn } from './tier-matrix-items.js';
import { itemBox } from './tier-matrix-layout.js';
import { parseCuts, selectedCounts, usableRules, POTENTIAL_FIELDS, VALUE_FIELDS, type Matrix, type PotentialField, type SelectedCounts, type ValueField } from '../../analysis/portfolio-matrix.js';
import { indexesOf, tierMatrixModel, type TierMatrixModel, type TierMatrixOptions } from './tier-matrix-pipeline.js';
import { tierMatrixStyles } from './tier-matrix-styles.js';
import { bandHeaders, cellMark, itemRing, tierPanel, tierPatterns } from './tier-matrix-svg.js';
import { csvColumns, tableColumns, tableRows, type TierMatrixRow } from './tier-matrix-table.js';
import { balanceSentences, summarySentence, tierSummaryLine } from './tier-matrix-text.js';

export type { TierMatrixRow };

const cutsConverter = {
  fromAttribute: (value: string | null) => parseCuts(value),
  toAttribute: (value: number[] | undefined) => value?.join(','),
};

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
 * @csspart frame - The widget's frame around header, chart and table.
 * @csspart header - The summary and the toolbar.
 * @csspart summary - The one-sentence summary with the exact figures.
 * @csspart toolbar - The buttons above the chart.
 * @csspart clear-selection - The "Clear selection" button, shown while accounts are selected.
 * @csspart view-toggle - The "View as table" button.
 * @csspart export-button - The button that opens the export menu.
 * @csspart export-menu - The export menu (SVG, PNG, CSV).
 * @csspart export-item - One entry of the export menu.
 * @csspart export-message - Why an export failed.
 * @csspart plot - The matrix and the tier summary (one Tab stop).
 * @csspart tooltip - The tooltip of the hovered or focused cell or tier.
 * @csspart notes - Notes on the bands: accounts without data, bands merged by ties.
 * @csspart balance - The resource balance: share of effort against share of revenue per tier.
 * @csspart rule - The disclosure with the tier rule in words.
 * @csspart table-container - The scrolling box around the table view.
 * @csspart table - The table view.
 * @csspart show-more - The button that shows more table rows.
 * @csspart skipped-notice - The "N accounts skipped" notice.
 * @csspart stale-notice - The notice that a background refresh failed and the last good feed is shown.
 * @csspart retry-button - Retry in the error view; "Refresh now" in the stale notice.
 * @csspart state - The loading, idle, empty and error views (each also has its own part below).
 * @csspart state-loading - The loading view.
 * @csspart state-idle - The view shown before any data input is set.
 * @csspart state-empty - The view of a feed without accounts (or none left by the filter).
 * @csspart state-error - The error view, with every problem of the feed.
 *
 * @cssprop [--kam-tier-matrix-shade=var(--kam-accent)] - Colour of the cells, shaded by their share of revenue.
 * @cssprop [--kam-tier-mvc=#1f5fbf] - MVC colour (solid).
 * @cssprop [--kam-tier-mgc=#1a7f37] - MGC colour (striped).
 * @cssprop [--kam-tier-stc=#7d4fc9] - STC colour (dotted).
 * @cssprop [--kam-tier-bz=#c1121f] - BZ colour (cross-hatched).
 * @cssprop [--kam-bg=#ffffff] - Background, and the marks of the tier patterns.
 * @cssprop [--kam-surface=#f6f8fa] - Background of the tier summary blocks.
 * @cssprop [--kam-fg=#1f2328] - Text colour and the outline of cells with selected accounts.
 * @cssprop [--kam-muted=#59636e] - Secondary text.
 * @cssprop [--kam-border=#d1d9e0] - Cell, block, button and state borders.
 * @cssprop [--kam-grid=#e8ecf0] - Lines between table rows.
 * @cssprop [--kam-accent=#0b63c5] - The rule disclosure link.
 * @cssprop [--kam-accent-soft=#dbeafe] - Background of the pressed "View as table" button.
 * @cssprop [--kam-focus=#0b63c5] - Focus ring.
 * @cssprop [--kam-error=#c1121f] - Error view border and heading; export failure message.
 * @cssprop [--kam-error-bg=#fff1f0] - Error view background.
 * @cssprop [--kam-warning=#8a5300] - Border of the skipped and stale notices.
 * @cssprop [--kam-warning-bg=#fff8e6] - Background of the skipped and stale notices.
 * @cssprop [--kam-skeleton=#eaeef2] - The loading skeleton.
 * @cssprop [--kam-tooltip-bg=#1f2328] - Tooltip background.
 * @cssprop [--kam-tooltip-fg=#ffffff] - Tooltip text.
 * @cssprop [--kam-radius=6px] - Corner radius of the frame, buttons, states and tooltip.
 * @cssprop [--kam-font=system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif] - Font family.
 * @cssprop [--kam-font-size=14px] - Base font size.
 * @cssprop [--kam-table-max-height=28em] - Height of the table view before it scrolls.
 */
export class KamTierMatrix extends KamWidget<TierMatrixRow> {
  static override styles = [...KamWidget.styles, ...tierMatrixStyles];

  /** Columns: current value as "revenue" (default), "clv" or "profit". */
  @property({ attribute: 'value-field', reflect: true }) valueField: ValueField = 'revenue';

  /** Rows: growth potential as "headroom" (potential − revenue, default), "potential" or "impact" (impact score, else headroom). */
  @property({ attribute: 'potential-field', reflect: true }) potentialField: PotentialField = 'headroom';

  /** Cut points between value bands, e.g. "100000,500000" (at most 4; a value at a cut goes up). Unset: tertiles. */
  @property({ attribute: 'value-thresholds', converter: cutsConverter }) valueThresholds?: number[];

  /** Cut points between potential bands, like `value-thresholds`. Unset: tertiles. */
  @property({ attribute: 'potential-thresholds', converter: cutsConverter }) potentialThresholds?: number[];

  /** Tier rule parameters as one object ({ cutoff, growthThreshold, headroomFactor }); the attributes win over it. Default: the kit's rule (0.8, 0.2, 1). */
  @property({ attribute: false }) rules?: Partial<TierRules>;

  /** Pareto cutoff for MVC, in (0, 1]. Unset: `rules.cutoff`, then 0.8. */
  @property({ type: Number }) cutoff?: number;

  /** Revenue growth over the previous period that makes an account MGC (0.2 = 20%). Unset: `rules.growthThreshold`, then 0.2. */
  @property({ type: Number, attribute: 'growth-threshold' }) growthThreshold?: number;

  /** Growth headroom, as a multiple of current revenue, that makes an account MGC. Unset: `rules.headroomFactor`, then 1. */
  @property({ type: Number, attribute: 'headroom-factor' }) headroomFactor?: number;

  @state() private focusIndex = -1;
  @state() private hoverIndex = -1;
  @state() private focused = false;

  protected readonly exportName = 'kam-tier-matrix';
  private cache?: { accounts: readonly Account[]; key: string; model: TierMatrixModel; rows?: TierMatrixRow[] };
  /** The model the focus and hover indexes refer to, and what willUpdate derives from it for render(). */
  private model?: TierMatrixModel;
  private drawing?: Drawing;
  private selected?: { model: TierMatrixModel; ids: readonly string[]; counts?: SelectedCounts };
  private tip?: Tip;

  /** The tier rule parameters in force (attributes, then `rules`, then the defaults; unusable values are ignored). */
  get effectiveRules(): TierRules {
    return this.currentModel()?.tiers.rules ?? assignTiers([], this.options().rules).rules;
  }

  /** The tier assignment the widget shows (undefined until a feed is ready). */
  get tierAnalysis(): TierResult | undefined {
    return this.currentModel()?.tiers;
  }

  /** The bands and cells the widget shows (undefined until a feed is ready). */
  get matrix(): Matrix | undefined {
    return this.currentModel()?.matrix;
  }

  /** "BZ accounts take 18.0% of effort and give 4.0% of revenue." for each tier with accounts, when the feed has effort. */
  get resourceBalance(): string[] {
    const model = this.currentModel();
    return model ? balanceSentences(this.format, model.tiers) : [];
  }

  private options(): TierMatrixOptions {
    const { cutoff, growthThreshold, headroomFactor } = this;
    return {
      rules: { ...usableRules(this.rules), ...usableRules({ cutoff, growthThreshold, headroomFactor }) },
      valueField: VALUE_FIELDS.includes(this.valueField) ? this.valueField : 'revenue',
      potentialField: POTENTIAL_FIELDS.includes(this.potentialField) ? this.potentialField : 'headroom',
      valueCuts: this.valueThresholds,
      potentialCuts: this.potentialThresholds,
    };
  }

  /** The model of the current feed and options, rebuilt only when one of them changed. */
  private currentModel(): TierMatrixModel | undefined {
    const accounts = this.feedController.state.feed?.accounts;
    if (!accounts?.length) return undefined;
    const options = this.options();
    const key = JSON.stringify(options);
    if (this.cache?.accounts !== accounts || this.cache.key !== key) this.cache = { accounts, key, model: tierMatrixModel(accounts, options) };
    return this.cache.model;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const model = this.currentModel();
    if (!model) return;
    if (model !== this.model) {
      // A refreshed feed keeps the focused cell or tier; focused with nothing to carry over: the first cell.
      const carried = this.model ? carryFocus(this.model.matrix, model.matrix, this.focusIndex) : -1;
      this.focusIndex = carried < 0 && this.focused ? 0 : carried;
      this.hoverIndex = -1;
      this.model = model;
    }
    const f = this.format;
    const width = Math.max(260, this.size.width);
    const d = this.drawing;
    if (d?.model !== model || d.w.f !== f || d.width !== width) this.drawing = drawingOf(model, f, width);
    const ids = this.selection;
    if (this.selected?.model !== model || this.selected.ids !== ids) {
      this.selected = { model, ids, counts: ids.length ? selectedCounts(model.matrix, indexesOf(model, ids)) : undefined };
    }
    const active = this.hoverIndex >= 0 ? this.hoverIndex : this.focused ? this.focusIndex : -1;
    this.tip = active >= 0 ? tipOf(this.drawing!, active, this.selectedIn(active)) : undefined;
  }

  protected summary(): string {
    return summarySentence(this.format, this.currentModel()!.tiers);
  }

  private selectedIn(item: number): number {
    return selectedIn(this.model!.matrix, this.selected?.counts, item);
  }

  // ---- table and CSV (tier-matrix-table.ts) ---------------------------------------------------------

  protected tableRows(): readonly TierMatrixRow[] {
    const model = this.currentModel();
    return model ? (this.cache!.rows ??= tableRows(model)) : [];
  }

  protected rowKey(row: TierMatrixRow): string {
    return row.assignment.account.id;
  }

  protected tableColumns(): readonly TableColumn<TierMatrixRow>[] {
    return tableColumns(this.format, this.currentModel()!);
  }

  protected csvColumns(): readonly CsvColumn<TierMatrixRow>[] {
    return csvColumns(this.currentModel());
  }

  // ---- interaction (items, keys and focus: tier-matrix-items.ts) ------------------------------------

  private itemOf(event: Event): number {
    const target = event.composedPath()[0];
    const found = target instanceof Element ? target.closest('[data-item]') : null;
    return found ? Number(found.getAttribute('data-item')) : -1;
  }

  private select(item: number, extend: boolean) {
    this.selectIds(idsOf(this.model!.accounts, this.model!.matrix, item), extend);
  }

  private focusItem(item: number) {
    this.focusIndex = item;
    this.hoverIndex = -1;
    this.announcement = describeItem(this.drawing!, item, this.selectedIn(item));
  }

  private onPointerOver(event: PointerEvent) {
    this.hoverIndex = this.itemOf(event);
  }

  private onClick(event: MouseEvent) {
    const item = this.itemOf(event);
    if (item < 0) return;
    this.focusIndex = item;
    this.select(item, event.shiftKey);
  }

  /** Tab into the plot with nothing focused yet: the first cell, so Enter selects at once. */
  private onFocus(event: FocusEvent) {
    this.focused = true;
    if (this.focusIndex >= 0) return;
    // Announced for keyboard focus only: a click announces its selection instead.
    if ((event.currentTarget as HTMLElement).matches(':focus-visible')) this.focusItem(0);
    else this.focusIndex = 0;
  }

  private onBlur() {
    this.focused = false;
    this.hoverIndex = -1;
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter' || event.key === ' ') {
      if (this.focusIndex < 0) return;
      event.preventDefault();
      this.select(this.focusIndex, event.shiftKey);
      return;
    }
    const { value, potential } = this.model!.matrix;
    const next = moveFocus(event.key, this.focusIndex, value.bands.length, potential.bands.length, TIER_ORDER.length);
    if (next === undefined) return;
    event.preventDefault();
    this.focusItem(next);
  }

  protected override onEscape(): void {
    this.hoverIndex = -1;
  }

  // ---- drawing (tier-matrix-drawing.ts derives, tier-matrix-svg.ts marks) --------------------------

  protected renderChart(): TemplateResult {
    const { hoverIndex, focusIndex } = this;
    const { model, w, layout, rows, maxShare, valueTitle, potentialTitles, blocks, notes, balance, rule, givenNote } = this.drawing!;
    const { matrix, valueNames, potentialNames } = model;
    const cells = cellCount(matrix);
    const columns = matrix.value.bands.length;
    const ring = (item: number, className: 'focus-ring' | 'hover-ring') => (item >= 0 ? itemRing(itemBox(layout, item, columns, cells), className) : nothing);
    return html`<div
        class="plot"
        part="plot"
        tabindex="0"
        role="group"
        aria-roledescription="tier matrix"
        aria-labelledby="summary"
        aria-describedby="keys"
        @pointerover=${this.onPointerOver}
        @pointerleave=${() => (this.hoverIndex = -1)}
        @click=${this.onClick}
        @keydown=${this.onKeydown}
        @focus=${this.onFocus}
        @blur=${this.onBlur}
      >
        <svg class="chart" width=${layout.width} height=${layout.height} aria-hidden="true">
          ${tierPatterns()}
          ${bandHeaders({ layout, valueNames, potentialNames, rows, valueTitle, potentialTitles })}
          <g class="cells">
            ${Array.from({ length: cells }, (_, item) => cellMark({ f: w.f, layout, item, columns, cell: cellAt(matrix, item), maxShare, selected: this.selectedIn(item) }))}
          </g>
          ${tierPanel({ f: w.f, layout, firstItem: cells, selected: TIER_ORDER.map((_, t) => this.selectedIn(cells + t)) })}
          ${hoverIndex !== focusIndex ? ring(hoverIndex, 'hover-ring') : nothing}
          ${this.focused ? ring(focusIndex, 'focus-ring') : nothing}
        </svg>
        ${tooltip(this.tip?.anchor, this.tip?.content, 'tooltip')}
        <p class="sr-only" id="keys">
          Arrow keys move between the cells of the matrix and on into the tier summary. Enter or Space selects the accounts of the focused cell or tier, Shift adds them to the selection, Escape clears it. The
          table view lists every account with its tier and bands.
        </p>
      </div>
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
