import { describe, expect, it } from 'vitest';
import { expect as wcExpect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/pareto/define.js';
import '../../src/components/feed/define.js';
import type { KamPareto } from '../../src/components/pareto/kam-pareto.js';
import type { KamSelectDetail } from '../../src/internal/events.js';

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

  it('exports every account as CSV with plain numbers, tier and reason', async () => {
    const { el } = await pareto(html`<kam-pareto .data=${seven}></kam-pareto>`);
    const lines = el.toCSV().split('\r\n');
    expect(lines[0]).toBe('\uFEFFrank,id,name,revenue,share,cumulative_share,vital_few,tier,tier_reason');
    expect(lines[1]).toBe('1,acme,Acme,50000,0.5,0.5,true,MVC,Rank 1: among the top accounts that make up 80% of revenue (cumulative 50%).');
    expect(lines[4]).toBe('4,delta,Delta,8000,0.08,0.88,false,STC,"Not below zero, not among the top accounts, and without enough headroom or growth to be growable."');
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
    it(`fits ${width} px with axis labels that do not overlap`, async () => {
      const accounts = Array.from({ length: 60 }, (_, i) => ({ id: `a${i}`, name: `Customer number ${i + 1}`, revenue: 1_000_000 / (i + 1) }));
      const { el } = await pareto(html`<kam-pareto .data=${accounts}></kam-pareto>`, width);
      const chart = root(el).querySelector<SVGSVGElement>('svg.chart')!;
      expect(chart.width.baseVal.value).toBe(width);
      for (const axis of ['.axis.bottom text:not(.axis-title)', '.axis.left text', '.legend text']) {
        const boxes = [...root(el).querySelectorAll<SVGTextElement>(axis)].map((t) => t.getBoundingClientRect()).filter((b) => b.width > 0);
        for (let i = 1; i < boxes.length; i++) {
          const [a, b] = [boxes[i - 1]!, boxes[i]!];
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap, `${axis} ${i}`).toBe(false);
        }
        for (const b of boxes) {
          expect(b.left).toBeGreaterThanOrEqual(chart.getBoundingClientRect().left - 1);
          expect(b.right).toBeLessThanOrEqual(chart.getBoundingClientRect().right + 1);
        }
      }
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
