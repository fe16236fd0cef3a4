/**
 * <kam-pareto measure="profit|clv|revenue">: the chart ranks by the chosen measure and says so everywhere
 * (summary, axis title, tooltip, live region, table, CSV); accounts with a negative figure count 0 in the
 * ranking and are listed apart, never hidden. Revenue stays the default.
 */
import { describe, expect, it } from 'vitest';
import { expect as wcExpect, fixture, html } from '@open-wc/testing';
import '../../src/components/pareto/define.js';
import type { KamPareto } from '../../src/components/pareto/kam-pareto.js';

/*
 * Profit: Atlas 300, Birch 100, Dune 100, Cedar −50, Elm −200, Fir unknown (total of the positive: 500).
 * Ranked by profit, the negative and unknown at 0: 1 Atlas 300 (60%), 2 Birch 100 (80%: ties by name,
 * Birch before Dune), 3 Dune 100 (100%), then Cedar, Elm, Fir at 0 (by name). The vital few at 80%:
 * Atlas and Birch, 2 of 6 (33.3%). Below zero, most negative first: Elm −200, Cedar −50.
 * CLV: Atlas 5,000, Cedar 3,000, Birch 2,000 (total 10,000): Atlas 50%, Cedar 80%: 2 of 6 at 80%.
 */
const feed = {
  version: 1,
  currency: 'USD',
  accounts: [
    { id: 'a', name: 'Atlas', revenue: 1000, profit: 300, clv: 5000 },
    { id: 'b', name: 'Birch', revenue: 800, profit: 100, clv: 2000 },
    { id: 'c', name: 'Cedar', revenue: 100, profit: -50, clv: 3000 },
    { id: 'd', name: 'Dune', revenue: 60, profit: 100 },
    { id: 'e', name: 'Elm', revenue: 40, profit: -200 },
    { id: 'f', name: 'Fir', revenue: 10 },
  ],
};

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const plot = (el: HTMLElement) => root(el).querySelector<HTMLElement>('.plot')!;
const summary = (el: HTMLElement) => text(root(el).querySelector('[part~="summary"]'));

async function pareto(measure?: string, view = 'chart'): Promise<KamPareto> {
  const el = await fixture<KamPareto>(html`<kam-pareto locale="en-US" measure=${measure ?? 'revenue'} view=${view} .data=${feed}></kam-pareto>`);
  await el.updateComplete;
  return el;
}

describe('kam-pareto measure="profit"', () => {
  it('ranks by profit and says so in the summary and the axis title', async () => {
    const el = await pareto('profit');
    expect(el.measure).toBe('profit');
    expect(summary(el)).toBe('2 of 6 accounts (33.3%) produce 80% of profit.');
    expect(text(root(el).querySelector('.axis-title'))).toBe('Accounts by profit rank');
    expect(el.drawnBars.map((b) => b.revenue)).toEqual([300, 100, 100, 0, 0, 0]);
    expect(el.analysis!.vitalFew).toBe(2);
    await wcExpect(el).to.be.accessible();
  });

  it('names the accounts with negative profit under the chart, most negative first', async () => {
    const el = await pareto('profit');
    expect(text(root(el).querySelector('[part~="below-zero-note"]'))).toBe('2 accounts with negative profit count as 0 in the ranking: Elm (-$200), Cedar (-$50).');
  });

  it('says profit in the tooltip and the live region of a bar', async () => {
    const el = await pareto('profit');
    plot(el).focus();
    plot(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(text(root(el).querySelector('[aria-live]'))).toBe('Rank 1: Atlas, $300, 60.0% of profit, cumulative 60.0%. Vital few.');
    const facts = [...root(el).querySelectorAll('[part~="tooltip"] dt')].map((dt) => text(dt));
    expect(facts[0]).toBe('Profit');
  });

  it('lists the accounts below zero apart in the table view, and the ranking with a Profit column', async () => {
    const el = await pareto('profit', 'table');
    const apart = root(el).querySelector('[part~="below-zero-table"]')!;
    expect(text(apart.querySelector('caption'))).toBe('Accounts with negative profit, listed apart (they count as 0 in the ranking below), most negative first');
    expect([...apart.querySelectorAll('tbody tr')].map((tr) => text(tr))).toEqual(['Elm -$200', 'Cedar -$50']);
    const headers = [...root(el).querySelectorAll('table[part~="table"] thead th')].map((th) => text(th).replace(/[▲▼↕]$/, ''));
    expect(headers.slice(0, 3)).toEqual(['Account', 'Rank', 'Profit']);
    const names = [...root(el).querySelectorAll('table[part~="table"] tbody th')].map((th) => text(th).replace(/ vital few$/, ''));
    expect(names).toEqual(['Atlas', 'Birch', 'Dune', 'Cedar', 'Elm', 'Fir']);
    await wcExpect(el).to.be.accessible();
  });

  it('exports the ranking with a profit column', async () => {
    const el = await pareto('profit');
    const lines = el.toCSV().replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 7)).toEqual(['rank', 'id', 'name', 'profit', 'share', 'cumulative_share', 'vital_few']);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 7).join(','))).toEqual([
      '1,a,Atlas,300,0.6,0.6,true',
      '2,b,Birch,100,0.2,0.8,true',
      '3,d,Dune,100,0.2,1,false',
      '4,c,Cedar,0,0,1,false',
      '5,e,Elm,0,0,1,false',
      '6,f,Fir,0,0,1,false',
    ]);
  });
});

describe('kam-pareto measure="clv" and the default', () => {
  it('ranks by CLV, with nothing listed apart', async () => {
    const el = await pareto('clv');
    expect(summary(el)).toBe('2 of 6 accounts (33.3%) produce 80% of CLV.');
    expect(el.drawnBars.map((b) => b.revenue)).toEqual([5000, 3000, 2000, 0, 0, 0]);
    expect(root(el).querySelector('[part~="below-zero-note"]')).toBeNull();
  });

  it('ranks by revenue without the attribute, and for a measure it does not know', async () => {
    for (const el of [await fixture<KamPareto>(html`<kam-pareto locale="en-US" .data=${feed}></kam-pareto>`), await pareto('margin')]) {
      await el.updateComplete;
      expect(el.effectiveMeasure).toBe('revenue');
      // Revenue 1,000 + 800 = 1,800 of 2,010 (89.6%): the vital few at 80% are 2.
      expect(summary(el)).toBe('2 of 6 accounts (33.3%) produce 80% of revenue.');
      expect(text(root(el).querySelector('.axis-title'))).toBe('Accounts by rank');
      expect(root(el).querySelector('[part~="below-zero-note"]')).toBeNull();
      expect(el.toCSV().replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',')[3]).toBe('revenue');
    }
  });
});
