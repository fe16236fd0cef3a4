/**
 * Key-account ROI in the widgets: cost to serve, profit and ROI per tier in the tier matrix (tier blocks,
 * tooltip, the line under the matrix, a table above the table view, per account in the table and CSV),
 * and the ROI tile of the scorecard with its definition and base.
 */
import { describe, expect, it } from 'vitest';
import { expect as wcExpect, fixture, html } from '@open-wc/testing';
import '../../src/components/scorecard/define.js';
import '../../src/components/tier-matrix/define.js';
import type { KamScorecard } from '../../src/components/scorecard/kam-scorecard.js';
import type { KamTierMatrix } from '../../src/components/tier-matrix/kam-tier-matrix.js';

/*
 * Revenue 1,000 + 800 + 100 + 60 + 40 = 2,000: the vital few at 80% are Atlas (50%) and Birch (90%), MVC.
 * Mesa: potential 2,000 reaches the smallest MVC's revenue (800): MGC. Sage: profit 30, no potential: STC.
 * Zinc: profit below zero: BZ.
 * Cost to serve and ROI (profit ÷ cost of the accounts with both):
 *   MVC: Atlas 300 / 100, Birch 100 / 200: profit 400 on 300 = 133.3% (Atlas 300%, Birch 50%)
 *   MGC: Mesa 20 / 40 = 50%
 *   STC: Sage has no cost: unknown (no cost to serve)
 *   BZ:  Zinc −20 / 10 = −200%
 *   All: profit 400 on 350 (4 of the 5 accounts) = 114.3%
 */
const feed = {
  version: 1,
  currency: 'USD',
  accounts: [
    { id: 'a', name: 'Atlas', revenue: 1000, profit: 300, costToServe: 100 },
    { id: 'b', name: 'Birch', revenue: 800, profit: 100, costToServe: 200 },
    { id: 'm', name: 'Mesa', revenue: 100, potential: 2000, profit: 20, costToServe: 40 },
    { id: 's', name: 'Sage', revenue: 60, profit: 30 },
    { id: 'z', name: 'Zinc', revenue: 40, profit: -20, costToServe: 10 },
  ],
};

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = (el: HTMLElement, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);

async function widget<T extends HTMLElement & { updateComplete: Promise<boolean> }>(template: unknown): Promise<T> {
  const el = await fixture<T>(template as never);
  await el.updateComplete;
  return el;
}

describe('kam-tier-matrix: ROI per tier', () => {
  it('gives each tier its ROI in its block, and every tier in one line under the matrix', async () => {
    const el = await widget<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" .data=${feed}></kam-tier-matrix>`);
    expect(el.tierAnalysis!.tiers.map((t) => t.accounts)).toEqual([2, 1, 1, 1]);
    const lines = [...root(el).querySelectorAll('ul[aria-label="Tier summary"] li')].map((li) => text(li));
    expect(lines[0]).toContain('ROI 133.3% on $300 cost');
    expect(lines[1]).toContain('ROI 50% on $40 cost');
    expect(lines[2]).toContain('ROI — (no cost to serve)');
    expect(lines[3]).toContain('ROI -200% on $10 cost');
    expect(text(part(el, 'roi'))).toBe(
      'Return on the cost to serve (profit / cost): MVC 133.3%, MGC 50%, STC — (no cost to serve), BZ -200%; all accounts 114.3% (profit $400 on $350 cost). Figures of the 4 of 5 accounts with a cost to serve and a profit.',
    );
    await wcExpect(el).to.be.accessible();
  });

  it('gives a tier’s cost to serve and ROI in its tooltip', async () => {
    const el = await widget<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" .data=${feed}></kam-tier-matrix>`);
    const mvc = root(el).querySelector('.tier-block')!;
    mvc.querySelector('.block-bg')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    const facts = [...part(el, 'tooltip')!.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]);
    expect(facts).toContainEqual(['Cost to serve', '$300']);
    expect(facts).toContainEqual(['ROI', '133.3%']);
  });

  it('says what is missing when no account has a cost to serve', async () => {
    const noCosts = { version: 1, accounts: feed.accounts.map(({ costToServe: _, ...account }) => account) };
    const el = await widget<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" .data=${noCosts}></kam-tier-matrix>`);
    expect(text(part(el, 'roi'))).toBe(
      'ROI per tier: —. No account has a cost to serve: give costToServe in the feed, or effort with cost-per-effort (the cost of one unit of effort).',
    );
    expect([...root(el).querySelectorAll('ul[aria-label="Tier summary"] li')].some((li) => text(li).includes('ROI'))).toBe(false);
  });

  it('shows cost, profit and ROI per tier above the table view, and each account’s in the table and the CSV', async () => {
    const el = await widget<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" view="table" .data=${feed}></kam-tier-matrix>`);
    const rows = [...part(el, 'roi-table')!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));
    expect(rows).toEqual([
      ['MVC', '2', '2', '$300', '$400', '133.3%'],
      ['MGC', '1', '1', '$40', '$20', '50%'],
      ['STC', '1', '0', '—', '—', '— (no cost to serve)'],
      ['BZ', '1', '1', '$10', '-$20', '-200%'],
      ['All accounts', '5', '4', '$350', '$400', '114.3%'],
    ]);
    const headers = [...root(el).querySelectorAll('table[part~="table"] thead th')].map((th) => text(th).replace(/[▲▼↕]$/, ''));
    const cell = (name: string, column: string) => {
      const row = [...root(el).querySelectorAll('table[part~="table"] tbody tr')].find((tr) => text(tr.children[0]) === name)!;
      return text(row.children[headers.indexOf(column)]);
    };
    expect([cell('Atlas', 'Cost to serve'), cell('Atlas', 'ROI'), cell('Sage', 'Cost to serve'), cell('Sage', 'ROI')]).toEqual(['$100', '300%', '—', '—']);
    await wcExpect(el).to.be.accessible();
    const [header, ...lines] = el.toCSV().replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.replace(/"[^"]*"/g, 'x').split(','));
    const at = (name: string) => header!.indexOf(name);
    expect(lines.map((l) => [l[at('name')], l[at('cost_to_serve')], l[at('roi')]])).toEqual([
      ['Atlas', '100', '3'],
      ['Birch', '200', '0.5'],
      ['Mesa', '40', '0.5'],
      ['Sage', '', ''],
      ['Zinc', '10', '-2'],
    ]);
  });
});

describe('kam-scorecard: the ROI tile', () => {
  it('shows ROI with its base, among every available KPI by default', async () => {
    const el = await widget<KamScorecard>(html`<kam-scorecard locale="en-US" .data=${feed}></kam-scorecard>`);
    const tile = root(el).querySelector('[part~="tile"][data-id="roi"]')!;
    expect(tile).not.toBeNull();
    expect(text(tile.querySelector('[part~="tile-label"]'))).toBe('Key-account ROI');
    expect(text(tile.querySelector('[part~="tile-value"]'))).toBe('114.3%');
    expect(text(tile.querySelector('[part~="tile-base"]'))).toBe('4 accounts, $400 on $350');
    await wcExpect(el).to.be.accessible();
  });

  it('gives its definition and its figures in the detail', async () => {
    const el = await widget<KamScorecard>(html`<kam-scorecard locale="en-US" kpis="roi" .data=${feed}></kam-scorecard>`);
    root(el).querySelector<HTMLElement>('[part~="tile"][data-id="roi"]')!.click();
    await el.updateComplete;
    const detail = text(part(el, 'detail'));
    expect(detail).toContain('What the accounts return for what serving them costs');
    expect(detail).toContain('114.3% = $400 profit ÷ $350 cost to serve, over the 4 accounts with both figures.');
  });

  it('is not available, with why, when no account has a cost to serve', async () => {
    const noCosts = { version: 1, accounts: feed.accounts.map(({ costToServe: _, ...account }) => account) };
    const el = await widget<KamScorecard>(html`<kam-scorecard locale="en-US" kpis="roi" .data=${noCosts}></kam-scorecard>`);
    const tile = root(el).querySelector('[part~="tile"][data-id="roi"]')!;
    expect(text(tile.querySelector('[part~="tile-value"]'))).toBe('Not available');
    expect(text(tile.querySelector('[part~="tile-base"]'))).toMatch(/^No account has a cost to serve/);
  });
});
