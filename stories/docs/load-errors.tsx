/**
 * The messages of each kind of loading error, produced by the kit's own fetchFeed against stand-in
 * servers (a `fetch` that answers 404, a web page, a document that is not a feed, more than the size
 * limit, a refused connection, or nothing at all), so the table on "The feed" page shows what a user
 * reads, word for word.
 */
import { useEffect, useState } from 'react';
import { FeedError, fetchFeed } from '../../src/feed/index.js';
import { DocTable } from './doc-table.js';

interface Case {
  kind: string;
  when: string;
  url: string;
  fetch: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

const answer = (body: string, init: ResponseInit = {}) => (async () => new Response(body, init)) as typeof fetch;

const CASES: readonly Case[] = [
  { kind: 'invalid', when: 'JSON, but not a feed', url: '/f.json', fetch: answer('{ "version": 2, "accounts": [] }') },
  {
    kind: 'not-json',
    when: 'the text is not JSON (often a web page: a wrong src, or a login page)',
    url: '/dashboard',
    fetch: answer('<!DOCTYPE html><html><body>Sign in</body></html>', { headers: { 'content-type': 'text/html' } }),
  },
  { kind: 'http', when: 'a status outside 200-299 (here 404)', url: '/api/accounts.json', fetch: answer('', { status: 404, statusText: 'Not Found' }) },
  { kind: 'http', when: 'a server error (here 503)', url: '/api/accounts.json', fetch: answer('', { status: 503, statusText: 'Service Unavailable' }) },
  { kind: 'http', when: 'not signed in or not allowed (here 401)', url: '/api/accounts.json', fetch: answer('', { status: 401, statusText: 'Unauthorized' }) },
  {
    kind: 'network',
    when: 'the request failed (offline, DNS, CORS, refused)',
    url: '/f.json',
    fetch: (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch,
  },
  {
    kind: 'too-large',
    when: 'the response passes the size limit (the max-bytes attribute: here 1 KB, 50 MB by default); reading stops there',
    url: '/export.json',
    maxBytes: 1000,
    fetch: answer(' '.repeat(2000)),
  },
  {
    kind: 'timeout',
    when: 'no answer within the time limit (the timeout attribute: here 200 ms, 15 s by default)',
    url: '/api/accounts.json',
    timeoutMs: 200,
    fetch: (() => new Promise<Response>(() => {})) as typeof fetch,
  },
];

interface Row {
  key: string;
  kind: string;
  when: string;
  message: string;
  retry: boolean;
}

async function messageOf(c: Case): Promise<Row> {
  const key = `${c.kind}: ${c.when}`;
  try {
    await fetchFeed(c.url, { fetch: c.fetch, ...(c.timeoutMs ? { timeoutMs: c.timeoutMs } : {}), ...(c.maxBytes ? { maxBytes: c.maxBytes } : {}) });
    return { key, kind: c.kind, when: c.when, message: '(no error: the stand-in server should have failed)', retry: false };
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    return { key, kind: error.kind, when: c.when, message: error.message, retry: error.retryable };
  }
}

export function LoadErrorTable() {
  const [rows, setRows] = useState<Row[]>();
  useEffect(() => {
    let live = true;
    void Promise.all(CASES.map(messageOf)).then((result) => live && setRows(result));
    return () => {
      live = false;
    };
  }, []);
  if (!rows) return <p>Running fetchFeed against the stand-in servers…</p>;
  return (
    <DocTable
      rowKey={(row) => row.key}
      columns={[
        { label: 'kind', cell: (row) => <code>{row.kind}</code> },
        { label: 'When', cell: (row) => row.when },
        { label: 'Message (from fetchFeed)', cell: (row) => row.message },
        { label: 'Retry offered', cell: (row) => (row.retry ? 'yes' : 'no') },
      ]}
      rows={rows}
    />
  );
}
