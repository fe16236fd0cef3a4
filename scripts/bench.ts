/**
 * `npm run bench`: speed of the widgets in real headless Chromium, next to Chart.js drawing the same
 * chart (or its nearest equivalent, see bench/chartjs.ts) in the same run. Builds bench/ in production
 * mode (no Lit dev mode), serves it, drives bench/bench-page.ts through playwright-core, and prints per
 * case the median time to painted [min-max] of several runs (after one warm-up run), the medians of its
 * parts (script, layout, paint; see bench/frame.ts), the ratios Chart.js / kam-widgets, and whether the
 * issues' requirements are met. Suites: pareto, tier-matrix, quadrant (1,000 / 10,000 / 100,000
 * accounts: first paint from a validated feed and from the raw accounts, hover; for pareto also
 * parseFeed alone on the raw accounts), scorecard and red-flags (1,000 / 100,000: first paint from a
 * validated feed and from the raw accounts), dashboard (a <kam-feed> with the four widgets above red-flags
 * linked: first paint, then selection changes).
 * The full run takes about 2 minutes on a 2-core machine; --only picks suites.
 *
 *   npm run bench -- [--only pareto,tier-matrix,quadrant,scorecard,red-flags,dashboard] [--runs 5]
 *                    [--sizes 1000,10000,100000] [--dashboard-size 10000] [--skip-chartjs] [--trace trace.json]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { BenchApi, FeedInput, HoverWidget, Sample, SelectHow, WidgetName } from '../bench/api.js';
import { findBrowser } from './find-browser.js';

const SUITES = ['pareto', 'tier-matrix', 'quadrant', 'scorecard', 'red-flags', 'dashboard'] as const;
type Suite = (typeof SUITES)[number];

const DEFAULT_SIZES: Record<WidgetName, readonly number[]> = {
  pareto: [1000, 10000, 100000],
  'tier-matrix': [1000, 10000, 100000],
  quadrant: [1000, 10000, 100000],
  scorecard: [1000, 100000],
  'red-flags': [1000, 100000],
};

const USAGE = `Usage: npm run bench -- [options]
  --only LIST            suites to run, comma-separated: ${SUITES.join(', ')} (default: all)
  --runs N               timed runs per case, after one warm-up run (default 5; no warm-up for runs over 1 s)
  --sizes LIST           account counts for the widget suites (default: 1000,10000,100000; scorecard, red-flags 1000,100000)
  --dashboard-size N     accounts on the linked dashboard (default 10000)
  --skip-chartjs         leave out the Chart.js comparison (faster; no ratios)
  --trace FILE           write a Chromium trace of the whole run (open it in chrome://tracing or Perfetto)
  --help                 this text`;

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string' },
    'dashboard-size': { type: 'string', default: '10000' },
    'skip-chartjs': { type: 'boolean', default: false },
    trace: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function counts(text: string, option: string): number[] {
  const list = text.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 1)) fail(`--${option} takes whole numbers >= 1, comma-separated; got "${text}".`);
  return list;
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SUITES];
const unknown = only.filter((s) => !(SUITES as readonly string[]).includes(s));
if (unknown.length) fail(`Unknown suite ${unknown.join(', ')}.`);
const suites = SUITES.filter((s) => only.includes(s));
const [runs] = counts(values.runs, 'runs') as [number];
const sizesOverride = values.sizes ? counts(values.sizes, 'sizes') : undefined;
const [dashboardSize] = counts(values['dashboard-size'], 'dashboard-size') as [number];
const withChartJs = !values['skip-chartjs'];

// ---- statistics and printing ------------------------------------------------------------------------

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/** Script + layout + paint: the work of a run without the wait for the frame. */
const work = (s: Sample) => s.script + s.layout + s.paint;

interface Stats {
  total: number;
  min: number;
  max: number;
  script: number;
  layout: number;
  paint: number;
  work: number;
}

function stats(samples: readonly Sample[]): Stats {
  const totals = samples.map((s) => s.total);
  return {
    total: median(totals),
    min: Math.min(...totals),
    max: Math.max(...totals),
    script: median(samples.map((s) => s.script)),
    layout: median(samples.map((s) => s.layout)),
    paint: median(samples.map((s) => s.paint)),
    work: median(samples.map(work)),
  };
}

const LABEL = 58;
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const count = (n: number) => n.toLocaleString('en-US');
const ratio = (chartJs: Stats | undefined, kam: Stats | undefined) => (chartJs && kam ? `${(chartJs.total / kam.total).toFixed(1)}x` : 'n/a');

function header(title: string, compared?: string): void {
  console.log(`\n${title}`);
  if (compared) console.log(`  (Chart.js 4: ${compared})`);
  console.log(`${''.padEnd(LABEL + 2)}${'to painted'.padStart(9)}  ${'[min-max]'.padEnd(15)}${'script'.padStart(7)}${'layout'.padStart(8)}${'paint'.padStart(7)}`);
}

function line(label: string, s: Stats): void {
  const range = `[${ms(s.min)}-${ms(s.max)}]`;
  console.log(`  ${label.padEnd(LABEL)}${`${ms(s.total)} ms`.padStart(9)}  ${range.padEnd(15)}${ms(s.script).padStart(7)}${ms(s.layout).padStart(8)}${ms(s.paint).padStart(7)}`);
}

interface Requirement {
  what: string;
  /** The measured median and what it is: "to painted", or "of work" (script + layout + paint). */
  value: number;
  measure: string;
  limit: number;
  note?: string;
}
const requirements: Requirement[] = [];

// ---- the run ------------------------------------------------------------------------------------------

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'node_modules/.cache/kam-bench');
const began = Date.now();

await build({ configFile: false, root: resolve(root, 'bench'), logLevel: 'error', build: { outDir, emptyOutDir: true, target: 'es2022', minify: process.env.BENCH_MINIFY !== '0' } });
const server = await preview({ configFile: false, root: resolve(root, 'bench'), logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 4199 } });
const url = server.resolvedUrls!.local[0]!;
const found = await findBrowser();
// --expose-gc: the page collects the garbage of earlier runs before a timed run (bench/frame.ts).
const browser = await chromium.launch({
  executablePath: found.executablePath,
  args: [...found.args, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  headless: true,
});

declare const window: { bench: BenchApi };

/** Calls window.bench[name](...args) in the page. */
function call<K extends keyof BenchApi>(page: Page, name: K, ...args: Parameters<BenchApi[K]>): ReturnType<BenchApi[K]> {
  return page.evaluate(([n, a]) => (window.bench[n] as (...x: unknown[]) => Promise<unknown>)(...a), [name, args] as const) as ReturnType<BenchApi[K]>;
}

/** A first run slower than this counts: its share of JIT warm-up is small, and such cases take long. */
const SLOW_RUN = 1000;

/** One warm-up run (JIT, caches of the page itself), then `runs` timed runs; attempt numbers go on across both. */
async function sample(run: (attempt: number) => Promise<Sample>): Promise<Stats> {
  const samples: Sample[] = [];
  for (let attempt = 0; samples.length < runs; attempt++) {
    const s = await run(attempt);
    if (attempt > 0 || s.total > SLOW_RUN) samples.push(s);
  }
  return stats(samples);
}

const HOVERS: readonly HoverWidget[] = ['pareto', 'tier-matrix', 'quadrant'];
const CHARTJS_HOVERS: readonly WidgetName[] = ['pareto', 'quadrant'];
const INPUT_LABEL: Record<FeedInput, string> = { validated: 'validated feed (as from <kam-feed>)', raw: 'raw accounts (plain objects; validates too)' };
/** The raw Pareto chart at 100,000 accounts must be at least this many times faster than Chart.js's (issue 14). */
const RAW_PARETO_RATIO = 40;
/** What Chart.js draws in each comparison (bench/chartjs.ts says more). */
const COMPARED: Record<WidgetName, string> = {
  pareto: 'the same chart, from the raw accounts: sort, cumulative share, bars + line',
  'tier-matrix': 'no matrix in Chart.js; the 9 cells\' counts by tier as stacked bars, after the same tiering and banding code (src)',
  quadrant: 'a bubble chart of the same points, placed and split at the medians by the same code (src); no tiers, labels or quadtree',
  scorecard: 'the same KPIs (deriveKpis from src) as text tiles with a Chart.js sparkline each',
  'red-flags': 'no flag list in Chart.js; the 25 accounts listed first, revenue as horizontal bars, after the same flags of every account (Portfolio.flags, src)',
};

async function widgetSuite(page: Page, widget: WidgetName): Promise<void> {
  const tag = `kam-${widget}`;
  header(`<${tag}>: data set -> painted${HOVERS.includes(widget as HoverWidget) ? ', hover -> tooltip painted' : ''}`, withChartJs ? COMPARED[widget] : undefined);
  for (const size of sizesOverride ?? DEFAULT_SIZES[widget]) {
    await call(page, 'prepare', size);
    console.log(` ${count(size)} accounts`);
    const painted: Partial<Record<FeedInput, Stats>> = {};
    for (const input of ['validated', 'raw'] as const) {
      painted[input] = await sample(() => call(page, 'widgetPaint', widget, size, input));
      line(`${tag}, ${INPUT_LABEL[input]}`, painted[input]);
    }
    let validation: Stats | undefined;
    if (widget === 'pareto') {
      validation = await sample(() => call(page, 'validate', size));
      line('parseFeed alone, raw accounts (script, nothing drawn)', validation);
    }
    let hover: Stats | undefined;
    if (HOVERS.includes(widget as HoverWidget)) {
      await call(page, 'widgetPaint', widget, size, 'validated');
      hover = await sample((attempt) => call(page, 'widgetHover', widget as HoverWidget, attempt));
      line(`${tag} hover -> tooltip painted`, hover);
    }
    if (widget === 'pareto' && size === 1000) {
      const update = await sample(() => call(page, 'widgetUpdate'));
      line(`${tag}, a new feed on the mounted element`, update);
      requirements.push({ what: `${tag} update, 1,000 accounts (within one frame)`, value: update.work, measure: 'of work', limit: 16.7 });
    }
    if (withChartJs) {
      const chartJs = await sample(() => call(page, 'chartJsPaint', widget, size));
      line('Chart.js 4', chartJs);
      let chartJsHover: Stats | undefined;
      if (CHARTJS_HOVERS.includes(widget)) {
        chartJsHover = await sample((attempt) => call(page, 'chartJsHover', widget as 'pareto' | 'quadrant', attempt));
        line('Chart.js 4 hover -> tooltip painted', chartJsHover);
      }
      const hoverRatio = chartJsHover ? `; hover ${ratio(chartJsHover, hover)}` : '';
      console.log(`  ratio Chart.js / ${tag}: ${ratio(chartJs, painted.validated)} (validated feed), ${ratio(chartJs, painted.raw)} (raw accounts)${hoverRatio}`);
      if (size === 100000 && widget === 'pareto') {
        requirements.push({
          what: `${tag} first paint, 100,000 raw accounts, at least ${RAW_PARETO_RATIO}x faster than Chart.js (${ms(chartJs.total)} ms)`,
          value: painted.raw!.total,
          measure: 'to painted',
          limit: Math.round((chartJs.total / RAW_PARETO_RATIO) * 10) / 10,
          note: `ratio ${ratio(chartJs, painted.raw)}`,
        });
      }
    }
    if (size === 100000 && widget === 'pareto') {
      requirements.push({ what: `${tag} first paint, 100,000 accounts, validated feed`, value: painted.validated!.total, measure: 'to painted', limit: 50 });
      requirements.push({ what: 'parseFeed, 100,000 raw accounts (a few milliseconds)', value: validation!.script, measure: 'of script', limit: 10 });
      requirements.push({ what: `${tag} hover, 100,000 accounts (within one frame)`, value: hover!.work, measure: 'of work', limit: 16.7, note: `${ms(hover!.total)} ms to painted, frame wait included` });
    }
    if (size === 100000 && widget === 'tier-matrix') {
      requirements.push({ what: `${tag} first paint, 100,000 accounts, validated feed`, value: painted.validated!.total, measure: 'to painted', limit: 50 });
    }
    if (size === 100000 && widget === 'quadrant') {
      requirements.push({ what: `${tag} first paint, 100,000 accounts, validated feed`, value: painted.validated!.total, measure: 'to painted', limit: 100 });
      requirements.push({
        what: `${tag} hover, 100,000 accounts (within one frame)`,
        value: hover!.work,
        measure: 'of work',
        limit: 16,
        note: `${ms(hover!.total)} ms to painted, frame wait included`,
      });
    }
  }
}

async function dashboardSuite(page: Page): Promise<void> {
  header(
    `Linked dashboard: <kam-feed> + the four widgets (feed="id"), ${count(dashboardSize)} accounts`,
    withChartJs ? 'the four charts above side by side; a selection recolours bars and bubbles and derives the KPIs again' : undefined,
  );
  await call(page, 'prepare', dashboardSize);
  line('first paint: feed.data set -> all four painted', await sample(() => call(page, 'dashboardMount', dashboardSize)));
  await call(page, 'dashboardMount', dashboardSize);
  const selections: Partial<Record<SelectHow, Stats>> = {};
  const changes: Record<SelectHow, string> = { ids: 'feed.selection = 100 ids', click: 'a click on a matrix cell' };
  for (const how of ['ids', 'click'] as const) {
    selections[how] = await sample((attempt) => call(page, 'dashboardSelect', how, attempt));
    line(`selection by ${changes[how]} -> all four repainted`, selections[how]);
  }
  if (withChartJs) {
    const mount = await sample(() => call(page, 'chartJsDashboardMount', dashboardSize));
    line('Chart.js 4: first paint', mount);
    await call(page, 'chartJsDashboardMount', dashboardSize);
    const select = await sample((attempt) => call(page, 'chartJsDashboardSelect', attempt));
    line('Chart.js 4: the same 100 ids shown -> all four repainted', select);
    console.log(`  ratio Chart.js / kam-widgets: selection ${ratio(select, selections.ids)} (100 ids)`);
  }
  for (const how of ['ids', 'click'] as const) {
    requirements.push({ what: `dashboard selection by ${changes[how]}, ${count(dashboardSize)} accounts`, value: selections[how]!.total, measure: 'to painted', limit: 50 });
  }
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  page.setDefaultTimeout(0);
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`[console] ${m.text()}`));
  await page.goto(url, { waitUntil: 'networkidle' });
  if (values.trace) await browser.startTracing(page, { screenshots: false });
  console.log(`Chromium ${browser.version()} (${found.source}), ${runs} runs per case after 1 warm-up run (none when the first run takes over 1 s).`);
  console.log('Each line: median time to painted [min-max], then the medians of its parts: script (JavaScript until');
  console.log('updateComplete; Chart.js: building and drawing), layout (style + layout) and paint (the frame that');
  console.log('shows it). The rest of "to painted" is the wait for that frame (60 fps: steps of 16.7 ms).');
  console.log('Ratios are Chart.js / kam-widgets, of the medians to painted: above 1, kam-widgets is faster.');
  for (const suite of suites satisfies readonly Suite[]) {
    const suiteBegan = Date.now();
    if (suite === 'dashboard') await dashboardSuite(page);
    else await widgetSuite(page, suite);
    console.log(`  (${((Date.now() - suiteBegan) / 1000).toFixed(0)} s)`);
  }
  if (values.trace) {
    writeFileSync(values.trace, await browser.stopTracing());
    console.log(`\nTrace written to ${values.trace}`);
  }
  if (requirements.length) {
    console.log('\nRequirements (medians of this run; "of work" = script + layout + paint, without the frame wait):');
    for (const r of requirements) {
      const verdict = r.value < r.limit ? 'PASS' : 'FAIL';
      console.log(`  ${verdict}  ${r.what}: ${ms(r.value)} ms ${r.measure} (limit ${r.limit} ms)${r.note ? `; ${r.note}` : ''}`);
    }
  }
  console.log(`\nDone in ${((Date.now() - began) / 1000).toFixed(0)} s.`);
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
