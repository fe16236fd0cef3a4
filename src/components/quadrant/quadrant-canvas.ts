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

/** Draws the points into `buffer` (device pixels, `scale` per CSS pixel), clipped to the layout's point area. */
export function rasterizePoints(buffer: PixelBuffer, drawing: PointsDrawing, scale: number): void {
  const { scatter, layout, selected, colours } = drawing;
  const { px, py, radius, drawOrder, clip } = layout;
  const fills: Rgb[] = colours.tiers.map(parseColour);
  const outline = parseColour(colours.selected);
  const box = {
    x0: Math.max(0, Math.floor(clip.x0 * scale)),
    y0: Math.max(0, Math.floor(clip.y0 * scale)),
    x1: Math.min(buffer.width, Math.ceil(clip.x1 * scale)),
    y1: Math.min(buffer.height, Math.ceil(clip.y1 * scale)),
  };
  // Largest first (drawOrder), unselected points faded while there is a selection.
  const alpha = selected ? 0.25 : 0.7;
  for (let i = 0; i < drawOrder.length; i++) {
    const k = drawOrder[i]!;
    if (selected?.[k]) continue;
    const tier = scatter.tier[k]!;
    blendStamp(buffer, stamps.get(tier, radius[k]! * scale), Math.round(px[k]! * scale), Math.round(py[k]! * scale), fills[tier]!, alpha, box);
  }
  if (selected) {
    // Selected points on top, opaque, with an outline one pixel wider.
    for (let i = 0; i < drawOrder.length; i++) {
      const k = drawOrder[i]!;
      if (!selected[k]) continue;
      const tier = scatter.tier[k]!;
      const x = Math.round(px[k]! * scale);
      const y = Math.round(py[k]! * scale);
      blendStamp(buffer, stamps.get(tier, (radius[k]! + 1.5) * scale), x, y, outline, 1, box);
      blendStamp(buffer, stamps.get(tier, radius[k]! * scale), x, y, fills[tier]!, 1, box);
    }
  }
  toStraightAlpha(buffer.data);
}

/** Draws the points onto a canvas context whose bitmap is `scale` device pixels per CSS pixel. */
export function drawPoints(context: CanvasRenderingContext2D, drawing: PointsDrawing, scale: number): void {
  const { width, height } = context.canvas;
  const image = context.createImageData(width, height);
  rasterizePoints({ data: image.data, width, height }, drawing, scale);
  context.putImageData(image, 0, 0);
}

/** The points as a PNG data URL of the layout's full size (at 2x), for the exported SVG. */
export function pointsImage(drawing: PointsDrawing): string {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(drawing.layout.width * 2));
  canvas.height = Math.max(1, Math.round(drawing.layout.height * 2));
  const context = canvas.getContext('2d');
  if (!context) return '';
  drawPoints(context, drawing, 2);
  return canvas.toDataURL('image/png');
}
