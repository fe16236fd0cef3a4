/**
 * The SVG marks of the tier matrix as Lit templates: the tier patterns, the band headers, one cell, the
 * tier summary panel and the focus/hover ring. They only place what the layout and the text modules
 * computed; no data is read here.
 */
import { nothing, svg, type SVGTemplateResult } from 'lit';
import { TIER_ORDER } from '../../analysis/tiers.js';
import { flagGlyph } from '../../internal/flag-marks.js';
import type { Formatters } from '../../internal/format.js';
import { itemBox, LINE, textWidth, type MatrixLayout } from './tier-matrix-layout.js';
import type { MatrixCell } from '../../analysis/portfolio-matrix.js';
import { accountsText, tierCountsText, type FlagCount } from './tier-matrix-text.js';

export { tierPatterns } from '../../internal/tier-patterns.js';

const fill = (t: number) => `url(#tier-${TIER_ORDER[t]!.toLowerCase()})`;

export interface HeadersInput {
  layout: MatrixLayout;
  valueNames: readonly string[];
  potentialNames: readonly string[];
  /** Potential bands in drawing order (top row first). */
  rows: readonly number[];
  valueTitle: string;
  /** Row axis titles, longest first: the first that fits the matrix height is drawn (none when none fits). */
  potentialTitles: readonly string[];
}

/** Axis titles, column headers (value bands) and row headers (potential bands). */
export function bandHeaders({ layout, valueNames, potentialNames, rows, valueTitle, potentialTitles }: HeadersInput): SVGTemplateResult {
  const { cellWidth: w, cellHeight: h, gap } = layout;
  const rowTitle = potentialTitles.find((t) => textWidth(t) <= rows.length * h + (rows.length - 1) * gap);
  return svg`<g class="headers">
    <text class="axis-title" x=${layout.columnTitle.x} y=${layout.columnTitle.y} text-anchor="middle">${valueTitle}</text>
    ${rowTitle
      ? svg`<text class="axis-title" transform="translate(${layout.rowTitle.x} ${layout.rowTitle.y}) rotate(-90)" text-anchor="middle" dy="0.32em">${rowTitle}</text>`
      : nothing}
    <g class="column-heads${layout.columnFont < 11 ? ' compact' : ''}">
      ${valueNames.map((name, c) => {
        const x = layout.left + c * (w + gap) + w / 2;
        return svg`<text class="band-name" x=${x} y=${layout.headerY} text-anchor="middle">${name}</text>
          ${layout.columnRanges[c]!.map((line, k) => svg`<text class="band-range" x=${x} y=${layout.headerY + (k + 1) * LINE} text-anchor="middle">${line}</text>`)}`;
      })}
    </g>
    ${rows.map((b, r) => {
      const lines = layout.rowRanges[r]!;
      const y = layout.top + r * (h + gap) + h / 2 - (lines.length * LINE) / 2 + 4;
      return svg`<text class="band-name" x=${layout.rowLabelRight} y=${y} text-anchor="end">${potentialNames[b]}</text>
        ${lines.map((line, k) => svg`<text class="band-range" x=${layout.rowLabelRight} y=${y + (k + 1) * LINE} text-anchor="end">${line}</text>`)}`;
    })}
  </g>`;
}

export interface CellInput {
  f: Formatters;
  layout: MatrixLayout;
  /** Position in drawing order (row by row, top row first). */
  item: number;
  columns: number;
  cell: MatrixCell;
  /** The largest revenue share of any cell: the darkest shade. */
  maxShare: number;
  /** Selected accounts in the cell. */
  selected: number;
  /** Its accounts with red flags (the glyph and count top right: filled when one is severe, outlined otherwise). */
  flags?: FlagCount;
}

/** One cell: accounts, revenue, share, the tiers in words when they fit, a stacked bar of its tiers, and its red flags. */
export function cellMark({ f, layout, item, columns, cell, maxShare, selected, flags }: CellInput): SVGTemplateResult {
  const { x, y, width: w, height: h } = itemBox(layout, item, columns, Infinity);
  const pad = w < 70 ? 5 : 8;
  const room = w - pad * 2;
  const fit = (long: string, short: string, size = 11, bold = false, within = room) => (textWidth(long, size, bold) <= within ? long : short);
  // Red flags take the top right: a glyph and, when it fits beside the account count, how many accounts carry flags.
  const glyphWidth = flags?.flagged ? 14 : 0;
  const count = fit(accountsText(f, cell.count), f.integer(cell.count), 12, true, glyphWidth ? room - glyphWidth - 4 : room);
  const flagged = flags?.flagged && textWidth(count, 12, true) + glyphWidth + textWidth(f.integer(flags.flagged)) + 8 <= room ? f.integer(flags.flagged) : '';
  const flagWidth = glyphWidth + (flagged ? textWidth(flagged) : 0);
  const opacity = cell.count === 0 ? 0 : 0.06 + (maxShare > 0 ? (0.5 * cell.revenueShare) / maxShare : 0);
  let offset = 0;
  const segments = cell.tierCounts.map((n, t) => {
    const width = cell.count ? (room * n) / cell.count : 0;
    const at = offset;
    offset += width;
    return width > 0 ? svg`<rect x=${at} width=${width} height="7" fill=${fill(t)}></rect>` : nothing;
  });
  // The selection count goes top right when it fits beside the account count, else on the fourth line
  // in place of the tiers in words (the bar still shows the tiers).
  const tiers = cell.count ? tierCountsText(f, cell.tierCounts) : '';
  const selectedText = selected ? fit(`${f.integer(selected)} selected`, `✓ ${f.integer(selected)}`) : '';
  const selectedTop = selected > 0 && !glyphWidth && textWidth(count, 12, true) + textWidth(selectedText) + 10 <= room;
  const line4 =
    selected && !selectedTop
      ? svg`<text class="selected-count" x=${pad} y="61">${selectedText}</text>`
      : textWidth(tiers) <= room
        ? svg`<text class="tier-counts" x=${pad} y="61">${tiers}</text>`
        : nothing;
  return svg`<g class="cell${cell.count === 0 ? ' empty' : ''}${selected ? ' selected' : ''}" data-item=${item} transform="translate(${x} ${y})">
    <rect class="cell-bg" width=${w} height=${h} rx="4" fill-opacity=${opacity.toFixed(3)}></rect>
    <text class="count" x=${pad} y="18">${count}</text>
    ${selectedTop ? svg`<text class="selected-count" x=${w - pad} y="18" text-anchor="end">${selectedText}</text>` : nothing}
    ${glyphWidth
      ? svg`<g class="cell-flags">${flagGlyph(w - pad - flagWidth + 5, 13, flags!.severe ? 2 : 1, 10)}${flagged ? svg`<text class="flag-count" x=${w - pad} y="18" text-anchor="end">${flagged}</text>` : nothing}</g>`
      : nothing}
    <text x=${pad} y="33">${f.moneyCompact(cell.revenue)}</text>
    <text x=${pad} y="47">${fit(`${f.percent(cell.revenueShare)} of revenue`, f.percent(cell.revenueShare))}</text>
    ${line4}
    ${cell.count ? svg`<g transform="translate(${pad} ${h - 13})"><rect class="bar-track" width=${room} height="7"></rect>${segments}</g>` : nothing}
  </g>`;
}

export interface PanelInput {
  f: Formatters;
  layout: MatrixLayout;
  /** Item number of the first tier block (the cells come before). */
  firstItem: number;
  /** Selected accounts per tier. */
  selected: readonly number[];
}

/** The tier summary: one block per tier with its pattern, code, name, figures and definition. */
export function tierPanel({ f, layout, firstItem, selected }: PanelInput): SVGTemplateResult {
  return svg`<g class="panel">
    <text class="panel-title" x=${layout.panel.x} y=${layout.panel.y + 14}>Tier summary</text>
    ${layout.blocks.map((block, t) => {
      const x = block.x + 18;
      let y = block.y + 22;
      const name = block.nameLines.map((line) => svg`<text class="tier-name" x=${x} y=${(y += 15)}>${line}</text>`);
      const figures = block.figureLines.map((line) => svg`<text class="figure" x=${x} y=${(y += 14)}>${line}</text>`);
      y += 4;
      const definition = block.definitionLines.map((line) => svg`<text class="definition" x=${x} y=${(y += 14)}>${line}</text>`);
      return svg`<g class="tier-block${selected[t] ? ' selected' : ''}" data-item=${firstItem + t}>
        <rect class="block-bg" x=${block.x} y=${block.y} width=${block.width} height=${block.height} rx="4"></rect>
        <rect x=${block.x} y=${block.y} width="6" height=${block.height} fill=${fill(t)}></rect>
        <rect x=${x} y=${block.y + 9} width="14" height="14" fill=${fill(t)}></rect>
        <text class="tier-code" x=${x + 20} y=${block.y + 21}>${TIER_ORDER[t]}</text>
        ${selected[t] ? svg`<text class="selected-count" x=${block.x + block.width - 10} y=${block.y + 21} text-anchor="end">${f.integer(selected[t]!)} selected</text>` : nothing}
        ${name}${figures}${definition}
      </g>`;
    })}
  </g>`;
}

/** The focus ring (solid) or hover ring (dashed) around an item; left out of exports. */
export function itemRing(box: { x: number; y: number; width: number; height: number }, className: 'focus-ring' | 'hover-ring'): SVGTemplateResult {
  return svg`<rect class=${className} data-export="skip" x=${box.x - 2} y=${box.y - 2} width=${box.width + 4} height=${box.height + 4} rx="5"></rect>`;
}
