/**
 * The tooltip every chart shows for the hovered or focused datum. It is anchored at the datum's position
 * in the chart's own coordinates (not the pointer's page coordinates), so it lands right inside shadow
 * roots and scrolled or transformed containers, and it opens towards the larger free side so it stays
 * inside the widget. Positions are set through the CSSOM (inlineStyle), which a strict style-src allows.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { inlineStyle } from './style-directive.js';

export interface TooltipAnchor {
  /** Datum position in px, relative to the positioned plot container. */
  x: number;
  y: number;
  /** The container's size in px. */
  width: number;
  height: number;
}

const GAP = 12;
const MARGIN = 6;

/** Where the tooltip box goes: the side with more room, and how wide it may be there. */
export function tooltipPlacement({ x, y, width, height }: TooltipAnchor): Record<string, string> {
  const right = x <= width / 2;
  const below = y <= height / 2;
  const room = right ? width - x - GAP - MARGIN : x - GAP - MARGIN;
  return {
    left: right ? `${Math.round(x + GAP)}px` : 'auto',
    right: right ? 'auto' : `${Math.round(width - x + GAP)}px`,
    top: below ? `${Math.round(y + GAP)}px` : 'auto',
    bottom: below ? 'auto' : `${Math.round(height - y + GAP)}px`,
    maxWidth: `${Math.max(120, Math.round(Math.min(room, 320)))}px`,
  };
}

/**
 * Moves a drawn tooltip back inside `bounds` (the widget's host, an ancestor of the tooltip's positioned
 * container) when its content came out larger than the room `tooltipPlacement` assumed, e.g. a long
 * name in a narrow widget; a tooltip taller than the widget gets its height and scrolls. Call it after
 * the tooltip is rendered. Works in layout px, so a CSS scale on an ancestor does not skew it.
 */
export function keepTooltipInside(tip: HTMLElement | null | undefined, bounds: Element): void {
  const box = tip?.offsetParent;
  if (!tip || !(box instanceof HTMLElement) || box.offsetWidth === 0) return;
  tip.style.removeProperty('max-height');
  tip.style.removeProperty('overflow-y');
  const boxRect = box.getBoundingClientRect();
  const outer = bounds.getBoundingClientRect();
  const scale = boxRect.width / box.offsetWidth || 1;
  // The bounds in the coordinates of offsetLeft/offsetTop (the box's padding edge): [start, end] on each axis.
  const x: [number, number] = [(outer.left - boxRect.left) / scale - box.clientLeft, (outer.right - boxRect.left) / scale - box.clientLeft];
  const y: [number, number] = [(outer.top - boxRect.top) / scale - box.clientTop, (outer.bottom - boxRect.top) / scale - box.clientTop];
  if (tip.offsetHeight > y[1] - y[0] - 2 * MARGIN) {
    tip.style.setProperty('max-height', `${Math.max(40, Math.floor(y[1] - y[0] - 2 * MARGIN))}px`);
    tip.style.setProperty('overflow-y', 'auto');
  }
  const fit = (position: number, size: number, [start, end]: [number, number]) =>
    size + 2 * MARGIN > end - start ? start + Math.max(0, (end - start - size) / 2) : Math.min(Math.max(position, start + MARGIN), end - MARGIN - size);
  const left = fit(tip.offsetLeft, tip.offsetWidth, x);
  const top = fit(tip.offsetTop, tip.offsetHeight, y);
  if (Math.abs(left - tip.offsetLeft) >= 0.5) {
    tip.style.setProperty('left', `${Math.round(left)}px`);
    tip.style.setProperty('right', 'auto');
  }
  if (Math.abs(top - tip.offsetTop) >= 0.5) {
    tip.style.setProperty('top', `${Math.round(top)}px`);
    tip.style.setProperty('bottom', 'auto');
  }
}

/** Whether an event happened on a tooltip (its text or its link), so a chart does not take it for a move, click or key on the datum beneath. */
export function fromTooltip(event: Event): boolean {
  return event.composedPath().some((node) => node instanceof HTMLElement && node.classList.contains('tooltip'));
}

export function tooltip(anchor: TooltipAnchor | undefined, content: TemplateResult | undefined, id: string): TemplateResult | typeof nothing {
  if (!anchor || !content) return nothing;
  return html`<div class="tooltip" part="tooltip" id=${id} role="tooltip" .style=${inlineStyle(tooltipPlacement(anchor))}>${content}</div>`;
}

export const tooltipStyles = css`
  .tooltip {
    position: absolute;
    z-index: 2;
    box-sizing: border-box;
    padding: 0.45em 0.65em;
    border-radius: var(--kam-radius);
    background: var(--kam-tooltip-bg);
    color: var(--kam-tooltip-fg);
    font-size: 0.85em;
    line-height: 1.35;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
    pointer-events: auto;
    overflow-wrap: anywhere;
  }
  .tooltip strong {
    display: block;
    margin-bottom: 0.2em;
  }
  .tooltip dl {
    display: grid;
    grid-template-columns: auto auto;
    gap: 0 0.8em;
    margin: 0;
  }
  .tooltip dt {
    opacity: 0.8;
  }
  .tooltip dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .tooltip p {
    margin: 0.3em 0 0;
  }
  .tooltip a {
    color: inherit;
  }
  @media (forced-colors: active) {
    .tooltip {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
`;

/** A definition list of label/value pairs for a tooltip. */
export function tooltipFacts(facts: readonly (readonly [string, string])[]): TemplateResult {
  return html`<dl>${facts.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`;
}

/** A link to the account in the CRM, only for http(s) URLs. */
export function crmLink(url: string | undefined): TemplateResult | typeof nothing {
  if (!url || !/^https?:\/\//i.test(url.trim())) return nothing;
  return html`<p><a href=${url.trim()} target="_blank" rel="noopener noreferrer">Open in CRM</a></p>`;
}
