/** A minimal chart on the widget frame, so the shared frame (table, export, selection) is tested apart from any real chart. */
import { html, svg } from 'lit';
import { KamWidget } from '../../src/internal/kam-widget.js';
import { defineElement } from '../../src/internal/define.js';
import type { Feed } from '../../src/feed/parse.js';
import type { Account } from '../../src/feed/schema.js';
import type { TableColumn } from '../../src/internal/data-table.js';
import type { CsvColumn } from '../../src/internal/export.js';

export class TestChart extends KamWidget<Account> {
  protected readonly exportName = 'test-chart';

  /** Clicks an account as a user would, for tests. */
  pick(id: string, shift = false): void {
    this.selectIds([id], shift);
  }

  protected summary(feed: Feed): string {
    return `${feed.accounts.length} accounts`;
  }

  protected renderChart(feed: Feed) {
    return html`<div class="plot" tabindex="0" role="group" aria-labelledby="summary">
      <svg class="chart" width="200" height="100" aria-hidden="true">
        ${feed.accounts.map((a, i) => svg`<rect class="bar" x=${i * 20} y="10" width="15" height="80"></rect>`)}
        <rect class="focus-ring" data-export="skip" x="0" y="0" width="10" height="10"></rect>
      </svg>
    </div>`;
  }

  protected tableColumns(): readonly TableColumn<Account>[] {
    return [
      { id: 'name', label: 'Account', sortValue: (a) => a.name, cell: (a) => a.name },
      { id: 'revenue', label: 'Revenue', numeric: true, sortValue: (a) => a.revenue, cell: (a) => this.format.money(a.revenue) },
    ];
  }

  protected tableRows(feed: Feed): readonly Account[] {
    return feed.accounts;
  }

  protected rowKey(row: Account): string {
    return row.id;
  }

  protected csvColumns(): readonly CsvColumn<Account>[] {
    return [
      { header: 'id', value: (a) => a.id },
      { header: 'name', value: (a) => a.name },
      { header: 'revenue', value: (a) => a.revenue },
    ];
  }
}

defineElement('test-chart', TestChart);

declare global {
  interface HTMLElementTagNameMap {
    'test-chart': TestChart;
  }
}
