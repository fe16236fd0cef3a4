/**
 * Embedding path 3: the iframe embed page for CRM tabs that take only a URL. The frame and its parent
 * are on different origins, as in a CRM; the frame runs under the strict policy, and what it allows is
 * set by its deployer in embed.config.json (or built into embed.js), never by the URL.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { STRICT_CSP, buildEmbedPage, buildScriptBundle, launch, sampleFeedJson, serve, watchProblems, type Route } from '../support/embed-harness.js';

/** A CRM export with its own column names, numbers in German: Acme alone holds 800,000 of 1,000,000. */
const crmExport = 'AccountId,Account Name,Annual Revenue\nA1,Acme,"800.000 €"\nB2,Bolt,"150.000 €"\nC3,Cobalt,"50.000 €"\n';
/** What an endpoint behind the user's cookies may answer: none of it may reach the parent. */
const SECRET = 'csrf-7f3a9c1e';

let browser: Browser;
let bundle: string;
let widgetHost: { url: string; server: Server };
let parentHost: { url: string; server: Server };
/** The widget host's routes; tests change its embed.config.json. */
const widgetRoutes: Record<string, Route> = {};
/** Paths requested from each host since the test began. */
let widgetRequests: string[] = [];
let parentRequests: string[] = [];

// A sibling frame on the parent's own origin: its messages carry the parent origin but do not come from the parent window.
const parentPage = (frameSrc: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM tab</title>
<script src="/parent.js"></script></head><body><iframe title="Pareto" src="${frameSrc}" width="700" height="300"></iframe>
<iframe title="Other tab content" src="/sibling.html" width="10" height="10"></iframe></body></html>`;
// Records every message the parent receives, with its origin.
const parentScript = `window.received = []; addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data }));`;

/** The embed page's files and what it loads, on one host. */
function embedRoutes(embed: Record<string, string>): Record<string, Route> {
  return {
    '/embed.html': { body: embed['embed.html']!, type: 'text/html' },
    '/embed.css': { body: embed['embed.css']!, type: 'text/css' },
    '/embed.js': { body: embed['embed.js']!, type: 'text/javascript' },
    '/kam-widgets.js': { body: bundle, type: 'text/javascript' },
    '/feed.json': { body: sampleFeedJson(), type: 'application/json' },
    '/favicon.ico': { body: '', type: 'image/x-icon' },
  };
}

function useConfig(config: unknown): void {
  if (config === undefined) delete widgetRoutes['/embed.config.json'];
  else widgetRoutes['/embed.config.json'] = { body: typeof config === 'string' ? config : JSON.stringify(config), type: 'application/json' };
}

beforeAll(async () => {
  let embed: Record<string, string>;
  [bundle, embed] = await Promise.all([buildScriptBundle(), buildEmbedPage()]);
  Object.assign(widgetRoutes, embedRoutes(embed), {
    '/export.csv': { body: crmExport, type: 'text/csv; charset=utf-8' },
    '/token.html': { body: `<!doctype html><html><body><form><input name="csrf" value="${SECRET}"></form></body></html>`, type: 'text/html' },
    '/leaky.json': { body: JSON.stringify({ version: SECRET, accounts: [] }), type: 'application/json' },
  });
  widgetHost = await serve(widgetRoutes, { 'content-security-policy': STRICT_CSP });
  widgetHost.server.on('request', (request) => widgetRequests.push(request.url ?? ''));
  parentHost = await serve({});
  browser = await launch();
}, 120_000);

beforeEach(() => {
  useConfig({ parentOrigins: [parentHost.url], srcOrigins: [widgetHost.url] });
  widgetRequests = [];
  parentRequests = [];
});

afterAll(async () => {
  await browser?.close();
  widgetHost?.server.close();
  parentHost?.server.close();
});

/** Opens a parent page (on `parentUrl`'s origin) that frames embed.html, from `frameHost`, with `query`. */
async function openParent(parentUrl: string, query: string, frameHost = widgetHost.url): Promise<{ page: Page; frame: Frame; problems: string[] }> {
  const { server } = parentHost;
  const frameSrc = `${frameHost}/embed.html?${query}`;
  server.removeAllListeners('request');
  server.on('request', (request, response) => {
    parentRequests.push(request.url ?? '');
    if (request.url?.startsWith('/parent.js')) response.writeHead(200, { 'content-type': 'text/javascript' }).end(parentScript);
    else if (request.url?.startsWith('/sibling.html')) response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>sibling</title>');
    else if (request.url?.startsWith('/tab.html')) response.writeHead(200, { 'content-type': 'text/html' }).end(parentPage(frameSrc));
    else response.writeHead(200, { 'content-type': 'application/json' }).end(sampleFeedJson());
  });
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.goto(`${parentUrl}/tab.html`, { waitUntil: 'networkidle' });
  const frame = page.frames().find((f) => f.url().startsWith(frameHost))!;
  await frame.waitForFunction(() => document.body.firstElementChild !== null);
  return { page, frame, problems };
}

type Received = { origin: string; data: { type: string } & Record<string, unknown> }[];
const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received }).received);
const receivedOfType = (page: Page, type: string) =>
  page.waitForFunction((t) => (window as unknown as { received: Received }).received.some((m) => m.data.type === t), type);
const alertText = (frame: Frame) => frame.locator('[role="alert"]').textContent();

describe('iframe embed page', () => {
  it('shows the widget from the query, reports height and selections to its parent on an allowed origin', async () => {
    const { page, frame, problems } = await openParent(parentHost.url, `widget=pareto&src=/feed.json&theme=dark&locale=de-DE&cutoff=0.7`);
    const summary = await frame.evaluate(async () => {
      const el = document.querySelector('kam-pareto') as HTMLElement & { updateComplete: Promise<unknown> };
      await el.updateComplete;
      return [el.getAttribute('theme'), el.shadowRoot!.querySelector('[part~="summary"]')!.textContent];
    });
    expect(summary[0]).toBe('dark');
    expect(summary[1]).toMatch(/of 250 accounts \(\d+,\d\s%\) produce 70\s% of revenue; in 2026-Q2: \d+ of \d+ \(\d+,\d\s%\)\.$/);
    await receivedOfType(page, 'kam-embed-height');

    await frame.evaluate(async () => {
      const el = document.querySelector('kam-pareto')!;
      const plot = el.shadowRoot!.querySelector<HTMLElement>('.plot')!;
      plot.focus();
      for (const key of ['ArrowRight', 'Enter']) plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    });
    await receivedOfType(page, 'kam-embed-select');
    const messages = await received(page);
    expect(messages.every((m) => m.origin === widgetHost.url)).toBe(true);
    const height = messages.find((m) => m.data.type === 'kam-embed-height')!.data as unknown as { widget: string; height: number };
    expect(height.widget).toBe('pareto');
    expect(height.height).toBeGreaterThan(200);
    expect((messages.find((m) => m.data.type === 'kam-embed-select')!.data as unknown as { ids: string[] }).ids).toHaveLength(1);

    // The parent may set the selection.
    await page.evaluate((origin) => document.querySelector('iframe')!.contentWindow!.postMessage({ type: 'kam-set-selection', ids: ['acc-0001', 'acc-0002'] }, origin), widgetHost.url);
    await frame.waitForFunction(() => (document.querySelector('kam-pareto') as unknown as { selection: string[] }).selection.length === 2);
    expect(await frame.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('refuses a page on an origin the config does not list: it receives nothing, and no feed is loaded', async () => {
    // The config lists http://127.0.0.1:port; the same server reached as localhost is another origin.
    const otherOrigin = parentHost.url.replace('127.0.0.1', 'localhost');
    const { page, frame } = await openParent(otherOrigin, 'widget=pareto&src=/feed.json');
    expect(await alertText(frame)).toBe(`This embedded widget cannot be shown. A page on ${otherOrigin} may not embed it: embed.config.json lists the pages that may (parentOrigins).`);
    expect(await frame.locator('kam-pareto').count()).toBe(0);
    await page.evaluate(() => document.querySelector('iframe')!.contentWindow!.postMessage({ type: 'kam-set-selection', ids: ['acc-0001'] }, '*'));
    await page.waitForTimeout(300);
    expect(await received(page)).toEqual([]);
    expect(widgetRequests.filter((path) => path.startsWith('/feed.json'))).toEqual([]);
    await page.close();
  });

  it('ignores a message from another window on the parent origin (a sibling frame), takes one from the parent', async () => {
    const { page, frame } = await openParent(parentHost.url, 'widget=pareto&src=/feed.json');
    await frame.evaluate(async () => (document.querySelector('kam-pareto') as unknown as { updateComplete: Promise<unknown> }).updateComplete);
    const sibling = page.frames().find((f) => f.url().endsWith('/sibling.html'))!;
    await sibling.evaluate((origin) => window.parent.frames[0]!.postMessage({ type: 'kam-set-selection', ids: ['acc-0001'] }, origin), widgetHost.url);
    await page.waitForTimeout(300);
    const selection = () => frame.evaluate(() => (document.querySelector('kam-pareto') as unknown as { selection: string[] }).selection);
    expect(await selection()).toEqual([]);
    await page.evaluate((origin) => document.querySelector('iframe')!.contentWindow!.postMessage({ type: 'kam-set-selection', ids: ['acc-0002'] }, origin), widgetHost.url);
    await frame.waitForFunction(() => (document.querySelector('kam-pareto') as unknown as { selection: string[] }).selection.length === 1);
    expect(await selection()).toEqual(['acc-0002']);
    await page.close();
  });

  it('reads a CSV export through field-map, locale and currency from the query', async () => {
    const fieldMap = 'id=AccountId,name=Account Name,revenue=Annual Revenue';
    const { page, frame, problems } = await openParent(parentHost.url, `widget=pareto&src=/export.csv&locale=de-DE&currency=EUR&field-map=${encodeURIComponent(fieldMap)}`);
    const summary = await frame.evaluate(async () => {
      const el = document.querySelector('kam-pareto') as HTMLElement & { updateComplete: Promise<unknown> };
      await el.updateComplete;
      return [el.getAttribute('field-map'), el.shadowRoot!.querySelector('[part~="summary"]')?.textContent ?? el.shadowRoot!.textContent];
    });
    expect(summary[0]).toBe(fieldMap);
    expect(summary[1]).toMatch(/^1 of 3 accounts \(33,3\s%\) produces 80\s% of revenue\.$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('tells the parent the kind and HTTP status of a load error, never the response text (the frame shows more)', async () => {
    const cases = [
      { src: '/missing.json', posted: { kind: 'http', status: 404 }, shown: 'the server answered 404 Not Found' },
      { src: '/token.html', posted: { kind: 'not-json' }, shown: 'the response is not JSON' },
      { src: '/leaky.json', posted: { kind: 'invalid' }, shown: 'version: expected 1 (the only feed version)' },
    ];
    for (const { src, posted, shown } of cases) {
      const { page, frame } = await openParent(parentHost.url, `widget=pareto&src=${src}`);
      await receivedOfType(page, 'kam-embed-error');
      const messages = await received(page);
      expect(messages.filter((m) => m.data.type === 'kam-embed-error')).toEqual([{ origin: widgetHost.url, data: { type: 'kam-embed-error', widget: 'pareto', ...posted } }]);
      expect(JSON.stringify(messages)).not.toContain(SECRET);
      expect(await frame.locator('kam-pareto').evaluate((el) => el.shadowRoot!.querySelector('[role=alert]')!.textContent)).toContain(shown);
      await page.close();
    }
  }, 30_000);

  it('loads src only from an origin the config lists, and tells the parent no more than that', async () => {
    const elsewhere = `${parentHost.url}/accounts.json`;
    const { page, frame } = await openParent(parentHost.url, `widget=pareto&src=${encodeURIComponent(elsewhere)}`);
    expect(await alertText(frame)).toBe(
      `This embedded widget cannot be shown. src on ${parentHost.url} is not loaded: embed.config.json allows feeds from ${widgetHost.url} (srcOrigins).`,
    );
    await receivedOfType(page, 'kam-embed-error');
    expect((await received(page)).map((m) => m.data)).toEqual([{ type: 'kam-embed-error', widget: 'pareto', kind: 'src-not-allowed' }]);
    expect(parentRequests.filter((path) => path.startsWith('/accounts.json'))).toEqual([]);
    await page.close();
  });

  it('takes the credentials mode from the config; the URL cannot set it', async () => {
    useConfig({ parentOrigins: [parentHost.url], srcOrigins: [widgetHost.url], credentials: 'include' });
    const configured = await openParent(parentHost.url, 'widget=pareto&src=/feed.json');
    expect(await configured.frame.evaluate(() => (document.querySelector('kam-pareto') as unknown as { credentials: string }).credentials)).toBe('include');
    await configured.page.close();

    useConfig({ parentOrigins: [parentHost.url], srcOrigins: [widgetHost.url] });
    const { page, frame } = await openParent(parentHost.url, 'widget=pareto&src=/feed.json&credentials=include');
    expect(await alertText(frame)).toBe('This embedded widget cannot be shown. credentials cannot be set in the URL: whoever deploys embed.html sets it in embed.config.json.');
    await receivedOfType(page, 'kam-embed-error');
    expect((await received(page)).map((m) => m.data)).toEqual([{ type: 'kam-embed-error', widget: 'pareto', kind: 'query' }]);
    await page.close();
  }, 30_000);

  for (const [config, message] of [
    [undefined, 'embed.config.json is missing next to embed.html (the server answered 404): whoever deploys this page lists there the pages that may embed it.'],
    ['{ parentOrigins: [] }', 'embed.config.json is not JSON.'],
    [{ parentOrigins: ['*'], srcOrigins: ['https://crm.example.com'] }, 'embed.config.json: parentOrigins entry "*" is not an origin; write it like https://crm.example.com (scheme, host and port only).'],
  ] as const) {
    it(`without a usable config, shows why and tells no one: ${JSON.stringify(config) ?? 'no file'}`, async () => {
      useConfig(config);
      const { page, frame } = await openParent(parentHost.url, 'widget=pareto&src=/feed.json');
      expect(await alertText(frame)).toBe(`This embedded widget cannot be shown. ${message}`);
      await page.waitForTimeout(300);
      expect(await received(page)).toEqual([]);
      expect(widgetRequests.filter((path) => path.startsWith('/feed.json'))).toEqual([]);
      await page.close();
    });
  }

  it('with the config built into embed.js (KAM_EMBED_CONFIG), reads no embed.config.json', async () => {
    const routes: Record<string, Route> = {};
    const builtHost = await serve(routes, { 'content-security-policy': STRICT_CSP });
    const requests: string[] = [];
    builtHost.server.on('request', (request) => requests.push(request.url ?? ''));
    try {
      Object.assign(routes, embedRoutes(await buildEmbedPage({ parentOrigins: [parentHost.url], srcOrigins: [builtHost.url] })));
      const { page, frame, problems } = await openParent(parentHost.url, 'widget=pareto&src=/feed.json', builtHost.url);
      const summary = await frame.evaluate(async () => {
        const el = document.querySelector('kam-pareto') as HTMLElement & { updateComplete: Promise<unknown> };
        await el.updateComplete;
        return el.shadowRoot!.querySelector('[part~="summary"]')!.textContent;
      });
      expect(summary).toMatch(/of 250 accounts/);
      await receivedOfType(page, 'kam-embed-height');
      expect(requests.filter((path) => path.startsWith('/embed.config.json'))).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      builtHost.server.close();
    }
  }, 30_000);

  for (const [query, message] of [
    ['widget=radar', 'widget "radar" is not one of the kit\'s widgets; use widget=pareto, widget=tier-matrix, widget=scorecard, widget=quadrant, widget=red-flags.'],
    ['widget=constructor', 'widget "constructor" is not one of the kit\'s widgets; use widget=pareto, widget=tier-matrix, widget=scorecard, widget=quadrant, widget=red-flags.'],
    ['widget=pareto&src=javascript:alert(1)', 'src must be an http or https URL; "javascript:" URLs are not loaded.'],
    ['widget=pareto&src=/feed.json&colour=red', 'Unknown parameter "colour" for widget=pareto. Known: '],
    ['widget=pareto&src=/feed.json&parent-origin=*', 'parent-origin cannot be set in the URL: the pages that may embed this one are listed in embed.config.json (parentOrigins).'],
    ['widget=pareto&feed=portfolio', 'The feed parameter cannot be used in an embed frame: there is no <kam-feed> in it. Use src.'],
  ] as const) {
    it(`explains a bad query in the frame, and tells the parent its kind: ${query}`, async () => {
      const { page, frame } = await openParent(parentHost.url, query);
      expect(await alertText(frame)).toContain(message);
      await receivedOfType(page, 'kam-embed-error');
      expect((await received(page)).map((m) => m.data.kind)).toEqual(['query']);
      await page.close();
    });
  }
});
