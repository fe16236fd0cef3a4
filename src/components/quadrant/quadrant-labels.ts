/**
 * Name labels for the most important points, placed greedily without overlaps: each candidate, in
 * priority order, takes the first of eight positions around its bubble whose text box stays inside the
 * plot and clear of the labels placed before it, of the blocked boxes (quadrant names) and of the
 * obstacle bubbles; a candidate with no free position gets no label (its tooltip still names it).
 * Pure (no DOM).
 */
import type { Account } from '../../feed/schema.js';
import { fitText, textWidth } from '../../internal/text-fit.js';
import type { Box, QuadrantLayout } from './quadrant-layout.js';
import { topPoints, type Scatter } from './quadrant-model.js';

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
/** Font size of point labels. */
export const LABEL_FONT = 11;

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
    const w = textWidth(c.text, LABEL_FONT);
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

/** How many of the largest bubbles point labels keep clear of on the canvas layer (all of them as SVG). */
const CANVAS_OBSTACLES = 500;

/**
 * Labels for the accounts a manager looks for first: the largest by revenue and the over-served ones
 * with the most effort, in view (more of them on wider charts), kept off the bubbles, the quadrant names,
 * the split lines and their labels.
 */
export function pointLabels(scatter: Scatter, accounts: readonly Account[], layout: QuadrantLayout, canvas: boolean): PlacedLabel[] {
  const { px, py, radius, left, right, top, bottom } = layout;
  const inView = (k: number) => px[k]! >= left && px[k]! <= right && py[k]! >= top && py[k]! <= bottom;
  const wide = layout.width >= 1000 ? 2 : layout.width >= 500 ? 1 : 0;
  const largest = topPoints(scatter.revenue, [3, 5, 8][wide]!, inView);
  const overServed = topPoints(scatter.effort, [2, 3, 4][wide]!, (k) => scatter.quadrant[k] === 3 && inView(k) && !largest.includes(k));
  const candidates = [...largest, ...overServed].map((k) => ({
    point: k,
    text: fitText(accounts[scatter.account[k]!]!.name, 150),
    x: px[k]!,
    y: py[k]!,
    r: radius[k]!,
  }));
  const order = layout.drawOrder;
  const obstacles: Circle[] = [];
  for (let i = 0; i < Math.min(order.length, canvas ? CANVAS_OBSTACLES : order.length); i++) {
    const k = order[i]!;
    obstacles.push({ x: px[k]!, y: py[k]!, r: radius[k]! });
  }
  const blocked = [...layout.names.map((n) => n.box), ...layout.splitLabels.map((s) => s.box)];
  if (layout.splitX !== undefined) blocked.push({ x0: layout.splitX - 1, y0: top, x1: layout.splitX + 1, y1: bottom });
  if (layout.splitY !== undefined) blocked.push({ x0: left, y0: layout.splitY - 1, x1: right, y1: layout.splitY + 1 });
  return placeLabels(candidates, obstacles, blocked, { x0: left, y0: top, x1: right, y1: bottom });
}
