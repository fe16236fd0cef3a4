/**
 * The SVG marks of the Pareto chart as Lit templates: bars, the vital-few band and bracket, the cutoff,
 * axes, legend and the focus/hover ring. They only turn already-scaled values into attributes; the
 * element decides what is drawn.
 */
import { nothing, svg, type SVGTemplateResult } from 'lit';
import { TIER_ORDER } from '../../analysis/tiers.js';
import type { Tier } from '../../feed/schema.js';
import { flagGlyph } from '../../internal/flag-marks.js';
import type { Formatters } from '../../internal/format.js';
import { tierPatternFill } from '../../internal/tier-patterns.js';
import { labelAnchor, type CategoryLabel, type ParetoLayout, type PlacedLegendItem } from './pareto-layout.js';
import type { ParetoBar } from './pareto-bars.js';

/** Where the vital few end: the right edge of the last vital bar. */
function vitalRight(layout: ParetoLayout, vitalBars: number): number {
  return layout.left + (vitalBars - 1) * layout.step + layout.barWidth;
}

/** The soft background behind the vital few (only when they are not every bar). */
export function vitalBand(layout: ParetoLayout, vitalBars: number, barCount: number): SVGTemplateResult | typeof nothing {
  if (vitalBars <= 0 || vitalBars >= barCount) return nothing;
  const width = layout.left + vitalBars * layout.step - layout.left;
  return svg`<rect class="vital-band" x=${layout.left} y=${layout.top} width=${width} height=${layout.bottom - layout.top}></rect>`;
}

/**
 * A bracket over the vital-few bars and the words "Vital few" above it, at every width: the vital few
 * never differ from the rest by colour alone. The label starts at the first bar and may run past a
 * narrow bracket; the top margin is free for it.
 */
export function vitalBracket(layout: ParetoLayout, vitalBars: number): SVGTemplateResult | typeof nothing {
  if (vitalBars <= 0) return nothing;
  const [x1, x2, y] = [layout.left, vitalRight(layout, vitalBars), layout.top - 7];
  return svg`<g class="vital-marker">
    <polyline class="vital-bracket" points="${x1},${y + 4} ${x1},${y} ${x2},${y} ${x2},${y + 4}"></polyline>
    <text class="band-label" x=${x1} y=${y - 3}>Vital few</text>
  </g>`;
}

/** Horizontal grid lines at the revenue ticks. */
export function gridMarks(layout: ParetoLayout): SVGTemplateResult {
  return svg`<g class="grid">${layout.revenueTicks.map((t) => svg`<line x1=${layout.left} x2=${layout.right} y1=${layout.revenue(t)} y2=${layout.revenue(t)}></line>`)}</g>`;
}

/** One rect per bar; with `tierParts`, a stack per bar of its tiers' revenue, each in its tier's pattern. */
export function barMarks(
  layout: ParetoLayout,
  bars: readonly ParetoBar[],
  stateOf: (index: number) => string,
  tierParts?: (bar: ParetoBar) => ReadonlyMap<Tier, number>,
): SVGTemplateResult[] {
  const base = layout.revenue(0);
  return bars.map((bar, i) => {
    const x = layout.left + i * layout.step;
    if (!tierParts) {
      const y = layout.revenue(bar.revenue);
      return svg`<rect class="bar ${stateOf(i)}" x=${x} y=${y} width=${layout.barWidth} height=${Math.max(0, base - y)}></rect>`;
    }
    const parts = tierParts(bar);
    let top = base;
    return svg`<g class="bar ${stateOf(i)}">${TIER_ORDER.filter((t) => parts.has(t)).map((tier) => {
      const height = base - layout.revenue(parts.get(tier)!);
      top -= height;
      return svg`<rect class="tier-${tier.toLowerCase()}" fill=${tierPatternFill(tier)} x=${x} y=${top} width=${layout.barWidth} height=${Math.max(0, height)}></rect>`;
    })}</g>`;
  });
}

/** The dashed cutoff line, and the marker where the cumulative line crosses it. */
export function cutoffMarks(layout: ParetoLayout, cutoff: number, crossingX: number | undefined): SVGTemplateResult {
  const y = layout.share(cutoff);
  return svg`<line class="cutoff" x1=${layout.left} x2=${layout.right} y1=${y} y2=${y}></line>
    ${crossingX !== undefined
      ? svg`<line class="crossing-drop" x1=${crossingX} x2=${crossingX} y1=${y} y2=${layout.bottom}></line>
        <circle class="crossing" cx=${crossingX} cy=${y} r="4"></circle>`
      : nothing}`;
}

export interface AxisInput {
  layout: ParetoLayout;
  f: Formatters;
  labels: readonly CategoryLabel[];
  barCount: number;
  /** Bars hold several ranks each: the axis title says so. */
  grouped: boolean;
  /** What ranks the accounts when it is not revenue ("profit"): the axis title says so. */
  rankedBy?: string;
}

/** Revenue ticks (left), cumulative-share ticks (right), and ranks or names under the bars. */
export function axisMarks({ layout, f, labels, barCount, grouped, rankedBy }: AxisInput): SVGTemplateResult {
  const anchor = labelAnchor(barCount, layout.step);
  const title = `Accounts by ${rankedBy ? `${rankedBy} ` : ''}rank${grouped ? ' (grouped)' : ''}`;
  return svg`<g class="axis left">${layout.revenueTicks.map(
      (t) => svg`<text x=${layout.left - 6} y=${layout.revenue(t)} dy="0.32em" text-anchor="end">${f.moneyCompact(t)}</text>`,
    )}</g>
    <g class="axis right">${layout.shareTicks.map((t) => svg`<text x=${layout.right + 6} y=${layout.share(t)} dy="0.32em">${f.percentWhole(t)}</text>`)}</g>
    <g class="axis bottom">
      <line x1=${layout.left} x2=${layout.right} y1=${layout.bottom} y2=${layout.bottom}></line>
      ${labels.map((l) => svg`<text x=${layout.left + l.index * layout.step + layout.barWidth / 2} y=${layout.bottom + 14} text-anchor=${anchor}>${l.text}</text>`)}
      <text class="axis-title" x=${layout.right} y=${layout.bottom + 29} text-anchor="end">${title}</text>
    </g>`;
}

/** Swatches and labels of the legend, placed by `placeLegend`. Tier swatches show the tier patterns. */
export function legendMarks(items: readonly PlacedLegendItem[]): SVGTemplateResult {
  return svg`<g class="legend" aria-hidden="true">${items.map((item) => {
    const tier = TIER_ORDER.find((t) => item.key === `tier-${t.toLowerCase()}`);
    const mark =
      item.kind === 'box'
        ? svg`<rect class="legend-box ${item.key}" fill=${tier ? tierPatternFill(tier) : nothing} x=${item.x} y=${item.y + 2} width="12" height="10"></rect>`
        : svg`<line class=${item.kind === 'line' ? 'cumulative' : 'cutoff'} x1=${item.x} x2=${item.x + 14} y1=${item.y + 7} y2=${item.y + 7}></line>`;
    return svg`${mark}<text x=${item.x + 18} y=${item.y + 11}>${item.label}</text>`;
  })}</g>`;
}

/** The ring around the focused (solid) or hovered (dashed) bar; left out of exports. */
export function activeRing(layout: ParetoLayout, index: number, focused: boolean): SVGTemplateResult {
  return svg`<rect class=${focused ? 'focus-ring' : 'hover-ring'} data-export="skip"
    x=${layout.left + index * layout.step - 2} y=${layout.top - 2} width=${layout.barWidth + 4} height=${layout.bottom - layout.top + 4}></rect>`;
}

/**
 * The red-flag glyph of each flagged bar (`levels`: 0 none, 1 warning, 2 severe), inside the bar's top
 * when the bar is tall enough, else just above it. Where bars are narrower than a glyph, glyphs that
 * would overlap one already placed are left out, the severe ones placed first (the tooltip and the table
 * still give every bar's flags).
 */
export function flagMarks(layout: ParetoLayout, bars: readonly ParetoBar[], levels: Uint8Array): SVGTemplateResult {
  const size = Math.min(9, Math.max(5, layout.step - 1));
  const base = layout.revenue(0);
  const placed: { x: number; y: number; level: number }[] = [];
  const free = (x: number, y: number) => placed.every((p) => Math.abs(p.x - x) >= size || Math.abs(p.y - y) >= size);
  for (const level of [2, 1]) {
    bars.forEach((bar, i) => {
      if (levels[i] !== level) return;
      const top = layout.revenue(bar.revenue);
      const x = layout.left + i * layout.step + layout.barWidth / 2;
      const y = base - top >= size + 6 ? top + size / 2 + 2 : top - size / 2 - 2;
      if (free(x, y)) placed.push({ x, y, level });
    });
  }
  return svg`<g class="flags">${placed.map((p) => flagGlyph(p.x, p.y, p.level, size))}</g>`;
}
