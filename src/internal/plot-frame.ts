/**
 * The plot of every chart, written once: the chart's one Tab stop, a group named by the widget's summary
 * and described by its key help, with the item focus's key and focus handlers and the widget's pointer
 * handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ItemFocusController } from './item-focus.js';
import { inlineStyle } from './style-directive.js';

/** The plot element of a chart: its accessible description and the pointer handlers of the widget. */
export interface PlotSpec {
  /** What kind of chart it is, for screen readers ("Pareto chart"). */
  roleDescription?: string;
  /** The key help, read as the plot's description. */
  keys?: string;
  className?: string;
  /** The plot's least height in px, when it has one. */
  minHeight?: number;
  onPointerMove?: (event: PointerEvent) => void;
  onPointerOver?: (event: PointerEvent) => void;
  onPointerDown?: (event: PointerEvent) => void;
  onPointerUp?: (event: PointerEvent) => void;
  onPointerCancel?: (event: PointerEvent) => void;
  onPointerLeave?: (event: PointerEvent) => void;
  onClick?: (event: MouseEvent) => void;
}

/** The plot holding `content`; the pointer leaving it drops the hover unless the widget handles that itself. */
export function plotFrame(spec: PlotSpec, items: ItemFocusController, content: unknown): TemplateResult {
  return html`<div
    class="plot ${spec.className ?? ''}"
    part="plot"
    tabindex="0"
    role="group"
    aria-roledescription=${spec.roleDescription ?? nothing}
    aria-labelledby="summary"
    aria-describedby=${spec.keys ? 'keys' : nothing}
    .style=${inlineStyle({ minHeight: spec.minHeight === undefined ? undefined : `${spec.minHeight}px` })}
    @keydown=${items.onKeydown}
    @focus=${items.onFocus}
    @focusout=${items.onFocusOut}
    @pointermove=${spec.onPointerMove}
    @pointerover=${spec.onPointerOver}
    @pointerdown=${spec.onPointerDown}
    @pointerup=${spec.onPointerUp}
    @pointercancel=${spec.onPointerCancel}
    @pointerleave=${spec.onPointerLeave ?? (() => items.setHover(-1))}
    @click=${spec.onClick}
  >
    ${content} ${spec.keys ? html`<p class="sr-only" id="keys">${spec.keys}</p>` : nothing}
  </div>`;
}
