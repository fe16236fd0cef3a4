/**
 * Embedding path 2: the kit as ES modules in a bundled app, and in a React 19 app (properties, events and
 * the `data` property set from React). Each example under examples/ is built against the package as an
 * app installs it (package.json and the built dist/, resolved through "exports", with "sideEffects" in
 * force; lit, d3 and zod as the app's own dependencies) and loaded in Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildExample, packageBench, serve, type PackageBench, watchProblems } from '../support/embed-harness.js';

let bench: PackageBench;
let browser: Browser;
let work: string;
let packageDir: string;

beforeAll(async () => {
  bench = await packageBench('kam-examples-');
  ({ browser, work, packageDir } = bench);
}, 120_000);

afterAll(() => bench?.close());

async function open(example: string) {
  const routes = await buildExample(example, join(work, `app-${example}`), packageDir);
  const { url, server } = await serve({ ...routes, '/favicon.ico': { body: '', type: 'image/x-icon' } });
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.goto(`${url}/index.html`, { waitUntil: 'networkidle' });
  return { page, problems, close: async () => (await page.close(), server.close()) };
}

describe('examples built by an app bundler', () => {
  it('ES modules: elements register from the package entries and share a feed set from code', async () => {
    const { page, problems, close } = await open('esm');
    const result = await page.evaluate(async () => {
      const pareto = document.querySelector('kam-pareto') as HTMLElement & { updateComplete: Promise<unknown> };
      await pareto.updateComplete;
      return { summary: pareto.shadowRoot!.querySelector('[part~="summary"]')!.textContent, vitalFew: document.body.dataset.vitalFew };
    });
    // The accounts carry previousRevenue: the summary compares with the previous period too.
    expect(result).toEqual({ summary: '2 of 3 accounts (66.7%) produce 80% of revenue; in the previous period: 2 of 3 (66.7%).', vitalFew: '2' });
    expect(problems).toEqual([]);
    await close();
  }, 60_000);

  it('React 19: data and cutoff set as properties, kam-select heard through onkam-select', async () => {
    const { page, problems, close } = await open('react');
    await page.waitForFunction(() => document.querySelector('kam-pareto')?.shadowRoot?.querySelector('[part~="summary"]'));
    const summary = () => page.evaluate(() => document.querySelector('kam-pareto')!.shadowRoot!.querySelector('[part~="summary"]')!.textContent);
    expect(await summary()).toBe('2 of 4 accounts (50.0%) produce 80% of revenue.');
    await page.click('#cutoff');
    await page.waitForFunction(() => document.querySelector('kam-pareto')!.shadowRoot!.querySelector('[part~="summary"]')!.textContent!.includes('50%'));
    expect(await summary()).toBe('1 of 4 accounts (25.0%) produces 50% of revenue.');
    await page.evaluate(() => {
      const plot = document.querySelector('kam-pareto')!.shadowRoot!.querySelector<HTMLElement>('.plot')!;
      plot.focus();
      for (const key of ['ArrowRight', 'ArrowRight', 'Enter']) plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    });
    await page.waitForFunction(() => document.querySelector('#selected')!.textContent !== 'Selected: none');
    expect(await page.textContent('#selected')).toBe('Selected: Bolt');
    expect(problems).toEqual([]);
    await close();
  }, 60_000);
});
