/**
 * Embedding path 1: one <script src="kam-widgets.js"> and the tags, under the strict policy from the
 * README, with all widgets linked to one <kam-feed>. And path 4: the kit loaded twice on one page. And
 * inline feeds on a page that loads the kit in <head>, where elements upgrade before their children exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Server } from 'node:http';
import { STRICT_CSP, buildScriptBundle, launch, sampleFeedJson, serve, watchProblems } from '../support/embed-harness.js';

/** The widget tags the kit ships; each must render its summary on the strict page. */
const WIDGETS = ['kam-pareto', 'kam-scorecard', 'kam-tier-matrix', 'kam-quadrant'];

const page = (scripts: string[]) => `<!doctype html>
<html lang="en-US">
  <head><meta charset="utf-8"><title>kam-widgets under a strict CSP</title>
  ${scripts.map((s) => `<script src="${s}"></script>`).join('\n  ')}</head>
  <body>
    <kam-feed id="portfolio" src="/feed.json"></kam-feed>
    ${WIDGETS.map((tag) => `<${tag} feed="portfolio" theme="dark" locale="de-DE"></${tag}>`).join('\n    ')}
  </body>
</html>`;

/** The documented policy for PNG export: the strict one, plus blob: images. */
const PNG_CSP = `${STRICT_CSP}; img-src 'self' blob:`;

/** Every widget once, and the quadrant a second time on its canvas layer (250 accounts, above svg-limit). */
const EXPORTED = [
  { id: 'pareto', tag: 'kam-pareto', attributes: '' },
  { id: 'scorecard', tag: 'kam-scorecard', attributes: '' },
  { id: 'tier-matrix', tag: 'kam-tier-matrix', attributes: '' },
  { id: 'quadrant', tag: 'kam-quadrant', attributes: '' },
  { id: 'quadrant-canvas', tag: 'kam-quadrant', attributes: 'svg-limit="100"' },
];

const exportPage = `<!doctype html>
<html lang="en-US">
  <head><meta charset="utf-8"><title>exports under a strict CSP</title><script src="/kam-widgets.js"></script></head>
  <body>
    <kam-feed id="portfolio" src="/feed.json"></kam-feed>
    ${EXPORTED.map((w) => `<${w.tag} id="${w.id}" feed="portfolio" ${w.attributes}></${w.tag}>`).join('\n    ')}
  </body>
</html>`;

const inlineAccounts = JSON.stringify([
  { id: 'a', name: 'Acme', revenue: 800 },
  { id: 'b', name: 'Bolt', revenue: 150 },
  { id: 'c', name: 'Cobalt', revenue: 50 },
]);

/**
 * The kit in <head> (a plain, not deferred, script), and inline feeds in the body. The page arrives in
 * two parts, the first ending inside <kam-pareto>: the element is upgraded and connected while its
 * inline child is still on the network.
 */
const inlinePage = {
  head: `<!doctype html>
<html lang="en-US">
  <head><meta charset="utf-8"><title>inline feeds, kit in head</title><script src="/kam-widgets.js"></script></head>
  <body>
    <kam-pareto id="own" locale="en-US">`,
  rest: `<script type="application/json">${inlineAccounts}</script></kam-pareto>
    <kam-feed id="inline-feed"><script type="application/json">{ "version": 1, "accounts": ${inlineAccounts} }</script></kam-feed>
    <kam-pareto id="linked" feed="inline-feed" locale="en-US"></kam-pareto>
  </body>
</html>`,
};

let browser: Browser;
let server: Server;
let base: string;
let bundle: string;

beforeAll(async () => {
  bundle = await buildScriptBundle();
  ({ url: base, server } = await serve(
    {
      '/strict.html': { body: page(['/kam-widgets.js']), type: 'text/html' },
      '/twice.html': { body: page(['/kam-widgets.js', '/copy/kam-widgets.js']), type: 'text/html' },
      '/exports.html': { body: exportPage, type: 'text/html', headers: { 'content-security-policy': PNG_CSP } },
      '/exports-no-blob.html': { body: exportPage, type: 'text/html' },
      '/inline.html': { body: inlinePage.head, rest: inlinePage.rest, pauseMs: 300, type: 'text/html' },
      '/kam-widgets.js': { body: bundle, type: 'text/javascript' },
      '/copy/kam-widgets.js': { body: bundle, type: 'text/javascript' },
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
});

async function summaries(path: string) {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const problems = watchProblems(tab);
  await tab.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  const result = await tab.evaluate(async (tags) => {
    const texts: Record<string, string> = {};
    for (const tag of tags) {
      await customElements.whenDefined(tag);
      const el = document.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
      await el.updateComplete;
      texts[tag] = el.shadowRoot?.querySelector('[part~="summary"]')?.textContent ?? '';
      // Interact: hover a data point (tooltips use CSSOM positioning), open the table, export SVG and CSV.
      const plot = el.shadowRoot!.querySelector<HTMLElement>('.plot');
      if (plot) {
        const box = plot.getBoundingClientRect();
        plot.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width / 3, clientY: box.top + box.height / 2, bubbles: true }));
        await el.updateComplete;
      }
      const widget = el as unknown as { toSVG(): Promise<string>; toCSV(): string; view: string };
      await widget.toSVG();
      widget.toCSV();
      widget.view = 'table';
      await el.updateComplete;
    }
    return { texts, violations: (window as unknown as { __violations?: string[] }).__violations ?? [] };
  }, WIDGETS);
  await tab.close();
  return { ...result, problems };
}

describe('script tag under a strict Content-Security-Policy', () => {
  it('renders every widget from one shared feed without a policy violation or console error', async () => {
    const { texts, violations, problems } = await summaries('/strict.html');
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    expect(texts['kam-scorecard']).toContain('Revenue growth');
    expect(texts['kam-tier-matrix']).toMatch(/^250 accounts: \d+ MVC, \d+ MGC, \d+ STC, \d+ BZ; MVCs hold \d+,\d\s% of revenue\.$/);
    expect(texts['kam-pareto']).toMatch(/^\d+ of 250 accounts \(\d+,\d\s%\) produce 80\s% of revenue; in 2026-Q2: \d+ of \d+ \(\d+,\d\s%\)\.$/);
  });

  it('reads inline feeds that the parser writes after the elements were upgraded (kit in <head>)', async () => {
    const tab = await browser.newPage();
    const problems = watchProblems(tab);
    await tab.goto(`${base}/inline.html`, { waitUntil: 'networkidle' });
    const texts = await tab.evaluate(async () => {
      const summary = async (id: string) => {
        const el = document.getElementById(id) as HTMLElement & { updateComplete: Promise<unknown> };
        await el.updateComplete;
        return el.shadowRoot!.querySelector('[part~="summary"]')?.textContent ?? el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
      };
      return { own: await summary('own'), linked: await summary('linked') };
    });
    await tab.close();
    // Acme alone holds 800 of 1,000: the vital few is 1 of 3 accounts.
    expect(texts).toEqual({ own: '1 of 3 accounts (33.3%) produces 80% of revenue.', linked: '1 of 3 accounts (33.3%) produces 80% of revenue.' });
    expect(problems).toEqual([]);
  });

  it('exports every widget, from the chart and from the table view, as SVG, PNG and CSV, without a policy violation', async () => {
    const tab = await browser.newPage({ viewport: { width: 1000, height: 800 }, acceptDownloads: false });
    const problems = watchProblems(tab);
    await tab.goto(`${base}/exports.html`, { waitUntil: 'networkidle' });
    const results = await tab.evaluate(async (ids) => {
      type Widget = HTMLElement & {
        updateComplete: Promise<unknown>;
        view: string;
        renderMode?: string;
        toSVG(): Promise<string>;
        toPNG(): Promise<Blob>;
        toCSV(): string;
        download(format: string): Promise<void>;
      };
      /** Size of the image and how many of its pixels differ from the corner one (the background). */
      const drawn = async (png: Blob) => {
        const bitmap = await createImageBitmap(png);
        const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        let painted = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) painted++;
        return { width: bitmap.width, height: bitmap.height, painted };
      };
      const out = [];
      for (const id of ids) {
        const el = document.getElementById(id) as Widget;
        await el.updateComplete;
        for (const view of ['chart', 'table']) {
          el.view = view;
          await el.updateComplete;
          const svg = await el.toSVG();
          const png = await drawn(await el.toPNG());
          const csv = el.toCSV();
          await el.download('png');
          await el.updateComplete;
          out.push({
            id,
            view,
            viewAfter: el.view,
            renderMode: el.renderMode,
            svg,
            png,
            csv,
            message: el.shadowRoot!.querySelector('[part~="export-message"]')?.textContent ?? '',
            announced: el.shadowRoot!.querySelector('[aria-live]')?.textContent ?? '',
          });
        }
      }
      return { out, violations: (window as unknown as { __violations?: string[] }).__violations ?? [] };
    }, EXPORTED.map((w) => w.id));
    await tab.close();
    expect(results.violations).toEqual([]);
    expect(problems).toEqual([]);
    expect(results.out.map((r) => `${r.id} ${r.view}`)).toEqual(EXPORTED.flatMap((w) => [`${w.id} chart`, `${w.id} table`]));
    for (const w of EXPORTED) {
      const [chart, table] = results.out.filter((r) => r.id === w.id);
      for (const r of [chart!, table!]) {
        expect(r.viewAfter).toBe(r.view);
        expect(r.message).toBe('');
        expect(r.announced).toMatch(new RegExp(`^Saved ${w.tag}-\\d{4}-\\d{2}-\\d{2}\\.png\\.$`));
        // The SVG root carries the chart's size; the PNG is twice that, and has something drawn on it.
        const size = /^<\?xml[^>]*>\n<svg [^>]*\bwidth="(\d+)" height="(\d+)"/.exec(r.svg);
        expect(size, `${w.id} ${r.view}: ${r.svg.slice(0, 200)}`).not.toBeNull();
        expect([r.png.width, r.png.height]).toEqual([Number(size![1]) * 2, Number(size![2]) * 2]);
        expect(r.png.painted).toBeGreaterThan(1000);
        expect(r.csv.startsWith('\uFEFF')).toBe(true);
        expect(r.csv.endsWith('\r\n')).toBe(true);
      }
      // The table view exports the same chart and the same data as the chart view.
      expect(table!.svg).toBe(chart!.svg);
      expect(table!.png).toEqual(chart!.png);
      expect(table!.csv).toBe(chart!.csv);
    }
    const canvas = results.out.find((r) => r.id === 'quadrant-canvas')!;
    expect(canvas.renderMode).toBe('canvas');
    expect(canvas.svg).toMatch(/<image href="data:image\/png;base64,[^"]+" width="\d+" height="\d+"/);
    expect(canvas.svg).not.toContain('data-points-layer');
  }, 60_000);

  it('without img-src blob:, says PNG export is blocked and still exports SVG and CSV', async () => {
    const tab = await browser.newPage({ viewport: { width: 1000, height: 800 }, acceptDownloads: false });
    await tab.goto(`${base}/exports-no-blob.html`, { waitUntil: 'networkidle' });
    const result = await tab.evaluate(async () => {
      const el = document.getElementById('pareto') as HTMLElement & { updateComplete: Promise<unknown>; toSVG(): Promise<string>; toCSV(): string; download(format: string): Promise<void> };
      await el.updateComplete;
      await el.download('png');
      await el.updateComplete;
      return {
        message: el.shadowRoot!.querySelector('[part~="export-message"]')?.textContent,
        svg: (await el.toSVG()).slice(0, 5),
        csv: el.toCSV().split('\r\n')[0],
        violations: (window as unknown as { __violations?: string[] }).__violations ?? [],
      };
    });
    await tab.close();
    expect(result.message).toBe("PNG export is blocked: this page's Content-Security-Policy does not allow blob: images (img-src). SVG and CSV export still work.");
    expect(result.svg).toBe('<?xml');
    expect(result.csv).toMatch(/^\uFEFFrank,id,name,/);
    expect(result.violations.every((v) => v.startsWith('img-src: blob'))).toBe(true);
  });

  it('is one file: what the ES entries load on first use is inside it', () => {
    expect(bundle).not.toMatch(/\bimport\(/);
    expect(bundle).toContain('Loading the table…');
  });

  it('works when the kit is loaded twice on one page', async () => {
    const { texts, violations, problems } = await summaries('/twice.html');
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    expect(texts['kam-pareto']).toContain('of 250 accounts');
  });
});
