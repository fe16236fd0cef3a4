/** The toolbar above every chart: "Clear selection (N)" while accounts are selected, "View as table", and the export menu. */
import { html, nothing, type TemplateResult } from 'lit';

export type ExportFormat = 'csv' | 'svg' | 'png';

export interface ToolbarState {
  /** Selected accounts shown (0: no "Clear selection" button). */
  selected: number;
  /** Whether the table view is showing. */
  table: boolean;
  exportOpen: boolean;
  onClearSelection(): void;
  onToggleView(): void;
  onToggleExport(): void;
  onExport(format: ExportFormat): void;
  /** Closes the export menu when focus leaves the toolbar. */
  onFocusOut(event: FocusEvent): void;
}

export function toolbar(state: ToolbarState): TemplateResult {
  return html`<div class="toolbar" part="toolbar" @focusout=${state.onFocusOut}>
    ${state.selected
      ? html`<button type="button" class="tool" part="clear-selection" @click=${state.onClearSelection}>Clear selection (${state.selected})</button>`
      : nothing}
    <button type="button" class="tool" part="view-toggle" aria-pressed=${state.table ? 'true' : 'false'} @click=${state.onToggleView}>View as table</button>
    <button
      type="button"
      class="tool export-button"
      part="export-button"
      aria-expanded=${state.exportOpen ? 'true' : 'false'}
      aria-controls="export-menu"
      @click=${state.onToggleExport}
    >
      Export<span aria-hidden="true"> ▾</span>
    </button>
    <div class="export-menu" part="export-menu" id="export-menu" ?hidden=${!state.exportOpen}>
      <button type="button" part="export-item" @click=${() => state.onExport('svg')}>Chart as SVG</button>
      <button type="button" part="export-item" @click=${() => state.onExport('png')}>Chart as PNG</button>
      <button type="button" part="export-item" @click=${() => state.onExport('csv')}>Data as CSV</button>
    </div>
  </div>`;
}
