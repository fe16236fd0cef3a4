import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_MAX_BYTES, FeedError, FeedLoader, fetchFeed, fetchFeedAs, isAbortError } from '../../src/feed/index.js';

const FEED = JSON.stringify({ version: 1, accounts: [{ id: 'A-1', name: 'Acme', revenue: 10 }] });

type FetchArgs = [input: string | URL | Request, init?: RequestInit];

/** A fake fetch answering `body` with `init`, recording its calls. */
function answering(body: string, init: ResponseInit = {}) {
  const calls: FetchArgs[] = [];
  const fake = (async (...args: FetchArgs) => {
    calls.push(args);
    return new Response(body, init);
  }) as typeof fetch;
  return { fake, calls };
}

/** A fake fetch that never answers; it rejects with an AbortError when its signal aborts. */
const hanging = ((_input: string | URL | Request, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  })) as typeof fetch;

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected a rejection');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('fetchFeed', () => {
  it('loads and parses a feed', async () => {
    const { fake } = answering(FEED, { headers: { 'content-type': 'application/json' } });
    const feed = await fetchFeed('/api/accounts.json', { fetch: fake });
    expect(feed.accounts).toEqual([{ id: 'A-1', name: 'Acme', revenue: 10 }]);
  });

  it('passes credentials (default same-origin), an abort signal and an Accept header', async () => {
    const { fake, calls } = answering(FEED);
    await fetchFeed('/a.json', { fetch: fake });
    await fetchFeed('/b.json', { fetch: fake, credentials: 'include' });
    expect(calls[0]![0]).toBe('/a.json');
    expect(calls[0]![1]!.credentials).toBe('same-origin');
    expect(calls[0]![1]!.signal).toBeInstanceOf(AbortSignal);
    expect(calls[0]![1]!.headers).toEqual({ Accept: 'application/json, text/csv;q=0.9' });
    expect(calls[1]![1]!.credentials).toBe('include');
  });

  it('404', async () => {
    const { fake } = answering('nope', { status: 404, statusText: 'Not Found' });
    const error = await failure(fetchFeed('/api/accounts.json', { fetch: fake }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(404);
    expect(error.url).toBe('/api/accounts.json');
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('Could not load /api/accounts.json: the server answered 404 Not Found. Check the src URL.');
  });

  it('500 without a status text', async () => {
    const { fake } = answering('oops', { status: 500 });
    const error = await failure(fetchFeed('/api/accounts.json', { fetch: fake }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(error.message).toBe('Could not load /api/accounts.json: the server answered 500 Internal Server Error. The server had a problem; try again later.');
  });

  it('403 asks to sign in', async () => {
    const { fake } = answering('', { status: 403, statusText: 'Forbidden' });
    expect((await failure(fetchFeed('/f.json', { fetch: fake }))).message).toBe(
      'Could not load /f.json: the server answered 403 Forbidden. Check that you are signed in and allowed to read it.',
    );
  });

  it('timeout with a small timeoutMs', async () => {
    const error = await failure(fetchFeed('/slow.json', { fetch: hanging, timeoutMs: 20 }));
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('Could not load /slow.json: no answer within 20 ms. The server may be slow or unreachable; try again.');
  });

  it('timeout defaults to 15 s, even if fetch ignores its signal', async () => {
    vi.useFakeTimers();
    const deaf = (() => new Promise<Response>(() => {})) as typeof fetch;
    const pending = failure(fetchFeed('/api/accounts.json', { fetch: deaf }));
    await vi.advanceTimersByTimeAsync(14_999);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('Could not load /api/accounts.json: no answer within 15 s. The server may be slow or unreachable; try again.');
  });

  it('network failure (TypeError from fetch)', async () => {
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const error = await failure(fetchFeed('/f.json', { fetch: down }));
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(
      'Could not load /f.json: the request failed (Failed to fetch). Check your connection and that the server allows this page to read it (CORS); then try again.',
    );
  });

  it('HTML instead of JSON', async () => {
    const { fake } = answering('<!DOCTYPE html>\n<html><body>Login</body></html>', { headers: { 'content-type': 'text/html' } });
    const error = await failure(fetchFeed('/dashboard', { fetch: fake }));
    expect(error.kind).toBe('not-json');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(
      'Could not load /dashboard: the response is not JSON (it starts with "<!DOCTYPE html>"). Check that src points at the feed, not a web page.',
    );
    expect(error.problems).toHaveLength(1);
  });

  it('empty response', async () => {
    const { fake } = answering('');
    const error = await failure(fetchFeed('/f.json', { fetch: fake }));
    expect(error.kind).toBe('not-json');
    expect(error.message).toBe('Could not load /f.json: the response is empty. Check that src points at the feed.');
  });

  it('JSON that is not a feed', async () => {
    const { fake } = answering('{"version":2,"accounts":[]}');
    const error = await failure(fetchFeed('/f.json', { fetch: fake }));
    expect(error.kind).toBe('invalid');
    expect(error.url).toBe('/f.json');
    expect(error.problems).toEqual([{ path: 'version', message: 'expected 1 (the only feed version), got 2' }]);
    expect(error.message).toBe('Could not load /f.json: the account feed is not valid (1 problem): version: expected 1 (the only feed version), got 2.');
  });

  it('a custom parseText (for example CSV)', async () => {
    const { fake } = answering('A-1;Acme;10');
    const feed = await fetchFeed('/f.csv', {
      fetch: fake,
      parseText: (text) => text.split('\n').map((line) => {
        const [id, name, revenue] = line.split(';');
        return { id, name, revenue };
      }),
    });
    expect(feed.accounts).toEqual([{ id: 'A-1', name: 'Acme', revenue: 10 }]);
  });

  it('reads CSV when the response is served as text/csv, with the locale, currency and field map', async () => {
    const csv = 'AccountId,Account Name,Annual Revenue\n001A,Acme,"1.234,50 €"\n001B,Bolt,"2.000 EUR"\n';
    const { fake } = answering(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
    const loaded = await fetchFeedAs('/api/accounts', { fetch: fake, locale: 'de-DE', currency: 'EUR', fieldMap: 'id=AccountId,name=Account Name,revenue=Annual Revenue' });
    expect(loaded.format).toBe('csv');
    expect(loaded.feed.currency).toBe('EUR');
    expect(loaded.feed.accounts).toEqual([
      { id: '001A', name: 'Acme', revenue: 1234.5 },
      { id: '001B', name: 'Bolt', revenue: 2000 },
    ]);
  });

  it('reads CSV when the URL ends in .csv (and asks for CSV first), unless format says JSON', async () => {
    const { fake, calls } = answering('id,name,revenue\na,A,"1,500"\n', { headers: { 'content-type': 'application/octet-stream' } });
    const loaded = await fetchFeedAs('/exports/accounts.csv?day=1', { fetch: fake });
    expect(loaded.format).toBe('csv');
    expect(loaded.feed.accounts).toEqual([{ id: 'a', name: 'A', revenue: 1500 }]);
    expect(calls[0]![1]!.headers).toEqual({ Accept: 'text/csv, application/json;q=0.9' });

    const json = answering(FEED, { headers: { 'content-type': 'text/plain' } });
    expect((await fetchFeedAs('/exports/accounts.csv', { fetch: json.fake, format: 'json' })).feed.accounts[0]!.id).toBe('A-1');
    expect(json.calls[0]![1]!.headers).toEqual({ Accept: 'application/json' });
  });

  it('format="csv" wins over a JSON content type', async () => {
    const { fake, calls } = answering('id,name,revenue\nz,Z,7\n', { headers: { 'content-type': 'application/json' } });
    const loaded = await fetchFeedAs('/api/accounts', { fetch: fake, format: 'csv' });
    expect(loaded).toMatchObject({ format: 'csv', feed: { accounts: [{ id: 'z', name: 'Z', revenue: 7 }] } });
    expect(calls[0]![1]!.headers).toEqual({ Accept: 'text/csv' });
  });

  it('maps JSON keys, nested ones too, before validation; a mapped key the feed lacks is one clear error', async () => {
    const crm = JSON.stringify([{ AccountId: 'x', 'Account Name': 'X', Financials: { AnnualRevenue: '1250.50' }, Owner: { Name: 'Ann' } }]);
    const { fake } = answering(crm, { headers: { 'content-type': 'application/json' } });
    const feed = await fetchFeed('/crm.json', { fetch: fake, fieldMap: 'id=AccountId,name=Account Name,revenue=Financials.AnnualRevenue,owner=Owner.Name' });
    expect(feed.accounts).toEqual([{ id: 'x', name: 'X', revenue: 1250.5, owner: 'Ann' }]);

    const error = await failure(fetchFeed('/crm.json', { fetch: fake, fieldMap: 'id=AccountId,name=Account Name,revenue=Revenue' }));
    expect(error.kind).toBe('invalid');
    expect(error.message).toBe(
      "Could not load /crm.json: field-map names a key the feed does not have (revenue=Revenue). The feed's keys: AccountId, Account Name, Financials, Owner.",
    );
  });

  it('a CSV file without a required column', async () => {
    const { fake } = answering('AccountId,Name\n1,A\n', { headers: { 'content-type': 'text/csv' } });
    const error = await failure(fetchFeed('/x', { fetch: fake }));
    expect(error.message).toBe(
      'Could not load /x: the CSV file has no "id" column for the account id. Name the column "id" or map it with field-map (id=Your Column). Columns: AccountId, Name.',
    );
  });

  it('aborted by the caller: kind aborted, not retryable, recognised by isAbortError', async () => {
    const controller = new AbortController();
    const pending = failure(fetchFeed('/f.json', { fetch: hanging, signal: controller.signal }));
    controller.abort();
    const error = await pending;
    expect(error.kind).toBe('aborted');
    expect(error.retryable).toBe(false);
    expect(isAbortError(error)).toBe(true);
    const already = await failure(fetchFeed('/f.json', { fetch: hanging, signal: AbortSignal.abort() }));
    expect(already.kind).toBe('aborted');
  });
});

describe('fetchFeed: limits', () => {
  it('refuses a timeout it cannot keep (0, negative, NaN, above 10 minutes) before fetching anything', async () => {
    const { fake, calls } = answering(FEED);
    for (const timeoutMs of [0, -5, Number.NaN, 3e9, 600_001]) {
      const error = await failure(fetchFeed('/f.json', { fetch: fake, timeoutMs }));
      expect(error.kind).toBe('invalid');
      expect(error.message).toBe(`timeout="${timeoutMs}" cannot be used: give the time limit in milliseconds, from 1 to 600000 (10 minutes); the default is 15000.`);
    }
    expect(calls).toHaveLength(0);
    // The bounds themselves are limits it keeps.
    expect((await fetchFeed('/f.json', { fetch: fake, timeoutMs: 600_000 })).accounts).toHaveLength(1);
    expect((await fetchFeed('/f.json', { fetch: fake, timeoutMs: 1 })).accounts).toHaveLength(1);
  });

  it('refuses a size limit that is not a number of bytes above 0', async () => {
    const { fake } = answering(FEED);
    for (const maxBytes of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = await failure(fetchFeed('/f.json', { fetch: fake, maxBytes }));
      expect(error.message).toBe(`max-bytes="${maxBytes}" cannot be used: give the size limit in bytes, above 0; the default is 50000000 (50 MB).`);
    }
    expect(DEFAULT_MAX_BYTES).toBe(50_000_000);
  });

  /** A body of `chunk`-byte pieces without end, counting what was pulled and whether it was cancelled. */
  function endless(chunk: number) {
    const seen = { pulled: 0, cancelled: false };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        seen.pulled++;
        controller.enqueue(new Uint8Array(chunk).fill(0x20)); // spaces: valid text, never a feed
      },
      cancel() {
        seen.cancelled = true;
      },
    });
    return { body, seen };
  }

  it('reads the body as a stream and stops past max-bytes, without reading the rest', async () => {
    const { body, seen } = endless(1_000_000);
    const error = await failure(fetchFeed('/huge.json', { fetch: (async () => new Response(body)) as typeof fetch, maxBytes: 3_000_000 }));
    expect(error.kind).toBe('too-large');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('Could not load /huge.json: the response is larger than 3 MB, the most this page reads. Serve a smaller feed, or raise the limit with max-bytes.');
    // 3 pieces make 3,000,000 bytes (allowed); the 4th passes the limit. The stream may have queued one more.
    expect(seen.pulled).toBeGreaterThanOrEqual(4);
    expect(seen.pulled).toBeLessThanOrEqual(5);
    expect(seen.cancelled).toBe(true);
  });

  it('stops at once when Content-Length says the body is above the limit', async () => {
    const { body, seen } = endless(1000);
    const fake = (async () => new Response(body, { headers: { 'content-length': '2001' } })) as typeof fetch;
    expect((await failure(fetchFeed('/f.json', { fetch: fake, maxBytes: 2000 }))).message).toContain('the response is larger than 2 KB');
    expect(seen.cancelled).toBe(true);
  });

  it('reads a body of exactly max-bytes, multi-byte characters split across pieces included', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify([{ id: 'ü', name: 'Zürich AG', revenue: 1 }]));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i, i + 3)); // splits the two-byte "ü"s
        controller.close();
      },
    });
    const feed = await fetchFeed('/f.json', { fetch: (async () => new Response(body)) as typeof fetch, maxBytes: bytes.length });
    expect(feed.accounts).toEqual([{ id: 'ü', name: 'Zürich AG', revenue: 1 }]);
  });

  it('stops reading an endless response from a real server past the limit, and the server sees the connection end', async () => {
    let written = 0;
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }); // no Content-Length: chunked, as a generated export would be
      const piece = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!response.destroyed) {
          written += piece.length;
          if (!response.write(piece)) return; // more once the client has read it
        }
      };
      response.on('drain', pump);
      response.on('close', () => closed());
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/export.json`;
      const error = await failure(fetchFeed(url, { maxBytes: 1_000_000 }));
      expect(error.kind).toBe('too-large');
      expect(error.message).toBe(`Could not load ${url}: the response is larger than 1 MB, the most this page reads. Serve a smaller feed, or raise the limit with max-bytes.`);
      await connectionClosed;
      expect(written).toBeGreaterThan(1_000_000);
    } finally {
      server.close();
    }
  });
});

describe('FeedLoader', () => {
  /** A fake fetch whose answers the test releases by URL. */
  function controlled() {
    const pending = new Map<string, (body: string) => void>();
    const signals = new Map<string, AbortSignal>();
    const fake = ((input: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((resolve) => {
        const url = String(input);
        signals.set(url, init!.signal!);
        pending.set(url, (body) => resolve(new Response(body)));
      })) as typeof fetch;
    return { fake, pending, signals };
  }

  const feedOf = (id: string) => JSON.stringify([{ id, name: id, revenue: 1 }]);

  it('latest wins: a slow first load resolves undefined and never overwrites the second', async () => {
    const { fake, pending, signals } = controlled();
    const loader = new FeedLoader({ fetch: fake });
    const first = loader.load({ kind: 'url', url: '/old.json' });
    const second = loader.load({ kind: 'url', url: '/new.json' });
    expect(signals.get('/old.json')!.aborted).toBe(true);
    pending.get('/new.json')!(feedOf('NEW'));
    expect((await second)!.accounts[0]!.id).toBe('NEW');
    pending.get('/old.json')!(feedOf('OLD')); // the stale answer arrives last
    expect(await first).toBeUndefined();
    expect(loader.loading).toBe(false);
  });

  it('a stale failure is not reported either', async () => {
    const loader = new FeedLoader({ fetch: hanging });
    const first = loader.load({ kind: 'url', url: '/a.json' });
    const second = loader.load({ kind: 'data', value: [{ id: 'A', name: 'a', revenue: 1 }] });
    expect(await first).toBeUndefined();
    expect((await second)!.accounts).toHaveLength(1);
  });

  it('abort() makes the load in flight resolve undefined', async () => {
    const loader = new FeedLoader({ fetch: hanging });
    const load = loader.load({ kind: 'url', url: '/a.json' });
    expect(loader.loading).toBe(true);
    loader.abort();
    expect(await load).toBeUndefined();
    expect(loader.loading).toBe(false);
  });

  it('data sources honour format and field map', async () => {
    const loader = new FeedLoader();
    expect(await loader.loadAs({ kind: 'data', value: 'id,name,revenue\na,A,"1.234,5"', format: 'csv', locale: 'de-DE' })).toMatchObject({
      format: 'csv',
      feed: { accounts: [{ id: 'a', name: 'A', revenue: 1234.5 }] },
    });
    expect((await loader.load({ kind: 'data', value: [{ Id: 'b', Name: 'B', Rev: 2 }], fieldMap: 'id=Id,name=Name,revenue=Rev' }))!.accounts).toEqual([
      { id: 'b', name: 'B', revenue: 2 },
    ]);
  });

  it('data sources parse property values: object, array, JSON text; bad ones reject with FeedError', async () => {
    const loader = new FeedLoader();
    expect((await loader.load({ kind: 'data', value: { version: 1, accounts: [] } }))!.accounts).toEqual([]);
    expect((await loader.load({ kind: 'data', value: feedOf('X') }))!.accounts[0]!.id).toBe('X');
    await expect(loader.load({ kind: 'data', value: 'not json' })).rejects.toMatchObject({ kind: 'not-json' });
  });

  it('the current load rejects with the FeedError; per-source credentials and timeout win over the defaults', async () => {
    const { fake, calls } = answering('', { status: 404, statusText: 'Not Found' });
    const loader = new FeedLoader({ fetch: fake, credentials: 'omit' });
    await expect(loader.load({ kind: 'url', url: '/x.json' })).rejects.toMatchObject({ kind: 'http', status: 404 });
    await expect(loader.load({ kind: 'url', url: '/x.json', credentials: 'include' })).rejects.toBeInstanceOf(FeedError);
    expect(calls.map((c) => c[1]!.credentials)).toEqual(['omit', 'include']);
    const slow = new FeedLoader({ fetch: hanging });
    await expect(slow.load({ kind: 'url', url: '/s.json', timeoutMs: 10 })).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('passes the size limit: per source, else the loader default; null (an attribute removed) is the default', async () => {
    const loader = new FeedLoader({ fetch: answering(FEED).fake, maxBytes: 10 });
    await expect(loader.load({ kind: 'url', url: '/f.json' })).rejects.toMatchObject({ kind: 'too-large' });
    expect((await loader.load({ kind: 'url', url: '/f.json', maxBytes: 1000 }))!.accounts).toHaveLength(1);
    const plain = new FeedLoader({ fetch: answering(FEED).fake });
    expect((await plain.load({ kind: 'url', url: '/f.json', maxBytes: null, timeoutMs: null }))!.accounts).toHaveLength(1);
  });
});
