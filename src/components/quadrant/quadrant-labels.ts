/**
 * The text placed in the quadrant chart without overlaps: the legend rows, the labels of the split
 * lines, each quadrant's name in a free corner of its part, and name labels for the most important
 * points. Point labels are placed greedily: each candidate, in priority order, takes the first of eight
 * positions around its bubble whose text box stays inside the plot and clear of the labels placed before
 * it, of the blocked boxes (quadrant names) and of the obstacle bubbles; a candidate with no free
 * position gets no label (its tooltip still names it). Pure (no DOM); text widths are estimated
 * (internal/text-fit).
 */
import { QUADRANT_IDS, type QuadrantId } from '../../analysis/quadrant.js';
import { textWidth, wrapLines } from '../../internal/text-fit.js';
import type { Box } from './quadrant-zoom.js';
import { legendRows } from '../../internal/legend.js';

export interface LabelCandidate {
  point: number;
  text: string;
  x: number;
  y: number;
  r: number;
}

export interface Circle {
  x: number;
  y: number;
  r: number;
}

export interface PlacedLabel {
  point: number;
  text: string;
  /** Text anchor point (baseline) and alignment. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
}

const GAP = 3;
const HEIGHT = 12;
/** Font size of the chart's text. */
export const FONT = 11;

/** Offsets of the text box from the bubble, in the order they are tried: right, left, above, below, then the corners. */
const POSITIONS: readonly { dx: number; dy: number; anchor: PlacedLabel['anchor'] }[] = [
  { dx: 1, dy: 0, anchor: 'start' },
  { dx: -1, dy: 0, anchor: 'end' },
  { dx: 0, dy: -1, anchor: 'middle' },
  { dx: 0, dy: 1, anchor: 'middle' },
  { dx: 0.7, dy: -0.7, anchor: 'start' },
  { dx: 0.7, dy: 0.7, anchor: 'start' },
  { dx: -0.7, dy: -0.7, anchor: 'end' },
  { dx: -0.7, dy: 0.7, anchor: 'end' },
];

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function hitsCircle(box: Box, c: Circle): boolean {
  const dx = Math.max(box.x0 - c.x, 0, c.x - box.x1);
  const dy = Math.max(box.y0 - c.y, 0, c.y - box.y1);
  return dx * dx + dy * dy < c.r * c.r;
}

export function placeLabels(candidates: readonly LabelCandidate[], obstacles: readonly Circle[], blocked: readonly Box[], bounds: Box): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const taken: Box[] = [...blocked];
  for (const c of candidates) {
    const w = textWidth(c.text, FONT);
    for (const p of POSITIONS) {
      const cx = c.x + p.dx * (c.r + GAP);
      const cy = c.y + p.dy * (c.r + GAP);
      const x0 = p.anchor === 'start' ? cx : p.anchor === 'end' ? cx - w : cx - w / 2;
      const y0 = p.dy < 0 ? cy - HEIGHT : p.dy > 0 ? cy : cy - HEIGHT / 2;
      const box = { x0, y0, x1: x0 + w, y1: y0 + HEIGHT };
      if (box.x0 < bounds.x0 || box.x1 > bounds.x1 || box.y0 < bounds.y0 || box.y1 > bounds.y1) continue;
      if (taken.some((t) => overlaps(t, box))) continue;
      if (obstacles.some((o) => hitsCircle(box, o))) continue;
      placed.push({ point: c.point, text: c.text, x: cx, y: box.y1 - 2.5, anchor: p.anchor, box });
      taken.push(box);
      break;
    }
  }
  return placed;
}

/** The first `count` drawn bubbles (the largest) as circles. */
export function largestBubbles(drawOrder: Uint32Array, px: Float32Array, py: Float32Array, radius: Float32Array, count: number): Circle[] {
  const bubbles: Circle[] = [];
  for (let i = 0; i < Math.min(count, drawOrder.length); i++) {
    const k = drawOrder[i]!;
    bubbles.push({ x: px[k]!, y: py[k]!, r: radius[k]! });
  }
  return bubbles;
}

export interface LegendItem {
  /** Index into TIER_ORDER, or -1 for the bubble-size note. */
  tier: number;
  text: string;
  x: number;
  y: number;
}

export const LEGEND_ROW = 18;

/** The legend's entries left to right (the four tiers, then the bubble-size note), wrapped into rows of `width`. */
export function placeLegend(texts: readonly string[], width: number): { items: LegendItem[]; rows: number } {
  const { at, rows } = legendRows(texts.map((text, i) => (i < 4 ? 16 : 20) + textWidth(text) + 14), width, LEGEND_ROW);
  return { items: texts.map((text, i) => ({ tier: i < 4 ? i : -1, text, ...at[i]! })), rows };
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

/** The split lines' labels: centred above the effort split, at the right end of the impact split (when shown). */
export function placeSplitLabels(text: { effort?: string; impact?: string }, splitX: number | undefined, splitY: number | undefined, plot: Box): SplitLabel[] {
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

const NAME_LINE = 13;
const NAME_PAD = 6;
/** How many of the largest bubbles quadrant names keep clear of. */
export const NAME_OBSTACLES = 60;

/**
 * Each quadrant's name in a corner of its visible part: the outer corner first, then the other corners,
 * the first one clear of the largest bubbles and the split labels (else the first clear of the split
 * labels, else the outer one). The name is wrapped to two lines; the count goes first when it does not
 * fit, and the name is left out when its part is too small.
 */
export function placeQuadrantNames(
  regions: Record<QuadrantId, Box | null>,
  names: Readonly<Record<QuadrantId, { name: string; count: string }>>,
  bubbles: readonly Circle[],
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
    const free = (box: Box) => !blocked.some((b) => overlaps(b, box));
    const clear = (box: Box) => free(box) && !bubbles.some((b) => b.x + b.r > box.x0 && b.x - b.r < box.x1 && b.y + b.r > box.y0 && b.y - b.r < box.y1);
    const spots = corners.map(at);
    const spot = spots.find((c) => clear(c.box)) ?? spots.find((c) => free(c.box)) ?? spots[0]!;
    placed.push({ id, lines, x: spot.x, y: spot.y0 + FONT, anchor: spot.anchor, box: spot.box });
  }
  return placed;
}
