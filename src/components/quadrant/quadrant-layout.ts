/**
 * Where everything goes in the quadrant chart for a width and a zoom window: the legend rows, the plot
 * box, the ticks, the split lines, the visible part of each quadrant with its name, every point's pixel
 * position and bubble radius, and the point labels. Pure (no DOM); text widths are estimated
 * (internal/text-fit), and the text is placed by quadrant-labels.
 *
 * Decisions:
 * - Bubble area is proportional to revenue up to the largest bubble (`maxRadius`, from the room per
 *   point); a floor of 2 px (1 px on the canvas layer) keeps accounts with little or no revenue visible.
 * - Bubbles keep their pixel size when zooming, so zooming separates crowded points.
 * - Points are drawn largest first (`drawOrder`), so small bubbles stay on top of big ones.
 */
import { QUADRANT_IDS, type QuadrantId } from '../../analysis/quadrant.js';
import { TIER_ORDER } from '../../analysis/tiers.js';
import type { Account } from '../../feed/schema.js';
import type { Formatters } from '../../internal/format.js';
import { fitText, textWidth } from '../../internal/text-fit.js';
import { LEGEND_ROW, NAME_OBSTACLES, largestBubbles, placeLabels, placeLegend, placeQuadrantNames, placeSplitLabels, type LegendItem, type PlacedLabel, type QuadrantName, type SplitLabel } from './quadrant-labels.js';
import type { QuadrantModel } from './quadrant-model.js';
import { topPoints, type Scatter } from './quadrant-scatter.js';
import { allHeadroom, quadrantName, splitTexts, type QuadrantLabels } from './quadrant-text.js';
import { FULL_VIEW, isZoomed, type Box, type UnitToPixel, type Zoom } from './quadrant-zoom.js';

export interface Tick {
  value: number;
  at: number;
  text: string;
}

export interface QuadrantLayout extends UnitToPixel {
  width: number;
  height: number;
  legend: LegendItem[];
  /** The plot box. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Where points are drawn: the plot box, widened by the largest radius at full view. */
  clip: Box;
  zoom: Zoom;
  zoomed: boolean;
  xTicks: Tick[];
  yTicks: Tick[];
  /** The split lines in px (inside the plot) or undefined when the window does not show them. */
  splitX?: number;
  splitY?: number;
  /** The visible part of each quadrant, null when it is out of the window. */
  regions: Record<QuadrantId, Box | null>;
  names: QuadrantName[];
  /** The labels of the split lines: above the effort split, at the right end of the impact split. */
  splitLabels: SplitLabel[];
  /** Per point: pixel centre and radius (every point, also those outside the window). */
  px: Float32Array;
  py: Float32Array;
  radius: Float32Array;
  maxRadius: number;
  /** The points inside the window, largest first. */
  drawOrder: Uint32Array;
}

export interface LayoutOptions {
  width: number;
  zoom: Zoom;
  /** The smallest bubble radius (2 for SVG, 1 on the canvas layer). */
  minRadius: number;
  formatX: (value: number) => string;
  formatY: (value: number) => string;
  /** Legend texts: the four tiers (TIER_ORDER) then the bubble-size note. */
  legend: readonly string[];
  /** The quadrants' names and account counts as shown, by id. */
  names: Readonly<Record<QuadrantId, { name: string; count: string }>>;
  /** Labels of the split lines ("median 32"), when they are drawn. */
  splitText: { effort?: string; impact?: string };
}

const TITLE = 18;
const RIGHT = 18;
const BOTTOM = 40;

/** The chart's plot height for a width: half the width, between 200 and 480 px. */
export function plotHeightFor(width: number): number {
  return Math.round(Math.min(480, Math.max(200, width * 0.5)));
}

export function quadrantLayout(scatter: Scatter, options: LayoutOptions): QuadrantLayout {
  const { width, zoom, formatX, formatY } = options;
  const { items: legend, rows } = placeLegend(options.legend, width);
  const top = rows * LEGEND_ROW + 14;
  const plotHeight = plotHeightFor(width);
  const bottom = top + plotHeight;
  const yTickCount = Math.max(2, Math.floor(plotHeight / 50));
  const yValues = scatter.y.ticks(zoom.v0, zoom.v1, yTickCount);
  const yTexts = yValues.map(formatY);
  // The left margin fits the full view's tick labels too, so the plot box does not jump when zooming.
  const fullTexts = zoom === FULL_VIEW ? [] : scatter.y.ticks(0, 1, yTickCount).map(formatY);
  const left = Math.ceil(Math.max(16, ...yTexts.map((t) => textWidth(t)), ...fullTexts.map((t) => textWidth(t)))) + 8 + TITLE;
  const right = Math.max(left + 40, width - RIGHT);
  const plotWidth = right - left;
  const sx = plotWidth / (zoom.u1 - zoom.u0);
  const sy = plotHeight / (zoom.v1 - zoom.v0);
  const map: UnitToPixel = { u0: zoom.u0, v0: zoom.v0, x0: left, y0: bottom, sx, sy };
  const toX = (u: number) => left + (u - zoom.u0) * sx;
  const toY = (v: number) => bottom - (v - zoom.v0) * sy;

  const xWidest = Math.max(...scatter.x.ticks(zoom.u0, zoom.u1, 10).map((v) => textWidth(formatX(v))), 20);
  const xValues = scatter.x.ticks(zoom.u0, zoom.u1, Math.max(2, Math.floor(plotWidth / (xWidest + 36))));
  const xTicks = xValues.map((value) => ({ value, at: toX(scatter.x.toUnit(value)), text: formatX(value) })).filter((t, i, all) => i === 0 || t.at - all[i - 1]!.at > 0);
  const yTicks = yValues.map((value, i) => ({ value, at: toY(scatter.y.toUnit(value)), text: yTexts[i]! }));

  // Bubbles: area ∝ revenue, the largest sized by the room each point has (at full view).
  const room = Math.sqrt((plotWidth * plotHeight) / Math.max(1, scatter.count));
  const maxRadius = Math.max(3, Math.min(room * 0.6, plotWidth / 16, 28));
  const n = scatter.count;
  const px = new Float32Array(n);
  const py = new Float32Array(n);
  const radius = new Float32Array(n);
  const zoomed = isZoomed(zoom);
  const clip = zoomed ? { x0: left, y0: top, x1: right, y1: bottom } : { x0: left - maxRadius, y0: top - maxRadius, x1: right + maxRadius, y1: bottom + maxRadius };
  const scale = scatter.maxRevenue > 0 ? maxRadius / Math.sqrt(scatter.maxRevenue) : 0;
  // Counting sort by radius in half-pixel bins, largest first: O(n) even for 100,000 points.
  const bins = Math.ceil(maxRadius * 2) + 1;
  const binOf = new Uint16Array(n);
  const binCount = new Uint32Array(bins + 1);
  const visible = placeBubbles(scatter, map, options.minRadius, scale, clip, bins, px, py, radius, binOf, binCount);
  const drawOrder = new Uint32Array(visible);
  orderByBin(binOf, binCount, bins, drawOrder);

  const clampX = (x: number) => Math.min(right, Math.max(left, x));
  const clampY = (y: number) => Math.min(bottom, Math.max(top, y));
  const rawSplitX = toX(scatter.splitU);
  const rawSplitY = toY(scatter.splitV);
  const splitX = clampX(rawSplitX);
  const splitY = clampY(rawSplitY);
  const box = (x0: number, y0: number, x1: number, y1: number): Box | null => (x1 - x0 >= 1 && y1 - y0 >= 1 ? { x0, y0, x1, y1 } : null);
  const regions: Record<QuadrantId, Box | null> = {
    'quick-wins': box(left, top, splitX, splitY),
    strategic: box(splitX, top, right, splitY),
    maintain: box(left, splitY, splitX, bottom),
    'over-served': box(splitX, splitY, right, bottom),
  };

  const shownX = rawSplitX >= left && rawSplitX <= right ? rawSplitX : undefined;
  const shownY = rawSplitY >= top && rawSplitY <= bottom ? rawSplitY : undefined;
  const splits = placeSplitLabels(options.splitText, shownX, shownY, { x0: left, y0: top, x1: right, y1: bottom });
  return {
    ...map,
    width,
    height: bottom + BOTTOM,
    legend,
    left,
    right,
    top,
    bottom,
    clip,
    zoom,
    zoomed,
    xTicks,
    yTicks,
    splitX: shownX,
    splitY: shownY,
    regions,
    names: placeQuadrantNames(regions, options.names, largestBubbles(drawOrder, px, py, radius, NAME_OBSTACLES), splits.map((l) => l.box)),
    splitLabels: splits,
    px,
    py,
    radius,
    maxRadius,
    drawOrder,
  };
}

/*
 * The passes over every point are functions of their own with nothing but their loop (no calls of the
 * closures made per layout), so the engine's compiled code for them lasts from layout to layout.
 */

/**
 * Each point's pixel centre and bubble radius, and its radius bin (largest first; `bins` = not drawn,
 * outside the clip box) with the points per bin. Returns how many points are drawn.
 */
function placeBubbles(
  scatter: Scatter,
  map: UnitToPixel,
  minRadius: number,
  scale: number,
  clip: Box,
  bins: number,
  px: Float32Array,
  py: Float32Array,
  radius: Float32Array,
  binOf: Uint16Array,
  binCount: Uint32Array,
): number {
  const { u, v, revenue } = scatter;
  const { u0, v0, x0, y0, sx, sy } = map;
  let visible = 0;
  for (let k = 0; k < px.length; k++) {
    const x = x0 + (u[k]! - u0) * sx;
    const y = y0 - (v[k]! - v0) * sy;
    const r = Math.max(minRadius, Math.sqrt(revenue[k]!) * scale);
    px[k] = x;
    py[k] = y;
    radius[k] = r;
    if (x + r < clip.x0 || x - r > clip.x1 || y + r < clip.y0 || y - r > clip.y1) {
      binOf[k] = bins; // not drawn
      continue;
    }
    const bin = bins - 1 - Math.min(bins - 1, Math.floor(r * 2));
    binOf[k] = bin;
    binCount[bin]!++;
    visible++;
  }
  return visible;
}

/** The drawn points (bin < `bins`) in bin order, point order within a bin (a counting sort). */
function orderByBin(binOf: Uint16Array, binCount: Uint32Array, bins: number, drawOrder: Uint32Array): void {
  const start = new Uint32Array(bins);
  for (let b = 1; b < bins; b++) start[b] = start[b - 1]! + binCount[b - 1]!;
  for (let k = 0; k < binOf.length; k++) {
    const bin = binOf[k]!;
    if (bin < bins) drawOrder[start[bin]!++] = k;
  }
}

/** Whether point k's centre lies in the plot box (inside the zoom window). */
export function inView(layout: QuadrantLayout, k: number): boolean {
  const x = layout.px[k]!;
  const y = layout.py[k]!;
  return x >= layout.left && x <= layout.right && y >= layout.top && y <= layout.bottom;
}

/** How many of the largest bubbles point labels keep clear of on the canvas layer (all of them as SVG). */
const CANVAS_OBSTACLES = 500;

/**
 * Labels for the accounts a manager looks for first: the largest by revenue and the over-served ones
 * with the most effort, in view (more of them on wider charts), kept off the bubbles, the quadrant names,
 * the split lines and their labels.
 */
export function pointLabels(scatter: Scatter, accounts: readonly Account[], layout: QuadrantLayout, canvas: boolean): PlacedLabel[] {
  const { px, py, radius, left, right, top, bottom } = layout;
  const shown = (k: number) => inView(layout, k);
  const wide = layout.width >= 1000 ? 2 : layout.width >= 500 ? 1 : 0;
  const largest = topPoints(scatter.revenue, [3, 5, 8][wide]!, shown);
  const overServed = topPoints(scatter.effort, [2, 3, 4][wide]!, (k) => scatter.quadrant[k] === 3 && shown(k) && !largest.includes(k));
  const candidates = [...largest, ...overServed].map((k) => ({
    point: k,
    text: fitText(accounts[scatter.account[k]!]!.name, 150),
    x: px[k]!,
    y: py[k]!,
    r: radius[k]!,
  }));
  const obstacles = largestBubbles(layout.drawOrder, px, py, radius, canvas ? CANVAS_OBSTACLES : layout.drawOrder.length);
  const blocked = [...layout.names.map((n) => n.box), ...layout.splitLabels.map((s) => s.box)];
  if (layout.splitX !== undefined) blocked.push({ x0: layout.splitX - 1, y0: top, x1: layout.splitX + 1, y1: bottom });
  if (layout.splitY !== undefined) blocked.push({ x0: left, y0: layout.splitY - 1, x1: right, y1: layout.splitY + 1 });
  return placeLabels(candidates, obstacles, blocked, { x0: left, y0: top, x1: right, y1: bottom });
}

/** The least width the chart is laid out for, in px. */
export const MIN_WIDTH = 280;

/** Everything the chart draws, placed. */
export interface QuadrantChart {
  layout: QuadrantLayout;
  /** Name labels of the most important points. */
  pointLabels: PlacedLabel[];
}

/** The chart of a model at a width and a zoom window, with the quadrants' names as shown (`labels`), on the canvas layer or as SVG. */
export function quadrantChart(model: QuadrantModel, width: number, zoom: Zoom, canvas: boolean, labels: QuadrantLabels, f: Formatters): QuadrantChart {
  const { result, scatter } = model;
  const headroom = allHeadroom(result);
  const names = {} as Record<QuadrantId, { name: string; count: string }>;
  QUADRANT_IDS.forEach((id, q) => (names[id] = { name: quadrantName(labels, id), count: f.integer(result.quadrants[q]!.accounts) }));
  const layout = quadrantLayout(scatter, {
    width: Math.max(MIN_WIDTH, width),
    zoom,
    minRadius: canvas ? 1 : 2,
    formatX: (v) => f.compact(v),
    formatY: (v) => (headroom ? f.moneyCompact(v) : f.compact(v)),
    legend: [...TIER_ORDER, 'Bubble area = revenue'],
    names,
    splitText: splitTexts(result, f),
  });
  return { layout, pointLabels: pointLabels(scatter, model.portfolio.accounts, layout, canvas) };
}
