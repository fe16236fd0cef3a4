import { afterEach, describe, expect, it, vi } from 'vitest';
import { emulateMedia } from '../support/media.js';
import { expect as wcExpect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/quadrant/define.js';
import '../../src/components/feed/define.js';
import type { KamQuadrant } from '../../src/components/quadrant/kam-quadrant.js';
import type { KamFeed } from '../../src/components/feed/kam-feed.js';
import type { AccountInput } from '../../src/feed/schema.js';
import type { KamSelectDetail } from '../../src/internal/events.js';
import { appendWithSrc, holdFetch } from '../support/fixtures.js';

/**
 * Seven accounts. f has no effort, so six are plotted; c has no impact, so its impact is its growth
 * headroom 160 − 100 = 60. Tiers are given in the feed so the shapes are known.
 *
 *          effort  impact  revenue  tier
 *   a Acme      10     100      500  MVC
 *   b Bolt      20      50      200  MVC
 *   c Cobalt    40    (60)      100  MGC
 *   d Drain Co  50      10       80  BZ
 *   e Ember     70       5       20  STC
 *   f Flint      –      30       50  STC   not plotted
 *   g Garnet    10      80      100  MGC
 *
 * Medians of the plotted six: effort (10 10 20 40 50 70) -> 30, impact (5 10 50 60 80 100) -> 55.
 *   Quick wins: a, g (effort 20 of 200 = 10.0%, revenue $600)   Strategic: c (40 = 20.0%, $100)
 *   Maintain: b (20 = 10.0%, $200)                               Over-served: d, e (120 = 60.0%, $100 of $1,000 = 10.0%)
 *
 * In a 600 px wide widget: legend one row, plot box x 46..582, y 32..332 (the widest y tick "100" is
 * 19.1 px, + 8 + 18 for the title); x domain 0..70 (7.657 px per unit of effort), y 0..100 (3 px per
 * unit of impact). So a (122.6, 32), b (199.1, 182), c (352.3, 152), d (428.9, 302), e (582, 317), g (122.6, 92).
 */
const accounts: AccountInput[] = [
  { id: 'a', name: 'Acme', revenue: 500, effort: 10, impact: 100, tier: 'MVC' },
  { id: 'b', name: 'Bolt', revenue: 200, effort: 20, impact: 50, tier: 'MVC' },
  { id: 'c', name: 'Cobalt', revenue: 100, effort: 40, potential: 160, tier: 'MGC' },
  { id: 'd', name: 'Drain Co', revenue: 80, effort: 50, impact: 10, tier: 'BZ', profit: -20 },
  { id: 'e', name: 'Ember', revenue: 20, effort: 70, impact: 5, tier: 'STC' },
  { id: 'f', name: 'Flint', revenue: 50, impact: 30, tier: 'STC' },
  { id: 'g', name: 'Garnet', revenue: 100, effort: 10, impact: 80, tier: 'MGC' },
];
const feed = { version: 1, currency: 'USD', accounts };
const AT: Record<string, [number, number]> = { a: [122.6, 32], b: [199.1, 182], c: [352.3, 152], d: [428.9, 302], e: [582, 317], g: [122.6, 92] };

const root = (el: HTMLElement) => el.shadowRoot!;
const part = (el: HTMLElement, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const texts = (el: HTMLElement, selector: string) => [...root(el).querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
const plot = (el: HTMLElement) => root(el).querySelector<HTMLElement>('.plot')!;
const live = (el: HTMLElement) => root(el).querySelector('[aria-live]')!.textContent!.trim();
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const key = async (el: KamQuadrant, k: string, init: KeyboardEventInit = {}) => {
  plot(el).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, ...init }));
  await el.updateComplete;
};
/** A pointer event at plot coordinates (x, y). */
const pointer = async (el: KamQuadrant, type: string, x: number, y: number, init: PointerEventInit = {}) => {
  const box = plot(el).getBoundingClientRect();
  plot(el).dispatchEvent(new PointerEvent(type, { clientX: box.left + x, clientY: box.top + y, button: 0, pointerId: 1, bubbles: true, composed: true, ...init }));
  await el.updateComplete;
};
const drag = async (el: KamQuadrant, from: [number, number], to: [number, number], init: PointerEventInit = {}) => {
  await pointer(el, 'pointerdown', ...from, init);
  await pointer(el, 'pointermove', (from[0] + to[0]) / 2, (from[1] + to[1]) / 2, init);
  await pointer(el, 'pointermove', ...to, init);
  await pointer(el, 'pointerup', ...to, init);
};
/** Centre and radius of a drawn circle (MVC) from its path "M{x-r},{y}a{r},{r} …". */
const circle = (path: Element) => {
  const [, mx, my, r] = /^M([\d.-]+),([\d.-]+)a([\d.]+),/.exec(path.getAttribute('d')!)!.map(Number);
  return { x: mx! + r!, y: my!, r: r! };
};

async function quadrantOf(data: unknown = feed, attrs: Partial<KamQuadrant> = {}, width = 600): Promise<KamQuadrant> {
  const box = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><kam-quadrant locale="en-US" .data=${data}></kam-quadrant></div>`);
  const el = box.querySelector('kam-quadrant')!;
  Object.assign(el, attrs);
  await frames();
  await el.updateComplete;
  return el;
}

describe('quadrant: summary and figures', () => {
  it('states the over-served share of effort and revenue in the summary, the accessible name of the chart, in both themes', async () => {
    const el = await quadrantOf();
    const summary = '60.0% of effort goes to 2 over-served accounts that hold 10.0% of revenue.';
    expect(part(el, 'summary')!.textContent).toBe(summary);
    expect(plot(el).getAttribute('aria-labelledby')).toBe('summary');
    expect(plot(el).getAttribute('tabindex')).toBe('0');
    await wcExpect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await wcExpect(el).to.be.accessible();
  });

  it('shows each quadrant with its accounts, share of effort and revenue', async () => {
    const el = await quadrantOf();
    expect(texts(el, '[part~="quadrant-button"]')).toEqual([
      'Quick wins 2 accounts · 10.0% of effort · $600 revenue',
      'Strategic investments 1 account · 20.0% of effort · $100 revenue',
      'Maintain 1 account · 10.0% of effort · $200 revenue',
      'Over-served 2 accounts · 60.0% of effort · $100 revenue',
    ]);
    expect(el.analysis!.quadrants.map((q) => q.accounts)).toEqual([2, 1, 1, 2]);
  });

  it('does not plot an account without effort and says so; notes the split and the headroom fallback', async () => {
    const el = await quadrantOf();
    expect(texts(el, '[part~="notes"] li')).toEqual([
      '1 account has no effort data and is not plotted.',
      'Split at effort 30 (median) and impact 55 (median); an account exactly on a split line counts as high.',
      'Impact is growth headroom (potential − revenue) for 1 account without an impact score.',
    ]);
    expect(root(el).querySelectorAll('path.point')).toHaveLength(6);
    const many = await quadrantOf([...accounts, ...Array.from({ length: 11 }, (_, i) => ({ id: `n${i}`, name: `No effort ${i}`, revenue: 1, impact: 1 }))]);
    expect(texts(many, '[part~="notes"] li')[0]).toBe('12 accounts have no effort data and are not plotted.');
  });

  it('explains when nothing can be plotted', async () => {
    const el = await quadrantOf([
      { id: 'x', name: 'X', revenue: 10, impact: 3 },
      { id: 'y', name: 'Y', revenue: 20, effort: 4 },
    ]);
    expect(part(el, 'summary')!.textContent).toBe('None of the 2 accounts can be plotted: each lacks effort or impact data.');
    expect(root(el).querySelector('.nothing-placed')).not.toBeNull();
    expect(texts(el, '[part~="notes"] li')).toEqual([
      '1 account has no effort data and is not plotted.',
      '1 account has neither impact nor potential and is not plotted.',
    ]);
    await wcExpect(el).to.be.accessible();
  });
});

describe('quadrant: the chart', () => {
  it('places each account by effort and impact, with split lines at the medians', async () => {
    const el = await quadrantOf();
    const axis = root(el).querySelector('.axis.x line')!;
    expect([Number(axis.getAttribute('x1')), Number(axis.getAttribute('x2'))]).toEqual([46, 582]);
    const [vertical, horizontal] = root(el).querySelectorAll('line.split');
    expect(Number(vertical!.getAttribute('x1'))).toBeCloseTo(46 + 30 * (536 / 70), 1);
    expect(Number(horizontal!.getAttribute('y1'))).toBeCloseTo(332 - 55 * 3, 1);
    expect(texts(el, '.split-label')).toEqual(['median 30', 'median 55']);
    // MVC circles: Acme and Bolt.
    const circles = [...root(el).querySelectorAll('path.point.tier-0')].map(circle);
    expect(circles).toHaveLength(2);
    const acme = circles.find((c) => Math.abs(c.x - AT.a![0]) < 0.2)!;
    const bolt = circles.find((c) => Math.abs(c.x - AT.b![0]) < 0.2)!;
    expect(acme.y).toBeCloseTo(AT.a![1], 0);
    expect(bolt.y).toBeCloseTo(AT.b![1], 0);
    // Area ∝ revenue: r_b / r_a = √(200 / 500).
    expect(bolt.r / acme.r).toBeCloseTo(Math.sqrt(0.4), 2);
    expect(acme.r).toBe(28);
  });

  it('shows the tier by shape as well as colour: circle, triangle, square, diamond', async () => {
    const el = await quadrantOf();
    const counts = [0, 1, 2, 3].map((t) => root(el).querySelectorAll(`path.point.tier-${t}`).length);
    expect(counts).toEqual([2, 2, 1, 1]);
    const corners = (t: number) => root(el).querySelector(`path.point.tier-${t}`)!.getAttribute('d')!.split('L').length;
    expect([corners(1), corners(2), corners(3)]).toEqual([3, 4, 4]);
    expect(texts(el, '.legend text')).toEqual(['MVC', 'MGC', 'STC', 'BZ', 'Bubble area = revenue']);
  });

  it('puts a point exactly on a given threshold on the high side', async () => {
    const el = await quadrantOf(feed, { effortThreshold: 40, impactThreshold: 50 });
    // Bolt's impact is 50: high impact, low effort -> Quick wins. Cobalt's effort is 40: high effort -> Strategic.
    expect(texts(el, '[part~="quadrant-button"] .q-figures').map((t) => t.split(' · ')[0])).toEqual(['3 accounts', '1 account', '0 accounts', '2 accounts']);
    expect(el.toCSV().split('\r\n').slice(2, 4)).toEqual(['b,Bolt,quick-wins,Quick wins,20,50,impact,200,MVC,,0,,', 'c,Cobalt,strategic,Strategic investments,40,60,headroom,100,MGC,,0,,']);
    expect(texts(el, '.split-label')).toEqual(['threshold 40', 'threshold 50']);
    expect(texts(el, '[part~="notes"] li')[1]).toBe('Split at effort 40 and impact 50; an account exactly on a split line counts as high.');
  });

  it('renames the quadrants through labels (property or JSON attribute), and ignores bad JSON', async () => {
    const el = await quadrantOf(feed, { labels: { 'over-served': 'Over-invested', 'quick-wins': 'Easy wins' } });
    expect(texts(el, '[part~="quadrant-button"] .q-name')).toEqual(['Easy wins', 'Strategic investments', 'Maintain', 'Over-invested']);
    expect(part(el, 'summary')!.textContent).toBe('60.0% of effort goes to 2 accounts in “Over-invested” that hold 10.0% of revenue.');
    expect(texts(el, '.quadrant-name').some((t) => t.startsWith('Over-invested'))).toBe(true);
    el.setAttribute('labels', '{"maintain": "Keep warm"}');
    await el.updateComplete;
    expect(texts(el, '[part~="quadrant-button"] .q-name')).toEqual(['Quick wins', 'Strategic investments', 'Keep warm', 'Over-served']);
    el.setAttribute('labels', '{not json');
    await el.updateComplete;
    expect(texts(el, '[part~="quadrant-button"] .q-name')[2]).toBe('Maintain');
  });

  it('handles zero and negative values on the log scale: zero on the 0 tick, negatives mirrored', async () => {
    const el = await quadrantOf(
      [
        { id: 'p1', name: 'Minus', revenue: 10, effort: 0, impact: -100, tier: 'MVC' },
        { id: 'p2', name: 'Zero', revenue: 10, effort: 1, impact: 0, tier: 'MVC' },
        { id: 'p3', name: 'Plus', revenue: 10, effort: 10, impact: 100, tier: 'MVC' },
        { id: 'p4', name: 'Big', revenue: 10, effort: 100, impact: 1000, tier: 'MVC' },
      ],
      { scale: 'log' },
    );
    const points = [...root(el).querySelectorAll('path.point')].map(circle).sort((a, b) => a.x - b.x);
    expect(points).toHaveLength(4);
    const [minus, zero, plus] = points as [ReturnType<typeof circle>, ReturnType<typeof circle>, ReturnType<typeof circle>];
    expect(minus.y - zero.y).toBeCloseTo(zero.y - plus.y, 0);
    const yTick = (text: string) => [...root(el).querySelectorAll('.axis.y text')].find((t) => t.textContent === text)!;
    const xTick = (text: string) => [...root(el).querySelectorAll('.axis.x text')].find((t) => t.textContent === text)!;
    expect(Number(yTick('0').getAttribute('y'))).toBeCloseTo(zero.y, 0);
    expect(Number(xTick('0').getAttribute('x'))).toBeCloseTo(minus.x, 0);
    // 8 decades for 6 ticks: every second one from each end, and 0; -1 and 1 crowd 0 and are left out.
    expect(texts(el, '.axis.y text').slice(0, -1)).toEqual(['-100', '0', '10', '1K']);
    expect(texts(el, '[part~="notes"] li').at(-1)).toBe('Log scale (symmetric): zero stays at the axis and negative impact is mirrored below it; values between −1 and 1 are close to linear.');
    await wcExpect(el).to.be.accessible();
  });

  it('labels the largest accounts and the most over-served ones without overlaps', async () => {
    const el = await quadrantOf(feed, {}, 1000);
    const labels = texts(el, '.point-label');
    expect(labels).toEqual(expect.arrayContaining(['Acme', 'Bolt']));
    const boxes = [...root(el).querySelectorAll('.point-label, .quadrant-name, .split-label')].map((t) => t.getBoundingClientRect());
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    }
  });
});

describe('quadrant: selection', () => {
  it('selects with a click (Shift adds), a click on a quadrant name, and Escape clears', async () => {
    const el = await quadrantOf();
    let event = oneEvent(el, 'kam-select');
    await pointer(el, 'pointerdown', ...AT.g!);
    await pointer(el, 'pointerup', ...AT.g!);
    const detail = (await event).detail as KamSelectDetail;
    expect(detail).toMatchObject({ ids: ['g'], source: 'kam-quadrant' });
    expect(detail.accounts.map((a) => a.name)).toEqual(['Garnet']);
    expect(root(el).querySelectorAll('path.point.selected')).toHaveLength(1);
    expect(root(el).querySelector('.points')!.classList.contains('has-selection')).toBe(true);

    event = oneEvent(el, 'kam-select');
    await pointer(el, 'pointerdown', AT.c![0] + 3, AT.c![1] - 2, { shiftKey: true }); // near enough: nearest point
    await pointer(el, 'pointerup', AT.c![0] + 3, AT.c![1] - 2, { shiftKey: true });
    expect((await event).detail.ids).toEqual(['g', 'c']);

    const name = [...root(el).querySelectorAll('.quadrant-name')].find((t) => t.textContent!.startsWith('Over-served'))!.getBoundingClientRect();
    const box = plot(el).getBoundingClientRect();
    event = oneEvent(el, 'kam-select');
    await pointer(el, 'pointerdown', name.left - box.left + name.width / 2, name.top - box.top + name.height / 2);
    await pointer(el, 'pointerup', name.left - box.left + name.width / 2, name.top - box.top + name.height / 2);
    expect((await event).detail.ids).toEqual(['d', 'e']);

    event = oneEvent(el, 'kam-select');
    root(el).querySelectorAll<HTMLButtonElement>('[part~="quadrant-button"]')[0]!.click();
    expect((await event).detail.ids).toEqual(['a', 'g']);

    event = oneEvent(el, 'kam-select');
    await key(el, 'Escape');
    expect((await event).detail.ids).toEqual([]);
    expect(root(el).querySelectorAll('path.point.selected')).toHaveLength(0);
    await wcExpect(el).to.be.accessible();
  });

  it('selects the accounts inside a dragged rectangle; Shift+drag adds', async () => {
    const el = await quadrantOf();
    let event = oneEvent(el, 'kam-select');
    // effort ≥ 35, impact ≤ 23: Drain Co and Ember.
    await pointer(el, 'pointerdown', 314, 262);
    await pointer(el, 'pointermove', 450, 300);
    expect(root(el).querySelector('rect.brush')).not.toBeNull();
    await pointer(el, 'pointermove', 600, 345);
    await pointer(el, 'pointerup', 600, 345);
    expect((await event).detail.ids).toEqual(['d', 'e']);
    expect(root(el).querySelector('rect.brush')).toBeNull();
    event = oneEvent(el, 'kam-select');
    await drag(el, [100, 20], [150, 110], { shiftKey: true });
    expect((await event).detail.ids).toEqual(['d', 'e', 'a', 'g']);
  });

  it('shows a selection made in another widget on the same kam-feed', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <kam-feed id="quadrant-shared" .data=${feed}></kam-feed>
      <kam-quadrant feed="quadrant-shared" locale="en-US"></kam-quadrant>
    </div>`);
    const kamFeed = page.querySelector<KamFeed>('kam-feed')!;
    const el = page.querySelector<KamQuadrant>('kam-quadrant')!;
    await el.updateComplete;
    kamFeed.select(['d', 'f'], 'kam-pareto'); // f is not plotted
    await el.updateComplete;
    expect(root(el).querySelectorAll('path.point.selected')).toHaveLength(1);
    expect(part(el, 'clear-selection')!.textContent).toContain('Clear selection (2)');
    kamFeed.selection = [];
    await el.updateComplete;
    expect(root(el).querySelector('.points.has-selection')).toBeNull();
  });
});

describe('quadrant: keyboard, zoom and tooltip', () => {
  it('is one Tab stop; arrows move to the nearest account in that direction, announced; Enter selects', async () => {
    const el = await quadrantOf();
    expect(root(el).querySelectorAll('.plot [tabindex]')).toHaveLength(0);
    plot(el).focus();
    await key(el, 'ArrowRight'); // first press: the largest account
    expect(live(el)).toBe('Acme: Quick wins. Effort 10, impact 100, revenue $500, MVC.');
    expect(root(el).querySelector('.focus-ring')).not.toBeNull();
    await key(el, 'ArrowRight');
    expect(live(el)).toBe('Cobalt: Strategic investments. Effort 40, impact $60 (headroom), revenue $100, MGC.');
    await key(el, 'ArrowDown');
    expect(live(el)).toMatch(/^Drain Co: Over-served\./);
    await key(el, 'ArrowLeft');
    expect(live(el)).toMatch(/^Bolt: Maintain\./);
    await key(el, 'ArrowUp');
    expect(live(el)).toMatch(/^Garnet: Quick wins\./);
    await key(el, 'ArrowUp');
    expect(live(el)).toMatch(/^Acme: /);
    await key(el, 'ArrowUp');
    expect(live(el)).toBe('No account further above (more impact).');
    let event = oneEvent(el, 'kam-select');
    await key(el, 'Enter');
    expect((await event).detail.ids).toEqual(['a']);
    expect(live(el)).toBe('Selected Acme.');
    event = oneEvent(el, 'kam-select');
    await key(el, 'ArrowDown');
    await key(el, 'Enter', { shiftKey: true });
    expect((await event).detail.ids).toEqual(['a', 'g']);
  });

  it('moves between quadrants with Page Down and Page Up, to the largest account of each', async () => {
    const el = await quadrantOf();
    plot(el).focus();
    await key(el, 'PageDown');
    expect(live(el)).toBe('Quick wins: 2 accounts, 10.0% of effort, $600 revenue. Acme: Quick wins. Effort 10, impact 100, revenue $500, MVC.');
    await key(el, 'PageDown');
    expect(live(el)).toMatch(/^Strategic investments: 1 account, 20.0% of effort, \$100 revenue\. Cobalt: /);
    await key(el, 'PageDown');
    expect(live(el)).toMatch(/^Maintain: .* Bolt: /);
    await key(el, 'PageDown');
    expect(live(el)).toMatch(/^Over-served: 2 accounts, 60.0% of effort, \$100 revenue\. Drain Co: /);
    await key(el, 'PageDown');
    expect(live(el)).toMatch(/^Quick wins: /);
    await key(el, 'PageUp');
    expect(live(el)).toMatch(/^Over-served: /);
  });

  it('zooms in around the focused account and back out with keys and buttons, keeping the selection', async () => {
    const el = await quadrantOf();
    el.selection = ['d'];
    plot(el).focus();
    await key(el, 'ArrowRight'); // Acme
    await key(el, '+');
    expect(live(el)).toBe('Zoomed to 2×.');
    // The window is effort 0–35, impact 50–100: Acme, Garnet and (on the edge) Bolt.
    expect(root(el).querySelectorAll('path.point')).toHaveLength(3);
    expect(texts(el, '.axis.x text').at(-2)).toBe('35');
    expect(el.selection).toEqual(['d']);
    const [zoomIn, zoomOut, reset] = root(el).querySelectorAll<HTMLButtonElement>('[part~="zoom-button"]');
    expect([zoomIn!.disabled, zoomOut!.disabled, reset!.disabled]).toEqual([false, false, false]);
    await key(el, '0');
    expect(live(el)).toBe('Zoom reset: the whole chart is shown.');
    expect(root(el).querySelectorAll('path.point')).toHaveLength(6);
    zoomIn!.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('path.point').length).toBeLessThan(6);
    reset!.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('path.point')).toHaveLength(6);
    expect(reset!.disabled).toBe(true);
    // Alt+drag zooms to the rectangle (effort 0–30.03, impact 50–100) instead of selecting.
    const selections: string[][] = [];
    el.addEventListener('kam-select', (e) => selections.push(e.detail.ids));
    await drag(el, [46, 32], [276, 182], { altKey: true });
    expect(selections).toEqual([]);
    expect(texts(el, '.axis.x text').at(-2)).toBe('30');
    expect(el.selection).toEqual(['d']);
  });

  it('shows a tooltip for the nearest account under the pointer, with the quadrant and the tier', async () => {
    const el = await quadrantOf();
    await pointer(el, 'pointermove', AT.c![0] + 10, AT.c![1] + 6);
    const tooltip = part(el, 'tooltip')!;
    expect(tooltip.querySelector('strong')!.textContent).toBe('Cobalt');
    expect([...tooltip.querySelectorAll('dt, dd')].map((n) => n.textContent)).toEqual([
      'Quadrant', 'Strategic investments',
      'Effort', '40',
      'Impact (growth headroom)', '$60',
      'Revenue', '$100',
      'Tier', 'MGC · Most Growable Customers (given)',
    ]);
    expect(root(el).querySelector('.hover-ring')).not.toBeNull();
    await pointer(el, 'pointermove', 300, 250); // nothing within reach
    expect(part(el, 'tooltip')).toBeNull();
    await wcExpect(el).to.be.accessible();
  });
});

describe('quadrant: table and export', () => {
  it('lists every account with its quadrant in a sortable table', async () => {
    const el = await quadrantOf();
    part(el, 'view-toggle')!.click();
    await el.updateComplete;
    expect(texts(el, 'thead th')).toEqual(['Account↕', 'Quadrant↕', 'Effort↕', 'Impact↕', 'Revenue↕', 'Tier↕', 'Red flags↕']);
    root(el).querySelectorAll<HTMLButtonElement>('thead button')[1]!.click();
    await el.updateComplete;
    const rows = () => [...root(el).querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows().map((cells) => cells.slice(0, 2).join(': '))).toEqual([
      'Acme: Quick wins',
      'Garnet: Quick wins',
      'Cobalt: Strategic investments',
      'Bolt: Maintain',
      'Drain Co: Over-served',
      'Ember: Over-served',
      'Flint not plotted: Not plotted: no effort data',
    ]);
    expect(rows()[2]).toEqual(['Cobalt', 'Strategic investments', '40', '$60 (headroom)', '$100', 'MGC', '']);
    expect(rows()[6]).toEqual(['Flint not plotted', 'Not plotted: no effort data', '–', '–', '$50', 'STC', '']);
    await wcExpect(el).to.be.accessible();
  });

  it('writes every account to CSV with its quadrant, effort, impact and where the impact came from', async () => {
    const el = await quadrantOf();
    expect(el.toCSV()).toBe(
      '\uFEFFid,name,quadrant_id,quadrant,effort,impact,impact_source,revenue,tier,previous_tier,red_flags,red_flag_severity,red_flag_types\r\n' +
        'a,Acme,quick-wins,Quick wins,10,100,impact,500,MVC,,0,,\r\n' +
        'b,Bolt,maintain,Maintain,20,50,impact,200,MVC,,0,,\r\n' +
        'c,Cobalt,strategic,Strategic investments,40,60,headroom,100,MGC,,0,,\r\n' +
        'd,Drain Co,over-served,Over-served,50,10,impact,80,BZ,,0,,\r\n' +
        'e,Ember,over-served,Over-served,70,5,impact,20,STC,,0,,\r\n' +
        'f,Flint,,Not plotted: no effort data,,,,50,STC,,0,,\r\n' +
        'g,Garnet,quick-wins,Quick wins,10,80,impact,100,MGC,,0,,\r\n',
    );
  });

  it('exports the chart as SVG without the focus ring', async () => {
    const el = await quadrantOf();
    plot(el).focus();
    await key(el, 'ArrowRight');
    const doc = new DOMParser().parseFromString(await el.toSVG(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelector('title')!.textContent).toBe('60.0% of effort goes to 2 over-served accounts that hold 10.0% of revenue.');
    expect(doc.querySelectorAll('[data-export="skip"], circle[r="32"]')).toHaveLength(0);
    expect(doc.querySelectorAll('g[clip-path] path')).toHaveLength(6);
    expect(doc.documentElement.textContent).toContain('Over-served');
  });
});

describe('quadrant: many accounts', () => {
  const many = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `p${i}`, name: `Account ${i}`, revenue: (i % 50) + 1, effort: i % 97, impact: (i * 7) % 101 }));

  it('draws up to 2,000 points as SVG and switches to a canvas layer above that', async () => {
    const svgOnly = await quadrantOf(many(2000));
    expect(svgOnly.renderMode).toBe('svg');
    expect(root(svgOnly).querySelectorAll('path.point')).toHaveLength(2000);
    expect(root(svgOnly).querySelector('canvas')).toBeNull();

    const el = await quadrantOf(many(2001));
    expect(el.renderMode).toBe('canvas');
    expect(root(el).querySelectorAll('path.point')).toHaveLength(0);
    const canvas = part(el, 'canvas') as HTMLCanvasElement;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    expect(pixels.some((v, i) => i % 4 === 3 && v > 0)).toBe(true);
    // Hit testing and focus work the same without DOM points.
    plot(el).focus();
    await key(el, 'ArrowRight');
    const name = live(el).split(':')[0];
    const ring = root(el).querySelector('.focus-ring')!;
    await pointer(el, 'pointermove', Number(ring.getAttribute('cx')) + 0.5, Number(ring.getAttribute('cy')));
    expect(part(el, 'tooltip')!.querySelector('strong')!.textContent).toBe(name);
    // The exported SVG carries the points as an image in place of the canvas.
    const doc = new DOMParser().parseFromString(await el.toSVG(), 'image/svg+xml');
    expect(doc.querySelector('image')!.getAttribute('href')).toMatch(/^data:image\/png;base64,/);
    await wcExpect(el).to.be.accessible();
  });

  it('follows svg-limit', async () => {
    const el = await quadrantOf(feed, { svgLimit: 5 });
    expect(el.renderMode).toBe('canvas');
    el.svgLimit = 6;
    await el.updateComplete;
    expect(el.renderMode).toBe('svg');
    expect(root(el).querySelectorAll('path.point')).toHaveLength(6);
  });
});

describe('quadrant: states and size', () => {
  it('shows loading, then the chart; empty; and the problems of an invalid feed, accessible in each', async () => {
    const held = holdFetch();
    const el = appendWithSrc('kam-quadrant', '/feeds/quadrant.json');
    await new Promise((r) => setTimeout(r));
    expect(el.getAttribute('aria-busy')).toBe('true');
    await wcExpect(el).to.be.accessible();
    held.respond(feed);
    await el.updateComplete;
    expect(root(el).querySelectorAll('path.point')).toHaveLength(6);
    el.remove();
    vi.unstubAllGlobals();

    const empty = await quadrantOf({ version: 1, accounts: [] });
    expect(part(empty, 'state')!.textContent).toContain('No accounts to show');
    await wcExpect(empty).to.be.accessible();

    const invalid = await quadrantOf({ version: 2, accounts: 'x' });
    expect(part(invalid, 'state')!.textContent).toContain('This feed cannot be shown');
    await wcExpect(invalid).to.be.accessible();
    expect(invalid.toCSV()).toBe('\uFEFFid,name,quadrant_id,quadrant,effort,impact,impact_source,revenue,tier,previous_tier,red_flags,red_flag_severity,red_flag_types\r\n');
  });

  it('skips accounts that break the contract, says so, and plots only the valid ones', async () => {
    const el = await quadrantOf({ version: 1, accounts: [...accounts, { id: 'x', name: 'Broken', revenue: '12k', effort: 5, impact: 5 }] });
    expect(root(el).querySelector('[part~="skipped-notice"] summary')!.textContent!.trim()).toBe('1 account skipped');
    expect(root(el).querySelector('[part~="skipped-notice"] li')!.textContent).toContain('accounts[7].revenue');
    expect(root(el).querySelectorAll('path.point')).toHaveLength(6); // the same six as without it
    await wcExpect(el).to.be.accessible();
  });

  it('reads the feed from an inline JSON child', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 600px">
      <kam-quadrant locale="en-US"><script type="application/json">${JSON.stringify(feed)}</script></kam-quadrant>
    </div>`);
    const el = box.querySelector('kam-quadrant')!;
    await frames();
    await el.updateComplete;
    expect(root(el).querySelectorAll('path.point')).toHaveLength(6);
  });

  it('shows a network error with a retry', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const el = await fixture<KamQuadrant>(html`<kam-quadrant src="/feeds/unreachable.json"></kam-quadrant>`);
    await el.updateComplete;
    vi.unstubAllGlobals();
    expect(part(el, 'retry-button')).not.toBeNull();
    await wcExpect(el).to.be.accessible();
  });

  it('lays out from the width: 300 px with stacked figures, 1000 px with more room and more labels', async () => {
    const el = await quadrantOf(feed, {}, 1000);
    const box = el.parentElement!;
    const svgWidth = () => Number(root(el).querySelector('svg.chart')!.getAttribute('width'));
    expect(svgWidth()).toBe(1000);
    expect(part(el, 'quadrant-stats')!.classList.contains('narrow')).toBe(false);
    const wideLabels = root(el).querySelectorAll('.point-label').length;
    box.style.width = '300px';
    await frames();
    await el.updateComplete;
    expect(svgWidth()).toBe(300);
    expect(part(el, 'quadrant-stats')!.classList.contains('narrow')).toBe(true);
    expect(root(el).querySelectorAll('.point-label').length).toBeLessThanOrEqual(wideLabels);
    // Nothing is drawn past the right edge, and no two labels overlap.
    const right = root(el).querySelector('svg.chart')!.getBoundingClientRect().right;
    for (const t of root(el).querySelectorAll('svg.chart text')) expect(t.getBoundingClientRect().right).toBeLessThanOrEqual(right + 1);
    const boxes = [...root(el).querySelectorAll('.point-label, .quadrant-name')].map((t) => t.getBoundingClientRect());
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    }
    await wcExpect(el).to.be.accessible();
  });
});

describe('quadrant: tiers and split of the portfolio', () => {
  /**
   * The seven accounts without given tiers. Ranked a 500, b 200, c 100, g 100 (ties by name), d 80,
   * f 50, e 20 of $1,050 (cumulative 47.6%, 66.7%, 76.2%, 85.7%): at the cutoff 0.5 the vital few (MVC)
   * are a and b; d has negative profit (BZ); the rest are STC (c's headroom 60 is under its revenue).
   * At the default 0.8, c and g are MVC too.
   */
  const computed = { version: 1, currency: 'USD', accounts: accounts.map(({ tier: _tier, ...account }) => account) };
  const shapes = (el: HTMLElement) => [0, 1, 2, 3].map((t) => root(el).querySelectorAll(`path.point.tier-${t}`).length);
  /** "id tier" per CSV line (the tier column found by its header; these lines have no quoted comma). */
  const csvTiers = (el: KamQuadrant) => {
    const [header, ...lines] = el.toCSV().replace('\uFEFF', '').trim().split('\r\n');
    const tier = header!.split(',').indexOf('tier');
    return lines.map((line) => `${line.split(',')[0]} ${line.split(',')[tier]}`);
  };
  /** A quadrant linked to a kam-feed of these accounts with the cutoff 0.5 (and a filter). */
  async function linkedQuadrant(id: string, filter?: string): Promise<KamQuadrant> {
    const page = await fixture<HTMLElement>(html`<div style="width: 600px">
      <kam-feed id=${id} cutoff="0.5" .filter=${filter} .data=${computed}></kam-feed>
      <kam-quadrant feed=${id} locale="en-US"></kam-quadrant>
    </div>`);
    const el = page.querySelector<KamQuadrant>('kam-quadrant')!;
    await frames();
    await el.updateComplete;
    return el;
  }

  it('shows the tiers of its own rules when standalone', async () => {
    expect(shapes(await quadrantOf(computed))).toEqual([4, 0, 1, 1]); // circles a, b, c, g; square e; diamond d
    const half = await quadrantOf(computed, { cutoff: 0.5 });
    expect(shapes(half)).toEqual([2, 0, 3, 1]);
    expect(csvTiers(half)).toEqual(['a MVC', 'b MVC', 'c STC', 'd BZ', 'e STC', 'f STC', 'g STC']);
  });

  it('shows the tiers of the linked kam-feed’s rules in shapes, tooltip, table and CSV', async () => {
    const el = await linkedQuadrant('quadrant-tiers');
    expect(shapes(el)).toEqual([2, 0, 3, 1]);
    expect(csvTiers(el)).toEqual(['a MVC', 'b MVC', 'c STC', 'd BZ', 'e STC', 'f STC', 'g STC']);
    await pointer(el, 'pointermove', ...AT.c!);
    const facts = [...part(el, 'tooltip')!.querySelectorAll('dt, dd')].map((n) => n.textContent);
    expect(facts.slice(-2)).toEqual(['Tier', 'STC · Second Tier Customers']);
    part(el, 'view-toggle')!.click();
    await el.updateComplete;
    const tierColumn = texts(el, 'thead th').indexOf('Tier↕');
    const tierCells = [...root(el).querySelectorAll('tbody tr')].map((tr) => tr.children[tierColumn]!.textContent!.trim());
    expect(tierCells).toEqual(['MVC', 'MVC', 'STC', 'BZ', 'STC', 'STC', 'STC']);
  });

  it('keeps the whole feed’s tiers and medians under a filter; an own threshold replaces one median only', async () => {
    // tier:STC at the cutoff 0.5 keeps c, e, f, g: c, e and g are plotted, split at the whole feed's 30 and 55.
    const el = await linkedQuadrant('quadrant-filtered', 'tier:STC');
    expect(shapes(el)).toEqual([0, 0, 3, 0]);
    expect(el.analysis!.quadrants.map((q) => q.accounts)).toEqual([1, 1, 0, 1]); // g; c (40, 60); e
    expect(texts(el, '[part~="notes"] li')[1]).toBe('Split at effort 30 (median) and impact 55 (median); an account exactly on a split line counts as high.');
    el.effortThreshold = 50;
    await el.updateComplete;
    expect(el.analysis!.quadrants.map((q) => q.accounts)).toEqual([2, 0, 0, 1]); // c's effort 40 is low now
    expect(texts(el, '[part~="notes"] li')[1]).toBe('Split at effort 50 and impact 55 (median); an account exactly on a split line counts as high.');
  });

  it('uses an arrow key that finds no account, so the page does not scroll', async () => {
    const el = await quadrantOf();
    plot(el).focus();
    await key(el, 'ArrowUp'); // the largest account, Acme, at the top
    const blocked = new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true, cancelable: true });
    plot(el).dispatchEvent(blocked);
    await el.updateComplete;
    expect(live(el)).toBe('No account further above (more impact).');
    expect(blocked.defaultPrevented).toBe(true);
  });
});

// ---- media: forced colours, reduced motion, theme auto (emulated through the DevTools protocol) -------


describe('quadrant: media', () => {
  afterEach(() => emulateMedia([]));

  it('in forced colours all tiers share one system colour, so shape tells them apart, and a selected point is Highlight', async () => {
    const el = await quadrantOf();
    const fill = (t: number) => getComputedStyle(root(el).querySelector(`path.point.tier-${t}`)!).fill;
    expect(new Set([0, 1, 2, 3].map(fill)).size).toBe(4);
    await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
    expect(new Set([0, 1, 2, 3].map(fill)).size).toBe(1);
    el.selection = ['d'];
    await el.updateComplete;
    const selected = root(el).querySelector('path.point.selected')!;
    const other = root(el).querySelector('path.point:not(.selected)')!;
    expect(getComputedStyle(selected).fill).not.toBe(getComputedStyle(other).fill);
    await wcExpect(el).to.be.accessible();
  });

  it('has no animation or transition when the user prefers reduced motion', async () => {
    await emulateMedia([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    const el = await quadrantOf();
    for (const node of root(el).querySelectorAll('*')) {
      const style = getComputedStyle(node);
      expect([style.animationName, style.transitionDuration]).toEqual(['none', '0s']);
    }
  });

  it('follows the system colour scheme with theme="auto"', async () => {
    const el = await quadrantOf(feed, { theme: 'auto' });
    const bg = () => getComputedStyle(el).getPropertyValue('--kam-bg').trim();
    await emulateMedia([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(bg()).toBe('#0d1117');
    await emulateMedia([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect(bg()).toBe('#ffffff');
    await wcExpect(el).to.be.accessible();
  });
});
