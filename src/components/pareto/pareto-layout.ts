/**
 * Geometry of the Pareto chart: margins from the tick labels, the bar slots, the y scales and the
 * category labels that fit. Pure functions of sizes and numbers; the element turns them into SVG.
 */
import { scaleLinear, type Scale } from '../../internal/scale.js';
import { textWidth } from '../../internal/text-fit.js';
import type { ParetoBar } from './pareto-model.js';

/** Average glyph width of the 11 px chart font (see internal/text-fit). */
const CHAR_WIDTH = textWidth('x');
export const MIN_BAR_STEP = 2;

export interface ParetoLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Horizontal distance between bar starts, and the drawn bar width. */
  step: number;
  barWidth: number;
  revenue: Scale;
  share: Scale;
  revenueTicks: number[];
  shareTicks: number[];
}

export { textWidth };

/** The most bars there is room for in a plot of this width. */
export function maxBarsFor(width: number, formatTick: (v: number) => string, maxRevenue: number): number {
  const plotWidth = width - leftMargin(formatTick, maxRevenue) - RIGHT;
  return Math.max(1, Math.floor(plotWidth / MIN_BAR_STEP));
}

const RIGHT = 42;
const TOP = 22;
const BOTTOM = 34;

function leftMargin(formatTick: (v: number) => string, maxRevenue: number): number {
  const ticks = scaleLinear().domain([0, maxRevenue || 1]).nice().ticks(5);
  return Math.ceil(Math.max(...ticks.map((t) => textWidth(formatTick(t))))) + 12;
}

export function paretoLayout(
  width: number,
  height: number,
  bars: readonly ParetoBar[],
  formatTick: (v: number) => string,
): ParetoLayout {
  const maxRevenue = bars.reduce((max, b) => Math.max(max, b.revenue), 0);
  const left = leftMargin(formatTick, maxRevenue);
  const plotWidth = Math.max(10, width - left - RIGHT);
  const plotBottom = height - BOTTOM;
  const tickCount = Math.max(2, Math.min(6, Math.floor((plotBottom - TOP) / 45)));
  const revenue = scaleLinear().domain([0, maxRevenue || 1]).nice(tickCount).range([plotBottom, TOP]);
  const share = scaleLinear().domain([0, 1]).range([plotBottom, TOP]);
  const step = plotWidth / Math.max(1, bars.length);
  const barWidth = step >= 4 ? step * (step > 24 ? 0.78 : 0.85) : step;
  return {
    width,
    height,
    left,
    right: width - RIGHT,
    top: TOP,
    bottom: plotBottom,
    step,
    barWidth,
    revenue,
    share,
    revenueTicks: revenue.ticks(tickCount),
    shareTicks: tickCount >= 5 ? [0, 0.2, 0.4, 0.6, 0.8, 1] : [0, 0.5, 1],
  };
}

export interface CategoryLabel {
  index: number;
  text: string;
}

/**
 * Labels under the bars: account names, shortened with an ellipsis, when every bar is one account and
 * there are at least 5 characters of room; otherwise ranks at an interval that keeps them apart.
 */
export function categoryLabels(
  bars: readonly ParetoBar[],
  step: number,
  nameOf: (rank: number) => string,
  formatRank: (rank: number) => string,
): CategoryLabel[] {
  const room = Math.floor((step - 6) / CHAR_WIDTH);
  if (room >= 5 && bars.every((b) => b.count === 1 || b.others)) {
    return bars.map((bar, index) => {
      const full = bar.others ? `Others (${bar.count})` : nameOf(bar.firstRank);
      return { index, text: full.length <= room ? full : `${full.slice(0, room - 1)}…` };
    });
  }
  const widest = textWidth(formatRank(bars.at(-1)?.firstRank ?? 1)) + 14;
  const every = Math.max(1, Math.ceil(widest / step));
  const labels: CategoryLabel[] = [];
  for (let index = 0; index < bars.length; index += every) {
    const bar = bars[index]!;
    labels.push({ index, text: bar.others ? 'Others' : formatRank(bar.firstRank) });
  }
  return labels;
}
