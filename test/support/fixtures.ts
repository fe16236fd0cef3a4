import { vi } from 'vitest';

/** Small hand-made feeds for browser tests. */
export const threeAccounts = {
  version: 1,
  currency: 'EUR',
  accounts: [
    { id: 'a', name: 'Acme', revenue: 1_000_000 },
    { id: 'b', name: 'Bolt & Sons', revenue: 200_000 },
    { id: 'c', name: 'Cobalt', revenue: 50_000 },
  ],
};

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init });
}

/**
 * Stubs fetch with requests that stay pending until `respond(body)` answers the latest one with that JSON,
 * so a test can look at the loading state. Undo with vi.unstubAllGlobals().
 */
export function holdFetch() {
  let answer: ((response: Response) => void) | undefined;
  const fetchMock = vi.fn((_url: string, _init?: RequestInit) => new Promise<Response>((resolve) => (answer = resolve)));
  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    respond(body: unknown) {
      if (!answer) throw new Error('holdFetch: nothing was fetched yet');
      answer(jsonResponse(body));
    },
  };
}

/**
 * A new element with `src` set, appended to the body and not awaited: not fixture(), which awaits
 * updateComplete, and that resolves only once the data is shown.
 */
export function appendWithSrc<K extends keyof HTMLElementTagNameMap>(tag: K, src: string, setup?: (el: HTMLElementTagNameMap[K]) => void): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setup?.(el);
  (el as HTMLElement & { src?: string }).src = src;
  document.body.append(el);
  return el;
}
