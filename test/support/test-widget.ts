/** A minimal widget on the element base, so the base is tested apart from any real chart. */
import { html } from 'lit';
import { KamElement } from '../../src/internal/kam-element.js';
import { ResizeController } from '../../src/internal/resize-controller.js';
import { defineElement } from '../../src/internal/define.js';
import type { Feed } from '../../src/feed/parse.js';

export class TestWidget extends KamElement {
  renders = 0;
  /** A second size, of an element inside the shadow root, as a chart's plot area is measured. */
  private readonly bodySize = new ResizeController(this, { target: () => this.renderRoot.querySelector('[part="body"]') });

  protected override renderReady(feed: Feed) {
    this.renders += 1;
    const total = feed.accounts.reduce((sum, a) => sum + a.revenue, 0);
    return html`<p part="body" aria-label="Test widget">
      ${feed.accounts.length} accounts, ${this.format.moneyCompact(total)}, width ${this.size.width}, height ${this.size.height}, body ${this.bodySize.width}
    </p>`;
  }
}

defineElement('test-widget', TestWidget);

declare global {
  interface HTMLElementTagNameMap {
    'test-widget': TestWidget;
  }
}
