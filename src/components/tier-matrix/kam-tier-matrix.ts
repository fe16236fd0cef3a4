/** `<kam-tier-matrix>`: the account portfolio matrix. The class comment below is what the manifest documents. */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { assignTiers, describeTierRule, tierReasonText, TIER_ORDER, type TierAssignment, type TierResult, type TierRules } from '../../analysis/tiers.js';
import type { Feed } from '../../feed/parse.js';
import type { Account } from '../../feed/schema.js';
import type { TableColumn } from '../../internal/data-table.js';
import type { CsvColumn } from '../../internal/export.js';
import { KamWidget } from '../../internal/kam-widget.js';
import { tooltip, tooltipFacts } from '../../internal/tooltip.js';
import { itemBox, matrixLayout, type MatrixLayout } from './tier-matrix-layout.js';
import { bandHeaders, cellMark, itemRing, tierPanel, tierPatterns } from './tier-matrix-svg.js';
import {
  bandAxis,
  bandNames,
  buildMatrix,
  parseCuts,
  potentialMeasure,
  potentialMeasures,
  selectedCounts,
  topByRevenue,
  usableRules,
  valueMeasure,
  valueMeasures,
  moveFocus,
  POTENTIAL_FIELDS,
  VALUE_FIELDS,
  type BandAxis,
  type Group,
  type Matrix,
  type MatrixCell,
  type PotentialField,
  type ValueField,
} from './tier-matrix-model.js';
import { tierMatrixStyles } from './tier-matrix-styles.js';
import {
  accountsText,
  axisNotes,
  balanceSentences,
  bandLabel,
  cellPhrase,
  describeCell,
  describeTier,
  summarySentence,
  tierBlockText,
  tierCountsText,
  POTENTIAL_LABEL,
  VALUE_LABEL,
  type Wording,
} from './tier-matrix-text.js';

/** One table and CSV row: an account with its tier, its bands and its measures. */
export interface TierMatrixRow {
  assignment: TierAssignment;
  value: number;
  potential: number;
  valueBand: number;
  potentialBand: number;
}

interface Model {
  feed: Feed;
  key: string;
  tiers: TierResult;
  matrix: Matrix;
  valueNames: string[];
  potentialNames: string[];
  /** Accounts with a tier given in the feed, per tier. */
  given: number[];
  rows?: TierMatrixRow[];
  indexById?: Map<string, number>;
  /** Top accounts of each drawn item, computed on first hover or focus. */
  top: Map<number, Account[]>;
}

const cutsConverter = {
  fromAttribute: (value: string | null) => parseCuts(value),
  toAttribute: (value: number[] | undefined) => value?.join(','),
};

const TOP_ACCOUNTS = 3;

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
 * @csspart view-toggle - The "View as table" button.
 * @csspart export-button - The button that opens the export menu.
 * @csspart export-menu - The export menu (SVG, PNG, CSV).
 * @csspart export-item - One entry of the export menu.
 * @csspart export-message - Why an export failed.
 * @csspart clear-selection - The "Clear selection" button, shown while accounts are selected.
 * @csspart plot - The matrix and the tier summary (one Tab stop).
 * @csspart tooltip - The tooltip of the hovered or focused cell or tier.
 * @csspart notes - Notes on the bands: accounts without data, bands merged by ties.
 * @csspart balance - The resource balance: share of effort against share of revenue per tier.
 * @csspart rule - The disclosure with the tier rule in words.
 * @csspart table-container - The scrolling box around the table view.
 * @csspart table - The table view.
 * @csspart show-more - The button that shows more table rows.
 * @csspart skipped-notice - The "N accounts skipped" notice.
 * @csspart state - The loading, empty and error views.
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
 * @cssprop [--kam-border=#d1d9e0] - Cell and block borders.
 * @cssprop [--kam-accent=#0b63c5] - The rule disclosure link.
 * @cssprop [--kam-focus=#0b63c5] - Focus ring.
 * @cssprop [--kam-font=system-ui] - Font family.
 */
export class KamTierMatrix extends KamWidget<TierMatrixRow> {
  static override styles = [...KamWidget.styles, tierMatrixStyles];

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
  private model?: Model;
  private layout?: MatrixLayout;
  private layoutKey = '';
  private layoutModel?: Model;
  private selectedCache?: { model: Model; ids: readonly string[]; counts: { cells: Uint32Array; tiers: Uint32Array } };

  /** The tier rule parameters in force (attributes, then `rules`, then the defaults; unusable values are ignored). */
  get effectiveRules(): TierRules {
    return this.currentModel()?.tiers.rules ?? assignTiers([], this.ruleInput()).rules;
  }

  /** The tier assignment the widget shows (undefined until a feed is ready). */
  get tierAnalysis(): TierResult | undefined {
    return this.currentModel()?.tiers;
  }

  /** The bands and cells the widget shows (undefined until a feed is ready). */
  get matrix(): Matrix | undefined {
    return this.currentModel()?.matrix;
  }

  private ruleInput(): Partial<TierRules> {
    return {
      ...usableRules(this.rules),
      ...usableRules({ cutoff: this.cutoff, growthThreshold: this.growthThreshold, headroomFactor: this.headroomFactor }),
    };
  }

  private fields(): { value: ValueField; potential: PotentialField } {
    return {
      value: VALUE_FIELDS.includes(this.valueField) ? this.valueField : 'revenue',
      potential: POTENTIAL_FIELDS.includes(this.potentialField) ? this.potentialField : 'headroom',
    };
  }

  private currentModel(): Model | undefined {
    const feed = this.feedController.state.feed;
    if (!feed || feed.accounts.length === 0) return undefined;
    const rules = this.ruleInput();
    const fields = this.fields();
    const key = JSON.stringify([rules, fields, this.valueThresholds, this.potentialThresholds]);
    if (this.model?.feed === feed && this.model.key === key) return this.model;
    const accounts = feed.accounts;
    const tiers = assignTiers(accounts, rules);
    const value = bandAxis(valueMeasures(accounts, fields.value), this.valueThresholds);
    const potential = bandAxis(potentialMeasures(accounts, fields.potential), this.potentialThresholds);
    const tierList = tiers.assignments.map((a) => a.tier);
    const given = [0, 0, 0, 0];
    for (const a of tiers.assignments) if (a.given) given[TIER_ORDER.indexOf(a.tier)]!++;
    this.model = { feed, key, tiers, matrix: buildMatrix(accounts, tierList, value, potential), valueNames: bandNames(value), potentialNames: bandNames(potential), given, top: new Map() };
    this.focusIndex = -1;
    this.hoverIndex = -1;
    return this.model;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const model = this.currentModel();
    if (!model) return;
    const f = this.format;
    const key = `${model.key}|${this.size.width}|${f.locale}|${f.currency}`;
    if (this.layout && this.model === this.layoutModel && key === this.layoutKey) return;
    const { matrix } = model;
    const w = this.wording;
    this.layout = matrixLayout({
      width: Math.max(260, this.size.width),
      columns: matrix.value.bands.map((_, b) => bandLabel(w, 'value', matrix.value, b, model.valueNames)),
      rows: this.displayRows(matrix).map((b) => bandLabel(w, 'potential', matrix.potential, b, model.potentialNames)),
      tiers: model.tiers.tiers.map((tier, t) => tierBlockText(f, tier, model.given[t]!)),
    });
    this.layoutModel = model;
    this.layoutKey = key;
  }

  // ---- words ---------------------------------------------------------------------------------------

  private get wording(): Wording {
    const { value, potential } = this.fields();
    return { f: this.format, valueField: value, potentialField: potential };
  }

  protected summary(): string {
    return summarySentence(this.format, this.currentModel()!.tiers);
  }

  /** "BZ accounts take 18.0% of effort and give 4.0% of revenue." for each tier with accounts, when the feed has effort. */
  get resourceBalance(): string[] {
    const model = this.currentModel();
    return model ? balanceSentences(this.format, model.tiers) : [];
  }

  private cellPhrase(cell: MatrixCell): string {
    const model = this.model!;
    return cellPhrase(this.wording, model.matrix, cell, model.valueNames, model.potentialNames);
  }

  /** The focused item in words, for the live region. */
  private describe(item: number): string {
    const selected = this.selectedIn(item);
    if (item < this.cellCount) return describeCell(this.format, this.cellPhrase(this.cellAt(item)), this.cellAt(item), selected);
    return describeTier(this.format, this.model!.tiers.tiers[item - this.cellCount]!, selected);
  }

  // ---- table and CSV -------------------------------------------------------------------------------

  protected tableRows(): readonly TierMatrixRow[] {
    const model = this.currentModel();
    if (!model) return [];
    if (!model.rows) {
      const { value, potential } = this.fields();
      const { matrix } = model;
      model.rows = model.tiers.assignments.map((assignment, i) => ({
        assignment,
        value: valueMeasure(assignment.account, value),
        potential: potentialMeasure(assignment.account, potential),
        valueBand: matrix.value.bandOf[i]!,
        potentialBand: matrix.potential.bandOf[i]!,
      }));
    }
    return model.rows;
  }

  protected rowKey(row: TierMatrixRow): string {
    return row.assignment.account.id;
  }

  protected tableColumns(): readonly TableColumn<TierMatrixRow>[] {
    const f = this.format;
    const model = this.model!;
    const { value, potential } = this.fields();
    const measure = (v: number, fmt: (n: number) => string) => (Number.isNaN(v) ? '—' : fmt(v));
    const bandSort = (axis: BandAxis, b: number) => (axis.bands[b]!.missing ? undefined : b);
    const columns: TableColumn<TierMatrixRow>[] = [
      { id: 'name', label: 'Account', sortValue: (r) => r.assignment.account.name, cell: (r) => r.assignment.account.name },
      { id: 'tier', label: 'Tier', sortValue: (r) => TIER_ORDER.indexOf(r.assignment.tier), cell: (r) => `${r.assignment.tier}${r.assignment.given ? ' (given)' : ''}` },
      { id: 'value-band', label: `Value band (${VALUE_LABEL[value]})`, sortValue: (r) => bandSort(model.matrix.value, r.valueBand), cell: (r) => model.valueNames[r.valueBand]! },
      { id: 'potential-band', label: `Potential band (${POTENTIAL_LABEL[potential]})`, sortValue: (r) => bandSort(model.matrix.potential, r.potentialBand), cell: (r) => model.potentialNames[r.potentialBand]! },
      { id: 'revenue', label: 'Revenue', numeric: true, sortValue: (r) => r.assignment.account.revenue, cell: (r) => f.money(r.assignment.account.revenue) },
    ];
    if (value !== 'revenue') {
      columns.push({ id: 'value', label: VALUE_LABEL[value].replace(/^p/, 'P'), numeric: true, sortValue: (r) => (Number.isNaN(r.value) ? undefined : r.value), cell: (r) => measure(r.value, f.money) });
    }
    const potentialFormat = potential === 'impact' ? f.number : f.money;
    columns.push(
      { id: 'potential', label: POTENTIAL_LABEL[potential].replace(/^./, (c) => c.toUpperCase()), numeric: true, sortValue: (r) => (Number.isNaN(r.potential) ? undefined : r.potential), cell: (r) => measure(r.potential, potentialFormat) },
      { id: 'reason', label: 'Why this tier', sortValue: (r) => r.assignment.reason.code, cell: (r) => tierReasonText(r.assignment.reason, f.moneyCompact, f.percent) },
    );
    return columns;
  }

  protected csvColumns(): readonly CsvColumn<TierMatrixRow>[] {
    const model = this.model;
    const num = (v: number | undefined) => v;
    return [
      { header: 'id', value: (r) => r.assignment.account.id },
      { header: 'name', value: (r) => r.assignment.account.name },
      { header: 'tier', value: (r) => r.assignment.tier },
      { header: 'tier_given', value: (r) => r.assignment.given },
      { header: 'value_band', value: (r) => model!.valueNames[r.valueBand] },
      { header: 'potential_band', value: (r) => model!.potentialNames[r.potentialBand] },
      { header: 'revenue', value: (r) => r.assignment.account.revenue },
      { header: 'clv', value: (r) => num(r.assignment.account.clv) },
      { header: 'profit', value: (r) => num(r.assignment.account.profit) },
      { header: 'potential', value: (r) => num(r.assignment.account.potential) },
      { header: 'headroom', value: (r) => potentialMeasure(r.assignment.account, 'headroom') },
      { header: 'impact', value: (r) => num(r.assignment.account.impact) },
      { header: 'effort', value: (r) => num(r.assignment.account.effort) },
      { header: 'tier_reason', value: (r) => tierReasonText(r.assignment.reason) },
    ];
  }

  // ---- interaction ---------------------------------------------------------------------------------

  /** Potential bands from top to bottom as drawn: highest first, the no-data band last. */
  private displayRows(matrix: Matrix): number[] {
    return matrix.potential.bands.map((_, b) => matrix.potential.bands.length - 1 - b);
  }

  private get cellCount(): number {
    const matrix = this.model!.matrix;
    return matrix.value.bands.length * matrix.potential.bands.length;
  }

  /** The cell drawn at position `d` (row by row, top row first). */
  private cellAt(d: number): MatrixCell {
    const { matrix } = this.model!;
    const columns = matrix.value.bands.length;
    const row = Math.floor(d / columns);
    return matrix.cells[(matrix.potential.bands.length - 1 - row) * columns + (d % columns)]!;
  }

  private groupOf(item: number): { group: Group; members: Uint32Array } {
    const { matrix } = this.model!;
    const cells = this.cellCount;
    if (item < cells) return { group: this.cellAt(item), members: matrix.cellMembers };
    return { group: matrix.tiers[item - cells]!, members: matrix.tierMembers };
  }

  private idsOf(item: number): string[] {
    const { group, members } = this.groupOf(item);
    const accounts = this.model!.feed.accounts;
    const ids: string[] = [];
    for (let k = group.start; k < group.end; k++) ids.push(accounts[members[k]!]!.id);
    return ids;
  }

  private topAccounts(item: number): Account[] {
    const model = this.model!;
    let top = model.top.get(item);
    if (!top) {
      const { group, members } = this.groupOf(item);
      top = topByRevenue(model.feed.accounts, members.subarray(group.start, group.end), TOP_ACCOUNTS);
      model.top.set(item, top);
    }
    return top;
  }

  private selected(): { cells: Uint32Array; tiers: Uint32Array } | undefined {
    const model = this.model!;
    const ids = this.selection;
    if (ids.length === 0) return undefined;
    if (this.selectedCache?.model === model && this.selectedCache.ids === ids) return this.selectedCache.counts;
    model.indexById ??= new Map(model.feed.accounts.map((a, i) => [a.id, i]));
    const indexes: number[] = [];
    for (const id of new Set(ids)) {
      const i = model.indexById.get(id);
      if (i !== undefined) indexes.push(i);
    }
    const counts = selectedCounts(model.matrix, indexes);
    this.selectedCache = { model, ids, counts };
    return counts;
  }

  private selectedIn(item: number, counts = this.selected()): number {
    if (!counts) return 0;
    const cells = this.cellCount;
    if (item >= cells) return counts.tiers[item - cells]!;
    const cell = this.cellAt(item);
    return counts.cells[cell.potentialBand * this.model!.matrix.value.bands.length + cell.valueBand]!;
  }

  private itemOf(event: Event): number {
    const target = event.composedPath()[0];
    const found = target instanceof Element ? target.closest('[data-item]') : null;
    return found ? Number(found.getAttribute('data-item')) : -1;
  }

  private onPointerOver(event: PointerEvent) {
    const item = this.itemOf(event);
    if (item !== this.hoverIndex) this.hoverIndex = item;
  }

  private onClick(event: MouseEvent) {
    const item = this.itemOf(event);
    if (item < 0) return;
    this.focusIndex = item;
    this.selectIds(this.idsOf(item), event.shiftKey);
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter' || event.key === ' ') {
      if (this.focusIndex < 0) return;
      event.preventDefault();
      this.selectIds(this.idsOf(this.focusIndex), event.shiftKey);
      return;
    }
    const columns = this.model!.matrix.value.bands.length;
    const next = moveFocus(event.key, this.focusIndex, columns, this.cellCount / columns, TIER_ORDER.length);
    if (next === undefined) return;
    event.preventDefault();
    this.focusIndex = next;
    this.hoverIndex = -1;
    this.announcement = this.describe(next);
  }

  protected override onEscape(): void {
    this.hoverIndex = -1;
  }

  // ---- drawing -------------------------------------------------------------------------------------

  private tooltipContent(item: number): TemplateResult {
    const f = this.format;
    const model = this.model!;
    const selected = this.selectedIn(item);
    const top = this.topAccounts(item);
    const topList = top.length
      ? html`<p class="top-title">Top accounts by revenue</p>
          <ol>${top.map((a) => html`<li>${a.name}: ${f.money(a.revenue)}</li>`)}</ol>`
      : nothing;
    if (item < this.cellCount) {
      const cell = this.cellAt(item);
      const facts: [string, string][] = [
        ['Accounts', f.integer(cell.count)],
        ['Revenue', f.money(cell.revenue)],
        ['Share of revenue', f.percent(cell.revenueShare)],
        ['Tiers', tierCountsText(f, cell.tierCounts)],
      ];
      if (selected) facts.push(['Selected', f.integer(selected)]);
      return html`<strong>${this.cellPhrase(cell)}</strong>${tooltipFacts(facts)}${topList}`;
    }
    const t = item - this.cellCount;
    const tier = model.tiers.tiers[t]!;
    const facts: [string, string][] = [
      ['Accounts', f.integer(tier.accounts)],
      ['Revenue', f.money(tier.revenue)],
      ['Share of revenue', f.percent(tier.revenueShare)],
      ['Profit', tier.profit === null ? '—' : f.money(tier.profit)],
    ];
    if (tier.effortShare !== null) facts.push(['Share of effort', f.percent(tier.effortShare)]);
    if (model.given[t]) facts.push(['Given in the feed', f.integer(model.given[t]!)]);
    if (selected) facts.push(['Selected', f.integer(selected)]);
    return html`<strong>${tier.tier} · ${tier.name}</strong>${tooltipFacts(facts)}<p>${tier.definition}</p>${topList}`;
  }

  protected renderChart(): TemplateResult {
    const model = this.currentModel()!;
    const layout = this.layout!;
    const counts = this.selected();
    const cells = this.cellCount;
    const maxShare = Math.max(0, ...model.matrix.cells.map((c) => c.revenueShare));
    const active = this.hoverIndex >= 0 ? this.hoverIndex : this.focused ? this.focusIndex : -1;
    const columns = model.matrix.value.bands.length;
    const box = active >= 0 ? itemBox(layout, active, columns, cells) : undefined;
    const ring = (item: number, className: 'focus-ring' | 'hover-ring') => (item >= 0 ? itemRing(itemBox(layout, item, columns, cells), className) : nothing);
    const { value, potential } = this.fields();
    const anchor = box ? { x: box.x + Math.min(box.width / 2, 60), y: box.y + Math.min(box.height / 2, 40), width: layout.width, height: layout.height } : undefined;
    const notes = axisNotes(this.wording, model.matrix, model.feed.accounts.length);
    const balance = this.resourceBalance;
    const givenTotal = model.given.reduce((a, b) => a + b, 0);
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
        @focus=${() => (this.focused = true)}
        @blur=${() => {
          this.focused = false;
          this.hoverIndex = -1;
        }}
      >
        <svg class="chart" width=${layout.width} height=${layout.height} aria-hidden="true">
          ${tierPatterns()}
          ${bandHeaders({
            layout,
            valueNames: model.valueNames,
            potentialNames: model.potentialNames,
            rows: this.displayRows(model.matrix),
            valueTitle: `Current value (${VALUE_LABEL[value]}) →`,
            potentialTitles: [`Growth potential (${POTENTIAL_LABEL[potential]}) ↑`, 'Potential ↑'],
          })}
          <g class="cells">
            ${Array.from({ length: cells }, (_, item) => cellMark({ f: this.format, layout, item, columns, cell: this.cellAt(item), maxShare, selected: this.selectedIn(item, counts) }))}
          </g>
          ${tierPanel({ f: this.format, layout, firstItem: cells, selected: TIER_ORDER.map((_, t) => this.selectedIn(cells + t, counts)) })}
          ${this.hoverIndex !== this.focusIndex ? ring(this.hoverIndex, 'hover-ring') : nothing}
          ${this.focused ? ring(this.focusIndex, 'focus-ring') : nothing}
        </svg>
        ${tooltip(anchor, active >= 0 ? this.tooltipContent(active) : undefined, 'tooltip')}
        <p class="sr-only" id="keys">
          Arrow keys move between the cells of the matrix and on into the tier summary. Enter or Space selects the accounts of the focused cell or tier, Shift adds them to the selection, Escape clears it. The
          table view lists every account with its tier and bands.
        </p>
      </div>
      ${notes.length ? html`<ul class="notes" part="notes">${notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
      ${balance.length ? html`<p class="balance" part="balance"><strong>Resource balance:</strong> ${balance.join(' ')}</p>` : nothing}
      <details class="rule" part="rule">
        <summary>How tiers are assigned</summary>
        <ol>${describeTierRule(model.tiers.rules).map((line) => html`<li>${line}</li>`)}</ol>
        ${givenTotal ? html`<p>${accountsText(this.format, givenTotal)} ${givenTotal === 1 ? 'has its' : 'have their'} tier given in the feed.</p>` : nothing}
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kam-tier-matrix': KamTierMatrix;
  }
}
