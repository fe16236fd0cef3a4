/** `<kam-red-flags>`: the accounts that need action now. The class comment below is what the manifest documents. */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FlagResult, FlagType } from '../../analysis/flags.js';
import type { Portfolio } from '../../analysis/portfolio.js';
import type { Feed } from '../../feed/parse.js';
import { emit } from '../../internal/events.js';
import { ItemFocusController, itemOfEvent } from '../../internal/item-focus.js';
import { KamWidget } from '../../internal/kam-widget.js';
import { memo } from '../../internal/memo.js';
import { onDemand } from '../../internal/on-demand.js';
import { ExportStage } from '../../internal/export-stage.js';
import { ExportError } from '../../internal/export.js';
import { flagRows, kpiCheck, redFlagsModel, toggleType, type FlagRow, type KpiCheck, type KpiFlagRow, type RedFlagsModel } from './red-flags-model.js';
import { accountView, definitionsView, kpiFlagsView, noFlagsView, typeFilter } from './red-flags-marks.js';
import { redFlagsStyles } from './red-flags-styles.js';
import { csvColumns, tableColumns, tableRows, type RedFlagsRow } from './red-flags-table.js';
import { KEYS, describeItem, moreText, notesOf, summarySentence } from './red-flags-text.js';

export type { FlagRow, KpiFlagRow, RedFlagsRow };

/** The detail of `kam-flags`. */
export interface KamFlagsDetail {
  /** Every flag of the accounts shown (the feed's `filter` applies, the type filter does not), most severe account first. */
  flags: FlagRow[];
  /** The KPI goals missed (portfolio-level: no account). */
  kpiFlags: KpiFlagRow[];
}

declare module '../../internal/events.js' {
  interface KamEventMap {
    'kam-flags': CustomEvent<KamFlagsDetail>;
  }
}

/** The list drawn as one SVG for the SVG and PNG export, loaded on the first export. */
const exportDrawing = onDemand(() => import('./red-flags-export.js'));

/** How many flagged accounts are listed before "Show more" when `limit` is unset or unusable. */
const DEFAULT_LIMIT = 25;

/**
 * @summary Red flags: the accounts that need action now, most severe and most valuable first, each flag
 * as a sentence with its figures; the KPI goals missed; filter by type.
 *
 * @tag kam-red-flags
 *
 * @event {CustomEvent<KamFlagsDetail>} kam-flags - The flags after each load (also after a refresh, a change of `filter`, rules or `targets`; never on a mere render, a type toggle or a selection): `{ flags: [{ id, name, type, severity, reason }], kpiFlags }`, so a CRM page can turn flags into tasks.
 * @event {CustomEvent<KamSelectDetail>} kam-select - A flagged account was selected (click, Enter or Space; Shift adds it) or the selection was cleared (Escape).
 * @event {CustomEvent<KamLoadDetail>} kam-load - A feed was loaded and validated.
 * @event {CustomEvent<KamErrorDetail>} kam-error - The feed could not be loaded or is not a feed.
 *
 * @csspart type-filter - The row of type toggles.
 * @csspart type-toggle - One type's toggle, with its count of flagged accounts; pressed when its flags are listed.
 * @csspart notes - What the type filter hides; entries of `types` or `targets` that were ignored.
 * @csspart kpi-flags - The KPI goals missed, above the accounts.
 * @csspart account - One flagged account: severity, name, tier and revenue, and its flags as sentences.
 * @csspart account-name - The account's name.
 * @csspart severity - The severity: an icon and the word ("Severe", "Warning").
 * @csspart more - "and 42 more flagged accounts", with its Show more button.
 * @csspart show-more-flags - The button that lists more flagged accounts.
 * @csspart no-flags - "No red flags", with what was checked.
 * @csspart definitions - The disclosure "What each flag means", with each type's definition.
 *
 * @cssprop [--kam-bad=#c1121f] - Severe flags: the icon and the account's left rule (solid and wide); dark theme #ff7b72.
 * @cssprop [--kam-warning=#8a5300] - Warnings: the icon and the account's left rule (dashed).
 * @cssprop [--kam-red-flags-max-height=none] - Height of the list before it scrolls (none: the page scrolls).
 *
 * Flags (src/analysis/flags.ts, thresholds on `<kam-feed>` or the element: `revenue-drop` and the
 * `flagRules` property): revenue going elsewhere, ROI falling, key account at a loss, unhappy key
 * account, tier lost, lost key account, goal missed (an account's own `goals`, or a KPI off its target
 * two periods in a row; KPI targets come from `targets` or the feed's KPIs). A narrowed view (`filter`)
 * lists the whole feed's flags of its accounts.
 *
 * Long lists: the first `limit` accounts (default 25) are listed, then "and N more" with a button that
 * lists `limit` more; the table view and the CSV export have every flagged account.
 */
export class KamRedFlags extends KamWidget<RedFlagsModel, RedFlagsRow> {
  static override styles = [...KamWidget.styles, redFlagsStyles];

  protected readonly items: ItemFocusController = new ItemFocusController(this, {
    count: () => this.listed,
    keyOf: (position) => this.model?.items[position]?.account.id,
    indexOf: (id) => this.model?.items.slice(0, this.listed).findIndex((item) => item.account.id === id) ?? -1,
    describe: (position) => describeItem(this.format, this.model!, position, this.selectedIds.has(this.model!.items[position]!.account.id)),
    activate: (position, extend) => this.selectIds([this.model!.items[position]!.account.id], extend),
    announce: (text) => this.announce(text),
    focusFirst: true,
  });

  /** Flag types to list, comma-separated: revenue-elsewhere, roi-falling, key-account-loss, unhappy, tier-loss, lost-key-account, goal-missed; "none" for no type. Unset: every type. The type toggles in the widget change it. */
  @property() types?: string;

  /** KPI targets by KPI id, as on `<kam-scorecard>`: "nps:30,churn:0.05" (or an object { nps: 30 }); a KPI off its target two periods in a row is a "goal missed" flag. Wins over targets in the feed. Default: none. */
  @property() targets?: string | Readonly<Record<string, number>>;

  /** How many flagged accounts are listed before "Show more" (a whole number from 1). Default: 25. */
  @property({ type: Number }) limit = DEFAULT_LIMIT;

  /** Accounts listed past `limit` ("Show more" clicks). */
  @state() private extra = 0;

  protected readonly exportName = 'kam-red-flags';
  /** The off-screen SVG drawing of the list that SVG and PNG exports read. */
  private readonly stage = new ExportStage(this, () => this.loadExtra(exportDrawing, (drawing) => drawing.exportStyles), 'red flags list');
  /** The KPI goal flags, derived again only when the portfolio, the feed's KPIs or the targets changed. */
  private readonly deriveKpiCheck = memo(kpiCheck);
  /** The list, made again when the flags or the type filter changed. */
  private readonly deriveList = memo(redFlagsModel);
  /** The flags as `kam-flags` carries them, made again when the flags or the locale changed. */
  private readonly deriveRows = memo(flagRows);
  /** The flags the last `kam-flags` carried. */
  private emitted?: { result: FlagResult; kpi: KpiCheck };
  /** The account last scrolled into view, so the keyboard's account is scrolled to once. */
  private accountInView?: string;

  /** The flags of the accounts shown, as `kam-flags` carries them (empty until a feed is ready). */
  get flags(): FlagRow[] {
    return this.model ? this.deriveRows(this.model.result, this.model.kpi, this.format).flags : [];
  }

  /** How many accounts one page of the list holds: `limit`, when usable. */
  private get pageSize(): number {
    return Number.isInteger(this.limit) && this.limit >= 1 ? this.limit : DEFAULT_LIMIT;
  }

  /** How many accounts are listed now. */
  private get listed(): number {
    return this.model ? Math.min(this.model.items.length, this.pageSize + this.extra) : 0;
  }

  protected deriveModel(portfolio: Portfolio, feed: Feed): RedFlagsModel {
    return this.deriveList(portfolio, this.deriveKpiCheck(portfolio, feed.kpis, this.targets), this.types);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('types') || changed.has('limit')) this.extra = 0;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.emitFlags();
    // Keep the account the keyboard moved to in view (a click or a pointer focus leaves the page where it is).
    const focused = this.renderRoot.querySelector<HTMLElement>('.account.focused');
    const id = focused ? this.model?.items[Number(focused.dataset.item)]?.account.id : undefined;
    if (id === this.accountInView) return;
    this.accountInView = id;
    if (focused && this.renderRoot.querySelector('.plot:focus-visible')) focused.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /**
   * Fires `kam-flags` when the flags changed (a load, a refresh, a filter, rules or targets), not on every
   * render. The rows are made when the detail is first read: 100,000 accounts can give 25,000 sentences
   * (about 0.2 s), which a page without a listener should not pay for.
   */
  private emitFlags(): void {
    const model = this.model;
    if (!model || (model.result === this.emitted?.result && model.kpi === this.emitted.kpi)) return;
    const { result, kpi } = (this.emitted = { result: model.result, kpi: model.kpi });
    const format = this.format;
    const made = () => this.deriveRows(result, kpi, format);
    emit(this, 'kam-flags', {
      get flags() {
        return made().flags;
      },
      get kpiFlags() {
        return made().kpiFlags;
      },
    });
  }

  // ---- handlers -----------------------------------------------------------------------------------

  private toggleType(type: FlagType): void {
    this.types = toggleType(this.model!.shown, type);
    this.items.focus(-1, false);
  }

  private showMore(): void {
    this.extra += this.pageSize;
  }

  private readonly onPointerOver = (event: PointerEvent) => this.items.setHover(itemOfEvent(event));

  private readonly onClick = (event: MouseEvent) => {
    const position = itemOfEvent(event);
    if (position < 0) return;
    // A click announces its selection, not the account.
    this.items.focus(position, false);
    this.selectIds([this.model!.items[position]!.account.id], event.shiftKey);
  };

  // ---- export -------------------------------------------------------------------------------------

  override async toSVG(): Promise<string> {
    return this.stage.around(() => super.toSVG());
  }

  override async toPNG(): Promise<Blob> {
    return this.stage.around(() => super.toPNG());
  }

  /** The list is HTML: the export draws the same lines as one SVG in an off-screen stage. */
  protected override async chartElement(): Promise<SVGSVGElement> {
    if (!this.model) throw new ExportError('There is no list to export yet: the widget has no data.');
    return this.stage.svg();
  }

  // ---- summary, table, CSV (red-flags-table.ts) ---------------------------------------------------

  protected summary(model: RedFlagsModel): string {
    return summarySentence(this.format, model);
  }

  protected tableRows(model: RedFlagsModel): readonly RedFlagsRow[] {
    return tableRows(model);
  }

  protected rowKey(row: RedFlagsRow): string {
    return row.item.account.id;
  }

  protected tableColumns() {
    return tableColumns(this.format);
  }

  protected csvColumns() {
    return csvColumns(this.format);
  }

  /** The KPI goals missed show above the table too. */
  protected override tableIntro(model: RedFlagsModel): unknown {
    return this.kpiFlags(model);
  }

  protected override renderReady(): TemplateResult {
    const stage = this.stage.view(() => exportDrawing.module?.exportSvg(this.format, this.model!, this.listed, this.size.width));
    return html`${super.renderReady()}${stage}`;
  }

  // ---- drawing (red-flags-marks.ts) -------------------------------------------------------------------

  private kpiFlags(model: RedFlagsModel): TemplateResult | typeof nothing {
    return model.shown.includes('goal-missed') ? kpiFlagsView(this.format, model.kpi.flags) : nothing;
  }

  protected renderChart(model: RedFlagsModel): TemplateResult {
    const f = this.format;
    const notes = notesOf(f, model);
    const listed = this.listed;
    const { index, hover, focused } = this.items;
    const more = model.items.length - listed;
    const list = html`<ol class="accounts">
      ${model.items.slice(0, listed).map((item, position) =>
        accountView(f, model, item, { position, focused: focused && position === index, hovered: position === hover, selected: this.selectedIds.has(item.account.id) }),
      )}
    </ol>`;
    return html`${typeFilter(f, model, (type) => this.toggleType(type))}
      ${notes.length ? html`<ul class="notes" part="notes">${notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing} ${this.kpiFlags(model)}
      ${listed ? this.renderPlot({ roleDescription: 'list of flagged accounts', keys: KEYS, onPointerOver: this.onPointerOver, onClick: this.onClick }, list) : noFlagsView(f, model)}
      ${more > 0
        ? html`<p class="more" part="more">
            ${moreText(f, more)}
            <button type="button" class="tool" part="show-more-flags" @click=${() => this.showMore()}>Show ${f.integer(Math.min(more, this.pageSize))} more</button>
          </p>`
        : nothing}
      ${definitionsView()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kam-red-flags': KamRedFlags;
  }
}
