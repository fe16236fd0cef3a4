/**
 * `<kam-tier-matrix>`: the account portfolio matrix. The class comment below is what the manifest documents.
 * One file over 300 lines: the element's documented attributes, its lifecycle and its pointer and keyboard
 * handlers are one class; placing, drawing, words and tables are in the tier-matrix-* files.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { selectedCounts, type Matrix, type SelectedCounts } from '../../analysis/portfolio-matrix.js';
import { previousTiers } from '../../analysis/previous-tiers.js';
import { tierMovement, type TierMovement } from '../../analysis/tier-movement.js';
import { parseCuts, POTENTIAL_FIELDS, VALUE_FIELDS, type PotentialField, type ValueField } from '../../analysis/bands.js';
import type { Portfolio } from '../../analysis/portfolio.js';
import { tierRules, TIER_ORDER, type TierResult, type TierRules } from '../../analysis/tiers.js';
import { ItemFocusController, itemOfEvent } from '../../internal/item-focus.js';
import { KamWidget } from '../../internal/kam-widget.js';
import { moveInGrid } from '../../internal/keyboard.js';
import { memo } from '../../internal/memo.js';
import { indexesOfIds } from '../../internal/selection.js';
import { goalsInForce } from '../../internal/tier-goals-input.js';
import { flaggedAt } from '../../internal/flag-marks.js';
import { tooltip } from '../../internal/tooltip.js';
import { boxOf, tierMatrixChart, tipAnchor, type TierMatrixChart } from './tier-matrix-layout.js';
import { bandHeaders, cellMark, itemRing, tierPanel, tierPatterns } from './tier-matrix-marks.js';
import {
  cellAt,
  cellCount,
  flaggedOf,
  idsOf,
  itemFlags,
  itemKey,
  itemOfKey,
  moveFocus,
  selectedIn,
  tierMatrixModel,
  topAccounts,
  topOf,
  type ItemFlags,
  type TierMatrixModel,
} from './tier-matrix-model.js';
import { roiTable } from './tier-matrix-roi.js';
import { goalsOf, goalsStyles, goalsView } from './tier-matrix-goals.js';
import { MOVEMENT_CELLS, idsOfMove, modeToggle, movementCellMembers, movementChart, movementLayout, selectedInMove, type TierMatrixMode } from './tier-matrix-movement.js';
import { describeMove, movementKey, movementSummary, moveTooltip } from './tier-matrix-movement-text.js';
import { tierMatrixStyles } from './tier-matrix-styles.js';
import { csvColumns, tableColumns, tableRows, type TierMatrixRow } from './tier-matrix-table.js';
import { balanceSentences, describeItem, itemTooltip, summarySentence, tierSummaryLine } from './tier-matrix-text.js';

export type { TierMatrixRow };

export type { TierMatrixMode };

const cutsConverter = {
  fromAttribute: (value: string | null) => parseCuts(value),
  toAttribute: (value: number[] | undefined) => value?.join(','),
};


const KEYS =
  'Arrow keys move between the cells of the matrix and on into the tier summary. Enter or Space selects the accounts of the focused cell or tier, Shift adds them to the selection, Escape clears it. The table view lists every account with its tier and bands.';
const MOVEMENT_KEYS =
  'Arrow keys move between the counts of the movement grid. Enter or Space selects the accounts of the focused count, Shift adds them to the selection, Escape clears it. The table view lists every account with its tier now and in the previous period.';

/**
 * @summary The account portfolio matrix: accounts by current value and growth potential, with the MVC /
 * MGC / STC / BZ tiers inside each cell, a tier summary, the tier rule in words and the resource balance;
 * with history, the tier movement since the previous period and the tier goals.
 *
 * @tag kam-tier-matrix
 *
 * @event {CustomEvent<KamSelectDetail>} kam-select - The accounts of a cell, a tier or a movement count were selected (click, Enter/Space) or the selection was cleared (Escape).
 * @event {CustomEvent<KamLoadDetail>} kam-load - A feed was loaded and validated.
 * @event {CustomEvent<KamErrorDetail>} kam-error - The feed could not be loaded or is not a feed.
 *
 * @csspart tooltip - The tooltip of the hovered or focused cell or tier.
 * @csspart notes - Notes on the bands: accounts without data, bands merged by ties.
 * @csspart balance - The resource balance: share of effort against share of revenue per tier.
 * @csspart rule - The disclosure with the tier rule in words.
 * @csspart mode-toggle - The Matrix / Movement buttons (shown when the feed has a previous period).
 * @csspart movement-key - The key under the movement grid.
 * @csspart goals - The tier goals: the count of MVC and MGC accounts by period against each goal, in a line and a sentence.
 * @csspart roi - The return on the cost to serve per tier (profit / cost), or what is missing for it.
 * @csspart roi-table - In the table view: cost to serve, profit and ROI per tier and over all.
 *
 * ROI: each tier block and tooltip gives the tier's cost to serve and ROI (profit / cost to serve, of the
 * accounts with a cost: `costToServe`, else `effort` × `cost-per-effort`); an unknown figure is "—" with
 * its reason. Red flags: a cell with flagged accounts shows a flag and their count top right (filled
 * when one is severe, outlined otherwise); tooltips name them, tier blocks count them, the table view and
 * the CSV export have each account's flags.
 *
 * Movement (`mode="movement"`): rows are the tier in the previous period (or "new": no figures for it),
 * columns the tier now (or "lost": revenue then, none now); each count selects its accounts. MGC to MVC is
 * the movement a key-account team works for; MVC to anything lower is a warning. The tooltips, the table
 * view and the CSV export give each account's previous tier.
 *
 * @cssprop [--kam-tier-matrix-shade=var(--kam-accent)] - Colour of the cells, shaded by their share of revenue.
 * @cssprop [--kam-tier-mvc=#1f5fbf] - MVC colour (solid).
 * @cssprop [--kam-tier-mgc=#1a7f37] - MGC colour (striped).
 * @cssprop [--kam-tier-stc=#7d4fc9] - STC colour (dotted).
 * @cssprop [--kam-tier-bz=#c1121f] - BZ colour (cross-hatched).
 * @cssprop [--kam-good=#1a7f37] - Movement up a tier (MGC to MVC: its border); dark theme #3fb950.
 * @cssprop [--kam-bad=#c1121f] - Movement down a tier or lost (MVC to lower: its border); dark theme #ff7b72.
 * @cssprop [--kam-flag-severe=#c1121f] - The filled flag of a severe red flag (default: `--kam-bad`; dark theme #ff7b72).
 * @cssprop [--kam-flag-warning=#8a5300] - The outlined flag of a warning (default: `--kam-warning`; dark theme #e3b341).
 */
export class KamTierMatrix extends KamWidget<TierMatrixModel, TierMatrixRow> {
  static override styles = [...KamWidget.styles, ...tierMatrixStyles, goalsStyles];

  protected readonly items: ItemFocusController = new ItemFocusController(this, {
    count: () => (!this.model ? 0 : this.movement ? MOVEMENT_CELLS : cellCount(this.model.matrix) + TIER_ORDER.length),
    keyOf: (item) => (this.movement ? `move ${item}` : itemKey(this.model!.matrix, item)),
    // A tier stays the same tier and a cell the same cell among the same bands; a cell whose bands are
    // gone leaves the first cell focused while the plot has focus, so the arrow keys go on from there.
    indexOf: (key): number => {
      if (!this.model) return -1;
      if (this.movement) return key.startsWith('move ') ? Number(key.slice(5)) : -1;
      const item = itemOfKey(this.model.matrix, key);
      return item < 0 && this.items.focused ? 0 : item;
    },
    move: (key, item) => {
      if (this.movement) return moveInGrid(key, item, 5, 5);
      const { value, potential } = this.model!.matrix;
      return moveFocus(key, item, value.bands.length, potential.bands.length, TIER_ORDER.length);
    },
    describe: (item) =>
      this.movement ? describeMove(this.format, this.movement, item, this.selectedIn(item)) : describeItem(this.chart!.w, this.model!, item, this.selectedIn(item), this.flagsAt(item)),
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

  /** "matrix" (default): accounts by value and potential band; "movement": how many accounts moved from each tier to each other tier since the previous period (needs a feed with history). */
  @property({ reflect: true }) mode: TierMatrixMode = 'matrix';

  /** Goals for the number of MVC and MGC accounts: "MVC:60,MGC:90" (or an object { MVC: 60 }); shown under the chart. Unset: the linked `<kam-feed>`'s, else none. */
  @property({ attribute: 'tier-goals' }) tierGoals?: string | Readonly<Record<string, number>>;

  /** The period the tier goals are for ("2027-Q2"). Unset: the linked `<kam-feed>`'s, else the current period. */
  @property({ attribute: 'goal-period' }) goalPeriod?: string;

  protected readonly exportName = 'kam-tier-matrix';
  private readonly deriveMatrixModel = memo(
    (portfolio: Portfolio, valueField: ValueField, potentialField: PotentialField, valueCuts?: readonly number[], potentialCuts?: readonly number[]) =>
      tierMatrixModel(portfolio, { valueField, potentialField, valueCuts, potentialCuts }),
  );
  private readonly deriveChart = memo(tierMatrixChart);
  private readonly deriveSelected = memo((model: TierMatrixModel, ids: readonly string[]) => (ids.length ? selectedCounts(model.matrix, indexesOfIds(model.portfolio, ids)) : undefined));
  /** An item's tooltip, made again only when the item, its selected count or the chart changes. */
  private readonly tipOf = memo((chart: TierMatrixChart, item: number, selected: number, flags: ItemFlags | undefined) => ({
    anchor: tipAnchor(chart, item),
    content: itemTooltip(chart.w, chart.model, item, selected, topAccounts(chart.model, item), this.derivePrevious(chart.model.portfolio), this.flagTip(chart.model, item, flags)),
  }));
  private readonly deriveFlags = memo((model: TierMatrixModel, level: Uint8Array) => itemFlags(model.matrix, level));
  /** Red-flag counts per item; undefined until the flags are read. */
  private flags?: ItemFlags;
  /** Each account's tier in the previous period (tooltips, table, CSV): read when first needed. */
  private readonly derivePrevious = memo(previousTiers);
  private readonly deriveMovement = memo(tierMovement);
  private readonly deriveGoals = memo(goalsOf);
  private chart?: TierMatrixChart;
  private selected?: SelectedCounts;
  /** The movement shown, in movement mode (and with a previous period). */
  private movement?: TierMovement;

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
    const flags = model && this.flagsToMark(model.portfolio);
    this.flags = flags && this.deriveFlags(model!, flags.level);
    this.chart = model && this.deriveChart(model, this.format, Math.max(260, this.size.width), this.flags);
    this.selected = model && this.deriveSelected(model, this.selection);
    const movement = model && this.mode === 'movement' ? this.deriveMovement(model.portfolio) : undefined;
    if (movement !== this.movement) this.items.clear();
    this.movement = movement;
  }

  /** The previous period's tiers (tooltips, table) too, at the first idle moment. */
  protected override prepare(portfolio: Portfolio): void {
    super.prepare(portfolio);
    this.derivePrevious(portfolio);
  }

  /** An item's red-flag counts. */
  private flagsAt(item: number) {
    return this.flags && { flagged: this.flags.flagged[item]!, severe: this.flags.severe[item]! };
  }

  /** An item's red flags for its tooltip: the counts and the first flagged accounts, severe first. */
  private flagTip(model: TierMatrixModel, item: number, flags: ItemFlags | undefined) {
    if (!flags?.flagged[item]) return undefined;
    const level = model.portfolio.flags().level;
    const accounts = flaggedOf(model, item, level).map((i) => ({ name: model.portfolio.accounts[i]!.name, severe: level[i] === 2 }));
    return { count: { flagged: flags.flagged[item]!, severe: flags.severe[item]! }, accounts };
  }

  // ---- summary, table, CSV (tier-matrix-table.ts) ---------------------------------------------------

  protected summary(model: TierMatrixModel): string {
    return this.movement ? movementSummary(this.format, this.movement) : summarySentence(this.format, model.tiers);
  }

  protected tableRows(model: TierMatrixModel): readonly TierMatrixRow[] {
    return tableRows(model, this.derivePrevious(model.portfolio));
  }

  protected rowKey(row: TierMatrixRow): string {
    return row.assignment.account.id;
  }

  protected tableColumns(model: TierMatrixModel) {
    return tableColumns(this.format, model, (row) => flaggedAt(model.portfolio.flags(), row.assignment.index));
  }

  protected csvColumns(model: TierMatrixModel | undefined) {
    return csvColumns(model, (row) => flaggedAt(model!.portfolio.flags(), row.assignment.index));
  }

  /** Cost, profit and ROI per tier above the account table. */
  protected override tableIntro(model: TierMatrixModel) {
    return roiTable(this.format, model.roi);
  }

  // ---- interaction ---------------------------------------------------------------------------------

  private selectedIn(item: number): number {
    return this.movement ? selectedInMove(this.movement, item, this.model!.portfolio.accounts, this.selectedIds) : selectedIn(this.model!.matrix, this.selected, item);
  }

  private select(item: number, extend: boolean) {
    const { accounts } = this.model!.portfolio;
    this.selectIds(this.movement ? idsOfMove(this.movement, item, accounts) : idsOf(accounts, this.model!.matrix, item), extend);
  }

  private readonly onPointerOver = (event: PointerEvent) => this.items.setHover(itemOfEvent(event));

  private readonly onClick = (event: MouseEvent) => {
    const item = itemOfEvent(event);
    if (item < 0) return;
    // A click announces its selection, not the item.
    this.items.focus(item, false);
    this.select(item, event.shiftKey);
  };

  // ---- drawing (tier-matrix-layout.ts places, tier-matrix-marks.ts draws) ------------------------------

  private renderGoals(model: TierMatrixModel): TemplateResult | typeof nothing {
    const { tierGoals, goalPeriod } = goalsInForce(this, this.feedController.provider);
    return tierGoals === undefined ? nothing : goalsView(this.deriveGoals(model.portfolio, tierGoals, goalPeriod), this.format);
  }

  /** The movement grid: counts from each tier then to each tier now, each selectable. */
  private renderMovement(model: TierMatrixModel, movement: TierMovement): TemplateResult {
    const { index, hover, focused } = this.items;
    const active = hover >= 0 ? hover : focused ? index : -1;
    const content = movementChart({
      f: this.format,
      layout: movementLayout(Math.max(260, Math.min(this.size.width, 720))),
      movement,
      selected: (item) => this.selectedIn(item),
      hover,
      focus: focused ? index : -1,
      tip: active >= 0 ? { item: active, content: moveTooltip(this.format, movement, active, this.selectedIn(active), topOf(model, movementCellMembers(movement, active))) } : undefined,
    });
    return html`${modeToggle(model.portfolio.periods().previous()?.label, this.mode, (mode) => (this.mode = mode))}
      ${this.renderPlot({ roleDescription: 'tier movement', keys: MOVEMENT_KEYS, onPointerOver: this.onPointerOver, onClick: this.onClick }, content)}
      <p class="movement-key" part="movement-key">${movementKey(movement)}</p>
      ${this.renderGoals(model)}`;
  }

  protected renderChart(model: TierMatrixModel): TemplateResult {
    if (this.movement) return this.renderMovement(model, this.movement);
    const chart = this.chart!;
    const { w, layout, rows, maxShare, valueTitle, potentialTitles, blocks, notes, balance, roi, rule, givenNote } = chart;
    const { matrix, valueNames, potentialNames } = model;
    const { index, hover, focused } = this.items;
    const cells = cellCount(matrix);
    const columns = matrix.value.bands.length;
    // The tooltip follows the pointer, else the keyboard while the plot has focus.
    const active = hover >= 0 ? hover : focused ? index : -1;
    const tip = active >= 0 ? this.tipOf(chart, active, this.selectedIn(active), this.flags) : undefined;
    const ring = (item: number, className: 'focus-ring' | 'hover-ring') => (item >= 0 ? itemRing(boxOf(chart, item), className) : nothing);
    const content = html`<svg class="chart" width=${layout.width} height=${layout.height} aria-hidden="true">
        ${tierPatterns()} ${bandHeaders({ layout, valueNames, potentialNames, rows, valueTitle, potentialTitles })}
        <g class="cells">
          ${Array.from({ length: cells }, (_, item) =>
            cellMark({ f: w.f, layout, item, columns, cell: cellAt(matrix, item), maxShare, selected: this.selectedIn(item), flags: this.flagsAt(item) }),
          )}
        </g>
        ${tierPanel({ f: w.f, layout, firstItem: cells, selected: TIER_ORDER.map((_, t) => this.selectedIn(cells + t)) })}
        ${hover !== index ? ring(hover, 'hover-ring') : nothing} ${focused ? ring(index, 'focus-ring') : nothing}
      </svg>
      ${tooltip(tip?.anchor, tip?.content, 'tooltip')}`;
    return html`${modeToggle(model.portfolio.periods().previous()?.label, this.mode, (mode) => (this.mode = mode))}
      ${this.renderPlot({ roleDescription: 'tier matrix', keys: KEYS, onPointerOver: this.onPointerOver, onClick: this.onClick }, content)}
      <ul class="sr-only" aria-label="Tier summary">
        ${blocks.map((block) => html`<li>${tierSummaryLine(block)}</li>`)}
      </ul>
      ${notes.length ? html`<ul class="notes" part="notes">${notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
      ${balance.length ? html`<p class="balance" part="balance"><strong>Resource balance:</strong> ${balance.join(' ')}</p>` : nothing}
      <p class="roi" part="roi">${roi}</p>
      ${this.renderGoals(model)}
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
