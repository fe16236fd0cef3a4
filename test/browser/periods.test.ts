/**
 * Every figure against its period: each widget's period display on a small feed with history, selecting
 * a movement count, and a linked page whose <kam-feed> carries the tier goals.
 */
import { describe, expect, it } from 'vitest';
import { expect as wcExpect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/feed/define.js';
import '../../src/components/pareto/define.js';
import '../../src/components/quadrant/define.js';
import '../../src/components/scorecard/define.js';
import '../../src/components/tier-matrix/define.js';
import type { KamPareto } from '../../src/components/pareto/kam-pareto.js';
import type { KamQuadrant } from '../../src/components/quadrant/kam-quadrant.js';
import type { KamScorecard } from '../../src/components/scorecard/kam-scorecard.js';
import type { KamTierMatrix } from '../../src/components/tier-matrix/kam-tier-matrix.js';

/*
 * Three quarters, the current one last (as test/analysis/periods.test.ts works them out):
 *   2026-Q1: a 50, f 40: vital few a, f.                                          MVC 2
 *   2026-Q2: a 60, f 40, e 20, b 15, c 10: vital few a, f, e (e's MGC given);
 *            b MGC by headroom, c BZ.                                             MVC 2, MGC 2
 *   2026-Q3: a 100, b 80, f 40, d 20, e 10, c 0: vital few a, b, f; c BZ; d, e STC.  MVC 3
 * Movement: a, f MVC -> MVC; b MGC -> MVC; e MGC -> STC; c BZ -> lost; d new -> STC.
 * Retention: of a, b, c, e, f (revenue in Q2), all but c still have revenue: 80%; in Q2, of a and f
 * (revenue in Q1), both: 100%.
 */
const feed = {
  version: 1,
  periods: { order: ['2026-Q1', '2026-Q2', '2026-Q3'], current: '2026-Q3' },
  accounts: [
    { id: 'a', name: 'Acme', revenue: 100, history: [{ period: '2026-Q1', revenue: 50 }, { period: '2026-Q2', revenue: 60, profit: 10 }] },
    { id: 'b', name: 'Bolt', revenue: 80, history: [{ period: '2026-Q2', revenue: 15, potential: 100 }] },
    { id: 'c', name: 'Cobalt', revenue: 0, profit: -2, history: [{ period: '2026-Q2', revenue: 10, profit: -5 }] },
    { id: 'd', name: 'Delta', revenue: 20 },
    { id: 'e', name: 'Echo', revenue: 10, history: [{ period: '2026-Q2', revenue: 20, tier: 'MGC' }] },
    { id: 'f', name: 'Fjord', revenue: 40, history: [{ period: '2026-Q1', revenue: 40 }, { period: '2026-Q2', revenue: 40 }] },
  ],
};

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const summary = (el: HTMLElement) => text(root(el).querySelector('[part~="summary"]'));

async function widget<T extends HTMLElement & { updateComplete: Promise<boolean> }>(template: unknown, tag: string): Promise<T> {
  const host = await fixture<HTMLElement>(template as never);
  const el = (host.localName === tag ? host : host.querySelector(tag)) as T;
  await el.updateComplete;
  return el;
}

describe('the scorecard against the previous period', () => {
  it('shows each KPI’s change against the previous period and its values by period', async () => {
    const el = await widget<KamScorecard>(html`<kam-scorecard locale="en-US" kpis="retention,nps" .data=${feed}></kam-scorecard>`, 'kam-scorecard');
    const retention = root(el).querySelector('[part~="tile"][data-id="retention"]')!;
    expect(text(retention.querySelector('[part~="tile-value"]'))).toBe('80.0%');
    expect(text(retention.querySelector('[part~="tile-change"]'))).toBe('▼ −20.0 pp vs 100.0%, worse');
    expect(retention.querySelector('[part~="sparkline"] path')!.getAttribute('d')).toBe('M1,1L99,23');
    await wcExpect(el).to.be.accessible();
  });

  it('with tier goals: a tile with the MVC count now, against the goal, and whether the trend reaches it in time', async () => {
    const el = await widget<KamScorecard>(
      html`<kam-scorecard locale="en-US" kpis="retention" tier-goals="MVC:4" goal-period="2027-Q1" .data=${feed}></kam-scorecard>`,
      'kam-scorecard',
    );
    const goal = root(el).querySelector('[part~="tile"][data-id="goal-mvc"]')!;
    expect(text(goal.querySelector('[part~="tile-value"]'))).toBe('3');
    expect(text(goal.querySelector('[part~="tile-status"]'))).toBe('✓ On track · target 4');
    expect(text(goal.querySelector('[part~="tile-base"]'))).toBe('1 to go by 2027-Q1, on course');
    expect(text(goal.querySelector('[part~="tile-change"]'))).toBe('▲ +1 vs 2, better');
  });
});

describe('the scorecard of a large feed with long history', () => {
  it('paints values and changes first, and the sparklines at the first idle moment after', async () => {
    // 30,000 accounts × 8 past quarters = 240,000 account-periods, past the 200,000 derived at once.
    const { generateSampleFeed } = await import('../../src/analysis/sample-feed.js');
    const big = generateSampleFeed({ count: 30_000, seed: 3 });
    const el = await widget<KamScorecard>(html`<kam-scorecard locale="en-US" kpis="retention" .data=${big}></kam-scorecard>`, 'kam-scorecard');
    const tile = () => root(el).querySelector('[part~="tile"][data-id="retention"]')!;
    expect(text(tile().querySelector('[part~="tile-change"]'))).toMatch(/ vs /);
    expect(tile().querySelector('[part~="sparkline"]')).toBeNull();
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(tile().querySelector('[part~="sparkline"] path')).not.toBeNull();
  });
});

describe('the tier matrix: movement, previous tiers, goals', () => {
  it('shows the movement since the previous period, each count selectable by pointer and keyboard', async () => {
    const el = await widget<KamTierMatrix>(html`<div style="width: 800px"><kam-tier-matrix locale="en-US" .data=${feed}></kam-tier-matrix></div>`, 'kam-tier-matrix');
    const toggle = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="mode-toggle"] button')];
    expect(toggle.map((b) => [text(b), b.getAttribute('aria-pressed')])).toEqual([
      ['Matrix', 'true'],
      ['Movement since 2026-Q2', 'false'],
    ]);
    toggle[1]!.click();
    await el.updateComplete;
    expect(el.mode).toBe('movement');
    expect(summary(el)).toBe('Since 2026-Q2: 1 of 2 MGC became MVC; 0 of 2 MVC moved lower or were lost; 1 new (no figures for 2026-Q2) and 1 lost accounts.');
    const counts = [...root(el).querySelectorAll('.movement [data-item]')].map((cell) => text(cell.querySelector('.move-count')));
    // rows MVC, MGC, STC, BZ, new; columns MVC, MGC, STC, BZ, lost
    expect(counts).toEqual(['2', '0', '0', '0', '0', '1', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '1', '0', '0', '1', '0', '0']);
    expect(root(el).querySelector('.movement [data-item="5"]')!.classList.contains('goal-move')).toBe(true);
    await wcExpect(el).to.be.accessible();
    // A click on MGC -> MVC selects Bolt.
    const selected = oneEvent(el, 'kam-select');
    root(el).querySelector<SVGElement>('.movement [data-item="5"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect((await selected).detail.ids).toEqual(['b']);
    // The keyboard: from the count just clicked (MGC -> MVC), Down twice and Right four times reach BZ -> lost.
    const plot = root(el).querySelector<HTMLElement>('[part~="plot"]')!;
    plot.focus();
    const press = async (key: string) => {
      plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      await el.updateComplete;
    };
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight']) await press(key);
    expect(text(root(el).querySelector('[aria-live]'))).toBe('BZ to Lost: 1 account. Revenue in 2026-Q2, none now: lost.');
    const lost = oneEvent(el, 'kam-select');
    await press('Enter');
    expect((await lost).detail.ids).toEqual(['c']);
  });

  it('gives each account’s previous tier in the table view and the CSV', async () => {
    const el = await widget<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" .data=${feed}></kam-tier-matrix>`, 'kam-tier-matrix');
    el.view = 'table';
    await el.updateComplete;
    const headers = [...root(el).querySelectorAll('thead th')].map((th) => text(th).replace(/[↕▲▼]/g, '').trim());
    const column = headers.indexOf('Tier in 2026-Q2');
    expect(column).toBe(2);
    const rows = [...root(el).querySelectorAll('tbody tr')].map((tr) => [text(tr.children[0]), text(tr.children[1]), text(tr.children[column])]);
    expect(rows).toEqual([
      ['Acme', 'MVC', 'MVC'],
      ['Bolt', 'MVC', 'MGC'],
      ['Cobalt', 'BZ', 'BZ'],
      ['Delta', 'STC', 'new'],
      ['Echo', 'STC', 'MGC'],
      ['Fjord', 'MVC', 'MVC'],
    ]);
    const csv = el.toCSV().replace(/^\uFEFF/, '').split('\r\n');
    const at = csv[0]!.split(',').indexOf('previous_tier');
    expect(csv.slice(1, 7).map((line) => line.split(',')[at])).toEqual(['MVC', 'MGC', 'BZ', 'new', 'MGC', 'MVC']);
  });

  it('shows the tier goals: the counts by period and a sentence', async () => {
    const el = await widget<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" tier-goals="MVC:4,MGC:3,XYZ:1" goal-period="2027-Q1" .data=${feed}></kam-tier-matrix>`, 'kam-tier-matrix');
    const goals = root(el).querySelector('[part~="goals"]')!;
    expect([...goals.querySelectorAll('li')].map(text)).toEqual([
      '2026-Q1 2026-Q3 MVC: 3 now, goal 4 by 2027-Q1: 1 to go in 2 quarters; at +0.5 a quarter the trend reaches it in time (about 4 by 2027-Q1).',
      '2026-Q1 2026-Q3 MGC: 0 now, goal 3 by 2027-Q1: 3 to go in 2 quarters; the count is not rising (±0 a quarter), so it does not reach the goal in time.',
    ]);
    expect(text(goals.querySelector('.goals-ignored'))).toBe('Goals ignored: "XYZ:1" (write MVC:number or MGC:number, e.g. MVC:60,MGC:90).');
    await wcExpect(el).to.be.accessible();
  });

  it('without history: no movement toggle, and the matrix as before', async () => {
    const el = await widget<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" mode="movement" .data=${[{ id: 'x', name: 'X', revenue: 1 }]}></kam-tier-matrix>`, 'kam-tier-matrix');
    expect(root(el).querySelector('[part~="mode-toggle"]')).toBeNull();
    expect(summary(el)).toMatch(/^1 account: /);
  });
});

describe('the Pareto chart against the previous period', () => {
  it('compares the vital few with the previous period, and the table view gives every period', async () => {
    const el = await widget<KamPareto>(html`<kam-pareto locale="en-US" .data=${feed}></kam-pareto>`, 'kam-pareto');
    expect(summary(el)).toBe('3 of 6 accounts (50.0%) produce 80% of revenue; in 2026-Q2: 3 of 5 (60.0%).');
    el.view = 'table';
    await el.updateComplete;
    const table = root(el).querySelector('[part~="period-table"]')!;
    expect([...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text))).toEqual([
      ['2026-Q1', '2', '2', '100.0%', '55.6%'],
      ['2026-Q2', '5', '3', '60.0%', '41.4%'],
      ['2026-Q3', '6', '3', '50.0%', '72.0%'],
    ]);
    await wcExpect(el).to.be.accessible();
  });

  it('without history, says only the current split', async () => {
    const el = await widget<KamPareto>(html`<kam-pareto locale="en-US" .data=${[{ id: 'x', name: 'X', revenue: 1 }]}></kam-pareto>`, 'kam-pareto');
    expect(summary(el)).toBe('1 of 1 account (100.0%) produces 80% of revenue.');
  });
});

describe('the quadrant with show-previous', () => {
  // Split at the medians now (effort 5.5, impact 5.5). p: quick wins then, strategic now; q: maintain then,
  // over-served now; r stays in quick wins; s has no history.
  const moving = {
    version: 1,
    periods: { current: 'P2' },
    accounts: [
      { id: 'p', name: 'Pine', revenue: 40, effort: 10, impact: 10, history: [{ period: 'P1', revenue: 30, effort: 2, impact: 10 }] },
      { id: 'q', name: 'Quill', revenue: 30, effort: 10, impact: 1, history: [{ period: 'P1', revenue: 30, effort: 1, impact: 1 }] },
      { id: 'r', name: 'Reed', revenue: 20, effort: 1, impact: 10, history: [{ period: 'P1', revenue: 20, effort: 1, impact: 10 }] },
      { id: 's', name: 'Sage', revenue: 10, effort: 1, impact: 1 },
    ],
  };

  it('draws a trail to the accounts that changed quadrant and says how many moved into Over-served', async () => {
    const el = await widget<KamQuadrant>(html`<kam-quadrant locale="en-US" show-previous .data=${moving}></kam-quadrant>`, 'kam-quadrant');
    expect(summary(el)).toBe('45.5% of effort goes to 1 over-served account that holds 30.0% of revenue. 1 account moved into Over-served since P1.');
    expect(root(el).querySelectorAll('.trails line.trail')).toHaveLength(2);
    expect(text(root(el).querySelector('.trail-note'))).toBe(
      "Faint lines lead from where an account stood in P1 (a hollow dot, by today's split) to where it is now, for the 2 accounts that changed quadrant.",
    );
    const csv = el.toCSV().replace(/^\uFEFF/, '').split('\r\n');
    const header = csv[0]!.split(',');
    const row = (id: string) => csv.find((line) => line.startsWith(`${id},`))!.split(',');
    expect(row('q')[header.indexOf('previous_quadrant_id')]).toBe('maintain');
    expect(row('s')[header.indexOf('previous_quadrant_id')]).toBe('');
    await wcExpect(el).to.be.accessible();
  });

  it('without show-previous, no trail', async () => {
    const el = await widget<KamQuadrant>(html`<kam-quadrant locale="en-US" .data=${moving}></kam-quadrant>`, 'kam-quadrant');
    expect(root(el).querySelector('.trails')).toBeNull();
    expect(summary(el)).toBe('45.5% of effort goes to 1 over-served account that holds 30.0% of revenue.');
  });
});

describe('a linked page: the feed carries the goals, a movement count selects for every widget', () => {
  it('the scorecard and the tier matrix show the feed’s goals; selecting MGC -> MVC scopes the scorecard', async () => {
    const page = await fixture<HTMLElement>(html`<div style="width: 900px">
      <kam-feed id="periods-feed" .data=${feed} tier-goals="MVC:4" goal-period="2027-Q1"></kam-feed>
      <kam-scorecard feed="periods-feed" locale="en-US" kpis="retention"></kam-scorecard>
      <kam-tier-matrix feed="periods-feed" locale="en-US" mode="movement"></kam-tier-matrix>
    </div>`);
    const scorecard = page.querySelector<KamScorecard>('kam-scorecard')!;
    const matrix = page.querySelector<KamTierMatrix>('kam-tier-matrix')!;
    await scorecard.updateComplete;
    await matrix.updateComplete;
    expect(root(scorecard).querySelector('[data-id="goal-mvc"]')).not.toBeNull();
    expect(text(root(matrix).querySelector('[part~="goals"] li'))).toMatch(/MVC: 3 now, goal 4 by 2027-Q1/);
    root(matrix).querySelector<SVGElement>('.movement [data-item="5"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await scorecard.updateComplete;
    expect(text(root(scorecard).querySelector('[part~="headline"]'))).toMatch(/^KPIs of 1 selected account:/);
    // A change of the feed's goals reaches the linked widgets.
    page.querySelector('kam-feed')!.setAttribute('tier-goals', 'MVC:3');
    await page.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('kam-feed')!.updateComplete;
    await matrix.updateComplete;
    expect(text(root(matrix).querySelector('[part~="goals"] li'))).toMatch(/MVC: 3 now, goal 3 by 2027-Q1: already met\.$/);
  });
});
