import { describe, expect, it } from 'vitest';
import { pareto } from '../src/analysis/pareto.js';
import { cutoffCrossing, paretoBars } from '../src/components/pareto/pareto-model.js';

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
