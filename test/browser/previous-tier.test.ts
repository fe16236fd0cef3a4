/**
 * An account's tier in the previous period, in the Pareto chart's and the quadrant's tooltip, table view
 * and CSV export; nothing of it without history (no tooltip words, no table column, an empty CSV column);
 * and never computed for the first paint.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expect as wcExpect, fixture, html } from '@open-wc/testing';
import '../../src/components/pareto/define.js';
import '../../src/components/quadrant/define.js';
import type { KamPareto } from '../../src/components/pareto/kam-pareto.js';
import type { KamQuadrant } from '../../src/components/quadrant/kam-quadrant.js';
import { Portfolio } from '../../src/analysis/portfolio.js';
import { generateSampleFeed } from '../../src/analysis/sample-feed.js';

/*
 * Two quarters, 2026-Q2 the current one. Revenue now: a 500, b 200, c 100, d 80, e 20 of 900
 * (cumulative 55.6%, 77.8%, 88.9%, ...): the vital few (MVC) are a, b and c; d has a negative profit (BZ);
 * e's MGC is given.
 * In 2026-Q1: a, b and c have their tiers given (STC, MVC, MGC); d has no figures (new); e's profit is
 * below zero (BZ by the rule).
 * Quadrant (medians: effort 40, impact 50; on a split counts as high): a and b Quick wins, c Strategic
 * investments, d and e Over-served.
 */
const feed = {
  version: 1,
  currency: 'USD',
  periods: { order: ['2026-Q1', '2026-Q2'], current: '2026-Q2' },
  accounts: [
    { id: 'a', name: 'Acme', revenue: 500, effort: 10, impact: 100, history: [{ period: '2026-Q1', revenue: 300, tier: 'STC' }] },
    { id: 'b', name: 'Bolt', revenue: 200, effort: 20, impact: 50, history: [{ period: '2026-Q1', revenue: 400, tier: 'MVC' }] },
    { id: 'c', name: 'Cobalt', revenue: 100, effort: 40, impact: 60, history: [{ period: '2026-Q1', revenue: 50, tier: 'MGC' }] },
    { id: 'd', name: 'Delta', revenue: 80, profit: -5, effort: 50, impact: 10 },
    { id: 'e', name: 'Echo', revenue: 20, tier: 'MGC', effort: 70, impact: 5, history: [{ period: '2026-Q1', revenue: 20, profit: -3 }] },
  ],
};
/** The same accounts without history. */
const withoutHistory = { version: 1, currency: 'USD', accounts: feed.accounts.map(({ history: _history, ...account }) => account) };

const root = (el: HTMLElement) => el.shadowRoot!;
const plot = (el: HTMLElement) => root(el).querySelector<HTMLElement>('.plot')!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

async function widget<T extends HTMLElement & { updateComplete: Promise<boolean> }>(template: unknown, tag: string): Promise<T> {
  const host = await fixture<HTMLElement>(html`<div style="width: 800px">${template}</div>`);
  const el = host.querySelector(tag) as T;
  await el.updateComplete;
  await frames();
  await el.updateComplete;
  return el;
}

async function key(el: KamPareto | KamQuadrant, k: string) {
  plot(el).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The tooltip's name and its "Tier" fact. */
function tipTier(el: HTMLElement): [string, string] {
  const tip = root(el).querySelector('[part~="tooltip"]')!;
  const facts = [...tip.querySelectorAll('dt, dd')].map(text);
  return [text(tip.querySelector('strong')), facts[facts.indexOf('Tier') + 1]!];
}

/** The table view's headers and, per row, the cells of the named columns. */
async function tableColumns(el: KamPareto | KamQuadrant, columns: string[]) {
  el.view = 'table';
  await el.updateComplete;
  await frames();
  await el.updateComplete;
  const headers = [...root(el).querySelectorAll('table[part~="table"] thead th')].map((th) => text(th).replace(/[▲▼↕]$/, '').trim());
  const rows = [...root(el).querySelectorAll('table[part~="table"] tbody tr')].map((tr) => columns.map((c) => text(tr.children[headers.indexOf(c)])));
  return { headers, rows };
}

/** The CSV's header and each row's previous_tier by id. */
function csvPreviousTiers(csv: string) {
  const [header, ...lines] = csv.replace('\uFEFF', '').trim().split('\r\n');
  const columns = header!.split(',');
  const at = columns.indexOf('previous_tier');
  // These lines' quoted fields (reasons) may hold commas: drop them before splitting.
  return { columns, tiers: Object.fromEntries(lines.map((line) => line.replace(/"[^"]*"/g, 'x').split(',')).map((cells) => [cells[columns.indexOf('id')], cells[at]])) };
}

describe('kam-pareto: the previous tier', () => {
  it('in the tooltip of one account: "Tier: MVC (2026-Q1: STC)", "new" without figures then', async () => {
    const el = await widget<KamPareto>(html`<kam-pareto locale="en-US" .data=${feed}></kam-pareto>`, 'kam-pareto');
    plot(el).focus();
    const seen = [];
    for (let bar = 0; bar < 5; bar++) {
      await key(el, bar === 0 ? 'Home' : 'ArrowRight');
      seen.push(tipTier(el));
    }
    expect(seen).toEqual([
      ['Acme', 'MVC (2026-Q1: STC)'],
      ['Bolt', 'MVC (2026-Q1: MVC)'],
      ['Cobalt', 'MVC (2026-Q1: MGC)'],
      ['Delta', 'BZ (2026-Q1: new)'],
      ['Echo', 'MGC (given; 2026-Q1: BZ)'],
    ]);
    await wcExpect(el).to.be.accessible();
  });

  it('in the table view ("Tier in 2026-Q1", after the tier) and the CSV (previous_tier)', async () => {
    const el = await widget<KamPareto>(html`<kam-pareto locale="en-US" .data=${feed}></kam-pareto>`, 'kam-pareto');
    const { headers, rows } = await tableColumns(el, ['Account', 'Tier', 'Tier in 2026-Q1']);
    expect(headers.indexOf('Tier in 2026-Q1')).toBe(headers.indexOf('Tier') + 1);
    expect(rows).toEqual([
      ['Acme vital few', 'MVC', 'STC'],
      ['Bolt vital few', 'MVC', 'MVC'],
      ['Cobalt vital few', 'MVC', 'MGC'],
      ['Delta', 'BZ', 'new'],
      ['Echo', 'MGC', 'BZ'],
    ]);
    const { columns, tiers } = csvPreviousTiers(el.toCSV());
    expect(columns.indexOf('previous_tier')).toBe(columns.indexOf('tier_reason') + 1);
    expect(tiers).toEqual({ a: 'STC', b: 'MVC', c: 'MGC', d: 'new', e: 'BZ' });
  });

  it('without history: no words in the tooltip, no table column, an empty CSV column', async () => {
    const el = await widget<KamPareto>(html`<kam-pareto locale="en-US" .data=${withoutHistory}></kam-pareto>`, 'kam-pareto');
    plot(el).focus();
    await key(el, 'End');
    expect(tipTier(el)).toEqual(['Echo', 'MGC (given)']);
    const { tiers } = csvPreviousTiers(el.toCSV());
    expect(tiers).toEqual({ a: '', b: '', c: '', d: '', e: '' });
    const { headers } = await tableColumns(el, []);
    expect(headers.filter((h) => h.startsWith('Tier'))).toEqual(['Tier']);
  });
});

describe('kam-quadrant: the previous tier', () => {
  it('in the tooltip: "Tier: MVC · Most Valuable Customers (2026-Q1: STC)"', async () => {
    const el = await widget<KamQuadrant>(html`<kam-quadrant locale="en-US" .data=${feed}></kam-quadrant>`, 'kam-quadrant');
    plot(el).focus();
    // The largest account of each quadrant in turn: Acme (Quick wins), Cobalt (Strategic investments), Delta (Over-served).
    const seen = new Map<string, string>();
    for (let step = 0; step < 3; step++) {
      await key(el, 'PageDown');
      const [name, tier] = tipTier(el);
      seen.set(name, tier);
    }
    expect(Object.fromEntries(seen)).toEqual({
      Acme: 'MVC · Most Valuable Customers (2026-Q1: STC)',
      Cobalt: 'MVC · Most Valuable Customers (2026-Q1: MGC)',
      Delta: 'BZ · Below Zero customers (2026-Q1: new)',
    });
    await wcExpect(el).to.be.accessible();
  });

  it('in the table view ("Tier in 2026-Q1", after the tier) and the CSV (previous_tier, after tier)', async () => {
    const el = await widget<KamQuadrant>(html`<kam-quadrant locale="en-US" .data=${feed}></kam-quadrant>`, 'kam-quadrant');
    const { headers, rows } = await tableColumns(el, ['Account', 'Tier', 'Tier in 2026-Q1']);
    expect(headers.indexOf('Tier in 2026-Q1')).toBe(headers.indexOf('Tier') + 1);
    expect(rows).toEqual([
      ['Acme', 'MVC', 'STC'],
      ['Bolt', 'MVC', 'MVC'],
      ['Cobalt', 'MVC', 'MGC'],
      ['Delta', 'BZ', 'new'],
      ['Echo', 'MGC', 'BZ'],
    ]);
    const { columns, tiers } = csvPreviousTiers(el.toCSV());
    expect(columns.indexOf('previous_tier')).toBe(columns.indexOf('tier') + 1);
    expect(tiers).toEqual({ a: 'STC', b: 'MVC', c: 'MGC', d: 'new', e: 'BZ' });
  });

  it('without history: no words in the tooltip, no table column, an empty CSV column', async () => {
    const el = await widget<KamQuadrant>(html`<kam-quadrant locale="en-US" .data=${withoutHistory}></kam-quadrant>`, 'kam-quadrant');
    plot(el).focus();
    await key(el, 'PageDown');
    expect(tipTier(el)).toEqual(['Acme', 'MVC · Most Valuable Customers']);
    const { tiers } = csvPreviousTiers(el.toCSV());
    expect(tiers).toEqual({ a: '', b: '', c: '', d: '', e: '' });
    const { headers } = await tableColumns(el, []);
    expect(headers.filter((h) => h.startsWith('Tier'))).toEqual(['Tier']);
  });
});

describe('the previous tiers wait for the first idle moment', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  // 2,500 accounts with eight quarters: above the first paint's red flags (which read the previous tiers too).
  const large = generateSampleFeed({ count: 2500, seed: 3 });

  for (const tag of ['kam-pareto', 'kam-quadrant'] as const) {
    it(`${tag}: are not computed for the first paint, but at the first idle moment`, async () => {
      const idle: (() => void)[] = [];
      vi.stubGlobal('requestIdleCallback', (task: () => void) => idle.push(task));
      vi.stubGlobal('cancelIdleCallback', () => {});
      const tiers = vi.spyOn(Portfolio.prototype, 'tiers');
      const el = await widget<KamPareto | KamQuadrant>(
        tag === 'kam-pareto' ? html`<kam-pareto locale="en-US" .data=${large}></kam-pareto>` : html`<kam-quadrant locale="en-US" .data=${large}></kam-quadrant>`,
        tag,
      );
      expect(root(el).querySelector('svg.chart')).not.toBeNull();
      const previous = el.portfolio!.periods().previous()!.portfolio;
      expect(tiers.mock.contexts).not.toContain(previous);
      expect(idle.length).toBeGreaterThan(0);
      for (const task of idle.splice(0)) task();
      await el.updateComplete;
      expect(tiers.mock.contexts).toContain(previous);
    });
  }
});
