/**
 * Where the quadrant puts its red-flag marks (quadrant-marks.ts `placeFlags`): at the upper right of each
 * flagged point in view, at most a limit of them, the severe ones first and then by size.
 */
import { describe, expect, it } from 'vitest';
import { Portfolio } from '../src/analysis/portfolio.js';
import type { Account } from '../src/feed/schema.js';
import { formatters } from '../src/internal/format.js';
import { quadrantChart } from '../src/components/quadrant/quadrant-layout.js';
import { quadrantModel } from '../src/components/quadrant/quadrant-model.js';
import { MAX_FLAG_MARKS, placeFlags } from '../src/components/quadrant/quadrant-marks.js';
import { FULL_VIEW } from '../src/components/quadrant/quadrant-zoom.js';

// Four plotted accounts, largest first: a 400, b 300, c 200, d 100.
const accounts = [
  { id: 'a', name: 'A', revenue: 400, effort: 10, impact: 100 },
  { id: 'b', name: 'B', revenue: 300, effort: 20, impact: 50 },
  { id: 'c', name: 'C', revenue: 200, effort: 30, impact: 20 },
  { id: 'd', name: 'D', revenue: 100, effort: 40, impact: 80 },
] as Account[];
const model = quadrantModel(new Portfolio(accounts), undefined, undefined, 'linear');
const { layout } = quadrantChart(model, 600, FULL_VIEW, false, {}, formatters('en-US'));
/** A point's index by account id. */
const point = (id: string) => [...model.scatter.account].indexOf(accounts.findIndex((a) => a.id === id));

describe('the quadrant’s flag marks', () => {
  // Levels by account: a none, b warning, c severe, d warning.
  const level = Uint8Array.from([0, 1, 2, 1]);

  it('go at the upper right of each flagged point, half a flag beyond 0.7 of its radius', () => {
    const placed = placeFlags(model.scatter, layout, level);
    expect(placed.size).toBe(8);
    expect(placed.inView).toBe(3);
    const at = (id: string) => {
      const k = point(id);
      const offset = layout.radius[k]! * 0.7 + 4;
      return { x: layout.px[k]! + offset, y: layout.py[k]! - offset };
    };
    // The severe one first, then the warnings by size (b 300 before d 100).
    expect(placed.marks).toEqual([
      { ...at('c'), level: 2 },
      { ...at('b'), level: 1 },
      { ...at('d'), level: 1 },
    ]);
  });

  it('are at most the limit: the severe ones first, then the largest', () => {
    const placed = placeFlags(model.scatter, layout, level, 2);
    expect(placed.inView).toBe(3);
    expect(placed.marks.map((m) => m.level)).toEqual([2, 1]);
    expect(placed.marks[1]!.x).toBeCloseTo(layout.px[point('b')]! + layout.radius[point('b')]! * 0.7 + 4, 6);
    expect(MAX_FLAG_MARKS).toBe(2000);
  });

  it('are none without flags', () => {
    expect(placeFlags(model.scatter, layout, new Uint8Array(4))).toMatchObject({ marks: [], inView: 0 });
  });
});
