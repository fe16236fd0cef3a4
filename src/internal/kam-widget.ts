/**
 * The frame every chart widget shares on top of the element base: the widget's model, derived once per
 * change of its portfolio or options; the summary sentence (visible and the chart's accessible name); the
 * toolbar with "View as table" and the export menu; the table view; the plot (the one Tab stop, with its
 * item focus and key help); the selection (local, or the page-wide one of a linked `<kam-feed>`); Escape
 * to clear; a polite live region for announcements; and the public export methods. A widget supplies how
 * its model is derived, and from the model its summary, its chart, its table and its CSV columns.
 *
 * One file over 300 lines: selection, views and export share the widget's model and state; the parts that
 * stand alone are apart (toolbar.ts, plot-frame.ts, item-focus.ts, widget-styles.ts, export.ts).
 */
import { adoptStyles, html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FlagResult } from '../analysis/flags.js';
import type { Portfolio } from '../analysis/portfolio.js';
import type { Feed, IgnoredField } from '../feed/parse.js';
import type { Account } from '../feed/schema.js';
import type { TableColumn, TableMark, TableSort } from './data-table.js';
import { emit } from './events.js';
import { whenIdle } from './idle.js';
import { ExportError, exportFileName, toCsv, type CsvColumn } from './export.js';
import type { ItemFocusController } from './item-focus.js';
import { KamElement } from './kam-element.js';
import { memo } from './memo.js';
import { onDemand, type OnDemand } from './on-demand.js';
import { plotFrame, type PlotSpec } from './plot-frame.js';
import { accountsByIds, nextSelection } from './selection.js';
import { displayText } from './text-fit.js';
import { toolbar, type ExportFormat } from './toolbar.js';
import { tooltipStyles } from './tooltip.js';
import { widgetStyles } from './widget-styles.js';

export type { ExportFormat };
export type WidgetView = 'chart' | 'table';

/** Loaded on first use: the table view (its first showing), the chart's export writers (the first SVG or PNG export, or download). */
const tableView = onDemand(() => import('./data-table.js'));
const exportWriters = onDemand(() => import('./export-writers.js'));

/**
 * Up to this many accounts a chart marks its red flags with the first paint; above, from the first idle
 * moment (the flags compare every account with its previous periods: about 60 ms at 100,000 accounts).
 */
const EAGER_FLAGS = 2000;

const EMPTY: readonly string[] = Object.freeze([]);
const NONE_IGNORED: readonly IgnoredField[] = Object.freeze([]);

/**
 * The chart widget frame: the parts and theme properties every widget has.
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
 * @csspart table-container - The scrolling box around the table view.
 * @csspart table - The table view.
 * @csspart show-more - The button that shows more table rows.
 * @csspart skipped-notice - The notice of what the feed left out: "3 accounts skipped, 2 fields ignored".
 * @csspart stale-notice - The notice that a background refresh failed and older data is shown.
 * @csspart retry-button - The Retry button of a network error, and "Refresh now" in the stale notice.
 * @csspart state - The loading, idle, empty and error views.
 * @csspart state-loading - The loading view.
 * @csspart state-idle - The view shown while the element has no input.
 * @csspart state-empty - The view of a feed without accounts.
 * @csspart state-error - The view of a feed that could not be loaded or is invalid.
 *
 * @cssprop [--kam-accent=#0b63c5] - Accent: the pressed "View as table" button, highlights.
 * @cssprop [--kam-accent-soft=#dbeafe] - Soft accent: selected table rows.
 * @cssprop [--kam-bg=#ffffff] - Background.
 * @cssprop [--kam-surface=#f6f8fa] - Table header and menu hover background.
 * @cssprop [--kam-fg=#1f2328] - Text colour.
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
export abstract class KamWidget<Model, Row = unknown> extends KamElement {
  static override styles = [...KamElement.styles, tooltipStyles, widgetStyles];

  /** What the widget shows: the chart (default) or the same data as a table. */
  @property({ reflect: true }) view: WidgetView = 'chart';

  @state() protected tableSort?: TableSort;
  @state() protected tableLimit = 100;
  @state() protected exportOpen = false;
  @state() protected exportMessage = '';
  /** Exports that read the chart: while any runs, the chart is drawn even when the table view shows. */
  @state() private chartHolds = 0;
  /** Text for the polite live region: the focused item, selection changes. */
  @state() protected announcement = '';
  /** Why the table view could not be loaded. */
  @state() private tableError = '';

  /** What the widget shows, derived in willUpdate from the portfolio and the options (undefined until a feed is ready). */
  protected model?: Model;
  /** The widget's items under keyboard and pointer focus. */
  protected abstract readonly items: ItemFocusController;

  #localSelection: readonly string[] = EMPTY;
  /** Code loaded on first use for this element, what `updateComplete` waits for, and the styles that code brought (adopted with the element's own). */
  readonly #extras = new Map<OnDemand<unknown>, Promise<unknown>>();
  #extrasLoading: Promise<unknown> = Promise.resolve();
  readonly #extraStyles: CSSResult[] = [];
  /** The portfolio whose ranking is computed (or waits for an idle moment), and how to cancel the wait. */
  #prepared?: Portfolio;
  #cancelPreparation?: () => void;
  /** The portfolio whose flags a chart asked to mark before they were computed, and the one whose flags the idle moment computed. */
  #flagsWanted?: Portfolio;
  #flagsReady?: Portfolio;
  readonly #selectedSet = memo((ids: readonly string[]) => new Set(ids));
  readonly #rows = memo((model: Model) => this.tableRows(model));
  /** How many fields the feed ignored, per account id. */
  readonly #ignoredCounts = memo((fields: readonly IgnoredField[]) => {
    const counts = new Map<string, number>();
    for (const field of fields) counts.set(field.id, (counts.get(field.id) ?? 0) + 1);
    return counts;
  });

  /** File name stem and export title, e.g. "kam-pareto". */
  protected abstract readonly exportName: string;

  /**
   * The model of the shown portfolio under the widget's options. Implement it with `memo` over exactly
   * what it reads, so it is derived again only when one of those changed.
   */
  protected abstract deriveModel(portfolio: Portfolio, feed: Feed): Model;
  /** The one-sentence summary with exact figures: visible, and the chart's accessible name. */
  protected abstract summary(model: Model): string;
  /** The chart itself (a `renderPlot` holding an SVG with class "chart"). */
  protected abstract renderChart(model: Model): TemplateResult;
  /** Columns and rows of the table view. */
  protected abstract tableColumns(model: Model): readonly TableColumn<Row>[];
  protected abstract tableRows(model: Model): readonly Row[];
  /** The key of a table row and how it is marked (vital few, selected). */
  protected abstract rowKey(row: Row): string;
  protected rowMark(_row: Row): TableMark | undefined {
    return undefined;
  }
  /** The id of the account a table row shows, when a row is one account: the row is marked when fields of that account were ignored. */
  protected rowAccountId(row: Row): string | undefined {
    return this.rowKey(row);
  }
  /** What the table view shows above the table (a summary table of its own); nothing by default. */
  protected tableIntro(_model: Model): unknown {
    return nothing;
  }
  /** Columns of the CSV export (every row, unformatted numbers); the header alone while there is no model. */
  protected abstract csvColumns(model: Model | undefined): readonly CsvColumn<Row>[];
  /** Called when the selection is cleared with Escape, so the widget can drop its own pointer state. */
  protected onEscape(): void {
    this.items.clear();
  }

  /** Marks of a table row: selected (else the widget's own mark), and how many of the account's fields the feed ignored. */
  #rowMarks(row: Row): TableMark[] {
    const marks: TableMark[] = [];
    const own = this.selectedIds.has(this.rowKey(row)) ? { label: 'selected', className: 'selected' } : this.rowMark(row);
    if (own) marks.push(own);
    const id = this.rowAccountId(row);
    const ignored = id === undefined ? 0 : (this.#ignoredCounts(this.feedController.state.feed?.ignoredFields ?? NONE_IGNORED).get(id) ?? 0);
    if (ignored) marks.push({ label: `${ignored} field${ignored === 1 ? '' : 's'} ignored`, className: 'ignored' });
    return marks;
  }

  /** Ids of the selected accounts: the linked `<kam-feed>`'s selection, or this widget's own. */
  get selection(): readonly string[] {
    return this.feedController.provider?.selection ?? this.#localSelection;
  }

  set selection(ids: readonly string[]) {
    this.#applySelection([...ids], false);
  }

  /** The selection as a set, made again only when the selection changes. */
  protected get selectedIds(): ReadonlySet<string> {
    return this.#selectedSet(this.selection);
  }

  /**
   * Click semantics: select `ids` (or clear when they are the whole selection); with `extend` add or
   * remove them. Fires kam-select with the resulting selection.
   */
  protected selectIds(ids: readonly string[], extend: boolean): void {
    this.#applySelection(nextSelection(this.selection, ids, extend), true);
  }

  /** Clears the selection (Escape, the clear control). */
  clearSelection(): void {
    if (this.selection.length) this.#applySelection([], true);
  }

  #applySelection(ids: string[], announce: boolean): void {
    const provider = this.feedController.provider;
    if (provider) provider.select(ids, this.localName);
    else this.#localSelection = ids;
    this.requestUpdate();
    if (!announce) return;
    const accounts = accountsByIds(this.portfolio, ids);
    this.announcement = accounts.length === 0 ? 'Selection cleared.' : accounts.length === 1 ? `Selected ${displayText(accounts[0]!.name)}.` : `${accounts.length} accounts selected.`;
    emit(this, 'kam-select', { ids, accounts, source: this.localName });
  }

  /** The selected accounts of the current feed. */
  get selectedAccounts(): Account[] {
    return accountsByIds(this.portfolio, this.selection);
  }

  // ---- export -------------------------------------------------------------------------------------

  /** The widget's data as CSV text (UTF-8 BOM, quoted, formula-guarded). Empty when there is no feed. */
  toCSV(): string {
    const model = this.model;
    return toCsv(this.csvColumns(model), model === undefined ? [] : this.#rows(model));
  }

  /** The chart as a standalone SVG document, in the current theme. */
  async toSVG(): Promise<string> {
    const { svgDocument } = await this.loadExtra(exportWriters);
    return this.#withChart(async () => {
      const background = getComputedStyle(this).getPropertyValue('--kam-bg').trim() || '#ffffff';
      return svgDocument(await this.chartElement(), { title: this.#exportTitle(), background, edit: (copy) => this.editExport(copy) });
    });
  }

  /** The chart as a PNG image at twice its size. */
  async toPNG(): Promise<Blob> {
    const { svgToPng } = await this.loadExtra(exportWriters);
    return this.#withChart(async () => {
      const { width, height } = (await this.chartElement()).getBoundingClientRect();
      return svgToPng(await this.toSVG(), width, height);
    });
  }

  /** Changes the standalone copy of the chart before it is written out (a canvas layer becomes an image). */
  protected editExport(_copy: SVGSVGElement): void {}

  /**
   * Runs an export with the chart drawn (in place of the table, when that shows) until the export has
   * read it: measuring and serializing a chart the next render removed gave an empty 1 x 1 PNG.
   */
  async #withChart<T>(run: () => Promise<T>): Promise<T> {
    this.chartHolds++;
    try {
      return await run();
    } finally {
      this.chartHolds--;
    }
  }

  /**
   * Loads code used on first use (shared by every element of the page), adopting the styles it brings
   * into this element. `updateComplete` waits for it. A failed load is an ExportError that says so.
   */
  protected loadExtra<M>(extra: OnDemand<M>, styles?: (module: M) => CSSResult): Promise<M> {
    let loading = this.#extras.get(extra) as Promise<M> | undefined;
    if (loading) return loading;
    loading = extra.load().then(
      (module) => {
        const style = styles?.(module);
        if (style && this.renderRoot) {
          this.#extraStyles.push(style);
          adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof KamWidget).elementStyles, ...this.#extraStyles]);
        }
        this.requestUpdate();
        return module;
      },
      (error: unknown) => {
        this.#extras.delete(extra);
        const detail = error instanceof Error ? error.message : String(error);
        throw new ExportError(`Part of the widget could not be loaded (${detail}). Reload the page to try again.`, { cause: error });
      },
    );
    this.#extras.set(extra, loading);
    this.#extrasLoading = Promise.all([this.#extrasLoading, loading.catch(() => {})]);
    return loading;
  }

  /** Also waits for code loaded on first use (the table view, the export writers) and the render it asks for, a bounded number of times. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (let round = 0; round < 4; round++) {
      const loading = this.#extrasLoading;
      await loading;
      if (loading === this.#extrasLoading && !this.isUpdatePending) break;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** Saves the chart or its data as a file. */
  async download(format: ExportFormat): Promise<void> {
    this.exportOpen = false;
    try {
      const { downloadBlob } = await this.loadExtra(exportWriters);
      const name = exportFileName(this.exportName, format);
      if (format === 'csv') downloadBlob(new Blob([this.toCSV()], { type: 'text/csv;charset=utf-8' }), name);
      else if (format === 'svg') downloadBlob(new Blob([await this.toSVG()], { type: 'image/svg+xml;charset=utf-8' }), name);
      else downloadBlob(await this.toPNG(), name);
      this.exportMessage = '';
      this.announcement = `Saved ${name}.`;
    } catch (error) {
      this.exportMessage = error instanceof ExportError ? error.message : `Export failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  #exportTitle(): string {
    return this.model === undefined ? this.exportName : this.summary(this.model);
  }

  /** The chart's SVG (`svg.chart`), once drawn (exports hold it drawn in the table view). A widget whose view is not one SVG overrides this. */
  protected async chartElement(): Promise<SVGSVGElement> {
    await this.updateComplete;
    const svg = this.renderRoot.querySelector<SVGSVGElement>('svg.chart');
    if (!svg) throw new ExportError('There is no chart to export yet: the widget has no data.');
    return svg;
  }

  // ---- frame --------------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onHostKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onHostKeydown);
    this.#cancelPreparation?.();
    this.#cancelPreparation = this.#prepared = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // A chart paints from the shares and tiers; tooltips, reasons, labels and the table need the ranking:
    // computed once the chart is painted, so neither the first paint nor the first hover waits for it.
    const portfolio = this.portfolio;
    if (!portfolio || portfolio === this.#prepared) return;
    this.#cancelPreparation?.();
    this.#prepared = portfolio;
    this.#cancelPreparation = whenIdle(() => {
      this.#cancelPreparation = undefined;
      this.prepare(portfolio);
    });
  }

  /** What the first idle moment after a paint computes for later (the ranking and the tiers; a widget may add its own). */
  protected prepare(portfolio: Portfolio): void {
    portfolio.ranking();
    portfolio.tiers();
    if (this.#flagsWanted === portfolio) {
      portfolio.flags();
      this.#flagsReady = portfolio;
      this.requestUpdate();
    }
  }

  /**
   * The red flags a chart marks: with the first paint up to EAGER_FLAGS accounts; above, undefined until the
   * first idle moment has computed them, which then draws the chart again with its marks.
   */
  protected flagsToMark(portfolio: Portfolio): FlagResult | undefined {
    if (portfolio.accounts.length <= EAGER_FLAGS || this.#flagsReady === portfolio) return portfolio.flags();
    this.#flagsWanted = portfolio;
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const { status, portfolio, feed } = this.feedController.state;
    this.model = status === 'ready' && portfolio && feed ? this.deriveModel(portfolio, feed) : undefined;
    if (changed.has('view')) {
      this.tableLimit = 100;
      this.tableError = '';
    }
    if (this.view === 'table' && !this.tableError) this.loadExtra(tableView, (table) => table.tableStyles).catch((error: Error) => (this.tableError = error.message));
  }

  readonly #onHostKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (this.exportOpen) {
      this.exportOpen = false;
      this.renderRoot.querySelector<HTMLElement>('.export-button')?.focus();
    } else {
      this.onEscape();
      this.clearSelection();
    }
  };

  #onToolbarFocusOut(event: FocusEvent) {
    const next = event.relatedTarget as Node | null;
    if (this.exportOpen && (!next || !(event.currentTarget as HTMLElement).contains(next))) this.exportOpen = false;
  }

  /** Writes a sentence into the polite live region. */
  protected announce(text: string): void {
    this.announcement = text;
  }

  /** The plot: the chart's one Tab stop (see plot-frame.ts), with this widget's item focus. */
  protected renderPlot(spec: PlotSpec, content: unknown): TemplateResult {
    return plotFrame(spec, this.items, content);
  }

  protected override renderReady(): TemplateResult {
    const model = this.model!;
    const summary = this.summary(model);
    const table = this.view === 'table';
    return html`<div class="frame" part="frame">
      <div class="header" part="header">
        <p class="summary" part="summary" id="summary">${summary}</p>
        ${toolbar({
          selected: this.selection.length ? this.selectedAccounts.length : 0,
          table,
          exportOpen: this.exportOpen,
          onClearSelection: () => this.clearSelection(),
          onToggleView: () => (this.view = table ? 'chart' : 'table'),
          onToggleExport: () => (this.exportOpen = !this.exportOpen),
          onExport: (format) => this.download(format),
          onFocusOut: (event) => this.#onToolbarFocusOut(event),
        })}
      </div>
      ${this.exportMessage ? html`<p class="export-message" part="export-message" role="alert">${this.exportMessage}</p>` : nothing}
      ${table && !this.chartHolds ? html`${this.tableIntro(model)}${this.#renderTable(model, summary)}` : this.renderChart(model)}
      <div class="sr-only" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }

  /** The table view, once its code is loaded (a moment on its first showing on the page). */
  #renderTable(model: Model, summary: string): TemplateResult {
    const view = tableView.module;
    if (this.tableError) return html`<p class="export-message" part="export-message" role="alert">${this.tableError}</p>`;
    if (!view || !this.#extraStyles.includes(view.tableStyles)) return html`<p class="table-loading" role="status">Loading the table…</p>`;
    return view.dataTable({
      caption: summary,
      columns: this.tableColumns(model),
      rows: this.#rows(model),
      sort: this.tableSort,
      onSort: (sort) => (this.tableSort = sort),
      limit: this.tableLimit,
      onShowMore: () => (this.tableLimit *= 5),
      marks: (row) => this.#rowMarks(row),
      key: (row) => this.rowKey(row),
    });
  }
}
