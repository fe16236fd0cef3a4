/**
 * Loading a feed: one loader for every widget. DOM-light (fetch and AbortController only), so it runs
 * and tests in Node with a fake fetch. A response is read as CSV when `format` says so, or else when it
 * is served as text/csv or its URL ends in .csv; otherwise as JSON. (One file over 300 lines: a request's
 * whole life, from its limits through the streamed read to the words of each failure, reads best together.)
 */
import { FeedError } from './errors.js';
import { looksLikeCsv, type FeedFormat, type ReadOptions } from './formats.js';
import { parseJsonText } from './parse.js';
import type { Feed } from './parse.js';
import { loadReaders, loadedReaders, readDocumentWith, readWith } from './readers.js';

export const DEFAULT_TIMEOUT_MS = 15_000;
/** The longest time limit a request may be given: 10 minutes. */
export const MAX_TIMEOUT_MS = 600_000;
/** The most a response may hold before reading stops: 50 MB (decimal), far above a feed of 100,000 accounts. */
export const DEFAULT_MAX_BYTES = 50_000_000;

export interface FetchFeedOptions extends ReadOptions {
  /** Cancels the request; the promise then rejects with a FeedError of kind 'aborted'. */
  signal?: AbortSignal;
  /** Time limit for the whole request, body included, from 1 to 600000 ms. Default 15000 ms. */
  timeoutMs?: number | null;
  /** The most bytes the response may hold; reading stops past it (kind 'too-large'). Default 50 MB. */
  maxBytes?: number | null;
  /** Default 'same-origin'. Use 'include' for a cross-origin feed that needs cookies. */
  credentials?: RequestCredentials;
  /** The fetch to use; default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Turns the response text into the feed input (then mapped and validated); default JSON, or CSV as above. A thrown error becomes kind 'not-json'. */
  parseText?: (text: string) => unknown;
}

/** Where a widget's feed comes from: a property value (object, array, JSON or CSV text), or a URL; and how to read it. */
export type FeedSource = ReadOptions &
  ({ kind: 'data'; value: unknown } | { kind: 'url'; url: string; credentials?: RequestCredentials; timeoutMs?: number | null; maxBytes?: number | null });

/** A loaded feed and the format its text was read in. */
export interface LoadedFeed {
  feed: Feed;
  format: FeedFormat;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function advice(status: number): string {
  if (status === 401 || status === 403) return 'Check that you are signed in and allowed to read it.';
  if (status === 408 || status === 429) return 'The server is busy; try again in a moment.';
  if (status >= 500) return 'The server had a problem; try again later.';
  return 'Check the src URL.';
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/** The format a response is read in: the one asked for, else its content type's, else its URL's (.csv), else JSON. */
function responseFormat(url: string, contentType: string | null, asked: FeedFormat | undefined): FeedFormat {
  if (asked) return asked;
  if (looksLikeCsv(undefined, contentType)) return 'csv';
  if (contentType && /\bjson\b/i.test(contentType)) return 'json';
  return looksLikeCsv(url, null) ? 'csv' : 'json';
}

function acceptHeader(url: string, asked: FeedFormat | undefined): string {
  if (asked === 'json') return 'application/json';
  if (asked === 'csv') return 'text/csv';
  return looksLikeCsv(url, null) ? 'text/csv, application/json;q=0.9' : 'application/json, text/csv;q=0.9';
}

function size(bytes: number): string {
  if (bytes >= 1e6) return `${Number((bytes / 1e6).toFixed(1))} MB`;
  return bytes >= 1e3 ? `${Number((bytes / 1e3).toFixed(1))} KB` : `${bytes} bytes`;
}

/** A FeedError for a time limit or size limit the loader cannot use (NaN, 0, negative, above a timer's range). */
function checkLimits(timeoutMs: number, maxBytes: number): FeedError | undefined {
  if (!(timeoutMs >= 1 && timeoutMs <= MAX_TIMEOUT_MS)) {
    return new FeedError('invalid', `timeout="${timeoutMs}" cannot be used: give the time limit in milliseconds, from 1 to ${MAX_TIMEOUT_MS} (10 minutes); the default is ${DEFAULT_TIMEOUT_MS}.`);
  }
  if (!(maxBytes >= 1 && Number.isFinite(maxBytes))) {
    return new FeedError('invalid', `max-bytes="${maxBytes}" cannot be used: give the size limit in bytes, above 0; the default is ${DEFAULT_MAX_BYTES} (${size(DEFAULT_MAX_BYTES)}).`);
  }
  return undefined;
}

/**
 * The body as text, read chunk by chunk and stopped as soon as it passes `maxBytes` (or at once when its
 * Content-Length does): `response.text()` would first buffer whatever the server sends.
 */
async function readText(response: Response, maxBytes: number, tooLarge: () => FeedError): Promise<string> {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder(); // UTF-8 without the byte-order mark, as response.text() decodes
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

function startOf(text: string): string {
  const first = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return JSON.stringify(first.length > 40 ? `${first.slice(0, 40)}…` : first);
}

/**
 * Fetches and parses a feed. Rejects with a FeedError: 'http', 'timeout', 'network', 'too-large',
 * 'not-json', 'invalid' (envelope problems, or a time or size limit out of range; bad accounts are
 * skipped, not fatal), or 'aborted' when `signal` aborts.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<Feed> {
  return (await fetchFeedAs(url, options)).feed;
}

/** fetchFeed, also telling the format the response was read in. */
export async function fetchFeedAs(url: string, options: FetchFeedOptions = {}): Promise<LoadedFeed> {
  const { signal, credentials = 'same-origin', parseText } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const where = `Could not load ${url}`;
  const aborted = () => new FeedError('aborted', `Loading ${url} was cancelled.`, { url });
  if (signal?.aborted) throw aborted();
  const badLimit = checkLimits(timeoutMs, maxBytes);
  if (badLimit) throw badLimit;
  const tooLarge = () =>
    new FeedError('too-large', `${where}: the response is larger than ${size(maxBytes)}, the most this page reads. Serve a smaller feed, or raise the limit with max-bytes.`, {
      url,
    });

  const controller = new AbortController();
  let timedOut = false;
  let rejectStop: (reason: FeedError) => void = () => {};
  // Settles when the request must stop, even if the fetch implementation ignores its signal.
  const stop = new Promise<never>((_, reject) => (rejectStop = reject));
  stop.catch(() => {});
  const onAbort = () => {
    controller.abort(signal?.reason);
    rejectStop(aborted());
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
    rejectStop(
      new FeedError('timeout', `${where}: no answer within ${duration(timeoutMs)}. The server may be slow or unreachable; try again.`, { url }),
    );
  }, timeoutMs);

  try {
    let response: Response;
    let text: string;
    try {
      response = await Promise.race([
        fetchImpl(url, { signal: controller.signal, credentials, headers: { Accept: acceptHeader(url, options.format) } }),
        stop,
      ]);
      if (!response.ok) {
        const reason = response.statusText || REASONS[response.status] || 'an error';
        throw new FeedError('http', `${where}: the server answered ${response.status} ${reason}. ${advice(response.status)}`, {
          status: response.status,
          url,
        });
      }
      text = await Promise.race([readText(response, maxBytes, tooLarge), stop]);
    } catch (error) {
      if (error instanceof FeedError) throw error;
      if (timedOut) throw new FeedError('timeout', `${where}: no answer within ${duration(timeoutMs)}. The server may be slow or unreachable; try again.`, { url, cause: error });
      if (signal?.aborted) throw aborted();
      const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
      throw new FeedError(
        'network',
        `${where}: the request failed${detail}. Check your connection and that the server allows this page to read it (CORS); then try again.`,
        { url, cause: error },
      );
    }

    if (text.trim() === '') {
      throw new FeedError('not-json', `${where}: the response is empty. Check that src points at the feed.`, {
        url,
        problems: [{ path: '', message: 'the response is empty' }],
      });
    }
    const format = parseText ? 'json' : responseFormat(url, response.headers.get('content-type'), options.format);
    let input: unknown = text;
    if (format === 'json') {
      try {
        input = parseText ? parseText(text) : parseJsonText(text);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new FeedError(
          'not-json',
          `${where}: the response is not JSON (it starts with ${startOf(text)}). Check that src points at the feed, not a web page.`,
          { url, problems: error instanceof FeedError ? error.problems : [{ path: '', message: detail }], cause: error },
        );
      }
    }
    const read = { ...options, format };
    // CSV and field maps are read by code loaded on first use (a FeedError 'network' when it cannot be loaded).
    await Promise.race([loadReaders(input, read), stop]);
    try {
      // A JSON response is a parsed document by now: a document that is a string is not read as JSON a second time.
      return { feed: format === 'json' ? readDocumentWith(loadedReaders, input, options) : readWith(loadedReaders, input, read), format };
    } catch (error) {
      if (error instanceof FeedError) {
        const message = error.message.replace(/^The /, 'the ');
        throw new FeedError(error.kind, `${where}: ${message}`, { url, problems: error.problems, cause: error });
      }
      throw error;
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

export interface FeedLoaderOptions {
  /** The fetch to use; default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Default time limit for URL sources; default 15000 ms. */
  timeoutMs?: number;
  /** Default size limit for URL sources; default 50 MB. */
  maxBytes?: number;
  /** Default credentials for URL sources; default 'same-origin'. */
  credentials?: RequestCredentials;
}

/**
 * Latest wins. Each `load` cancels the previous one; a load that has been superseded (or `abort()`ed)
 * resolves `undefined`, whether its response arrived or failed, so stale data or stale errors never
 * overwrite newer ones. A current load resolves the Feed or rejects with a FeedError (never 'aborted').
 */
export class FeedLoader {
  #generation = 0;
  #controller: AbortController | undefined;
  readonly #options: FeedLoaderOptions;

  constructor(options: FeedLoaderOptions = {}) {
    this.#options = options;
  }

  /** True while a URL load is in flight. */
  get loading(): boolean {
    return this.#controller !== undefined;
  }

  async load(source: FeedSource): Promise<Feed | undefined> {
    return (await this.loadAs(source))?.feed;
  }

  /** `load`, also telling the format the feed was read in (a data value that is not text counts as JSON). */
  async loadAs(source: FeedSource): Promise<LoadedFeed | undefined> {
    this.#controller?.abort();
    this.#controller = undefined;
    const generation = ++this.#generation;
    const { format, fieldMap, locale, currency } = source;
    const read: ReadOptions = { format, fieldMap, locale, currency };
    if (source.kind === 'data') {
      await loadReaders(source.value, read);
      if (generation !== this.#generation) return undefined;
      return { feed: readWith(loadedReaders, source.value, read), format: format === 'csv' && typeof source.value === 'string' ? 'csv' : 'json' };
    }

    const controller = new AbortController();
    this.#controller = controller;
    try {
      const loaded = await fetchFeedAs(source.url, {
        ...read,
        signal: controller.signal,
        timeoutMs: source.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBytes: source.maxBytes ?? this.#options.maxBytes ?? DEFAULT_MAX_BYTES,
        credentials: source.credentials ?? this.#options.credentials ?? 'same-origin',
        ...(this.#options.fetch ? { fetch: this.#options.fetch } : {}),
      });
      return generation === this.#generation ? loaded : undefined;
    } catch (error) {
      if (generation !== this.#generation || controller.signal.aborted) return undefined;
      throw error;
    } finally {
      if (this.#controller === controller) this.#controller = undefined;
    }
  }

  /** Cancels the load in flight (for example when the element is disconnected); it resolves undefined. */
  abort(): void {
    this.#generation++;
    this.#controller?.abort();
    this.#controller = undefined;
  }
}
