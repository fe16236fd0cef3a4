/**
 * Pointer interaction of <kam-quadrant>: hover finds the nearest point (through the quadtree) and hands
 * it to the host's item focus, a click selects a point or a quadrant's name, a drag draws a rectangle
 * that selects what is in it (or zooms to it with Alt). The controller holds the rectangle; the host
 * draws it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QuadrantId } from '../../analysis/quadrant.js';
import { fromTooltip } from '../../internal/tooltip.js';
import type { QuadrantLayout } from './quadrant-layout.js';
import { nearestPoint, type Scatter } from './quadrant-scatter.js';
import { unitsOf, type Box, type Zoom } from './quadrant-zoom.js';

export interface QuadrantPointerOptions {
  /** The chart as drawn now; undefined while there is nothing to point at. */
  chart(): { layout: QuadrantLayout; scatter: Scatter } | undefined;
  /** The point under the pointer changed (-1: none). */
  hover(k: number): void;
  /** A click on point k (Shift: extend the selection). */
  onPointClick(k: number, extend: boolean): void;
  /** A click on a quadrant's name. */
  onQuadrantClick(id: QuadrantId, extend: boolean): void;
  /** A rectangle was dragged (`units`: the part of the unit square under it): select what is in it, or zoom to it. */
  onBrush(units: Zoom, zoom: boolean, extend: boolean): void;
}

/** How far (px) from a bubble's edge the pointer still finds it. */
const REACH = 16;
/** How far (px) the pointer must move before a press becomes a drag. */
const DRAG_START = 4;

export class QuadrantPointerController implements ReactiveController {
  /** The rectangle being dragged, in plot pixels. */
  brush?: Box;

  private drag?: { x: number; y: number; extend: boolean; zoom: boolean; moved: boolean };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: QuadrantPointerOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** Drops the drag and its rectangle (Escape, a new model). */
  reset(): void {
    this.drag = undefined;
    if (this.brush) {
      this.brush = undefined;
      this.host.requestUpdate();
    }
  }

  /** The point nearest to plot pixel (x, y) within reach, -1 when none. */
  pointAt(x: number, y: number): number {
    const chart = this.options.chart();
    if (!chart) return -1;
    const { layout, scatter } = chart;
    const { clip } = layout;
    if (x < clip.x0 || x > clip.x1 || y < clip.y0 || y > clip.y1) return -1;
    const k = nearestPoint(scatter, layout, x, y, layout.radius, layout.maxRadius, REACH);
    if (k < 0) return -1;
    const px = layout.px[k]!;
    const py = layout.py[k]!;
    return px >= clip.x0 && px <= clip.x1 && py >= clip.y0 && py <= clip.y1 ? k : -1;
  }

  readonly onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0 || !this.options.chart() || fromTooltip(event)) return;
    const { x, y } = local(event);
    this.drag = { x, y, extend: event.shiftKey, zoom: event.altKey, moved: false };
    try {
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    } catch {
      // synthetic events have no active pointer to capture
    }
  };

  readonly onPointerMove = (event: PointerEvent) => {
    const chart = this.options.chart();
    // Moves over the tooltip (a child of the plot) keep the hovered point, so its "Open in CRM" link can be reached.
    if (!chart || fromTooltip(event)) return;
    const p = local(event);
    const drag = this.drag;
    if (!drag) return this.options.hover(this.pointAt(p.x, p.y));
    if (!drag.moved && Math.hypot(p.x - drag.x, p.y - drag.y) < DRAG_START) return;
    drag.moved = true;
    const { left, right, top, bottom } = chart.layout;
    const clampX = (x: number) => Math.min(right, Math.max(left, x));
    const clampY = (y: number) => Math.min(bottom, Math.max(top, y));
    this.brush = { x0: clampX(Math.min(drag.x, p.x)), x1: clampX(Math.max(drag.x, p.x)), y0: clampY(Math.min(drag.y, p.y)), y1: clampY(Math.max(drag.y, p.y)) };
    this.options.hover(-1);
    this.host.requestUpdate();
  };

  readonly onPointerUp = (event: PointerEvent) => {
    const drag = this.drag;
    const brush = this.brush;
    this.drag = undefined;
    this.brush = undefined;
    const chart = this.options.chart();
    if (!drag || !chart) return;
    this.host.requestUpdate();
    const extend = drag.extend || event.shiftKey;
    if (drag.moved) {
      if (brush) this.options.onBrush(unitsOf(chart.layout, brush), drag.zoom || event.altKey, extend);
      return;
    }
    const { x, y } = local(event);
    const name = chart.layout.names.find((n) => x >= n.box.x0 && x <= n.box.x1 && y >= n.box.y0 && y <= n.box.y1);
    if (name) return this.options.onQuadrantClick(name.id, extend);
    const k = this.pointAt(x, y);
    if (k >= 0) this.options.onPointClick(k, extend);
  };

  readonly onPointerCancel = () => this.reset();

  readonly onPointerLeave = () => {
    if (!this.drag) this.options.hover(-1);
  };
}

/** Pointer position in the plot's own pixels (right also when an ancestor is scaled). */
function local(event: PointerEvent): { x: number; y: number } {
  const plot = event.currentTarget as HTMLElement;
  const rect = plot.getBoundingClientRect();
  return {
    x: ((event.clientX - rect.left) * plot.offsetWidth) / (rect.width || 1),
    y: ((event.clientY - rect.top) * plot.offsetHeight) / (rect.height || 1),
  };
}
