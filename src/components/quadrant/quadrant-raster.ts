/**
 * Rasterizes the points of the canvas layer into an RGBA pixel buffer, for feeds too large for SVG.
 *
 * Why not canvas paths: Chromium's 2D canvas (software-rendered in headless and on many office
 * machines) takes seconds to fill one path of 100,000 small shapes, and still 150 ms or more in batches.
 * Blending precomputed coverage stamps into the pixels takes a few milliseconds per 100,000 points.
 *
 * Decisions:
 * - Centres snap to the device-pixel grid; radii to quarter device pixels. At the sizes the canvas layer
 *   draws (one to a few pixels per point) that error is below what the eye resolves, and it keeps the
 *   number of distinct stamps small (one per tier and radius, cached).
 * - Coverage is supersampled (n x n samples per pixel, more for small shapes: about 4,000 samples per
 *   stamp), so edges are anti-aliased like the SVG shapes and areas stay within a few percent of π r².
 * - Blending is source-over in premultiplied alpha, done in place in the buffer; `toStraightAlpha`
 *   converts the result to what ImageData expects.
 */
import { POLYGONS } from './quadrant-shapes.js';

/** Coverage (0..1) of one shape at one radius, in a square of `size` x `size` pixels centred on the point. */
export interface Stamp {
  size: number;
  coverage: Float32Array;
  /** The covered pixels only, as offsets from the centre (dx, dy pairs) and their coverage: what blending walks. */
  offsets: Int16Array;
  weights: Float32Array;
}

/** Whether (x, y), relative to the centre, lies inside tier `tier`'s shape of radius r. */
function inside(tier: number, x: number, y: number, r: number): boolean {
  const polygon = POLYGONS[tier];
  if (!polygon) return x * x + y * y <= r * r;
  // Convex polygons, corners clockwise on screen (y down): inside when right of no edge.
  for (let i = 0; i < polygon.length; i++) {
    const [ax, ay] = polygon[i]!;
    const [bx, by] = polygon[(i + 1) % polygon.length]!;
    if ((bx - ax) * r * (y - ay * r) - (by - ay) * r * (x - ax * r) < 0) return false;
  }
  return true;
}

/** The coverage stamp of tier `tier` at radius r (device pixels), for a centre on a pixel centre. */
export function makeStamp(tier: number, r: number): Stamp {
  // The shapes reach beyond r (the triangle's apex lies 1.55 r from its centre): size by the farthest corner.
  const reach = Math.max(1, ...(POLYGONS[tier] ?? []).flatMap(([x, y]) => [Math.abs(x), Math.abs(y)]));
  const half = Math.ceil(r * reach + 0.5);
  const size = 2 * half + 1;
  const coverage = new Float32Array(size * size);
  const SUB = Math.max(2, Math.min(16, Math.ceil(32 / r)));
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let hits = 0;
      for (let sj = 0; sj < SUB; sj++) {
        for (let si = 0; si < SUB; si++) {
          if (inside(tier, i - half + (si + 0.5) / SUB - 0.5, j - half + (sj + 0.5) / SUB - 0.5, r)) hits++;
        }
      }
      coverage[j * size + i] = hits / (SUB * SUB);
    }
  }
  return stampOf(coverage, size);
}

/** A stamp from its coverage square (`size` x `size`, odd, centred on the point). */
export function stampOf(coverage: Float32Array, size: number): Stamp {
  const half = (size - 1) / 2;
  const covered: number[] = [];
  for (let c = 0; c < coverage.length; c++) if (coverage[c]! > 0) covered.push(c);
  const offsets = new Int16Array(covered.length * 2);
  const weights = new Float32Array(covered.length);
  covered.forEach((c, n) => {
    offsets[2 * n] = (c % size) - half;
    offsets[2 * n + 1] = Math.floor(c / size) - half;
    weights[n] = coverage[c]!;
  });
  return { size, coverage, offsets, weights };
}

/** Stamps by tier and radius, made on first use. */
export class StampCache {
  /** By radius in quarter pixels, then tier (an array: this is looked up once per point drawn). */
  private readonly stamps: (Stamp | undefined)[] = [];

  get(tier: number, r: number): Stamp {
    const quarter = Math.max(1, Math.round(r * 4));
    const key = quarter * 4 + tier;
    let stamp = this.stamps[key];
    if (!stamp) {
      while (this.stamps.length <= key) this.stamps.push(undefined);
      this.stamps[key] = stamp = makeStamp(tier, quarter / 4);
    }
    return stamp;
  }
}

/** An opaque colour as red, green, blue (0..255). */
export type Rgb = readonly [number, number, number];

/** A pixel buffer: RGBA bytes, premultiplied while drawing, `width` x `height` pixels. */
export interface PixelBuffer {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Blends `stamp` centred on pixel (cx, cy) in `colour` at `alpha`, inside the clip rectangle (pixels). */
export function blendStamp(
  buffer: PixelBuffer,
  stamp: Stamp,
  cx: number,
  cy: number,
  colour: Rgb,
  alpha: number,
  clip: { x0: number; y0: number; x1: number; y1: number },
): void {
  const { data, width } = buffer;
  const { offsets, weights } = stamp;
  const half = (stamp.size - 1) / 2;
  // Most stamps lie wholly inside the clip: then no pixel needs its own bounds check.
  const inside = cx - half >= clip.x0 && cx + half < clip.x1 && cy - half >= clip.y0 && cy + half < clip.y1;
  const [red, green, blue] = colour;
  for (let n = 0; n < weights.length; n++) {
    const x = cx + offsets[2 * n]!;
    const y = cy + offsets[2 * n + 1]!;
    if (!inside && (x < clip.x0 || x >= clip.x1 || y < clip.y0 || y >= clip.y1)) continue;
    const a = weights[n]! * alpha;
    const keep = 1 - a;
    const p = (y * width + x) * 4;
    data[p] = red * a + data[p]! * keep;
    data[p + 1] = green * a + data[p + 1]! * keep;
    data[p + 2] = blue * a + data[p + 2]! * keep;
    data[p + 3] = 255 * a + data[p + 3]! * keep;
  }
}

/** Converts a premultiplied buffer to straight alpha (what ImageData holds), in place. */
export function toStraightAlpha(data: Uint8ClampedArray): void {
  for (let p = 0; p < data.length; p += 4) {
    const a = data[p + 3]!;
    if (a === 0 || a === 255) continue;
    const scale = 255 / a;
    data[p] = data[p]! * scale;
    data[p + 1] = data[p + 1]! * scale;
    data[p + 2] = data[p + 2]! * scale;
  }
}

/** "#rgb", "#rrggbb" or "rgb(r, g, b)" as Rgb; grey for anything else. */
export function parseColour(text: string): Rgb {
  const value = text.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(value);
  if (m) return [...m[1]!].map((h) => parseInt(h + h, 16)) as unknown as Rgb;
  m = /^#([0-9a-f]{6})/i.exec(value);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)) as unknown as Rgb;
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(value);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return [136, 136, 136];
}
