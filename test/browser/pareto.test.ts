import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { emulateMedia } from '../support/media.js';
import { expect as wcExpect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/pareto/define.js';
import '../../src/components/feed/define.js';
import type { KamPareto } from '../../src/components/pareto/kam-pareto.js';
import type { KamSelectDetail } from '../../src/internal/events.js';
import { appendWithSrc, holdFetch, jsonResponse } from '../support/fixtures.js';
import paretoSource from '../../src/components/pareto/kam-pareto.ts?raw';
import widgetSource from '../../src/internal/kam-widget.ts?raw';

// Revenue 50k, 20k, 10k, 8k, 6k, 4k, 2k = 100k: cumulative 50, 70, 80, 88, 94, 98, 100 % -> the vital few at 80% are 3.
const names = ['Acme', 'Bolt', 'Cobalt', 'Delta', 'Echo', 'Fjord', 'Gamma'];
const revenues = [50_000, 20_000, 10_000, 8_000, 6_000, 4_000, 2_000];
const seven = {
  version: 1,
  accounts: names.map((name, i) => ({ id: name.toLowerCase(), name, revenue: revenues[i]!, url: i === 0 ? 'https://crm.example.com/acme' : undefined })),
};

const root = (el: HTMLElement) => el.shadowRoot!;
const plot = (el: HTMLElement) => root(el).querySelector<HTMLElement>('.plot')!;
const key = (el: HTMLElement, key: string, init: KeyboardEventInit = {}) =>
  plot(el).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init }));
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** No two labels of the chart overlap (within and across the left, right and bottom axes, the legend and the vital-few label), and all stay inside the chart. */
function expectLabelsApart(el: KamPareto) {
  const chart = root(el).querySelector<SVGSVGElement>('svg.chart')!.getBoundingClientRect();
  const groups = { bottom: '.axis.bottom text', left: '.axis.left text', right: '.axis.right text', legend: '.legend text', vital: '.band-label' };
  const labels = Object.entries(groups).flatMap(([group, selector]) =>
    [...root(el).querySelectorAll(selector)].map((t, i) => ({ name: `${group} ${i} "${text(t)}"`, box: t.getBoundingClientRect() })).filter((l) => l.box.width > 0),
  );
  for (let i = 0; i < labels.length; i++) {
    const { name, box } = labels[i]!;
    expect(box.left, name).toBeGreaterThanOrEqual(chart.left - 1);
    expect(box.right, name).toBeLessThanOrEqual(chart.right + 1);
    for (let j = i + 1; j < labels.length; j++) expect(overlaps(box, labels[j]!.box), `${name} / ${labels[j]!.name}`).toBe(false);
  }
}

async function pareto(template: ReturnType<typeof html>, width = 800) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px">${template}</div>`);
  const el = wrapper.querySelector<KamPareto>('kam-pareto')!;
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
  return { el, wrapper };
}

describe('kam-pareto: what it shows', () => {
  it('states the exact vital few in the summary, which is also the chart’s accessible name', async () => {
    const { el } = await pareto(html`<kam-pareto locale="en-US" .data=${seven}></kam-pareto>`);
    await wcExpect(el).to.be.accessible();
    expect(text(root(el).querySelector('[part~="summary"]'))).toBe('3 of 7 accounts (42.9%) produce 80% of revenue.');
    expect(plot(el).getAttribute('aria-labelledby')).toBe('summary');
    expect(root(el).querySelectorAll('rect.bar')).toHaveLength(7);
    expect(root(el).querySelectorAll('rect.bar.vital')).toHaveLength(3);
    expect(text(root(el).querySelector('.legend'))).toContain('Vital few (3)');
    expect(text(root(el).querySelector('.legend'))).toContain('Cutoff 80%');
  });

  it('follows the cutoff attribute and the locale', async () => {
    const { el } = await pareto(html`<kam-pareto locale="de-DE" cutoff="0.5" .data=${seven}></kam-pareto>`);
    expect(text(root(el).querySelector('[part~="summary"]'))).toBe('1 of 7 accounts (14,3 %) produces 50 % of revenue.');
    expect(root(el).querySelectorAll('rect.bar.vital')).toHaveLength(1);
    const leftTicks = [...root(el).querySelectorAll('.axis.left text')].map(text);
    expect(leftTicks[0]).toBe('0 $');
    expect(leftTicks.at(-1)).toBe('50.000 $'); // German compact notation does not abbreviate thousands
    el.cutoff = 1.5; // out of range: the default applies
    await el.updateComplete;
    expect(el.effectiveCutoff).toBe(0.8);
  });

  it('puts the cutoff marker where the cumulative line reaches the cutoff', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${seven}></kam-pareto>`);
    const bars = [...root(el).querySelectorAll<SVGRectElement>('rect.bar')];
    const step = bars[1]!.x.baseVal.value - bars[0]!.x.baseVal.value;
    const crossing = root(el).querySelector<SVGCircleElement>('circle.crossing')!;
    // 80% is reached exactly at the right edge of the third bar.
    expect(crossing.cx.baseVal.value).toBeCloseTo(bars[0]!.x.baseVal.value + 3 * step, 3);
    const cutoff = root(el).querySelector<SVGLineElement>('g[transform] > line.cutoff')!; // not the legend's
    expect(crossing.cy.baseVal.value).toBeCloseTo(cutoff.y1.baseVal.value, 3);
  });

  it('groups ranks into buckets when accounts outnumber the pixels, with every account counted once', async () => {
    const accounts = Array.from({ length: 5000 }, (_, i) => ({ id: `a${i}`, name: `Account ${i}`, revenue: 1 + ((i * 7919) % 5000) }));
    const total = accounts.reduce((sum, a) => sum + a.revenue, 0);
    const { el } = await pareto(html`<kam-pareto .data=${accounts}></kam-pareto>`, 400);
    const bars = el.drawnBars;
    expect(bars.length).toBeLessThanOrEqual(200);
    expect(root(el).querySelectorAll('rect.bar').length).toBe(bars.length);
    expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(5000);
    expect(bars.reduce((sum, b) => sum + b.revenue, 0)).toBe(total);
    expect(text(root(el).querySelector('.axis-title'))).toBe('Accounts by rank (grouped)');
  });

  it('shows the top N and one Others bar', async () => {
    const { el } = await pareto(html`<kam-pareto top="2" .data=${seven}></kam-pareto>`);
    expect(root(el).querySelectorAll('rect.bar')).toHaveLength(3);
    const last = el.drawnBars.at(-1)!;
    expect([last.others, last.count, last.revenue]).toEqual([true, 5, 30_000]);
    expect([...root(el).querySelectorAll('.axis.bottom text')].map(text)).toContain('Others (5)');
    key(el, 'End');
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="tooltip"] strong'))).toBe('Others: 5 accounts (ranks 3–7)');
  });

  it('colours bars by tier on request', async () => {
    const data = { version: 1, accounts: [...seven.accounts.slice(0, 6), { id: 'z', name: 'Zulu', revenue: 2_000, profit: -10 }] };
    const { el } = await pareto(html`<kam-pareto color-by="tier" .data=${data}></kam-pareto>`);
    expect(root(el).querySelectorAll('.bar .tier-mvc')).toHaveLength(3);
    expect(root(el).querySelectorAll('.bar .tier-bz')).toHaveLength(1);
    expect(text(root(el).querySelector('.legend'))).toContain('MVC');
    await wcExpect(el).to.be.accessible();
  });

  it('says so when no account has revenue', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${[{ id: 'a', name: 'A', revenue: 0 }, { id: 'b', name: 'B', revenue: 0 }]}></kam-pareto>`);
    expect(text(root(el).querySelector('[part~="summary"]'))).toBe('None of the 2 accounts has revenue in this period, so there is no Pareto split.');
  });
});

describe('kam-pareto: interaction', () => {
  it('is one Tab stop; arrows, Home, End and Page keys move the focused bar, announced with a tooltip', async () => {
    const { el } = await pareto(html`<kam-pareto locale="en-US" .data=${seven}></kam-pareto>`);
    expect(plot(el).tabIndex).toBe(0);
    expect(root(el).querySelectorAll('.plot [tabindex]')).toHaveLength(0);
    plot(el).focus();
    key(el, 'ArrowRight');
    await el.updateComplete;
    expect(text(root(el).querySelector('[aria-live]'))).toBe('Rank 1: Acme, $50K, 50.0% of revenue, cumulative 50.0%. Vital few.');
    expect(root(el).querySelector('.focus-ring')).not.toBeNull();
    const tip = root(el).querySelector('[part~="tooltip"]')!;
    expect(text(tip.querySelector('strong'))).toBe('Acme');
    expect(text(tip)).toContain('Rank 1: among the top accounts that make up 80.0% of revenue');
    const link = tip.querySelector('a')!;
    expect([link.getAttribute('href'), link.getAttribute('rel')]).toEqual(['https://crm.example.com/acme', 'noopener noreferrer']);
    key(el, 'End');
    await el.updateComplete;
    expect(text(root(el).querySelector('[aria-live]'))).toMatch(/^Rank 7: Gamma/);
    key(el, 'Home');
    key(el, 'PageDown');
    await el.updateComplete;
    expect(text(root(el).querySelector('[aria-live]'))).toMatch(/^Rank 7: Gamma/); // 1 + 10 stops at the last bar
    key(el, 'PageUp');
    key(el, 'ArrowRight');
    await el.updateComplete;
    expect(text(root(el).querySelector('[aria-live]'))).toMatch(/^Rank 2: Bolt/);
    await wcExpect(el).to.be.accessible();
  });

  it('selects with Enter, extends with Shift+Enter, clears with Escape, firing kam-select each time', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${seven}></kam-pareto>`);
    plot(el).focus();
    key(el, 'ArrowRight');
    let event = oneEvent(el, 'kam-select');
    key(el, 'Enter');
    expect((await event).detail).toMatchObject({ ids: ['acme'], source: 'kam-pareto' });
    key(el, 'ArrowRight');
    event = oneEvent(el, 'kam-select');
    key(el, ' ', { shiftKey: true });
    const extended = (await event).detail as KamSelectDetail;
    expect(extended.ids).toEqual(['acme', 'bolt']);
    expect(extended.accounts.map((a) => a.name)).toEqual(['Acme', 'Bolt']);
    await el.updateComplete;
    expect(root(el).querySelectorAll('rect.bar.selected')).toHaveLength(2);
    expect(root(el).querySelectorAll('rect.bar.dimmed')).toHaveLength(5);
    event = oneEvent(el, 'kam-select');
    key(el, 'Escape');
    expect((await event).detail.ids).toEqual([]);
  });

  it('selects the bar under the pointer on click, with a tooltip on hover that stays inside the widget', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${seven}></kam-pareto>`, 500);
    const bars = [...root(el).querySelectorAll<SVGRectElement>('rect.bar')];
    const box = bars[6]!.getBoundingClientRect();
    const at = { clientX: box.left + box.width / 2, clientY: box.bottom - 1, bubbles: true, composed: true };
    plot(el).dispatchEvent(new PointerEvent('pointermove', at));
    await el.updateComplete;
    const tip = root(el).querySelector<HTMLElement>('[part~="tooltip"]')!;
    expect(text(tip.querySelector('strong'))).toBe('Gamma');
    const inner = tip.getBoundingClientRect();
    const outer = el.getBoundingClientRect();
    expect(inner.left).toBeGreaterThanOrEqual(outer.left);
    expect(inner.right).toBeLessThanOrEqual(outer.right);
    const selected = oneEvent(el, 'kam-select');
    plot(el).dispatchEvent(new MouseEvent('click', at));
    expect((await selected).detail.ids).toEqual(['gamma']);
  });

  it('hits the right bar inside a scaled container', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px; transform: scale(0.5); transform-origin: 0 0">
      <kam-pareto .data=${seven}></kam-pareto>
    </div>`);
    const el = wrapper.querySelector<KamPareto>('kam-pareto')!;
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
    const box = root(el).querySelectorAll<SVGRectElement>('rect.bar')[2]!.getBoundingClientRect();
    plot(el).dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width / 2, clientY: box.bottom - 1, bubbles: true }));
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="tooltip"] strong'))).toBe('Cobalt');
  });
});

describe('kam-pareto: table and export', () => {
  it('offers a sortable table with the vital few marked', async () => {
    const { el } = await pareto(html`<kam-pareto locale="en-US" view="table" .data=${seven}></kam-pareto>`);
    const rows = [...root(el).querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(7);
    expect(rows.map((r) => text(r.children[0]!))).toEqual(['Acme vital few', 'Bolt vital few', 'Cobalt vital few', 'Delta', 'Echo', 'Fjord', 'Gamma']);
    expect(rows.map((r) => text(r.children[4]!))).toEqual(['50.0%', '70.0%', '80.0%', '88.0%', '94.0%', '98.0%', '100.0%']);
    root(el).querySelector<HTMLButtonElement>('thead th:nth-child(3) button')!.click(); // revenue, descending first
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('thead th:nth-child(3) button')!.click(); // ascending
    await el.updateComplete;
    expect(text(root(el).querySelector('tbody tr th'))).toBe('Gamma');
    await wcExpect(el).to.be.accessible();
  });

  it('marks an account whose fields the feed ignored, next to its other marks', async () => {
    const data = seven.accounts.map((a, i) => (i === 0 ? { ...a, nps: 11, csat: 9 } : i === 4 ? { ...a, url: 'javascript:alert(1)' } : a));
    const { el } = await pareto(html`<kam-pareto locale="en-US" view="table" .data=${data}></kam-pareto>`);
    const rows = [...root(el).querySelectorAll('tbody tr')];
    expect(rows.map((r) => text(r.children[0]!))).toEqual(['Acme vital few 2 fields ignored', 'Bolt vital few', 'Cobalt vital few', 'Delta', 'Echo 1 field ignored', 'Fjord', 'Gamma']);
    expect(rows[0]!.className).toBe('vital ignored');
    expect(text(root(el).querySelector('[part~="skipped-notice"] summary'))).toBe('3 fields ignored');
    await wcExpect(el).to.be.accessible();
  });

  it('exports every account as CSV with plain numbers, tier and reason', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${seven}></kam-pareto>`);
    const lines = el.toCSV().split('\r\n');
    expect(lines[0]).toBe('\uFEFFrank,id,name,revenue,share,cumulative_share,vital_few,tier,tier_reason,previous_tier,red_flags,red_flag_severity,red_flag_types');
    expect(lines[1]).toBe('1,acme,Acme,50000,0.5,0.5,true,MVC,Rank 1: among the top accounts that make up 80% of revenue (cumulative 50%).,,0,,');
    // No profit in this feed: the texts rule says so, never "profitable".
    expect(lines[4]).toBe('4,delta,Delta,8000,0.08,0.88,false,STC,Profit unknown: the feed has no profit for this account; neither among the top accounts nor growable.,,0,,');
    expect(lines).toHaveLength(9); // header, 7 accounts, final empty line
  });

  it('exports the chart as SVG with the bars, line and labels', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${seven}></kam-pareto>`);
    const doc = new DOMParser().parseFromString(await el.toSVG(), 'image/svg+xml');
    expect(doc.querySelector('title')!.textContent).toBe('3 of 7 accounts (42.9%) produce 80% of revenue.');
    expect(doc.querySelectorAll('path')).toHaveLength(1);
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).toContain('Vital few (3)');
  });
});

describe('kam-pareto: states and sizes', () => {
  it('shows loading, error with Retry, empty and skipped states', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${{ version: 1, accounts: [] }}></kam-pareto>`);
    expect(text(root(el).querySelector('[part~="state-empty"] h2'))).toBe('No accounts to show');
    el.data = { version: 2, accounts: [] };
    await el.updateComplete;
    expect(text(root(el).querySelector('[role="alert"]'))).toContain('version: expected 1 (the only feed version), got 2');
    el.data = [...seven.accounts, { id: 'bad', name: 'Bad', revenue: '12k' }];
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="skipped-notice"] summary'))).toBe('1 account skipped');
    expect(root(el).querySelectorAll('rect.bar')).toHaveLength(7);
    await wcExpect(el).to.be.accessible();
  });

  for (const width of [280, 600, 1600]) {
    it(`fits ${width} px with axis labels that do not overlap, left, right and bottom`, async () => {
      const accounts = Array.from({ length: 60 }, (_, i) => ({ id: `a${i}`, name: `Customer number ${i + 1}`, revenue: 1_000_000 / (i + 1) }));
      const { el } = await pareto(html`<kam-pareto .data=${accounts}></kam-pareto>`, width);
      expect(root(el).querySelector<SVGSVGElement>('svg.chart')!.width.baseVal.value).toBe(width);
      expect(root(el).querySelectorAll('.axis.right text').length).toBeGreaterThanOrEqual(3);
      expectLabelsApart(el);
    });
  }

  // Eight accounts leave room for names under the bars from 600 px on; at 280 px the axis falls back to ranks.
  const longNames = [
    'Worldwide Manufacturing Holdings',
    'Müller Maschinenbau GmbH & Co. KG',
    'Northern Lights Energy Cooperative',
    'MMW Medical Workwear International',
    'Société Générale des Eaux Minérales',
    'Pacific Rim Logistics and Warehousing',
    'Quantum Widget Wholesale Warehouse',
    'Zhejiang Huawei Industrial Trading Co.',
  ];
  const eightLong = longNames.map((name, i) => ({ id: `l${i}`, name, revenue: 80_000 - i * 9_000 }));
  for (const width of [280, 600, 1600]) {
    it(`shows long account names under 8 bars only where they fit, without overlap (${width} px)`, async () => {
      const { el } = await pareto(html`<kam-pareto .data=${eightLong}></kam-pareto>`, width);
      const labels = [...root(el).querySelectorAll('.axis.bottom text:not(.axis-title)')].map(text);
      if (width === 280) {
        expect(labels.every((l) => /^\d+$/.test(l))).toBe(true); // ranks: names do not fit 24 px slots
      } else {
        expect(labels).toHaveLength(8);
        labels.forEach((label, i) => {
          const name = longNames[i]!;
          expect(label === name || (label.endsWith('…') && name.startsWith(label.slice(0, -1))), `${label} for ${name}`).toBe(true);
        });
        expect(labels.some((l) => l.endsWith('…'))).toBe(true); // every name is longer than its slot
      }
      expectLabelsApart(el);
    });
  }

  it('fills a container with a set height', async () => {
    const { el } = await pareto(html`<kam-pareto style="height: 600px" .data=${seven}></kam-pareto>`, 700);
    const chart = root(el).querySelector<SVGSVGElement>('svg.chart')!;
    expect(chart.getBoundingClientRect().bottom).toBeLessThanOrEqual(el.getBoundingClientRect().bottom + 1);
    expect(chart.height.baseVal.value).toBeGreaterThan(450);
  });

  it('follows a linked kam-feed and its selection', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <kam-feed id="pareto-linked" .data=${seven}></kam-feed>
      <kam-pareto feed="pareto-linked"></kam-pareto>
    </div>`);
    const el = wrapper.querySelector<KamPareto>('kam-pareto')!;
    await el.updateComplete;
    wrapper.querySelector('kam-feed')!.selection = ['cobalt'];
    await el.updateComplete;
    expect(root(el).querySelectorAll('rect.bar.selected')).toHaveLength(1);
    expect(root(el).querySelectorAll('rect.bar')[2]!.classList.contains('selected')).toBe(true);
  });
});

// ---- media emulation (Chrome DevTools Protocol, the browser provider is playwright + chromium) --------


afterEach(async () => {
  vi.unstubAllGlobals();
  await emulateMedia([]);
});

/** Waits until `check` passes (layout and resize observers need a few frames). */
const until = (check: () => void) => vi.waitFor(check, { timeout: 3000, interval: 20 });

const barRects = (el: HTMLElement) => [...root(el).querySelectorAll<SVGRectElement>('rect.bar')];
/** The x of the vital-few bracket's left and right ends. */
const bracketEnds = (el: HTMLElement): [number, number] => {
  const points = root(el).querySelector<SVGPolylineElement>('.vital-bracket')!.points;
  return [points.getItem(0).x, points.getItem(points.numberOfItems - 1).x];
};

describe('kam-pareto: colour is never the only cue', () => {
  it('brackets and labels the vital few at 280 px, even when they are one narrow bar', async () => {
    // cutoff 0.5: Acme alone (50%) is the vital few; at 280 px its band is ~28 px, too narrow for a label inside.
    const { el } = await pareto(html`<kam-pareto cutoff="0.5" .data=${seven}></kam-pareto>`, 280);
    const bars = barRects(el);
    expect(bars.filter((b) => b.classList.contains('vital'))).toHaveLength(1);
    const [x1, x2] = bracketEnds(el);
    expect(x1).toBeCloseTo(bars[0]!.x.baseVal.value, 3);
    expect(x2).toBeCloseTo(bars[0]!.x.baseVal.value + bars[0]!.width.baseVal.value, 3); // ends with the vital bar
    expect(x2).toBeLessThan(bars[1]!.x.baseVal.value);
    const label = root(el).querySelector('.vital-marker .band-label')!;
    expect(text(label)).toBe('Vital few');
    expect(label.getBoundingClientRect().width).toBeGreaterThan(0);
    expectLabelsApart(el);
    await wcExpect(el).to.be.accessible();
  });

  it('spans the bracket over exactly the vital bars', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${seven}></kam-pareto>`, 300);
    const bars = barRects(el);
    const [, x2] = bracketEnds(el);
    // 3 vital of 7: the bracket ends at the right edge of the third bar, before the fourth.
    expect(x2).toBeCloseTo(bars[2]!.x.baseVal.value + bars[2]!.width.baseVal.value, 3);
    expect(x2).toBeLessThan(bars[3]!.x.baseVal.value);
  });

  // Acme, Bolt, Cobalt: MVC (the vital few); Delta: MGC (headroom 20k - 8k = 12k >= its revenue); Echo, Fjord: STC; Zulu: BZ (profit < 0).
  const tiered = {
    version: 1,
    accounts: [...seven.accounts.slice(0, 3), { ...seven.accounts[3]!, potential: 20_000 }, ...seven.accounts.slice(4, 6), { id: 'z', name: 'Zulu', revenue: 2_000, profit: -10 }],
  };
  const patternOf = (el: HTMLElement, id: string) => root(el).querySelector(`svg.chart pattern#${id}`)!;

  it('fills tier bars and legend swatches with one pattern per tier: MVC solid, MGC striped, STC dotted, BZ cross-hatched', async () => {
    const { el } = await pareto(html`<kam-pareto color-by="tier" .data=${tiered}></kam-pareto>`);
    const rects = [...root(el).querySelectorAll<SVGRectElement>('g.bar rect')];
    expect(rects.length).toBe(7);
    for (const rect of rects) {
      const tier = rect.getAttribute('class')!; // tier-mvc, …
      expect(rect.getAttribute('fill')).toBe(`url(#${tier})`);
      expect(getComputedStyle(rect).fill).toBe(`url("#${tier}")`); // no stylesheet overrides the pattern
    }
    expect(patternOf(el, 'tier-mvc').querySelector('.pattern-mark')).toBeNull();
    expect(patternOf(el, 'tier-mgc').querySelector('path.pattern-mark')!.getAttribute('d')).toBe('M-1 1L1 -1M0 6L6 0M5 7L7 5');
    expect(patternOf(el, 'tier-stc').querySelector('circle.pattern-mark')).not.toBeNull();
    expect(patternOf(el, 'tier-bz').querySelector('path.pattern-mark')!.getAttribute('d')).toBe('M0 0L6 6M6 0L0 6');
    for (const tier of ['mvc', 'mgc', 'stc', 'bz']) {
      expect(root(el).querySelector(`.legend-box.tier-${tier}`)!.getAttribute('fill')).toBe(`url(#tier-${tier})`);
    }
    const doc = new DOMParser().parseFromString(await el.toSVG(), 'image/svg+xml');
    expect(doc.querySelectorAll('pattern')).toHaveLength(4);
    expect([...doc.querySelectorAll('rect')].filter((r) => r.getAttribute('fill')?.includes('#tier-bz'))).toHaveLength(2); // Zulu's bar and the swatch
    await wcExpect(el).to.be.accessible();
  });

  it('in forced colours every tier colour is CanvasText, and the patterns still tell the tiers apart', async () => {
    const { el } = await pareto(html`<kam-pareto color-by="tier" .data=${tiered}></kam-pareto>`);
    const baseFill = (tier: string) => getComputedStyle(patternOf(el, `tier-${tier}`).querySelector('.pattern-base')!).fill;
    expect(new Set(['mvc', 'mgc', 'stc', 'bz'].map(baseFill)).size).toBe(4); // four colours in the light theme
    await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    expect(new Set(['mvc', 'mgc', 'stc', 'bz'].map(baseFill)).size).toBe(1); // one system colour for all
    const mark = getComputedStyle(patternOf(el, 'tier-mgc').querySelector('.pattern-mark')!).fill;
    expect(mark).not.toBe(baseFill('mgc')); // stripes in Canvas on CanvasText
    const fills = new Set([...root(el).querySelectorAll('g.bar rect')].map((r) => getComputedStyle(r).fill));
    expect(fills).toEqual(new Set(['url("#tier-mvc")', 'url("#tier-mgc")', 'url("#tier-stc")', 'url("#tier-bz")']));
  });

  it('in forced colours the vital few keep their own system colour and the bracket', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${seven}></kam-pareto>`);
    await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
    const bars = barRects(el);
    expect(getComputedStyle(bars[0]!).fill).not.toBe(getComputedStyle(bars[6]!).fill);
    expect(getComputedStyle(root(el).querySelector('.vital-bracket')!).stroke).not.toBe('none');
    await wcExpect(el).to.be.accessible();
  });

  it('stops every animation and transition when the user prefers reduced motion', async () => {
    vi.stubGlobal('fetch', () => new Promise<Response>(() => {}));
    const el = document.createElement('kam-pareto');
    el.src = '/never.json';
    document.body.append(el);
    try {
      await until(() => expect(root(el).querySelector('.skeleton span')).not.toBeNull());
      const pulse = () => getComputedStyle(root(el).querySelector('.skeleton span')!).animationName;
      expect(pulse()).toBe('kam-pulse');
      await emulateMedia([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      expect(pulse()).toBe('none');
      el.data = seven;
      await until(() => expect(barRects(el)).toHaveLength(7));
      for (const node of root(el).querySelectorAll('*')) {
        const style = getComputedStyle(node);
        expect([style.animationName, style.transitionDuration]).toEqual(['none', '0s']);
      }
    } finally {
      el.remove();
    }
  });
});

describe('kam-pareto: the tooltip link', () => {
  it('stays when the pointer moves from the bar onto the tooltip, and its link takes the click', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${seven}></kam-pareto>`, 500);
    const selections: string[][] = [];
    el.addEventListener('kam-select', (e) => selections.push(e.detail.ids));
    const clicked: EventTarget[] = [];
    root(el).addEventListener('click', (e) => {
      const target = e.composedPath()[0] as Element;
      if (target.closest('a')) {
        clicked.push(target.closest('a')!);
        e.preventDefault(); // no new tab in the test browser
      }
    });
    const acme = barRects(el)[0]!;
    const box = acme.getBoundingClientRect();
    await userEvent.hover(acme, { position: { x: box.width / 2, y: box.height - 3 } });
    await until(() => expect(text(root(el).querySelector('[part~="tooltip"] strong'))).toBe('Acme'));
    const link = root(el).querySelector<HTMLAnchorElement>('[part~="tooltip"] a')!;
    // The link lies over another bar's slot: without the guard the hover would move to that bar.
    const linkBox = link.getBoundingClientRect();
    expect(linkBox.left + linkBox.width / 2).toBeGreaterThan(barRects(el)[1]!.getBoundingClientRect().left);
    await userEvent.hover(link);
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="tooltip"] strong'))).toBe('Acme');
    expect(Number(root(el).querySelector('.hover-ring')!.getAttribute('x')) + 2).toBeCloseTo(acme.x.baseVal.value, 3);
    await userEvent.click(link);
    await el.updateComplete;
    expect(clicked).toEqual([link]);
    expect(selections).toEqual([]); // a click on the tooltip does not select the bar beneath
    expect([link.getAttribute('href'), link.getAttribute('rel'), link.getAttribute('target')]).toEqual(['https://crm.example.com/acme', 'noopener noreferrer', '_blank']);
  });

  it('links only http and https addresses: any other URL is ignored by the feed, and its account kept without a link', async () => {
    const urls = ['https://crm.example.com/a', 'http://crm.example.com/b', 'javascript:alert(1)', 'ftp://files.example.com/c', 'data:text/html,x'];
    const accounts = urls.map((url, i) => ({ id: `u${i}`, name: `U${i}`, revenue: 100 - i, url }));
    const { el } = await pareto(html`<kam-pareto .data=${accounts}></kam-pareto>`);
    expect(text(root(el).querySelector('[part~="skipped-notice"] summary'))).toBe('3 fields ignored');
    plot(el).focus();
    const hrefs: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      key(el, 'ArrowRight');
      await el.updateComplete;
      hrefs.push(root(el).querySelector('[part~="tooltip"] a')?.getAttribute('href') ?? null);
    }
    expect(hrefs).toEqual(['https://crm.example.com/a', 'http://crm.example.com/b', null, null, null]);
    expect(root(el).querySelectorAll('a[href^="javascript"], a[href^="ftp"], a[href^="data"]')).toHaveLength(0);
  });
});

describe('kam-pareto: values at the edges of the contract', () => {
  /** Every attribute of the chart's SVG and every text of the widget: none is NaN or Infinity. */
  function expectFiniteEverywhere(el: KamPareto) {
    const svg = root(el).querySelector('svg.chart');
    for (const node of svg ? [svg, ...svg.querySelectorAll('*')] : []) {
      for (const attribute of node.attributes) expect(attribute.value, `${node.localName} ${attribute.name}`).not.toMatch(/NaN|Infinity/);
    }
    expect(root(el).textContent).not.toMatch(/NaN|Infinity|∞/);
  }

  it('draws accounts at the money bound, one alone and a thousand, with finite figures', async () => {
    const bound = [{ id: 'a', name: 'A', revenue: 1e18 }, { id: 'b', name: 'B', revenue: 1e18 }, { id: 'c', name: 'C', revenue: 0 }];
    const { el } = await pareto(html`<kam-pareto locale="en-US" .data=${bound}></kam-pareto>`);
    expect(text(root(el).querySelector('[part~="summary"]'))).toBe('2 of 3 accounts (66.7%) produce 80% of revenue.');
    expectFiniteEverywhere(el);
    el.data = Array.from({ length: 1000 }, (_, i) => ({ id: `x${i}`, name: `X${i}`, revenue: 1e18 - i }));
    await el.updateComplete;
    expectFiniteEverywhere(el);
    el.data = [{ id: 'z', name: 'Z', revenue: 0 }];
    await el.updateComplete;
    expect(root(el).querySelector('svg.chart')).not.toBeNull();
    expectFiniteEverywhere(el);
    el.view = 'table';
    await el.updateComplete;
    expectFiniteEverywhere(el);
  });

  it('two accounts of 1e308 (past the money bound) are skipped instead of making every total infinite', async () => {
    const data = [{ id: 'a', name: 'A', revenue: 1e308 }, { id: 'b', name: 'B', revenue: 1e308 }, ...seven.accounts];
    const { el } = await pareto(html`<kam-pareto locale="en-US" .data=${data}></kam-pareto>`);
    expect(text(root(el).querySelector('[part~="skipped-notice"] summary'))).toBe('2 accounts skipped');
    expect(text(root(el).querySelector('[part~="summary"]'))).toBe('3 of 7 accounts (42.9%) produce 80% of revenue.');
    expectFiniteEverywhere(el);
  });

  it('says why a feed whose totals would overflow cannot be shown', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${[{ id: 'a', name: 'A', revenue: 1, effort: 1e308 }, { id: 'b', name: 'B', revenue: 1, effort: 1e308 }]}></kam-pareto>`);
    expect(text(root(el).querySelector('[part~="state-error"]'))).toContain('the effort figures add up to more than the largest number the kit can compute with');
  });

  it('draws the first 200 characters of a 10 MB name, and keeps the whole name in the data', async () => {
    const long = `Northwind ${'x'.repeat(10_000_000)}`;
    const data = [{ id: 'long', name: long, revenue: 100_000 }, ...seven.accounts.slice(1, 3)];
    const { el } = await pareto(html`<kam-pareto locale="en-US" .data=${data}></kam-pareto>`, 2000);
    expect(el.portfolio!.accounts[0]!.name).toHaveLength(long.length);
    const label = [...root(el).querySelectorAll('.axis.bottom text')].map((t) => t.textContent ?? '').find((t) => t.startsWith('Northwind'))!;
    expect(label.length).toBeLessThanOrEqual(200);
    plot(el).focus();
    key(el, 'Home');
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="tooltip"] strong')).length).toBe(200);
    el.view = 'table';
    await el.updateComplete;
    expect(text(root(el).querySelector('tbody tr th'))).toBe(`${long.slice(0, 199)}… vital few`);
    expect(root(el).textContent!.length).toBeLessThan(10_000);
  });
});

describe('kam-pareto: every state', () => {
  it('loading: a status view, aria-busy on the host, then the chart', async () => {
    const held = holdFetch();
    const el = appendWithSrc('kam-pareto', '/feeds/accounts.json');
    try {
      await until(() => expect(el.getAttribute('aria-busy')).toBe('true'));
      const view = root(el).querySelector('[part~="state-loading"]')!;
      expect([view.getAttribute('role'), text(view)]).toEqual(['status', 'Loading accounts…']);
      await wcExpect(el).to.be.accessible();
      held.respond(seven);
      await el.updateComplete;
      expect(el.hasAttribute('aria-busy')).toBe(false);
      expect(barRects(el)).toHaveLength(7);
    } finally {
      el.remove();
    }
  });

  it('network error: says what failed, offers Retry, and Retry loads the chart', async () => {
    const fetchMock = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(jsonResponse(seven));
    vi.stubGlobal('fetch', fetchMock);
    const { el } = await pareto(html`<kam-pareto src="/feeds/accounts.json"></kam-pareto>`);
    const view = root(el).querySelector('[part~="state-error"]')!;
    expect(view.getAttribute('role')).toBe('alert');
    expect(text(view.querySelector('h2'))).toBe('The feed could not be loaded');
    expect(text(view)).toContain('/feeds/accounts.json');
    expect(text(view)).toContain('the request failed (Failed to fetch)');
    await wcExpect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await el.updateComplete;
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(text(root(el).querySelector('[part~="summary"]'))).toBe('3 of 7 accounts (42.9%) produce 80% of revenue.');
  });

  it('idle: explains the inputs when there is none', async () => {
    const { el } = await pareto(html`<kam-pareto></kam-pareto>`);
    expect(text(root(el).querySelector('[part~="state-idle"] h2'))).toBe('No data yet');
    await wcExpect(el).to.be.accessible();
  });

  it('empty: a valid feed without accounts', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${{ version: 1, accounts: [] }}></kam-pareto>`);
    const view = root(el).querySelector('[part~="state-empty"]')!;
    expect(text(view)).toBe('No accounts to show The feed is valid but has no accounts.');
    expect(root(el).querySelector('svg.chart')).toBeNull();
    await wcExpect(el).to.be.accessible();
  });

  it('skipped: the notice lists them, and the figures count only the valid accounts', async () => {
    const data = [...seven.accounts, { id: 'bad', name: 'Bad', revenue: '12k' }, { id: 'neg', name: 'Neg', revenue: -5 }];
    const { el } = await pareto(html`<kam-pareto locale="en-US" .data=${data}></kam-pareto>`);
    const notice = root(el).querySelector('[part~="skipped-notice"]')!;
    expect(text(notice.querySelector('summary'))).toBe('2 accounts skipped');
    expect(notice.querySelectorAll('li')).toHaveLength(2);
    expect(text(root(el).querySelector('[part~="summary"]'))).toBe('3 of 7 accounts (42.9%) produce 80% of revenue.');
    expect(barRects(el)).toHaveLength(7);
    await wcExpect(el).to.be.accessible();
  });

  it('skipped, all of them: the empty view says why', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${[{ id: 'bad', name: 'Bad', revenue: '12k' }, { id: 'x', revenue: 1 }]}></kam-pareto>`);
    expect(text(root(el).querySelector('[part~="state-empty"] p'))).toBe(
      'All 2 accounts in the feed broke the contract and were skipped; the reasons are listed above.',
    );
    await wcExpect(el).to.be.accessible();
  });

  it('resizes live from 800 to 300 px: bars re-bucketed, axes apart, the focused account kept', async () => {
    // 200 accounts: one bar each at 800 px; at 300 px the plot is 300 - 44 (left, "$800K") - 42 = 214 px,
    // room for floor(214 / 2) = 107 bars, so ranks are grouped.
    const accounts = Array.from({ length: 200 }, (_, i) => ({ id: `a${i + 1}`, name: `Account ${i + 1}`, revenue: 1_000_000 / (i + 1) }));
    const total = accounts.reduce((sum, a) => sum + a.revenue, 0);
    const { el, wrapper } = await pareto(html`<kam-pareto locale="en-US" .data=${accounts}></kam-pareto>`, 800);
    expect(el.drawnBars).toHaveLength(200);
    expect(text(root(el).querySelector('.axis-title'))).toBe('Accounts by rank');
    plot(el).focus();
    key(el, 'PageDown'); // rank 11
    key(el, 'PageDown'); // rank 21
    await el.updateComplete;
    wrapper.style.width = '300px';
    await until(() => expect(root(el).querySelector<SVGSVGElement>('svg.chart')!.width.baseVal.value).toBe(300));
    await el.updateComplete;
    const bars = el.drawnBars;
    expect(bars.length).toBeLessThanOrEqual(107);
    expect(bars.length).toBeGreaterThan(90);
    expect(bars.some((b) => b.count > 1)).toBe(true);
    expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(200);
    expect(bars.reduce((sum, b) => sum + b.revenue, 0)).toBeCloseTo(total, 6);
    expect(barRects(el)).toHaveLength(bars.length);
    expect(text(root(el).querySelector('.axis-title'))).toBe('Accounts by rank (grouped)');
    expect(root(el).querySelectorAll('.axis.left text').length).toBeGreaterThanOrEqual(2);
    expect(root(el).querySelectorAll('.axis.right text').length).toBeGreaterThanOrEqual(3);
    expectLabelsApart(el);
    // The focus ring now marks the bucket that holds rank 21.
    const focused = bars.findIndex((b) => b.firstRank <= 21 && 21 <= b.lastRank);
    expect(Number(root(el).querySelector('.focus-ring')!.getAttribute('x')) + 2).toBeCloseTo(barRects(el)[focused]!.x.baseVal.value, 3);
  });
});

describe('kam-pareto: the tooltip stays inside the widget', () => {
  const longNamed = {
    version: 1,
    accounts: names.map((name, i) => ({
      id: name.toLowerCase(),
      name: `${name} Internationale Handelsgesellschaft für Maschinen und Anlagen mbH`,
      revenue: revenues[i]!,
      url: `https://crm.example.com/${name.toLowerCase()}`,
    })),
  };
  const expectInside = (inner: DOMRect, outer: DOMRect, what: string) => {
    expect(inner.left, `${what} left`).toBeGreaterThanOrEqual(outer.left - 0.5);
    expect(inner.right, `${what} right`).toBeLessThanOrEqual(outer.right + 0.5);
    expect(inner.top, `${what} top`).toBeGreaterThanOrEqual(outer.top - 0.5);
    expect(inner.bottom, `${what} bottom`).toBeLessThanOrEqual(outer.bottom + 0.5);
  };

  it('on all four edges, for every bar at 280 px', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${longNamed}></kam-pareto>`, 280);
    plot(el).focus();
    for (let i = 0; i < 7; i++) {
      key(el, 'ArrowRight');
      await el.updateComplete;
      const tip = root(el).querySelector<HTMLElement>('[part~="tooltip"]')!;
      expectInside(tip.getBoundingClientRect(), el.getBoundingClientRect(), `bar ${i + 1}`);
    }
  });

  it('inside a scrolled overflow:auto container, hovering the right bar', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px; height: 240px; overflow: auto">
      <div style="height: 150px"></div>
      <kam-pareto .data=${longNamed}></kam-pareto>
      <div style="height: 400px"></div>
    </div>`);
    const el = wrapper.querySelector<KamPareto>('kam-pareto')!;
    await el.updateComplete;
    await until(() => expect(barRects(el)).toHaveLength(7));
    wrapper.scrollTop = 230;
    const bars = barRects(el);
    for (const i of [0, 3, 6]) {
      const box = bars[i]!.getBoundingClientRect();
      plot(el).dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width / 2, clientY: box.bottom - 1, bubbles: true, composed: true }));
      await el.updateComplete;
      const tip = root(el).querySelector<HTMLElement>('[part~="tooltip"]')!;
      expect(text(tip.querySelector('strong'))).toMatch(new RegExp(`^${names[i]} `));
      expectInside(tip.getBoundingClientRect(), el.getBoundingClientRect(), `bar ${i + 1}`);
    }
  });
});

describe('kam-pareto: documented surface', () => {
  // Documented on the element, or once for every widget on the frame it extends.
  const documentedParts = new Set([...(paretoSource + widgetSource).matchAll(/@csspart (\S+)/g)].map((m) => m[1]!));

  it('renders only documented parts, in the chart, the table, the tooltip and the states', async () => {
    const seen = new Set<string>();
    const collect = (el: HTMLElement) => root(el).querySelectorAll('[part]').forEach((n) => n.getAttribute('part')!.split(/\s+/).forEach((p) => seen.add(p)));
    const many = Array.from({ length: 120 }, (_, i) => ({ id: `m${i}`, name: `M${i}`, revenue: 120 - i }));
    const { el } = await pareto(html`<kam-pareto .data=${[...seven.accounts, { id: 'bad', revenue: 'x' }]}></kam-pareto>`);
    plot(el).focus();
    key(el, 'ArrowRight');
    key(el, 'Enter');
    await el.updateComplete;
    collect(el);
    el.data = many;
    el.view = 'table';
    await el.updateComplete;
    collect(el);
    el.data = { version: 1, accounts: [] };
    await el.updateComplete;
    collect(el);
    el.data = { version: 2 };
    await el.updateComplete;
    collect(el);
    expect([...seen].filter((p) => !documentedParts.has(p))).toEqual([]);
    for (const part of ['plot', 'tooltip', 'clear-selection', 'skipped-notice', 'table', 'table-container', 'show-more', 'state-empty', 'state-error']) {
      expect(seen.has(part), part).toBe(true);
    }
  });
});

describe('kam-pareto: safety, keys, events and theme', () => {
  const markup = '<img src=x onerror="window.__paretoXss=true">';
  const withMarkup = { version: 1, accounts: [{ id: 'x', name: markup, revenue: 90_000 }, ...seven.accounts.slice(1)] };

  it('shows a name that looks like markup as text in the tooltip, the table and the SVG export', async () => {
    (window as unknown as { __paretoXss?: boolean }).__paretoXss = false;
    const { el } = await pareto(html`<kam-pareto .data=${withMarkup}></kam-pareto>`);
    plot(el).focus();
    key(el, 'Home');
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="tooltip"] strong'))).toBe(markup);
    expect(root(el).querySelector('img')).toBeNull();
    const svgText = await el.toSVG();
    expect(svgText).not.toContain('<img');
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    expect(doc.querySelector('parsererror, img')).toBeNull();
    expect([...doc.querySelectorAll('text')].some((t) => t.textContent!.startsWith('<img src=x'))).toBe(true); // the first bar's label
    el.view = 'table';
    await el.updateComplete;
    expect(text(root(el).querySelector('tbody tr th'))).toBe(`${markup} vital few`);
    expect(root(el).querySelector('img')).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect((window as unknown as { __paretoXss?: boolean }).__paretoXss).toBe(false);
  });

  it('guards CSV cells that a spreadsheet would run as formulas: =, +, -, @', async () => {
    const names = ['+SUM(A1:A9)', '-2+3', '=HYPERLINK("http://x")', '@cmd', 'Plain'];
    const accounts = names.map((name, i) => ({ id: i === 4 ? '-id' : `f${i}`, name, revenue: 50 - i * 10 }));
    const { el } = await pareto(html`<kam-pareto .data=${accounts}></kam-pareto>`);
    const rows = el.toCSV().split('\r\n').slice(1, 6).map((line) => line.split(',').slice(1, 3).join(','));
    expect(rows).toEqual(["f0,'+SUM(A1:A9)", "f1,'-2+3", 'f2,"\'=HYPERLINK(""http://x"")"', "f3,'@cmd", "'-id,Plain"]);
  });

  it('ArrowLeft moves to the previous bar and stops at the first', async () => {
    const { el } = await pareto(html`<kam-pareto locale="en-US" .data=${seven}></kam-pareto>`);
    plot(el).focus();
    const live = () => text(root(el).querySelector('[aria-live]'));
    key(el, 'End');
    key(el, 'ArrowLeft');
    await el.updateComplete;
    expect(live()).toBe('Rank 6: Fjord, $4K, 4.0% of revenue, cumulative 98.0%.');
    key(el, 'ArrowLeft');
    await el.updateComplete;
    expect(live()).toMatch(/^Rank 5: Echo/);
    key(el, 'Home');
    key(el, 'ArrowLeft');
    await el.updateComplete;
    expect(live()).toMatch(/^Rank 1: Acme/);
    expect(text(root(el).querySelector('[part~="tooltip"] strong'))).toBe('Acme');
  });

  it('fires kam-select and kam-load through an enclosing shadow root to the document', async () => {
    if (!customElements.get('pareto-shadow-host')) {
      customElements.define(
        'pareto-shadow-host',
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' }).innerHTML = '<kam-pareto></kam-pareto>';
          }
        },
      );
    }
    const heard: { type: string; target: EventTarget | null; detail: unknown }[] = [];
    const listen = (e: Event) => heard.push({ type: e.type, target: e.target, detail: (e as CustomEvent).detail });
    document.addEventListener('kam-select', listen);
    document.addEventListener('kam-load', listen);
    try {
      const outer = await fixture<HTMLElement>(html`<pareto-shadow-host></pareto-shadow-host>`);
      const el = outer.shadowRoot!.querySelector<KamPareto>('kam-pareto')!;
      el.data = seven;
      await el.updateComplete;
      plot(el).focus();
      key(el, 'ArrowRight');
      key(el, 'Enter');
      expect(heard.map((h) => h.type)).toEqual(['kam-load', 'kam-select']);
      expect(heard.every((h) => h.target === outer)).toBe(true); // retargeted to the outer host, as the page sees it
      expect((heard[1]!.detail as KamSelectDetail).ids).toEqual(['acme']);
    } finally {
      document.removeEventListener('kam-select', listen);
      document.removeEventListener('kam-load', listen);
    }
  });

  it('theme="auto" follows prefers-color-scheme; "light" does not', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <kam-pareto theme="auto" .data=${seven}></kam-pareto><kam-pareto theme="light" .data=${seven}></kam-pareto>
    </div>`);
    const [auto, light] = [...wrapper.querySelectorAll('kam-pareto')] as KamPareto[];
    const bg = (el: HTMLElement) => getComputedStyle(el).getPropertyValue('--kam-bg').trim();
    await emulateMedia([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect([bg(auto!), bg(light!)]).toEqual(['#0d1117', '#ffffff']);
    expect(getComputedStyle(auto!).colorScheme).toBe('dark');
    await wcExpect(auto!).to.be.accessible();
    await emulateMedia([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect([bg(auto!), bg(light!)]).toEqual(['#ffffff', '#ffffff']);
  });
});

describe('kam-pareto: screen readers and focus', () => {
  it('hides the chart picture and points to the table from the plot’s description', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${seven}></kam-pareto>`);
    expect(root(el).querySelector('svg.chart')!.getAttribute('aria-hidden')).toBe('true');
    const description = root(el).getElementById(plot(el).getAttribute('aria-describedby')!)!;
    const toggle = root(el).querySelector('[part~="view-toggle"]')!;
    expect(text(toggle)).toBe('View as table');
    expect(text(description)).toContain(`the "${text(toggle)}" button above it shows the same accounts as a table`);
    await wcExpect(el).to.be.accessible();
  });

  it('keeps the keyboard on the same account when a refresh brings a new, equal feed', async () => {
    const { el } = await pareto(html`<kam-pareto locale="en-US" .data=${seven}></kam-pareto>`);
    plot(el).focus();
    key(el, 'ArrowRight');
    key(el, 'ArrowRight');
    key(el, 'ArrowRight'); // Cobalt, rank 3
    await el.updateComplete;
    const ringX = () => Number(root(el).querySelector('.focus-ring')?.getAttribute('x') ?? NaN) + 2;
    expect(ringX()).toBeCloseTo(barRects(el)[2]!.x.baseVal.value, 3);
    el.data = structuredClone(seven); // same accounts, new object: a background refresh
    await el.updateComplete;
    expect(ringX()).toBeCloseTo(barRects(el)[2]!.x.baseVal.value, 3);
    expect(text(root(el).querySelector('[part~="tooltip"] strong'))).toBe('Cobalt');
    key(el, 'ArrowRight');
    await el.updateComplete;
    expect(text(root(el).querySelector('[aria-live]'))).toMatch(/^Rank 4: Delta/);
  });

  it('follows the focused account to its new rank, and lets go only when it is gone', async () => {
    const { el } = await pareto(html`<kam-pareto locale="en-US" .data=${seven}></kam-pareto>`);
    plot(el).focus();
    key(el, 'End'); // Gamma, rank 7 with 2k
    await el.updateComplete;
    const grown = { version: 1, accounts: seven.accounts.map((a) => (a.id === 'gamma' ? { ...a, revenue: 15_000 } : a)) }; // now rank 3
    el.data = grown;
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="tooltip"] strong'))).toBe('Gamma');
    expect(Number(root(el).querySelector('.focus-ring')!.getAttribute('x')) + 2).toBeCloseTo(barRects(el)[2]!.x.baseVal.value, 3);
    el.data = { version: 1, accounts: seven.accounts.filter((a) => a.id !== 'gamma') };
    await el.updateComplete;
    expect(root(el).querySelector('.focus-ring')).toBeNull();
    expect(root(el).querySelector('[part~="tooltip"]')).toBeNull();
    key(el, 'ArrowRight');
    await el.updateComplete;
    expect(text(root(el).querySelector('[aria-live]'))).toMatch(/^Rank 1: Acme/);
  });
});
