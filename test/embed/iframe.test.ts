/**
 * Embedding path 3: the iframe embed page for CRM tabs that take only a URL. The frame and its parent
 * are on different origins, as in a CRM; the frame runs under the strict policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { STRICT_CSP, buildEmbedPage, buildScriptBundle, launch, sampleFeedJson, serve, watchProblems } from '../support/embed-harness.js';

/** A CRM export with its own column names, numbers in German: Acme alone holds 800,000 of 1,000,000. */
const crmExport = 'AccountId,Account Name,Annual Revenue\nA1,Acme,"800.000 €"\nB2,Bolt,"150.000 €"\nC3,Cobalt,"50.000 €"\n';

let browser: Browser;
let widgetHost: { url: string; server: Server };
let parentHost: { url: string; server: Server };

// A sibling frame on the parent's own origin: its messages carry the parent origin but do not come from the parent window.
const parentPage = (frameSrc: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM tab</title>
<script src="/parent.js"></script></head><body><iframe title="Pareto" src="${frameSrc}" width="700" height="300"></iframe>
<iframe title="Other tab content" src="/sibling.html" width="10" height="10"></iframe></body></html>`;
// Records every message the parent receives, with its origin.
const parentScript = `window.received = []; addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data }));`;

beforeAll(async () => {
  const [bundle, embed] = await Promise.all([buildScriptBundle(), buildEmbedPage()]);
  widgetHost = await serve(
    {
      '/embed.html': { body: embed['embed.html']!, type: 'text/html' },
      '/embed.css': { body: embed['embed.css']!, type: 'text/css' },
      '/embed.js': { body: embed['embed.js']!, type: 'text/javascript' },
      '/kam-widgets.js': { body: bundle, type: 'text/javascript' },
      '/feed.json': { body: sampleFeedJson(), type: 'application/json' },
      '/export.csv': { body: crmExport, type: 'text/csv; charset=utf-8' },
      '/favicon.ico': { body: '', type: 'image/x-icon' },
    },
    { 'content-security-policy': STRICT_CSP },
  );
  parentHost = await serve({});
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  widgetHost?.server.close();
  parentHost?.server.close();
});

/** Opens a parent page (on `parentUrl`'s origin) that frames embed.html with `query`. */
async function openParent(parentUrl: string, query: string): Promise<{ page: Page; frame: Frame; problems: string[] }> {
  const { server } = parentHost;
  const frameSrc = `${widgetHost.url}/embed.html?${query}`;
  server.removeAllListeners('request');
  server.on('request', (request, response) => {
    if (request.url?.startsWith('/parent.js')) response.writeHead(200, { 'content-type': 'text/javascript' }).end(parentScript);
    else if (request.url?.startsWith('/sibling.html')) response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>sibling</title>');
    else response.writeHead(200, { 'content-type': 'text/html' }).end(parentPage(frameSrc));
  });
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.goto(`${parentUrl}/tab.html`, { waitUntil: 'networkidle' });
  const frame = page.frames().find((f) => f.url().startsWith(widgetHost.url))!;
  await frame.waitForFunction(() => document.body.firstElementChild !== null);
  return { page, frame, problems };
}

const received = (page: Page) => page.evaluate(() => (window as unknown as { received: { origin: string; data: { type: string } }[] }).received);

describe('iframe embed page', () => {
  it('shows the widget from the query, reports height and selections to the named parent origin only', async () => {
    const parentOrigin = parentHost.url;
    const { page, frame, problems } = await openParent(parentOrigin, `widget=pareto&src=/feed.json&theme=dark&locale=de-DE&cutoff=0.7&parent-origin=${encodeURIComponent(parentOrigin)}`);
    const summary = await frame.evaluate(async () => {
      const el = document.querySelector('kam-pareto') as HTMLElement & { updateComplete: Promise<unknown> };
      await el.updateComplete;
      return [el.getAttribute('theme'), el.shadowRoot!.querySelector('[part~="summary"]')!.textContent];
    });
    expect(summary[0]).toBe('dark');
    expect(summary[1]).toMatch(/of 250 accounts \(\d+,\d\s%\) produce 70\s% of revenue\.$/);
    await page.waitForFunction(() => (window as unknown as { received: { data: { type: string } }[] }).received.some((m) => m.data.type === 'kam-embed-height'));

    await frame.evaluate(async () => {
      const el = document.querySelector('kam-pareto')!;
      const plot = el.shadowRoot!.querySelector<HTMLElement>('.plot')!;
      plot.focus();
      for (const key of ['ArrowRight', 'Enter']) plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    });
    await page.waitForFunction(() => (window as unknown as { received: { data: { type: string } }[] }).received.some((m) => m.data.type === 'kam-embed-select'));
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

  it('sends nothing to, and takes nothing from, a parent on another origin', async () => {
    // The page is served from localhost, but the frame was told its parent is 127.0.0.1: a different origin.
    const otherOrigin = parentHost.url.replace('127.0.0.1', 'localhost');
    const { page, frame } = await openParent(otherOrigin, `widget=pareto&src=/feed.json&parent-origin=${encodeURIComponent(parentHost.url)}`);
    await frame.evaluate(async () => (document.querySelector('kam-pareto') as unknown as { updateComplete: Promise<unknown> }).updateComplete);
    await page.evaluate(() => document.querySelector('iframe')!.contentWindow!.postMessage({ type: 'kam-set-selection', ids: ['acc-0001'] }, '*'));
    await page.waitForTimeout(300);
    expect(await received(page)).toEqual([]);
    expect(await frame.evaluate(() => (document.querySelector('kam-pareto') as unknown as { selection: string[] }).selection)).toEqual([]);
    await page.close();
  });

  it('ignores a message from another window on the parent origin (a sibling frame), takes one from the parent', async () => {
    const parentOrigin = parentHost.url;
    const { page, frame } = await openParent(parentOrigin, `widget=pareto&src=/feed.json&parent-origin=${encodeURIComponent(parentOrigin)}`);
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
      return [el.getAttribute("field-map"), el.shadowRoot!.querySelector('[part~="summary"]')?.textContent ?? el.shadowRoot!.textContent];
    });
    expect(summary[0]).toBe(fieldMap);
    expect(summary[1]).toMatch(/^1 of 3 accounts \(33,3\s%\) produces 80\s% of revenue\.$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('tells the parent when the feed cannot be loaded (kam-embed-error)', async () => {
    const parentOrigin = parentHost.url;
    const { page, frame } = await openParent(parentOrigin, `widget=pareto&src=/missing.json&parent-origin=${encodeURIComponent(parentOrigin)}`);
    await page.waitForFunction(() => (window as unknown as { received: { data: { type: string } }[] }).received.some((m) => m.data.type === 'kam-embed-error'));
    const error = (await received(page)).find((m) => m.data.type === 'kam-embed-error')!;
    expect(error.origin).toBe(widgetHost.url);
    expect(error.data).toEqual({
      type: 'kam-embed-error',
      widget: 'pareto',
      message: `Could not load ${widgetHost.url}/missing.json: the server answered 404 Not Found. Check the src URL.`,
    });
    expect(await frame.locator('kam-pareto').evaluate((el) => el.shadowRoot!.querySelector('[role=alert]')!.textContent)).toContain('404 Not Found');
    await page.close();
  });

  it('tells the parent about a src it refuses (kam-embed-error), as well as showing it', async () => {
    const parentOrigin = parentHost.url;
    const { page, frame } = await openParent(parentOrigin, `widget=pareto&src=javascript:alert(1)&parent-origin=${encodeURIComponent(parentOrigin)}`);
    expect(await frame.locator('[role="alert"]').textContent()).toContain('src must be an http or https URL; "javascript:" URLs are not loaded.');
    await page.waitForFunction(() => (window as unknown as { received: { data: { type: string } }[] }).received.some((m) => m.data.type === 'kam-embed-error'));
    expect((await received(page)).map((m) => m.data)).toEqual([
      { type: 'kam-embed-error', widget: 'pareto', message: 'src must be an http or https URL; "javascript:" URLs are not loaded.' },
    ]);
    await page.close();
  });

  for (const [query, message] of [
    ['widget=radar', 'widget "radar" is not one of the kit\'s widgets; use widget=pareto, widget=tier-matrix, widget=scorecard, widget=quadrant.'],
    ['widget=pareto&src=javascript:alert(1)', 'src must be an http or https URL; "javascript:" URLs are not loaded.'],
    ['widget=pareto&src=/feed.json&colour=red', 'Unknown parameter "colour" for widget=pareto. Known: '],
    ['widget=pareto&src=/feed.json&parent-origin=*', 'parent-origin "*" is not an origin; write it like https://crm.example.com.'],
  ] as const) {
    it(`explains a bad query in the frame: ${query}`, async () => {
      const { page, frame } = await openParent(parentHost.url, query);
      expect(await frame.locator('[role="alert"]').textContent()).toContain(message);
      await page.close();
    });
  }
});
