/**
 * The kit in a Salesforce Lightning custom tab, run four ways with Salesforce's own runtime code (see
 * bench.ts): native shadow, Lightning Web Security, synthetic shadow, and both. The tab (x/kamTab) loads
 * the self-contained script as a static resource with loadScript, renders the four widgets and a
 * <kam-feed> with lwc:external, gives the feed the Account records of an Apex call (`data={accounts}` and
 * a field-map), links the widgets with feed="tab-feed", and listens on each element. Input is raw mouse and keyboard input: under synthetic shadow, automation
 * helpers that add listeners to the page change how events are retargeted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../support/embed-harness.js';
import { WAYS, serveLightning, type LightningSite, type Way } from './bench.js';
import { tabAccounts } from './feed.js';

const WIDGETS = ['kam-scorecard', 'kam-pareto', 'kam-tier-matrix', 'kam-quadrant'] as const;
type Widget = (typeof WIDGETS)[number];

let site: LightningSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveLightning(tabAccounts), launch()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  site?.close();
});

interface Tab {
  page: Page;
  /** Console errors, uncaught errors, and errors the page caught inside the sandbox. */
  problems(): Promise<string[]>;
  /** What the tab's listeners on the elements heard: "kam-select kam-pareto atlas", … */
  heard(where?: 'element' | 'template'): Promise<string[]>;
}

/** Opens the tab, and waits (at most 5 s) until every widget shows a summary sentence (or has `until`). */
async function openTab(way: Way | 'lws-without-264', until?: string): Promise<Tab> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  await page.addInitScript(helpers);
  await page.goto(`${site.url}/${way}.html`);
  const ready = async () =>
    until ? page.evaluate(([tags, until]) => tags.every((tag) => widget(tag)?.shadowRoot.querySelector(until)), [WIDGETS, until] as const) : Object.values(await summaries(page)).every(Boolean);
  for (let i = 0; i < 50 && !(await ready()); i++) await page.waitForTimeout(100);
  return {
    page,
    problems: async () => [...seen, ...(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors))],
    heard: async (where = 'element') =>
      (await page.evaluate(() => [...tabRoot().querySelectorAll('.heard li')].map((li) => li.textContent!)))
        .filter((line) => line.startsWith(`${where} `))
        .map((line) => line.slice(where.length + 1)),
  };
}

/** The tab's template root as the page sees it: its shadow root (native, or synthetic shadow's). */
declare function tabRoot(): ParentNode;
declare function widget(tag: string): (HTMLElement & { shadowRoot: ShadowRoot }) | null;
/** Page helpers, defined in every page before its scripts run. */
const helpers = () => {
  const w = window as unknown as Record<string, unknown>;
  w.tabRoot = () => document.querySelector('x-kam-tab')?.shadowRoot ?? document.createDocumentFragment();
  w.widget = (tag: string) => (w.tabRoot as () => ParentNode)().querySelector(tag);
};

/** Each widget's summary sentence ('' while it has none: loading, waiting, or not rendered). */
async function summaries(page: Page): Promise<Record<Widget, string>> {
  return page.evaluate(
    (tags) => Object.fromEntries(tags.map((tag) => [tag, widget(tag)?.shadowRoot?.querySelector('[part~="summary"]')?.textContent?.trim() ?? ''])) as Record<Widget, string>,
    WIDGETS,
  );
}

/** Scrolls the first `selector` inside `tag`'s shadow root into view and returns its centre in the viewport. */
async function centreOf(page: Page, tag: Widget, selector: string): Promise<{ x: number; y: number }> {
  const centre = await page.evaluate(
    ([tag, selector]) => {
      const target = widget(tag)?.shadowRoot.querySelector(selector);
      if (!target) return null;
      target.scrollIntoView({ block: 'center' });
      const box = target.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    [tag, selector] as const,
  );
  if (!centre) throw new Error(`${tag}: no ${selector}`);
  return centre;
}

async function click(page: Page, tag: Widget, selector: string): Promise<void> {
  const { x, y } = await centreOf(page, tag, selector);
  await page.mouse.click(x, y);
}

/** From the widget's summary sentence, Tab until the chart has the focus (at most 8 presses). */
async function tabToChart(page: Page, tag: Widget): Promise<boolean> {
  await click(page, tag, '[part~="summary"]');
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((tag) => widget(tag)?.shadowRoot.activeElement?.matches('[part~="plot"]') ?? false, tag)) return true;
  }
  return false;
}

/** Waits until the tab's element listeners heard `count` events (at most 5 s); returns what they heard. */
async function hearAfter(tab: Tab, count: number): Promise<string[]> {
  for (let i = 0; i < 50 && (await tab.heard()).length < count; i++) await tab.page.waitForTimeout(100);
  return tab.heard();
}

/** Each widget's shadow DOM as markup, without Lit's markers (random per page load). */
async function domOf(page: Page): Promise<Record<Widget, string>> {
  return page.evaluate(
    (tags) => Object.fromEntries(tags.map((tag) => [tag, (widget(tag)?.shadowRoot.innerHTML ?? '').replace(/<!--\?lit\$\d+\$-->|<!---->/g, '')])) as Record<Widget, string>,
    WIDGETS,
  );
}

/** The widgets' DOM with native shadow and no sandbox: what every other way must match. */
let nativeDom: Promise<Record<Widget, string>> | undefined;
const plainDom = () =>
  (nativeDom ??= openTab('native').then(async (tab) => {
    const dom = await domOf(tab.page);
    await tab.page.close();
    return dom;
  }));

/** Per widget: what its chart is drawn with, how many there are, and one style the kit's CSS gives them. */
const MARKS: Record<Widget, { selector: string; count: number; property: string; value: string }> = {
  // Seven KPIs have data; tiles sit on --kam-surface (#f6f8fa).
  'kam-scorecard': { selector: '.tile', count: 7, property: 'background-color', value: 'rgb(246, 248, 250)' },
  // One bar per account; the vital few (Atlas, Borealis, Cirrus) in --kam-accent (#0b63c5).
  'kam-pareto': { selector: 'rect.bar.vital', count: 3, property: 'fill', value: 'rgb(11, 99, 197)' },
  // Three value bands by three headroom bands, framed in --kam-border (#d1d9e0).
  'kam-tier-matrix': { selector: '.cell .cell-bg', count: 9, property: 'stroke', value: 'rgb(209, 217, 224)' },
  // Every account has effort and potential: eight points at 75% fill opacity.
  'kam-quadrant': { selector: 'path.point', count: 8, property: 'fill-opacity', value: '0.75' },
};

/**
 * The summaries, worked out by hand from feed.ts (revenue 1,000,000 of which 897,000 a year before):
 * - Pareto: 500k + 200k + 100k reach 80% with 3 of 8 accounts.
 * - Tiers: MVC = that vital few; MGC = headroom >= revenue (Delta, Fjord) or growth >= 20% (Eddy +20%,
 *   Gale +100%); STC = Haze (headroom 5k of 10k, shrinking); no profit given, so no BZ.
 * - Scorecard: growth 1,000/897 − 1 = 11.5%; NPS: 3 promoters (9, 10, 9) and 3 detractors (3, 6, 2) of 8;
 *   CSAT >= 4: 5 of 8; top 20% = top 2 accounts = 700k.
 * - Quadrant: median effort 50, median headroom (50k + 170k) / 2 = 110k; over-served (effort above,
 *   headroom below): Cirrus (60) and Eddy (90), 150 of 435 effort, 160k of revenue.
 */
const SUMMARIES: Record<Widget, string> = {
  'kam-scorecard':
    'KPIs of all 8 accounts: 7 KPIs, no targets set. Revenue growth 11.5%, no target; Logo retention 100.0%, no target; Churn 0.0%, no target; Net revenue retention 111.5%, no target; Net Promoter Score 0, no target; Customer satisfaction 62.5%, no target; Top 20% revenue share 70.0%, no target. Not available: Customer lifetime value, Up-sell / cross-sell rate, Referenceable accounts, Key-account ROI.',
  'kam-pareto': '3 of 8 accounts (37.5%) produce 80% of revenue; in the previous period: 4 of 8 (50.0%).',
  'kam-tier-matrix': '8 accounts: 3 MVC, 4 MGC, 1 STC, 0 BZ; MVCs hold 80.0% of revenue.',
  'kam-quadrant': '34.5% of effort goes to 2 over-served accounts that hold 16.0% of revenue.',
};

// Each test opens its own page (two for the first, with the DOM to compare against): no shared state.
describe.each(Object.keys(WAYS) as Way[])('a Lightning tab, %s', { timeout: 30_000 }, (way) => {
  it('renders every widget from the <kam-feed> in the same LWC, styled, without an error', async () => {
    const tab = await openTab(way);
    expect(await summaries(tab.page)).toEqual(SUMMARIES);
    const styled = await tab.page.evaluate(
      (marks) =>
        Object.fromEntries(
          Object.entries(marks).map(([tag, { selector, property }]) => {
            const element = widget(tag)!;
            const found = [...element.shadowRoot.querySelectorAll(selector)];
            // `display: block` comes from the kit's :host rule (a custom element is inline otherwise).
            return [tag, { display: getComputedStyle(element).display, count: found.length, value: found[0] ? getComputedStyle(found[0]).getPropertyValue(property) : '' }];
          }),
        ),
      MARKS,
    );
    for (const tag of WIDGETS) expect(styled[tag], tag).toEqual({ display: 'block', count: MARKS[tag].count, value: MARKS[tag].value });
    // Nothing was lost on the way: LWS's sanitizer keeps every element, attribute and binding.
    expect(await domOf(tab.page)).toEqual(await plainDom());
    expect(await tab.problems()).toEqual([]);
    await tab.page.close();
  });

  it('a click on each chart reaches the LWC listening on the element, whatever else listens on the page', async () => {
    const tab = await openTab(way);
    // A page script that watches clicks in the capture phase (analytics, the host framework). Under
    // synthetic shadow it changes how clicks are retargeted; with open shadow roots the widgets still get them.
    await tab.page.evaluate(() => window.addEventListener('click', () => {}, true));
    await click(tab.page, 'kam-pareto', 'rect.bar'); // the first bar: the largest account
    await click(tab.page, 'kam-tier-matrix', '[data-item="2"]'); // high value, high headroom
    await click(tab.page, 'kam-quadrant', 'path.point'); // drawn largest first
    await click(tab.page, 'kam-scorecard', '.tile'); // the first KPI
    const events = [
      'kam-select kam-pareto atlas',
      'kam-select kam-tier-matrix atlas,borealis',
      'kam-select kam-quadrant atlas',
      'kam-kpi-select kam-scorecard revenue-growth',
    ];
    expect(await hearAfter(tab, 4)).toEqual(events);
    // A listener on the LWC's own template hears them only without synthetic shadow, which takes the
    // native path for elements with open roots: why the recipe listens on each element.
    expect(await tab.heard('template')).toEqual(WAYS[way].synthetic ? [] : events);
    expect(await tab.problems()).toEqual([]);
    await tab.page.close();
  });

  it('the keyboard (Tab to the chart, an arrow, Enter) reaches the LWC listening on the element', async () => {
    const tab = await openTab(way);
    const reached: Partial<Record<Widget, boolean>> = {};
    for (const tag of ['kam-pareto', 'kam-tier-matrix', 'kam-quadrant', 'kam-scorecard'] as const) {
      reached[tag] = await tabToChart(tab.page, tag);
      await tab.page.keyboard.press('ArrowRight');
      await tab.page.keyboard.press('Enter');
    }
    expect(reached).toEqual({ 'kam-pareto': true, 'kam-tier-matrix': true, 'kam-quadrant': true, 'kam-scorecard': true });
    expect(await hearAfter(tab, 4)).toEqual([
      'kam-select kam-pareto atlas', // no bar had the focus: the arrow goes to the first
      'kam-select kam-tier-matrix delta', // the focus starts on the first cell (empty); the arrow moves right
      'kam-select kam-quadrant atlas', // the first arrow starts at the largest account in view
      'kam-kpi-select kam-scorecard retention', // the focus starts on the first tile; the arrow moves right
    ]);
    expect(await tab.problems()).toEqual([]);
    await tab.page.close();
  });
});

describe('a Lightning tab under LWS without its change 264', { timeout: 30_000 }, () => {
  // Before LWS release 264 the sanitizer drops every attribute binding marker of a Lit template, so the
  // widgets lose attributes (here the export button's aria-expanded) and later parts shift. Known not to
  // work, and said so in the docs; precompiled templates do not help (svg`` templates stay uncompiled).
  it('loses attribute bindings (what the docs say about orgs before release 264)', async () => {
    const tab = await openTab('lws-without-264', '[part~="export-button"]');
    const expanded = await tab.page.evaluate(
      (tags) => tags.map((tag) => widget(tag)?.shadowRoot.querySelector('[part~="export-button"]')?.getAttribute('aria-expanded')),
      WIDGETS,
    );
    expect(expanded).toEqual([null, null, null, null]);
    expect((await plainDom())['kam-pareto']).toContain('aria-expanded="false"');
    await tab.page.close();
  });
});

describe('the static resource', () => {
  // An LWC module file may hold 128 KB: the self-contained script is larger, so a tab loads it as a static
  // resource (up to 5 MB) with loadScript, not as an LWC module.
  it('is larger than an LWC module file may be', () => {
    expect(site.resourceBytes).toBeGreaterThan(128 * 1024);
  });
});
