/**
 * The demo dashboard (`npm start`), built as vite builds it, in headless Chromium: all four widgets on
 * one <kam-feed>, linked; at phone width nothing sticks out sideways; a CSV file chosen from disk and a
 * URL typed in both replace the feed on every widget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { launch, root, sampleFeedJson, serve, watchProblems, type Route } from '../support/embed-harness.js';

const TAGS = ['kam-scorecard', 'kam-pareto', 'kam-tier-matrix', 'kam-quadrant'];

/** Three accounts as a CRM would export them; hand-computed: Acme alone holds 800 of 1,000 = 80%. */
const CSV = 'id,name,revenue,effort,potential\na,Acme,800,40,900\nb,Bolt,150,10,600\nc,Cobalt,50,30,60\n';

async function demoRoutes(): Promise<Record<string, Route>> {
  const result = await build({ configFile: resolve(root, 'vite.config.ts'), mode: 'demo', logLevel: 'silent', build: { write: false, sourcemap: false } });
  const output = (Array.isArray(result) ? result[0]! : (result as Rollup.RollupOutput)).output;
  const type = (name: string) => (name.endsWith('.html') ? 'text/html' : name.endsWith('.css') ? 'text/css' : 'text/javascript');
  const routes: Record<string, Route> = {};
  for (const file of output) {
    const body = file.type === 'chunk' ? file.code : String(file.source);
    routes[`/${file.fileName}`] = { body, type: type(file.fileName) };
  }
  routes['/'] = routes['/index.html']!;
  routes['/sample-feed.json'] = { body: sampleFeedJson(), type: 'application/json' };
  // Ygg alone holds 90 of 100: one of two accounts reaches 80%.
  routes['/three.json'] = { body: JSON.stringify([{ id: 'x', name: 'Xeno', revenue: 10 }, { id: 'y', name: 'Ygg', revenue: 90 }]), type: 'application/json' };
  return routes;
}

/** The summary sentence of each widget, once all four are ready. */
const summaries = (page: Page) =>
  page.evaluate(async (tags) => {
    const els = tags.map((t) => document.querySelector(t) as HTMLElement & { updateComplete: Promise<unknown> });
    await Promise.all(els.map((el) => el.updateComplete));
    return els.map((el) => el.shadowRoot!.querySelector('[part~="summary"]')?.textContent?.trim() ?? '');
  }, TAGS);

describe('the demo dashboard', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    browser = await launch();
    ({ server, url } = await serve(await demoRoutes()));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('shows all four widgets on the sample feed, linked, without errors, and fits a phone screen', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    const problems = watchProblems(page);
    await page.goto(url, { waitUntil: 'networkidle' });
    const [scorecard, pareto, matrix, quadrant] = await summaries(page);
    expect(scorecard).toMatch(/^KPIs of all 250 accounts/);
    expect(pareto).toMatch(/^\d+ of 250 accounts \(\d+\.\d%\) produce 80% of revenue; in 2026-Q2: \d+ of \d+ \(\d+\.\d%\)\.$/);
    expect(matrix).toMatch(/^250 accounts: \d+ MVC/);
    expect(quadrant).toMatch(/of effort goes to \d+ over-served accounts/);
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // A selection made in the Pareto chart reaches the scorecard through the shared feed.
    await page.evaluate(() => ((document.querySelector('kam-feed') as unknown as { selection: string[] }).selection = ['ACC-00001']));
    await page.waitForFunction(() => document.querySelector('kam-scorecard')!.shadowRoot!.querySelector('[part~="summary"]')!.textContent!.includes('1 selected account'));
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('loads a CSV file chosen from disk, and a feed from a URL typed in', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(url, { waitUntil: 'networkidle' });
    await summaries(page);
    await page.setInputFiles('#feed-file', { name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.waitForFunction(() => document.querySelector('kam-pareto')!.shadowRoot!.querySelector('[part~="summary"]')?.textContent?.includes('of 3 accounts'));
    expect((await summaries(page))[1]).toBe('1 of 3 accounts (33.3%) produces 80% of revenue.');
    expect(await page.textContent('#feed-status')).toBe('Showing accounts.csv.');
    await page.fill('#feed-url', `${url}/three.json`);
    await page.click('#load-url button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('kam-pareto')!.shadowRoot!.querySelector('[part~="summary"]')?.textContent?.includes('of 2 accounts'));
    expect((await summaries(page))[1]).toBe('1 of 2 accounts (50.0%) produces 80% of revenue.');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});

// The demo's HTML names every widget the kit ships.
it('the demo page holds every widget', () => {
  const html = readFileSync(resolve(root, 'demo/index.html'), 'utf8');
  for (const tag of TAGS) expect(html).toContain(`<${tag} feed="portfolio"`);
});
