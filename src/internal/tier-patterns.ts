/**
 * The tier patterns every widget shares, so colour is never the only cue for a tier: MVC solid, MGC
 * striped, STC dotted, BZ cross-hatched. In forced-colors mode the theme maps every tier colour to
 * CanvasText, and then the patterns alone tell the tiers apart. A widget puts `tierPatterns()` inside its
 * chart's <svg> (the ids are scoped by its shadow root), fills marks with `tierPatternFill(tier)` and adds
 * `tierPatternStyles` to its styles.
 */
import { css, svg, type SVGTemplateResult } from 'lit';
import type { Tier } from '../feed/schema.js';

/** The four <pattern> definitions, ids `tier-mvc`, `tier-mgc`, `tier-stc`, `tier-bz`. */
export function tierPatterns(): SVGTemplateResult {
  return svg`<defs>
    <pattern id="tier-mvc" patternUnits="userSpaceOnUse" width="6" height="6"><rect class="pattern-base mvc" width="6" height="6"></rect></pattern>
    <pattern id="tier-mgc" patternUnits="userSpaceOnUse" width="6" height="6"><rect class="pattern-base mgc" width="6" height="6"></rect><path class="pattern-mark" d="M-1 1L1 -1M0 6L6 0M5 7L7 5"></path></pattern>
    <pattern id="tier-stc" patternUnits="userSpaceOnUse" width="5" height="5"><rect class="pattern-base stc" width="5" height="5"></rect><circle class="pattern-mark dot" cx="2.5" cy="2.5" r="1.2"></circle></pattern>
    <pattern id="tier-bz" patternUnits="userSpaceOnUse" width="6" height="6"><rect class="pattern-base bz" width="6" height="6"></rect><path class="pattern-mark" d="M0 0L6 6M6 0L0 6"></path></pattern>
  </defs>`;
}

/** The fill that paints a mark in a tier's pattern (a presentation attribute, so exports keep it). */
export function tierPatternFill(tier: Tier): string {
  return `url(#tier-${tier.toLowerCase()})`;
}

/** Pattern colours: the tier colour as the base, marks in the background colour. */
export const tierPatternStyles = css`
  .pattern-base.mvc {
    fill: var(--kam-tier-mvc);
  }
  .pattern-base.mgc {
    fill: var(--kam-tier-mgc);
  }
  .pattern-base.stc {
    fill: var(--kam-tier-stc);
  }
  .pattern-base.bz {
    fill: var(--kam-tier-bz);
  }
  .pattern-mark {
    fill: var(--kam-bg);
    stroke: var(--kam-bg);
    stroke-width: 1.2;
  }
  .pattern-mark.dot {
    stroke: none;
  }
  @media (forced-colors: active) {
    .pattern-mark {
      fill: Canvas;
      stroke: Canvas;
    }
  }
`;
