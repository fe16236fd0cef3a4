/**
 * Where everything goes in the quadrant chart for a width and a zoom window: the legend rows, the plot
 * box, the ticks, the split lines, the visible part of each quadrant with its name, and every point's
 * pixel position and bubble radius. Pure (no DOM); text widths are estimated (internal/text-fit).
 *
 * Decisions:
 * - Bubble area is proportional to revenue up to the largest bubble (`maxRadius`, from the room per
 *   point); a floor of 2 px (1 px on the canvas layer) keeps accounts with little or no revenue visible.
 * - Bubbles keep their pixel size when zooming, so zooming separates crowded points.
 * - Points are drawn largest first (`drawOrder`), so small bubbles stay on top of big ones.
 */
import { QUADRANT_IDS, type QuadrantId } from '../../analysis/quadrant.js';
import { textWidth, wrapLines } from '../../internal/text-fit.js';
import type { Scatter, UnitToPixel } from './quadrant-model.js';

/** The visible window of the unit square. */
export interface Zoom {
  u0: number;
  u1: number;
  v0: number;
  v1: number;
}

export const FULL_VIEW: Zoom = Object.freeze({ u0: 0, u1: 1, v0: 0, v1: 1 });

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Tick {
  value: number;
  at: number;
  text: string;
}

export interface LegendItem {
  /** Index into TIER_ORDER, or -1 for the bubble-size note. */
  tier: number;
  text: string;
  x: number;
  y: number;
}

/** A label of a split line: "median 40" above the effort split, "threshold $100K" at the impact split. */
export interface SplitLabel {
  text: string;
  x: number;
  y: number;
  anchor: 'middle' | 'end';
  box: Box;
}

export interface QuadrantName {
  id: QuadrantId;
  lines: string[];
  /** Anchor of the first line's baseline. */
  x: number;
  y: number;
  anchor: 'start' | 'end';
  /** The text's box, for clicks and for keeping point labels off it. */
  box: Box;
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

export const FONT = 11;
const LEGEND_ROW = 18;
const TITLE = 18;
const RIGHT = 18;
const BOTTOM = 40;

/** The chart's plot height for a width: half the width, between 200 and 480 px. */
export function plotHeightFor(width: number): number {
  return Math.round(Math.min(480, Math.max(200, width * 0.5)));
}

function legendItems(texts: readonly string[], width: number): { items: LegendItem[]; rows: number } {
  let x = 0;
  let y = 0;
  const items = texts.map((text, i) => {
    const w = (i < 4 ? 16 : 20) + textWidth(text) + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      y += LEGEND_ROW;
    }
    const item = { tier: i < 4 ? i : -1, text, x, y };
    x += w;
    return item;
  });
  return { items, rows: y / LEGEND_ROW + 1 };
}

export function quadrantLayout(scatter: Scatter, options: LayoutOptions): QuadrantLayout {
  const { width, zoom, formatX, formatY } = options;
  const { items: legend, rows } = legendItems(options.legend, width);
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
  const zoomed = zoom.u0 > 0 || zoom.u1 < 1 || zoom.v0 > 0 || zoom.v1 < 1;
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
  const splits = splitLabels(options.splitText, shownX, shownY, { x0: left, y0: top, x1: right, y1: bottom });
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
    names: quadrantNames(regions, options.names, bigBubbles(drawOrder, px, py, radius), splits.map((l) => l.box)),
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

function splitLabels(text: LayoutOptions['splitText'], splitX: number | undefined, splitY: number | undefined, plot: Box): SplitLabel[] {
  const out: SplitLabel[] = [];
  if (splitX !== undefined && text.effort) {
    const w = textWidth(text.effort);
    const x = Math.min(plot.x1 - w / 2, Math.max(plot.x0 + w / 2, splitX));
    out.push({ text: text.effort, x, y: plot.y0 - 4, anchor: 'middle', box: { x0: x - w / 2, y0: plot.y0 - 14, x1: x + w / 2, y1: plot.y0 } });
  }
  if (splitY !== undefined && text.impact) {
    const w = textWidth(text.impact);
    const y = Math.max(plot.y0 + 12, splitY - 4);
    out.push({ text: text.impact, x: plot.x1 - 4, y, anchor: 'end', box: { x0: plot.x1 - 4 - w, y0: y - 11, x1: plot.x1 - 4, y1: y + 2 } });
  }
  return out;
}

function bigBubbles(drawOrder: Uint32Array, px: Float32Array, py: Float32Array, radius: Float32Array): { x: number; y: number; r: number }[] {
  const bubbles: { x: number; y: number; r: number }[] = [];
  for (let i = 0; i < Math.min(NAME_OBSTACLES, drawOrder.length); i++) {
    const k = drawOrder[i]!;
    bubbles.push({ x: px[k]!, y: py[k]!, r: radius[k]! });
  }
  return bubbles;
}

const NAME_LINE = 13;
const NAME_PAD = 6;
/** How many of the largest bubbles quadrant names try to keep clear of. */
const NAME_OBSTACLES = 60;

/**
 * Each quadrant's name in a corner of its visible part: the outer corner first, then the other corners,
 * the first one clear of the largest bubbles and the split labels (else the first clear of the split
 * labels, else the outer one). The name is wrapped to two lines; the
 * count goes first when it does not fit, and the name is left out when its part is too small.
 */
function quadrantNames(
  regions: Record<QuadrantId, Box | null>,
  names: Readonly<Record<QuadrantId, { name: string; count: string }>>,
  bubbles: { x: number; y: number; r: number }[],
  blocked: readonly Box[],
): QuadrantName[] {
  const placed: QuadrantName[] = [];
  for (const id of QUADRANT_IDS) {
    const region = regions[id];
    if (!region) continue;
    const room = region.x1 - region.x0 - 2 * NAME_PAD;
    if (room < 30 || region.y1 - region.y0 < NAME_LINE * 2 + NAME_PAD) continue;
    const { name, count } = names[id];
    let lines = wrapLines(`${name} (${count})`, room, FONT, 2);
    if (lines.some((l) => l.endsWith('…'))) lines = wrapLines(name, room, FONT, 2);
    const w = Math.min(room, Math.max(...lines.map((l) => textWidth(l, FONT, true))));
    const h = lines.length * NAME_LINE;
    const outerLeft = id === 'quick-wins' || id === 'maintain';
    const outerTop = id === 'quick-wins' || id === 'strategic';
    const corners: [boolean, boolean][] = [
      [outerLeft, outerTop],
      [!outerLeft, outerTop],
      [outerLeft, !outerTop],
      [!outerLeft, !outerTop],
    ];
    const at = ([left, top]: [boolean, boolean]) => {
      const x = left ? region.x0 + NAME_PAD : region.x1 - NAME_PAD;
      const y0 = top ? region.y0 + NAME_PAD : region.y1 - NAME_PAD - h;
      return { x, y0, anchor: left ? ('start' as const) : ('end' as const), box: { x0: left ? x : x - w, y0, x1: left ? x + w : x, y1: y0 + h } };
    };
    const free = (box: Box) => !blocked.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1);
    const clear = (box: Box) => free(box) && !bubbles.some((b) => b.x + b.r > box.x0 && b.x - b.r < box.x1 && b.y + b.r > box.y0 && b.y - b.r < box.y1);
    const spots = corners.map(at);
    const spot = spots.find((c) => clear(c.box)) ?? spots.find((c) => free(c.box)) ?? spots[0]!;
    placed.push({ id, lines, x: spot.x, y: spot.y0 + FONT, anchor: spot.anchor, box: spot.box });
  }
  return placed;
}

/** The window after zooming by `factor` (2 = in, 0.5 = out) around unit point (cu, cv), kept inside the unit square. */
export function zoomAround(zoom: Zoom, factor: number, cu: number, cv: number): Zoom {
  const w = Math.min(1, Math.max(1 / 256, (zoom.u1 - zoom.u0) / factor));
  const h = Math.min(1, Math.max(1 / 256, (zoom.v1 - zoom.v0) / factor));
  return windowAt(cu - w / 2, cv - h / 2, w, h);
}

/** A window of size w x h with its lower-left corner at (u, v), shifted to lie inside the unit square. */
export function windowAt(u: number, v: number, w: number, h: number): Zoom {
  const u0 = Math.min(1 - w, Math.max(0, u));
  const v0 = Math.min(1 - h, Math.max(0, v));
  return w >= 1 && h >= 1 ? FULL_VIEW : { u0, u1: u0 + w, v0, v1: v0 + h };
}

/** The window moved (not resized) so that unit point (u, v) is at its centre. */
export function panTo(zoom: Zoom, u: number, v: number): Zoom {
  const w = zoom.u1 - zoom.u0;
  const h = zoom.v1 - zoom.v0;
  return windowAt(u - w / 2, v - h / 2, w, h);
}
