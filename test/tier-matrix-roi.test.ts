/**
 * The tier matrix's words for ROI (tier-matrix-roi.ts) and the red-flag counts of its items
 * (tier-matrix-model.ts), on hand-made figures.
 */
import { describe, expect, it } from 'vitest';
import type { RoiResult, TierRoi } from '../src/analysis/roi.js';
import { buildMatrix } from '../src/analysis/portfolio-matrix.js';
import { bandAxis } from '../src/analysis/bands.js';
import { itemFlags } from '../src/components/tier-matrix/tier-matrix-model.js';
import { hasCosts, roiFacts, roiSentence, roiUnknownReason, tierRoiFigure } from '../src/components/tier-matrix/tier-matrix-roi.js';
import { flagCountText, tierBlockText } from '../src/components/tier-matrix/tier-matrix-text.js';
import { formatters } from '../src/internal/format.js';
import type { TierSummary } from '../src/analysis/tiers.js';

const f = formatters('en-US', 'USD');

/** A tier's sums: accounts, how many with a cost, their cost, how many with both a cost and a profit, and those sums. */
function tierRoi(accounts: number, costAccounts: number, cost: number | null, pairs: number, pairedCost: number | null, profit: number | null): TierRoi {
  const roi = pairedCost !== null && pairedCost > 0 && profit !== null ? profit / pairedCost : null;
  return { accounts, costAccounts, cost, pairs, pairedCost, profit, roi };
}

const none = tierRoi(0, 0, null, 0, null, null);

describe('ROI in words', () => {
  it('gives the reason an ROI is unknown, in the order that decides it', () => {
    expect(roiUnknownReason(none)).toBe('no accounts');
    expect(roiUnknownReason(tierRoi(3, 0, null, 0, null, null))).toBe('no cost to serve');
    expect(roiUnknownReason(tierRoi(3, 2, 500, 0, null, null))).toBe('no profit figure');
    expect(roiUnknownReason(tierRoi(3, 2, 0, 2, 0, 40))).toBe('cost to serve is 0');
    expect(roiUnknownReason(tierRoi(3, 2, 500, 2, 500, 250))).toBe('');
  });

  it('writes a tier block’s figure: the ROI on the cost it is of, and how many accounts when not all', () => {
    // 250 / 500 = 50%; of 2 of the tier's 3 accounts.
    expect(tierRoiFigure(f, tierRoi(3, 2, 500, 2, 500, 250))).toBe('ROI 50% on $500 cost, 2 of 3 accounts');
    // Every account with a cost and a profit: 1,500 / 1,200 = 125%.
    expect(tierRoiFigure(f, tierRoi(2, 2, 1200, 2, 1200, 1500))).toBe('ROI 125% on $1.2K cost');
    // A third account has a cost but no profit: its cost is not in the ROI (600 / 800 = 75%).
    expect(tierRoiFigure(f, tierRoi(3, 3, 1000, 2, 800, 600))).toBe('ROI 75% on $800 cost, 2 of 3 accounts');
    expect(tierRoiFigure(f, tierRoi(4, 0, null, 0, null, null))).toBe('ROI — (no cost to serve)');
    expect(tierRoiFigure(f, tierRoi(1, 1, 10, 1, 10, -20))).toBe('ROI -200% on $10 cost');
  });

  it('writes every tier and the total in one line, with the share of accounts it rests on', () => {
    const result: RoiResult = {
      cost: new Float64Array(0),
      roi: new Float64Array(0),
      tiers: [tierRoi(2, 2, 300, 2, 300, 400), tierRoi(1, 1, 40, 1, 40, 20), tierRoi(1, 0, null, 0, null, null), tierRoi(1, 1, 10, 1, 10, -20)],
      // 400 / 350 = 114.3%
      total: tierRoi(5, 4, 350, 4, 350, 400),
      source: 'costToServe',
    };
    expect(hasCosts(result)).toBe(true);
    expect(roiSentence(f, result)).toBe(
      'Return on the cost to serve (profit / cost): MVC 133.3%, MGC 50%, STC — (no cost to serve), BZ -200%; all accounts 114.3% (profit $400 on $350 cost). Figures of the 4 of 5 accounts with a cost to serve and a profit.',
    );
  });

  it('leaves out a tier without accounts, and the share when every account counts', () => {
    const result: RoiResult = {
      cost: new Float64Array(0),
      roi: new Float64Array(0),
      tiers: [tierRoi(1, 1, 100, 1, 100, 50), none, none, none],
      total: tierRoi(1, 1, 100, 1, 100, 50),
      source: 'effort',
    };
    expect(roiSentence(f, result)).toBe('Return on the cost to serve (profit / cost): MVC 50%; all accounts 50% (profit $50 on $100 cost).');
  });

  it('says what would give a cost when no account has one', () => {
    const result: RoiResult = { cost: new Float64Array(0), roi: new Float64Array(0), tiers: [none, none, none, none], total: tierRoi(4, 0, null, 0, null, null), source: null };
    expect(hasCosts(result)).toBe(false);
    expect(roiSentence(f, result)).toBe(
      'ROI per tier: —. No account has a cost to serve: give costToServe in the feed, or effort with cost-per-effort (the cost of one unit of effort).',
    );
  });

  it('gives a tier’s cost to serve and ROI as tooltip facts, "—" with the reason when unknown', () => {
    expect(roiFacts(f, tierRoi(2, 2, 300, 2, 300, 400))).toEqual([
      ['Cost to serve', '$300'],
      ['ROI', '133.3%'],
    ]);
    expect(roiFacts(f, tierRoi(2, 0, null, 0, null, null))).toEqual([
      ['Cost to serve', '—'],
      ['ROI', '— (no cost to serve)'],
    ]);
  });
});

describe('a tier block with ROI and red flags', () => {
  const mvc: TierSummary = {
    tier: 'MVC',
    name: 'Most Valuable Customers',
    definition: 'The few top accounts.',
    accounts: 3,
    revenue: 1_000_000,
    revenueShare: 0.5,
    profit: 200_000,
    profitAccounts: 3,
    effort: null,
    effortAccounts: 0,
    effortShare: null,
  };

  it('adds the ROI after the tier’s figures and the red-flag count after it', () => {
    const block = tierBlockText(f, mvc, 0, tierRoi(3, 3, 100_000, 3, 100_000, 200_000), { flagged: 2, severe: 1 });
    expect(block.figures).toEqual(['3 accounts', '$1M (50.0% of revenue)', 'profit $200K', 'ROI 200% on $100K cost', '2 with red flags (1 severe)']);
  });

  it('counts red flags in words', () => {
    expect(flagCountText(f, { flagged: 1, severe: 0 })).toBe('1 with a red flag');
    expect(flagCountText(f, { flagged: 3, severe: 0 })).toBe('3 with red flags');
    expect(flagCountText(f, { flagged: 1, severe: 1 })).toBe('1 with a red flag (1 severe)');
  });
});

describe('red flags per item of the matrix', () => {
  it('counts the flagged and the severe accounts of each cell and tier', () => {
    // Four accounts in one value band and one potential band (all equal): one cell; tiers MVC, MVC, STC, BZ.
    const revenue = Float64Array.from([100, 100, 100, 100]);
    const value = bandAxis(revenue);
    const potential = bandAxis(revenue);
    const matrix = buildMatrix(Uint8Array.from([0, 0, 2, 3]), revenue, value, potential);
    // Levels: account 0 severe, 1 none, 2 warning, 3 severe.
    const { flagged, severe } = itemFlags(matrix, Uint8Array.from([2, 0, 1, 2]));
    // Items: the one cell, then MVC, MGC, STC, BZ.
    expect([...flagged]).toEqual([3, 1, 0, 1, 1]);
    expect([...severe]).toEqual([2, 1, 0, 0, 1]);
  });
});
