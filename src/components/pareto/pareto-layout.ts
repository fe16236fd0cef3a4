/**
 * Geometry of the Pareto chart: the bars there is room for, margins from the tick labels, the bar slots,
 * the y scales, the legend rows and the category labels that fit. Pure functions of sizes and numbers;
 * the element turns them into SVG (pareto-marks.ts).
 */
import { TIER_ORDER } from '../../analysis/tiers.js';
import type { Formatters } from '../../internal/format.js';
import { legendRows } from '../../internal/legend.js';
import { polyline, scaleLinear, type Scale } from '../../internal/scale.js';
import { fitMeasured, textWidth } from '../../internal/text-fit.js';
import { cutoffCrossing, paretoBars, type ParetoBar } from './pareto-bars.js';
import { accountAt, type ParetoModel } from './pareto-model.js';

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

/** Category labels are centred under their bar, or start at its centre when bars are narrow. */
export function labelAnchor(barCount: number, step: number): 'start' | 'middle' {
  return barCount > 1 && step < 40 ? 'start' : 'middle';
}

/**
 * Labels under the bars, never wider than their slot nor past the ends of the plot (where the axes'
 * lowest ticks are): account names, shortened with an ellipsis to their measured width, when every bar
 * is one account and a slot has room for about 5 characters; otherwise ranks at an interval that keeps
 * them apart. `measure` gives a name's width in px (exact in the browser).
 */
export function categoryLabels(
  bars: readonly ParetoBar[],
  { step, barWidth }: Pick<ParetoLayout, 'step' | 'barWidth'>,
  nameOf: (rank: number) => string,
  formatRank: (rank: number) => string,
  measure: (text: string) => number = textWidth,
): CategoryLabel[] {
  const plotWidth = bars.length * step;
  const middle = labelAnchor(bars.length, step) === 'middle';
  // Room for label i: its slot, and on each side no further than the plot's edge.
  const roomAt = (i: number) => {
    const centre = i * step + barWidth / 2;
    return Math.min(step - 6, middle ? 2 * Math.min(centre, plotWidth - centre) : plotWidth - centre);
  };
  if (step - 6 >= 5 * CHAR_WIDTH && bars.every((b) => b.count === 1 || b.others)) {
    return bars.map((bar, index) => ({ index, text: fitMeasured(bar.others ? `Others (${bar.count})` : nameOf(bar.firstRank), roomAt(index), measure) }));
  }
  // Ranks are digits, which the estimate covers; the 14 px keep them apart.
  const widest = textWidth(formatRank(bars.at(-1)?.firstRank ?? 1)) + 14;
  const every = Math.max(1, Math.ceil(widest / step));
  const labels: CategoryLabel[] = [];
  for (let index = 0; index < bars.length; index += every) {
    const bar = bars[index]!;
    const text = bar.others ? 'Others' : formatRank(bar.firstRank);
    const centre = index * step + barWidth / 2;
    if (index > 0 && centre + (middle ? textWidth(text) / 2 : textWidth(text)) > plotWidth) break; // would run past the plot's end
    labels.push({ index, text });
  }
  return labels;
}

export interface LegendItem {
  /** Class of the swatch: "vital", "rest", "tier-mvc", …, or "cumulative" and "cutoff" for lines. */
  key: string;
  label: string;
  kind: 'box' | 'line' | 'dash';
}

export interface PlacedLegendItem extends LegendItem {
  x: number;
  y: number;
}

/** Legend rows height in px. */
export const LEGEND_ROW = 16;

/** Legend entries left to right, wrapped onto a new row when the next one would pass `width`. */
export function placeLegend(items: readonly LegendItem[], width: number): { items: PlacedLegendItem[]; rows: number } {
  const { at, rows } = legendRows(items.map((item) => 18 + textWidth(item.label) + 14), width, LEGEND_ROW);
  return { items: items.map((item, i) => ({ ...item, ...at[i]! })), rows };
}

/** The bar under a horizontal position in plot px, or -1 outside the bars. */
export function barIndexAt(layout: ParetoLayout, x: number, count: number): number {
  if (x < layout.left || x > layout.right || count === 0) return -1;
  return Math.min(count - 1, Math.floor((x - layout.left) / layout.step));
}

export type ParetoColorBy = 'vital' | 'tier';

/** Everything the chart draws, placed: bars, scales, legend, the cumulative line, the cutoff crossing and the labels. */
export interface ParetoChart {
  bars: ParetoBar[];
  layout: ParetoLayout;
  legend: PlacedLegendItem[];
  /** Height of the legend above the plot. */
  legendOffset: number;
  /** The plot's own height from its width (2:1, 220 to 440 px), with the legend. */
  minHeight: number;
  cumulative: string;
  crossingX: number | undefined;
  vitalBars: number;
  labels: CategoryLabel[];
}

function legendItems(model: ParetoModel, colorBy: ParetoColorBy, f: Formatters): LegendItem[] {
  const { vitalFew, cutoff } = model.shares;
  const items: LegendItem[] =
    colorBy === 'tier'
      ? TIER_ORDER.map((t) => ({ key: `tier-${t.toLowerCase()}`, label: t, kind: 'box' }))
      : [
          { key: 'vital', label: `Vital few (${f.integer(vitalFew)})`, kind: 'box' },
          { key: 'rest', label: 'Other accounts', kind: 'box' },
        ];
  items.push({ key: 'cumulative', label: 'Cumulative share', kind: 'line' }, { key: 'cutoff', label: `Cutoff ${f.percentShort(cutoff)}`, kind: 'dash' });
  return items;
}

/**
 * The chart of `model` in a plot `width` wide and, when the page gives it one, `height` high (0: from the
 * width); `top` shows only the top N accounts and an "Others" bar; `measure` gives a name's width in px in
 * the chart's font (exact in the browser).
 */
export function paretoChart(
  model: ParetoModel,
  width: number,
  height: number,
  colorBy: ParetoColorBy,
  top: number | undefined,
  f: Formatters,
  measure: (text: string) => number,
): ParetoChart {
  const { shares } = model;
  const formatTick = (v: number) => f.moneyCompact(v);
  const bars = paretoBars(shares, { maxBars: maxBarsFor(width, formatTick, shares.count ? shares.revenue[0]! : 0), top });
  const legend = placeLegend(legendItems(model, colorBy, f), width);
  const legendOffset = legend.rows * LEGEND_ROW + 6;
  // Height: 2:1 from the width (220-440 px), or the container's when the page gives the widget more.
  const fromWidth = Math.round(Math.min(440, Math.max(220, width * 0.5)));
  const available = height - legendOffset;
  const layout = paretoLayout(width, available > fromWidth + 1 ? available : fromWidth, bars, formatTick);
  const points: [number, number][] = [[layout.left, layout.share(0)]];
  bars.forEach((bar, i) => points.push([layout.left + (i + 1) * layout.step, layout.share(bar.cumulativeShare)]));
  const crossing = cutoffCrossing(bars, shares.cutoff);
  return {
    bars,
    layout,
    legend: legend.items,
    legendOffset,
    minHeight: fromWidth + legendOffset,
    cumulative: polyline(points),
    crossingX: crossing === undefined ? undefined : layout.left + crossing * layout.step,
    vitalBars: bars.filter((b) => b.vital).length,
    labels: categoryLabels(bars, layout, (rank) => accountAt(model, rank).name, (rank) => f.integer(rank), measure),
  };
}
