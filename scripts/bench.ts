/**
 * `npm run bench`: speed of the widgets in real headless Chromium, next to Chart.js drawing the same
 * chart in the same run. Builds bench/ in production mode (no Lit dev mode), serves it, and prints the
 * median (and min/max) of several runs per case, with the ratio Chart.js / kam-widgets.
 *   npx tsx scripts/bench.ts [--runs 7] [--sizes 1000,10000,100000]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { findBrowser } from './find-browser.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, sizes: { type: 'string', default: '1000,10000,100000' } } });
const runs = Number(values.runs);
const sizes = values.sizes!.split(',').map(Number);
const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'node_modules/.cache/kam-bench');

await build({ configFile: false, root: resolve(root, 'bench'), logLevel: 'error', build: { outDir, emptyOutDir: true, target: 'es2022' } });
const server = await preview({ configFile: false, root: resolve(root, 'bench'), logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 4199 } });
const url = server.resolvedUrls!.local[0]!;
const found = await findBrowser();
const browser = await chromium.launch({ executablePath: found.executablePath, args: found.args, headless: true });

/** What bench/bench-page.ts puts on window. */
interface BenchApi {
  [name: string]: (...args: unknown[]) => Promise<number>;
}
declare const window: { bench: BenchApi };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;

try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1100 } });
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  await page.goto(url, { waitUntil: 'networkidle' });
  console.log(`Chromium ${browser.version()} (${found.source}), ${runs} runs per case, median [min-max]\n`);
  console.log('Pareto chart, from data to painted:');
  for (const size of sizes) {
    await page.evaluate((n) => window.bench.feedOf!(n), size);
    const sample = async (fn: string, ...args: unknown[]) => {
      const times: number[] = [];
      for (let i = 0; i < runs + 1; i++) {
        const t = await page.evaluate(([f, a]) => window.bench[f as string]!(...(a as unknown[])), [fn, args] as const);
        if (i > 0) times.push(t as number); // the first run warms up the JIT
      }
      return times;
    };
    const validated = await sample('kamPareto', size, true);
    const raw = await sample('kamPareto', size, false);
    const hover = await sample('kamHover');
    const chartjs = await sample('chartJs', size);
    const line = (label: string, xs: number[]) => `  ${label.padEnd(44)}${fmt(median(xs))} [${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}]`;
    console.log(`\n ${size.toLocaleString('en-US')} accounts`);
    console.log(line('kam-pareto, validated feed (as from <kam-feed>)', validated));
    console.log(line('kam-pareto, raw JSON accounts (validates too)', raw));
    console.log(line('Chart.js 4, same chart (sort + cumulative + draw)', chartjs));
    console.log(line('kam-pareto hover -> tooltip painted', hover));
    console.log(`  ratio Chart.js / kam-pareto (validated feed): ${(median(chartjs) / median(validated)).toFixed(1)}x; (raw): ${(median(chartjs) / median(raw)).toFixed(1)}x`);
  }
  const update1k: number[] = [];
  await page.evaluate(() => window.bench.kamPareto!(1000, true));
  for (let i = 0; i < runs; i++) update1k.push(await page.evaluate(() => window.bench.kamUpdateOnly!(1000)));
  console.log(`\n kam-pareto update for 1,000 accounts (data set to DOM updated, no paint wait): median ${median(update1k).toFixed(1)} ms (one frame = 16.7 ms)`);
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
