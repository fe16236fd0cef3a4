/**
 * The five widgets linked to one <kam-feed>, as a page would lay them out: the scorecard on top, the red
 * flags under it, then the Pareto chart and the tier matrix, then the quadrant (layout: .sb-dashboard in .storybook/preview.css).
 * Used by the Introduction, the theme playground and "Try your data". Ids must be unique on a docs page,
 * which shows several stories at once.
 */
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../../src/index.js';
import type { Theme } from '../../src/index.js';

/**
 * `tokens` are set on each widget element (through the CSSOM, so no style attribute is parsed): a
 * declaration on the element wins over the element's own :host defaults, as a page stylesheet would.
 */
export function linkedWidgets(feedId: string, theme: Theme = 'light', tokens: Readonly<Record<string, string>> = {}): TemplateResult {
  const style = styleMap(tokens);
  // The red flags span the grid, as the scorecard and the quadrant do (preview.css): sentences need the width.
  const wide = styleMap({ ...tokens, gridColumn: '1 / -1' });
  return html`<div class="sb-dashboard">
    <kam-scorecard feed=${feedId} theme=${theme} style=${style}></kam-scorecard>
    <kam-red-flags feed=${feedId} theme=${theme} style=${wide} limit="5"></kam-red-flags>
    <kam-pareto feed=${feedId} theme=${theme} style=${style}></kam-pareto>
    <kam-tier-matrix feed=${feedId} theme=${theme} style=${style}></kam-tier-matrix>
    <kam-quadrant feed=${feedId} theme=${theme} style=${style}></kam-quadrant>
  </div>`;
}
