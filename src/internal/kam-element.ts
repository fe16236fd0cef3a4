/**
 * The base of every widget: on top of the data inputs and tier rules (kam-source.ts), the link to a
 * `<kam-feed>`, loading/empty/error/ready states, size, locale and currency, theme, and the kam-load /
 * kam-error events. A widget extends it and implements `renderReady(feed)`, which is only called with a
 * feed that has at least one account.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Portfolio } from '../analysis/portfolio.js';
import type { Feed } from '../feed/parse.js';
import { announceFeedState, type FeedState } from './feed-state.js';
import { defaultLocale, formatters, type Formatters } from './format.js';
import { ResizeController, resizePending, resizeSettled } from './resize-controller.js';
import { emptyView, errorView, idleView, loadingView, skippedNotice, staleNotice, stateStyles } from './state-views.js';
import { themeStyles } from './theme.js';
import { KamSource } from './kam-source.js';

export type Theme = 'light' | 'dark' | 'auto';

export abstract class KamElement extends KamSource {
  static override styles = [themeStyles, stateStyles];

  /** Id of a `<kam-feed>` on the page whose feed (and selection) this element shares. */
  @property({ reflect: true }) feed?: string;

  /** Colour theme: light (default), dark, or auto (follows the operating system). */
  @property({ reflect: true }) theme: Theme = 'light';

  protected readonly size = new ResizeController(this);

  /** Formatters for the current locale and currency. */
  protected get format(): Formatters {
    return formatters(this.locale || defaultLocale(this), this.currency || this.feedController.state.feed?.currency || 'USD');
  }

  /** The current status of the element's data: idle, loading, ready or error. */
  get status(): FeedState['status'] {
    return this.feedController.state.status;
  }

  /** The portfolio the element shows: the whole feed's, narrowed to the filter (undefined until a feed is ready). */
  get portfolio(): Portfolio | undefined {
    return this.feedController.state.portfolio;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    // Resolve only once the visual reflects the data and the size: wait for a pending fetch, for a size
    // the ResizeObserver reported but the next frame has not applied yet, and for the render after each.
    // A bounded number of rounds, so a layout that keeps changing cannot hold the promise forever.
    for (let round = 0; round < 8; round++) {
      const feed = this.feedController.settled;
      await Promise.all([feed, resizeSettled(this)]);
      result = await super.getUpdateComplete();
      if (feed === this.feedController.settled && !resizePending(this) && !this.isUpdatePending) break;
    }
    return result;
  }

  protected override feedStateChanged(state: FeedState, previous: FeedState): void {
    announceFeedState(this, state, previous);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const busy = this.feedController.state.status === 'loading';
    if (busy) this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
  }

  protected override render(): TemplateResult {
    const { status, feed, error, waitingFor, stale, loadedAt } = this.feedController.state;
    if (status === 'loading') return loadingView(waitingFor);
    if (status === 'error' && error) return errorView(error, () => this.retry());
    if (status !== 'ready' || !feed) return idleView();
    return html`${staleNotice(stale, loadedAt, this.format.locale, () => void this.feedController.refreshNow())}${skippedNotice(feed.skipped, 'account', feed.ignoredFields)}${
      this.hasContent(feed) ? this.renderReady(feed) : emptyView(feed.skipped.length, this.feedController.state.filter)
    }`;
  }

  /** Whether the feed gives this widget something to draw; otherwise the empty state shows. Default: at least one account. */
  protected hasContent(feed: Feed): boolean {
    return feed.accounts.length > 0;
  }

  /** Draws the widget for a feed that has content (see `hasContent`). */
  protected abstract renderReady(feed: Feed): TemplateResult | typeof nothing;

}
