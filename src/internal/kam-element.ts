/**
 * The base of every widget: data inputs, loading/empty/error/ready states, size, locale and currency,
 * theme, and the kam-load / kam-error events. A widget extends it and implements `renderReady(feed)`,
 * which is only called with a feed that has at least one account.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Feed } from '../feed/parse.js';
import { FeedController, announceFeedState, type FeedState } from './feed-controller.js';
import { defaultLocale, formatters, type Formatters } from './format.js';
import { ResizeController, resizePending, resizeSettled } from './resize-controller.js';
import { emptyView, errorView, idleView, loadingView, skippedNotice, staleNotice, stateStyles } from './state-views.js';
import { themeStyles } from './theme.js';

export type Theme = 'light' | 'dark' | 'auto';

export abstract class KamElement extends LitElement {
  static override styles = [themeStyles, stateStyles];

  /** The feed as a value: a feed document, a bare array of accounts, or JSON text (CSV text with `format="csv"`). Wins over every other input. */
  @property({ attribute: false }) data?: unknown;

  /** URL of the feed to fetch: JSON, or CSV (see `format`). */
  @property({ reflect: true }) src?: string;

  /** How `src`, a `data` string or the inline child is read: "json" or "csv". Unset: CSV when `src` ends in .csv or is served as text/csv, else JSON. CSV numbers are read in `locale`, money in `currency`. */
  @property({ attribute: 'format', reflect: true }) feedFormat?: 'json' | 'csv';

  /** Maps the contract's fields to the input's columns or keys before validation: "id=AccountId,name=Account Name,revenue=Annual Revenue,owner=Owner.Name". Not used with `feed` (the `<kam-feed>` maps its own input). */
  @property({ attribute: 'field-map', reflect: true }) fieldMap?: string;

  /** Id of a `<kam-feed>` on the page whose feed (and selection) this element shares. */
  @property({ reflect: true }) feed?: string;

  /** Locale for numbers, e.g. "de-DE", shown and read (CSV). Default: the nearest `lang` attribute, then the browser's language. */
  @property({ reflect: true }) locale?: string;

  /** ISO 4217 currency for money (also that of a CSV feed's money columns). Default: the feed's `currency`, then USD. */
  @property({ reflect: true }) currency?: string;

  /** Colour theme: light (default), dark, or auto (follows the operating system). */
  @property({ reflect: true }) theme: Theme = 'light';

  /** Credentials mode for fetching `src`: same-origin (default), include, or omit. */
  @property() credentials: RequestCredentials = 'same-origin';

  /** Time limit for fetching `src`, in milliseconds, from 1 to 600000 (10 minutes). */
  @property({ type: Number }) timeout = 15000;

  /** The most bytes the `src` response may hold; reading stops past it with an error. Default 50000000 (50 MB). */
  @property({ attribute: 'max-bytes', type: Number }) maxBytes?: number;

  /** Shows only the matching accounts: "segment:Corporate,region:EMEA" (fields segment, region, owner, industry, country, tier; one value per field or several, comma-separated). */
  @property({ reflect: true }) filter?: string;

  /** Re-fetches `src` every this many seconds, 10 to 86400, in the background (paused while the page is hidden; failed refreshes back off up to 15 minutes). Unset: never. */
  @property({ type: Number }) refresh?: number;

  protected readonly feedController = new FeedController(this, (state, previous) => announceFeedState(this, state, previous));
  protected readonly size = new ResizeController(this);

  /** Formatters for the current locale and currency. */
  protected get format(): Formatters {
    return formatters(this.locale || defaultLocale(this), this.currency || this.feedController.state.feed?.currency || 'USD');
  }

  /** The current status of the element's data: idle, loading, ready or error. */
  get status(): FeedState['status'] {
    return this.feedController.state.status;
  }

  /** Loads the current input again. */
  retry(): void {
    this.feedController.retry();
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

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Resolve a changed input before subclasses derive from the feed in their willUpdate (Lit runs
    // controllers' hostUpdate only after willUpdate).
    this.feedController.hostUpdate();
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
    return html`${staleNotice(stale, loadedAt, this.format.locale, () => void this.feedController.refreshNow())}${skippedNotice(feed.skipped)}${
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
