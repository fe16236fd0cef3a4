/**
 * The SVG marks of <kam-quadrant> as Lit templates: legend, quadrant regions, grid and axes, the points
 * (when drawn as SVG), and the overlay of split lines, quadrant names, point labels, focus and hover
 * rings and the drag rectangle. They only turn the layout's pixel positions into attributes.
 */
import { nothing, svg, type SVGTemplateResult } from 'lit';
import { QUADRANT_IDS } from '../../analysis/quadrant.js';
import { flagGlyphPath } from '../../internal/flag-marks.js';
import { fitText } from '../../internal/text-fit.js';
import type { PlacedLabel } from './quadrant-labels.js';
import type { QuadrantLayout } from './quadrant-layout.js';
import { topPoints, type Scatter } from './quadrant-scatter.js';
import type { QuadrantTrail } from '../../analysis/quadrant-trail.js';
import { NO_TIER } from '../../feed/columns.js';
import { shapePath } from './quadrant-shapes.js';
import type { Box } from './quadrant-zoom.js';

export function legendMarks(layout: QuadrantLayout): SVGTemplateResult {
  return svg`<g class="legend">${layout.legend.map((item) =>
    item.tier >= 0
      ? svg`<path class="tier-${item.tier}" d=${shapePath(item.tier, item.x + 6, item.y + 7, 5)}></path><text x=${item.x + 16} y=${item.y + 11}>${item.text}</text>`
      : svg`<circle class="size-icon" cx=${item.x + 3} cy=${item.y + 10} r="2.5"></circle><circle class="size-icon" cx=${item.x + 10} cy=${item.y + 7} r="5.5"></circle><text class="size-note" x=${item.x + 20} y=${item.y + 11}>${item.text}</text>`,
  )}</g>`;
}

export function regionMarks(layout: QuadrantLayout): SVGTemplateResult {
  return svg`<g class="regions">${QUADRANT_IDS.map((id) => {
    const r = layout.regions[id];
    return r ? svg`<rect class="region ${id}" x=${r.x0} y=${r.y0} width=${r.x1 - r.x0} height=${r.y1 - r.y0}></rect>` : nothing;
  })}</g>`;
}

export function axisMarks(layout: QuadrantLayout, xTitle: string, yTitle: string): SVGTemplateResult {
  const { left, right, top, bottom } = layout;
  return svg`<g class="grid">
      ${layout.xTicks.map((t) => svg`<line x1=${t.at} x2=${t.at} y1=${top} y2=${bottom}></line>`)}
      ${layout.yTicks.map((t) => svg`<line class=${t.value === 0 ? 'zero' : ''} x1=${left} x2=${right} y1=${t.at} y2=${t.at}></line>`)}
    </g>
    <g class="axis x">
      <line x1=${left} x2=${right} y1=${bottom} y2=${bottom}></line>
      ${layout.xTicks.map((t) => svg`<text x=${t.at} y=${bottom + 14} text-anchor="middle">${t.text}</text>`)}
      <text class="axis-title" x=${right} y=${bottom + 32} text-anchor="end">${xTitle}</text>
    </g>
    <g class="axis y">
      <line x1=${left} x2=${left} y1=${top} y2=${bottom}></line>
      ${layout.yTicks.map((t) => svg`<text x=${left - 6} y=${t.at} dy="0.32em" text-anchor="end">${t.text}</text>`)}
      <text class="axis-title" transform="translate(12 ${top}) rotate(-90)" text-anchor="end">${fitText(yTitle, bottom - top)}</text>
    </g>`;
}

/** Every visible point as a path, largest first; selected ones marked (the rest fade while there is a selection). */
export function pointMarks(scatter: Scatter, layout: QuadrantLayout, selected: Uint8Array | undefined): SVGTemplateResult {
  const { drawOrder, px, py, radius } = layout;
  const paths: SVGTemplateResult[] = [];
  for (let i = 0; i < drawOrder.length; i++) {
    const k = drawOrder[i]!;
    const tier = scatter.tier[k]!;
    paths.push(svg`<path class="point tier-${tier}${selected?.[k] ? ' selected' : ''}" d=${shapePath(tier, px[k]!, py[k]!, radius[k]!)}></path>`);
  }
  return svg`<g class="points${selected ? ' has-selection' : ''}" clip-path="url(#points-clip)">${paths}</g>`;
}

/** How many trails are drawn at most: those of the largest accounts that changed quadrant. */
export const MAX_TRAILS = 2000;

/**
 * Faint trails from where accounts stood in the previous period to where they are now, for the accounts
 * that changed quadrant (the largest MAX_TRAILS of them): a line and a hollow dot at the old position.
 */
export function trailMarks(scatter: Scatter, trail: QuadrantTrail, layout: QuadrantLayout): SVGTemplateResult {
  const changed = (k: number) => trail.quadrant[k] !== NO_TIER && trail.quadrant[k] !== scatter.quadrant[k];
  const shown = topPoints(scatter.revenue, MAX_TRAILS, changed);
  const x = (u: number) => layout.x0 + (u - layout.u0) * layout.sx;
  const y = (v: number) => layout.y0 - (v - layout.v0) * layout.sy;
  return svg`<g class="trails" clip-path="url(#points-clip)">${shown.map((k) => {
    const x0 = x(scatter.x.toUnit(trail.effort[k]!));
    const y0 = y(scatter.y.toUnit(trail.impact[k]!));
    return svg`<line class="trail" x1=${x0} y1=${y0} x2=${layout.px[k]!} y2=${layout.py[k]!}></line><circle class="trail-from" cx=${x0} cy=${y0} r="2.5"></circle>`;
  })}</g>`;
}

export interface OverlayMarks {
  labels: readonly PlacedLabel[];
  /** Points with a hover and a focus ring, -1 for none. */
  hover: number;
  focus: number;
  brush?: Box;
}

export function overlayMarks(layout: QuadrantLayout, overlay: OverlayMarks): SVGTemplateResult {
  const ring = (k: number, className: string) =>
    k >= 0 ? svg`<circle class=${className} data-export="skip" cx=${layout.px[k]!} cy=${layout.py[k]!} r=${layout.radius[k]! + 4}></circle>` : nothing;
  const b = overlay.brush;
  return svg`<g class="splits">
      ${layout.splitX !== undefined ? svg`<line class="split" x1=${layout.splitX} x2=${layout.splitX} y1=${layout.top} y2=${layout.bottom}></line>` : nothing}
      ${layout.splitY !== undefined ? svg`<line class="split" x1=${layout.left} x2=${layout.right} y1=${layout.splitY} y2=${layout.splitY}></line>` : nothing}
      ${layout.splitLabels.map((s) => svg`<text class="split-label" x=${s.x} y=${s.y} text-anchor=${s.anchor}>${s.text}</text>`)}
    </g>
    <g class="names">${layout.names.map(
      (n) => svg`<text class="quadrant-name" x=${n.x} y=${n.y} text-anchor=${n.anchor}>${n.lines.map((line, i) => svg`<tspan x=${n.x} dy=${i ? 13 : 0}>${line}</tspan>`)}</text>`,
    )}</g>
    <g class="labels">${overlay.labels.map((l) => svg`<text class="point-label" x=${l.x} y=${l.y} text-anchor=${l.anchor}>${l.text}</text>`)}</g>
    ${ring(overlay.hover !== overlay.focus ? overlay.hover : -1, 'hover-ring')}
    ${ring(overlay.focus, 'focus-ring')}
    ${b ? svg`<rect class="brush" data-export="skip" x=${b.x0} y=${b.y0} width=${b.x1 - b.x0} height=${b.y1 - b.y0}></rect>` : nothing}`;
}

/** The most flags drawn: past it, the severe ones first, then the largest accounts (a note says so). */
export const MAX_FLAG_MARKS = 2000;

/** The flags to draw: where (pixel centres), their level, their size, and how many flagged points are in view. */
export interface PlacedFlags {
  marks: { x: number; y: number; level: number }[];
  size: number;
  inView: number;
}

/**
 * Where the red-flag glyphs of the flagged points in view go: at each point's upper right, inside the
 * point area (a flag that would cross its edge is left out: a clip path costs every repaint). `level` is
 * per account (0 none, 1 warning, 2 severe). At most `limit`, severe first, then by size (the draw order).
 */
export function placeFlags(scatter: Scatter, layout: QuadrantLayout, level: Uint8Array, limit = MAX_FLAG_MARKS): PlacedFlags {
  const { drawOrder, px, py, radius, clip } = layout;
  // Smaller where the bubbles are small (a narrow chart of many accounts), 8 px at most.
  const size = Math.min(8, Math.max(5, layout.maxRadius * 0.9));
  const marks: PlacedFlags['marks'] = [];
  let inView = 0;
  for (const wanted of [2, 1]) {
    for (let i = 0; i < drawOrder.length; i++) {
      const k = drawOrder[i]!;
      if (level[scatter.account[k]!] !== wanted) continue;
      const offset = radius[k]! * 0.7 + size / 2;
      const x = px[k]! + offset;
      const y = py[k]! - offset;
      if (x - size / 2 < clip.x0 || x + size / 2 > clip.x1 || y - size / 2 < clip.y0 || y + size / 2 > clip.y1) continue;
      inView++;
      if (marks.length < limit) marks.push({ x, y, level: wanted });
    }
  }
  return { marks, size, inView };
}

/** The placed flags, one small path each: filled for severe, outlined for a warning; the severe drawn last, on top. */
export function flagMarks({ marks, size }: PlacedFlags): SVGTemplateResult {
  const paths: SVGTemplateResult[] = [];
  for (let i = marks.length - 1; i >= 0; i--) {
    const { x, y, level } = marks[i]!;
    paths.push(svg`<path class="flag-mark ${level === 2 ? 'severe' : 'warning'}" d=${flagGlyphPath(x, y, size)}></path>`);
  }
  return svg`<g class="flags">${paths}</g>`;
}
