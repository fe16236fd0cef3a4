/**
 * The frame every chart widget shares on top of the element base: the summary sentence (visible and the
 * chart's accessible name), the toolbar with "View as table" and the export menu, the table view, the
 * selection (local, or the page-wide one of a linked `<kam-feed>`), Escape to clear, a polite live region
 * for announcements, and the public export methods. A widget supplies its summary, its chart, its table
 * columns and rows and its CSV columns.
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Feed } from '../feed/parse.js';
import type { Account } from '../feed/schema.js';
import { dataTable, tableStyles, type TableColumn, type TableSort } from './data-table.js';
import { emit } from './events.js';
import { ExportError, downloadBlob, exportFileName, svgDocument, svgToPng, toCsv, type CsvColumn } from './export.js';
import { KamElement } from './kam-element.js';
import { accountsByIds, nextSelection } from './selection.js';
import { tooltipStyles } from './tooltip.js';

export type WidgetView = 'chart' | 'table';
export type ExportFormat = 'csv' | 'svg' | 'png';

const EMPTY: readonly string[] = Object.freeze([]);

export abstract class KamWidget<Row = unknown> extends KamElement {
  static override styles = [...KamElement.styles, tableStyles, tooltipStyles, widgetStyles()];

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

  private localSelection: readonly string[] = EMPTY;
  private selectedSetCache?: { ids: readonly string[]; set: ReadonlySet<string> };

  /** File name stem and export title, e.g. "kam-pareto". */
  protected abstract readonly exportName: string;

  /** The one-sentence summary with exact figures: visible, and the chart's accessible name. */
  protected abstract summary(feed: Feed): string;
  /** The chart itself (an SVG with class "chart"), for a feed with at least one account. */
  protected abstract renderChart(feed: Feed): TemplateResult;
  /** Columns and rows of the table view. */
  protected abstract tableColumns(): readonly TableColumn<Row>[];
  protected abstract tableRows(feed: Feed): readonly Row[];
  /** The key of a table row and how it is marked (vital few, selected). */
  protected abstract rowKey(row: Row): string;
  protected rowMark(_row: Row): { label: string; className: string } | undefined {
    return undefined;
  }
  /** Columns and rows of the CSV export (every row, unformatted numbers). */
  protected abstract csvColumns(): readonly CsvColumn<Row>[];
  /** Called when the selection is cleared with Escape, so the widget can drop its own focus state. */
  protected onEscape(): void {}

  /** Ids of the selected accounts: the linked `<kam-feed>`'s selection, or this widget's own. */
  get selection(): readonly string[] {
    return this.feedController.provider?.selection ?? this.localSelection;
  }

  set selection(ids: readonly string[]) {
    this.applySelection([...ids], false);
  }

  /** The selection as a set, rebuilt only when the selection changes. */
  protected get selectedIds(): ReadonlySet<string> {
    const ids = this.selection;
    if (this.selectedSetCache?.ids !== ids) this.selectedSetCache = { ids, set: new Set(ids) };
    return this.selectedSetCache.set;
  }

  /**
   * Click semantics: select `ids` (or clear when they are the whole selection); with `extend` add or
   * remove them. Fires kam-select with the resulting selection.
   */
  protected selectIds(ids: readonly string[], extend: boolean): void {
    this.applySelection(nextSelection(this.selection, ids, extend), true);
  }

  /** Clears the selection (Escape, the clear control). */
  clearSelection(): void {
    if (this.selection.length) this.applySelection([], true);
  }

  private applySelection(ids: string[], announce: boolean): void {
    const feed = this.feedController.state.feed;
    const provider = this.feedController.provider;
    if (provider) provider.select(ids, this.localName);
    else this.localSelection = ids;
    this.requestUpdate();
    if (!announce) return;
    const accounts = accountsByIds(feed, ids);
    this.announcement = accounts.length === 0 ? 'Selection cleared.' : accounts.length === 1 ? `Selected ${accounts[0]!.name}.` : `${accounts.length} accounts selected.`;
    emit(this, 'kam-select', { ids, accounts, source: this.localName });
  }

  /** The selected accounts of the current feed. */
  get selectedAccounts(): Account[] {
    return accountsByIds(this.feedController.state.feed, this.selection);
  }

  // ---- export -------------------------------------------------------------------------------------

  /** The widget's data as CSV text (UTF-8 BOM, quoted, formula-guarded). Empty when there is no feed. */
  toCSV(): string {
    const feed = this.feedController.state.feed;
    return toCsv(this.csvColumns(), feed ? this.tableRows(feed) : []);
  }

  /** The chart as a standalone SVG document, in the current theme. */
  async toSVG(): Promise<string> {
    return this.withChart(async () => {
      const background = getComputedStyle(this).getPropertyValue('--kam-bg').trim() || '#ffffff';
      return svgDocument(await this.chartElement(), { title: this.exportTitle(), background, edit: (copy) => this.editExport(copy) });
    });
  }

  /** The chart as a PNG image at twice its size. */
  async toPNG(): Promise<Blob> {
    return this.withChart(async () => {
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
  private async withChart<T>(run: () => Promise<T>): Promise<T> {
    this.chartHolds++;
    try {
      return await run();
    } finally {
      this.chartHolds--;
    }
  }

  /** Saves the chart or its data as a file. */
  async download(format: ExportFormat): Promise<void> {
    this.exportOpen = false;
    try {
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

  private exportTitle(): string {
    const feed = this.feedController.state.feed;
    return feed ? this.summary(feed) : this.exportName;
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
    this.addEventListener('keydown', this.onHostKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onHostKeydown);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('view')) this.tableLimit = 100;
  }

  private readonly onHostKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (this.exportOpen) {
      this.exportOpen = false;
      this.renderRoot.querySelector<HTMLElement>('.export-button')?.focus();
    } else {
      this.onEscape();
      this.clearSelection();
    }
  };

  private onToolbarFocusOut(event: FocusEvent) {
    const next = event.relatedTarget as Node | null;
    if (this.exportOpen && (!next || !(event.currentTarget as HTMLElement).contains(next))) this.exportOpen = false;
  }

  protected override renderReady(feed: Feed): TemplateResult {
    const summary = this.summary(feed);
    const table = this.view === 'table';
    return html`<div class="frame" part="frame">
      <div class="header" part="header">
        <p class="summary" part="summary" id="summary">${summary}</p>
        <div class="toolbar" part="toolbar" @focusout=${this.onToolbarFocusOut}>
          ${this.selection.length
            ? html`<button type="button" class="tool" part="clear-selection" @click=${() => this.clearSelection()}>
                Clear selection (${this.selectedAccounts.length})
              </button>`
            : nothing}
          <button type="button" class="tool" part="view-toggle" aria-pressed=${table ? 'true' : 'false'} @click=${() => (this.view = table ? 'chart' : 'table')}>
            View as table
          </button>
          <button
            type="button"
            class="tool export-button"
            part="export-button"
            aria-expanded=${this.exportOpen ? 'true' : 'false'}
            aria-controls="export-menu"
            @click=${() => (this.exportOpen = !this.exportOpen)}
          >
            Export<span aria-hidden="true"> ▾</span>
          </button>
          <div class="export-menu" part="export-menu" id="export-menu" ?hidden=${!this.exportOpen}>
            <button type="button" part="export-item" @click=${() => this.download('svg')}>Chart as SVG</button>
            <button type="button" part="export-item" @click=${() => this.download('png')}>Chart as PNG</button>
            <button type="button" part="export-item" @click=${() => this.download('csv')}>Data as CSV</button>
          </div>
        </div>
      </div>
      ${this.exportMessage ? html`<p class="export-message" part="export-message" role="alert">${this.exportMessage}</p>` : nothing}
      ${table && !this.chartHolds
        ? dataTable({
            caption: summary,
            columns: this.tableColumns(),
            rows: this.tableRows(feed),
            sort: this.tableSort,
            onSort: (sort) => (this.tableSort = sort),
            limit: this.tableLimit,
            onShowMore: () => (this.tableLimit *= 5),
            mark: (row) => (this.selectedIds.has(this.rowKey(row)) ? { label: 'selected', className: 'selected' } : this.rowMark(row)),
            key: (row) => this.rowKey(row),
          })
        : this.renderChart(feed)}
      <div class="sr-only" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }
}

function widgetStyles() {
  return css`
    .frame {
      display: flex;
      flex-direction: column;
      gap: 0.5em;
      color: var(--kam-fg);
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: 0.5em;
    }
    .summary {
      margin: 0;
      flex: 1 1 16em;
      font-weight: 600;
      line-height: 1.35;
    }
    .toolbar {
      position: relative;
      display: flex;
      flex-wrap: wrap;
      gap: 0.35em;
    }
    button.tool,
    .export-menu button {
      font: inherit;
      font-size: 0.85em;
      padding: 0.25em 0.7em;
      border-radius: var(--kam-radius);
      border: 1px solid var(--kam-border);
      background: var(--kam-bg);
      color: var(--kam-fg);
      cursor: pointer;
      white-space: nowrap;
    }
    button.tool[aria-pressed='true'] {
      background: var(--kam-accent-soft);
      border-color: var(--kam-accent);
    }
    .export-menu {
      position: absolute;
      z-index: 3;
      top: calc(100% + 4px);
      right: 0;
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 4px;
      border: 1px solid var(--kam-border);
      border-radius: var(--kam-radius);
      background: var(--kam-bg);
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
    }
    .export-menu[hidden] {
      display: none;
    }
    .export-menu button {
      border: none;
      text-align: start;
    }
    .export-menu button:hover {
      background: var(--kam-surface);
    }
    button:focus-visible,
    .plot:focus-visible {
      outline: 2px solid var(--kam-focus);
      outline-offset: 2px;
    }
    .export-message {
      margin: 0;
      color: var(--kam-error);
      font-size: 0.9em;
    }
    .plot {
      position: relative;
      border-radius: var(--kam-radius);
    }
    .plot:focus {
      outline: none;
    }
    .plot:focus-visible {
      outline: 2px solid var(--kam-focus);
    }
    svg.chart {
      display: block;
      overflow: visible;
      font-family: var(--kam-font);
      font-size: 11px;
      user-select: none;
    }
    .axis text {
      fill: var(--kam-muted);
    }
    .axis line,
    .axis path {
      stroke: var(--kam-border);
    }
    .grid line {
      stroke: var(--kam-grid);
    }
    /* The focus marker and hover marker drawn in a chart (left out of exports with data-export="skip"). */
    .focus-ring,
    .hover-ring {
      fill: none;
      stroke: var(--kam-focus);
      stroke-width: 2;
    }
    .hover-ring {
      stroke-dasharray: 3 2;
    }
    /* The "notes" part: short lines under a chart (what was not plotted, how it was split). */
    .notes {
      margin: 0;
      padding: 0;
      list-style: none;
      color: var(--kam-muted);
      font-size: 0.85em;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
    @media (forced-colors: active) {
      button.tool[aria-pressed='true'] {
        border: 2px solid Highlight;
      }
    }
  `;
}
