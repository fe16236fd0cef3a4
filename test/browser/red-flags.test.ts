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
 *   h Hazel   MVC → STC     500 → 500                          tier lost to STC (severe)
 * Listed most severe first, then by revenue: c (600), h (500), b (0); d (850), f (200), g (100).
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
  { id: 'h', name: 'Hazel', tier: 'STC', revenue: 500, history: period('MVC', 500) },
];
const feed = { version: 1, currency: 'USD', periods: { order: ['2026-Q1', '2026-Q2'], current: '2026-Q2' }, accounts };

const SUMMARY = '6 of 8 accounts show red flags; 3 severe.';
/** Each listed account's head and flags, as read on screen. */
const LISTED = [
  ['▲ Severe Cedar MGC · $600', 'Key account at a loss: An MGC in 2026-Q1 now at a loss: profit -$50 on revenue of $600.'],
  ['▲ Severe Hazel STC · $500', 'Tier lost: An MVC in 2026-Q1, STC now.'],
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
    await wcExpect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await wcExpect(el).to.be.accessible();
  });
});
