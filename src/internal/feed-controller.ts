/**
 * Resolves an element's data input into a validated feed and its portfolio, tracks its status, and asks
 * the host to update. Inputs, in order of precedence: the `data` property, the `feed` attribute (naming a
 * `<kam-feed id>` on the page, whose feed and portfolio are shared), the `src` attribute (fetched), and an
 * inline `<script type="application/json">` child. Only the latest input ever wins: a response for an
 * input that has since changed is dropped. `format`, `field-map` (and, for CSV, `locale` and `currency`)
 * say how the input is read; changing them reads it again.
 *
 * One file over 300 lines: which input wins, loading, the link, the background refresh and the filter
 * form one state machine, read best in one place; the parts with a role of their own are apart
 * (feed-state.ts, feed-link.ts, feed/refresh-schedule.ts, feed/load.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Portfolio, type PortfolioRules } from '../analysis/portfolio.js';
import { FeedError } from '../feed/errors.js';
import { FeedLoader, type FeedSource } from '../feed/load.js';
import type { Feed } from '../feed/parse.js';
import { parseFeedFormat, type ReadOptions } from '../feed/formats.js';
import { loadReaders, loadedReaders, readWith } from '../feed/readers.js';
import { readInlineFeed, watchInlineFeed, type InlineFeedWatch } from '../feed/inline.js';
import { RefreshSchedule, parseRefresh } from '../feed/refresh-schedule.js';
import { followFeed, trackFeed } from './feed-link.js';
import { narrowToFilter, type FeedProvider, type FeedState } from './feed-state.js';
import { defaultLocale } from './format.js';
import { memo } from './memo.js';

/** The inputs an element exposes; the controller reads them from the host on every update. */
export interface FeedInputs {
  data?: unknown;
  src?: string | null;
  feed?: string | null;
  credentials?: RequestCredentials;
  timeout?: number;
  /** Size limit for `src`, in bytes (unset: 50 MB). */
  maxBytes?: number | null;
  /** Narrows the accounts: "segment:Corporate,region:EMEA". */
  filter?: string | null;
  /** Re-fetch `src` every this many seconds, 10 to 86400 (0 or unset: never); failures back off (see refresh-schedule.ts). */
  refresh?: number | null;
  /** Contract field to column or key: "id=AccountId,revenue=Annual Revenue,owner=Owner.Name". */
  fieldMap?: string | null;
  /** "json" or "csv" (the `format` attribute); unset: CSV when served as text/csv or the URL ends in .csv, else JSON. */
  feedFormat?: string | null;
  /** How a CSV feed writes numbers; unset: the page's language. */
  locale?: string | null;
  /** ISO 4217 currency of a CSV feed's money columns; unset: USD. */
  currency?: string | null;
  /** The rules of the portfolio this element makes (tiers, cost of effort, flags, sales cycle; not used with `feed`: the `<kam-feed>` makes it). */
  readonly portfolioRules?: Partial<PortfolioRules>;
}

export type FeedHost = ReactiveControllerHost & HTMLElement & FeedInputs;

export class FeedController implements ReactiveController {
  state: FeedState = { status: 'idle' };
  /** The state of the input before the filter (with its portfolio, once ready). */
  #source: FeedState = { status: 'idle' };
  #filterText = '';
  readonly #filtered = memo(narrowToFilter);
  /** A portfolio per feed and rules; the rules are compared by their JSON (a plain object of numbers and names), so an equal set of rules keeps the portfolio. */
  readonly #portfolioOf = memo((feed: Feed, rulesKey: string) => new Portfolio(feed.accounts, JSON.parse(rulesKey) as Partial<PortfolioRules>, feed.columns, feed.history));
  readonly #schedule = new RefreshSchedule();
  #refreshTimer?: ReturnType<typeof setTimeout>;
  readonly #host: FeedHost;
  readonly #onChange: (state: FeedState, previous: FeedState) => void;
  readonly #loader = new FeedLoader();
  #inputsKey: unknown[] = [];
  /** Whether the current input was read as CSV: then locale and currency are part of its key. */
  #readCsv = false;
  #pending: Promise<unknown> = Promise.resolve();
  #detachProvider?: () => void;
  #connected = false;
  /** The inline child's text as last read, a counter bumped when it changes, and the watch on it. */
  #inlineText?: string;
  #inlineVersion = 0;
  #inlineWatch?: InlineFeedWatch;
  /** The `<kam-feed>` this element follows, when it names one. */
  provider?: FeedProvider;

  constructor(host: FeedHost, onChange: (state: FeedState, previous: FeedState) => void = () => {}) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  /** Resolves once the current input has produced a state other than loading. */
  get settled(): Promise<unknown> {
    return this.#pending;
  }

  hostConnected(): void {
    trackFeed(this.#host, true);
    this.#connected = true;
    this.#inputsKey = [];
    this.sync();
  }

  hostDisconnected(): void {
    trackFeed(this.#host, false);
    this.#connected = false;
    this.#stopRefresh();
    this.#loader.abort();
    this.#detachProvider?.();
    this.#detachProvider = undefined;
    this.#stopInlineWatch();
  }

  /** Loads the current input again (the Retry button of the error state). */
  retry(): void {
    this.#inputsKey = [];
    this.sync();
  }

  /** Resolves changed inputs, rules and filter; the host calls it once before each update. */
  sync(): void {
    if (!this.#connected) return;
    const { data, src, feed, credentials, timeout, maxBytes, fieldMap, feedFormat, currency } = this.#host;
    const filter = (this.#host.filter ?? '').trim();
    // Changed tier rules make a new portfolio of the same feed (a linked element's is the <kam-feed>'s).
    const { feed: loaded, portfolio } = this.#source;
    if (loaded && portfolio && !this.provider && this.#ownPortfolio(loaded) !== portfolio) this.#set({ ...this.#source, portfolio: undefined });
    if (filter !== this.#filterText) {
      this.#filterText = filter;
      this.#publish();
    }
    const refresh = parseRefresh(this.#host.refresh);
    const refreshMs = refresh instanceof FeedError ? 0 : refresh;
    // A refresh value out of range is an error of the input: its message is part of the key.
    const refreshError = refresh instanceof FeedError ? refresh : undefined;
    const key = [data, src, feed, credentials, timeout, maxBytes, fieldMap ?? '', feedFormat ?? '', this.#inlineVersion, refreshError?.message];
    // Locale and currency change how CSV is read, and nothing else: a JSON feed is not loaded again for them.
    const csvKey = [...key, this.#csvLocale(), currency ?? ''];
    const current = this.#readCsv ? csvKey : key;
    const sameInput = current.length === this.#inputsKey.length && current.every((v, i) => Object.is(v, this.#inputsKey[i]));
    if (refreshMs !== this.#schedule.intervalMs) {
      this.#schedule.intervalMs = refreshMs;
      if (sameInput) this.#scheduleRefresh();
    }
    if (sameInput) return;
    this.#detachProvider?.();
    this.#detachProvider = undefined;
    this.#stopRefresh();
    this.#loader.abort();
    this.#stopInlineWatch();
    this.#readCsv = false;
    this.#inputsKey = key;
    if (refreshError) return this.#fail(refreshError);
    const hasData = data !== undefined && data !== null;
    if (feed && !hasData) return this.#attachProvider(feed); // the <kam-feed> reads its own input
    const read = this.#readOptions();
    if (read instanceof FeedError) return this.#fail(read);
    if (read.format === 'csv') this.#keyAsCsv(csvKey);
    // Field maps are read by code loaded on first use: loaded first, so a bad map is one error before anything is fetched.
    const fieldMapReader = loadReaders(undefined, { fieldMap: read.fieldMap });
    if (fieldMapReader) return this.#readAfter(fieldMapReader);
    if (hasData) return this.#parse(data, read);
    if (src) return this.#fetch(src, read, csvKey);
    // The inline child, or none: follow it, since it may come or change later.
    const watch = (this.#inlineWatch = watchInlineFeed(this.#host, () => this.#rereadInline()));
    const inline = (this.#inlineText = readInlineFeed(this.#host));
    if (inline !== undefined) this.#parse(inline, read);
    else {
      this.#set({ status: watch.parsing ? 'loading' : 'idle' }); // still parsing: the child may not be written yet
      this.#pending = Promise.resolve();
    }
    this.#pending = Promise.all([this.#pending, watch.parsed]);
  }

  /** How to read the input, from the host's attributes; a FeedError for a bad `format` or `field-map` (once the field-map reader is loaded). */
  #readOptions(): ReadOptions | FeedError {
    try {
      const format = parseFeedFormat(this.#host.feedFormat);
      const { fieldMap } = this.#host;
      return {
        format,
        fieldMap: fieldMap && loadedReaders.fieldMaps ? loadedReaders.fieldMaps.parseFieldMap(fieldMap) : fieldMap,
        locale: this.#csvLocale(),
        currency: this.#host.currency || undefined,
      };
    } catch (error) {
      return toFeedError(error);
    }
  }

  /** Shows loading until `readers` (code loaded on first use) are loaded, then reads the same input again, unless it changed meanwhile. */
  #readAfter(readers: Promise<unknown>): void {
    const key = this.#inputsKey;
    this.#set({ status: 'loading' });
    this.#pending = readers.then(
      () => {
        if (this.#inputsKey !== key || !this.#connected) return;
        this.#inputsKey = [];
        this.sync();
      },
      (error: unknown) => {
        if (this.#inputsKey === key) this.#fail(toFeedError(error));
      },
    );
  }

  #csvLocale(): string {
    return this.#host.locale || defaultLocale(this.#host);
  }

  // ---- the inline child ----------------------------------------------------------------------------

  #stopInlineWatch(): void {
    this.#inlineWatch?.stop();
    this.#inlineWatch = undefined;
  }

  /** Reads the inline child again when its text changed, or when the element waited for the page to be parsed. */
  #rereadInline(): void {
    if (readInlineFeed(this.#host) === this.#inlineText && this.#source.status !== 'loading') return;
    this.#inlineVersion++;
    this.sync();
  }

  // ---- background refresh (src only) ---------------------------------------------------------------

  #scheduleRefresh(): void {
    this.#stopRefresh();
    if (!this.#schedule.intervalMs || !this.#connected || !this.#host.src || this.#host.data != null || this.#host.feed) return;
    document.addEventListener('visibilitychange', this.#onVisibility);
    if (document.hidden) return; // resumes when the page is shown again
    this.#refreshTimer = setTimeout(() => (this.#schedule.isDue() ? void this.refreshNow() : this.#scheduleRefresh()), this.#schedule.timerDelay());
  }

  #stopRefresh(): void {
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = undefined;
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  readonly #onVisibility = () => {
    if (document.hidden) clearTimeout(this.#refreshTimer);
    else this.#scheduleRefresh();
  };

  /** Fetches `src` again in the background: the current feed stays on screen; a failure marks it stale. */
  refreshNow(): Promise<unknown> {
    const { src } = this.#host;
    const read = this.#readOptions();
    if (!src || this.#source.status === 'loading' || read instanceof FeedError) return Promise.resolve();
    this.#schedule.started();
    const job = this.#loader.loadAs(this.#urlSource(src, read)).then(
      (loaded) => {
        if (!loaded) return;
        this.#schedule.succeeded();
        this.#set({ status: 'ready', feed: loaded.feed, loadedAt: new Date() });
      },
      (error: unknown) => {
        const feedError = toFeedError(error);
        if (feedError.kind === 'aborted') return;
        this.#schedule.failed();
        const next = this.#schedule.nextAt();
        const stale = { error: feedError, failedAt: new Date(), ...(next === undefined ? {} : { nextTryAt: new Date(next) }) };
        if (this.#source.status === 'ready') this.#set({ ...this.#source, stale });
        else this.#set({ status: 'error', error: feedError });
      },
    );
    void job.finally(() => this.#scheduleRefresh());
    return job;
  }

  #parse(input: unknown, read: ReadOptions): void {
    const csvReader = loadReaders(input, read); // CSV text: its reader is loaded on first use
    if (csvReader) return this.#readAfter(csvReader);
    try {
      this.#set({ status: 'ready', feed: readWith(loadedReaders, input, read), loadedAt: new Date() });
    } catch (error) {
      this.#set({ status: 'error', error: toFeedError(error) });
    }
    this.#pending = Promise.resolve();
  }

  /** What the loader needs to fetch `url`, from the host's attributes. */
  #urlSource(url: string, read: ReadOptions): FeedSource {
    const { credentials, timeout, maxBytes } = this.#host;
    return { kind: 'url', url, credentials, timeoutMs: timeout, maxBytes, ...read };
  }

  #fetch(url: string, read: ReadOptions, csvKey: unknown[]): void {
    this.#set({ status: 'loading' });
    this.#schedule.started();
    this.#pending = this.#loader.loadAs(this.#urlSource(url, read)).then(
      (loaded) => {
        if (!loaded) return;
        this.#schedule.succeeded();
        if (loaded.format === 'csv') this.#keyAsCsv(csvKey);
        this.#set({ status: 'ready', feed: loaded.feed, loadedAt: new Date() });
        this.#scheduleRefresh();
      },
      (error: unknown) => {
        const feedError = toFeedError(error);
        if (feedError.kind !== 'aborted') this.#set({ status: 'error', error: feedError });
      },
    );
  }

  /** The input turned out to be CSV: from now on a change of locale or currency reads it again. */
  #keyAsCsv(csvKey: unknown[]): void {
    this.#readCsv = true;
    this.#inputsKey = csvKey;
  }

  #fail(error: FeedError): void {
    this.#set({ status: 'error', error });
    this.#pending = Promise.resolve();
  }

  #attachProvider(id: string): void {
    const link = followFeed(this.#host, id, {
      onState: (state) => this.#set(state),
      onConnected: () => {
        this.#inputsKey = [];
        this.sync();
      },
    });
    this.#pending = link.settled;
    this.provider = link.provider;
    this.#detachProvider = () => {
      link.stop();
      this.provider = undefined;
    };
  }

  /**
   * A new state of the input. A ready feed gets its portfolio here: a linked element's comes with the
   * `<kam-feed>`'s state; any other element makes its own, under its tier rules.
   */
  #set(state: FeedState): void {
    if (state.status === 'ready' && state.feed && !state.portfolio) state = { ...state, portfolio: this.#ownPortfolio(state.feed) };
    this.#source = state;
    this.#publish();
  }

  /** The portfolio of a feed under this element's own rules, made again only when the accounts or a rule changed. */
  #ownPortfolio(feed: Feed): Portfolio {
    return this.#portfolioOf(feed, JSON.stringify(this.#host.portfolioRules ?? {}));
  }

  /** Applies the filter to the source state and tells the host when what it shows changed. */
  #publish(): void {
    const previous = this.state;
    const { status, feed, portfolio } = this.#source;
    const shown = this.#filterText && status === 'ready' && feed && portfolio ? this.#filtered(feed, portfolio, this.#filterText) : undefined;
    if (shown instanceof FeedError) this.state = { status: 'error', error: shown };
    else this.state = shown ? { ...this.#source, ...shown, filter: this.#filterText } : this.#source;
    this.#host.requestUpdate();
    if (previous.status !== this.state.status || previous.feed !== this.state.feed || previous.error !== this.state.error || previous.stale !== this.state.stale) {
      this.#onChange(this.state, previous);
    }
  }

}

function toFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  return new FeedError('invalid', error instanceof Error ? error.message : String(error), { cause: error });
}

