import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { emulateMedia } from '../support/media.js';
import { expect as wcExpect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/tier-matrix/define.js';
import '../../src/components/feed/define.js';
import type { KamTierMatrix } from '../../src/components/tier-matrix/kam-tier-matrix.js';
import type { KamFeed } from '../../src/components/feed/kam-feed.js';
import type { AccountInput } from '../../src/feed/schema.js';
import type { KamSelectDetail } from '../../src/internal/events.js';
import { appendWithSrc, holdFetch, jsonResponse } from '../support/fixtures.js';

/**
 * Nine accounts, total revenue 1,000 and total effort 100, chosen so that every figure is easy by hand.
 *
 * Tiers (the texts rule, cutoff 0.8): a, b, c reach 50%, 70%, 80% of revenue: MVC; the smallest MVC (c)
 * has revenue 100. d has profit −20: BZ. e (potential 400 ≥ 100) and h (200 ≥ 100): MGC. f (40), g (30)
 * and i (0) reach neither, and meet the minimum margin of 0: STC. The headroom rule gives the same tiers:
 * e (headroom 350 ≥ 50) and h (190 ≥ 10) MGC; f (headroom 0), g (10 < 20), i (0) STC.
 *
 * Value bands, revenue sorted 0 10 20 40 50 80 100 200 500: cuts at positions 3 and 6, so 40 and 100.
 *   Low: i g h · Medium: f (40, at the cut) e d · High: c (100, at the cut) b a.
 * Potential bands, headroom sorted 0 0 10 20 50 100 190 350 700: cuts 20 and 190.
 *   Low: f i g · Medium: d (20, at the cut) c a · High: h (190, at the cut) e b.
 *
 * The grid as drawn (rows from high potential down, columns from low value):
 *   High potential:   h        | e         | b
 *   Medium potential: (empty)  | d         | a, c
 *   Low potential:    i, g     | f         | (empty)
 */
const accounts: AccountInput[] = [
  { id: 'a', name: 'Acme', revenue: 500, profit: 100, potential: 600, effort: 20 },
  { id: 'b', name: 'Bolt', revenue: 200, profit: 40, potential: 900, effort: 10 },
  { id: 'c', name: 'Cobalt', revenue: 100, profit: 10, potential: 150, effort: 10 },
  { id: 'd', name: 'Drain Co', revenue: 80, profit: -20, potential: 100, effort: 30 },
  { id: 'e', name: 'Ember', revenue: 50, profit: 5, potential: 400, effort: 10 },
  { id: 'f', name: 'Flint', revenue: 40, profit: 4, potential: 40, effort: 10 },
  { id: 'g', name: 'Garnet', revenue: 20, profit: 2, potential: 30, effort: 5 },
  { id: 'h', name: 'Helix', revenue: 10, profit: 1, potential: 200, effort: 5 },
  { id: 'i', name: 'Iris', revenue: 0, profit: 0, potential: 0, effort: 0 },
];
const feed = { version: 1, currency: 'USD', accounts };

const root = (el: HTMLElement) => el.shadowRoot!;
const part = (el: HTMLElement, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const texts = (el: HTMLElement, selector: string) => [...root(el).querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
const cellCounts = (el: HTMLElement) => texts(el, '.cell .count');
const plot = (el: HTMLElement) => root(el).querySelector<HTMLElement>('.plot')!;
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const key = async (el: KamTierMatrix, k: string, shiftKey = false) => {
  plot(el).dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true }));
  await el.updateComplete;
};
const live = (el: HTMLElement) => root(el).querySelector('[aria-live]')!.textContent!.trim();

async function matrixOf(data: unknown = feed, attrs: Partial<KamTierMatrix> = {}): Promise<KamTierMatrix> {
  const el = await fixture<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" .data=${data}></kam-tier-matrix>`);
  Object.assign(el, attrs);
  await el.updateComplete;
  return el;
}

/** A matrix in a box `width` px wide, laid out at that width. */
async function matrixAt(width: number, data: unknown = feed, attrs = ''): Promise<KamTierMatrix> {
  const box = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><kam-tier-matrix locale="en-US" .data=${data}></kam-tier-matrix></div>`);
  const el = box.querySelector('kam-tier-matrix')!;
  if (attrs) el.setAttribute('value-field', attrs);
  await frames();
  await el.updateComplete;
  return el;
}

/** Emulated CSS media features (forced-colors, prefers-color-scheme) through the Chrome DevTools Protocol. */
afterEach(() => emulateMedia([]));

describe('tier matrix: summary and tiers', () => {
  it('states the tier counts and the MVC share in the summary, and is accessible in both themes', async () => {
    const el = await matrixOf();
    expect(part(el, 'summary')!.textContent).toBe('9 accounts: 3 MVC, 2 MGC, 3 STC, 1 BZ; MVCs hold 80.0% of revenue.');
    expect(plot(el).getAttribute('aria-labelledby')).toBe('summary');
    await wcExpect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await wcExpect(el).to.be.accessible();
  });

  it('adds up to the feed: tier accounts and revenue equal the feed totals, BZ keeps its negative profit', async () => {
    const el = await matrixOf();
    const tiers = el.tierAnalysis!.tiers;
    expect(tiers.map((t) => [t.tier, t.accounts, t.revenue, t.profit, t.effortShare])).toEqual([
      ['MVC', 3, 800, 150, 0.4],
      ['MGC', 2, 60, 6, 0.15],
      ['STC', 3, 60, 6, 0.15],
      ['BZ', 1, 80, -20, 0.3],
    ]);
    expect(tiers.reduce((s, t) => s + t.accounts, 0)).toBe(accounts.length);
    expect(tiers.reduce((s, t) => s + t.revenue, 0)).toBe(1000);
    expect(el.matrix!.cells.reduce((s, c) => s + c.count, 0)).toBe(accounts.length);
    const blocks = [...root(el).querySelectorAll('.tier-block')].map((b) => [...b.querySelectorAll('text')].map((t) => t.textContent).join(' '));
    expect(blocks[0]).toMatch(/^MVC Most Valuable Customers 3 accounts · \$800 \(80\.0% of revenue\) · profit \$150 ·? ?40\.0% of effort The few top accounts/);
    expect(blocks[3]).toMatch(/^BZ Below Zero customers 1 account · \$80 \(8\.0% of revenue\) · profit -\$20 ·? ?30\.0% of effort Accounts that cost more/);
  });

  it('compares share of effort with share of revenue per tier', async () => {
    const el = await matrixOf();
    expect(part(el, 'balance')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      'Resource balance: MVC accounts take 40.0% of effort and give 80.0% of revenue. MGC accounts take 15.0% of effort and give 6.0% of revenue. ' +
        'STC accounts take 15.0% of effort and give 6.0% of revenue. BZ accounts take 30.0% of effort and give 8.0% of revenue.',
    );
  });

  it('leaves the resource balance out when the feed has no effort', async () => {
    const el = await matrixOf({ version: 1, accounts: accounts.map(({ effort: _e, ...rest }) => rest) });
    expect(part(el, 'balance')).toBeNull();
    expect(texts(el, '.tier-block')[0]).not.toContain('effort');
  });

  it('states the tier rule in words, with the parameters in force', async () => {
    const el = await matrixOf();
    const rule = part(el, 'rule') as HTMLDetailsElement;
    expect(rule.querySelector('summary')!.textContent).toBe('How tiers are assigned');
    expect(texts(el, '[part="rule"] li')).toEqual([
      'BZ: profit below 0.',
      'MVC: the top accounts that make up 80% of revenue.',
      'MGC: potential at least the revenue of the smallest MVC (it could become one), or revenue grew at least 20% over the previous period.',
      'STC: every other account; it meets the minimum margin when profit is at least 0% of revenue, and shows as "profit unknown" without a profit figure.',
      'Tiers given in the feed win over this rule.',
    ]);
    el.tierRule = 'headroom';
    await el.updateComplete;
    expect(texts(el, '[part="rule"] li').slice(2, 4)).toEqual([
      'MGC: growth headroom (potential − revenue) at least 1× current revenue, or revenue grew at least 20% over the previous period.',
      'STC: every other account.',
    ]);
  });
});

describe('tier matrix: bands', () => {
  it('bands by tertiles, a value at a cut point going to the upper band', async () => {
    const el = await matrixOf();
    expect(el.matrix!.value.cuts).toEqual([40, 100]);
    expect(el.matrix!.potential.cuts).toEqual([20, 190]);
    expect(texts(el, '.headers .band-name')).toEqual(['Low', 'Medium', 'High', 'High', 'Medium', 'Low']);
    expect(texts(el, '.headers .band-range')).toEqual(['< $40', '$40–$100', '≥ $100', '≥ $190', '$20–$190', '< $20']);
    expect(cellCounts(el)).toEqual(['1 account', '1 account', '1 account', '0 accounts', '1 account', '2 accounts', '2 accounts', '1 account', '0 accounts']);
    const cells = [...root(el).querySelectorAll('.cell')].map((c) => [...c.querySelectorAll('text')].map((t) => t.textContent));
    expect(cells[5]).toEqual(['2 accounts', '$600', '60.0% of revenue', '2 MVC']);
    expect(cells[6]).toEqual(['2 accounts', '$20', '2.0% of revenue', '2 STC']);
    expect(root(el).querySelectorAll('.cell.empty')).toHaveLength(2);
  });

  it('shows each account with its tier, bands and reason in the table', async () => {
    const el = await matrixOf();
    el.view = 'table';
    await el.updateComplete;
    const rows = [...root(el).querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    expect(texts(el, 'thead th')).toEqual(['Account↕', 'Tier↕', 'Value band (revenue)↕', 'Potential band (headroom)↕', 'Revenue↕', 'Headroom↕', 'Why this tier↕', 'Red flags↕']);
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['Acme', 'MVC', 'High', 'Medium'],
      ['Bolt', 'MVC', 'High', 'High'],
      ['Cobalt', 'MVC', 'High', 'Medium'],
      ['Drain Co', 'BZ', 'Medium', 'Medium'],
      ['Ember', 'MGC', 'Medium', 'High'],
      ['Flint', 'STC', 'Medium', 'Low'],
      ['Garnet', 'STC', 'Low', 'Low'],
      ['Helix', 'MGC', 'Low', 'High'],
      ['Iris', 'STC', 'Low', 'Low'],
    ]);
    expect(rows[3]!.slice(4)).toEqual(['$80', '$20', 'Profit is below zero (-$20).', '']); // no red flag without a previous period
    // Sort by potential band: low first, then high first.
    const header = root(el).querySelectorAll('thead th')[3]!;
    header.querySelector('button')!.click();
    await el.updateComplete;
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(texts(el, 'tbody th').slice(0, 3)).toEqual(['Flint', 'Garnet', 'Iris']);
    header.querySelector('button')!.click();
    await el.updateComplete;
    expect(texts(el, 'tbody th').slice(0, 3)).toEqual(['Bolt', 'Ember', 'Helix']);
    await wcExpect(el).to.be.accessible();
  });

  it('takes explicit cut points; a value at a cut goes up', async () => {
    const el = await fixture<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" value-thresholds="50, 200" potential-thresholds="100" .data=${feed}></kam-tier-matrix>`);
    expect(el.valueThresholds).toEqual([50, 200]);
    expect(el.matrix!.value.cuts).toEqual([50, 200]);
    expect(texts(el, '.headers .band-name')).toEqual(['Low', 'Medium', 'High', 'High', 'Low']);
    // value: Low f g h i · Medium c d e (50 at the cut) · High a b (200 at the cut); potential: High (≥ 100) a b e h
    expect(cellCounts(el)).toEqual(['1 account', '1 account', '2 accounts', '3 accounts', '2 accounts', '0 accounts']);
  });

  it('collapses to one band per axis when all accounts are equal, and says why', async () => {
    const same = Array.from({ length: 4 }, (_, i) => ({ id: `s${i}`, name: `Same ${i}`, revenue: 100, potential: 300, profit: 10 }));
    const el = await matrixOf({ version: 1, accounts: same });
    expect(cellCounts(el)).toEqual(['4 accounts']);
    expect(texts(el, '.headers .band-name')).toEqual(['All', 'All']);
    expect(texts(el, '.headers .band-range')).toEqual(['all $100', 'all $200']);
    expect(texts(el, '[part="notes"] li')).toEqual([
      'Every account has the same revenue ($100), so there is one value band.',
      'Every account has the same headroom ($200), so there is one potential band.',
    ]);
    await wcExpect(el).to.be.accessible();
  });

  it('merges bands when heavy ties make the tertile cuts coincide, and says so', async () => {
    // Revenue 10 10 10 10 10 90: both tertile positions (2 and 4) fall inside the five 10s; the only change
    // of value is 10|90, so both cuts move there and merge: two value bands, < $90 and ≥ $90.
    // Headroom sorted 0 0 10 10 10 20: position 2 is the first 10 (cut 10, distance 0); position 4 is inside
    // the 10s, nearer to 10|20 (1) than to 0|10 (2): cut 20. Three potential bands, the tie kept whole.
    const tied = [
      { id: 't1', name: 'Tie 1', revenue: 10, potential: 10 },
      { id: 't2', name: 'Tie 2', revenue: 10, potential: 20 },
      { id: 't3', name: 'Tie 3', revenue: 10, potential: 30 },
      { id: 't4', name: 'Tie 4', revenue: 10, potential: 10 },
      { id: 't5', name: 'Tie 5', revenue: 10, potential: 20 },
      { id: 't6', name: 'Big', revenue: 90, potential: 100 },
    ];
    const el = await matrixOf({ version: 1, accounts: tied });
    expect(el.matrix!.value.cuts).toEqual([90]);
    expect(el.matrix!.potential.cuts).toEqual([10, 20]);
    expect(texts(el, '.headers .band-name')).toEqual(['Low', 'High', 'High', 'Medium', 'Low']);
    expect(texts(el, '.headers .band-range')).toEqual(['< $90', '≥ $90', '≥ $20', '$10–$20', '< $10']);
    // Rows high to low, columns Low | High: t3 | -; t2 t5 | Big; t1 t4 | -.
    expect(cellCounts(el)).toEqual(['1 account', '0 accounts', '2 accounts', '1 account', '2 accounts', '0 accounts']);
    expect(texts(el, '[part="notes"] li')).toEqual(['Many accounts have the same revenue, so the tertile cuts coincide: two value bands instead of three.']);
    await wcExpect(el).to.be.accessible();
  });

  it('draws a single account in one cell', async () => {
    const el = await matrixOf([{ id: 'x', name: 'Solo', revenue: 5, potential: 9, profit: 1 }]);
    expect(part(el, 'summary')!.textContent).toBe('1 account: 1 MVC, 0 MGC, 0 STC, 0 BZ; MVCs hold 100.0% of revenue.');
    expect(cellCounts(el)).toEqual(['1 account']);
    expect(texts(el, '[part="notes"] li')).toEqual(['With a single account there is one value band.', 'With a single account there is one potential band.']);
  });

  it('collapses the rows to one "No data" band when no account has a potential, and says why', async () => {
    const el = await matrixOf({ version: 1, accounts: accounts.map(({ potential: _p, ...rest }) => rest) });
    expect(cellCounts(el)).toEqual(['3 accounts', '3 accounts', '3 accounts']);
    expect(texts(el, '.headers .band-name').slice(3)).toEqual(['No data']);
    expect(texts(el, '.headers .band-range').slice(3)).toEqual(['no potential']);
    expect(texts(el, '[part="notes"] li')).toEqual(['No account has a potential figure, so growth potential cannot be banded: the rows collapse into one band.']);
    await wcExpect(el).to.be.accessible();
  });

  it('puts accounts without a potential into a "No data" row at the bottom', async () => {
    const data = accounts.map((a) => (a.id === 'b' ? { ...a, potential: undefined } : a));
    const el = await matrixOf({ version: 1, accounts: data });
    expect(texts(el, '.headers .band-name').slice(3)).toEqual(['High', 'Medium', 'Low', 'No data']);
    expect(cellCounts(el).slice(9)).toEqual(['0 accounts', '0 accounts', '1 account']);
    expect(texts(el, '[part="notes"] li')).toEqual(['1 account has no potential figure; it is in the “No data” row.']);
  });

  it('bands by CLV with value-field="clv", accounts without one in a first "No data" column', async () => {
    const clv = accounts.map((a, i) => (i < 6 ? { ...a, clv: (i + 1) * 1000 } : a));
    const el = await fixture<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" value-field="clv" .data=${{ version: 1, accounts: clv }}></kam-tier-matrix>`);
    // CLV 1000..6000 for a-f: cuts at positions 2 and 4 -> 3000 and 5000; g, h, i have none.
    expect(el.matrix!.value.cuts).toEqual([3000, 5000]);
    expect(texts(el, '.headers .band-name').slice(0, 4)).toEqual(['No data', 'Low', 'Medium', 'High']);
    expect(texts(el, '.axis-title')[0]).toBe('Current value (CLV) →');
    expect(texts(el, '[part="notes"] li')).toEqual(['3 accounts have no CLV figure; they are in the “No data” column.']);
  });
});

describe('tier matrix: tier rule parameters and given tiers', () => {
  it('applies cutoff, growth-threshold and headroom-factor attributes over the rules property', async () => {
    const el = await fixture<KamTierMatrix>(
      html`<kam-tier-matrix locale="en-US" tier-rule="headroom" cutoff="0.5" .rules=${{ cutoff: 0.9, headroomFactor: 0.25 }} .data=${feed}></kam-tier-matrix>`,
    );
    // The headroom rule, cutoff 0.5: only a is MVC. Headroom 0.25x: b (700), c (50 ≥ 25), e, g (10 ≥ 5), h are MGC. d stays BZ.
    expect(el.effectiveRules).toMatchObject({ rule: 'headroom', cutoff: 0.5, growthThreshold: 0.2, headroomFactor: 0.25 });
    expect(part(el, 'summary')!.textContent).toBe('9 accounts: 1 MVC, 5 MGC, 2 STC, 1 BZ; MVCs hold 50.0% of revenue.');
    expect(texts(el, '[part="rule"] li')[1]).toBe('MVC: the top accounts that make up 50% of revenue.');
  });

  it('ignores an unusable parameter and keeps the default', async () => {
    const el = await fixture<KamTierMatrix>(html`<kam-tier-matrix cutoff="1.5" headroom-factor="-1" .data=${feed}></kam-tier-matrix>`);
    expect(el.effectiveRules).toMatchObject({ rule: 'texts', cutoff: 0.8, growthThreshold: 0.2, headroomFactor: 1 });
  });

  it('lets tiers given in the feed win and marks them as given', async () => {
    const data = accounts.map((a) => (a.id === 'f' ? { ...a, tier: 'MGC' as const } : a));
    const el = await matrixOf({ version: 1, accounts: data });
    expect(part(el, 'summary')!.textContent).toBe('9 accounts: 3 MVC, 3 MGC, 2 STC, 1 BZ; MVCs hold 80.0% of revenue.');
    expect(texts(el, '.tier-block')[1]).toContain('1 given in the feed');
    expect(part(el, 'rule')!.textContent).toContain('1 account has its tier given in the feed.');
    el.view = 'table';
    await el.updateComplete;
    const flint = [...root(el).querySelectorAll('tbody tr')][5]!;
    expect(flint.children[1]!.textContent).toBe('MGC (given)');
    expect(flint.children[6]!.textContent).toBe('Tier given in the feed (the rule would give STC).');
  });
});

describe('tier matrix: selection', () => {
  it('selects the accounts of a clicked cell or tier, Shift extends, and marks what holds them', async () => {
    const el = await matrixOf();
    const cells = root(el).querySelectorAll<SVGGElement>('.cell');
    let event = oneEvent(el, 'kam-select');
    cells[5]!.querySelector('rect')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const detail = (await event).detail as KamSelectDetail;
    expect(detail).toMatchObject({ ids: ['a', 'c'], source: 'kam-tier-matrix' });
    expect(detail.accounts.map((a) => a.name)).toEqual(['Acme', 'Cobalt']);
    await el.updateComplete;
    expect([...root(el).querySelectorAll('.cell')].map((c) => c.classList.contains('selected'))).toEqual([false, false, false, false, false, true, false, false, false]);
    expect(texts(el, '.cell.selected .selected-count')).toEqual(['2 selected']);
    expect(texts(el, '.tier-block.selected .selected-count')).toEqual(['2 selected']);

    event = oneEvent(el, 'kam-select');
    root(el).querySelectorAll('.tier-block')[3]!.querySelector('rect')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, shiftKey: true }));
    expect((await event).detail.ids).toEqual(['a', 'c', 'd']);
    await el.updateComplete;
    expect(texts(el, '.tier-block.selected .tier-code')).toEqual(['MVC', 'BZ']);
    await wcExpect(el).to.be.accessible();
  });

  it('shows a selection made in another widget on the same kam-feed', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <kam-feed id="tier-shared" .data=${feed}></kam-feed>
      <kam-tier-matrix feed="tier-shared" locale="en-US"></kam-tier-matrix>
    </div>`);
    const kamFeed = page.querySelector<KamFeed>('kam-feed')!;
    const el = page.querySelector<KamTierMatrix>('kam-tier-matrix')!;
    await el.updateComplete;
    kamFeed.select(['h', 'e'], 'kam-pareto');
    await el.updateComplete;
    expect(texts(el, '.cell.selected .count')).toEqual(['1 account', '1 account']);
    expect(texts(el, '.tier-block.selected .tier-code')).toEqual(['MGC']);
    kamFeed.selection = [];
    await el.updateComplete;
    expect(root(el).querySelector('.selected')).toBeNull();
  });
});

describe('tier matrix: one portfolio per feed', () => {
  it('takes the tier rules of its <kam-feed>, not its own', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <kam-feed id="tier-rules-feed" tier-rule="headroom" cutoff="0.5" .data=${feed}></kam-feed>
      <kam-tier-matrix feed="tier-rules-feed" tier-rule="texts" cutoff="0.9" locale="en-US"></kam-tier-matrix>
    </div>`);
    const el = page.querySelector<KamTierMatrix>('kam-tier-matrix')!;
    await el.updateComplete;
    // The feed's headroom rule at cutoff 0.5: only a is MVC; b and e have headroom of at least their revenue: MGC with h.
    expect(el.effectiveRules).toMatchObject({ rule: 'headroom', cutoff: 0.5, growthThreshold: 0.2, headroomFactor: 1 });
    expect(part(el, 'summary')!.textContent).toBe('9 accounts: 1 MVC, 3 MGC, 4 STC, 1 BZ; MVCs hold 50.0% of revenue.');
    expect(texts(el, '[part="rule"] li')[1]).toBe('MVC: the top accounts that make up 50% of revenue.');
  });

  it('states the rules of its own attributes before a feed is ready', () => {
    const el = document.createElement('kam-tier-matrix');
    el.cutoff = 0.6;
    el.rules = { growthThreshold: 0.3 };
    expect(el.effectiveRules).toEqual({ rule: 'texts', cutoff: 0.6, measure: 'revenue', growthThreshold: 0.3, headroomFactor: 1, minMargin: 0, revenueFloor: 0 });
  });

  it('filters on the tier each account has in the whole feed, bands the accounts shown, and keeps their whole-feed reasons', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <kam-feed id="tier-filter-feed" .data=${feed}></kam-feed>
      <kam-tier-matrix feed="tier-filter-feed" filter="tier:MVC" locale="en-US"></kam-tier-matrix>
    </div>`);
    const el = page.querySelector<KamTierMatrix>('kam-tier-matrix')!;
    await el.updateComplete;
    // a, b, c are MVC in the feed (computed, none given). Tiered again on their own, c (100 of 800, headroom 50) would be STC.
    expect(part(el, 'summary')!.textContent).toBe('3 accounts: 3 MVC, 0 MGC, 0 STC, 0 BZ; MVCs hold 100.0% of revenue.');
    // Revenue 100 200 500: tertile cuts 200 and 500; headroom 50 100 700: cuts 100 and 700.
    expect(el.matrix!.value.cuts).toEqual([200, 500]);
    expect(el.matrix!.potential.cuts).toEqual([100, 700]);
    // Rows from high potential: b (High value) · a (High value) · c (Low value).
    expect(cellCounts(el)).toEqual(['0 accounts', '1 account', '0 accounts', '0 accounts', '0 accounts', '1 account', '1 account', '0 accounts', '0 accounts']);
    const lines = el.toCSV().replace('\uFEFF', '').split('\r\n');
    expect(lines.slice(1, 4)).toEqual([
      'a,Acme,MVC,false,,High,Medium,500,,100,600,100,,20,Rank 1: among the top accounts that make up 80% of revenue (cumulative 50%).,,,0,,',
      'b,Bolt,MVC,false,,Medium,High,200,,40,900,700,,10,Rank 2: among the top accounts that make up 80% of revenue (cumulative 70%).,,,0,,',
      'c,Cobalt,MVC,false,,Low,Low,100,,10,150,50,,10,Rank 3: among the top accounts that make up 80% of revenue (cumulative 80%).,,,0,,',
    ]);
    const kamFeed = page.querySelector<KamFeed>('kam-feed')!;
    expect(el.tierAnalysis!.tierIndex).toEqual(kamFeed.feedState.portfolio!.tiers().tierIndex.subarray(0, 3));
  });
});

describe('tier matrix: keyboard and tooltip', () => {
  it('is one Tab stop; arrows move across the cells and into the tier summary, announced; Enter selects; Escape clears', async () => {
    const el = await matrixOf();
    expect(root(el).querySelectorAll('.plot [tabindex]')).toHaveLength(0);
    plot(el).focus(); // the first cell (h) is focused
    await key(el, 'ArrowRight');
    expect(live(el)).toBe('Medium revenue, high potential: 1 account, $50, 5.0% of revenue; tiers: 1 MGC.');
    expect(root(el).querySelector('.focus-ring')).not.toBeNull();
    await key(el, 'ArrowLeft');
    expect(live(el)).toBe('Low revenue, high potential: 1 account, $10, 1.0% of revenue; tiers: 1 MGC.');
    await key(el, 'ArrowDown');
    await key(el, 'ArrowDown');
    expect(live(el)).toBe('Low revenue, low potential: 2 accounts, $20, 2.0% of revenue; tiers: 2 STC.');
    await key(el, 'End');
    expect(live(el)).toBe('High revenue, low potential: 0 accounts, $0, 0.0% of revenue; tiers: none.');
    await key(el, 'ArrowDown');
    // The tier figures of the summary, profit included, reach keyboard users through the announcement.
    expect(live(el)).toBe('MVC, Most Valuable Customers: 3 accounts, $800, 80.0% of revenue, profit $150, 40.0% of effort.');
    await key(el, 'ArrowDown');
    await key(el, 'ArrowDown');
    await key(el, 'ArrowDown');
    expect(live(el)).toBe('BZ, Below Zero customers: 1 account, $80, 8.0% of revenue, profit -$20, 30.0% of effort.');
    let event = oneEvent(el, 'kam-select');
    await key(el, 'Enter');
    expect((await event).detail.ids).toEqual(['d']);
    expect(live(el)).toBe('Selected Drain Co.');
    event = oneEvent(el, 'kam-select');
    await key(el, 'Escape');
    expect((await event).detail.ids).toEqual([]);
    await key(el, 'ArrowUp');
    expect(live(el)).toMatch(/^STC, Second Tier Customers/);
  });

  it('focuses the first cell on Tab into the plot, so Enter selects at once', async () => {
    const el = await matrixOf();
    part(el, 'export-button')!.focus();
    await userEvent.tab();
    expect(root(el).activeElement).toBe(plot(el));
    await el.updateComplete;
    expect(live(el)).toBe('Low revenue, high potential: 1 account, $10, 1.0% of revenue; tiers: 1 MGC.');
    const ring = root(el).querySelector('.focus-ring')!.getBoundingClientRect();
    const first = root(el).querySelector('.cell .cell-bg')!.getBoundingClientRect();
    expect([ring.left + 2, ring.top + 2, ring.width - 4]).toEqual([first.left, first.top, first.width]);
    const event = oneEvent(el, 'kam-select');
    await userEvent.keyboard('{Enter}');
    expect((await event).detail.ids).toEqual(['h']);
  });

  it('keeps the tier summary readable by screen readers: the drawing is hidden, a list says the same', async () => {
    const el = await matrixOf();
    expect(root(el).querySelector('svg.chart')!.getAttribute('aria-hidden')).toBe('true');
    const list = root(el).querySelector('ul[aria-label="Tier summary"]')!;
    expect(texts(el, 'ul[aria-label="Tier summary"] li')).toEqual([
      'MVC, Most Valuable Customers: 3 accounts, $800 (80.0% of revenue), profit $150, 40.0% of effort. The few top accounts that together bring in most of the revenue.',
      'MGC, Most Growable Customers: 2 accounts, $60 (6.0% of revenue), profit $6, 15.0% of effort. Accounts with the potential to become most valuable, or strong recent growth.',
      'STC, Second Tier Customers: 3 accounts, $60 (6.0% of revenue), profit $6, 15.0% of effort. Accounts that are neither most valuable, growable nor below zero; meeting the minimum margin, or not (or with profit unknown).',
      'BZ, Below Zero customers: 1 account, $80 (8.0% of revenue), profit -$20, 30.0% of effort. Accounts that cost more to serve than they earn (negative profit).',
    ]);
    // Visually hidden, not display: none (which would hide it from screen readers too).
    expect(getComputedStyle(list).display).not.toBe('none');
    expect(list.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    await wcExpect(el).to.be.accessible();
  });

  it('keeps the focused cell or tier when an equal feed arrives, and the tier when the bands change', async () => {
    const el = await matrixOf();
    plot(el).focus(); // item 0
    await key(el, 'ArrowRight');
    await key(el, 'ArrowRight');
    expect(live(el)).toBe('High revenue, high potential: 1 account, $200, 20.0% of revenue; tiers: 1 MVC.');
    const before = el.tierAnalysis;
    el.data = structuredClone(feed);
    await el.updateComplete;
    expect(el.tierAnalysis).not.toBe(before); // a new feed, a new analysis
    expect(root(el).querySelector('.focus-ring')).not.toBeNull();
    // Still on b's cell (top right): Down goes to the cell below it; had focus reset, it would go to "Low revenue, medium potential".
    await key(el, 'ArrowDown');
    expect(live(el)).toBe('High revenue, medium potential: 2 accounts, $600, 60.0% of revenue; tiers: 2 MVC.');
    const event = oneEvent(el, 'kam-select');
    await key(el, 'Enter');
    expect((await event).detail.ids).toEqual(['a', 'c']);
    await key(el, 'Escape');
    await key(el, 'ArrowDown');
    await key(el, 'ArrowDown'); // from the bottom row into the tiers: MVC
    // No potential in the new feed: one row of three cells instead of nine, MVC is now item 3 and stays focused.
    el.data = { version: 1, accounts: accounts.map(({ potential: _p, ...rest }) => rest) };
    await el.updateComplete;
    await key(el, 'ArrowDown');
    expect(live(el)).toBe('MGC, Most Growable Customers: 0 accounts, $0, 0.0% of revenue, no profit data, 0.0% of effort.');
    await key(el, 'ArrowUp');
    await key(el, 'ArrowUp'); // the last cell of the one row
    // Back to nine cells: a cell cannot be carried over to other bands, so the first cell is focused.
    el.data = feed;
    await el.updateComplete;
    await key(el, 'ArrowRight');
    expect(live(el)).toBe('Medium revenue, high potential: 1 account, $50, 5.0% of revenue; tiers: 1 MGC.');
  });

  it('shows a tooltip with the figures and the top accounts of the focused or hovered item', async () => {
    const el = await matrixOf();
    plot(el).focus();
    await key(el, 'ArrowRight');
    await key(el, 'ArrowDown');
    await key(el, 'End');
    const tip = () => part(el, 'tooltip')!.textContent!.replace(/\s+/g, ' ').trim();
    const tooltip = part(el, 'tooltip')!;
    expect(tooltip.querySelector('strong')!.textContent).toBe('High revenue, medium potential');
    expect([...tooltip.querySelectorAll('dt, dd')].map((n) => n.textContent)).toEqual(['Accounts', '2', 'Revenue', '$600', 'Share of revenue', '60.0%', 'Tiers', '2 MVC']);
    expect([...tooltip.querySelectorAll('li')].map((n) => n.textContent)).toEqual(['Acme: $500', 'Cobalt: $100']);
    const bz = root(el).querySelectorAll('.tier-block')[3]!.querySelector('rect')!;
    bz.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(tip()).toContain('BZ · Below Zero customers');
    expect(tip()).toContain('Profit-$20');
    expect(tip()).toContain('Drain Co: $80');
    expect(root(el).querySelector('.hover-ring')).not.toBeNull();
    await wcExpect(el).to.be.accessible();
  });
});

describe('tier matrix: export', () => {
  it('writes every account to CSV with its tier, bands, figures and reason', async () => {
    const el = await matrixOf();
    const lines = el.toCSV().replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe(
      'id,name,tier,tier_given,previous_tier,value_band,potential_band,revenue,clv,profit,potential,headroom,impact,effort,tier_reason,cost_to_serve,roi,red_flags,red_flag_severity,red_flag_types',
    );
    // The texts rule's reasons: e and h could become MVCs (the smallest has 100); f, g and i meet the margin of 0.
    expect(lines.slice(1, 10)).toEqual([
      'a,Acme,MVC,false,,High,Medium,500,,100,600,100,,20,Rank 1: among the top accounts that make up 80% of revenue (cumulative 50%).,,,0,,',
      'b,Bolt,MVC,false,,High,High,200,,40,900,700,,10,Rank 2: among the top accounts that make up 80% of revenue (cumulative 70%).,,,0,,',
      'c,Cobalt,MVC,false,,High,Medium,100,,10,150,50,,10,Rank 3: among the top accounts that make up 80% of revenue (cumulative 80%).,,,0,,',
      'd,Drain Co,BZ,false,,Medium,Medium,80,,-20,100,20,,30,Profit is below zero (-20).,,,0,,',
      'e,Ember,MGC,false,,Medium,High,50,,5,400,350,,10,Potential of 400 reaches the revenue of the smallest MVC (100): it could become one.,,,0,,',
      'f,Flint,STC,false,,Medium,Low,40,,4,40,0,,10,Meets the minimum margin of 0%: profit of 4 (10% of revenue); neither among the top accounts nor growable.,,,0,,',
      'g,Garnet,STC,false,,Low,Low,20,,2,30,10,,5,Meets the minimum margin of 0%: profit of 2 (10% of revenue); neither among the top accounts nor growable.,,,0,,',
      'h,Helix,MGC,false,,Low,High,10,,1,200,190,,5,Potential of 200 reaches the revenue of the smallest MVC (100): it could become one.,,,0,,',
      'i,Iris,STC,false,,Low,Low,0,,0,0,0,,0,Meets the minimum margin of 0%: profit of 0; neither among the top accounts nor growable.,,,0,,',
    ]);
    expect(lines[10]).toBe('');
  });

  it('exports the matrix and the tier summary as one SVG with the tier patterns and without the focus ring', async () => {
    const el = await matrixOf();
    plot(el).focus();
    await key(el, 'ArrowRight');
    const doc = new DOMParser().parseFromString(await el.toSVG(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelector('title')!.textContent).toBe('9 accounts: 3 MVC, 2 MGC, 3 STC, 1 BZ; MVCs hold 80.0% of revenue.');
    expect(doc.querySelectorAll('pattern')).toHaveLength(4);
    expect(doc.documentElement.textContent).toContain('Most Valuable Customers');
    expect(doc.querySelectorAll('[data-export="skip"]')).toHaveLength(0);
    expect([...doc.querySelectorAll('rect')].some((r) => r.getAttribute('fill') === 'url("#tier-bz")')).toBe(true);
  });
});

describe('tier matrix: PNG export', () => {
  it('draws the PNG at twice the chart size', async () => {
    // 1000 px: the matrix (bottom at 382 px) and the tier summary beside it, four blocks of 114 px from
    // y = 24 with 8 px between them (bottom 504): 506 px high with the 2 px margin.
    const el = await matrixAt(1000);
    const chart = root(el).querySelector('svg.chart')!;
    expect([chart.getAttribute('width'), chart.getAttribute('height')]).toEqual(['1000', '506']);
    const bitmap = await createImageBitmap(await el.toPNG());
    expect([bitmap.width, bitmap.height]).toEqual([2000, 1012]);
  });
});

describe('tier matrix: forced colors and themes', () => {
  it('tells the tiers apart by pattern alone in forced-colors mode', async () => {
    await page.viewport(1000, 700); // screenshots at 1:1 (a taller viewport is scaled down)
    try {
      await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
      expect(matchMedia('(forced-colors: active)').matches).toBe(true);
      const el = await matrixAt(900);
      // Every tier colour becomes CanvasText: colour no longer tells them apart …
      const bases = ['mvc', 'mgc', 'stc', 'bz'].map((t) => getComputedStyle(root(el).querySelector(`.pattern-base.${t}`)!).fill);
      expect(new Set(bases).size).toBe(1);
      expect(getComputedStyle(root(el).querySelector('.pattern-mark')!).fill).not.toBe(bases[0]);
      // … the patterns do. Share of light pixels inside each 14 px swatch of the tier summary, as painted:
      // MVC solid (none), MGC one stripe per 6 px (about 1/6), STC one dot per 5 x 5 px, BZ two stripes (about 1/3).
      const host = el.getBoundingClientRect();
      const shot = await page.screenshot({ element: el, save: false });
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${shot}`)).blob());
      expect(bitmap.width).toBe(Math.round(host.width));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const light = [...root(el).querySelectorAll('.tier-block')].map((block) => {
        const swatch = block.querySelectorAll('rect')[2]!.getBoundingClientRect();
        const pixels = context.getImageData(Math.round(swatch.left - host.left) + 1, Math.round(swatch.top - host.top) + 1, 12, 12).data;
        let count = 0;
        for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! > 127) count++;
        return count / 144;
      });
      expect(light[0]).toBe(0);
      expect(light[1]).toBeGreaterThan(0.1);
      expect(light[1]).toBeLessThan(0.25);
      expect(light[2]).toBeGreaterThan(0.05);
      expect(light[2]).toBeLessThan(0.2);
      expect(light[3]).toBeGreaterThan(0.22);
      expect(light[3]).toBeLessThan(0.45);
      expect(new Set(light).size).toBe(4);
      await wcExpect(el).to.be.accessible();
    } finally {
      await page.viewport(1200, 900);
    }
  });

  it('follows the system colour scheme with theme="auto"', async () => {
    const el = await fixture<KamTierMatrix>(html`<kam-tier-matrix theme="auto" locale="en-US" .data=${feed}></kam-tier-matrix>`);
    const token = (name: string) => getComputedStyle(el).getPropertyValue(name).trim();
    await emulateMedia([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect([token('--kam-bg'), token('--kam-tier-mvc')]).toEqual(['#ffffff', '#1f5fbf']);
    await wcExpect(el).to.be.accessible();
    await emulateMedia([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect([token('--kam-bg'), token('--kam-tier-mvc')]).toEqual(['#0d1117', '#58a6ff']);
    expect(root(el).querySelectorAll('.cell')).toHaveLength(9);
    await wcExpect(el).to.be.accessible();
  });
});

describe('tier matrix: states and size', () => {
  it('shows loading, then the matrix; empty; and the problems of an invalid feed, accessible in each', async () => {
    const held = holdFetch();
    const el = appendWithSrc('kam-tier-matrix', '/feeds/tiers.json');
    await new Promise((r) => setTimeout(r));
    expect(el.getAttribute('aria-busy')).toBe('true');
    await wcExpect(el).to.be.accessible();
    held.respond(feed);
    await el.updateComplete;
    expect(root(el).querySelectorAll('.cell')).toHaveLength(9);
    el.remove();
    vi.unstubAllGlobals();

    const empty = await matrixOf({ version: 1, accounts: [] });
    expect(part(empty, 'state')!.textContent).toContain('No accounts to show');
    await wcExpect(empty).to.be.accessible();

    const invalid = await matrixOf({ version: 2, accounts: 'x' });
    expect(part(invalid, 'state')!.textContent).toContain('This feed cannot be shown');
    await wcExpect(invalid).to.be.accessible();
    expect(invalid.toCSV()).toBe(
      '\uFEFFid,name,tier,tier_given,previous_tier,value_band,potential_band,revenue,clv,profit,potential,headroom,impact,effort,tier_reason,cost_to_serve,roi,red_flags,red_flag_severity,red_flag_types\r\n',
    );
  });

  it('lists skipped accounts and draws the others', async () => {
    const el = await matrixOf([...accounts, { id: 'bad', name: 'Broken', revenue: '12k' }, { id: 'a', name: 'Acme again', revenue: 5 }]);
    const notice = part(el, 'skipped-notice')!;
    expect(notice.querySelector('summary')!.textContent).toBe('2 accounts skipped');
    expect(notice.textContent).toContain('accounts[9].revenue');
    expect(notice.textContent).toContain('accounts[10].id');
    expect(part(el, 'summary')!.textContent).toBe('9 accounts: 3 MVC, 2 MGC, 3 STC, 1 BZ; MVCs hold 80.0% of revenue.');
    expect(root(el).querySelectorAll('.cell')).toHaveLength(9);
    await wcExpect(el).to.be.accessible();
  });

  it('shows a network error with Retry, and Retry loads the feed', async () => {
    const fetchMock = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(jsonResponse(feed));
    vi.stubGlobal('fetch', fetchMock);
    try {
      const el = await fixture<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" src="http://127.0.0.1:9/feed.json"></kam-tier-matrix>`);
      expect(part(el, 'state-error')!.textContent).toContain('The feed could not be loaded');
      await wcExpect(el).to.be.accessible();
      part(el, 'retry-button')!.click();
      await el.updateComplete;
      expect(fetchMock).toHaveBeenCalledTimes(2);
      expect(part(el, 'state')).toBeNull();
      expect(part(el, 'summary')!.textContent).toBe('9 accounts: 3 MVC, 2 MGC, 3 STC, 1 BZ; MVCs hold 80.0% of revenue.');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reads an inline <script type="application/json"> child', async () => {
    // Revenue 600 + 300 + 100: a (60%) and b (90%) reach 80%, but b's profit is negative: BZ. c has
    // neither headroom nor growth: STC. No potential at all: one "No data" row; value cuts 300 and 600.
    const el = await fixture<KamTierMatrix>(html`<kam-tier-matrix locale="en-US"
      ><script type="application/json">
        { "version": 1, "accounts": [
          { "id": "a", "name": "A", "revenue": 600, "profit": 10 },
          { "id": "b", "name": "B", "revenue": 300, "profit": -5 },
          { "id": "c", "name": "C", "revenue": 100, "profit": 1 }
        ] }
      </script></kam-tier-matrix
    >`);
    expect(part(el, 'summary')!.textContent).toBe('3 accounts: 1 MVC, 0 MGC, 1 STC, 1 BZ; MVCs hold 60.0% of revenue.');
    expect(el.matrix!.value.cuts).toEqual([300, 600]);
    expect(cellCounts(el)).toEqual(['1 account', '1 account', '1 account']);
  });

  /** Big money, long names, a "No data" CLV column: four columns with long ranges, the hardest fit. */
  const wideFigures = accounts.map((a, i) => ({ ...a, name: `${a.name} International Holdings`, revenue: (a.revenue as number) * 123_457, potential: (a.potential as number) * 123_457, clv: i < 6 ? (i + 1) * 9_876_543 : undefined }));

  for (const width of [280, 1600]) {
    for (const [label, data, valueField] of [['the test feed', feed, ''], ['big figures by CLV', { version: 1, accounts: wideFigures }, 'clv']] as const) {
      it(`fits ${width} px with ${label}: nothing overlaps, every text inside its cell or block`, async () => {
        const el = await matrixAt(width, data, valueField);
        const rect = (n: Element) => n.getBoundingClientRect();
        const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
        const inside = (a: DOMRect, b: DOMRect) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
        const chart = root(el).querySelector('svg.chart')!;
        expect(chart.getAttribute('width')).toBe(String(width));
        const cells = [...root(el).querySelectorAll('.cell')];
        const blocks = [...root(el).querySelectorAll('.tier-block')];
        const boxes = [...cells.map((c) => rect(c.querySelector('.cell-bg')!)), ...blocks.map((b) => rect(b.querySelector('.block-bg')!))];
        const headers = [...root(el).querySelectorAll('.headers text, .panel-title')].map(rect);
        for (const [i, a] of [...boxes, ...headers].entries()) {
          expect(inside(a, rect(chart)), `box ${i} inside the chart`).toBe(true);
          for (const b of [...boxes, ...headers].slice(i + 1)) expect(overlap(a, b), `box ${i}`).toBe(false);
        }
        for (const group of [...cells, ...blocks]) {
          const bounds = rect(group.querySelector('.cell-bg, .block-bg')!);
          for (const text of group.querySelectorAll('text')) expect(inside(rect(text), bounds), `"${text.textContent}" inside its box`).toBe(true);
        }
        // Wide: the tier summary beside the matrix; narrow: below it.
        const lastCell = boxes[cells.length - 1]!;
        if (width >= 760) expect(rect(blocks[0]!).left).toBeGreaterThan(lastCell.right);
        else expect(rect(blocks[0]!).top).toBeGreaterThan(lastCell.bottom);
      });
    }
  }

  it('puts the tier summary beside the matrix when wide and below it when narrow', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 1000px"><kam-tier-matrix locale="en-US" .data=${feed}></kam-tier-matrix></div>`);
    const el = box.querySelector('kam-tier-matrix')!;
    await frames();
    await el.updateComplete;
    const svgWidth = () => Number(root(el).querySelector('svg.chart')!.getAttribute('width'));
    const firstBlock = () => root(el).querySelector('.tier-block .block-bg')!;
    const lastCell = () => root(el).querySelectorAll('.cell')[8]!.getBoundingClientRect();
    expect(svgWidth()).toBe(1000);
    expect(firstBlock().getBoundingClientRect().left).toBeGreaterThan(lastCell().right);

    box.style.width = '300px';
    await frames();
    await el.updateComplete;
    expect(svgWidth()).toBe(300);
    expect(firstBlock().getBoundingClientRect().top).toBeGreaterThan(lastCell().bottom);
    // No two header labels overlap.
    const boxes = [...root(el).querySelectorAll('.headers text')].map((t) => t.getBoundingClientRect());
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    }
    // No text runs out of its cell.
    for (const cell of root(el).querySelectorAll('.cell')) {
      const bounds = cell.querySelector('.cell-bg')!.getBoundingClientRect();
      for (const text of cell.querySelectorAll('text')) expect(text.getBoundingClientRect().right).toBeLessThanOrEqual(bounds.right + 0.5);
    }
    await wcExpect(el).to.be.accessible();
  });
});
