/**
 * The KAM readiness check in the scorecard's header: the verdict in one line (a disclosure), the three
 * answers with their figures when opened, `sales-cycle-months` on the scorecard or on a linked
 * `<kam-feed>`, `readiness="false"` to hide it, and a compact line at 280 px.
 */
import { describe, expect, it } from 'vitest';
import { expect as wcExpect, fixture, html } from '@open-wc/testing';
import '../../src/components/feed/define.js';
import '../../src/components/scorecard/define.js';
import type { KamScorecard } from '../../src/components/scorecard/kam-scorecard.js';

/*
 * 2026-Q1: Atlas 1,000, Birch 800, Cedar 100, Dune 100. 2026-Q2 (current): Atlas 1,000, Dune 100, Cedar 50,
 * Elm 30 (new), Birch 0 (lost). Total 1,180.
 *   - Concentration: the top 20% of 5 accounts is 1 account, Atlas: 1,000 / 1,180 = 84.7% ≥ 50%: yes.
 *   - Churn: Birch lost took 800; Elm won brings 30: 800 > 30: yes.
 *   - Sales cycle: unknown without sales-cycle-months; 9 months: yes.
 */
const history = {
  version: 1,
  currency: 'USD',
  periods: { order: ['2026-Q1', '2026-Q2'], current: '2026-Q2' },
  accounts: [
    { id: 'a', name: 'Atlas', revenue: 1000, history: [{ period: '2026-Q1', revenue: 1000 }] },
    { id: 'b', name: 'Birch', revenue: 0, history: [{ period: '2026-Q1', revenue: 800 }] },
    { id: 'c', name: 'Cedar', revenue: 50, history: [{ period: '2026-Q1', revenue: 100 }] },
    { id: 'd', name: 'Dune', revenue: 100, history: [{ period: '2026-Q1', revenue: 100 }] },
    { id: 'e', name: 'Elm', revenue: 30 },
  ],
};

/* No history: the top account (1,000 of 2,000) brings exactly 50%: yes; churn unknown. */
const noHistory = {
  version: 1,
  accounts: [
    { id: 'a', name: 'Atlas', revenue: 1000 },
    { id: 'b', name: 'Birch', revenue: 800 },
    { id: 'c', name: 'Cedar', revenue: 100 },
    { id: 'd', name: 'Dune', revenue: 60 },
    { id: 'e', name: 'Elm', revenue: 40 },
  ],
};

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const readiness = (el: HTMLElement) => root(el).querySelector<HTMLDetailsElement>('details[part~="readiness"]');
/** The readiness line as shown (the long or the short form, whichever the width shows). */
const line = (el: HTMLElement) =>
  [...root(el).querySelectorAll<HTMLElement>('[part~="readiness-summary"] > span')]
    .filter((span) => getComputedStyle(span).display !== 'none')
    .map((span) => text(span))
    .join(' ');
const answers = (el: HTMLElement) => [...readiness(el)!.querySelectorAll('li')].map((li) => text(li));

async function scorecard(template: unknown): Promise<KamScorecard> {
  const host = await fixture<HTMLElement>(template as never);
  const el = (host.localName === 'kam-scorecard' ? host : host.querySelector('kam-scorecard')!) as KamScorecard;
  await el.updateComplete;
  return el;
}

describe('kam-scorecard: the readiness check', () => {
  it('shows the verdict in one line under the headline, closed, with the answers and their figures inside', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="retention" .data=${history}></kam-scorecard>`);
    const details = readiness(el)!;
    expect(details.open).toBe(false);
    expect(details.previousElementSibling?.getAttribute('part')).toBe('headline');
    expect(line(el)).toBe('✓ KAM readiness: ready (2 of 3 yes)');
    expect(text(details.querySelector('.readiness-verdict'))).toBe('Ready for key account management: 2 of 3 answered yes.');
    expect(answers(el)).toEqual([
      '✓ A few customers drive 50% or more of revenue? Yes: the top 20% (1 of 5 accounts) bring in 84.7%.',
      '? A long sales cycle (6 months or more)? Unknown: set the sales cycle in months (sales-cycle-months).',
      '✓ Would churn hurt more than new logos help? Yes: 1 account lost since the previous period took $800 of revenue with it; 1 account won since brings in $30.',
    ]);
    await wcExpect(el).to.be.accessible();
    root(el).querySelector<HTMLElement>('[part~="readiness-summary"]')!.click();
    expect(details.open).toBe(true);
    await wcExpect(el).to.be.accessible();
  });

  it('answers the sales cycle from sales-cycle-months', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="retention" sales-cycle-months="9" .data=${history}></kam-scorecard>`);
    expect(line(el)).toBe('✓ KAM readiness: ready (3 of 3 yes)');
    expect(answers(el)[1]).toBe('✓ A long sales cycle (6 months or more)? Yes: 9 months.');
  });

  it('takes sales-cycle-months from a linked <kam-feed>', async () => {
    const el = await scorecard(html`<div>
      <kam-feed id="readiness-feed" .data=${history} sales-cycle-months="3"></kam-feed>
      <kam-scorecard feed="readiness-feed" locale="en-US" kpis="retention"></kam-scorecard>
    </div>`);
    expect(answers(el)[1]).toBe('✗ A long sales cycle (6 months or more)? No: 3 months.');
    expect(line(el)).toBe('✓ KAM readiness: ready (2 of 3 yes)');
  });

  it('is undecided while an unknown answer decides', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="retention" sales-cycle-months="3" .data=${noHistory}></kam-scorecard>`);
    expect(line(el)).toBe('? KAM readiness: undecided (1 of 3 yes)');
    expect(text(readiness(el)!.querySelector('.readiness-verdict'))).toBe('Undecided: 1 of 3 answered yes; the unknown answers decide.');
    expect(answers(el)[0]).toBe('✓ A few customers drive 50% or more of revenue? Yes: the top 20% (1 of 5 accounts) bring in 50.0%.');
    expect(answers(el)[2]).toBe('? Would churn hurt more than new logos help? Unknown: the feed has no previous period.');
  });

  it('is hidden with readiness="false", shown again without it', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="retention" readiness="false" .data=${history}></kam-scorecard>`);
    expect(el.readiness).toBe(false);
    expect(readiness(el)).toBeNull();
    el.removeAttribute('readiness');
    await el.updateComplete;
    expect(readiness(el)).not.toBeNull();
  });

  it('shows the readiness check above the KPI table in the table view', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="retention" view="table" .data=${history}></kam-scorecard>`);
    expect(line(el)).toBe('✓ KAM readiness: ready (2 of 3 yes)');
    await wcExpect(el).to.be.accessible();
  });

  it('keeps to one line within a 280 px widget (without the count), and its answers inside the widget when opened', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="retention" style="width: 280px" .data=${history}></kam-scorecard>`);
    expect(line(el)).toBe('✓ KAM readiness: ready');
    const summary = root(el).querySelector<HTMLElement>('[part~="readiness-summary"]')!;
    const lineHeight = parseFloat(getComputedStyle(summary).lineHeight);
    expect(summary.getBoundingClientRect().height).toBeLessThan(lineHeight * 1.5 + 2 * parseFloat(getComputedStyle(summary).paddingTop) + 1);
    summary.click();
    await el.updateComplete;
    const host = el.getBoundingClientRect();
    for (const li of readiness(el)!.querySelectorAll('li')) {
      const box = li.getBoundingClientRect();
      expect(box.left).toBeGreaterThanOrEqual(host.left);
      expect(box.right).toBeLessThanOrEqual(host.right + 0.5);
    }
  });
});
