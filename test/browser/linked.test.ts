/**
 * One portfolio per feed: widgets linked to one <kam-feed> agree on every account's tier, in the chart,
 * the tooltip, the table and the CSV export, whatever filter narrows what they show; the feed's tier
 * rules set the tiers, and a chart's own cutoff only moves its own line.
 */
import { describe, expect, it } from 'vitest';
import { fixture, html } from '@open-wc/testing';
import '../../src/components/feed/define.js';
import '../../src/components/pareto/define.js';
import '../../src/components/quadrant/define.js';
import '../../src/components/tier-matrix/define.js';
import type { KamFeed } from '../../src/components/feed/kam-feed.js';
import type { KamPareto } from '../../src/components/pareto/kam-pareto.js';
import type { KamQuadrant } from '../../src/components/quadrant/kam-quadrant.js';
import type { KamTierMatrix } from '../../src/components/tier-matrix/kam-tier-matrix.js';

// The whole feed: Big (APAC) holds 80 of 100 revenue, so it alone is the vital few at 80%: MVC. Xeno and
// Yara (EMEA, no profit, potential or growth) are STC. Ranked within EMEA alone, Xeno (50%) and Yara
// (100%) would be the vital few, so a filter that re-tiered would call them MVC.
const feed = {
  version: 1,
  accounts: [
    { id: 'big', name: 'Big', revenue: 80, region: 'APAC', effort: 9, impact: 9 },
    { id: 'xeno', name: 'Xeno', revenue: 10, region: 'EMEA', effort: 1, impact: 1 },
    { id: 'yara', name: 'Yara', revenue: 10, region: 'EMEA', effort: 5, impact: 5 },
  ],
};

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Tier by account id, from a widget's CSV export (columns found by their headers). */
function csvTiers(csv: string): Record<string, string> {
  const [header, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  const columns = header!.split(',');
  const id = columns.indexOf('id');
  const tier = columns.indexOf('tier');
  return Object.fromEntries(lines.map((line) => line.split(',')).map((cells) => [cells[id]!, cells[tier]!]));
}

async function linkedPage(feedAttributes: { filter?: string; cutoff?: number }, paretoCutoff?: number) {
  const page = await fixture<HTMLElement>(html`<div style="width: 900px">
    <kam-feed id="linked-portfolio" .data=${feed} filter=${feedAttributes.filter ?? ''} .cutoff=${feedAttributes.cutoff}></kam-feed>
    <kam-pareto feed="linked-portfolio" color-by="tier" locale="en-US" .cutoff=${paretoCutoff}></kam-pareto>
    <kam-tier-matrix feed="linked-portfolio" locale="en-US"></kam-tier-matrix>
    <kam-quadrant feed="linked-portfolio" locale="en-US"></kam-quadrant>
  </div>`);
  const pareto = page.querySelector<KamPareto>('kam-pareto')!;
  const matrix = page.querySelector<KamTierMatrix>('kam-tier-matrix')!;
  const quadrant = page.querySelector<KamQuadrant>('kam-quadrant')!;
  for (const el of [pareto, matrix, quadrant]) await el.updateComplete;
  return { page, kamFeed: page.querySelector<KamFeed>('kam-feed')!, pareto, matrix, quadrant };
}

describe('linked widgets: one portfolio, the same tier everywhere', () => {
  it('filtered to EMEA, every widget keeps the tiers of the whole feed (STC), in the chart, the CSV and the tables', async () => {
    const { pareto, matrix, quadrant } = await linkedPage({ filter: 'region:EMEA' });
    const stc = { xeno: 'STC', yara: 'STC' };
    expect(csvTiers(pareto.toCSV())).toEqual(stc);
    expect(csvTiers(matrix.toCSV())).toEqual(stc);
    expect(csvTiers(quadrant.toCSV())).toEqual(stc);
    // The Pareto bars, coloured by tier: two STC bars, no MVC.
    expect(root(pareto).querySelectorAll('.bar .tier-stc')).toHaveLength(2);
    expect(root(pareto).querySelectorAll('.bar .tier-mvc')).toHaveLength(0);
    // The chart's own shares are of what it shows: both accounts make up its 80%.
    expect(text(root(pareto).querySelector('[part~="summary"]'))).toBe('2 of 2 accounts (100.0%) produce 80% of revenue.');
    // The tier matrix counts them as STC.
    expect(matrix.tierAnalysis!.tiers.map((t) => t.accounts)).toEqual([0, 0, 2, 0]);
  });

  it('shows the same tier in the Pareto tooltip and the table views', async () => {
    const { pareto, matrix, quadrant } = await linkedPage({ filter: 'region:EMEA' });
    const plot = root(pareto).querySelector<HTMLElement>('.plot')!;
    plot.focus();
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true }));
    await pareto.updateComplete;
    expect(text(root(pareto).querySelector('[part~="tooltip"]'))).toMatch(/Tier\s*STC/);
    for (const el of [pareto, matrix, quadrant]) {
      el.view = 'table';
      await el.updateComplete;
      const rows = [...root(el).querySelectorAll('tbody tr')].map(text);
      expect(rows, el.localName).toHaveLength(2);
      for (const row of rows) {
        expect(row, el.localName).toContain('STC');
        expect(row, el.localName).not.toContain('MVC');
      }
    }
  });

  it('filter="tier:MVC" matches the computed tier: only Big', async () => {
    const { pareto, matrix, quadrant } = await linkedPage({ filter: 'tier:MVC' });
    expect(csvTiers(pareto.toCSV())).toEqual({ big: 'MVC' });
    expect(csvTiers(matrix.toCSV())).toEqual({ big: 'MVC' });
    expect(csvTiers(quadrant.toCSV())).toEqual({ big: 'MVC' });
  });

  it('the feed’s cutoff sets the tiers of every linked widget', async () => {
    // At a cutoff of 0.9, Big (80%) and Xeno (90%: Xeno before Yara by name) are the vital few.
    const { pareto, matrix, quadrant } = await linkedPage({ cutoff: 0.9 });
    const tiers = { big: 'MVC', xeno: 'MVC', yara: 'STC' };
    expect(csvTiers(pareto.toCSV())).toEqual(tiers);
    expect(csvTiers(matrix.toCSV())).toEqual(tiers);
    expect(csvTiers(quadrant.toCSV())).toEqual(tiers);
    expect(matrix.effectiveRules.cutoff).toBe(0.9);
  });

  it('a chart’s own cutoff moves only its own line and vital few, never a tier', async () => {
    const { pareto, matrix } = await linkedPage({}, 0.95);
    expect(text(root(pareto).querySelector('[part~="summary"]'))).toBe('3 of 3 accounts (100.0%) produce 95% of revenue.');
    expect(csvTiers(pareto.toCSV())).toEqual({ big: 'MVC', xeno: 'STC', yara: 'STC' });
    expect(csvTiers(matrix.toCSV())).toEqual({ big: 'MVC', xeno: 'STC', yara: 'STC' });
  });

  it('a change of the feed’s filter re-narrows every widget without re-tiering', async () => {
    const { kamFeed, pareto, quadrant } = await linkedPage({ filter: 'region:APAC' });
    expect(csvTiers(pareto.toCSV())).toEqual({ big: 'MVC' });
    kamFeed.filter = 'region:EMEA';
    await kamFeed.updateComplete;
    await pareto.updateComplete;
    await quadrant.updateComplete;
    expect(csvTiers(pareto.toCSV())).toEqual({ xeno: 'STC', yara: 'STC' });
    expect(csvTiers(quadrant.toCSV())).toEqual({ xeno: 'STC', yara: 'STC' });
  });
});
