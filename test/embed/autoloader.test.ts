/**
 * The autoloader: one `<script type="module" src=".../autoloader.js">`, and each kam-* element is
 * defined when its tag appears, from chunks loaded relative to the autoloader's own URL. Built as
 * `npm run build` builds it, served from a tiny server (several folders, two origins), driven in Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { autoloaderFigures, gzipSize, readAutoloaderFiles, tagOfChunk, type AutoloaderFigures } from '../../scripts/bundle-sizes.js';
import { LIMITS } from '../../scripts/size-limits.js';
import { STRICT_CSP, buildAutoloader, launch, root, sampleFeedJson, serve, watchProblems, type Route } from '../support/embed-harness.js';

const WIDGETS = ['kam-pareto', 'kam-scorecard', 'kam-tier-matrix', 'kam-quadrant', 'kam-red-flags'];
/** The documented policy for PNG export: the strict one, plus blob: images. */
const PNG_CSP = `${STRICT_CSP}; img-src 'self' blob:`;

const page = (kit: string, body: string) => `<!doctype html>
<html lang="en-US">
  <head><meta charset="utf-8"><title>kam-widgets autoloader</title><script type="module" src="${kit}autoloader.js"></script></head>
  <body>
    ${body}
  </body>
</html>`;

const CRM_FIELD_MAP = 'id=AccountId,name=Account Name,revenue=Annual Revenue,previousRevenue=Prior Year Revenue';

const linkedWidgets = `<kam-feed id="portfolio" src="/feed.json"></kam-feed>
    ${WIDGETS.map((tag) => `<${tag} id="${tag}" feed="portfolio"></${tag}>`).join('\n    ')}`;

let dir: string;
let files: Map<string, { code: string }>;
let figures: AutoloaderFigures;
let browser: Browser;
let server: Server;
let base: string;
let kitServer: Server;
let kitBase: string;

/** The kit's files as routes under `prefix` ("/kit/"), with extra headers; without the chunks named in `leaveOut`. */
function kitRoutes(prefix: string, headers: Record<string, string> = {}, leaveOut: (file: string) => boolean = () => false): Record<string, Route> {
  const routes: Record<string, Route> = {};
  for (const [file, { code }] of files) if (!leaveOut(file)) routes[`${prefix}${file}`] = { body: code, type: 'text/javascript', headers };
  return routes;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kam-autoloader-'));
  await buildAutoloader(dir);
  files = readAutoloaderFiles(dir);
  figures = autoloaderFigures(readAutoloaderFiles(dir));
  ({ url: kitBase, server: kitServer } = await serve(kitRoutes('/kam/', { 'access-control-allow-origin': '*' })));
  const crossOriginCsp = STRICT_CSP.replace("script-src 'self'", `script-src 'self' ${kitBase}`);
  ({ url: base, server } = await serve(
    {
      ...kitRoutes('/kit/'),
      ...kitRoutes('/static/kam/v1.2/'),
      ...kitRoutes('/broken/', {}, (file) => tagOfChunk(file) === 'kam-quadrant'),
      '/one.html': { body: page('/kit/', '<kam-pareto id="pareto" src="/feed.json"></kam-pareto>'), type: 'text/html' },
      '/strict.html': { body: page('/kit/', linkedWidgets), type: 'text/html' },
      '/methods.html': { body: page('/kit/', linkedWidgets), type: 'text/html', headers: { 'content-security-policy': PNG_CSP } },
      '/apps/crm/reports.html': { body: page('/static/kam/v1.2/', '<kam-tier-matrix id="matrix" src="/feed.json"></kam-tier-matrix>'), type: 'text/html' },
      '/cross-origin.html': {
        body: page(`${kitBase}/kam/`, '<kam-scorecard id="scorecard" src="/feed.json"></kam-scorecard>'),
        type: 'text/html',
        headers: { 'content-security-policy': crossOriginCsp },
      },
      '/broken.html': {
        body: page('/broken/', '<kam-quadrant src="/feed.json"></kam-quadrant><kam-pareto id="pareto" src="/feed.json"></kam-pareto><kam-quadrant></kam-quadrant>'),
        type: 'text/html',
      },
      '/later.html': { body: page('/kit/', '<main id="route"></main><div id="host"></div><script type="module" src="/host.js"></script>'), type: 'text/html' },
      // A component of the page's own with a shadow root, which it hands to the autoloader.
      '/host.js': {
        body: "import { register } from '/kit/autoloader.js';\nregister(document.getElementById('host').attachShadow({ mode: 'open' }));\n",
        type: 'text/javascript',
      },
      '/csv.html': {
        body: page('/kit/', `<kam-pareto id="csv" src="/accounts.csv" locale="en-US" field-map="${CRM_FIELD_MAP}"></kam-pareto>`),
        type: 'text/html',
      },
      '/accounts.csv': { body: readFileSync(join(root, 'test/fixtures/crm-export.csv'), 'utf8'), type: 'text/csv' },
      '/feed.json': { body: sampleFeedJson(), type: 'application/json' },
      '/favicon.ico': { body: '', type: 'image/x-icon' },
    },
    { 'content-security-policy': STRICT_CSP },
  ));
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  kitServer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens `path`, recording the scripts the page requests (as paths, or full URLs on another origin) and what it complains about. */
async function open(path: string): Promise<{ tab: Page; scripts: string[]; bodies: Map<string, Buffer>; problems: string[]; violations: () => Promise<string[]> }> {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 800 }, acceptDownloads: false });
  const problems = watchProblems(tab);
  const scripts: string[] = [];
  const bodies = new Map<string, Buffer>();
  tab.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const url = new URL(response.url());
    const name = url.origin === base ? url.pathname : url.href;
    scripts.push(name);
    // A script that arrives as a test closes its tab has no body to read; the tests read bodies before closing.
    response.body().then(
      (body) => bodies.set(name, body),
      () => undefined,
    );
  });
  await tab.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  const violations = () => tab.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
  return { tab, scripts, bodies, problems, violations };
}

/** Adds `<section><tag id src></tag></section>` into `parent` (into its shadow root when it has one), node by node: the strict policy's Trusted Types refuse innerHTML. */
function insertWidget(tab: Page, parent: string, tag: string, id: string): Promise<void> {
  return tab.evaluate(
    ({ parent, tag, id }) => {
      const host = document.querySelector(parent)!;
      const section = (host.shadowRoot ?? host).appendChild(document.createElement('section'));
      const el = section.appendChild(document.createElement(tag));
      el.id = id;
      el.setAttribute('src', '/feed.json');
    },
    { parent, tag, id },
  );
}

/** Waits until `selector`'s element is defined and drawn, and returns its summary. */
function summaryOf(tab: Page, selector: string, root = 'document'): Promise<string> {
  return tab.evaluate(
    async ({ selector, root }) => {
      const scope = root === 'document' ? document : document.querySelector(root)!.shadowRoot!;
      const el = scope.querySelector(selector) as HTMLElement & { updateComplete: Promise<unknown> };
      await customElements.whenDefined(el.localName);
      await el.updateComplete;
      return el.shadowRoot?.querySelector('[part~="summary"]')?.textContent ?? '';
    },
    { selector, root },
  );
}

describe('the autoloader', () => {
  it('has a chunk for every element of src/elements.ts, and the size report measures those files', () => {
    const listed = [...readFileSync(join(root, 'src/elements.ts'), 'utf8').matchAll(/^\s+'(kam-[\w-]+)': \(\) => import\(/gm)].map((m) => m[1]).sort();
    expect([...figures.pages.keys()]).toEqual(listed);
    expect(listed).toEqual(['kam-feed', 'kam-pareto', 'kam-quadrant', 'kam-red-flags', 'kam-scorecard', 'kam-tier-matrix']);
    // Every page the report prints has a limit the build enforces.
    for (const tag of listed) expect(LIMITS[`autoloader + <${tag}>`], tag).toBeDefined();
  });

  it('on a page with one <kam-pareto> loads the autoloader and that element\'s chunks only, which the size report counts; the table view and the export writers on first use', async () => {
    const { tab, scripts, bodies, problems, violations } = await open('/one.html');
    expect(await summaryOf(tab, '#pareto')).toMatch(/^\d+ of 250 accounts \(\d+\.\d%\) produce 80% of revenue; in 2026-Q2: \d+ of \d+ \(\d+\.\d%\)\.$/);
    const pareto = figures.pages.get('kam-pareto')!;
    expect([...scripts].sort()).toEqual(pareto.files.map((f) => `/kit/${f}`).sort());
    // What the browser received, gzipped as the report gzips it, is the report's figure.
    let received = 0;
    for (const body of bodies.values()) received += gzipSize(body);
    expect(received).toBe(pareto.gzip);
    expect(scripts.some((s) => /\/(data-table|export-writers|csv|field-map)-/.test(s))).toBe(false);

    const firstUse = await tab.evaluate(async () => {
      const el = document.getElementById('pareto') as HTMLElement & { view: string; updateComplete: Promise<unknown>; toSVG(): Promise<string> };
      el.view = 'table';
      await el.updateComplete;
      const rows = el.shadowRoot!.querySelectorAll('[part~="table"] tbody tr').length; // the account table, not the periods' above it
      const svg = await el.toSVG();
      return { rows, svg: svg.slice(0, 5) };
    });
    expect(firstUse).toEqual({ rows: 100, svg: '<?xml' });
    const later = scripts.slice(pareto.files.length).map((s) => s.replace(/-[\w-]{8}\.js$/, ''));
    expect(later.sort()).toEqual(['/kit/autoload/data-table', '/kit/autoload/export-writers']);
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('reads a CSV export through a field map with the readers loaded on first use', async () => {
    const { tab, scripts, problems } = await open('/csv.html');
    expect(await summaryOf(tab, '#csv')).toMatch(/ of \d accounts /);
    const extra = scripts.filter((s) => !figures.pages.get('kam-pareto')!.files.some((f) => s === `/kit/${f}`)).map((s) => s.replace(/-[\w-]{8}\.js$/, ''));
    // A CSV report with a period column needs the period labels the tier goals use too: a chunk of its own.
    expect(extra.sort()).toEqual(['/kit/autoload/csv', '/kit/autoload/field-map', '/kit/autoload/period-labels']);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('defines a tag that appears after load (a route rendered later), and a tag in a shadow root handed to register()', async () => {
    const { tab, problems } = await open('/later.html');
    await insertWidget(tab, '#route', 'kam-tier-matrix', 'later');
    expect(await summaryOf(tab, '#later')).toMatch(/^250 accounts: \d+ MVC/);
    await insertWidget(tab, '#host', 'kam-scorecard', 'inside');
    expect(await summaryOf(tab, '#inside', '#host')).toContain('Revenue growth');
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('works from a sub-path of the site, loading every chunk from beside the autoloader', async () => {
    const { tab, scripts, problems } = await open('/apps/crm/reports.html');
    expect(await summaryOf(tab, '#matrix')).toMatch(/^250 accounts: \d+ MVC/);
    expect(scripts.length).toBe(figures.pages.get('kam-tier-matrix')!.files.length);
    expect(scripts.every((s) => s.startsWith('/static/kam/v1.2/'))).toBe(true);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('works from another origin, allowed by the page\'s script-src and served with CORS', async () => {
    const { tab, scripts, problems, violations } = await open('/cross-origin.html');
    expect(await summaryOf(tab, '#scorecard')).toContain('Revenue growth');
    expect(scripts.every((s) => s.startsWith(`${kitBase}/kam/`))).toBe(true);
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('says once on the console which element could not be loaded, and defines the others', async () => {
    const { tab, problems } = await open('/broken.html');
    expect(await summaryOf(tab, '#pareto')).toContain('of 250 accounts');
    expect(await tab.evaluate(() => [customElements.get('kam-quadrant'), document.querySelectorAll('kam-quadrant').length])).toEqual([undefined, 2]);
    const reported = problems.filter((p) => p.startsWith('console: kam-widgets: could not load <kam-quadrant> ('));
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(/; reload the page to try again\.$/);
    await tab.close();
  });

  it('under the strict policy, draws every widget from one shared feed, with its table and exports, without a violation or console error', async () => {
    const { tab, problems, violations } = await open('/strict.html');
    const result = await tab.evaluate(async (tags) => {
      const out: Record<string, { summary: string; table: boolean; svg: string; csv: string }> = {};
      for (const tag of tags) {
        await customElements.whenDefined(tag);
        const el = document.getElementById(tag) as HTMLElement & { updateComplete: Promise<unknown>; view: string; toSVG(): Promise<string>; toCSV(): string };
        await el.updateComplete;
        const summary = el.shadowRoot!.querySelector('[part~="summary"]')?.textContent ?? '';
        el.view = 'table';
        await el.updateComplete;
        out[tag] = { summary, table: !!el.shadowRoot!.querySelector('table'), svg: (await el.toSVG()).slice(0, 5), csv: el.toCSV().slice(0, 1) };
      }
      return out;
    }, WIDGETS);
    for (const tag of WIDGETS) expect(result[tag], tag).toMatchObject({ table: true, svg: '<?xml', csv: '\uFEFF' });
    expect(result['kam-pareto']!.summary).toMatch(/of 250 accounts/);
    expect(result['kam-scorecard']!.summary).toContain('Revenue growth');
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await tab.close();
  }, 60_000);
});

/** The public methods of each element, as custom-elements.json documents them. */
function manifestMethods(): Record<string, string[]> {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: { tagName?: string; members?: { kind: string; name: string; privacy?: string; static?: boolean }[] }[] }[];
  };
  const methods: Record<string, string[]> = {};
  for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (!declaration.tagName) continue;
    methods[declaration.tagName] = (declaration.members ?? [])
      .filter((m) => m.kind === 'method' && !m.static && (m.privacy ?? 'public') === 'public')
      .map((m) => m.name)
      .sort();
  }
  return methods;
}

describe('an autoloaded element', () => {
  it('answers every public method of its manifest', async () => {
    const { tab, problems, violations } = await open('/methods.html');
    const called = await tab.evaluate(async (tags) => {
      type Widget = HTMLElement & {
        updateComplete: Promise<unknown>;
        status: string;
        selection: readonly string[];
        selectedAccounts: { id: string }[];
        portfolio: { accounts: readonly { id: string }[] };
        clearSelection(): void;
        toCSV(): string;
        toSVG(): Promise<string>;
        toPNG(): Promise<Blob>;
        download(format: string): Promise<void>;
        retry(): void;
        quadrantLabel?(id: string): string | undefined;
      };
      const results: Record<string, Record<string, unknown>> = {};
      for (const tag of tags) {
        await customElements.whenDefined(tag);
        const el = document.getElementById(tag) as Widget;
        await el.updateComplete;
        const first = el.portfolio.accounts[0]!.id;
        el.selection = [first];
        const selected = el.selectedAccounts.map((a) => a.id);
        el.clearSelection();
        const saved: string[] = [];
        for (const format of ['csv', 'svg', 'png']) {
          await el.download(format);
          await el.updateComplete;
          saved.push(el.shadowRoot!.querySelector('[aria-live]')?.textContent ?? '');
        }
        const png = await el.toPNG();
        el.retry();
        await el.updateComplete;
        results[tag] = {
          clearSelection: { selected, after: el.selection.length },
          toCSV: el.toCSV().startsWith('\uFEFF'),
          toSVG: (await el.toSVG()).startsWith('<?xml'),
          toPNG: png.type === 'image/png' && png.size > 1000,
          download: saved.map((text) => /^Saved kam-[\w-]+-\d{4}-\d{2}-\d{2}\.(csv|svg|png)\.$/.test(text)),
          retry: el.status,
          ...(el.quadrantLabel ? { quadrantLabel: el.quadrantLabel('quick-wins') } : {}),
        };
      }
      const feed = document.getElementById('portfolio') as HTMLElement & {
        updateComplete: Promise<unknown>;
        feedState: { status: string };
        selection: readonly string[];
        subscribe(listener: (state: { status: string }) => void): () => void;
        select(ids: readonly string[], source: string): void;
        refreshNow(): Promise<unknown>;
        retry(): void;
      };
      const heard: string[] = [];
      const stop = feed.subscribe((state) => heard.push(state.status));
      await feed.refreshNow();
      const id = (document.getElementById('kam-pareto') as unknown as { portfolio: { accounts: { id: string }[] } }).portfolio.accounts[1]!.id;
      feed.select([id], 'test');
      const linked = (document.getElementById('kam-pareto') as unknown as { selection: readonly string[] }).selection;
      stop();
      feed.retry();
      await feed.updateComplete;
      results['kam-feed'] = { subscribe: heard.length > 0, refreshNow: feed.feedState.status, select: linked.join() === id, retry: feed.feedState.status };
      return results;
    }, WIDGETS);

    const methods = manifestMethods();
    for (const [tag, names] of Object.entries(methods)) expect(Object.keys(called[tag] ?? {}).sort(), tag).toEqual(names);
    for (const tag of WIDGETS) {
      expect(called[tag], tag).toMatchObject({ toCSV: true, toSVG: true, toPNG: true, download: [true, true, true], retry: 'ready' });
      expect((called[tag]!.clearSelection as { selected: string[]; after: number }).after, tag).toBe(0);
      expect((called[tag]!.clearSelection as { selected: string[] }).selected, tag).toHaveLength(1);
    }
    expect(called['kam-quadrant']!.quadrantLabel).toBe('Quick wins');
    expect(called['kam-feed']).toEqual({ subscribe: true, refreshNow: 'ready', select: true, retry: 'ready' });
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await tab.close();
  }, 60_000);
});
