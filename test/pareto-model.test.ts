import { describe, expect, it } from 'vitest';
import { pareto } from '../src/analysis/pareto.js';
import { barOfRank, cutoffCrossing, paretoBars } from '../src/components/pareto/pareto-bars.js';
import { barIndexAt, categoryLabels, paretoLayout, placeLegend } from '../src/components/pareto/pareto-layout.js';
import { accountAt, idsOf, paretoModel, rankOfId, subjectOf, tierParts } from '../src/components/pareto/pareto-model.js';
import { Portfolio } from '../src/analysis/portfolio.js';
import { parseFeed } from '../src/feed/parse.js';

const account = (id: string, revenue: number) => ({ id, name: id, revenue });
// Revenue 50, 20, 10, 8, 6, 4, 2 = 100: cumulative 50, 70, 80, 88, 94, 98, 100 -> vital few at 80% = 3.
const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, i) => account(id, [50, 20, 10, 8, 6, 4, 2][i]!));

describe('paretoBars', () => {
  it('draws one bar per account while they fit, the vital few marked', () => {
    const bars = paretoBars(pareto(seven), { maxBars: 10 });
    expect(bars.map((b) => [b.firstRank, b.lastRank, b.revenue, b.vital])).toEqual([
      [1, 1, 50, true],
      [2, 2, 20, true],
      [3, 3, 10, true],
      [4, 4, 8, false],
      [5, 5, 6, false],
      [6, 6, 4, false],
      [7, 7, 2, false],
    ]);
    expect(bars.map((b) => b.cumulativeShare)).toEqual([0.5, 0.7, 0.8, 0.88, 0.94, 0.98, 1]);
  });

  it('buckets ranks when bars do not fit, never across the vital-few boundary, and keeps the total', () => {
    // 4 slots for 7 accounts: 3 vital of 7 -> round(4 * 3 / 7) = 2 slots (ranks 1-2, 3), rest 2 slots (4-5, 6-7).
    const bars = paretoBars(pareto(seven), { maxBars: 4 });
    expect(bars.map((b) => [b.firstRank, b.lastRank, b.count, b.revenue, b.vital])).toEqual([
      [1, 2, 2, 70, true],
      [3, 3, 1, 10, true],
      [4, 5, 2, 14, false],
      [6, 7, 2, 6, false],
    ]);
    expect(bars.reduce((sum, b) => sum + b.revenue, 0)).toBe(100);
    expect(bars.map((b) => b.share)).toEqual([0.7, 0.1, 0.14, 0.06]);
  });

  it('shows the top N and one Others bar with the rest', () => {
    const bars = paretoBars(pareto(seven), { maxBars: 10, top: 2 });
    expect(bars.map((b) => [b.firstRank, b.lastRank, b.revenue, b.vital, b.others])).toEqual([
      [1, 1, 50, true, false],
      [2, 2, 20, true, false],
      [3, 7, 30, false, true],
    ]);
    expect(bars[2]!.cumulativeShare).toBe(1);
    // top >= count shows every account and no Others bar
    expect(paretoBars(pareto(seven), { maxBars: 10, top: 7 }).some((b) => b.others)).toBe(false);
  });

  it('sums bucket revenue to the total for 100,000 accounts in a few hundred bars', () => {
    const accounts = Array.from({ length: 100_000 }, (_, i) => account(`a${i}`, (i * 7919) % 1000));
    const result = pareto(accounts);
    const bars = paretoBars(result, { maxBars: 400 });
    expect(bars.length).toBeLessThanOrEqual(400);
    expect(bars[0]!.firstRank).toBe(1);
    expect(bars.at(-1)!.lastRank).toBe(100_000);
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.firstRank).toBe(bars[i - 1]!.lastRank + 1);
    expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(100_000);
    expect(bars.reduce((sum, b) => sum + b.revenue, 0)).toBe(result.total);
    const boundary = bars.findIndex((b) => !b.vital);
    expect(bars[boundary - 1]!.lastRank).toBe(result.vitalFew);
  });
});

describe('cutoffCrossing', () => {
  it('interpolates where the cumulative line through the right edges reaches the cutoff', () => {
    const bars = paretoBars(pareto(seven), { maxBars: 10 });
    expect(cutoffCrossing(bars, 0.8)).toBe(3); // exactly at the right edge of bar 3
    expect(cutoffCrossing(bars, 0.6)).toBeCloseTo(1.5, 10); // halfway between 50% and 70%
    expect(cutoffCrossing(bars, 0.25)).toBeCloseTo(0.5, 10); // from 0 at the left edge
  });
});

describe('barOfRank', () => {
  it('finds the bar that holds a rank, also inside buckets', () => {
    const bars = paretoBars(pareto(seven), { maxBars: 4 }); // ranks 1-2, 3, 4-5, 6-7
    expect([1, 2, 3, 4, 5, 6, 7].map((rank) => barOfRank(bars, rank))).toEqual([0, 0, 1, 2, 2, 3, 3]);
    expect(barOfRank(bars, 0)).toBe(-1);
    expect(barOfRank(bars, 8)).toBe(-1);
  });
});

describe('categoryLabels', () => {
  const tenPxPerChar = (text: string) => text.length * 10;
  const single = (n: number) => paretoBars(pareto(Array.from({ length: n }, (_, i) => account(`a${i}`, 100 - i))), { maxBars: n });

  it('shortens names to their slot and keeps the first one inside the plot', () => {
    // 4 bars, step 100, bar width 78, 10 px a character. Centred labels: slot room 100 - 6 = 94 px (8
    // characters and "…"), but the first centre is 39 px from the plot's left end, so 2 x 39 = 78 px (6 and "…").
    const labels = categoryLabels(single(4), { step: 100, barWidth: 78 }, (rank) => (rank === 4 ? 'Acme' : 'Abcdefghijkl'), String, tenPxPerChar);
    expect(labels.map((l) => l.text)).toEqual(['Abcdef…', 'Abcdefgh…', 'Abcdefgh…', 'Acme']);
  });

  it('falls back to ranks at an interval, and drops a rank that would run past the plot end', () => {
    // 100 bars of 3 px: the widest rank "100" is 3 x 6.38 + 14 = 33.1 px, so every ceil(33.1 / 3) = 12th bar.
    // Labels start at the bar centre: index 96 starts at 289.5 px and "97" needs 12.8 px, past the 300 px plot.
    const labels = categoryLabels(single(100), { step: 3, barWidth: 3 }, (rank) => `Name ${rank}`, String, tenPxPerChar);
    expect(labels.map((l) => [l.index, l.text])).toEqual([
      [0, '1'],
      [12, '13'],
      [24, '25'],
      [36, '37'],
      [48, '49'],
      [60, '61'],
      [72, '73'],
      [84, '85'],
    ]);
  });
});

describe('placeLegend', () => {
  it('wraps entries onto a second row when the next one would pass the width', () => {
    // Entry widths: 18 + 6.38 px a character + 14: 114.94, 121.32, 134.08, 95.8 px.
    const { items, rows } = placeLegend(
      [
        { key: 'vital', label: 'Vital few (3)', kind: 'box' },
        { key: 'rest', label: 'Other accounts', kind: 'box' },
        { key: 'cumulative', label: 'Cumulative share', kind: 'line' },
        { key: 'cutoff', label: 'Cutoff 80%', kind: 'dash' },
      ],
      300,
    );
    expect(rows).toBe(2);
    expect(items.map((i) => [Math.round(i.x * 100) / 100, i.y])).toEqual([
      [0, 0],
      [114.94, 0],
      [0, 16],
      [134.08, 16],
    ]);
  });
});

describe('barIndexAt', () => {
  it('maps a plot x to the bar slot under it, -1 in the margins', () => {
    const bars = paretoBars(pareto(seven), { maxBars: 10 });
    const layout = paretoLayout(400, 220, bars, (v) => `$${v}`);
    expect(barIndexAt(layout, layout.left - 1, 7)).toBe(-1);
    expect(barIndexAt(layout, layout.left, 7)).toBe(0);
    expect(barIndexAt(layout, layout.left + 2.5 * layout.step, 7)).toBe(2);
    expect(barIndexAt(layout, layout.right, 7)).toBe(6);
    expect(barIndexAt(layout, layout.right + 1, 7)).toBe(-1);
  });
});

describe('paretoModel', () => {
  it('looks accounts up by rank and id, and splits a bucket by tier exactly', () => {
    const feed = parseFeed({ version: 1, accounts: [...seven].reverse() });
    const model = paretoModel(new Portfolio(feed.accounts), 0.8);
    expect(accountAt(model, 1).id).toBe('a');
    expect(rankOfId(model, 'c')).toBe(3);
    expect(rankOfId(model, 'gone')).toBeUndefined();
    const [, , rest] = paretoBars(model.shares, { maxBars: 4 }); // ranks 4-5: d (8) and e (6)
    expect(idsOf(model, rest!)).toEqual(['d', 'e']);
    const parts = tierParts(model, rest!);
    expect([...parts.values()].reduce((a, b) => a + b, 0)).toBe(14);
    const subject = subjectOf(model, rest!);
    expect('tierCounts' in subject && [...subject.tierCounts.values()].reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('reads the portfolio at the chart’s cutoff: only the vital few move, not the tiers', () => {
    const feed = parseFeed({ version: 1, accounts: seven });
    const portfolio = new Portfolio(feed.accounts);
    const half = paretoModel(portfolio, 0.5);
    expect([half.shares.vitalFew, half.shares.cutoff]).toEqual([1, 0.5]);
    expect(portfolio.tiers().tiers[0]!.accounts).toBe(3); // MVC at the portfolio's 80%
  });
});
