/**
 * Resolves an element's data input into a validated feed, tracks its status, and asks the host to
 * update. Inputs, in order of precedence: the `data` property, the `feed` attribute (naming a
 * `<kam-feed id>` on the page, whose feed is shared), the `src` attribute (fetched), and an inline
 * `<script type="application/json">` child. Only the latest input ever wins: a response for an input
 * that has since changed is dropped. `format`, `field-map` (and, for CSV, `locale` and `currency`) say
 * how the input is read; changing them reads it again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Portfolio } from '../analysis/portfolio.js';
import { TIER_ORDER, type TierRules } from '../analysis/tiers.js';
import { FeedError } from '../feed/errors.js';
import { FeedLoader } from '../feed/load.js';
import type { Feed } from '../feed/parse.js';
import { parseFieldMap } from '../feed/field-map.js';
import { parseFeedFormat, readFeed, type ReadOptions } from '../feed/read.js';
import { readInlineFeed, watchInlineFeed, type InlineFeedWatch } from '../feed/inline.js';
import { derivedFeed } from '../feed/parse.js';
import { FilterError, matchingIndexes, parseFilter } from '../feed/filter.js';
import { emit } from './events.js';
import { defaultLocale } from './format.js';

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
  /** Contract field to column or key: "id=AccountId,revenue=Annual Revenue,owner=Owner.Name". */
  fieldMap?: string | null;
  /** "json" or "csv" (the `format` attribute); unset: CSV when served as text/csv or the URL ends in .csv, else JSON. */
  feedFormat?: string | null;
  /** How a CSV feed writes numbers; unset: the page's language. */
  locale?: string | null;
  /** ISO 4217 currency of a CSV feed's money columns; unset: USD. */
  currency?: string | null;
  /** The tier rules of the portfolio this element makes (not used with `feed`: the `<kam-feed>` makes it). */
  readonly tierRules?: Partial<TierRules>;
}

export type FeedHost = ReactiveControllerHost & HTMLElement & FeedInputs;

/** Fired on the document by a `<kam-feed>` when it connects, so widgets that named it early can attach. */
export const FEED_CONNECTED_EVENT = 'kam-feed-connected';

export function isFeedProvider(element: Element | null): element is FeedProvider {
  return !!element && typeof (element as Partial<FeedProvider>).subscribe === 'function' && 'feedState' in element;
}

export class FeedController implements ReactiveController {
  state: FeedState = { status: 'idle' };
  /** The state of the input before the filter (with its portfolio, once ready). */
  private source: FeedState = { status: 'idle' };
  private filterText = '';
  private rulesKey = '';
  private filtered?: { portfolio: Portfolio; filter: string; result: FeedState };
  private refreshSeconds = 0;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private readonly host: FeedHost;
  private readonly onChange: (state: FeedState, previous: FeedState) => void;
  private readonly loader = new FeedLoader();
  private inputsKey: unknown[] = [];
  /** Whether the current input was read as CSV: then locale and currency are part of its key. */
  private readCsv = false;
  private pending: Promise<unknown> = Promise.resolve();
  private detachProvider?: () => void;
  private connected = false;
  /** The inline child's text as last read, a counter bumped when it changes, and the watch on it. */
  private inlineText?: string;
  private inlineVersion = 0;
  private inlineWatch?: InlineFeedWatch;
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
    this.stopInlineWatch();
  }

  /** Loads the current input again (the Retry button of the error state). */
  retry(): void {
    this.inputsKey = [];
    this.sync();
  }

  /** Resolves changed inputs, rules and filter; the host calls it once before each update. */
  sync(): void {
    if (!this.connected) return;
    const { data, src, feed, credentials, timeout, fieldMap, feedFormat, currency } = this.host;
    const filter = (this.host.filter ?? '').trim();
    const rulesKey = JSON.stringify(this.host.tierRules ?? {});
    if (rulesKey !== this.rulesKey) {
      this.rulesKey = rulesKey;
      if (this.source.feed && !this.provider) this.set({ ...this.source, portfolio: undefined });
    }
    if (filter !== this.filterText) {
      this.filterText = filter;
      this.publish();
    }
    const refresh = Number(this.host.refresh) > 0 ? Number(this.host.refresh) : 0;
    const key = [data, src, feed, credentials, timeout, fieldMap ?? '', feedFormat ?? '', this.inlineVersion];
    // Locale and currency change how CSV is read, and nothing else: a JSON feed is not loaded again for them.
    const csvKey = [...key, this.csvLocale(), currency ?? ''];
    const current = this.readCsv ? csvKey : key;
    const sameInput = current.length === this.inputsKey.length && current.every((v, i) => Object.is(v, this.inputsKey[i]));
    if (refresh !== this.refreshSeconds) {
      this.refreshSeconds = refresh;
      if (sameInput) this.scheduleRefresh();
    }
    if (sameInput) return;
    this.detachProvider?.();
    this.detachProvider = undefined;
    this.stopRefresh();
    this.loader.abort();
    this.stopInlineWatch();
    this.readCsv = false;
    this.inputsKey = key;
    const hasData = data !== undefined && data !== null;
    if (feed && !hasData) return this.attachProvider(feed); // the <kam-feed> reads its own input
    const read = this.readOptions();
    if (read instanceof FeedError) return this.fail(read);
    if (read.format === 'csv') this.keyAsCsv(csvKey);
    if (hasData) return this.parse(data, read);
    if (src) return this.fetch(src, credentials, timeout, read, csvKey);
    // The inline child, or none: follow it, since it may come or change later.
    const watch = (this.inlineWatch = watchInlineFeed(this.host, () => this.rereadInline()));
    const inline = (this.inlineText = readInlineFeed(this.host));
    if (inline !== undefined) this.parse(inline, read);
    else this.set({ status: watch.parsing ? 'loading' : 'idle' }); // still parsing: the child may not be written yet
    this.pending = watch.parsed;
  }

  /** How to read the input, from the host's attributes; a FeedError for a bad `format` or `field-map`. */
  private readOptions(): ReadOptions | FeedError {
    try {
      const format = parseFeedFormat(this.host.feedFormat);
      const fieldMap = parseFieldMap(this.host.fieldMap); // a bad map is one error, before anything is loaded
      return { format, fieldMap, locale: this.csvLocale(), currency: this.host.currency || undefined };
    } catch (error) {
      return toFeedError(error);
    }
  }

  private csvLocale(): string {
    return this.host.locale || defaultLocale(this.host);
  }

  // ---- the inline child ----------------------------------------------------------------------------

  private stopInlineWatch(): void {
    this.inlineWatch?.stop();
    this.inlineWatch = undefined;
  }

  /** Reads the inline child again when its text changed, or when the element waited for the page to be parsed. */
  private rereadInline(): void {
    if (readInlineFeed(this.host) === this.inlineText && this.source.status !== 'loading') return;
    this.inlineVersion++;
    this.sync();
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
    const read = this.readOptions();
    if (!src || this.source.status === 'loading' || read instanceof FeedError) return Promise.resolve();
    const job = this.loader.loadAs({ kind: 'url', url: src, credentials, timeoutMs: timeout, ...read }).then(
      (loaded) => {
        if (loaded) this.set({ status: 'ready', feed: loaded.feed, loadedAt: new Date() });
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

  private parse(input: unknown, read: ReadOptions): void {
    try {
      this.set({ status: 'ready', feed: readFeed(input, read), loadedAt: new Date() });
    } catch (error) {
      this.set({ status: 'error', error: toFeedError(error) });
    }
    this.pending = Promise.resolve();
  }

  private fetch(url: string, credentials: RequestCredentials | undefined, timeoutMs: number | undefined, read: ReadOptions, csvKey: unknown[]): void {
    this.set({ status: 'loading' });
    this.pending = this.loader.loadAs({ kind: 'url', url, credentials, timeoutMs, ...read }).then(
      (loaded) => {
        if (!loaded) return;
        if (loaded.format === 'csv') this.keyAsCsv(csvKey);
        this.set({ status: 'ready', feed: loaded.feed, loadedAt: new Date() });
        this.scheduleRefresh();
      },
      (error: unknown) => {
        const feedError = toFeedError(error);
        if (feedError.kind !== 'aborted') this.set({ status: 'error', error: feedError });
      },
    );
  }

  /** The input turned out to be CSV: from now on a change of locale or currency reads it again. */
  private keyAsCsv(csvKey: unknown[]): void {
    this.readCsv = true;
    this.inputsKey = csvKey;
  }

  private fail(error: FeedError): void {
    this.set({ status: 'error', error });
    this.pending = Promise.resolve();
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

  /**
   * A new state of the input. A ready feed gets its portfolio here: a linked element's comes with the
   * `<kam-feed>`'s state; any other element makes its own, under its tier rules.
   */
  private set(state: FeedState): void {
    if (state.status === 'ready' && state.feed && !state.portfolio) {
      state = { ...state, portfolio: new Portfolio(state.feed.accounts, this.host.tierRules, state.feed.columns) };
    }
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

  /** The state with the portfolio narrowed to the accounts the filter keeps (their tiers as the whole feed has them). */
  private withFilter(state: FeedState): FeedState {
    const filter = this.filterText;
    const { feed, portfolio } = state;
    if (!filter || state.status !== 'ready' || !feed || !portfolio) return state;
    if (this.filtered?.portfolio === portfolio && this.filtered.filter === filter) return { ...this.filtered.result, stale: state.stale, loadedAt: state.loadedAt };
    let result: FeedState;
    try {
      const tierOf = (i: number) => TIER_ORDER[portfolio.tiers().tierIndex[i]!]!;
      const shown = portfolio.narrow(matchingIndexes(portfolio.accounts, parseFilter(filter), tierOf));
      result = { ...state, feed: derivedFeed(feed, { accounts: shown.accounts as Feed['accounts'], columns: shown.columns }), portfolio: shown, filter };
    } catch (error) {
      if (!(error instanceof FilterError)) throw error;
      result = { status: 'error', error: new FeedError('invalid', `The filter attribute cannot be used: ${error.message}`) };
    }
    this.filtered = { portfolio, filter, result };
    return result;
  }
}

function toFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  return new FeedError('invalid', error instanceof Error ? error.message : String(error), { cause: error });
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
