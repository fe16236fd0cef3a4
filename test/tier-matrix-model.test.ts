import { describe, expect, it } from 'vitest';
import { buildMatrix, selectedCounts } from '../src/analysis/portfolio-matrix.js';
import { bandAxis, bandNames, cleanCuts, parseCuts, potentialMeasures, tertileCuts, valueMeasures, type BandAxis, type PotentialField, type ValueField } from '../src/analysis/bands.js';
import { accountColumns } from '../src/analysis/columns.js';
import { selectInPlace } from '../src/analysis/numbers.js';
import { Portfolio } from '../src/analysis/portfolio.js';
import { cellAt, displayRows, idsOf, itemKey, itemOfKey, moveFocus, selectedIn, tierMatrixModel, topAccounts } from '../src/components/tier-matrix/tier-matrix-model.js';
import {
  axisNotes,
  balanceSentences,
  bandLabel,
  bandPhrase,
  describeCell,
  describeTier,
  summarySentence,
  tierCountsText,
  tierSummaryLine,
} from '../src/components/tier-matrix/tier-matrix-text.js';
import { moveInGrid } from '../src/internal/keyboard.js';
import { assignTiers, TIER_ORDER, usableRules } from '../src/analysis/tiers.js';
import { formatters } from '../src/internal/format.js';
import type { Account, Tier } from '../src/feed/schema.js';

const values = (...v: number[]) => Float64Array.from(v);
const bandsOf = (axis: ReturnType<typeof bandAxis>) => [...axis.bandOf];
/** One account's measure, read from its columns as the matrix reads it. */
const valueMeasure = (account: Account, field: ValueField) => valueMeasures(accountColumns([account]), field)[0]!;
const potentialMeasure = (account: Account, field: PotentialField) => potentialMeasures(accountColumns([account]), field)[0]!;
/** The matrix of these accounts with these tiers (buildMatrix takes tier indexes and the revenue column). */
const matrixOf = (accounts: Account[], tiers: Tier[], value: BandAxis, potential: BandAxis) =>
  buildMatrix(Uint8Array.from(tiers, (t) => TIER_ORDER.indexOf(t)), accountColumns(accounts).revenue, value, potential);

describe('tier matrix: measures', () => {
  const account: Account = { id: 'a', name: 'A', revenue: 100, potential: 250, profit: -5, clv: 900 };

  it('reads value as revenue, CLV or profit; a missing figure is NaN, not zero', () => {
    expect(valueMeasure(account, 'revenue')).toBe(100);
    expect(valueMeasure(account, 'clv')).toBe(900);
    expect(valueMeasure(account, 'profit')).toBe(-5);
    expect(valueMeasure({ id: 'b', name: 'B', revenue: 1 }, 'clv')).toBeNaN();
  });

  it('reads growth potential as headroom (potential − revenue), potential, or impact falling back to headroom', () => {
    expect(potentialMeasure(account, 'headroom')).toBe(150);
    expect(potentialMeasure(account, 'potential')).toBe(250);
    expect(potentialMeasure(account, 'impact')).toBe(150);
    expect(potentialMeasure({ ...account, impact: 7 }, 'impact')).toBe(7);
    expect(potentialMeasure({ id: 'b', name: 'B', revenue: 80, potential: 50 }, 'headroom')).toBe(-30);
    expect(potentialMeasure({ id: 'b', name: 'B', revenue: 1 }, 'headroom')).toBeNaN();
  });
});

describe('tier matrix: tertile bands', () => {
  it('cuts nine distinct values into thirds; the cut point is the smallest value of the upper band', () => {
    const axis = bandAxis(values(5, 1, 9, 2, 8, 3, 7, 4, 6));
    expect(axis.cuts).toEqual([4, 7]);
    expect(bandsOf(axis)).toEqual([1, 0, 2, 0, 2, 0, 2, 1, 1]);
    expect(axis.bands.map((b) => b.count)).toEqual([3, 3, 3]);
    expect(axis.bands.map((b) => [b.from, b.to])).toEqual([[undefined, 4], [4, 7], [7, undefined]]);
    expect(bandNames(axis)).toEqual(['Low', 'Medium', 'High']);
    expect(axis.note).toBeUndefined();
  });

  it('cuts six values at positions round(6/3) = 2 and round(12/3) = 4', () => {
    expect(tertileCuts(values(10, 20, 30, 40, 50, 60))).toEqual([30, 50]);
  });

  it('never splits equal values: a cut inside a tie moves to the nearest change of value', () => {
    // sorted 1 2 2 2 3: position 2 is inside the 2s; the change 1|2 (distance 1) is nearer than 2|3 (distance 2)
    const axis = bandAxis(values(2, 1, 2, 3, 2));
    expect(axis.cuts).toEqual([2, 3]);
    expect(bandsOf(axis)).toEqual([1, 0, 1, 2, 1]);
  });

  it('finds the same cuts as the definition on sorted values, on random data with many ties', () => {
    // The definition, literally: walk outwards from the position to the nearest change of value, lower first.
    const reference = (input: number[]) => {
      const sorted = [...input].sort((a, b) => a - b);
      const n = sorted.length;
      const cuts: number[] = [];
      for (const k of [1, 2]) {
        const at = Math.min(n - 1, Math.max(1, Math.round((n * k) / 3)));
        for (let d = 0; d < n; d++) {
          const down = at - d;
          const up = at + d;
          if (down >= 1 && sorted[down - 1]! < sorted[down]!) {
            if (sorted[down] !== cuts[cuts.length - 1]) cuts.push(sorted[down]!);
            break;
          }
          if (up <= n - 1 && sorted[up - 1]! < sorted[up]!) {
            if (sorted[up] !== cuts[cuts.length - 1]) cuts.push(sorted[up]!);
            break;
          }
        }
      }
      return n < 2 ? [] : cuts;
    };
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let run = 0; run < 300; run++) {
      const n = 1 + Math.floor(random() * 40);
      const spread = 1 + Math.floor(random() * 8);
      const input = Array.from({ length: n }, () => Math.floor(random() * spread));
      expect(tertileCuts(Float64Array.from(input))).toEqual(reference(input));
      const ascending = [...input].sort((a, b) => a - b);
      expect(tertileCuts(Float64Array.from(ascending))).toEqual(reference(input));
      expect(tertileCuts(Float64Array.from(ascending.reverse()))).toEqual(reference(input));
    }
  });

  it('bands long columns (read without copying or reordering them) with the same cuts as the selection', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let run = 0; run < 12; run++) {
      const n = 4096 + Math.floor(random() * 3000);
      const spread = [2, 3, 7, 50, 1e6][run % 5]!;
      const missing = run % 3 === 0 ? 0 : 0.2;
      const input = Float64Array.from({ length: n }, () => (random() < missing ? NaN : Math.floor(random() * spread) - spread / 3));
      const before = input.slice();
      const axis = bandAxis(input);
      expect(input).toEqual(before);
      const present = input.filter((v) => !Number.isNaN(v));
      expect(axis.cuts).toEqual(tertileCuts(present.slice()));
      const offset = present.length < n ? 1 : 0;
      const expected = [...input].map((v) => (Number.isNaN(v) ? 0 : offset + axis.cuts.filter((c) => v >= c).length));
      expect(bandsOf(axis)).toEqual(expected);
      const counts = axis.bands.map((band, b) => (band.missing ? n - present.length : expected.filter((e, i) => e === b && !Number.isNaN(input[i]!)).length));
      expect(axis.bands.map((b) => b.count)).toEqual(counts);
    }
    // All equal: one band, and the shared value.
    const same = bandAxis(new Float64Array(5000).fill(4.5));
    expect(same.cuts).toEqual([]);
    expect(same.note).toBe('all-equal');
    expect(same.sharedValue).toBe(4.5);
  });

  it('selects the k-th smallest value in place, smaller values before it and larger after', () => {
    const data = Float64Array.from([5, 3, 9, 3, 1, 7, 3, 8]);
    selectInPlace(data, 4);
    expect(data[4]).toBe(5);
    expect([...data.subarray(0, 4)].every((v) => v <= 5)).toBe(true);
    expect([...data.subarray(5)].every((v) => v >= 5)).toBe(true);
  });

  it('puts a value exactly at an explicit cut point into the upper band', () => {
    const axis = bandAxis(values(99, 100, 101, 500, 499), [100, 500]);
    expect(axis.explicit).toBe(true);
    expect(bandsOf(axis)).toEqual([0, 1, 1, 2, 1]);
  });

  it('merges coinciding cuts when ties dominate: two bands, Low and High, with a note', () => {
    // sorted 1 1 1 1 1 9: both cuts move to the only change of value, 1|9
    const axis = bandAxis(values(1, 1, 9, 1, 1, 1));
    expect(axis.cuts).toEqual([9]);
    expect(bandsOf(axis)).toEqual([0, 0, 1, 0, 0, 0]);
    expect(bandNames(axis)).toEqual(['Low', 'High']);
    expect(axis.note).toBe('ties');
  });

  it('collapses to one band when every account has the same value', () => {
    const axis = bandAxis(values(7, 7, 7, 7));
    expect(axis.cuts).toEqual([]);
    expect(axis.bands).toEqual([{ from: undefined, to: undefined, missing: false, count: 4 }]);
    expect(bandNames(axis)).toEqual(['All']);
    expect(axis.note).toBe('all-equal');
    expect(axis.sharedValue).toBe(7);
  });

  it('has one band for a single account', () => {
    const axis = bandAxis(values(42));
    expect(bandsOf(axis)).toEqual([0]);
    expect(axis.note).toBe('all-equal');
  });

  it('puts accounts without the measure into a first "No data" band and bands the rest without them', () => {
    const axis = bandAxis(values(NaN, 1, 2, 3, NaN));
    expect(axis.missing).toBe(2);
    expect(axis.cuts).toEqual([2, 3]);
    expect(bandsOf(axis)).toEqual([0, 1, 2, 3, 0]);
    expect(bandNames(axis)).toEqual(['No data', 'Low', 'Medium', 'High']);
    expect(axis.bands.map((b) => b.count)).toEqual([2, 1, 1, 1]);
  });

  it('collapses to one "No data" band when no account has the measure', () => {
    const axis = bandAxis(values(NaN, NaN, NaN));
    expect(axis.bands).toEqual([{ missing: true, count: 3 }]);
    expect(bandsOf(axis)).toEqual([0, 0, 0]);
    expect(axis.note).toBe('all-missing');
    expect(bandNames(axis)).toEqual(['No data']);
  });

  it('keeps empty bands between explicit cut points', () => {
    const axis = bandAxis(values(1, 2), [10, 20]);
    expect(axis.bands.map((b) => b.count)).toEqual([2, 0, 0]);
  });
});

describe('tier matrix: cut-point attributes', () => {
  it('parses commas or spaces and drops what is not a number', () => {
    expect(parseCuts('100000, 500000')).toEqual([100000, 500000]);
    expect(parseCuts('5 1e3 x')).toEqual([5, 1000]);
    expect(parseCuts('abc')).toBeUndefined();
    expect(parseCuts('')).toBeUndefined();
  });

  it('sorts, de-duplicates and keeps at most four cut points', () => {
    expect(cleanCuts([5, 1, 5, 3])).toEqual([1, 3, 5]);
    expect(cleanCuts([6, 5, 4, 3, 2, 1])).toEqual([1, 2, 3, 4]);
    expect(cleanCuts([NaN])).toBeUndefined();
  });
});

describe('tier matrix: cells and tiers', () => {
  const accounts: Account[] = [
    { id: 'a', name: 'A', revenue: 600 },
    { id: 'b', name: 'B', revenue: 300 },
    { id: 'c', name: 'C', revenue: 100 },
    { id: 'd', name: 'D', revenue: 0 },
  ];
  const tiers: Tier[] = ['MVC', 'MVC', 'STC', 'BZ'];
  // value: sorted 0 100 300 600, cuts at positions round(4/3) = 1 and round(8/3) = 3 -> [100, 600]:
  // d low, c and b medium, a high. Potential: one cut at 5, so a and c are high, b and d low.
  const value = bandAxis(values(600, 300, 100, 0));
  const potential = bandAxis(values(10, 0, 10, 0), [5]);
  const matrix = matrixOf(accounts, tiers, value, potential);

  it('counts accounts, revenue, share and tiers per cell (row = potential band, column = value band)', () => {
    expect(value.cuts).toEqual([100, 600]);
    expect(matrix.cells).toHaveLength(6);
    const summary = matrix.cells.map((c) => [c.potentialBand, c.valueBand, c.count, c.revenue, c.revenueShare, c.tierCounts]);
    expect(summary).toEqual([
      [0, 0, 1, 0, 0, [0, 0, 0, 1]], // d
      [0, 1, 1, 300, 0.3, [1, 0, 0, 0]], // b
      [0, 2, 0, 0, 0, [0, 0, 0, 0]],
      [1, 0, 0, 0, 0, [0, 0, 0, 0]],
      [1, 1, 1, 100, 0.1, [0, 0, 1, 0]], // c
      [1, 2, 1, 600, 0.6, [1, 0, 0, 0]], // a
    ]);
    expect([...matrix.cellMembers.subarray(matrix.cells[5]!.start, matrix.cells[5]!.end)]).toEqual([0]);
  });

  it('groups the accounts by tier, and the tiers add up to the feed', () => {
    expect(matrix.tiers.map((t) => [t.count, t.revenue, t.revenueShare])).toEqual([[2, 900, 0.9], [0, 0, 0], [1, 100, 0.1], [1, 0, 0]]);
    expect([...matrix.tierMembers.subarray(0, 2)]).toEqual([0, 1]);
    expect(matrix.totalRevenue).toBe(1000);
  });

  it('counts selected accounts per cell and per tier', () => {
    const counts = selectedCounts(matrix, [0, 1]);
    expect([...counts.cells]).toEqual([0, 1, 0, 0, 0, 1]);
    expect([...counts.tiers]).toEqual([2, 0, 0, 0]);
  });
});

describe('tier matrix: rules and keyboard', () => {
  it('keeps only usable rule parameters, so a bad one falls back to its default', () => {
    expect(usableRules({ cutoff: 1.5, growthThreshold: 0.1, headroomFactor: -1 })).toEqual({ growthThreshold: 0.1 });
    expect(usableRules({ cutoff: 0.7, headroomFactor: 0 })).toEqual({ cutoff: 0.7, headroomFactor: 0 });
    expect(usableRules(undefined)).toEqual({});
  });

  // a 3 x 3 grid (cells 0-8) and four tiers (9-12)
  const move = (key: string, from: number) => moveFocus(key, from, 3, 3, 4);

  it('moves across the cells and stops at the edges', () => {
    expect(move('ArrowRight', -1)).toBe(0);
    expect(move('ArrowRight', 0)).toBe(1);
    expect(move('ArrowRight', 2)).toBe(2);
    expect(move('ArrowLeft', 3)).toBe(3);
    expect(move('ArrowDown', 1)).toBe(4);
    expect(move('ArrowUp', 1)).toBe(1);
    expect(move('Home', 5)).toBe(3);
    expect(move('End', 3)).toBe(5);
    expect(move('a', 3)).toBeUndefined();
  });

  it('moves inside the grid exactly as the shared grid movement does', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End']) {
      for (let from = 0; from < 9; from++) {
        const crossing = (key === 'ArrowDown' && from >= 6) || (key === 'ArrowRight' && from === 8);
        if (!crossing) expect(move(key, from), `${key} from ${from}`).toBe(moveInGrid(key, from, 3, 3));
      }
    }
    expect(move('PageDown', 4)).toBeUndefined();
    expect(move('PageDown', 10)).toBeUndefined();
  });

  it('goes from the bottom row or the last cell into the tier summary and back', () => {
    expect(move('ArrowDown', 7)).toBe(9);
    expect(move('ArrowRight', 8)).toBe(9);
    expect(move('ArrowDown', 9)).toBe(10);
    expect(move('ArrowRight', 12)).toBe(12);
    expect(move('ArrowUp', 10)).toBe(9);
    expect(move('ArrowUp', 9)).toBe(8);
    expect(move('End', 9)).toBe(12);
    expect(move('Home', 12)).toBe(9);
  });
});

describe('tier matrix: drawn items', () => {
  const accounts: Account[] = [
    { id: 'a', name: 'A', revenue: 600 },
    { id: 'b', name: 'B', revenue: 300 },
    { id: 'c', name: 'C', revenue: 100 },
    { id: 'd', name: 'D', revenue: 0 },
  ];
  // The matrix of 'cells and tiers' above: value Low d · Medium b, c · High a; potential High a, c · Low b, d.
  const matrix = matrixOf(accounts, ['MVC', 'MVC', 'STC', 'BZ'], bandAxis(values(600, 300, 100, 0)), bandAxis(values(10, 0, 10, 0), [5]));

  it('numbers the cells row by row from the top (high potential) row, then the tiers', () => {
    expect(displayRows(matrix)).toEqual([1, 0]);
    // Items 0-2: high potential, low to high value (-, c, a); 3-5: low potential (d, b, -); 6-9: MVC, MGC, STC, BZ.
    expect([0, 1, 2, 3, 4, 5].map((item) => [cellAt(matrix, item).potentialBand, cellAt(matrix, item).valueBand])).toEqual([
      [1, 0], [1, 1], [1, 2], [0, 0], [0, 1], [0, 2],
    ]);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((item) => idsOf(accounts, matrix, item))).toEqual([[], ['c'], ['a'], ['d'], ['b'], [], ['a', 'b'], [], ['c'], ['d']]);
  });

  it('counts the selected accounts of an item', () => {
    const counts = selectedCounts(matrix, [0, 1]); // a and b
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((item) => selectedIn(matrix, counts, item))).toEqual([0, 0, 1, 0, 1, 0, 2, 0, 0, 0]);
    expect(selectedIn(matrix, undefined, 2)).toBe(0);
  });

  it('carries the focused item over to the matrix of a refreshed feed', () => {
    const same = matrixOf(accounts, ['MVC', 'MVC', 'STC', 'BZ'], bandAxis(values(600, 300, 100, 0)), bandAxis(values(10, 0, 10, 0), [5]));
    // No potential: one row of three cells, so the tiers start at item 3.
    const oneRow = matrixOf(accounts, ['MVC', 'MVC', 'STC', 'BZ'], bandAxis(values(600, 300, 100, 0)), bandAxis(values(NaN, NaN, NaN, NaN)));
    // The focused item is carried over by its key: the item in the next matrix that the key names.
    const carryFocus = (previous: typeof matrix, next: typeof matrix, item: number) => {
      const key = itemKey(previous, item);
      return key === undefined ? -1 : itemOfKey(next, key);
    };
    expect(carryFocus(matrix, same, 4)).toBe(4);
    expect(carryFocus(matrix, same, 9)).toBe(9);
    expect(carryFocus(matrix, oneRow, 9)).toBe(6); // BZ stays BZ
    expect(carryFocus(matrix, oneRow, 4)).toBe(-1); // that cell does not exist any more
    expect(carryFocus(oneRow, matrix, 2)).toBe(-1);
    expect(carryFocus(matrix, same, -1)).toBe(-1);
  });
});

describe('tier matrix: pipeline', () => {
  it('gives the same matrix as tiers, bands and buildMatrix one by one, and counts given tiers', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const accounts: Account[] = Array.from({ length: 500 }, (_, i) => ({
      id: `a${i}`,
      name: `A${i}`,
      revenue: Math.floor(random() * 1000),
      profit: Math.floor(random() * 200) - 40,
      ...(i % 7 ? { potential: Math.floor(random() * 3000) } : {}),
      ...(i % 50 === 0 ? { tier: 'MGC' as const } : {}),
    }));
    const model = tierMatrixModel(new Portfolio(accounts, { cutoff: 0.7 }), { valueField: 'revenue', potentialField: 'headroom' });
    const tiers = assignTiers(accounts, { cutoff: 0.7 });
    const columns = accountColumns(accounts);
    const value = bandAxis(valueMeasures(columns, 'revenue'));
    const potential = bandAxis(potentialMeasures(columns, 'headroom'));
    expect(model.tiers.tiers).toEqual(tiers.tiers);
    expect(model.matrix).toEqual(buildMatrix(tiers.tierIndex, columns.revenue, value, potential));
    expect(model.given).toEqual([0, 10, 0, 0]); // every 50th of 500 accounts is given MGC
    expect([model.valueNames, model.potentialNames]).toEqual([bandNames(value), bandNames(potential)]);
  });
});

describe('tier matrix: a portfolio narrowed by a filter', () => {
  // The whole feed: a 60% and b 90% of revenue reach the 80% cutoff, so a and b are MVC; c and d are STC.
  const accounts: Account[] = [
    { id: 'a', name: 'A', revenue: 600 },
    { id: 'b', name: 'B', revenue: 300 },
    { id: 'c', name: 'C', revenue: 100 },
    { id: 'd', name: 'D', revenue: 0 },
  ];
  const options = { valueField: 'revenue', potentialField: 'headroom' } as const;

  it('bands the accounts shown, and keeps the tier and rank each has in the whole feed', () => {
    const shown = tierMatrixModel(new Portfolio(accounts).narrow(Uint32Array.from([1, 2, 3])), options);
    // Revenue 300 100 0: cuts at positions 1 and 2, so 100 and 300 (over the whole feed they would be 100 and 600).
    expect(shown.matrix.value.cuts).toEqual([100, 300]);
    expect([...shown.matrix.value.bandOf]).toEqual([2, 1, 0]);
    // Tiered again on its own, b (75%) and c (100%) would be MVC; in the feed only b is.
    expect(shown.tiers.tiers.map((t) => t.accounts)).toEqual([1, 0, 2, 0]);
    expect([...shown.portfolio.root.ranking().rankOf.filter((_, i) => i >= 1 && i <= 3)]).toEqual([2, 3, 4]);
    expect(shown.matrix.tiers.map((t) => t.revenue)).toEqual([300, 0, 100, 0]);
  });
});

describe('tier matrix: top accounts', () => {
  // e and b both have 300; the feed lists e first.
  const accounts: Account[] = [
    { id: 'a', name: 'A', revenue: 600 },
    { id: 'e', name: 'E', revenue: 300 },
    { id: 'c', name: 'C', revenue: 100 },
    { id: 'd', name: 'D', revenue: 0 },
    { id: 'b', name: 'B', revenue: 300 },
  ];
  const options = { valueField: 'revenue', potentialField: 'headroom' } as const;
  const ids = (list: Account[]) => list.map((a) => a.id);

  it('lists an item’s accounts in the portfolio’s rank order: revenue, ties by name as the Pareto chart ranks them', () => {
    // No potential: one row. Revenue 0 100 300 300 600: both tertile cuts fall on 300, so two columns:
    // Low c d (item 0), High a e b (item 1). Then the tiers from item 2: MVC a, b, e (92% of revenue).
    const model = tierMatrixModel(new Portfolio(accounts), options);
    expect(ids(topAccounts(model, 1))).toEqual(['a', 'b', 'e']);
    expect(ids(topAccounts(model, 1, 2))).toEqual(['a', 'b']);
    expect(ids(topAccounts(model, 0))).toEqual(['c', 'd']);
    expect(ids(topAccounts(model, 2))).toEqual(['a', 'b', 'e']);
    expect(ids(topAccounts(model, 3))).toEqual([]);
  });

  it('keeps that order in a narrowed portfolio', () => {
    const model = tierMatrixModel(new Portfolio(accounts).narrow(Uint32Array.from([1, 3, 4])), options);
    expect(ids(topAccounts(model, model.matrix.cells.length))).toEqual(['b', 'e']); // the MVC tier
  });
});

describe('tier matrix: words', () => {
  const en = formatters('en-US', 'USD');
  const accounts: Account[] = [
    { id: 'a', name: 'A', revenue: 500, profit: 50, effort: 3 },
    { id: 'b', name: 'B', revenue: 200, profit: -10, effort: 1 },
    { id: 'c', name: 'C', revenue: 100, profit: 5 },
    { id: 'd', name: 'D', revenue: 0, profit: 0 },
  ];
  // Pareto 0.8 over 800: a (62.5%) then b would reach it, but b's profit is negative: BZ wins.
  const tiers = assignTiers(accounts);

  it('writes the summary sentence in the locale', () => {
    expect(summarySentence(en, tiers)).toBe('4 accounts: 1 MVC, 0 MGC, 2 STC, 1 BZ; MVCs hold 62.5% of revenue.');
    expect(summarySentence(formatters('de-DE', 'EUR'), tiers)).toBe('4 accounts: 1 MVC, 0 MGC, 2 STC, 1 BZ; MVCs hold 62,5\u00a0% of revenue.');
  });

  it('says "1 account" for one account and "0 accounts" for none', () => {
    expect(summarySentence(en, assignTiers([accounts[0]!]))).toBe('1 account: 1 MVC, 0 MGC, 0 STC, 0 BZ; MVCs hold 100.0% of revenue.');
    expect(summarySentence(en, assignTiers([]))).toBe('0 accounts: 0 MVC, 0 MGC, 0 STC, 0 BZ; MVCs hold 0.0% of revenue.');
  });

  it('writes a tier block as one line for screen readers', () => {
    const block = { code: 'BZ', name: 'Below Zero customers', figures: ['1 account', '$200 (25.0% of revenue)', 'profit -$10'], definition: 'Costs more than it earns.' };
    expect(tierSummaryLine(block)).toBe('BZ, Below Zero customers: 1 account, $200 (25.0% of revenue), profit -$10. Costs more than it earns.');
  });

  it('compares effort with revenue only for tiers with accounts, and says nothing without effort data', () => {
    expect(balanceSentences(en, tiers)).toEqual([
      'MVC accounts take 75.0% of effort and give 62.5% of revenue.',
      'STC accounts take 0.0% of effort and give 12.5% of revenue.',
      'BZ accounts take 25.0% of effort and give 25.0% of revenue.',
    ]);
    expect(balanceSentences(en, assignTiers(accounts.map(({ effort: _e, ...rest }) => rest)))).toEqual([]);
  });

  it('names bands with their bounds, a missing-data band by its measure, a collapsed band by its value', () => {
    const w = { f: en, valueField: 'clv' as const, potentialField: 'impact' as const };
    const clv = bandAxis(values(NaN, 1000, 2000, 3000));
    const names = bandNames(clv);
    expect(clv.bands.map((_, b) => bandLabel(w, 'value', clv, b, names))).toEqual([
      { name: 'No data', note: 'no CLV' },
      { name: 'Low', from: undefined, to: '$2K' },
      { name: 'Medium', from: '$2K', to: '$3K' },
      { name: 'High', from: '$3K', to: undefined },
    ]);
    expect(bandPhrase(w, 'value', clv, 0, names)).toBe('No CLV data');
    expect(bandPhrase(w, 'value', clv, 3, names)).toBe('High CLV');
    const impact = bandAxis(values(1500, 1500));
    expect(bandLabel(w, 'potential', impact, 0, bandNames(impact))).toEqual({ name: 'All', note: 'all 1.5K' });
    expect(bandPhrase(w, 'potential', impact, 0, bandNames(impact))).toBe('Any potential');
  });

  it('explains merged and missing bands', () => {
    const w = { f: en, valueField: 'revenue' as const, potentialField: 'impact' as const };
    const matrix = matrixOf(
      accounts,
      ['MVC', 'BZ', 'STC', 'STC'],
      bandAxis(values(5, 5, 5, 9)),
      bandAxis(values(NaN, 1, 2, 3)),
    );
    expect(axisNotes(w, matrix, 4)).toEqual([
      'Many accounts have the same revenue, so the tertile cuts coincide: two value bands instead of three.',
      '1 account has no impact score or potential figure; it is in the “No data” row.',
    ]);
  });

  it('describes a focused cell and a focused tier for the live region', () => {
    const cell = { valueBand: 0, potentialBand: 0, start: 0, end: 2, count: 2, revenue: 1500, revenueShare: 0.25, tierCounts: [1, 0, 1, 0] as [number, number, number, number] };
    expect(describeCell(en, 'Low revenue, high potential', cell, 1)).toBe('Low revenue, high potential: 2 accounts, $1.5K, 25.0% of revenue; tiers: 1 MVC, 1 STC. 1 selected.');
    // The tier's profit is part of what a keyboard user hears: BZ's is negative, a tier without accounts has none.
    expect(describeTier(en, tiers.tiers[3]!, 0)).toBe('BZ, Below Zero customers: 1 account, $200, 25.0% of revenue, profit -$10, 25.0% of effort.');
    expect(describeTier(en, tiers.tiers[1]!, 0)).toBe('MGC, Most Growable Customers: 0 accounts, $0, 0.0% of revenue, no profit data, 0.0% of effort.');
    expect(tierCountsText(en, [0, 0, 0, 0])).toBe('none');
  });
});
