/**
 * Screenshots of the demo page (and any other local page) with headless Chromium, for the README and
 * for looking at what we built at several widths.
 *   npx tsx scripts/screenshot.ts                       -> docs/demo.png at 1280 px
 *   npx tsx scripts/screenshot.ts --widths 320,800,1600 --out /tmp/shots [--url http://127.0.0.1:5173/]
 *   npx tsx scripts/screenshot.ts --widths 360 --out /tmp/shots --selector kam-quadrant   (one element only)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { findBrowser } from './find-browser.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    widths: { type: 'string', default: '1280' },
    out: { type: 'string', default: 'docs' },
    name: { type: 'string', default: 'demo' },
    theme: { type: 'string' },
    full: { type: 'boolean', default: true },
    selector: { type: 'string' },
  },
});

const server = values.url ? undefined : await createServer({ logLevel: 'error', server: { port: 5199, strictPort: false } });
if (server) await server.listen();
const url = values.url ?? server!.resolvedUrls!.local[0]!;
const found = await findBrowser();
const browser = await chromium.launch({ executablePath: found.executablePath, args: found.args, headless: true });
mkdirSync(values.out!, { recursive: true });
try {
  for (const width of values.widths!.split(',').map(Number)) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    page.on('console', (m) => m.type() === 'error' && console.error(`[page] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await page.goto(url, { waitUntil: 'networkidle' });
    if (values.theme) await page.selectOption('#theme', values.theme).catch(() => {});
    await page.evaluate(async () => {
      const els = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('kam-'));
      await Promise.all(els.map((e) => (e as unknown as { updateComplete?: Promise<unknown> }).updateComplete));
    });
    await page.waitForTimeout(300);
    const file = join(values.out!, values.widths!.includes(',') ? `${values.name}-${width}.png` : `${values.name}.png`);
    if (values.selector) await page.locator(values.selector).first().screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: values.full });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server?.close();
}
