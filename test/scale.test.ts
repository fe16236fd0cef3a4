import { describe, expect, it } from 'vitest';
import { axisFor, polyline, scaleLinear, scaleLog, scaleSqrt, symlogTicks } from '../src/internal/scale.js';
import { createRandom } from '../src/analysis/random.js';

describe('position scales', () => {
  it('maps linearly, inverts, and nices to round ticks like d3', () => {
    const y = scaleLinear().domain([0, 93]).nice(5).range([300, 0]);
    expect(y.domain()).toEqual([0, 100]);
    expect(y.ticks(5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(y(50)).toBe(150);
    expect(y.invert(75)).toBe(75);
    expect(scaleLinear().domain([0.3, 9.7]).nice(10).domain()).toEqual([0, 10]);
  });

  it('handles a zero-width domain without dividing by zero', () => {
    expect(scaleLinear().domain([5, 5]).range([0, 100])(5)).toBe(50);
  });

  it('clamps on request', () => {
    const x = scaleLinear().domain([0, 10]).range([0, 100]);
    expect(x(20)).toBe(200);
    expect(x.clamp(true)(20)).toBe(100);
  });

  it('gives bubble radii whose areas follow the values', () => {
    const r = scaleSqrt().domain([0, 100]).range([0, 20]);
    expect(r(25)).toBe(10);
    expect(r.invert(10)).toBe(25);
  });

  it('spaces a log scale by decades with 1-2-5 ticks when there is room', () => {
    const x = scaleLog().domain([3, 870]).nice().range([0, 300]);
    expect(x.domain()).toEqual([1, 1000]);
    expect(x(10)).toBeCloseTo(100, 10);
    expect(x.ticks(10)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    expect(x.ticks(3)).toEqual([1, 10, 100, 1000]);
    expect(scaleLog().domain([1, 1e8]).ticks(4)).toEqual([1, 100, 10000, 1000000, 100000000]);
  });

  it('writes a polyline path like d3-shape line()', () => {
    expect(polyline([[1, 23], [50, 12.005], [99, 1]])).toBe('M1,23L50,12.01L99,1');
    expect(polyline([])).toBe('');
  });
});

describe('axes onto the unit square (the quadrant)', () => {
  it('a linear axis starts at zero, rounds outwards and contains the threshold', () => {
    const axis = axisFor('linear', 3, 87, 120);
    expect(axis.domain).toEqual([0, 120]);
    expect(axis.toUnit(60)).toBe(0.5);
    expect(axis.fromUnit(0.25)).toBe(30);
    expect(axisFor('linear', -12, 40, 5).domain).toEqual([-15, 40]); // d3's nice: step 5 for about 10 ticks
    expect(axisFor('linear', 0, 0, 0).domain).toEqual([0, 1]); // one value: a unit span
  });

  it('the symmetric log keeps zero and mirrors negative values', () => {
    const axis = axisFor('log', -100, 100, 0);
    const zero = axis.toUnit(0);
    expect(zero).toBeCloseTo(0.5, 10);
    expect(axis.toUnit(100) - zero).toBeCloseTo(zero - axis.toUnit(-100), 10);
    // ln(1 + 10) / ln(1 + 100) of the way from zero to 100: log spacing.
    expect((axis.toUnit(10) - zero) / (axis.toUnit(100) - zero)).toBeCloseTo(Math.log(11) / Math.log(101), 10);
    expect(axis.fromUnit(axis.toUnit(42))).toBeCloseTo(42, 8);
    const positive = axisFor('log', 0, 1000, 10);
    expect(positive.toUnit(0)).toBe(0); // zero sits on the axis, no padding below it
    expect(positive.toUnit(1000)).toBeLessThan(1);
  });

  it('maps a whole column to unit positions exactly as one value at a time', () => {
    const random = createRandom(9);
    const values = Float64Array.from({ length: 500 }, () => (random.chance(0.1) ? random.int(-3, 3) : random.normal(0, 1e4)));
    for (const axis of [axisFor('linear', -12, 40, 5), axisFor('linear', 0, 0, 0), axisFor('linear', 3, 1e7, 120), axisFor('log', -100, 1e6, 0), axisFor('log', 0, 1000, 10)]) {
      const out = new Float64Array(values.length);
      axis.toUnits(values, out);
      values.forEach((v, i) => expect(Object.is(out[i], axis.toUnit(v))).toBe(true));
    }
  });

  it('symmetric-log ticks are 0 and powers of ten, with 2 and 5 added when few decades show', () => {
    expect(symlogTicks(0, 1000, 6)).toEqual([0, 1, 10, 100, 1000]);
    expect(symlogTicks(-100, 100, 8)).toEqual([-100, -10, -1, 0, 1, 10, 100]);
    expect(symlogTicks(0, 12, 8)).toEqual([0, 1, 2, 5, 10]);
    expect(symlogTicks(0, 1e6, 4)).toEqual([0, 100, 10000, 1000000]);
    expect(symlogTicks(20, 30, 5)).toEqual([20, 22, 24, 26, 28, 30]); // narrower than one decade: linear ticks
  });
});

describe('no NaN or Infinity reaches an SVG attribute', () => {
  it('a scale places a value it cannot place at the end of its range: NaN at the start, ±Infinity at the matching end', () => {
    const y = scaleLinear().domain([0, 100]).range([300, 0]);
    expect([y(Number.NaN), y(Infinity), y(-Infinity)]).toEqual([300, 0, 300]);
    // A domain wider than the largest number (the feed keeps totals below it) still gives positions in the range.
    const wide = scaleLinear().domain([-1.7e308, 1.7e308]).range([0, 100]);
    expect([wide(1.7e308), wide(0), wide(-1.7e308)].every((x) => x >= 0 && x <= 100)).toBe(true);
    expect(scaleLog().domain([1, 1000]).range([0, 30])(0)).toBe(0); // log(0) = -Infinity
  });

  it('a path leaves out points without a finite position', () => {
    expect(polyline([[0, 0], [Number.NaN, 5], [10, Infinity], [20, 10]])).toBe('M0,0L20,10');
  });
});
