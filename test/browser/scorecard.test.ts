import { describe, expect, it, vi, afterEach } from 'vitest';
import { emulateMedia } from '../support/media.js';
import { expect as wcExpect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/scorecard/define.js';
import '../../src/components/feed/define.js';
import type { KamScorecard } from '../../src/components/scorecard/kam-scorecard.js';
import type { KamFeed } from '../../src/components/feed/kam-feed.js';
import type { KamKpiSelectDetail } from '../../src/internal/events.js';
import { jsonResponse } from '../support/fixtures.js';

afterEach(() => vi.unstubAllGlobals());

/**
 * Hand-computed feed. Active last period (previousRevenue > 0): a, b, e. b churned (revenue 0).
 * c has previousRevenue 0 (not active last period), d is new (no previousRevenue).
 *   revenue growth (120 + 0 + 80 + 30) / (100 + 50 + 0 + 40) − 1 = 230 / 190 − 1 = 21.1%
 *   retention 2 of 3 = 66.7%, churn 1 of 3 = 33.3%, NRR (120 + 0 + 30) / 190 = 78.9%
 *   NPS: a 10, b 3, c 8, d 9 → (2 promoters − 1 detractor) / 4 × 100 = +25
 *   CSAT: a 5, b 2, c 4, e 3 → 2 of 4 = 50.0%;  CLV (1000 + 500) / 2 = €750
 *   up-sell: with revenue and the flag a, c, d, e → expanded a, d, e = 3 of 4 = 75.0%
 *   referenceable: a, b, e recorded → a = 1 of 3 = 33.3%;  top 20%: 1 of 5 accounts, 120 / 280 = 42.9%
 * previousRevenue is the only figure of the previous period: of the KPIs, only the top-20% share has a
 * previous value (a 100 of a, b, c, e's 190 = 52.6%); the others need the period before it, or figures the
 * previous period lacks, and the line under the tiles names them.
 */
const feed = {
  version: 1,
  currency: 'EUR',
  accounts: [
    {
      id: 'a', name: 'Acme', revenue: 120, previousRevenue: 100, nps: 10, csat: 5, clv: 1000, expanded: true, referenceable: true,
      segment: 'Corporate', region: 'EMEA', owner: 'Ann',
    },
    { id: 'b', name: 'Bolt', revenue: 0, previousRevenue: 50, nps: 3, csat: 2, expanded: false, referenceable: false, segment: 'SMB', region: 'EMEA', owner: 'Bob' },
    {
      id: 'c', name: 'Cobalt', revenue: 80, previousRevenue: 0, nps: 8, csat: 4, clv: 500, expanded: false, segment: 'Corporate', region: 'APAC', owner: 'Ann',
    },
    { id: 'd', name: 'Delta', revenue: 50, nps: 9, expanded: true, segment: 'SMB', region: 'APAC', owner: 'Bob' },
    { id: 'e', name: 'Echo', revenue: 30, previousRevenue: 40, csat: 3, referenceable: false, expanded: true, segment: 'Corporate', region: 'EMEA', owner: 'Cy' },
  ],
};

const VALUES = ['21.1%', '66.7%', '33.3%', '78.9%', '+25', '50.0%', '€750', '75.0%', '33.3%', '42.9%'];
const LABELS = [
  'Revenue growth',
  'Logo retention',
  'Churn',
  'Net revenue retention',
  'Net Promoter Score',
  'Customer satisfaction',
  'Customer lifetime value',
  'Up-sell / cross-sell rate',
  'Referenceable accounts',
  'Top 20% revenue share',
];

const root = (el: HTMLElement) => el.shadowRoot!;
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const tiles = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLElement>('[part~="tile"]')];
const partText = (el: HTMLElement, name: string) => tiles(el).map((t) => clean(t.querySelector(`[part~="${name}"]`)?.textContent));
const tileOf = (el: HTMLElement, id: string) => root(el).querySelector<HTMLElement>(`[part~="tile"][data-id="${id}"]`)!;
const plot = (el: HTMLElement) => root(el).querySelector<HTMLElement>('[part~="plot"]')!;
const press = async (el: KamScorecard, key: string) => {
  plot(el).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  await el.updateComplete;
};
const focused = (el: HTMLElement) => root(el).querySelector('.tile.focused')?.getAttribute('data-id');
const live = (el: HTMLElement) => clean(root(el).querySelector('[aria-live]')?.textContent);

async function scorecard(template: unknown): Promise<KamScorecard> {
  const host = await fixture<HTMLElement>(template as never);
  const el = host.localName === 'kam-scorecard' ? (host as KamScorecard) : host.querySelector<KamScorecard>('kam-scorecard')!;
  await el.updateComplete;
  return el;
}

describe('kam-scorecard: KPIs on a hand-computed feed', () => {
  it('shows one tile per KPI with the analysis values, locale-formatted, and is accessible', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" .data=${feed}></kam-scorecard>`);
    await wcExpect(el).to.be.accessible();
    expect(partText(el, 'tile-label')).toEqual(LABELS);
    expect(partText(el, 'tile-value')).toEqual(VALUES);
    expect(partText(el, 'tile-base')).toEqual([
      '4 accounts, €230 vs €190',
      '2 of 3 accounts',
      '1 of 3 accounts',
      '3 accounts, €150 of €190',
      '4 respondents',
      '2 of 4 accounts',
      '2 accounts with a CLV',
      '3 of 4 accounts',
      '1 of 3 accounts',
      'Top 1 account, €120 of €280',
    ]);
    expect(clean(root(el).querySelector('[part~="headline"]')!.textContent)).toBe('KPIs of all 5 accounts: 10 KPIs, no targets set.');
  });

  it('names the tiles with a summary listing every KPI with value and status', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" targets="churn:0.3" .data=${feed}></kam-scorecard>`);
    expect(plot(el).getAttribute('aria-labelledby')).toBe('summary');
    expect(clean(root(el).getElementById('summary')!.textContent)).toBe(
      'KPIs of all 5 accounts: 1 off track, 9 without a target. ' +
        'Revenue growth 21.1%, no target; Logo retention 66.7%, no target; Churn 33.3%, off track (target 30.0%); ' +
        'Net revenue retention 78.9%, no target; Net Promoter Score +25, no target; Customer satisfaction 50.0%, no target; ' +
        'Customer lifetime value €750, no target; Up-sell / cross-sell rate 75.0%, no target; Referenceable accounts 33.3%, no target; ' +
        'Top 20% revenue share 42.9%, no target. Not available: Key-account ROI.',
    );
  });

  it('formats for the locale (de-DE)', async () => {
    const el = await scorecard(html`<kam-scorecard locale="de-DE" kpis="revenue-growth,nps,clv" .data=${feed}></kam-scorecard>`);
    expect(partText(el, 'tile-value')).toEqual(['21,1 %', '+25', '750 €']); // no-break spaces, collapsed by clean()
  });

  it('draws a sparkline where a KPI has values by period; one line names the KPIs without history', async () => {
    const el = await scorecard(html`<kam-scorecard .data=${feed}></kam-scorecard>`);
    const sparks = tiles(el).map((t) => t.querySelector('[part~="sparkline"] path')?.getAttribute('d') ?? null);
    // top-20% share 52.6% then 42.9%: first point at the top, last at the bottom of the 100 × 24 box
    expect(sparks[9]).toBe('M1,1L99,23');
    expect(sparks.slice(0, 9).every((d) => d === null)).toBe(true);
    expect(partText(el, 'tile-change')[9]).toBe('▼ −9.8 pp vs 52.6%, worse');
    expect(clean(root(el).querySelector('[part~="history-note"]')!.textContent)).toBe(
      'No history for Revenue growth, Logo retention, Churn, Net revenue retention, Net Promoter Score, Customer satisfaction, Customer lifetime value, Up-sell / cross-sell rate, Referenceable accounts: no previous value or trend (the detail of each says why).',
    );
  });

  it('with previousRevenue 0 for every account and no survey fields: "not available" and why, never 0', async () => {
    const data = { version: 1, accounts: [{ id: 'x', name: 'X', revenue: 10, previousRevenue: 0 }, { id: 'y', name: 'Y', revenue: 30, previousRevenue: 0 }] };
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="revenue-growth,retention,nps,csat,top20-share" .data=${data}></kam-scorecard>`);
    expect(partText(el, 'tile-value')).toEqual(['Not available', 'Not available', 'Not available', 'Not available', '75.0%']);
    expect(partText(el, 'tile-base')).toEqual([
      'The previous revenue is 0 for every account that has one, so growth is undefined.',
      'No account had revenue in the previous period.',
      'No account has an NPS answer (nps).',
      'No account has a satisfaction rating (csat).',
      'Top 1 account, $30 of $40',
    ]);
    await wcExpect(el).to.be.accessible();
  });

  it('by default shows only the available KPIs and names the others with the reason', async () => {
    const data = { version: 1, accounts: [{ id: 'x', name: 'X', revenue: 10, previousRevenue: 5 }] };
    const el = await scorecard(html`<kam-scorecard locale="en-US" .data=${data}></kam-scorecard>`);
    expect(tiles(el).map((t) => t.dataset.id)).toEqual(['revenue-growth', 'retention', 'churn', 'nrr', 'top20-share']);
    const unavailable = [...root(el).querySelectorAll('[part~="unavailable"] li')].map((li) => clean(li.textContent));
    expect(unavailable).toEqual([
      'Net Promoter Score: No account has an NPS answer (nps).',
      'Customer satisfaction: No account has a satisfaction rating (csat).',
      'Customer lifetime value: No account has a customer lifetime value (clv).',
      'Up-sell / cross-sell rate: No account has the expanded field.',
      'Referenceable accounts: No account has the referenceable field.',
      'Key-account ROI: No account has a cost to serve (costToServe, or effort with a cost per effort).',
    ]);
  });

  it('KPI overrides in the feed win: value, change against previous (direction-aware), target, history', async () => {
    const data = {
      ...feed,
      kpis: [
        { id: 'nps', value: 40, previous: 45, target: 50, history: [30, 45, 40] },
        { id: 'churn', value: 0.02, previous: 0.03, target: 0.025 },
        { id: 'pipeline', label: 'Pipeline coverage', value: 3.1, previous: 2.8, unit: 'number' },
      ],
    };
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="nps,churn,pipeline,retention" .data=${data}></kam-scorecard>`);
    expect(partText(el, 'tile-value')).toEqual(['+40', '2.0%', '3.1', '66.7%']);
    // retention is derived: the feed has no period before the previous one, so no previous value; the line under the tiles says so
    expect(partText(el, 'tile-change')).toEqual(['▼ −5 vs +45, worse', '▼ −1.0 pp vs 3.0%, better', '▲ +0.3 vs 2.8, better', '']);
    expect(clean(root(el).querySelector('[part~="history-note"]')!.textContent)).toMatch(/^No history for Logo retention:/);
    expect(tileOf(el, 'nps').querySelector('.change')!.classList.contains('worse')).toBe(true);
    expect(tileOf(el, 'churn').querySelector('.change')!.classList.contains('better')).toBe(true);
    expect(partText(el, 'tile-status')).toEqual(['✕ Off track · target +50', '✓ On track · target 2.5%', 'No target', 'No target']);
    expect(partText(el, 'tile-base')).toEqual(['Reported in the feed', 'Reported in the feed', 'Reported in the feed', '2 of 3 accounts']);
    expect(tileOf(el, 'nps').querySelector('[part~="sparkline"] path')).not.toBeNull();
    await wcExpect(el).to.be.accessible();
  });

  it('a feed with KPI overrides but no accounts shows those KPIs', async () => {
    const data = { version: 1, accounts: [], kpis: [{ id: 'nps', value: 31 }, { id: 'csat', value: 0.82, target: 0.8 }] };
    const el = await scorecard(html`<kam-scorecard locale="en-US" .data=${data}></kam-scorecard>`);
    expect(partText(el, 'tile-value')).toEqual(['+31', '82.0%']);
    expect(clean(root(el).querySelector('[part~="headline"]')!.textContent)).toBe('KPIs reported in the feed: 1 on track, 1 without a target.');
    await wcExpect(el).to.be.accessible();
  });

  it('kpis picks and orders the tiles; an unknown id says why it is not available', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="nps, churn,win-rate" .data=${feed}></kam-scorecard>`);
    expect(partText(el, 'tile-label')).toEqual(['Net Promoter Score', 'Churn', 'win-rate']);
    expect(partText(el, 'tile-base')[2]).toMatch(/^No KPI with this id/);
  });
});

describe('kam-scorecard: targets and tolerance', () => {
  // retention 66.7% vs 70% (limit 66.5%); churn 33.3% vs 30% (limit 31.5%, lower is better);
  // NPS +25 vs 26 (limit 24.7); CSAT 50% vs 60% (limit 57%); NRR 78.9% vs 75% (met).
  const targets = 'retention:0.7,churn:0.3,nps:26,csat:0.6,nrr:0.75';

  it('on track / at risk / off track with the default 5% tolerance, shown with icon and words', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="retention,churn,nps,csat,nrr" targets=${targets} .data=${feed}></kam-scorecard>`);
    expect(partText(el, 'tile-status')).toEqual([
      '! At risk · target 70.0%',
      '✕ Off track · target 30.0%',
      '! At risk · target +26',
      '✕ Off track · target 60.0%',
      '✓ On track · target 75.0%',
    ]);
    expect(tiles(el).map((t) => [...t.classList].filter((c) => c.endsWith('track') || c === 'at-risk'))).toEqual([
      ['at-risk'],
      ['off-track'],
      ['at-risk'],
      ['off-track'],
      ['on-track'],
    ]);
    await wcExpect(el).to.be.accessible();
  });

  it('a wider tolerance turns off track into at risk; the targets property takes an object', async () => {
    const el = await scorecard(html`<kam-scorecard kpis="retention,churn,nps,csat,nrr" tolerance="0.2" targets=${targets} .data=${feed}></kam-scorecard>`);
    expect(tiles(el).map((t) => t.classList[1])).toEqual(['at-risk', 'at-risk', 'at-risk', 'at-risk', 'on-track']);
    el.tolerance = 0;
    el.targets = { churn: 0.4, csat: 0.5 };
    await el.updateComplete;
    expect(tiles(el).map((t) => t.classList[1])).toEqual(['no-target', 'on-track', 'no-target', 'on-track', 'no-target']);
  });

  it('targets from the attribute win over the feed; bad entries are noted, not guessed', async () => {
    const data = { ...feed, kpis: [{ id: 'nps', value: 40, target: 50 }] };
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="nps" targets="nps:35,nps=3" .data=${data}></kam-scorecard>`);
    expect(partText(el, 'tile-status')).toEqual(['✓ On track · target +35']);
    expect(clean(root(el).querySelector('[part~="notes"]')!.textContent)).toBe('Targets ignored: "nps=3" (write id:number, e.g. nps:50,churn:0.05).');
  });
});

describe('kam-scorecard: scope', () => {
  it('filter="segment:Corporate" derives the KPIs from that segment only, and says so', async () => {
    // a, c, e: growth (120 + 80 + 30) / (100 + 0 + 40) − 1 = 64.3%; retention a, e = 2 of 2; NPS a 10, c 8 → +50
    const el = await scorecard(html`<kam-scorecard locale="en-US" filter="segment:Corporate" kpis="revenue-growth,retention,nps" .data=${feed}></kam-scorecard>`);
    expect(partText(el, 'tile-value')).toEqual(['64.3%', '100.0%', '+50']);
    expect(clean(root(el).querySelector('[part~="headline"]')!.textContent)).toBe('KPIs of 3 accounts in segment Corporate: 3 KPIs, no targets set.');
    el.filter = 'owner:Bob'; // b, d: NPS 3 and 9 → 0
    await el.updateComplete;
    expect(partText(el, 'tile-value')).toEqual(['-100.0%', '0.0%', '0']);
    el.filter = 'region:APAC';
    await el.updateComplete;
    expect(clean(root(el).querySelector('[part~="headline"]')!.textContent)).toMatch(/^KPIs of 2 accounts in region APAC/);
    el.filter = 'segment:Public sector';
    await el.updateComplete;
    expect(clean(root(el).textContent)).toContain('No account matches the filter');
  });

  it('with a filter, KPIs reported in the feed (which cover every account) give way to the derived ones, targets kept', async () => {
    const data = { ...feed, kpis: [{ id: 'nps', value: 40, previous: 45, target: 45 }] };
    const el = await scorecard(html`<kam-scorecard locale="en-US" filter="segment:Corporate" kpis="nps" .data=${data}></kam-scorecard>`);
    expect(partText(el, 'tile-value')).toEqual(['+50']);
    expect(partText(el, 'tile-change')).toEqual(['']); // the override's previous (45) describes every account
    expect(partText(el, 'tile-status')).toEqual(['✓ On track · target +45']);
    expect(clean(root(el).querySelector('[part~="notes"]')!.textContent)).toBe(
      "KPIs reported in the feed cover every account, so this view derives each KPI from these accounts' own data.",
    );
  });

  it('linked to a <kam-feed> with a selection, shows the KPIs of the selected accounts and says so', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <kam-feed id="sc-feed" .data=${feed}></kam-feed>
      <kam-scorecard feed="sc-feed" locale="en-US" kpis="retention,nps"></kam-scorecard>
    </div>`);
    const el = page.querySelector<KamScorecard>('kam-scorecard')!;
    const kamFeed = page.querySelector<KamFeed>('kam-feed')!;
    await el.updateComplete;
    expect(partText(el, 'tile-value')).toEqual(['66.7%', '+25']);
    kamFeed.selection = ['a', 'b', 'd']; // retention a of a, b = 50%; NPS 10, 3, 9 → (2 − 1) / 3 = +33
    await el.updateComplete;
    expect(clean(root(el).querySelector('[part~="headline"]')!.textContent)).toBe('KPIs of 3 selected accounts: 2 KPIs, no targets set.');
    expect(partText(el, 'tile-value')).toEqual(['50.0%', '+33']);
    await wcExpect(el).to.be.accessible();
    const cleared = oneEvent(el, 'kam-select');
    root(el).querySelector<HTMLElement>('[part~="clear-selection"]')!.click();
    expect((await cleared).detail.ids).toEqual([]);
    await el.updateComplete;
    expect(partText(el, 'tile-value')).toEqual(['66.7%', '+25']);
  });

  it('a selection and a filter together: the selected accounts the filter keeps, said in the headline', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <kam-feed id="sc-feed-2" .data=${feed}></kam-feed>
      <kam-scorecard feed="sc-feed-2" filter="segment:SMB" locale="en-US" kpis="nps"></kam-scorecard>
    </div>`);
    const el = page.querySelector<KamScorecard>('kam-scorecard')!;
    page.querySelector<KamFeed>('kam-feed')!.selection = ['a', 'b', 'd']; // SMB: b (3) and d (9) → 0
    await el.updateComplete;
    expect(clean(root(el).querySelector('[part~="headline"]')!.textContent)).toBe('KPIs of 2 of 3 selected accounts in segment SMB: 1 KPI, no targets set.');
    expect(partText(el, 'tile-value')).toEqual(['0']);
  });
});

describe('kam-scorecard: keyboard and detail', () => {
  it('is one Tab stop; arrows move through the grid and announce; Enter opens the detail with the history table', async () => {
    const el = await scorecard(html`<div style="width: 800px"><kam-scorecard locale="en-US" .data=${feed}></kam-scorecard></div>`);
    expect(root(el).querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(plot(el).classList.contains('cols-3')).toBe(true);
    plot(el).focus();
    await el.updateComplete;
    expect(focused(el)).toBe('revenue-growth');
    await press(el, 'ArrowRight');
    expect(focused(el)).toBe('retention');
    expect(live(el)).toBe('Logo retention 66.7%, no target. 2 of 10.');
    await press(el, 'ArrowDown'); // 3 columns: index 1 → 4
    expect(focused(el)).toBe('nps');
    await press(el, 'End');
    expect(focused(el)).toBe('csat');
    await press(el, 'Home');
    expect(focused(el)).toBe('nrr');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    expect(focused(el)).toBe('revenue-growth');

    const selected = oneEvent(el, 'kam-kpi-select');
    await press(el, 'Enter');
    expect((await selected).detail).toEqual({ id: 'revenue-growth', value: 230 / 190 - 1, target: null, status: 'no-target' });
    const detail = root(el).querySelector<HTMLElement>('[part~="detail"]')!;
    expect(clean(detail.querySelector('.detail-title')!.textContent)).toBe('Revenue growth: 21.1%');
    const facts = [...detail.querySelectorAll('dt')].map((dt) => [clean(dt.textContent), clean(dt.nextElementSibling!.textContent)]);
    expect(facts).toEqual([
      ['Definition', 'Change in revenue over the previous period, over the accounts that have a previous revenue (previousRevenue, or a history point for the previous period; new accounts without one are left out).'],
      ['Formula', 'revenue ÷ previous revenue − 1'],
      ['Base', "21.1% = €230 ÷ €190 − 1: this period's revenue over last period's, for the 4 accounts with a previous revenue."],
      // previousRevenue gives the previous period its revenue, but not the period before it: no growth then.
      ['Previous', 'No previous value. Not available for previous period: No account has a previous revenue (previousRevenue, or a history).'],
      ['Target', 'None set'],
      ['Status', 'No target'],
    ]);
    expect(clean(detail.querySelector('p.base')!.textContent)).toBe('No history for this KPI.');
    await wcExpect(el).to.be.accessible();

    await press(el, 'Escape');
    expect(root(el).querySelector('[part~="detail"]')).toBeNull();
    expect(live(el)).toBe('Details closed.');
  });

  it('the detail explains the status rule; Escape closes it without clearing the account selection', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="churn" targets="churn:0.3" .data=${feed}></kam-scorecard>`);
    el.selection = ['a', 'b', 'e']; // churn of a, b, e: b = 1 of 3
    await el.updateComplete;
    plot(el).focus();
    await press(el, ' ');
    const status = [...root(el).querySelectorAll('[part~="detail"] dt')].find((dt) => dt.textContent === 'Status')!;
    expect(clean(status.nextElementSibling!.textContent)).toBe(
      'Off track. On track at 30.0% or less; at risk up to 31.5% (within 5.0% of the target); off track above 31.5%.',
    );
    await press(el, 'Escape');
    expect(root(el).querySelector('[part~="detail"]')).toBeNull();
    expect(el.selection).toEqual(['a', 'b', 'e']);
    await press(el, 'Escape'); // with the detail closed, Escape clears the selection as in every widget
    expect(el.selection).toEqual([]);
  });

  it('compact: a strip of small tiles, arrows move in reading order', async () => {
    const el = await scorecard(html`<kam-scorecard compact locale="en-US" kpis="nps,churn,csat" targets="nps:20" .data=${feed}></kam-scorecard>`);
    expect(plot(el).classList.contains('strip')).toBe(true);
    expect(partText(el, 'tile-label')).toEqual(['NPS', 'Churn', 'CSAT']);
    expect(partText(el, 'tile-status')).toEqual(['✓ On track', '', '']);
    expect(root(el).querySelector('[part~="sparkline"], [part~="tile-base"]')).toBeNull();
    plot(el).focus();
    await press(el, 'ArrowDown');
    expect(focused(el)).toBe('churn');
    await wcExpect(el).to.be.accessible();
  });
});

describe('kam-scorecard: one portfolio, one lifecycle', () => {
  it('filter="tier:MVC" keeps the accounts whose computed tier is MVC (the feed gives none)', async () => {
    // Vital few at 80%: a (42.9%), c (71.4%), d (89.3%) → MVC. Growth (120 + 80) / (100 + 0) − 1 = 100%;
    // retention: only a was active last period, and still is; NPS a 10, c 8, d 9 → (2 − 0) / 3 × 100 = +67.
    const el = await scorecard(html`<kam-scorecard locale="en-US" filter="tier:MVC" kpis="revenue-growth,retention,nps" .data=${feed}></kam-scorecard>`);
    expect(partText(el, 'tile-value')).toEqual(['100.0%', '100.0%', '+67']);
    expect(clean(root(el).querySelector('[part~="headline"]')!.textContent)).toBe('KPIs of 3 accounts in tier MVC: 3 KPIs, no targets set.');
  });

  it('linked: the tiers are the <kam-feed>\'s, under its cutoff, and a selection narrows the same portfolio', async () => {
    // At the feed's cutoff 0.5 the vital few are a (42.9%) and c (71.4%): MVC is a and c.
    // NPS a 10, c 8 → (1 − 0) / 2 × 100 = +50; top 20% of 2 accounts: a, 120 of 200 = 60.0%.
    const page = await fixture<HTMLElement>(html`<div>
      <kam-feed id="sc-feed-tiers" cutoff="0.5" .data=${feed}></kam-feed>
      <kam-scorecard feed="sc-feed-tiers" filter="tier:MVC" locale="en-US" kpis="nps,top20-share"></kam-scorecard>
    </div>`);
    const el = page.querySelector<KamScorecard>('kam-scorecard')!;
    await el.updateComplete;
    expect(clean(root(el).querySelector('[part~="headline"]')!.textContent)).toBe('KPIs of 2 accounts in tier MVC: 2 KPIs, no targets set.');
    expect(partText(el, 'tile-value')).toEqual(['+50', '60.0%']);
    page.querySelector<KamFeed>('kam-feed')!.selection = ['c', 'd']; // d is STC: only c is shown. NPS c 8 → 0; top 20%: c alone, 100%
    await el.updateComplete;
    expect(clean(root(el).querySelector('[part~="headline"]')!.textContent)).toBe('KPIs of 1 of 2 selected accounts in tier MVC: 2 KPIs, no targets set.');
    expect(partText(el, 'tile-value')).toEqual(['0', '100.0%']);
  });

  it('derives its model once per change: hover, keys and a resize reuse it; an option or the selection makes a new one', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 800px"><kam-scorecard locale="en-US" .data=${feed}></kam-scorecard></div>`);
    const el = wrapper.querySelector<KamScorecard>('kam-scorecard')!;
    await el.updateComplete;
    const model = () => (el as unknown as { model: unknown }).model;
    const first = model();
    tileOf(el, 'nps').dispatchEvent(new PointerEvent('pointerenter'));
    plot(el).focus();
    await press(el, 'ArrowRight');
    wrapper.style.width = '1600px';
    await waitUntil(() => plot(el).classList.contains('cols-5'), 'five columns at 1600 px');
    expect(model()).toBe(first);
    el.targets = 'nps:20';
    await el.updateComplete;
    const withTargets = model();
    expect(withTargets).not.toBe(first);
    el.selection = ['a'];
    await el.updateComplete;
    expect(model()).not.toBe(withTargets);
  });
});

describe('kam-scorecard: keyboard focus', () => {
  it('focusing the tiles focuses the first without announcing it: the summary that names them already reads every tile', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" .data=${feed}></kam-scorecard>`);
    plot(el).focus();
    await el.updateComplete;
    expect(focused(el)).toBe('revenue-growth');
    expect(live(el)).toBe('');
    expect(clean(root(el).getElementById(plot(el).getAttribute('aria-describedby')!)!.textContent)).toMatch(/^Arrow keys move between the tiles/);
  });

  it('keeps the focused KPI when the tiles change, and drops the focus when it is gone', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="retention,nps,churn" .data=${feed}></kam-scorecard>`);
    plot(el).focus();
    await press(el, 'ArrowRight');
    expect(focused(el)).toBe('nps');
    el.kpis = 'churn,csat,nps'; // nps moves from the second tile to the third
    await el.updateComplete;
    expect(focused(el)).toBe('nps');
    el.kpis = 'churn,csat';
    await el.updateComplete;
    expect(focused(el)).toBeUndefined();
  });

  it('scrolls the tile the keyboard moves to into view', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 280px; height: 240px; overflow: auto"><kam-scorecard locale="en-US" .data=${feed}></kam-scorecard></div>`);
    const el = wrapper.querySelector<KamScorecard>('kam-scorecard')!;
    await el.updateComplete;
    plot(el).focus();
    await el.updateComplete;
    for (let i = 0; i < 9; i++) await press(el, 'ArrowDown'); // one column: down to the last tile, far below the 240 px box
    expect(focused(el)).toBe('top20-share');
    const box = wrapper.getBoundingClientRect();
    const tile = tileOf(el, 'top20-share').getBoundingClientRect();
    expect(wrapper.scrollTop).toBeGreaterThan(0);
    expect(tile.top >= box.top - 1 && tile.bottom <= box.bottom + 1).toBe(true);
  });
});

describe('kam-scorecard: click', () => {
  it('clicking a tile fires kam-kpi-select with { id, value, target, status } and opens its detail', async () => {
    const el = await scorecard(html`<kam-scorecard targets="csat:0.6" .data=${feed}></kam-scorecard>`);
    const events: KamKpiSelectDetail[] = [];
    el.addEventListener('kam-kpi-select', (e) => events.push(e.detail));
    tileOf(el, 'csat').click();
    await el.updateComplete;
    expect(events).toEqual([{ id: 'csat', value: 0.5, target: 0.6, status: 'off-track' }]);
    expect(root(el).querySelector('[part~="detail"]')).not.toBeNull();
    expect(tileOf(el, 'csat').classList.contains('open')).toBe(true);
    root(el).querySelector<HTMLElement>('[part~="detail-close"]')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part~="detail"]')).toBeNull();
  });

  it('hovering a tile shows its definition and base in a tooltip', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" .data=${feed}></kam-scorecard>`);
    tileOf(el, 'retention').dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    const tip = clean(root(el).querySelector('[part~="tooltip"]')!.textContent);
    expect(tip).toContain('Accounts active last period (previous revenue > 0) that still have revenue this period');
    expect(tip).toContain('66.7% = 2 of 3 accounts active last period are still active.');
    plot(el).dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(root(el).querySelector('[part~="tooltip"]')).toBeNull();
  });
});

describe('kam-scorecard: table and export', () => {
  it('table view lists each KPI with value, change, target, status and base', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" view="table" kpis="churn,csat" targets="churn:0.3" .data=${feed}></kam-scorecard>`);
    const rows = [...root(el).querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => clean(c.textContent)));
    expect(rows).toEqual([
      ['Churn', '33.3%', '–', '30.0%', 'Off track', '33.3% = 1 of 3 accounts active last period has no revenue this period.'],
      ['Customer satisfaction', '50.0%', '–', '–', 'No target', '50.0% = 2 of 4 accounts with a rating are satisfied (4 or 5).'],
    ]);
    await wcExpect(el).to.be.accessible();
  });

  it('exports CSV: id, label, value, previous, previous period, target, status, definition (numbers unformatted)', async () => {
    const data = { ...feed, kpis: [{ id: 'nps', value: 40, previous: 45, target: 50 }] };
    const el = await scorecard(html`<kam-scorecard kpis="nps,churn,win-rate" targets="churn:0.3" .data=${data}></kam-scorecard>`);
    const churnDefinition = 'Accounts active last period (previous revenue > 0) that have no revenue this period, as a share of those accounts (1 − retention).';
    expect(el.toCSV()).toBe(
      '\uFEFFid,label,value,previous,previous_period,target,status,definition\r\n' +
        'nps,Net Promoter Score,40,45,,50,off-track,"Percentage of promoters (9–10) minus percentage of detractors (0–6), over the accounts with an NPS answer; from −100 to 100."\r\n' +
        `churn,Churn,${1 / 3},,,0.3,off-track,"${churnDefinition}"\r\n` +
        'win-rate,win-rate,,,,,not-available,Unknown KPI.\r\n',
    );
  });

  it('exports the tiles as one SVG with the same texts, and as PNG', async () => {
    const el = await scorecard(html`<div style="width: 800px"><kam-scorecard locale="en-US" kpis="retention,nps" targets="nps:20" .data=${feed}></kam-scorecard></div>`);
    const doc = new DOMParser().parseFromString(await el.toSVG(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const svgRoot = doc.documentElement;
    expect(svgRoot.querySelector('title')!.textContent).toBe(clean(root(el).getElementById('summary')!.textContent));
    const texts = [...svgRoot.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual([
      'KPIs of all 5 accounts: 1 on track, 1 without a target.',
      'Logo retention',
      '66.7%',
      'No target',
      '2 of 3 accounts',
      'Net Promoter Score',
      '+25',
      '✓ On track · target +20',
      '4 respondents',
    ]);
    // 800 px, 2 tiles → 2 columns; one headline line (17 px + 12 px) + one 136 px row
    expect([svgRoot.getAttribute('width'), svgRoot.getAttribute('height')]).toEqual(['800', '165']);
    // While an export reads it, the export drawing is in place, hidden from assistive technology.
    const stages: (string | null)[] = [];
    const observer = new MutationObserver(() => {
      const stage = root(el).querySelector('.export-stage');
      if (stage) stages.push(stage.getAttribute('aria-hidden'));
    });
    observer.observe(root(el), { childList: true, subtree: true });
    const bitmap = await createImageBitmap(await el.toPNG());
    observer.disconnect();
    expect([bitmap.width, bitmap.height]).toEqual([1600, 330]);
    expect(stages.length).toBeGreaterThan(0);
    expect(stages.every((hidden) => hidden === 'true')).toBe(true);
    await wcExpect(el).to.be.accessible();
  });
});

describe('kam-scorecard: layout', () => {
  it('one column at 280 px, three at 800 px, a row of five at 1600 px', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 280px"><kam-scorecard .data=${feed}></kam-scorecard></div>`);
    const el = wrapper.querySelector<KamScorecard>('kam-scorecard')!;
    await el.updateComplete;
    expect(plot(el).classList.contains('cols-1')).toBe(true);
    const rowsOf = () => new Set(tiles(el).map((t) => t.getBoundingClientRect().top)).size;
    expect(rowsOf()).toBe(10);
    wrapper.style.width = '800px';
    await waitUntil(() => plot(el).classList.contains('cols-3'), 'three columns at 800 px');
    expect(rowsOf()).toBe(4);
    wrapper.style.width = '1600px';
    await waitUntil(() => plot(el).classList.contains('cols-5'), 'five columns at 1600 px');
    expect(rowsOf()).toBe(2);
    // no tile overflows its box
    expect(tiles(el).every((t) => t.scrollWidth <= t.clientWidth)).toBe(true);
  });
});

describe('kam-scorecard: states', () => {
  it('loading, then ready', async () => {
    let respond!: (r: Response) => void;
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (respond = resolve))));
    const el = document.createElement('kam-scorecard');
    el.src = '/feed.json';
    document.body.append(el);
    await new Promise((r) => setTimeout(r));
    expect(el.getAttribute('aria-busy')).toBe('true');
    expect(clean(root(el).textContent)).toContain('Loading accounts');
    await wcExpect(el).to.be.accessible();
    respond(jsonResponse(feed));
    await el.updateComplete;
    expect(tiles(el)).toHaveLength(10);
    el.remove();
  });

  it('empty, invalid and network error, in both themes, are accessible', async () => {
    for (const theme of ['light', 'dark']) {
      const empty = await scorecard(html`<kam-scorecard theme=${theme} .data=${{ version: 1, accounts: [] }}></kam-scorecard>`);
      expect(clean(root(empty).textContent)).toContain('No accounts to show');
      await wcExpect(empty).to.be.accessible();
      const invalid = await scorecard(html`<kam-scorecard theme=${theme} .data=${{ version: 2, accounts: 'no' }}></kam-scorecard>`);
      expect(clean(root(invalid).textContent)).toContain('This feed cannot be shown');
      await wcExpect(invalid).to.be.accessible();
    }
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const offline = await scorecard(html`<kam-scorecard src="http://127.0.0.1:9/feed.json"></kam-scorecard>`);
    expect(clean(root(offline).textContent)).toContain('The feed could not be loaded');
    expect(root(offline).querySelector('[part~="retry-button"]')).not.toBeNull();
    await wcExpect(offline).to.be.accessible();
  });

  it('ready, with targets and an open detail on a tile with status, is accessible in both themes', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await scorecard(html`<kam-scorecard theme=${theme} targets="retention:0.7,churn:0.3,nps:26,csat:0.6,nrr:0.75" .data=${feed}></kam-scorecard>`);
      await wcExpect(el).to.be.accessible();
      tileOf(el, 'nrr').click(); // on track
      await el.updateComplete;
      await wcExpect(el).to.be.accessible();
      tileOf(el, 'churn').click(); // off track
      await el.updateComplete;
      await wcExpect(el).to.be.accessible();
    }
  });
});

/** Emulates CSS media features (forced-colors, prefers-reduced-motion, prefers-color-scheme) in this page. */

describe('kam-scorecard: forced colors, reduced motion, theme="auto"', () => {
  afterEach(() => emulateMedia([]));
  const statusTargets = 'retention:0.7,churn:0.3,nrr:0.75';
  const statusKpis = 'retention,churn,nrr,csat'; // at risk, off track, on track, no target
  const statusBars = (el: HTMLElement) => statusKpis.split(',').map((id) => getComputedStyle(tileOf(el, id)).borderTopColor);

  it('forced colors: the status colours give way to one system colour, and icon and words still tell each status', async () => {
    const data = { ...feed, kpis: [{ id: 'churn', value: 0.32, previous: 0.28 }] }; // churn up: worse
    const normal = await scorecard(html`<kam-scorecard locale="en-US" kpis=${statusKpis} targets=${statusTargets} .data=${data}></kam-scorecard>`);
    expect(new Set(statusBars(normal)).size).toBe(4); // normally the bar colour repeats the status
    normal.remove();

    await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis=${statusKpis} targets=${statusTargets} .data=${data}></kam-scorecard>`);
    expect(new Set(statusBars(el)).size).toBe(1); // colour no longer tells the statuses apart…
    // …the icon and the words do (the target is given in words too)
    expect(partText(el, 'tile-status')).toEqual(['! At risk · target 70.0%', '✕ Off track · target 30.0%', '✓ On track · target 75.0%', 'No target']);
    const icons = tiles(el).map((t) => t.querySelector('.icon'));
    expect(icons.map((i) => i?.textContent ?? null)).toEqual(['!', '✕', '✓', null]);
    // the icon keeps a visible shape: the forced-colors rule draws its outline
    expect(getComputedStyle(icons[0]!).borderTopStyle).toBe('solid');
    // a change says better or worse in words, not only by its colour
    expect(clean(tileOf(el, 'churn').querySelector('[part~="tile-change"]')!.textContent)).toBe('▲ +4.0 pp vs 28.0%, worse');
    await wcExpect(el).to.be.accessible();
  });

  it('reduced motion: the loading skeleton stops pulsing, and nothing in the ready scorecard animates or transitions', async () => {
    let respond!: (r: Response) => void;
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (respond = resolve))));
    const el = document.createElement('kam-scorecard');
    el.src = '/feed.json';
    document.body.append(el);
    await waitUntil(() => root(el).querySelector('[part~="state-loading"]'), 'the loading view');
    const bar = root(el).querySelector('.skeleton span')!;
    expect(getComputedStyle(bar).animationName).toBe('kam-pulse');
    await emulateMedia([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    const still = (node: Element) => {
      const style = getComputedStyle(node);
      return style.animationName === 'none' && style.transitionDuration.split(', ').every((d) => d === '0s');
    };
    expect(getComputedStyle(bar).animationName).toBe('none');
    expect([...root(el).querySelectorAll('*')].every(still)).toBe(true);
    respond(jsonResponse(feed));
    await el.updateComplete;
    tileOf(el, 'nps').click(); // with an open detail too
    await el.updateComplete;
    expect(tiles(el)).toHaveLength(10);
    expect([...root(el).querySelectorAll('*')].every(still)).toBe(true);
    el.remove();
  });

  it('theme="auto" follows the system colour scheme, and is accessible in both', async () => {
    await emulateMedia([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const el = await scorecard(html`<kam-scorecard theme="auto" locale="en-US" targets=${statusTargets} .data=${feed}></kam-scorecard>`);
    expect(getComputedStyle(el).getPropertyValue('--kam-bg').trim()).toBe('#0d1117');
    expect(tiles(el)).toHaveLength(10);
    await wcExpect(el).to.be.accessible();
    await emulateMedia([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect(getComputedStyle(el).getPropertyValue('--kam-bg').trim()).toBe('#ffffff');
    await wcExpect(el).to.be.accessible();
  });
});

describe('kam-scorecard: inputs and skipped entries', () => {
  it('reads its feed from an inline <script type="application/json"> child', async () => {
    const el = document.createElement('kam-scorecard');
    el.setAttribute('locale', 'en-US');
    el.setAttribute('kpis', 'retention,nps');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(feed);
    el.append(script);
    document.body.append(el);
    await el.updateComplete;
    expect(partText(el, 'tile-value')).toEqual(['66.7%', '+25']);
    await wcExpect(el).to.be.accessible();
    el.remove();
  });

  it('skipped accounts and KPI entries: the KPIs come from the valid ones, and both notices show in the chart and the table view', async () => {
    const data = { ...feed, accounts: [...feed.accounts, { id: 'x', name: 'Broken', revenue: -5 }], kpis: [{ id: 'nps', value: 'high' }] };
    const el = await scorecard(html`<kam-scorecard locale="en-US" .data=${data}></kam-scorecard>`);
    expect(partText(el, 'tile-value')).toEqual(VALUES); // the 5 valid accounts; NPS derived, since its entry was skipped
    const notices = () =>
      [...root(el).querySelectorAll('[part~="skipped-notice"]')].map((n) => [clean(n.querySelector('summary')!.textContent), clean(n.querySelector('li')!.textContent)]);
    const expected = [
      ['1 account skipped', 'accounts[5].revenue: expected a number >= 0, got -5'],
      ['1 KPI skipped', 'kpis[0].value: expected a finite number, got "high"'],
    ];
    expect(notices()).toEqual(expected);
    await wcExpect(el).to.be.accessible();
    el.view = 'table';
    await el.updateComplete;
    expect(root(el).querySelectorAll('tbody tr')).toHaveLength(10);
    expect(notices()).toEqual(expected);
    await wcExpect(el).to.be.accessible();
  });
});

describe('kam-scorecard: previous values and the up-sell base', () => {
  // Yearly histories, the last point the current year's: growth 192 / 160 − 1 = 20.0%; FY2025's growth
  // (110 + 50) / (100 + 40) − 1 = 14.3%, so up 5.7 points. Retention 2 of 2 in both years: unchanged.
  // NPS: only in FY2024 (p, 9), so none in FY2025: no previous value, and the detail says why.
  const yearly = {
    version: 1,
    currency: 'EUR',
    periods: { current: 'FY2026', previous: 'FY2025' },
    accounts: [
      { id: 'p', name: 'P', revenue: 132, nps: 10, history: [{ period: 'FY2024', revenue: 100, nps: 9 }, { period: 'FY2025', revenue: 110 }, { period: 'FY2026', revenue: 132 }] },
      { id: 'q', name: 'Q', revenue: 60, previousRevenue: 50, history: [{ period: 'FY2024', revenue: 40 }, { period: 'FY2025', revenue: 50 }, { period: 'FY2026', revenue: 60 }] },
    ],
  };

  it('every KPI shows its change against the previous period, by the same definition; a KPI without one is named once, and its detail says why', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="revenue-growth,retention,nps" .data=${yearly}></kam-scorecard>`);
    expect(partText(el, 'tile-value')).toEqual(['20.0%', '100.0%', '+100']);
    expect(partText(el, 'tile-change')).toEqual(['▲ +5.7 pp vs 14.3%, better', '▶ ±0 vs 100.0%, same', '']);
    expect(clean(root(el).querySelector('[part~="history-note"]')!.textContent)).toBe(
      'No history for Net Promoter Score: no previous value or trend (the detail of each says why).',
    );
    tileOf(el, 'revenue-growth').click();
    await el.updateComplete;
    const detail = (term: string) => clean([...root(el).querySelectorAll('[part~="detail"] dt')].find((dt) => dt.textContent === term)!.nextElementSibling!.textContent);
    expect(detail('Previous')).toBe('14.3% in FY2025 (up 5.7 percentage points, better)');
    expect([...root(el).querySelectorAll('[part~="detail"] tbody tr')].map((tr) => [...tr.children].map((c) => clean(c.textContent)))).toEqual([['FY2025', '14.3%'], ['FY2026', '20.0%']]);
    tileOf(el, 'nps').click();
    await el.updateComplete;
    expect(detail('Previous')).toBe('No previous value. Not available for FY2025: No account has an NPS answer (nps).');
    expect(el.toCSV().split('\r\n')[1]).toMatch(new RegExp(`^revenue-growth,Revenue growth,${192 / 160 - 1},${160 / 140 - 1},FY2025,,no-target,`));
    await wcExpect(el).to.be.accessible();
  });

  it('up-sell: an account with revenue but no expanded value is left out of the base, and the definition says so', async () => {
    const data = { ...feed, accounts: [...feed.accounts, { id: 'f', name: 'Foxtrot', revenue: 60 }] }; // still 3 of 4, not 3 of 5
    const el = await scorecard(html`<kam-scorecard locale="en-US" kpis="upsell" .data=${data}></kam-scorecard>`);
    expect(partText(el, 'tile-value')).toEqual(['75.0%']);
    expect(partText(el, 'tile-base')).toEqual(['3 of 4 accounts']);
    tileOf(el, 'upsell').dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    const tip = clean(root(el).querySelector('[part~="tooltip"]')!.textContent);
    expect(tip).toContain(
      'Accounts with revenue above 0 that expanded (expanded = true: bought more or another product this period), as a share of the accounts with revenue above 0 that have an expanded value (true or false). Accounts with revenue but no expanded value are left out: unknown is not "did not expand".',
    );
    expect(tip).toContain('75.0% = 3 of 4 accounts with revenue and an expanded value expanded. 1 account with revenue but no expanded value is left out.');
  });
});

describe('kam-scorecard: the export drawing exists only during an export', () => {
  it('is gone once toSVG and toPNG are done, and later updates do not draw it again', async () => {
    const el = await scorecard(html`<kam-scorecard locale="en-US" .data=${feed}></kam-scorecard>`);
    const stage = () => root(el).querySelector('.export-stage');
    expect(stage()).toBeNull();
    expect(await el.toSVG()).toMatch(/^<\?xml/);
    await el.updateComplete;
    expect(stage()).toBeNull();
    await el.toPNG();
    await el.updateComplete;
    expect(stage()).toBeNull();
    el.tolerance = 0.1; // an update after the export
    await el.updateComplete;
    expect(stage()).toBeNull();
    // and so does a download through the export menu's code path
    await el.download('svg');
    await el.updateComplete;
    expect(stage()).toBeNull();
  });
});
