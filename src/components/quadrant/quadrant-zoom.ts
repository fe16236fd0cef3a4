/**
 * The window of the quadrant chart: the part of the unit square shown (the zoom), how unit positions
 * map to plot pixels, rectangles in those pixels, and `ChartZoom`, which holds the window of a chart.
 * No DOM.
 *
 * Decisions:
 * - A window is never smaller than 1/256 of the square on a side, and always lies inside it.
 * - Zooming keeps the point under the zoom (the focused account, else the window's centre) centred.
 */
import type { ReactiveControllerHost } from 'lit';

/** The visible window of the unit square. */
export interface Zoom {
  u0: number;
  u1: number;
  v0: number;
  v1: number;
}

export const FULL_VIEW: Zoom = Object.freeze({ u0: 0, u1: 1, v0: 0, v1: 1 });

/** The smallest side of a window. */
export const MIN_WINDOW = 1 / 256;

/** A rectangle in plot pixels (y grows downwards). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** How unit positions map to pixels: px = x0 + (u - u0) * sx, py = y0 - (v - v0) * sy. */
export interface UnitToPixel {
  u0: number;
  v0: number;
  x0: number;
  y0: number;
  sx: number;
  sy: number;
}

/** The unit rectangle under a rectangle of plot pixels (not kept inside the square). */
export function unitsOf(map: UnitToPixel, box: Box): Zoom {
  const u = (x: number) => map.u0 + (x - map.x0) / map.sx;
  const v = (y: number) => map.v0 + (map.y0 - y) / map.sy;
  return { u0: u(box.x0), u1: u(box.x1), v0: v(box.y1), v1: v(box.y0) };
}

/** Whether the window shows less than the whole square. */
export const isZoomed = (zoom: Zoom) => zoom.u0 > 0 || zoom.u1 < 1 || zoom.v0 > 0 || zoom.v1 < 1;

/** Whether the window is as small as it goes (zooming in further does nothing). */
export const fullyZoomed = (zoom: Zoom) => zoom.u1 - zoom.u0 <= MIN_WINDOW && zoom.v1 - zoom.v0 <= MIN_WINDOW;

/** How many times the window magnifies the square. */
export const magnification = (zoom: Zoom) => 1 / Math.max(zoom.u1 - zoom.u0, zoom.v1 - zoom.v0);

/** The window after zooming by `factor` (2 = in, 0.5 = out) around unit point (cu, cv), kept inside the unit square. */
export function zoomAround(zoom: Zoom, factor: number, cu: number, cv: number): Zoom {
  const w = Math.min(1, Math.max(MIN_WINDOW, (zoom.u1 - zoom.u0) / factor));
  const h = Math.min(1, Math.max(MIN_WINDOW, (zoom.v1 - zoom.v0) / factor));
  return windowAt(cu - w / 2, cv - h / 2, w, h);
}

/** A window of size w x h with its lower-left corner at (u, v), shifted to lie inside the unit square. */
export function windowAt(u: number, v: number, w: number, h: number): Zoom {
  const u0 = Math.min(1 - w, Math.max(0, u));
  const v0 = Math.min(1 - h, Math.max(0, v));
  return w >= 1 && h >= 1 ? FULL_VIEW : { u0, u1: u0 + w, v0, v1: v0 + h };
}

/** The window of a dragged unit rectangle, at least the smallest window on each side. */
export function windowOf(units: Zoom): Zoom {
  return windowAt(units.u0, units.v0, Math.max(units.u1 - units.u0, MIN_WINDOW), Math.max(units.v1 - units.v0, MIN_WINDOW));
}

/** The window moved (not resized) so that unit point (u, v) is at its centre. */
export function panTo(zoom: Zoom, u: number, v: number): Zoom {
  const w = zoom.u1 - zoom.u0;
  const h = zoom.v1 - zoom.v0;
  return windowAt(u - w / 2, v - h / 2, w, h);
}

export interface ZoomOptions {
  /** Says the new window in the host's live region. */
  announce(zoom: Zoom): void;
}

/** The window a chart shows: zoomed by keys, buttons and Alt+drag, panned to follow the keyboard; the host updates on each change. */
export class ChartZoom {
  /** The window shown. */
  window: Zoom = FULL_VIEW;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ZoomOptions,
  ) {}

  /** Shows `zoom`, announced. */
  set(zoom: Zoom): void {
    this.window = zoom;
    this.options.announce(zoom);
    this.host.requestUpdate();
  }

  /** Zooms by `factor` (2 = in, 0.5 = out) around unit point `at`, else around the window's centre; announced. */
  by(factor: number, at?: { u: number; v: number }): void {
    const z = this.window;
    this.set(zoomAround(z, factor, at?.u ?? (z.u0 + z.u1) / 2, at?.v ?? (z.v0 + z.v1) / 2));
  }

  /** Moves the window (not announced) so that unit point (u, v) is in view, when it is not. */
  reveal(u: number, v: number): void {
    const z = this.window;
    if (u >= z.u0 && u <= z.u1 && v >= z.v0 && v <= z.v1) return;
    this.window = panTo(z, u, v);
    this.host.requestUpdate();
  }

  /** Back to the whole square, not announced (new axes, on which the old window means nothing). */
  reset(): void {
    this.window = FULL_VIEW;
  }
}
