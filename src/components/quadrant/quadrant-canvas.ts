/**
 * The canvas layer of <kam-quadrant> for large feeds: draws the points (shape and colour by tier, area
 * by revenue, the selection on top) into one canvas under the chart's SVG overlay. It owns only pixels:
 * axes, labels, focus and hit testing stay in the SVG and the quadtree. The same drawing makes the
 * image that stands in for the canvas in SVG and PNG exports. The pixels come from quadrant-raster.
 */
import type { Scatter } from './quadrant-model.js';
import type { QuadrantLayout } from './quadrant-layout.js';
import { StampCache, blendStamp, parseColour, toStraightAlpha, type PixelBuffer, type Rgb } from './quadrant-raster.js';

export interface PointColours {
  /** Fill per tier, in TIER_ORDER (resolved colours, not custom properties). */
  tiers: readonly string[];
  /** Outline of selected points. */
  selected: string;
}

export interface PointsDrawing {
  scatter: Scatter;
  layout: QuadrantLayout;
  /** 1 for selected points, by point; undefined when nothing is selected. */
  selected?: Uint8Array;
  colours: PointColours;
}

const stamps = new StampCache();
let colourContext: CanvasRenderingContext2D | null | undefined;

/** Any CSS colour (named, hsl(), ...) as "#rrggbb" or "rgba(...)", through a canvas context's parser. */
export function resolveColour(text: string): string {
  colourContext ??= document.createElement('canvas').getContext('2d');
  if (!colourContext) return text;
  colourContext.fillStyle = '#888888';
  colourContext.fillStyle = text;
  return String(colourContext.fillStyle);
}

/** A rectangle of device pixels, [x0, x1) x [y0, y1). */
interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The layout's point area in device pixels (`scale` per CSS pixel), inside a bitmap of width x height. */
export function pointArea(drawing: PointsDrawing, scale: number, width: number, height: number): PixelBox {
  const { clip } = drawing.layout;
  return {
    x0: Math.max(0, Math.floor(clip.x0 * scale)),
    y0: Math.max(0, Math.floor(clip.y0 * scale)),
    x1: Math.min(width, Math.ceil(clip.x1 * scale)),
    y1: Math.min(height, Math.ceil(clip.y1 * scale)),
  };
}

/**
 * Draws the points into `buffer` (device pixels, `scale` per CSS pixel), clipped to the layout's point
 * area. The buffer holds the bitmap from `origin` on (device pixels): the whole bitmap, or only the
 * point area, which is all that is ever drawn.
 */
export function rasterizePoints(buffer: PixelBuffer, drawing: PointsDrawing, scale: number, origin = { x: 0, y: 0 }): void {
  const { scatter, layout, selected, colours } = drawing;
  const { px, py, radius, drawOrder } = layout;
  const fills: Rgb[] = colours.tiers.map(parseColour);
  const outline = parseColour(colours.selected);
  const area = pointArea(drawing, scale, origin.x + buffer.width, origin.y + buffer.height);
  const box = {
    x0: Math.max(0, area.x0 - origin.x),
    y0: Math.max(0, area.y0 - origin.y),
    x1: area.x1 - origin.x,
    y1: area.y1 - origin.y,
  };
  const at = (value: number, shift: number) => Math.round(value * scale) - shift;
  // Largest first (drawOrder), unselected points faded while there is a selection.
  const alpha = selected ? 0.25 : 0.7;
  for (let i = 0; i < drawOrder.length; i++) {
    const k = drawOrder[i]!;
    if (selected?.[k]) continue;
    const tier = scatter.tier[k]!;
    blendStamp(buffer, stamps.get(tier, radius[k]! * scale), at(px[k]!, origin.x), at(py[k]!, origin.y), fills[tier]!, alpha, box);
  }
  if (selected) {
    // Selected points on top, opaque, with an outline one pixel wider.
    for (let i = 0; i < drawOrder.length; i++) {
      const k = drawOrder[i]!;
      if (!selected[k]) continue;
      const tier = scatter.tier[k]!;
      const x = at(px[k]!, origin.x);
      const y = at(py[k]!, origin.y);
      blendStamp(buffer, stamps.get(tier, (radius[k]! + 1.5) * scale), x, y, outline, 1, box);
      blendStamp(buffer, stamps.get(tier, radius[k]! * scale), x, y, fills[tier]!, 1, box);
    }
  }
  toStraightAlpha(buffer.data);
}

/**
 * Draws the points onto a canvas context whose bitmap is `scale` device pixels per CSS pixel. Only the
 * point area is rasterized and put (the rest of the bitmap is cleared, unless `blank` says it is clear
 * already: a new canvas, or one just sized): the same pixels as a whole-bitmap image, with less to
 * convert and copy.
 */
export function drawPoints(context: CanvasRenderingContext2D, drawing: PointsDrawing, scale: number, { blank = false } = {}): void {
  const { width, height } = context.canvas;
  if (!blank) context.clearRect(0, 0, width, height);
  const area = pointArea(drawing, scale, width, height);
  if (area.x1 <= area.x0 || area.y1 <= area.y0) return;
  const image = context.createImageData(area.x1 - area.x0, area.y1 - area.y0);
  rasterizePoints({ data: image.data, width: image.width, height: image.height }, drawing, scale, { x: area.x0, y: area.y0 });
  context.putImageData(image, area.x0, area.y0);
}

/** The points as a PNG data URL of the layout's full size (at 2x), for the exported SVG. */
export function pointsImage(drawing: PointsDrawing): string {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(drawing.layout.width * 2));
  canvas.height = Math.max(1, Math.round(drawing.layout.height * 2));
  const context = canvas.getContext('2d');
  if (!context) return '';
  drawPoints(context, drawing, 2, { blank: true });
  return canvas.toDataURL('image/png');
}
