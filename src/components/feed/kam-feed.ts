/** <kam-feed>: one shared account feed for the widgets on a page. */
import { LitElement, css, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { FEED_CONNECTED_EVENT, FeedController, announceFeedState, type FeedProvider, type FeedState } from '../../internal/feed-controller.js';
import { emit } from '../../internal/events.js';
import { accountsByIds } from '../../internal/selection.js';

/**
 * Widgets name it with `feed="ID"`; the feed is fetched once for the whole page, and a selection made in
 * any linked widget is the feed's selection, shown by all of them. It draws nothing. Its data comes from
 * `data`, `src` (JSON or CSV, optionally refreshed) or an inline `<script type="application/json">` child.
 *
 * @summary Loads, validates and holds one account feed that several widgets on the page share.
 *
 * @tag kam-feed
 *
 * @event {CustomEvent<KamLoadDetail>} kam-load - A feed was loaded and validated.
 * @event {CustomEvent<KamErrorDetail>} kam-error - The feed could not be loaded or is not a feed; or, with `detail.stale`, a background refresh failed and the last good feed stays in use.
 * @event {CustomEvent<KamSelectDetail>} kam-selection-change - The page-wide selection changed (in any linked widget, or through `selection`).
 */
export class KamFeed extends LitElement implements FeedProvider {
  static override styles = css`
    :host {
      display: none;
    }
  `;

  /** The feed as a value: a feed document, a bare array of accounts, or JSON text (CSV text with `format="csv"`). Wins over `src`. */
  @property({ attribute: false }) data?: unknown;

  /** URL of the feed to fetch: JSON, or CSV (see `format`). */
  @property({ reflect: true }) src?: string;

  /** How `src`, a `data` string or the inline child is read: "json" or "csv". Unset: CSV when `src` ends in .csv or is served as text/csv, else JSON. */
  @property({ attribute: 'format', reflect: true }) feedFormat?: 'json' | 'csv';

  /** Maps the contract's fields to the input's columns or keys before validation: "id=AccountId,name=Account Name,revenue=Annual Revenue,owner=Owner.Name". */
  @property({ attribute: 'field-map', reflect: true }) fieldMap?: string;

  /** How a CSV feed writes numbers, e.g. "de-DE". Default: the nearest `lang` attribute, then the browser's language. */
  @property({ reflect: true }) locale?: string;

  /** ISO 4217 currency of a CSV feed's money columns (a JSON feed names its own). Default USD. */
  @property({ reflect: true }) currency?: string;

  /** Credentials mode for fetching `src`: same-origin (default), include, or omit. */
  @property() credentials: RequestCredentials = 'same-origin';

  /** Time limit for fetching `src`, in milliseconds, from 1 to 600000 (10 minutes). */
  @property({ type: Number }) timeout = 15000;

  /** The most bytes the `src` response may hold; reading stops past it with an error. Default 50000000 (50 MB). */
  @property({ attribute: 'max-bytes', type: Number }) maxBytes?: number;

  /** Shares only the matching accounts: "segment:Corporate,region:EMEA" (fields segment, region, owner, industry, country, tier). */
  @property({ reflect: true }) filter?: string;

  /** Re-fetches `src` every this many seconds, 10 to 86400, in the background, paused while the page is hidden; a failed refresh keeps the last good feed and marks it stale, and the next tries back off up to 15 minutes. Unset: never. */
  @property({ type: Number }) refresh?: number;

  private readonly listeners = new Set<(state: FeedState) => void>();
  private selectedIds: readonly string[] = [];
  private readonly controller = new FeedController(this, (state, previous) => this.changed(state, previous));

  /** The current feed state: status (idle, loading, ready, error), feed and error. */
  get feedState(): FeedState {
    return this.controller.state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.id) document.dispatchEvent(new CustomEvent(FEED_CONNECTED_EVENT, { detail: { id: this.id } }));
  }

  /** Calls `listener` on every change of the feed state; returns the function that unsubscribes. */
  subscribe(listener: (state: FeedState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ids of the selected accounts, shared by every widget linked to this feed. Settable by the host page. */
  get selection(): readonly string[] {
    return this.selectedIds;
  }

  set selection(ids: readonly string[]) {
    this.select(ids, this.localName);
  }

  /** Makes `ids` the selection of every linked widget and fires kam-selection-change. */
  select(ids: readonly string[], source: string): void {
    const next = [...new Set(ids)];
    if (next.length === this.selectedIds.length && next.every((id, i) => id === this.selectedIds[i])) return;
    this.selectedIds = next;
    emit(this, 'kam-selection-change', { ids: next, accounts: accountsByIds(this.feedState.feed, next), source });
  }

  /** Loads the current input again. */
  retry(): void {
    this.controller.retry();
  }

  /** Fetches `src` again now, in the background: linked widgets keep showing the current feed meanwhile. */
  refreshNow(): Promise<unknown> {
    return this.controller.refreshNow();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this.controller.settled;
    return result;
  }

  protected override render(): typeof nothing {
    return nothing;
  }

  private changed(state: FeedState, previous: FeedState): void {
    // Also called when only `stale` changed (a failed refresh), so linked widgets show the notice.
    if (state.feed && state.feed !== previous.feed && this.selectedIds.length) {
      // Keep the selected accounts that are still in the new feed.
      const kept = accountsByIds(state.feed, this.selectedIds).map((a) => a.id);
      if (kept.length !== this.selectedIds.length) this.select(kept, this.localName);
    }
    for (const listener of this.listeners) listener(state);
    announceFeedState(this, state, previous);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kam-feed': KamFeed;
  }
}
