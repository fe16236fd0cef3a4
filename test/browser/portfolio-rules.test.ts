/**
 * The portfolio's rules as attributes, on `<kam-feed>` and on a widget: the tier rule and its options,
 * the cost of one unit of effort (ROI), the sales cycle and the red flags' thresholds. A linked widget
 * uses the `<kam-feed>`'s; a value that cannot be used leaves its default in force.
 */
import { describe, expect, it } from 'vitest';
import { fixture, html } from '@open-wc/testing';
import '../../src/components/feed/define.js';
import '../../src/components/tier-matrix/define.js';
import { DEFAULT_FLAG_RULES } from '../../src/analysis/flags.js';
import { DEFAULT_TIER_RULES, TIER_ORDER } from '../../src/analysis/tiers.js';
import type { KamFeed } from '../../src/components/feed/kam-feed.js';
import type { KamTierMatrix } from '../../src/components/tier-matrix/kam-tier-matrix.js';

// Total 2,051,000: X1 and X2 are the vital few (80.4%); the smallest MVC has revenue 650,000.
// Texts rule: L's potential 700,000 reaches it (MGC); S's 2,000 does not (STC, no profit).
// Headroom rule: S's headroom 1,000 is 1x its revenue (MGC); L's 300,000 is less than 400,000 (STC).
const feed = {
  version: 1,
  accounts: [
    { id: 'X1', name: 'X1', revenue: 1_000_000, profit: 100_000, costToServe: 50_000 },
    { id: 'X2', name: 'X2', revenue: 650_000, profit: 60_000, costToServe: 30_000 },
    { id: 'L', name: 'L', revenue: 400_000, profit: 40_000, potential: 700_000, effort: 100 },
    { id: 'S', name: 'S', revenue: 1_000, potential: 2_000 },
  ],
};

const tiersOf = (el: KamFeed) => [...el.feedState.portfolio!.tiers().tierIndex].map((t) => TIER_ORDER[t]);

describe('the portfolio rules as attributes', () => {
  it('<kam-feed>: the texts rule by default', async () => {
    const el = await fixture<KamFeed>(html`<kam-feed id="rules-default" .data=${feed}></kam-feed>`);
    await el.updateComplete;
    expect(tiersOf(el)).toEqual(['MVC', 'MVC', 'MGC', 'STC']);
    expect(el.feedState.portfolio!.rules).toMatchObject({ ...DEFAULT_TIER_RULES, flags: DEFAULT_FLAG_RULES });
    expect(el.feedState.portfolio!.roi().total.roi).toBe(160_000 / 80_000);
  });

  it('<kam-feed>: every rule attribute reaches the portfolio of the linked widgets', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <kam-feed id="rules-set" .data=${feed} tier-rule="headroom" tier-measure="profit" min-margin="0.1" revenue-floor="5000"
        cost-per-effort="100" sales-cycle-months="9" revenue-drop="0.25" .flagRules=${{ npsDrop: 3 }}></kam-feed>
      <kam-tier-matrix feed="rules-set" locale="en-US"></kam-tier-matrix>
    </div>`);
    const kamFeed = page.querySelector<KamFeed>('kam-feed')!;
    const matrix = page.querySelector<KamTierMatrix>('kam-tier-matrix')!;
    await matrix.updateComplete;
    const portfolio = kamFeed.feedState.portfolio!;
    expect(portfolio.rules).toMatchObject({
      rule: 'headroom',
      measure: 'profit',
      minMargin: 0.1,
      revenueFloor: 5000,
      costPerEffort: 100,
      salesCycleMonths: 9,
      flags: { ...DEFAULT_FLAG_RULES, revenueDrop: 0.25, npsDrop: 3 },
    });
    expect(tiersOf(kamFeed)).toEqual(['MVC', 'MVC', 'STC', 'MGC']);
    expect(matrix.tierAnalysis!.tiers.map((t) => t.accounts)).toEqual([2, 1, 1, 0]);
    // L's effort at 100 a unit: 10,000 more cost, 40,000 more profit.
    expect(portfolio.roi().total).toMatchObject({ pairs: 3, pairedCost: 90_000, profit: 200_000 });
  });

  it('a widget without feed takes the same attributes for its own portfolio', async () => {
    const matrix = await fixture<KamTierMatrix>(html`<kam-tier-matrix .data=${feed} tier-rule="headroom" locale="en-US"></kam-tier-matrix>`);
    await matrix.updateComplete;
    const tiers = () => [...matrix.tierAnalysis!.tierIndex].map((t) => TIER_ORDER[t]);
    expect(tiers()).toEqual(['MVC', 'MVC', 'STC', 'MGC']);
    matrix.tierRule = 'texts';
    await matrix.updateComplete;
    expect(tiers()).toEqual(['MVC', 'MVC', 'MGC', 'STC']);
    expect(matrix.tierAnalysis!.rules.rule).toBe('texts');
  });

  it('values that cannot be used leave the defaults in force', async () => {
    const el = await fixture<KamFeed>(html`<kam-feed id="rules-bad" .data=${feed} tier-rule="pareto" tier-measure="margin" min-margin="lots"
      revenue-floor="-5" cost-per-effort="-1" sales-cycle-months="-3" revenue-drop="-0.1" .flagRules=${{ walletDrop: Number.NaN }}></kam-feed>`);
    await el.updateComplete;
    const rules = el.feedState.portfolio!.rules;
    expect(rules).toMatchObject({ ...DEFAULT_TIER_RULES, flags: DEFAULT_FLAG_RULES });
    expect(rules.costPerEffort).toBeUndefined();
    expect(rules.salesCycleMonths).toBeUndefined();
  });
});
