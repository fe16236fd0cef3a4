import { describe, expect, it, vi } from 'vitest';
import type { Account } from '../src/feed/schema.js';
import { quadrants } from '../src/analysis/quadrant.js';
import { nearestInDirection, nearestPoint, pointsInBox, quadrantAfter, scatterOf, topPoints } from '../src/components/quadrant/quadrant-scatter.js';
import { idsOfPoints, pointOfId, pointsOfQuadrant, quadrantModel, quadrantSplit, selectionMask } from '../src/components/quadrant/quadrant-model.js';
import { Portfolio } from '../src/analysis/portfolio.js';
import type { ReactiveControllerHost } from 'lit';
import { quadrantLayout, type LayoutOptions } from '../src/components/quadrant/quadrant-layout.js';
import { ChartZoom, FULL_VIEW, panTo, unitsOf, windowAt, windowOf, zoomAround } from '../src/components/quadrant/quadrant-zoom.js';
import { placeLabels } from '../src/components/quadrant/quadrant-labels.js';
import { shapePath } from '../src/components/quadrant/quadrant-shapes.js';
import { blendStamp, makeStamp, parseColour, stampOf, toStraightAlpha } from '../src/components/quadrant/quadrant-raster.js';
import { drawPoints, pointArea, rasterizePoints, type PointsDrawing } from '../src/components/quadrant/quadrant-canvas.js';
import { createRandom } from '../src/analysis/random.js';

const acc = (id: string, revenue: number, effort: number, impact: number): Account => ({ id, name: id, revenue, effort, impact });

/** Effort 0..100, impact 0..100 (linear axes need no rounding), revenue 100, 25, 1, 0. */
const accounts = [acc('a', 100, 0, 100), acc('b', 25, 100, 0), acc('c', 1, 50, 50), acc('d', 0, 50, 50)];
const scatter = scatterOf(quadrants(accounts), new Uint8Array(4).fill(2), 'linear'); // all STC

describe('the scatter', () => {
  it('places each account on the unit square and knows the lead of each quadrant', () => {
    expect([...scatter.u]).toEqual([0, 1, 0.5, 0.5]);
    expect([...scatter.v]).toEqual([1, 0, 0.5, 0.5]);
    expect([scatter.splitU, scatter.splitV]).toEqual([0.5, 0.5]);
    // Medians 50 and 50; ties go high: c and d are strategic.
    expect([...scatter.quadrant]).toEqual([0, 3, 1, 1]);
    expect([...scatter.quadrantLead]).toEqual([0, 2, -1, 1]);
    expect(scatter.maxRevenue).toBe(100);
  });

  it('finds the points in a box, edges included, in point order', () => {
    expect(pointsInBox(scatter, 0.5, 1, 0, 0.5)).toEqual([1, 2, 3]);
    expect(pointsInBox(scatter, 0, 0.4, 0, 1)).toEqual([0]);
    expect(pointsInBox(scatter, 0.6, 0.9, 0.6, 0.9)).toEqual([]);
  });

  it('finds the nearest point by the distance to its edge, preferring the nearer centre inside overlapping bubbles', () => {
    // 100 px per unit on both axes, origin at (0, 100).
    const map = { u0: 0, v0: 0, x0: 0, y0: 100, sx: 100, sy: 100 };
    const radius = new Float32Array([20, 10, 2, 30]);
    expect(nearestPoint(scatter, map, 5, 5, radius, 30, 16)).toBe(0); // on a
    expect(nearestPoint(scatter, map, 50, 50, radius, 30, 16)).toBe(2); // c's centre, inside d's big bubble
    expect(nearestPoint(scatter, map, 70, 50, radius, 30, 16)).toBe(3); // inside d only
    expect(nearestPoint(scatter, map, 100, 60, radius, 30, 16)).toBe(-1); // beyond reach of all
  });

  it('ranks the top points by a value, ties in point order', () => {
    const values = new Float64Array([5, 9, 9, 1, 7]);
    expect(topPoints(values, 3)).toEqual([1, 2, 4]);
    expect(topPoints(values, 2, (k) => k !== 1)).toEqual([2, 4]);
    expect(topPoints(values, 0)).toEqual([]);
  });
});

describe('the model: the portfolio split, with its tiers', () => {
  /**
   * Seven accounts, tiers computed (none given). f has no effort: six are plotted. c's impact is its
   * growth headroom 160 − 100 = 60. Whole feed's medians: effort (10 10 20 40 50 70) 30, impact
   * (5 10 50 60 80 100) 55. Ranked a 500, b 200, c 100, g 100 (ties by name), d 80, f 50, e 20 of 1,050:
   * cumulative 47.6%, 66.7%, 76.2%, 85.7%: the vital few are a, b, c, g at 80% and a, b at 50%. d has
   * negative profit (BZ).
   */
  const seven: Account[] = [
    { id: 'a', name: 'Acme', revenue: 500, effort: 10, impact: 100, region: 'EMEA' },
    { id: 'b', name: 'Bolt', revenue: 200, effort: 20, impact: 50, region: 'APAC' },
    { id: 'c', name: 'Cobalt', revenue: 100, effort: 40, potential: 160, region: 'EMEA' },
    { id: 'd', name: 'Drain Co', revenue: 80, effort: 50, impact: 10, profit: -20, region: 'APAC' },
    { id: 'e', name: 'Ember', revenue: 20, effort: 70, impact: 5, region: 'EMEA' },
    { id: 'f', name: 'Flint', revenue: 50, impact: 30, region: 'APAC' },
    { id: 'g', name: 'Garnet', revenue: 100, effort: 10, impact: 80, region: 'EMEA' },
  ];
  const whole = new Portfolio(seven);
  const emea = whole.narrow(Uint32Array.of(0, 2, 4, 6)); // a, c, e, g
  const counts = (result: ReturnType<typeof quadrantSplit>) => result.quadrants.map((q) => q.accounts);

  it('is the portfolio’s own split without thresholds of the widget’s own', () => {
    expect(quadrantSplit(whole)).toBe(whole.quadrants());
    expect(quadrantSplit(emea)).toBe(emea.quadrants());
  });

  it('splits a filtered portfolio at the whole feed’s medians, not its own', () => {
    const split = quadrantSplit(emea);
    expect([split.effortThreshold, split.impactThreshold]).toEqual([30, 55]);
    // Quick wins a, g; Strategic c (40, 60); Over-served e. At EMEA's own medians (25, 70) c would be over-served.
    expect(counts(split)).toEqual([2, 1, 0, 1]);
    expect(split.thresholdSource).toEqual({ effort: 'median', impact: 'median' });
  });

  it('replaces one axis’ median with the widget’s threshold and keeps the whole feed’s on the other', () => {
    const effort = quadrantSplit(emea, 50);
    expect([effort.effortThreshold, effort.impactThreshold]).toEqual([50, 55]);
    expect(effort.thresholdSource).toEqual({ effort: 'given', impact: 'median' });
    expect(counts(effort)).toEqual([3, 0, 0, 1]); // c: effort 40 < 50 is low now
    const impact = quadrantSplit(emea, undefined, 70);
    expect([impact.effortThreshold, impact.impactThreshold]).toEqual([30, 70]);
    expect(impact.thresholdSource).toEqual({ effort: 'median', impact: 'given' });
    expect(counts(impact)).toEqual([2, 0, 0, 2]); // c: impact 60 < 70, effort 40 ≥ 30: over-served
  });

  it('gives each point the portfolio’s tier, under the portfolio’s rules', () => {
    // Points a, b, c, d, e, g (f is not plotted); TIER_ORDER indices MVC 0, MGC 1, STC 2, BZ 3.
    expect([...quadrantModel(whole, undefined, undefined, 'linear').scatter.tier]).toEqual([0, 0, 0, 3, 2, 0]);
    const half = new Portfolio(seven, { cutoff: 0.5 });
    expect([...quadrantModel(half, undefined, undefined, 'linear').scatter.tier]).toEqual([0, 0, 2, 3, 2, 2]);
    // A filter keeps the whole feed's tiers: a, c, g are MVC in EMEA as in the whole feed.
    expect([...quadrantModel(emea, undefined, undefined, 'linear').scatter.tier]).toEqual([0, 0, 2, 0]);
  });

  it('finds points by account id, accounts by point, a quadrant’s points and the selected points', () => {
    const model = quadrantModel(whole, undefined, undefined, 'linear');
    expect([...model.pointOf]).toEqual([0, 1, 2, 3, 4, -1, 5]);
    expect(['g', 'f', 'gone'].map((id) => pointOfId(model, id))).toEqual([5, -1, -1]);
    expect(idsOfPoints(model, [5, 0])).toEqual(['g', 'a']);
    expect(pointsOfQuadrant(model, 'quick-wins')).toEqual([0, 5]);
    expect(pointsOfQuadrant(model, 'over-served')).toEqual([3, 4]);
    expect(selectionMask(model, new Set(['f', 'gone']))).toBeUndefined(); // none of them plotted
    expect([...selectionMask(model, new Set(['g', 'f']))!]).toEqual([0, 0, 0, 0, 0, 1]);
    expect(pointOfId(quadrantModel(emea, undefined, undefined, 'linear'), 'b')).toBe(-1); // not shown
  });
});

describe('moving between quadrants', () => {
  it('goes to the next (or previous) quadrant that has points, from the first (or last) with no focus', () => {
    // Quadrants of the points: quick wins, over-served, strategic, strategic; Maintain is empty.
    expect(quadrantAfter(scatter, -1, 1)).toBe(0);
    expect(quadrantAfter(scatter, -1, -1)).toBe(3);
    expect(quadrantAfter(scatter, 2, 1)).toBe(3); // from Strategic past the empty Maintain
    expect(quadrantAfter(scatter, 1, 1)).toBe(0); // from Over-served round to Quick wins
    expect(quadrantAfter(scatter, 1, -1)).toBe(1);
    expect(quadrantAfter(scatterOf(quadrants([]), new Uint8Array(0), 'linear'), -1, 1)).toBe(-1);
  });
});

describe('the zoom window', () => {
  it('reads the unit rectangle under a dragged pixel rectangle, at least the smallest window', () => {
    const map = { u0: 0, v0: 0, x0: 0, y0: 100, sx: 100, sy: 100 };
    expect(unitsOf(map, { x0: 10, y0: 20, x1: 50, y1: 60 })).toEqual({ u0: 0.1, u1: 0.5, v0: 0.4, v1: 0.8 });
    expect(windowOf({ u0: 0.5, u1: 0.5, v0: 0.25, v1: 0.25 })).toEqual({ u0: 0.5, u1: 0.5 + 1 / 256, v0: 0.25, v1: 0.25 + 1 / 256 });
  });

  it('zooms and resets announced, follows a point out of view silently, and starts again whole on new axes', () => {
    const host = { requestUpdate: vi.fn() } as unknown as ReactiveControllerHost;
    const announced: unknown[] = [];
    const zoom = new ChartZoom(host, { announce: (window) => announced.push(window) });
    zoom.by(2);
    expect(zoom.window).toEqual({ u0: 0.25, u1: 0.75, v0: 0.25, v1: 0.75 });
    zoom.by(2, { u: 0.1, v: 0.95 });
    expect(zoom.window).toEqual({ u0: 0, u1: 0.25, v0: 0.75, v1: 1 });
    zoom.reveal(0.2, 0.8); // in view: stays
    expect(zoom.window).toEqual({ u0: 0, u1: 0.25, v0: 0.75, v1: 1 });
    zoom.reveal(0.5, 0.5);
    expect(zoom.window).toEqual({ u0: 0.375, u1: 0.625, v0: 0.375, v1: 0.625 });
    zoom.set(FULL_VIEW);
    expect(announced).toEqual([{ u0: 0.25, u1: 0.75, v0: 0.25, v1: 0.75 }, { u0: 0, u1: 0.25, v0: 0.75, v1: 1 }, FULL_VIEW]);
    expect(host.requestUpdate).toHaveBeenCalledTimes(4);
    zoom.by(4);
    zoom.reset();
    expect(zoom.window).toBe(FULL_VIEW);
    expect(announced).toHaveLength(4);
  });
});

describe('keyboard movement', () => {
  // Screen pixels, y downwards:  0 at (0, 0), 1 at (10, 2), 2 at (10, -30), 3 at (-5, 0), 4 at (10, 2) again.
  const px = new Float32Array([0, 10, 10, -5, 10]);
  const py = new Float32Array([0, 2, -30, 0, 2]);

  it('moves to the nearest point within 45° of the direction', () => {
    expect(nearestInDirection(0, 'ArrowRight', px, py)).toBe(1);
    expect(nearestInDirection(0, 'ArrowLeft', px, py)).toBe(3);
    expect(nearestInDirection(0, 'ArrowUp', px, py)).toBe(2);
  });

  it('falls back to the nearest point on that side, and to -1 when there is none', () => {
    expect(nearestInDirection(0, 'ArrowDown', px, py)).toBe(1); // 1 and 4 are 10 right, 2 down: outside 45°, same spot
    expect(nearestInDirection(2, 'ArrowUp', px, py)).toBe(-1);
    expect(nearestInDirection(3, 'ArrowLeft', px, py)).toBe(-1);
  });

  it('steps through points at the same position in order', () => {
    expect(nearestInDirection(1, 'ArrowRight', px, py)).toBe(4);
    expect(nearestInDirection(4, 'ArrowLeft', px, py)).toBe(1);
    expect(nearestInDirection(4, 'ArrowRight', px, py)).toBe(-1);
  });
});

const layoutOptions: LayoutOptions = {
  width: 600,
  zoom: FULL_VIEW,
  minRadius: 2,
  formatX: String,
  formatY: String,
  legend: ['MVC', 'MGC', 'STC', 'BZ', 'Bubble area = revenue'],
  names: {
    'quick-wins': { name: 'Quick wins', count: '1' },
    strategic: { name: 'Strategic investments', count: '2' },
    maintain: { name: 'Maintain', count: '0' },
    'over-served': { name: 'Over-served', count: '1' },
  },
  splitText: {},
};

describe('layout', () => {
  const options = layoutOptions;
  const layout = quadrantLayout(scatter, options);

  it('sizes bubbles by area ∝ revenue with a floor, and draws the largest first', () => {
    expect(layout.maxRadius).toBe(28);
    expect(layout.radius[0]).toBeCloseTo(28, 5);
    expect(layout.radius[1]).toBeCloseTo(14, 5); // a quarter of the revenue, half the radius
    expect(layout.radius[2]).toBeCloseTo(2.8, 5);
    expect(layout.radius[3]).toBe(2); // no revenue: the floor
    expect([...layout.drawOrder]).toEqual([0, 1, 2, 3]);
  });

  it('puts the plot box under the legend, the splits in it and the four quadrants around them', () => {
    // Widest y tick "100": 19.1 px; + 8 + 18 -> left 46. One legend row: top 32. Plot height 300.
    expect([layout.left, layout.right, layout.top, layout.bottom]).toEqual([46, 582, 32, 332]);
    expect(layout.splitX).toBe(46 + 268);
    expect(layout.splitY).toBe(32 + 150);
    expect(layout.regions['over-served']).toEqual({ x0: 314, y0: 182, x1: 582, y1: 332 });
    expect([layout.px[0], layout.py[0]]).toEqual([46, 32]);
    expect(layout.names.map((n) => n.id)).toEqual(['quick-wins', 'strategic', 'maintain', 'over-served']);
  });

  it('labels the split lines above the effort split and at the right end of the impact split', () => {
    const labelled = quadrantLayout(scatter, { ...options, splitText: { effort: 'median 50', impact: 'median 50' } });
    const [effort, impact] = labelled.splitLabels;
    expect([effort!.x, effort!.y, effort!.anchor]).toEqual([314, 28, 'middle']); // centred on the split, 4 px above the plot
    expect([impact!.x, impact!.y, impact!.anchor]).toEqual([578, 178, 'end']); // 4 px in from the right, 4 px above the line
    // No quadrant name overlaps a split label.
    const overlap = (a: { x0: number; y0: number; x1: number; y1: number }, b: typeof a) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    expect(labelled.names.some((n) => labelled.splitLabels.some((l) => overlap(n.box, l.box)))).toBe(false);
    expect(layout.splitLabels).toEqual([]);
  });

  it('keeps quadrant names clear of the largest bubbles when another corner is free', () => {
    // a (radius 28) sits in the top-left corner of Quick wins: its name moves to the top-right corner of it.
    const quickWins = layout.names[0]!;
    expect(quickWins.anchor).toBe('end');
    expect(quickWins.box.x1).toBe(layout.splitX! - 6);
    expect(layout.names[1]!.lines).toEqual(['Strategic investments (2)']);
  });

  it('shows only the points in a zoomed window, with the same bubble sizes', () => {
    const zoomed = quadrantLayout(scatter, { ...options, zoom: { u0: 0.4, u1: 0.6, v0: 0.4, v1: 0.6 } });
    expect(zoomed.zoomed).toBe(true);
    expect([...zoomed.drawOrder]).toEqual([2, 3]);
    expect(zoomed.radius[1]).toBeCloseTo(14, 5);
    expect(zoomed.splitX).toBe(46 + 268);
  });

  it('zooms around a point and pans, staying inside the unit square', () => {
    expect(zoomAround(FULL_VIEW, 2, 0.5, 0.5)).toEqual({ u0: 0.25, u1: 0.75, v0: 0.25, v1: 0.75 });
    expect(zoomAround(FULL_VIEW, 2, 0.1, 0.95)).toEqual({ u0: 0, u1: 0.5, v0: 0.5, v1: 1 });
    expect(zoomAround({ u0: 0, u1: 0.5, v0: 0.5, v1: 1 }, 0.5, 0.25, 0.75)).toBe(FULL_VIEW);
    expect(panTo({ u0: 0, u1: 0.5, v0: 0, v1: 0.5 }, 0.9, 0.5)).toEqual({ u0: 0.5, u1: 1, v0: 0.25, v1: 0.75 });
    expect(windowAt(-1, 2, 0.25, 0.25)).toEqual({ u0: 0, u1: 0.25, v0: 0.75, v1: 1 });
  });
});

describe('labels', () => {
  const bounds = { x0: 0, y0: 0, x1: 400, y1: 300 };

  it('takes the first free position: right, then left, above, below', () => {
    const placed = placeLabels(
      [
        { point: 0, text: 'Acme', x: 100, y: 100, r: 10 },
        { point: 1, text: 'Bolt', x: 100, y: 100, r: 10 },
        { point: 2, text: 'Cobalt', x: 100, y: 100, r: 10 },
      ],
      [],
      [],
      bounds,
    );
    expect(placed.map((l) => [l.text, l.anchor, l.x])).toEqual([
      ['Acme', 'start', 113],
      ['Bolt', 'end', 87],
      ['Cobalt', 'middle', 100],
    ]);
    expect(placed[2]!.box.y1).toBe(87); // above the bubble
  });

  it('keeps off blocked boxes and bubbles, stays inside the bounds, and drops a label with no room', () => {
    const placed = placeLabels(
      [
        { point: 0, text: 'Edge', x: 395, y: 5, r: 4 }, // right and above are out of bounds
        { point: 1, text: 'Boxed', x: 200, y: 150, r: 5 },
      ],
      [{ x: 230, y: 150, r: 8 }], // a bubble right of Boxed
      [
        { x0: 100, y0: 100, x1: 190, y1: 200 }, // left of Boxed
        { x0: 150, y0: 120, x1: 260, y1: 146 }, // above
        { x0: 150, y0: 155, x1: 260, y1: 190 }, // below
        { x0: 150, y0: 120, x1: 260, y1: 190 }, // and every corner
      ],
      bounds,
    );
    expect(placed.map((l) => [l.text, l.anchor])).toEqual([['Edge', 'end']]);
  });
});

describe('shapes', () => {
  const area = (d: string) => {
    const pts = d.slice(1, -1).split('L').map((p) => p.split(',').map(Number) as [number, number]);
    let sum = 0;
    for (let i = 0; i < pts.length; i++) {
      const [x1, y1] = pts[i]!;
      const [x2, y2] = pts[(i + 1) % pts.length]!;
      sum += x1 * y2 - x2 * y1;
    }
    return Math.abs(sum) / 2;
  };

  it('gives every tier shape the area of the circle of the same radius', () => {
    expect(shapePath(0, 50, 50, 20)).toBe('M30,50a20,20 0 1,0 40,0a20,20 0 1,0 -40,0Z');
    for (const tier of [1, 2, 3]) expect(area(shapePath(tier, 0, 0, 100)) / (Math.PI * 100 * 100)).toBeCloseTo(1, 2);
  });
});

describe('raster (the canvas layer)', () => {
  const sum = (values: Float32Array) => values.reduce((a, b) => a + b, 0);

  it('makes stamps whose coverage adds up to the shape area, π r² (within sampling error), for every tier', () => {
    for (const tier of [0, 1, 2, 3]) {
      const stamp = makeStamp(tier, 3);
      // 4 x 4 samples per pixel: within 3% of the exact area.
      expect(Math.abs(sum(stamp.coverage) / (Math.PI * 9) - 1)).toBeLessThan(0.03);
    }
    // A circle of radius 3 needs ceil(3 + 0.5) = 4 pixels each side of the centre pixel; the triangle's
    // apex lies 1.555 r = 4.67 px above its centre: ceil(4.67 + 0.5) = 6 each side.
    const circle = makeStamp(0, 3);
    expect(circle.size).toBe(9);
    expect(makeStamp(1, 3).size).toBe(13);
    // The centre pixel is fully inside, a corner pixel fully outside.
    expect(circle.coverage[4 * 9 + 4]).toBe(1);
    expect(circle.coverage[0]).toBe(0);
  });

  it('blends source-over in premultiplied alpha, clipped, and converts back to straight alpha', () => {
    const buffer = { data: new Uint8ClampedArray(3 * 3 * 4), width: 3, height: 3 };
    const dot = stampOf(new Float32Array([1]), 1);
    const all = { x0: 0, y0: 0, x1: 3, y1: 3 };
    blendStamp(buffer, dot, 1, 1, [200, 100, 0], 0.5, all);
    expect([...buffer.data.slice(16, 20)]).toEqual([100, 50, 0, 128]); // 127.5 rounds to 128
    blendStamp(buffer, dot, 1, 1, [0, 0, 200], 0.5, all);
    // out = src·a + dst·(1 − a): red 100·0.5 = 50, green 25, blue 100, alpha 127.5 + 128·0.5 = 191.5
    expect([...buffer.data.slice(16, 20)]).toEqual([50, 25, 100, 192]);
    blendStamp(buffer, dot, 0, 0, [255, 255, 255], 1, { x0: 1, y0: 1, x1: 3, y1: 3 });
    expect([...buffer.data.slice(0, 4)]).toEqual([0, 0, 0, 0]); // outside the clip: untouched
    toStraightAlpha(buffer.data);
    expect([...buffer.data.slice(16, 20)]).toEqual([66, 33, 133, 192]); // 50·255/192 = 66.4, ...
  });

  it('rasterizes only the point area: the same pixels as the whole bitmap, nothing outside it', () => {
    const random = createRandom(5);
    const many = Array.from({ length: 3000 }, (_, i) => acc(`p${i}`, random.int(0, 5000), random.int(0, 100), random.int(-50, 100)));
    const tiers = Uint8Array.from(many, () => random.int(0, 3));
    const big = scatterOf(quadrants(many), tiers, 'linear');
    const colours = { tiers: ['#1f5fbf', '#1a7f37', '#7d4fc9', '#c1121f'], selected: '#1f2328' };
    for (const [zoom, selected] of [
      [FULL_VIEW, undefined],
      [{ u0: 0.2, u1: 0.7, v0: 0.1, v1: 0.6 }, Uint8Array.from(many, (_, i) => (i % 7 === 0 ? 1 : 0))],
    ] as const) {
      const layout = quadrantLayout(big, { ...layoutOptions, width: 500, zoom, minRadius: 1 });
      const drawing: PointsDrawing = { scatter: big, layout, selected, colours };
      const scale = 2;
      const width = Math.round(layout.width * scale);
      const height = Math.round(layout.height * scale);
      const whole = { data: new Uint8ClampedArray(width * height * 4), width, height };
      rasterizePoints(whole, drawing, scale);
      const area = pointArea(drawing, scale, width, height);
      const part = { data: new Uint8ClampedArray((area.x1 - area.x0) * (area.y1 - area.y0) * 4), width: area.x1 - area.x0, height: area.y1 - area.y0 };
      rasterizePoints(part, drawing, scale, { x: area.x0, y: area.y0 });
      // The part put at its origin into an empty bitmap must give the whole bitmap, byte for byte.
      const composed = new Uint8ClampedArray(width * height * 4);
      for (let y = area.y0; y < area.y1; y++) composed.set(part.data.subarray((y - area.y0) * part.width * 4, (y - area.y0 + 1) * part.width * 4), (y * width + area.x0) * 4);
      let differing = 0;
      let drawn = 0;
      for (let i = 0; i < composed.length; i++) if (composed[i] !== whole.data[i]) differing++;
      for (let i = 3; i < composed.length; i += 4) if (composed[i]) drawn++;
      expect(differing).toBe(0);
      expect(drawn).toBeGreaterThan(1000);
    }
  });

  it('puts the point area at its place and clears the rest of a canvas that was drawn before', () => {
    const layout = quadrantLayout(scatter, { ...layoutOptions, minRadius: 1 });
    const drawing: PointsDrawing = { scatter, layout, colours: { tiers: ['#000', '#111', '#222', '#333'], selected: '#fff' } };
    const calls: string[] = [];
    const canvas = { width: Math.round(layout.width), height: Math.round(layout.height) };
    const context = {
      canvas,
      clearRect: (...args: number[]) => calls.push(`clear ${args.join(' ')}`),
      createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
      putImageData: (image: { width: number; height: number }, x: number, y: number) => calls.push(`put ${image.width}x${image.height} at ${x} ${y}`),
    } as unknown as CanvasRenderingContext2D;
    const area = pointArea(drawing, 1, canvas.width, canvas.height);
    drawPoints(context, drawing, 1);
    drawPoints(context, drawing, 1, { blank: true });
    expect(calls).toEqual([
      `clear 0 0 ${canvas.width} ${canvas.height}`,
      `put ${area.x1 - area.x0}x${area.y1 - area.y0} at ${area.x0} ${area.y0}`,
      `put ${area.x1 - area.x0}x${area.y1 - area.y0} at ${area.x0} ${area.y0}`,
    ]);
  });

  it('reads the colours a canvas context reports', () => {
    expect(parseColour('#1f5fbf')).toEqual([31, 95, 191]);
    expect(parseColour('#fff')).toEqual([255, 255, 255]);
    expect(parseColour('rgba(10, 20, 30, 0.5)')).toEqual([10, 20, 30]);
    expect(parseColour('var(--x)')).toEqual([136, 136, 136]);
  });
});
