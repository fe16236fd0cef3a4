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

export function tooltip(anchor: TooltipAnchor | undefined, content: TemplateResult | undefined, id: string): TemplateResult | typeof nothing {
  if (!anchor || !content) return nothing;
  return html`<div class="tooltip" part="tooltip" id=${id} role="tooltip" ${inlineStyle(tooltipPlacement(anchor))}>${content}</div>`;
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
