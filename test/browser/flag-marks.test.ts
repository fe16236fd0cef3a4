/**
 * Red-flagged accounts marked in the Pareto chart, the tier matrix and the quadrant: a glyph that tells
 * severe from warning by its shape (a filled or an outlined flag), the flags in words in the tooltip, a
 * "Red flags" column in the table view and in the CSV export.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expect as wcExpect, fixture, html, waitUntil } from '@open-wc/testing';
import { generateSampleFeed } from '../../src/analysis/sample-feed.js';
import { emulateMedia } from '../support/media.js';
import '../../src/components/pareto/define.js';
import '../../src/components/quadrant/define.js';
import '../../src/components/tier-matrix/define.js';
import type { KamPareto } from '../../src/components/pareto/kam-pareto.js';
import type { KamQuadrant } from '../../src/components/quadrant/kam-quadrant.js';
import type { KamTierMatrix } from '../../src/components/tier-matrix/kam-tier-matrix.js';

/*
 * Two quarters, the current one last. 2026-Q1: Atlas 1,000, Birch 800, Cedar 100, Dune 100 (total 2,000):
 * the vital few at 80% are Atlas (50%) and Birch (90%), both MVC then.
 * 2026-Q2: Atlas 1,000, Dune 100, Cedar 50, Elm 30 (new), Birch 0; Atlas alone brings 84.7%: the one MVC.
 * Cedar's potential of 1,200 reaches the smallest MVC's revenue: MGC, a key account. The flags
 * (DEFAULT_FLAG_RULES; every type but a missed goal of the account's own is about key accounts):
 *   - Birch: an MVC of Q1 with no revenue now: lost key account (severe), and that flag alone.
 *   - Cedar: a key account with revenue down 50% (at least 10%): revenue going elsewhere (warning); and
 *     below its own revenue goal of 80: goal missed (warning). Two flags, warning.
 *   - Atlas, Dune: the same revenue; Elm: no previous period. No flags.
 * Pareto ranks in Q2: 1 Atlas, 2 Dune, 3 Cedar, 4 Elm, 5 Birch.
 */
const feed = {
  version: 1,
  currency: 'USD',
  periods: { order: ['2026-Q1', '2026-Q2'], current: '2026-Q2' },
  accounts: [
    { id: 'a', name: 'Atlas', revenue: 1000, effort: 10, impact: 100, history: [{ period: '2026-Q1', revenue: 1000 }] },
    { id: 'b', name: 'Birch', revenue: 0, effort: 3, impact: 5, history: [{ period: '2026-Q1', revenue: 800 }] },
    { id: 'c', name: 'Cedar', revenue: 50, potential: 1200, effort: 20, impact: 50, goals: { revenue: 80 }, history: [{ period: '2026-Q1', revenue: 100 }] },
    { id: 'd', name: 'Dune', revenue: 100, effort: 5, impact: 10, history: [{ period: '2026-Q1', revenue: 100 }] },
    { id: 'e', name: 'Elm', revenue: 30, effort: 8, impact: 30 },
  ],
};

const BIRCH_SENTENCE = 'No revenue this period, after $800 in 2026-Q1 as an MVC.';
const CEDAR_SENTENCES = 'Revenue fell 50.0% against 2026-Q1 (from $100 to $50). Revenue of $50 is below its goal of $80.';

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const plot = (el: HTMLElement) => root(el).querySelector<HTMLElement>('.plot')!;
const key = async (el: HTMLElement & { updateComplete: Promise<boolean> }, k: string) => {
  plot(el).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
  await el.updateComplete;
};
const tooltipText = (el: HTMLElement) => text(root(el).querySelector('[part~="tooltip"]'));

/** The table view's cell of a column (by its header) in the row of an account (by name). */
function tableCell(el: HTMLElement, column: string, account: string): string {
  const headers = [...root(el).querySelectorAll('table[part~="table"] thead th')].map((th) => text(th).replace(/[▲▼↕]$/, ''));
  const at = headers.indexOf(column);
  expect(at, `column "${column}" in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  const row = [...root(el).querySelectorAll('table[part~="table"] tbody tr')].find((tr) => text(tr.children[0]).startsWith(account))!;
  return text(row.children[at]);
}

/** CSV rows as header → value records (no cell of this feed holds a comma or a quote). */
function csvRecords(csv: string): Record<string, string>[] {
  const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i] ?? ''])));
}

async function widget<T extends HTMLElement & { updateComplete: Promise<boolean> }>(template: unknown): Promise<T> {
  const el = await fixture<T>(template as never);
  await el.updateComplete;
  return el;
}

describe('kam-pareto: red flags', () => {
  it('marks the flagged bars with a filled (severe) or outlined (warning) flag over the bar', async () => {
    const el = await widget<KamPareto>(html`<kam-pareto locale="en-US" .data=${feed}></kam-pareto>`);
    const bars = [...root(el).querySelectorAll<SVGRectElement>('.bars rect.bar')];
    expect(bars).toHaveLength(5);
    const severe = root(el).querySelectorAll<SVGPathElement>('.flags .flag-mark.severe');
    const warning = root(el).querySelectorAll<SVGPathElement>('.flags .flag-mark.warning');
    expect([severe.length, warning.length]).toEqual([1, 1]);
    // Over its bar: rank 5 (Birch) for the severe one, rank 3 (Cedar) for the warning.
    const within = (mark: SVGPathElement, bar: SVGRectElement) => {
      const m = mark.getBBox();
      const b = bar.getBBox();
      return m.x >= b.x - 1 && m.x + m.width <= b.x + b.width + 1;
    };
    expect(within(severe[0]!, bars[4]!)).toBe(true);
    expect(within(warning[0]!, bars[2]!)).toBe(true);
    // Severity by shape: the severe triangle is filled, the warning's fill is the background.
    // Light theme: --kam-bad #c1121f, --kam-bg #ffffff, --kam-warning #8a5300.
    const style = (mark: Element) => getComputedStyle(mark);
    expect([style(severe[0]!).fill, style(warning[0]!).fill, style(warning[0]!).stroke]).toEqual(['rgb(193, 18, 31)', 'rgb(255, 255, 255)', 'rgb(138, 83, 0)']);
    await wcExpect(el).to.be.accessible();
  });

  it('says the flags in the tooltip and the live region of the focused bar', async () => {
    const el = await widget<KamPareto>(html`<kam-pareto locale="en-US" .data=${feed}></kam-pareto>`);
    plot(el).focus();
    await key(el, 'End');
    expect(text(root(el).querySelector('[aria-live]'))).toBe('Rank 5: Birch, $0, 0.0% of revenue, cumulative 100.0%. Severe red flag.');
    expect(tooltipText(el)).toContain(`1 red flag (severe): ${BIRCH_SENTENCE}`);
    await key(el, 'ArrowLeft');
    await key(el, 'ArrowLeft');
    expect(tooltipText(el)).toContain(`2 red flags (warning): ${CEDAR_SENTENCES}`);
    await key(el, 'Home');
    expect(tooltipText(el)).not.toContain('red flag');
  });

  it('has a Red flags column in the table view and three flag columns in the CSV', async () => {
    const el = await widget<KamPareto>(html`<kam-pareto locale="en-US" view="table" .data=${feed}></kam-pareto>`);
    expect(tableCell(el, 'Red flags', 'Birch')).toBe('▲ severe, 1 red flag: Lost key account');
    expect(tableCell(el, 'Red flags', 'Cedar')).toBe('△ warning, 2 red flags: Revenue going elsewhere; Goal missed');
    expect(tableCell(el, 'Red flags', 'Atlas')).toBe('');
    await wcExpect(el).to.be.accessible();
    const rows = csvRecords(el.toCSV());
    expect(rows.map((r) => [r.name, r.red_flags, r.red_flag_severity, r.red_flag_types])).toEqual([
      ['Atlas', '0', '', ''],
      ['Dune', '0', '', ''],
      ['Cedar', '2', 'warning', 'revenue-elsewhere;goal-missed'],
      ['Elm', '0', '', ''],
      ['Birch', '1', 'severe', 'lost-key-account'],
    ]);
  });
});

describe('kam-tier-matrix: red flags', () => {
  it('counts the flagged accounts of each cell beside a flag, and of each tier in its block', async () => {
    const el = await widget<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" .data=${feed}></kam-tier-matrix>`);
    const counts = [...root(el).querySelectorAll('.cell .cell-flags .flag-count')].map((n) => Number(text(n)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(root(el).querySelectorAll('.cell .cell-flags .flag-mark.severe')).toHaveLength(1);
    // The tier summary (read by screen readers) counts them too: two flagged accounts, one severe, over the four tiers.
    const lines = [...root(el).querySelectorAll('ul[aria-label="Tier summary"] li')].map((li) => text(li));
    const flagged = lines.map((line) => /(\d+) with (?:a )?red flags?(?: \((\d+) severe\))?/.exec(line)).filter((m) => m !== null);
    expect(flagged.reduce((sum, m) => sum + Number(m![1]), 0)).toBe(2);
    expect(flagged.reduce((sum, m) => sum + Number(m![2] ?? 0), 0)).toBe(1);
    await wcExpect(el).to.be.accessible();
  });

  it('names the flagged accounts of the hovered cell, severe first', async () => {
    const el = await widget<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" .data=${feed}></kam-tier-matrix>`);
    const cell = [...root(el).querySelectorAll('.cell')].find((c) => c.querySelector('.flag-mark.severe'))!;
    cell.querySelector('.cell-bg')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(tooltipText(el)).toMatch(/\d with (a )?red flags? \(1 severe\): Birch \(severe\)/);
  });

  it('has a Red flags column in the table view and in the CSV', async () => {
    const el = await widget<KamTierMatrix>(html`<kam-tier-matrix locale="en-US" view="table" .data=${feed}></kam-tier-matrix>`);
    expect(tableCell(el, 'Red flags', 'Birch')).toBe('▲ severe, 1 red flag: Lost key account');
    expect(tableCell(el, 'Red flags', 'Dune')).toBe('');
    const rows = csvRecords(el.toCSV().replace(/"[^"]*"/g, 'x'));
    expect(rows.map((r) => [r.name, r.red_flags, r.red_flag_severity, r.red_flag_types])).toEqual([
      ['Atlas', '0', '', ''],
      ['Birch', '1', 'severe', 'lost-key-account'],
      ['Cedar', '2', 'warning', 'revenue-elsewhere;goal-missed'],
      ['Dune', '0', '', ''],
      ['Elm', '0', '', ''],
    ]);
  });
});

describe('kam-quadrant: red flags', () => {
  /** The centres of the flags drawn by flagGlyphPath at size 8: each starts at its pole's foot, "M{x − 3.2} {y + 4}L…". */
  const flags = (path: Element | null) =>
    [...(path?.getAttribute('d') ?? '').matchAll(/M([\d.-]+) ([\d.-]+)L/g)].map(([, x, y]) => ({ x: Number(x) + 3.2, y: Number(y) - 4 }));

  async function quadrant(svgLimit = 2000) {
    return widget<KamQuadrant>(html`<kam-quadrant locale="en-US" svg-limit=${svgLimit} .data=${feed}></kam-quadrant>`);
  }

  it('puts a flag at the upper right of each flagged point, and says what the flags mean under the chart', async () => {
    const el = await quadrant();
    expect(root(el).querySelectorAll('.flags .flag-mark.severe')).toHaveLength(1);
    expect(root(el).querySelectorAll('.flags .flag-mark.warning')).toHaveLength(1);
    expect(text(root(el).querySelector('[part~="notes"] .flag-note'))).toBe(
      '2 accounts carry red flags (1 severe): a small flag at the upper right of the point, filled when a flag is severe, outlined for a warning. The tooltip and the table view give each account’s flags.',
    );
    await wcExpect(el).to.be.accessible();
  });

  it('marks them on the canvas layer too', async () => {
    const el = await quadrant(1);
    expect(el.renderMode).toBe('canvas');
    expect(root(el).querySelectorAll('.flags .flag-mark.severe')).toHaveLength(1);
    expect(root(el).querySelectorAll('.flags .flag-mark.warning')).toHaveLength(1);
  });

  it('says the flags in the tooltip of the point under the pointer', async () => {
    const el = await quadrant();
    const [at] = flags(root(el).querySelector('.flags .flag-mark.severe'));
    // The point's centre lies down and to the left of its flag.
    const box = plot(el).getBoundingClientRect();
    plot(el).dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + at!.x - 4, clientY: box.top + at!.y + 4, pointerId: 1, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="tooltip"] strong'))).toBe('Birch');
    expect(tooltipText(el)).toContain(`1 red flag (severe): ${BIRCH_SENTENCE}`);
  });

  it('has a Red flags column in the table view and in the CSV', async () => {
    const el = await widget<KamQuadrant>(html`<kam-quadrant locale="en-US" view="table" .data=${feed}></kam-quadrant>`);
    expect(tableCell(el, 'Red flags', 'Cedar')).toBe('△ warning, 2 red flags: Revenue going elsewhere; Goal missed');
    const rows = csvRecords(el.toCSV());
    expect(rows.find((r) => r.name === 'Birch')!.red_flag_types).toBe('lost-key-account');
  });
});

describe('red flags in forced colours and on large feeds', () => {
  afterEach(async () => {
    await emulateMedia([]);
  });

  it('keeps severe filled and warnings outlined in forced colours, in system colours', async () => {
    await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
    const el = await widget<KamPareto>(html`<kam-pareto locale="en-US" .data=${feed}></kam-pareto>`);
    const severe = getComputedStyle(root(el).querySelector('.flags .flag-mark.severe')!);
    const warning = getComputedStyle(root(el).querySelector('.flags .flag-mark.warning')!);
    // Filled: fill = stroke (CanvasText); outlined: fill (Canvas) differs from its stroke (CanvasText).
    expect(severe.fill).toBe(severe.stroke);
    expect(warning.fill).not.toBe(warning.stroke);
    expect(warning.stroke).toBe(severe.fill);
  });

  it('marks the flagged points of a feed drawn on the canvas layer, once the flags are read', async () => {
    // 2,500 accounts with eight quarters: above the svg-limit (canvas) and above the first paint's flags (read when idle).
    const large = generateSampleFeed({ count: 2500, seed: 3 });
    const el = await widget<KamQuadrant>(html`<kam-quadrant locale="en-US" .data=${large}></kam-quadrant>`);
    expect(el.renderMode).toBe('canvas');
    await waitUntil(() => root(el).querySelector('.flags .flag-mark'), 'the flags are drawn', { timeout: 5000 });
    const drawn = root(el).querySelectorAll('.flags .flag-mark').length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(2000);
    const flagged = el.portfolio!.flags().accounts.length;
    expect(text(root(el).querySelector('.flag-note'))).toMatch(new RegExp(`^${flagged.toLocaleString('en-US')} accounts carry red flags`));
  });
});
