import { describe, expect, it, vi } from 'vitest';
import { expect as wcExpect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/tier-matrix/define.js';
import '../../src/components/feed/define.js';
import type { KamTierMatrix } from '../../src/components/tier-matrix/kam-tier-matrix.js';
import type { KamFeed } from '../../src/components/feed/kam-feed.js';
import type { AccountInput } from '../../src/feed/schema.js';
import type { KamSelectDetail } from '../../src/internal/events.js';
import { jsonResponse } from '../support/fixtures.js';

/**
 * Nine accounts, total revenue 1,000 and total effort 100, chosen so that every figure is easy by hand.
 *
 * Tiers (cutoff 0.8, headroom factor 1): a, b, c reach 50%, 70%, 80% of revenue: MVC. d has profit −20: BZ.
 * e (headroom 350 ≥ 50) and h (190 ≥ 10): MGC. f (headroom 0), g (10 < 20), i (0): STC.
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
      'MGC: growth headroom (potential − revenue) at least 1× current revenue, or revenue grew at least 20% over the previous period.',
      'STC: every other account.',
      'Tiers given in the feed win over this rule.',
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
    expect(texts(el, 'thead th')).toEqual(['Account↕', 'Tier↕', 'Value band (revenue)↕', 'Potential band (headroom)↕', 'Revenue↕', 'Headroom↕', 'Why this tier↕']);
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
    expect(rows[3]!.slice(4)).toEqual(['$80', '$20', 'Profit is below zero (-$20).']);
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

  it('draws a single account in one cell', async () => {
    const el = await matrixOf([{ id: 'x', name: 'Solo', revenue: 5, potential: 9, profit: 1 }]);
    expect(part(el, 'summary')!.textContent).toBe('1 accounts: 1 MVC, 0 MGC, 0 STC, 0 BZ; MVCs hold 100.0% of revenue.');
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
    const el = await fixture<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" cutoff="0.5" .rules=${{ cutoff: 0.9, headroomFactor: 0.25 }} .data=${feed}></kam-tier-matrix>`);
    // cutoff 0.5: only a is MVC. Headroom 0.25x: b (700), c (50 ≥ 25), e, g (10 ≥ 5), h are MGC. d stays BZ.
    expect(el.effectiveRules).toEqual({ cutoff: 0.5, growthThreshold: 0.2, headroomFactor: 0.25 });
    expect(part(el, 'summary')!.textContent).toBe('9 accounts: 1 MVC, 5 MGC, 2 STC, 1 BZ; MVCs hold 50.0% of revenue.');
    expect(texts(el, '[part="rule"] li')[1]).toBe('MVC: the top accounts that make up 50% of revenue.');
  });

  it('ignores an unusable parameter and keeps the default', async () => {
    const el = await fixture<KamTierMatrix>(html`<kam-tier-matrix cutoff="1.5" headroom-factor="-1" .data=${feed}></kam-tier-matrix>`);
    expect(el.effectiveRules).toEqual({ cutoff: 0.8, growthThreshold: 0.2, headroomFactor: 1 });
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

describe('tier matrix: keyboard and tooltip', () => {
  it('is one Tab stop; arrows move across the cells and into the tier summary, announced; Enter selects; Escape clears', async () => {
    const el = await matrixOf();
    expect(root(el).querySelectorAll('.plot [tabindex]')).toHaveLength(0);
    plot(el).focus();
    await key(el, 'ArrowRight');
    expect(live(el)).toBe('Low revenue, high potential: 1 account, $10, 1.0% of revenue; tiers: 1 MGC.');
    expect(root(el).querySelector('.focus-ring')).not.toBeNull();
    await key(el, 'ArrowDown');
    await key(el, 'ArrowDown');
    expect(live(el)).toBe('Low revenue, low potential: 2 accounts, $20, 2.0% of revenue; tiers: 2 STC.');
    await key(el, 'End');
    expect(live(el)).toBe('High revenue, low potential: 0 accounts, $0, 0.0% of revenue; tiers: none.');
    await key(el, 'ArrowDown');
    expect(live(el)).toBe('MVC, Most Valuable Customers: 3 accounts, $800, 80.0% of revenue, 40.0% of effort.');
    await key(el, 'ArrowDown');
    await key(el, 'ArrowDown');
    await key(el, 'ArrowDown');
    expect(live(el)).toBe('BZ, Below Zero customers: 1 account, $80, 8.0% of revenue, 30.0% of effort.');
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
    expect(lines[0]).toBe('id,name,tier,tier_given,value_band,potential_band,revenue,clv,profit,potential,headroom,impact,effort,tier_reason');
    expect(lines.slice(1, 10)).toEqual([
      'a,Acme,MVC,false,High,Medium,500,,100,600,100,,20,Rank 1: among the top accounts that make up 80% of revenue (cumulative 50%).',
      'b,Bolt,MVC,false,High,High,200,,40,900,700,,10,Rank 2: among the top accounts that make up 80% of revenue (cumulative 70%).',
      'c,Cobalt,MVC,false,High,Medium,100,,10,150,50,,10,Rank 3: among the top accounts that make up 80% of revenue (cumulative 80%).',
      'd,Drain Co,BZ,false,Medium,Medium,80,,-20,100,20,,30,Profit is below zero (-20).',
      'e,Ember,MGC,false,Medium,High,50,,5,400,350,,10,Growth headroom of 350 is at least 1× current revenue (50).',
      'f,Flint,STC,false,Medium,Low,40,,4,40,0,,10,"Not below zero, not among the top accounts, and without enough headroom or growth to be growable."',
      'g,Garnet,STC,false,Low,Low,20,,2,30,10,,5,"Not below zero, not among the top accounts, and without enough headroom or growth to be growable."',
      'h,Helix,MGC,false,Low,High,10,,1,200,190,,5,Growth headroom of 190 is at least 1× current revenue (10).',
      'i,Iris,STC,false,Low,Low,0,,0,0,0,,0,"Not below zero, not among the top accounts, and without enough headroom or growth to be growable."',
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

describe('tier matrix: states and size', () => {
  it('shows loading, then the matrix; empty; and the problems of an invalid feed, accessible in each', async () => {
    let answer!: (r: Response) => void;
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))));
    const el = document.createElement('kam-tier-matrix');
    el.src = '/feeds/tiers.json';
    document.body.append(el);
    await new Promise((r) => setTimeout(r));
    expect(el.getAttribute('aria-busy')).toBe('true');
    await wcExpect(el).to.be.accessible();
    answer(jsonResponse(feed));
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
    expect(invalid.toCSV()).toBe('\uFEFFid,name,tier,tier_given,value_band,potential_band,revenue,clv,profit,potential,headroom,impact,effort,tier_reason\r\n');
  });

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
