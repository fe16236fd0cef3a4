/**
 * The package as an app's bundler sees it. For each entry that registers elements ("kam-widgets" and
 * every widget entry in package.json "exports"), a tiny app that only imports it, for its side effect, is
 * built against the package installed as a dependency (package.json plus the built dist/, resolved
 * through "exports", its "sideEffects" in force) and loaded in Chromium: the entry's tags must be
 * registered, zod must run jitless (its config call lives in a chunk the bundler could drop), and what the
 * page loads must be what the size report says of the entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { gzipSize, measureEntry } from '../../scripts/bundle-sizes.js';
import { buildApp, packageBench, root, serve, type PackageBench, watchProblems } from '../support/embed-harness.js';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, { types?: string; import: string }> };

/** "./pareto" -> "kam-pareto", for every export whose types are a component's define.d.ts. */
const widgetEntries = Object.entries(manifest.exports)
  .filter(([, target]) => typeof target === 'object' && /\/components\/[^/]+\/define\.d\.ts$/.test(target.types ?? ''))
  .map(([key]) => {
    const name = key.slice(2);
    return { specifier: `kam-widgets/${name}`, tags: [name.startsWith('kam-') ? name : `kam-${name}`] };
  });
const allTags = widgetEntries.flatMap((entry) => entry.tags).sort();
const entries = [{ specifier: 'kam-widgets', tags: allTags }, ...widgetEntries];

let bench: PackageBench;
let browser: Browser;
let work: string;
let packageDir: string;

beforeAll(async () => {
  bench = await packageBench('kam-package-');
  ({ browser, work, packageDir } = bench);
}, 120_000);

afterAll(() => bench?.close());

describe('the package in an app', () => {
  it('has an entry for every widget', () => {
    expect(allTags).toEqual(['kam-feed', 'kam-pareto', 'kam-quadrant', 'kam-red-flags', 'kam-scorecard', 'kam-tier-matrix']);
  });

  it('every element entry loads CSV reading and field maps on first use, and every widget entry the table view and the export writers too', async () => {
    const extras = /\/chunks\/(data-table|export-writers|csv|field-map)-/;
    for (const { specifier, tags } of widgetEntries) {
      const target = manifest.exports[`./${specifier.slice('kam-widgets/'.length)}`]!.import;
      const { initial, onFirstUse } = await measureEntry(join(packageDir, target));
      expect(initial.modules.filter((id) => extras.test(id) || /\/d3-dsv\//.test(id)), target).toEqual([]);
      const loadedLater = new Set(onFirstUse.modules.map((id) => extras.exec(id)?.[1]).filter(Boolean));
      expect(loadedLater, target).toEqual(new Set(tags[0] === 'kam-feed' ? ['csv', 'field-map'] : ['data-table', 'export-writers', 'csv', 'field-map']));
    }
  }, 60_000);

  for (const { specifier, tags } of entries) {
    it(`import '${specifier}' registers ${tags.join(', ')}, and the app ships what the size report measures of it`, async () => {
      const appDir = join(work, `app-${specifier.replace(/\W+/g, '-')}`);
      mkdirSync(appDir, { recursive: true });
      writeFileSync(join(appDir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title><script type="module" src="./main.js"></script></head><body></body></html>');
      writeFileSync(
        join(appDir, 'main.js'),
        `import '${specifier}';
window.registered = ${JSON.stringify(allTags)}.filter((tag) => customElements.get(tag));
window.jitless = globalThis.__zod_globalConfig?.jitless === true;`,
      );
      const { url, server } = await serve({ ...(await buildApp(appDir, packageDir)), '/favicon.ico': { body: '', type: 'image/x-icon' } });
      const page = await browser.newPage();
      const problems = watchProblems(page);
      const scripts: Promise<number>[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.push(response.body().then(gzipSize));
      });
      try {
        await page.goto(`${url}/index.html`, { waitUntil: 'networkidle' });
        // The size report's figure of the entry is what the app's bundler ships of it, within 3 % (the
        // app's own code and Vite's chunk loader on top; its chunks cut and compressed apart).
        const shipped = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
        const measured = (await measureEntry(join(packageDir, manifest.exports[specifier === 'kam-widgets' ? '.' : `./${specifier.slice('kam-widgets/'.length)}`]!.import))).initial.gzip;
        expect(Math.abs(shipped / measured - 1)).toBeLessThan(0.03);
        const result = await page.evaluate(() => ({ registered: (window as unknown as { registered: string[] }).registered, jitless: (window as unknown as { jitless: boolean }).jitless }));
        expect(result).toEqual({ registered: tags, jitless: true });
        expect(problems).toEqual([]);
      } finally {
        await page.close();
        server.close();
      }
    }, 60_000);
  }
});
