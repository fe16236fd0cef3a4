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
