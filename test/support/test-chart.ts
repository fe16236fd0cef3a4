/** A minimal chart on the widget frame, so the shared frame (table, export, selection, item focus) is tested apart from any real chart. */
import { html, svg } from 'lit';
import { KamWidget } from '../../src/internal/kam-widget.js';
import { defineElement } from '../../src/internal/define.js';
import { ItemFocusController } from '../../src/internal/item-focus.js';
import type { Portfolio } from '../../src/analysis/portfolio.js';
import type { Account } from '../../src/feed/schema.js';
import type { TableColumn } from '../../src/internal/data-table.js';
import type { CsvColumn } from '../../src/internal/export.js';

export class TestChart extends KamWidget<readonly Account[], Account> {
  protected readonly exportName = 'test-chart';
  protected readonly items = new ItemFocusController(this, {
    count: () => this.model?.length ?? 0,
    keyOf: (i) => this.model![i]!.id,
    indexOf: (id) => this.model!.findIndex((a) => a.id === id),
    describe: (i) => `${this.model![i]!.name}.`,
    activate: (i, extend) => this.pick(this.model![i]!.id, extend),
    announce: (text) => this.announce(text),
  });

  /** Clicks an account as a user would, for tests. */
  pick(id: string, shift = false): void {
    this.selectIds([id], shift);
  }

  /** The account the keyboard is on, for tests. */
  get focusedId(): string | undefined {
    return this.model?.[this.items.index]?.id;
  }

  protected deriveModel(portfolio: Portfolio): readonly Account[] {
    return portfolio.accounts;
  }

  protected summary(accounts: readonly Account[]): string {
    return `${accounts.length} accounts`;
  }

  protected renderChart(accounts: readonly Account[]) {
    return this.renderPlot(
      { roleDescription: 'test chart', keys: 'Arrow keys move between bars.' },
      html`<svg class="chart" width="200" height="100" aria-hidden="true">
        ${accounts.map((a, i) => svg`<rect class="bar" x=${i * 20} y="10" width="15" height="80"></rect>`)}
        <rect class="focus-ring" data-export="skip" x="0" y="0" width="10" height="10"></rect>
      </svg>`,
    );
  }

  protected tableColumns(): readonly TableColumn<Account>[] {
    return [
      { id: 'name', label: 'Account', sortValue: (a) => a.name, cell: (a) => a.name },
      { id: 'revenue', label: 'Revenue', numeric: true, sortValue: (a) => a.revenue, cell: (a) => this.format.money(a.revenue) },
    ];
  }

  protected tableRows(accounts: readonly Account[]): readonly Account[] {
    return accounts;
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
