/**
 * `<kam-red-flags>` on small hand-made feeds with history, every expectation worked out by hand from the
 * flag rules (src/analysis/flags.ts) and their default thresholds: revenue down 10%, NPS of a detractor
 * 0 to 6, and so on. Tiers are given in the feed (now and in 2026-Q1), so the expectations do not depend
 * on the tier rule.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expect as wcExpect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '../support/media.js';
import '../../src/components/red-flags/define.js';
import '../../src/components/feed/define.js';
import type { KamRedFlags, KamFlagsDetail } from '../../src/components/red-flags/kam-red-flags.js';
import type { KamFeed } from '../../src/components/feed/kam-feed.js';
import type { KamSelectDetail } from '../../src/internal/events.js';
import { appendWithSrc, holdFetch, jsonResponse } from '../support/fixtures.js';

/*
 * Two quarters, 2026-Q1 then 2026-Q2 (now). Tiers as given: then → now.
 *   a Atlas   MVC → MVC   1,000 → 1,000, NPS 9                 no flag
 *   b Birch   MVC → STC     800 → 0                            lost key account (severe), alone
 *   c Cedar   MGC → MGC     600 → 600, profit 20 → −50         key account at a loss (severe); not also ROI falling
 *   d Delta   MVC → MGC   1,000 → 850, NPS 9                   revenue going elsewhere (−15%), tier lost to MGC (warnings)
 *   e Elm     STC → STC     300 → 300, NPS 5                   none: a detractor, but not a key account
 *   f Fir     MGC → MGC     200 → 200, NPS 4                   unhappy key account (detractor, warning)
 *   g Gum     STC → STC     100 → 100, goal revenue 150        goal missed (warning)
 *   h Hazel   MVC → STC     500 → 400                          tier lost to STC (severe), revenue going elsewhere (−20%, warning)
 * Listed most severe first, then by revenue: c (600), h (400), b (0); d (850), f (200), g (100).
 * 6 of 8 accounts flagged, 3 severe.
 */
const period = (tier: string, revenue: number, extra: Record<string, unknown> = {}) => [{ period: '2026-Q1', tier, revenue, ...extra }];
const accounts = [
  { id: 'a', name: 'Atlas', tier: 'MVC', revenue: 1000, nps: 9, history: period('MVC', 1000) },
  { id: 'b', name: 'Birch', tier: 'STC', revenue: 0, history: period('MVC', 800) },
  { id: 'c', name: 'Cedar', tier: 'MGC', revenue: 600, profit: -50, history: period('MGC', 600, { profit: 20 }) },
  { id: 'd', name: 'Delta', tier: 'MGC', revenue: 850, nps: 9, history: period('MVC', 1000) },
  { id: 'e', name: 'Elm', tier: 'STC', revenue: 300, nps: 5, history: period('STC', 300) },
  { id: 'f', name: 'Fir', tier: 'MGC', revenue: 200, nps: 4, history: period('MGC', 200) },
  { id: 'g', name: 'Gum', tier: 'STC', revenue: 100, goals: { revenue: 150 }, history: period('STC', 100) },
  { id: 'h', name: 'Hazel', tier: 'STC', revenue: 400, history: period('MVC', 500) },
];
const feed = { version: 1, currency: 'USD', periods: { order: ['2026-Q1', '2026-Q2'], current: '2026-Q2' }, accounts };

const SUMMARY = '6 of 8 accounts show red flags; 3 severe.';
/** Each listed account's head and flags, as read on screen. */
const LISTED = [
  ['▲ Severe Cedar MGC · $600', 'Key account at a loss: An MGC in 2026-Q1 now at a loss: profit -$50 on revenue of $600.'],
  ['▲ Severe Hazel STC · $400', 'Tier lost: An MVC in 2026-Q1, STC now.', 'Revenue going elsewhere (warning): Revenue fell 20.0% against 2026-Q1 (from $500 to $400).'],
  ['▲ Severe Birch STC · $0', 'Lost key account: No revenue this period, after $800 in 2026-Q1 as an MVC.'],
  ['△ Warning Delta MGC · $850', 'Revenue going elsewhere: Revenue fell 15.0% against 2026-Q1 (from $1,000 to $850).', 'Tier lost: An MVC in 2026-Q1, MGC now.'],
  ['△ Warning Fir MGC · $200', "Unhappy key account: NPS answer 4: a detractor's (0 to 6)."],
  ['△ Warning Gum STC · $100', 'Goal missed: Revenue of $100 is below its goal of $150.'],
];

const root = (el: HTMLElement) => el.shadowRoot!;
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const part = (el: HTMLElement, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const summary = (el: HTMLElement) => clean(part(el, 'summary')?.textContent);
const plot = (el: HTMLElement) => root(el).querySelector<HTMLElement>('.plot')!;
const listed = (el: HTMLElement) =>
  [...root(el).querySelectorAll('[part~="account"]')].map((a) => [clean(a.querySelector('.account-head')!.textContent), ...[...a.querySelectorAll('.flags li')].map((li) => clean(li.textContent))]);
const names = (el: HTMLElement) => [...root(el).querySelectorAll('[part~="account-name"]')].map((n) => clean(n.textContent));
const live = (el: HTMLElement) => clean(root(el).querySelector('[aria-live]')!.textContent);
const key = async (el: KamRedFlags, k: string, shiftKey = false) => {
  plot(el).dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true }));
  await el.updateComplete;
};

async function flagsOf(data: unknown = feed, attrs = ''): Promise<KamRedFlags> {
  const el = document.createElement('kam-red-flags');
  el.setAttribute('locale', 'en-US');
  for (const [name, value] of new URLSearchParams(attrs)) el.setAttribute(name, value);
  el.data = data;
  const host = await fixture<HTMLElement>(html`<div>${el}</div>`);
  await host.querySelector<KamRedFlags>('kam-red-flags')!.updateComplete;
  return el;
}

afterEach(() => emulateMedia([]));

describe('red flags: the list', () => {
  it('says how many accounts show red flags and lists them most severe and most valuable first, each flag a sentence', async () => {
    const el = await flagsOf();
    expect(summary(el)).toBe(SUMMARY);
    expect(listed(el)).toEqual(LISTED);
    expect(plot(el).getAttribute('aria-labelledby')).toBe('summary');
    const definitions = part(el, 'definitions')!;
    expect(clean(definitions.querySelector('summary')!.textContent)).toBe('What each flag means');
    expect([...definitions.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      'Revenue going elsewhere', 'ROI falling', 'Key account at a loss', 'Unhappy key account', 'Tier lost', 'Lost key account', 'Goal missed',
    ]);
    await wcExpect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await wcExpect(el).to.be.accessible();
  });
});

/** An element that records every kam-flags detail from its first render on. */
async function recorded(data: unknown = feed, attrs = ''): Promise<{ el: KamRedFlags; events: KamFlagsDetail[] }> {
  const el = document.createElement('kam-red-flags');
  const events: KamFlagsDetail[] = [];
  el.addEventListener('kam-flags', (event) => {
    expect([event.bubbles, event.composed]).toEqual([true, true]);
    events.push(event.detail);
  });
  el.setAttribute('locale', 'en-US');
  for (const [name, value] of new URLSearchParams(attrs)) el.setAttribute(name, value);
  el.data = data;
  await fixture<HTMLElement>(html`<div>${el}</div>`);
  await el.updateComplete;
  return { el, events };
}

/** Every flag of the test feed as kam-flags carries it: the accounts in list order, each account's flags most severe first. */
const FLAG_ROWS = [
  { id: 'c', name: 'Cedar', type: 'key-account-loss', severity: 'severe', reason: 'An MGC in 2026-Q1 now at a loss: profit -$50 on revenue of $600.' },
  { id: 'h', name: 'Hazel', type: 'tier-loss', severity: 'severe', reason: 'An MVC in 2026-Q1, STC now.' },
  { id: 'h', name: 'Hazel', type: 'revenue-elsewhere', severity: 'warning', reason: 'Revenue fell 20.0% against 2026-Q1 (from $500 to $400).' },
  { id: 'b', name: 'Birch', type: 'lost-key-account', severity: 'severe', reason: 'No revenue this period, after $800 in 2026-Q1 as an MVC.' },
  { id: 'd', name: 'Delta', type: 'revenue-elsewhere', severity: 'warning', reason: 'Revenue fell 15.0% against 2026-Q1 (from $1,000 to $850).' },
  { id: 'd', name: 'Delta', type: 'tier-loss', severity: 'warning', reason: 'An MVC in 2026-Q1, MGC now.' },
  { id: 'f', name: 'Fir', type: 'unhappy', severity: 'warning', reason: "NPS answer 4: a detractor's (0 to 6)." },
  { id: 'g', name: 'Gum', type: 'goal-missed', severity: 'warning', reason: 'Revenue of $100 is below its goal of $150.' },
];

describe('red flags: the kam-flags event', () => {
  it('carries every flag with its account, type, severity and sentence after the load, bubbling out of shadow roots', async () => {
    const { el, events } = await recorded();
    expect(events).toEqual([{ flags: FLAG_ROWS, kpiFlags: [] }]);
    expect(el.flags).toEqual(FLAG_ROWS);
  });

  it('fires again after each load, not on a render, a theme, a selection or a type toggle', async () => {
    const { el, events } = await recorded();
    el.theme = 'dark';
    el.selection = ['c'];
    await el.updateComplete;
    part(el, 'type-toggle')!.click();
    await el.updateComplete;
    expect(events).toHaveLength(1);
    el.data = { ...feed, accounts: accounts.filter((a) => a.id !== 'c') };
    await el.updateComplete;
    expect(events).toHaveLength(2);
    expect(events[1]!.flags.map((f) => f.id)).toEqual(['h', 'h', 'b', 'd', 'd', 'f', 'g']);
  });

  it('carries the flags of the accounts the filter keeps, whatever the type filter shows', async () => {
    const { events } = await recorded({ ...feed, accounts: accounts.map((a) => ({ ...a, segment: a.id < 'e' ? 'Corporate' : 'SMB' })) }, 'filter=segment:SMB&types=unhappy');
    expect(events[0]!.flags.map((f) => [f.id, f.type])).toEqual([
      ['h', 'tier-loss'],
      ['h', 'revenue-elsewhere'],
      ['f', 'unhappy'],
      ['g', 'goal-missed'],
    ]);
  });
});

describe('red flags: filter by type', () => {
  it('lists only the types in `types`, each account as severe as its shown flags, and says what the filter hides', async () => {
    // Hazel's severe flag (tier lost) is hidden: she is a warning now, after Delta (more revenue).
    const el = await flagsOf(feed, 'types=revenue-elsewhere');
    expect(summary(el)).toBe(SUMMARY);
    expect(listed(el)).toEqual([
      ['△ Warning Delta MGC · $850', 'Revenue going elsewhere: Revenue fell 15.0% against 2026-Q1 (from $1,000 to $850).'],
      ['△ Warning Hazel STC · $400', 'Revenue going elsewhere: Revenue fell 20.0% against 2026-Q1 (from $500 to $400).'],
    ]);
    expect(clean(part(el, 'notes')!.textContent)).toBe('4 flagged accounts are hidden by the type filter.');
    await wcExpect(el).to.be.accessible();
  });

  it('offers a toggle per type that flags an account, with its count; pressing one hides or shows its flags', async () => {
    const el = await flagsOf();
    const toggles = () => [...root(el).querySelectorAll<HTMLButtonElement>('[part~="type-toggle"]')];
    expect(toggles().map((b) => [clean(b.textContent), b.getAttribute('aria-pressed')])).toEqual([
      ['Revenue going elsewhere (2)', 'true'],
      ['Key account at a loss (1)', 'true'],
      ['Unhappy key account (1)', 'true'],
      ['Tier lost (2)', 'true'],
      ['Lost key account (1)', 'true'],
      ['Goal missed (1)', 'true'],
    ]);
    toggles()[3]!.click(); // Tier lost off
    await el.updateComplete;
    expect(el.types).toBe('revenue-elsewhere,roi-falling,key-account-loss,unhappy,lost-key-account,goal-missed');
    expect(toggles()[3]!.getAttribute('aria-pressed')).toBe('false');
    expect(names(el)).toEqual(['Cedar', 'Birch', 'Delta', 'Hazel', 'Fir', 'Gum']); // Hazel a warning now: after Delta
    toggles()[3]!.click(); // on again: every type
    await el.updateComplete;
    expect(el.types).toBeUndefined();
    expect(names(el)).toEqual(['Cedar', 'Hazel', 'Birch', 'Delta', 'Fir', 'Gum']);
  });

  it('ignores an entry of `types` that is no flag type, and says so; with every type hidden, says how to show them', async () => {
    const el = await flagsOf(feed, 'types=lost-key-account,bogus');
    expect(names(el)).toEqual(['Birch']);
    expect(clean(part(el, 'notes')!.textContent)).toBe('5 flagged accounts are hidden by the type filter.Ignored in types: "bogus" (not a flag type).');
    root(el).querySelector<HTMLButtonElement>('[data-type="lost-key-account"]')!.click();
    await el.updateComplete;
    expect(el.types).toBe('none');
    expect(names(el)).toEqual([]);
    expect(clean(part(el, 'no-flags')!.textContent)).toBe('No flags of the chosen types. Press a type above to list its accounts.');
    expect(root(el).querySelector('.plot')).toBeNull();
    await wcExpect(el).to.be.accessible();
  });
});

describe('red flags: KPI goals', () => {
  // NPS reported in the feed: 20 now and 25 before, target 30: off target two periods in a row.
  const withKpis = { ...feed, kpis: [{ id: 'nps', value: 20, previous: 25, target: 30 }] };
  const KPI_SENTENCE = 'Net Promoter Score of 20 is below its target of 30 for a second period (25 in the previous period).';

  it('lists a KPI off its target two periods in a row above the accounts, in the summary and in kam-flags', async () => {
    const { el, events } = await recorded(withKpis);
    expect(summary(el)).toBe('6 of 8 accounts show red flags; 3 severe. 1 KPI goal missed.');
    expect([...root(el).querySelectorAll('[part~="kpi-flags"] li')].map((li) => clean(li.textContent))).toEqual([`△ Warning ${KPI_SENTENCE}`]);
    expect(events[0]!.kpiFlags).toEqual([{ id: 'nps', name: 'Net Promoter Score', type: 'goal-missed', severity: 'warning', reason: KPI_SENTENCE }]);
    expect(clean(root(el).querySelector('[data-type="goal-missed"]')!.textContent)).toBe('Goal missed (2)');
    await wcExpect(el).to.be.accessible();
  });

  it('takes targets from the `targets` attribute over the feed’s, as the scorecard does, and notes entries it cannot read', async () => {
    const met = await flagsOf(withKpis, 'targets=nps:18,churn');
    expect(part(met, 'kpi-flags')).toBeNull();
    expect(summary(met)).toBe(SUMMARY);
    expect(clean(part(met, 'notes')!.textContent)).toBe('Ignored in targets: "churn" (not "id:number").');
    const missed = await flagsOf(feed, 'targets=nps:30');
    expect(part(missed, 'kpi-flags')).toBeNull(); // derived NPS has no previous value: no flag
    const reported = await flagsOf({ ...feed, kpis: [{ id: 'nps', value: 20, previous: 25 }] }, 'targets=nps:30');
    expect(clean(part(reported, 'kpi-flags')!.querySelector('li')!.textContent)).toBe(`△ Warning ${KPI_SENTENCE}`);
  });

  it('hides the KPI goals with the "goal missed" type', async () => {
    const el = await flagsOf(withKpis, 'types=tier-loss');
    expect(part(el, 'kpi-flags')).toBeNull();
  });
});

describe('red flags: no red flags', () => {
  const calm = { ...feed, accounts: accounts.filter((a) => a.id === 'a' || a.id === 'e') };

  it('says "No red flags" with what was checked, and fires kam-flags with no flags', async () => {
    const { el, events } = await recorded(calm);
    expect(summary(el)).toBe('No red flags among 2 accounts.');
    expect([...part(el, 'no-flags')!.querySelectorAll('p')].map((p) => clean(p.textContent))).toEqual([
      'No red flags.',
      'Checked 2 accounts for revenue going elsewhere, ROI falling, key account at a loss, unhappy key account, tier lost, lost key account and goal missed, comparing 2026-Q2 with 2026-Q1.',
      'No KPI targets given (the targets attribute), so no KPI goal was checked.',
    ]);
    expect(part(el, 'type-filter')).toBeNull();
    expect(root(el).querySelector('.plot')).toBeNull();
    expect(events).toEqual([{ flags: [], kpiFlags: [] }]);
    await wcExpect(el).to.be.accessible();
  });

  it('says when the feed has no earlier period to compare with, and which KPI targets were checked', async () => {
    const el = await flagsOf({ version: 1, accounts: [{ id: 'a', name: 'Atlas', revenue: 100, nps: 9 }] }, 'targets=nps:30,churn:0.05');
    expect(summary(el)).toBe('No red flags among 1 account.');
    expect([...part(el, 'no-flags')!.querySelectorAll('p')].slice(1).map((p) => clean(p.textContent))).toEqual([
      'Checked 1 account for revenue going elsewhere, ROI falling, key account at a loss, unhappy key account, tier lost, lost key account and goal missed.',
      'The feed has no earlier period, so the flags that compare periods (revenue, ROI, NPS and CSAT down, a tier or an account lost) could not be raised.',
      'KPI goals checked: nps, churn.',
    ]);
  });

  it('flags from the current period alone without history: a detractor among the MVCs, a goal missed', async () => {
    const el = await flagsOf({ version: 1, accounts: [
      { id: 'a', name: 'Atlas', tier: 'MVC', revenue: 100, nps: 3 },
      { id: 'b', name: 'Birch', tier: 'STC', revenue: 50, goals: { revenue: 60 } },
    ] });
    expect(summary(el)).toBe('2 of 2 accounts show red flags; 0 severe.');
    expect(listed(el)).toEqual([
      ['△ Warning Atlas MVC · $100', "Unhappy key account: NPS answer 3: a detractor's (0 to 6)."],
      ['△ Warning Birch STC · $50', 'Goal missed: Revenue of $50 is below its goal of $60.'],
    ]);
  });
});

describe('red flags: states and inputs', () => {
  it('shows loading, then the list (from `src`); an empty feed; an invalid feed; accessible in each', async () => {
    const held = holdFetch();
    const el = appendWithSrc('kam-red-flags', '/feeds/flags.json', (e) => e.setAttribute('locale', 'en-US'));
    await new Promise((r) => setTimeout(r));
    expect(el.getAttribute('aria-busy')).toBe('true');
    expect(part(el, 'state-loading')).not.toBeNull();
    await wcExpect(el).to.be.accessible();
    held.respond(feed);
    await el.updateComplete;
    expect(held.fetchMock).toHaveBeenCalledTimes(1);
    expect(summary(el)).toBe(SUMMARY);
    el.remove();
    vi.unstubAllGlobals();

    const empty = await flagsOf({ version: 1, accounts: [] });
    expect(clean(part(empty, 'state-empty')!.textContent)).toBe('No accounts to show The feed is valid but has no accounts.');
    await wcExpect(empty).to.be.accessible();

    const invalid = await flagsOf({ version: 2, accounts: 'x' });
    expect(part(invalid, 'state-error')!.textContent).toContain('This feed cannot be shown');
    await wcExpect(invalid).to.be.accessible();
    expect(invalid.toCSV()).toBe('\uFEFFid,name,severity,tier,revenue,flags,reasons\r\n');
    expect(invalid.flags).toEqual([]);
  });

  it('shows a network error with Retry, and Retry loads the feed', async () => {
    const fetchMock = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(jsonResponse(feed));
    vi.stubGlobal('fetch', fetchMock);
    try {
      const el = await fixture<KamRedFlags>(html`<kam-red-flags locale="en-US" src="http://127.0.0.1:9/feed.json"></kam-red-flags>`);
      expect(part(el, 'state-error')!.textContent).toContain('The feed could not be loaded');
      await wcExpect(el).to.be.accessible();
      part(el, 'retry-button')!.click();
      await el.updateComplete;
      expect(fetchMock).toHaveBeenCalledTimes(2);
      expect(summary(el)).toBe(SUMMARY);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('lists skipped accounts in a notice and flags the others', async () => {
    const el = await flagsOf({ ...feed, accounts: [...accounts, { id: 'x', name: 'Broken', revenue: '12k' }] });
    expect(clean(part(el, 'skipped-notice')!.querySelector('summary')!.textContent)).toBe('1 account skipped');
    expect(summary(el)).toBe(SUMMARY);
    await wcExpect(el).to.be.accessible();
  });

  it('reads an inline <script type="application/json"> child', async () => {
    const el = document.createElement('kam-red-flags');
    el.setAttribute('locale', 'en-US');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(feed);
    el.append(script);
    await fixture<HTMLElement>(html`<div>${el}</div>`);
    await el.updateComplete;
    expect(summary(el)).toBe(SUMMARY);
    expect(names(el)).toEqual(['Cedar', 'Hazel', 'Birch', 'Delta', 'Fir', 'Gum']);
  });

  it('linked to a <kam-feed>: the feed’s flag thresholds and selection; a click selects on the feed', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <kam-feed id="flags-feed" revenue-drop="0.18" .data=${feed}></kam-feed>
      <kam-red-flags feed="flags-feed" locale="en-US"></kam-red-flags>
    </div>`);
    const el = page.querySelector<KamRedFlags>('kam-red-flags')!;
    const kamFeed = page.querySelector<KamFeed>('kam-feed')!;
    await el.updateComplete;
    // Revenue must fall 18% now: Delta's 15% no longer flags (her tier lost still does); Hazel's 20% does.
    expect(listed(el)[3]).toEqual(['△ Warning Delta MGC · $850', 'Tier lost: An MVC in 2026-Q1, MGC now.']);
    expect(listed(el)[1]![2]).toBe('Revenue going elsewhere (warning): Revenue fell 20.0% against 2026-Q1 (from $500 to $400).');
    expect(names(el)).toEqual(['Cedar', 'Hazel', 'Birch', 'Delta', 'Fir', 'Gum']);
    kamFeed.selection = ['f'];
    await el.updateComplete;
    expect(clean(root(el).querySelector('.account.selected .account-head')!.textContent)).toBe('△ Warning Fir MGC · $200 ✓ Selected');
    const selected = oneEvent(el, 'kam-select');
    (root(el).querySelectorAll('[part~="account"]')[0] as HTMLElement).click();
    expect(((await selected) as CustomEvent<KamSelectDetail>).detail.ids).toEqual(['c']);
    expect(kamFeed.selection).toEqual(['c']);
  });
});

describe('red flags: keyboard and selection', () => {
  it('is one Tab stop in the list; arrows move and announce; Enter selects, Shift+Enter adds; Escape clears', async () => {
    const el = await flagsOf(feed, 'types=tier-loss,lost-key-account');
    const stops = [...root(el).querySelectorAll('[tabindex="0"]')];
    expect(stops).toEqual([plot(el)]);
    plot(el).focus();
    await el.updateComplete;
    expect(clean(root(el).querySelector('.account.focused .name')!.textContent)).toBe('Hazel');
    await key(el, 'ArrowDown');
    expect(live(el)).toBe('Birch, severe (STC · $0): Lost key account: No revenue this period, after $800 in 2026-Q1 as an MVC. 2 of 3.');
    const events: string[][] = [];
    el.addEventListener('kam-select', (e) => events.push((e as CustomEvent<KamSelectDetail>).detail.ids));
    await key(el, 'Enter');
    await key(el, 'End');
    expect(live(el)).toBe('Delta, warning (MGC · $850): Tier lost: An MVC in 2026-Q1, MGC now. 3 of 3.');
    await key(el, 'Enter', true);
    expect(events).toEqual([['b'], ['b', 'd']]);
    expect(el.selection).toEqual(['b', 'd']);
    await key(el, 'Home');
    expect(live(el)).toBe('Hazel, severe (STC · $400): Tier lost: An MVC in 2026-Q1, STC now. 1 of 3.');
    await key(el, 'ArrowDown');
    expect(live(el)).toMatch(/^Birch, severe \(STC · \$0\), selected: /);
    plot(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.selection).toEqual([]);
    expect(events.at(-1)).toEqual([]);
    await wcExpect(el).to.be.accessible();
  });

  it('keeps the focused account when a refresh brings the same accounts in another order', async () => {
    const el = await flagsOf();
    plot(el).focus();
    await key(el, 'ArrowDown'); // Hazel
    el.data = { ...feed, accounts: accounts.filter((a) => a.id !== 'c') };
    await el.updateComplete;
    expect(clean(root(el).querySelector('.account.focused .name')!.textContent)).toBe('Hazel');
  });

  it('marks a clicked account as selected in words, and Shift+click adds another', async () => {
    const el = await flagsOf();
    const account = (i: number) => root(el).querySelectorAll<HTMLElement>('[part~="account"]')[i]!;
    account(1).querySelector<HTMLElement>('.flags li')!.click();
    await el.updateComplete;
    account(4).dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.selection).toEqual(['h', 'f']);
    expect([...root(el).querySelectorAll('.account.selected .selected-mark')].map((m) => clean(m.textContent))).toEqual(['✓ Selected', '✓ Selected']);
    expect(clean(part(el, 'clear-selection')!.textContent)).toBe('Clear selection (2)');
  });
});

describe('red flags: long lists', () => {
  it('lists the first `limit` accounts, says how many more, and Show more lists the next ones', async () => {
    const el = await flagsOf(feed, 'limit=2');
    expect(names(el)).toEqual(['Cedar', 'Hazel']);
    expect(clean(part(el, 'more')!.textContent)).toBe('and 4 more flagged accounts Show 2 more');
    plot(el).focus();
    await key(el, 'End');
    expect(live(el)).toMatch(/^Hazel, .* 2 of 6\.$/);
    part(el, 'show-more-flags')!.click();
    await el.updateComplete;
    expect(names(el)).toEqual(['Cedar', 'Hazel', 'Birch', 'Delta']);
    part(el, 'show-more-flags')!.click();
    await el.updateComplete;
    expect(names(el)).toHaveLength(6);
    expect(part(el, 'more')).toBeNull();
    el.limit = 0; // unusable: the default of 25
    await el.updateComplete;
    expect(names(el)).toHaveLength(6);
    await wcExpect(el).to.be.accessible();
  });
});

describe('red flags: table view and export', () => {
  it('shows every listed account in the table view, with the KPI goals above it', async () => {
    const el = await flagsOf({ ...feed, kpis: [{ id: 'nps', value: 20, previous: 25, target: 30 }] }, 'limit=2');
    el.view = 'table';
    await el.updateComplete;
    const rows = [...root(el).querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => clean(c.textContent)));
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['Cedar', '▲ Severe', 'MGC', '$600', 'Key account at a loss'],
      ['Hazel', '▲ Severe', 'STC', '$400', 'Tier lost; Revenue going elsewhere'],
      ['Birch', '▲ Severe', 'STC', '$0', 'Lost key account'],
      ['Delta', '△ Warning', 'MGC', '$850', 'Revenue going elsewhere; Tier lost'],
      ['Fir', '△ Warning', 'MGC', '$200', 'Unhappy key account'],
      ['Gum', '△ Warning', 'STC', '$100', 'Goal missed'],
    ]);
    expect(rows[1]![5]).toBe('An MVC in 2026-Q1, STC now. Revenue fell 20.0% against 2026-Q1 (from $500 to $400).');
    expect(part(el, 'kpi-flags')).not.toBeNull();
    await wcExpect(el).to.be.accessible();
  });

  it('writes every flagged account to CSV: severity, tier, revenue, flag types and sentences', async () => {
    const el = await flagsOf(feed, 'limit=1');
    expect(el.toCSV().replace('\uFEFF', '').split('\r\n')).toEqual([
      'id,name,severity,tier,revenue,flags,reasons',
      'c,Cedar,severe,MGC,600,key-account-loss,An MGC in 2026-Q1 now at a loss: profit -$50 on revenue of $600.',
      'h,Hazel,severe,STC,400,tier-loss; revenue-elsewhere,"An MVC in 2026-Q1, STC now. Revenue fell 20.0% against 2026-Q1 (from $500 to $400)."',
      'b,Birch,severe,STC,0,lost-key-account,"No revenue this period, after $800 in 2026-Q1 as an MVC."',
      'd,Delta,warning,MGC,850,revenue-elsewhere; tier-loss,"Revenue fell 15.0% against 2026-Q1 (from $1,000 to $850). An MVC in 2026-Q1, MGC now."',
      'f,Fir,warning,MGC,200,unhappy,NPS answer 4: a detractor\'s (0 to 6).',
      'g,Gum,warning,STC,100,goal-missed,Revenue of $100 is below its goal of $150.',
      '',
    ]);
  });

  it('exports the listed accounts as one SVG with the summary as its title, and a PNG at twice its size', async () => {
    const el = await flagsOf(feed, 'limit=3');
    const doc = new DOMParser().parseFromString(await el.toSVG(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelector('title')!.textContent).toBe(SUMMARY);
    const lines = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(lines).toContain('▲ Severe · Cedar · MGC · $600');
    expect(lines).toContain('and 3 more flagged accounts');
    expect(lines.join(' ')).not.toContain('Delta');
    expect(root(el).querySelector('.export-stage')).toBeNull(); // removed once the export has read it
    const svgWidth = Number(doc.documentElement.getAttribute('width'));
    const bitmap = await createImageBitmap(await el.toPNG());
    expect(bitmap.width).toBe(svgWidth * 2);
  });
});

describe('red flags: locale, themes and size', () => {
  it('formats the figures in the locale', async () => {
    const el = await flagsOf(feed, 'locale=de-DE&types=revenue-elsewhere');
    expect(listed(el)[0]![1]).toBe('Revenue going elsewhere: Revenue fell 15,0 % against 2026-Q1 (from 1.000 $ to 850 $).');
  });

  it('follows the system colour scheme with theme="auto", accessible in both', async () => {
    const el = await flagsOf(feed, 'theme=auto');
    const token = (name: string) => getComputedStyle(el).getPropertyValue(name).trim();
    await emulateMedia([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(token('--kam-bg')).toBe('#0d1117');
    await wcExpect(el).to.be.accessible();
    await emulateMedia([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect(token('--kam-bg')).toBe('#ffffff');
  });

  for (const width of [280, 1600]) {
    it(`fits ${width} px: nothing wider than the element`, async () => {
      const long = { ...feed, accounts: accounts.map((a) => ({ ...a, name: `${a.name} International Holdings and Trading Company` })) };
      const box = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><kam-red-flags locale="en-US" .data=${long}></kam-red-flags></div>`);
      const el = box.querySelector('kam-red-flags')!;
      await el.updateComplete;
      const right = el.getBoundingClientRect().right;
      for (const node of root(el).querySelectorAll('.account, .account-head > *, .flags li, [part~="type-toggle"], [part~="summary"]')) {
        expect(node.getBoundingClientRect().right, clean(node.textContent).slice(0, 40)).toBeLessThanOrEqual(right + 0.5);
      }
      expect(plot(el).scrollWidth).toBeLessThanOrEqual(plot(el).clientWidth);
    });
  }
});
