/**
 * Resolves an element's data input into a validated feed, tracks its status, and asks the host to
 * update. Inputs, in order of precedence: the `data` property, the `feed` attribute (naming a
 * `<kam-feed id>` on the page, whose feed is shared), the `src` attribute (fetched), and an inline
 * `<script type="application/json">` child. Only the latest input ever wins: a response for an input
 * that has since changed is dropped.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedError } from '../feed/errors.js';
import { FeedLoader } from '../feed/load.js';
import { parseFeed, type Feed } from '../feed/parse.js';
import { readInlineFeed } from '../feed/inline.js';
import { FilterError, filterFeed, parseFilter } from '../feed/filter.js';
import { emit } from './events.js';

export type FeedStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface FeedState {
  status: FeedStatus;
  feed?: Feed;
  error?: FeedError;
  /** Why the element is waiting, shown in the loading state ("Waiting for <kam-feed id=…>"). */
  waitingFor?: string;
  /** When the feed shown was loaded. */
  loadedAt?: Date;
  /** Set when a background refresh failed: the feed shown is the last good one. */
  stale?: { error: FeedError; failedAt: Date };
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
}

/** Fired by a `<kam-feed>` when its selection changes. */
export const SELECTION_CHANGE_EVENT = 'kam-selection-change';

/** The inputs an element exposes; the controller reads them from the host on every update. */
export interface FeedInputs {
  data?: unknown;
  src?: string | null;
  feed?: string | null;
  credentials?: RequestCredentials;
  timeout?: number;
  /** Narrows the accounts: "segment:Corporate,region:EMEA". */
  filter?: string | null;
  /** Re-fetch `src` every this many seconds (0 or unset: never). */
  refresh?: number | null;
}

export type FeedHost = ReactiveControllerHost & HTMLElement & FeedInputs;

/** Fired on the document by a `<kam-feed>` when it connects, so widgets that named it early can attach. */
export const FEED_CONNECTED_EVENT = 'kam-feed-connected';

export function isFeedProvider(element: Element | null): element is FeedProvider {
  return !!element && typeof (element as Partial<FeedProvider>).subscribe === 'function' && 'feedState' in element;
}

export class FeedController implements ReactiveController {
  state: FeedState = { status: 'idle' };
  /** The state of the input before the filter. */
  private source: FeedState = { status: 'idle' };
  private filterText = '';
  private filtered?: { feed: Feed; filter: string; result: FeedState };
  private refreshSeconds = 0;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private readonly host: FeedHost;
  private readonly onChange: (state: FeedState, previous: FeedState) => void;
  private readonly loader = new FeedLoader();
  private inputsKey: unknown[] = [];
  private pending: Promise<unknown> = Promise.resolve();
  private detachProvider?: () => void;
  private connected = false;
  /** The `<kam-feed>` this element follows, when it names one. */
  provider?: FeedProvider;

  constructor(host: FeedHost, onChange: (state: FeedState, previous: FeedState) => void = () => {}) {
    this.host = host;
    this.onChange = onChange;
    host.addController(this);
  }

  /** Resolves once the current input has produced a state other than loading. */
  get settled(): Promise<unknown> {
    return this.pending;
  }

  hostConnected(): void {
    this.connected = true;
    this.inputsKey = [];
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stopRefresh();
    this.loader.abort();
    this.detachProvider?.();
    this.detachProvider = undefined;
  }

  /** Runs before each host update, so a changed input is resolved before the host renders. */
  hostUpdate(): void {
    this.sync();
  }

  /** Loads the current input again (the Retry button of the error state). */
  retry(): void {
    this.inputsKey = [];
    this.sync();
  }

  private sync(): void {
    if (!this.connected) return;
    const { data, src, feed, credentials, timeout } = this.host;
    const filter = (this.host.filter ?? '').trim();
    if (filter !== this.filterText) {
      this.filterText = filter;
      this.publish();
    }
    const refresh = Number(this.host.refresh) > 0 ? Number(this.host.refresh) : 0;
    const key = [data, src, feed, credentials, timeout];
    const sameInput = key.length === this.inputsKey.length && key.every((v, i) => Object.is(v, this.inputsKey[i]));
    if (refresh !== this.refreshSeconds) {
      this.refreshSeconds = refresh;
      if (sameInput) this.scheduleRefresh();
    }
    if (sameInput) return;
    this.inputsKey = key;
    this.detachProvider?.();
    this.detachProvider = undefined;
    this.stopRefresh();
    this.loader.abort();
    if (data !== undefined && data !== null) return this.parse(data);
    if (feed) return this.attachProvider(feed);
    if (src) return this.fetch(src, credentials, timeout);
    const inline = readInlineFeed(this.host);
    if (inline !== undefined) return this.parse(inline);
    this.set({ status: 'idle' });
  }

  // ---- background refresh (src only) ---------------------------------------------------------------

  private scheduleRefresh(): void {
    this.stopRefresh();
    if (!this.refreshSeconds || !this.connected || !this.host.src || this.host.data != null || this.host.feed) return;
    document.addEventListener('visibilitychange', this.onVisibility);
    if (document.hidden) return; // resumes when the page is shown again
    const due = (this.source.loadedAt?.getTime() ?? Date.now()) + this.refreshSeconds * 1000;
    this.refreshTimer = setTimeout(() => this.refreshNow(), Math.max(0, due - Date.now()));
  }

  private stopRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private readonly onVisibility = () => {
    if (document.hidden) clearTimeout(this.refreshTimer);
    else this.scheduleRefresh();
  };

  /** Fetches `src` again in the background: the current feed stays on screen; a failure marks it stale. */
  refreshNow(): Promise<unknown> {
    const { src, credentials, timeout } = this.host;
    if (!src || this.source.status === 'loading') return Promise.resolve();
    const job = this.loader.load({ kind: 'url', url: src, credentials, timeoutMs: timeout }).then(
      (feed) => {
        if (feed) this.set({ status: 'ready', feed, loadedAt: new Date() });
      },
      (error: unknown) => {
        const feedError = toFeedError(error);
        if (feedError.kind === 'aborted') return;
        if (this.source.status === 'ready') this.set({ ...this.source, stale: { error: feedError, failedAt: new Date() } });
        else this.set({ status: 'error', error: feedError });
      },
    );
    void job.finally(() => this.scheduleRefresh());
    return job;
  }

  private parse(input: unknown): void {
    try {
      this.set({ status: 'ready', feed: parseFeed(input), loadedAt: new Date() });
    } catch (error) {
      this.set({ status: 'error', error: toFeedError(error) });
    }
    this.pending = Promise.resolve();
  }

  private fetch(url: string, credentials: RequestCredentials | undefined, timeoutMs: number | undefined): void {
    this.set({ status: 'loading' });
    this.pending = this.loader.load({ kind: 'url', url, credentials, timeoutMs }).then(
      (feed) => {
        if (feed) {
          this.set({ status: 'ready', feed, loadedAt: new Date() });
          this.scheduleRefresh();
        }
      },
      (error: unknown) => {
        const feedError = toFeedError(error);
        if (feedError.kind !== 'aborted') this.set({ status: 'error', error: feedError });
      },
    );
  }

  private attachProvider(id: string): void {
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const element = root.getElementById?.(id) ?? document.getElementById(id);
    if (element && !isFeedProvider(element)) {
      const customTag = element.localName === 'kam-feed';
      this.set({
        status: customTag ? 'loading' : 'error',
        waitingFor: customTag ? `<kam-feed id="${id}">` : undefined,
        error: customTag
          ? undefined
          : new FeedError('invalid', `feed="${id}" names a <${element.localName}>, not a <kam-feed>. Point it at the id of a <kam-feed> element.`),
      });
      if (!customTag) return;
    }
    if (!element || !isFeedProvider(element)) {
      // The <kam-feed> is not on the page (or not upgraded) yet: wait for it to announce itself.
      this.set({ status: 'loading', waitingFor: `<kam-feed id="${id}">` });
      let resolveWait!: () => void;
      this.pending = new Promise<void>((resolve) => (resolveWait = resolve));
      const onConnected = (event: Event) => {
        if ((event as CustomEvent<{ id: string }>).detail.id !== id) return;
        document.removeEventListener(FEED_CONNECTED_EVENT, onConnected);
        this.inputsKey = [];
        this.sync();
        resolveWait();
      };
      document.addEventListener(FEED_CONNECTED_EVENT, onConnected);
      this.detachProvider = () => {
        document.removeEventListener(FEED_CONNECTED_EVENT, onConnected);
        resolveWait();
      };
      return;
    }
    const provider = element;
    let resolveLoad!: () => void;
    this.pending = new Promise<void>((resolve) => (resolveLoad = resolve));
    const follow = (state: FeedState) => {
      this.set(state);
      if (state.status !== 'loading') resolveLoad();
    };
    const unsubscribe = provider.subscribe(follow);
    const onSelection = () => this.host.requestUpdate();
    provider.addEventListener(SELECTION_CHANGE_EVENT, onSelection);
    this.provider = provider;
    this.detachProvider = () => {
      unsubscribe();
      provider.removeEventListener(SELECTION_CHANGE_EVENT, onSelection);
      this.provider = undefined;
      resolveLoad();
    };
    follow(provider.feedState);
  }

  private set(state: FeedState): void {
    this.source = state;
    this.publish();
  }

  /** Applies the filter to the source state and tells the host when what it shows changed. */
  private publish(): void {
    const previous = this.state;
    this.state = this.withFilter(this.source);
    this.host.requestUpdate();
    if (previous.status !== this.state.status || previous.feed !== this.state.feed || previous.error !== this.state.error || previous.stale !== this.state.stale) {
      this.onChange(this.state, previous);
    }
  }

  private withFilter(state: FeedState): FeedState {
    const filter = this.filterText;
    if (!filter || state.status !== 'ready' || !state.feed) return state;
    if (this.filtered?.feed === state.feed && this.filtered.filter === filter) return { ...this.filtered.result, stale: state.stale, loadedAt: state.loadedAt };
    let result: FeedState;
    try {
      result = { ...state, feed: filterFeed(state.feed, parseFilter(filter)), filter };
    } catch (error) {
      if (!(error instanceof FilterError)) throw error;
      result = { status: 'error', error: new FeedError('invalid', `The filter attribute cannot be used: ${error.message}`) };
    }
    this.filtered = { feed: state.feed, filter, result };
    return result;
  }
}

function toFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  return new FeedError('invalid', error instanceof Error ? error.message : String(error), { cause: error });
}

/** Fires kam-load when a new feed is ready and kam-error when a new error occurs, from `target`. */
export function announceFeedState(target: EventTarget, state: FeedState, previous: FeedState): void {
  if (state.status === 'ready' && state.feed && state.feed !== previous.feed) {
    emit(target, 'kam-load', { feed: state.feed, skipped: state.feed.skipped.length });
  } else if (state.status === 'error' && state.error && state.error !== previous.error) {
    emit(target, 'kam-error', { error: state.error });
  }
}
