/** <kam-feed>: one shared account feed for the widgets on a page. */
import { css, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { FEED_CONNECTED_EVENT, announceFeedState, type FeedProvider, type FeedState } from '../../internal/feed-state.js';
import { emit } from '../../internal/events.js';
import { KamSource } from '../../internal/kam-source.js';
import { accountsByIds } from '../../internal/selection.js';

/**
 * Widgets name it with `feed="ID"`; the feed is fetched once for the whole page and analysed once, as one
 * portfolio under its rules, so an account has the same rank, tier, ROI and red flags in every linked
 * widget: the tier rule (`tier-rule` "texts" or "headroom", `tier-measure`, `cutoff`, `growth-threshold`,
 * `headroom-factor`, `min-margin`, `revenue-floor`, `rules`), the cost of one unit of effort for ROI
 * (`cost-per-effort`), the sales cycle for the readiness check (`sales-cycle-months`) and the red flags'
 * thresholds (`revenue-drop`, `flagRules`); its `filter` narrows what they show without changing
 * a tier; its `tier-goals` and `goal-period` are the goals every linked tier matrix and scorecard shows. A selection made in any linked widget is the feed's selection, shown by all of them. It draws nothing. Its data comes from
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
export class KamFeed extends KamSource implements FeedProvider {
  static override styles = css`
    :host {
      display: none;
    }
  `;

  private readonly listeners = new Set<(state: FeedState) => void>();
  private selectedIds: readonly string[] = [];

  /** Goals for the number of MVC and MGC accounts, for every linked tier matrix and scorecard: "MVC:60,MGC:90" (or an object { MVC: 60 }). A widget's own `tier-goals` wins. Unset: none. */
  @property({ attribute: 'tier-goals' }) tierGoals?: string | Readonly<Record<string, number>>;

  /** The period the tier goals are for, as the feed labels periods ("2027-Q2", "FY2027"). A widget's own `goal-period` wins. Unset: the current period. */
  @property({ attribute: 'goal-period' }) goalPeriod?: string;

  /** The current feed state: status (idle, loading, ready, error), feed, portfolio and error. */
  get feedState(): FeedState {
    return this.feedController.state;
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
    emit(this, 'kam-selection-change', { ids: next, accounts: accountsByIds(this.feedState.portfolio, next), source });
  }

  /** Fetches `src` again now, in the background: linked widgets keep showing the current feed meanwhile. */
  refreshNow(): Promise<unknown> {
    return this.feedController.refreshNow();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this.feedController.settled;
    return result;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Linked widgets read the goals when they update: tell them the goals changed.
    if (changed.has('tierGoals') || changed.has('goalPeriod')) for (const listener of this.listeners) listener(this.feedState);
  }

  protected override render(): typeof nothing {
    return nothing;
  }

  protected override feedStateChanged(state: FeedState, previous: FeedState): void {
    // Also called when only `stale` changed (a failed refresh), so linked widgets show the notice.
    if (state.feed && state.feed !== previous.feed && this.selectedIds.length) {
      // Keep the selected accounts that are still in the new feed.
      const kept = accountsByIds(state.portfolio, this.selectedIds).map((a) => a.id);
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
