/**
 * The canvas layer of <kam-quadrant> for large feeds: draws the points (shape and colour by tier, area
 * by revenue, the selection on top) into one canvas under the chart's SVG overlay. It owns only pixels:
 * axes, labels, focus and hit testing stay in the SVG and the quadtree. The same drawing makes the
 * image that stands in for the canvas in SVG and PNG exports. The pixels come from quadrant-raster;
 * `PointsLayerController` keeps the canvas on screen painted.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TIER_ORDER } from '../../analysis/tiers.js';
import { whenIdle } from '../../internal/idle.js';
import type { QuadrantLayout } from './quadrant-layout.js';
import type { Scatter } from './quadrant-scatter.js';
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

export interface PointsLayerOptions {
  /** The canvas on screen; null while the points are drawn as SVG. */
  canvas(): HTMLCanvasElement | null;
  /** The points to draw and the selected ones; undefined while there is nothing to draw. */
  points(): Omit<PointsDrawing, 'colours'> | undefined;
  /** The host's theme: a change of it changes the colours. */
  theme(): string;
}

/**
 * Paints the canvas layer after an update when what it shows changed (the canvas, the layout, the
 * selection or the theme), not on hover or focus; colours are the host's tier and foreground tokens.
 */
export class PointsLayerController implements ReactiveController {
  /** What the canvas holds now. */
  private drawn?: { canvas: HTMLCanvasElement; width: number; height: number; layout: QuadrantLayout; selected?: Uint8Array; theme: string };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PointsLayerOptions,
  ) {
    host.addController(this);
  }

  /** The points with the theme's colours resolved, for the canvas and for exports. */
  drawing(): PointsDrawing | undefined {
    const points = this.options.points();
    if (!points) return undefined;
    const style = getComputedStyle(this.host);
    const token = (name: string) => resolveColour(style.getPropertyValue(name).trim() || '#888888');
    return { ...points, colours: { tiers: TIER_ORDER.map((t) => token(`--kam-tier-${t.toLowerCase()}`)), selected: token('--kam-fg') } };
  }

  hostUpdated(): void {
    const canvas = this.options.canvas();
    const points = this.options.points();
    if (!canvas || !points) {
      this.drawn = undefined;
      return;
    }
    const { layout, selected, scatter } = points;
    const theme = this.options.theme();
    const d = this.drawn;
    if (d && d.canvas === canvas && d.layout === layout && d.selected === selected && d.theme === theme) return;
    const context = canvas.getContext('2d');
    const drawing = this.drawing();
    if (!context || !drawing) return;
    // A new canvas, or one whose size was set since the last drawing, is blank already.
    const blank = !d || d.canvas !== canvas || d.width !== canvas.width || d.height !== canvas.height;
    drawPoints(context, drawing, canvas.width / layout.width, { blank });
    this.drawn = { canvas, width: canvas.width, height: canvas.height, layout, selected, theme };
    // Build the hit-testing index once the points are painted, so neither the first paint nor the first hover waits for it.
    whenIdle(() => void scatter.tree);
  }
}
