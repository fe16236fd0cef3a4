/**
 * What an element knows of its feed, and what it tells the page about it: the feed state (status, the
 * feed and portfolio shown, error, staleness), what a `<kam-feed>` offers its linked widgets, the events,
 * and the narrowing of a ready feed to a filter.
 */
import type { Portfolio } from '../analysis/portfolio.js';
import { TIER_ORDER } from '../analysis/tiers.js';
import { FeedError } from '../feed/errors.js';
import { FilterError, matchingIndexes, parseFilter } from '../feed/filter.js';
import { gatherHistory } from '../feed/history.js';
import { derivedFeed, type Feed } from '../feed/parse.js';
import { emit } from './events.js';

export type FeedStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface FeedState {
  status: FeedStatus;
  /** The feed as shown: the validated feed, its accounts narrowed to the filter. */
  feed?: Feed;
  /** The portfolio of the whole feed, narrowed to the accounts shown (`feed.accounts`): every rank and tier is the whole feed's. */
  portfolio?: Portfolio;
  error?: FeedError;
  /** Why the element is waiting, shown in the loading state ("Waiting for <kam-feed id=…>"). */
  waitingFor?: string;
  /** When the feed shown was loaded. */
  loadedAt?: Date;
  /** Set when a background refresh failed: the feed shown is the last good one; `nextTryAt` when another refresh is scheduled. */
  stale?: { error: FeedError; failedAt: Date; nextTryAt?: Date };
  /** The filter in force, as written (`segment:Corporate`), when one narrows the accounts. */
  filter?: string;
}

/** What a `<kam-feed>` offers to the widgets that name it. */
export interface FeedProvider extends HTMLElement {
  readonly feedState: FeedState;
  subscribe(listener: (state: FeedState) => void): () => void;
  /** Ids of the accounts selected in any widget linked to this feed. */
  readonly selection: readonly string[];
  /** Makes `ids` the page-wide selection; fires kam-selection-change. */
  select(ids: readonly string[], source: string): void;
  /** Tier goals for the linked widgets that show them ("MVC:60,MGC:90"), and the period they are for. */
  readonly tierGoals?: string | Readonly<Record<string, number>>;
  readonly goalPeriod?: string;
}

/** Fired by a `<kam-feed>` when its selection changes. */
export const SELECTION_CHANGE_EVENT = 'kam-selection-change';

/** Fired on the document by a `<kam-feed>` when it connects, so widgets that named it early can attach. */
export const FEED_CONNECTED_EVENT = 'kam-feed-connected';

export function isFeedProvider(element: Element | null): element is FeedProvider {
  return !!element && typeof (element as Partial<FeedProvider>).subscribe === 'function' && 'feedState' in element;
}

/**
 * The feed and portfolio narrowed to the accounts `filter` keeps, each with the tier the whole feed gives
 * it (a filter never re-tiers); a FeedError when the filter cannot be read.
 */
export function narrowToFilter(feed: Feed, portfolio: Portfolio, filter: string): { feed: Feed; portfolio: Portfolio } | FeedError {
  try {
    const tierOf = (i: number) => TIER_ORDER[portfolio.tiers().tierIndex[i]!]!;
    const indexes = matchingIndexes(portfolio.accounts, parseFilter(filter), tierOf);
    const shown = portfolio.narrow(indexes);
    const history = gatherHistory(feed.history, indexes);
    return { feed: derivedFeed(feed, { accounts: shown.accounts as Feed['accounts'], columns: shown.columns, history }), portfolio: shown };
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    return new FeedError('invalid', `The filter attribute cannot be used: ${error.message}`);
  }
}

/**
 * Fires kam-load when a new feed is ready and kam-error when a new error occurs, from `target`; also
 * kam-error (with `stale: true`) when a background refresh failed and the last good feed stays on show.
 */
export function announceFeedState(target: EventTarget, state: FeedState, previous: FeedState): void {
  if (state.status === 'ready' && state.feed && state.feed !== previous.feed) {
    emit(target, 'kam-load', { feed: state.feed, skipped: state.feed.skipped.length });
  } else if (state.status === 'error' && state.error && state.error !== previous.error) {
    emit(target, 'kam-error', { error: state.error });
  } else if (state.status === 'ready' && state.stale && state.stale.error !== previous.stale?.error) {
    emit(target, 'kam-error', { error: state.stale.error, stale: true, ...(state.loadedAt ? { loadedAt: state.loadedAt } : {}) });
  }
}
