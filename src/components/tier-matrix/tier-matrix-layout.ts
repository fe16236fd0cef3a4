/**
 * Where everything goes in the tier-matrix SVG for a given width: the band headers, the cells, and the
 * tier summary beside the matrix (wide) or below it (narrow), with its text wrapped to the room there is;
 * and the chart of one model at one width in one locale, placed (`tierMatrixChart`), with the words
 * around it. Pure (no DOM): text widths are estimated from the character count, generously, so labels
 * never overlap.
 */
import { describeTierRule } from '../../analysis/tier-text.js';
import type { Formatters } from '../../internal/format.js';
import type { TooltipAnchor } from '../../internal/tooltip.js';
import { textWidth, wrap } from '../../internal/text-fit.js';
import { cellCount, displayRows, type ItemFlags, type TierMatrixModel } from './tier-matrix-model.js';
import { hasCosts, roiSentence } from './tier-matrix-roi.js';
import {
  accountsText,
  axisNotes,
  balanceSentences,
  bandLabel,
  tierBlockText,
  POTENTIAL_LABEL,
  VALUE_LABEL,
  type BandLabel,
  type TierBlockText,
  type Wording,
} from './tier-matrix-text.js';

export { textWidth, wrap };

/**
 * The range of a band in one line ("$1M–$3M") when it fits, else one line per bound ("≥ $1M", "< $3M"),
 * and when even those do not fit, each sign above its value ("≥", "$1M", "<", "$3M").
 */
export function rangeLines(label: BandLabel, width: number, size = 11): string[] {
  const { from, to } = label;
  if (from === undefined && to === undefined) return label.note ? [label.note] : [];
  const fits = (lines: string[]) => lines.every((line) => textWidth(line, size) <= width);
  if (from !== undefined && to !== undefined && fits([`${from}–${to}`])) return [`${from}–${to}`];
  const bounds: [string, string][] = [];
  if (from !== undefined) bounds.push(['≥', from]);
  if (to !== undefined) bounds.push(['<', to]);
  const lines = bounds.map(([sign, value]) => `${sign} ${value}`);
  return fits(lines) ? lines : bounds.flat();
}

export interface TierBlock {
  x: number;
  y: number;
  width: number;
  height: number;
  nameLines: string[];
  figureLines: string[];
  definitionLines: string[];
}

export interface MatrixLayout {
  width: number;
  height: number;
  /** Left edge of the first cell column and top of the first cell row. */
  left: number;
  top: number;
  cellWidth: number;
  cellHeight: number;
  gap: number;
  /** The axis titles' anchor points. */
  columnTitle: { x: number; y: number };
  rowTitle: { x: number; y: number };
  /** Baseline of the first header line; header lines are LINE apart. */
  headerY: number;
  columnRanges: string[][];
  /** Font size of the column headers: 11 px, or 10 px when the columns are narrow. */
  columnFont: number;
  rowRanges: string[][];
  /** Right edge of the row headers (they are right-aligned there). */
  rowLabelRight: number;
  /** The tier summary: its heading position and the blocks. */
  panel: { x: number; y: number; width: number };
  blocks: TierBlock[];
}

export const LINE = 13;
const GAP = 4;
const WIDE = 760;
const PAD = 10;

export interface LayoutInput {
  width: number;
  columns: readonly BandLabel[];
  rows: readonly BandLabel[];
  tiers: readonly TierBlockText[];
}

function figureLines(figures: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const figure of figures) {
    const last = lines[lines.length - 1];
    const joined = last === undefined ? figure : `${last} · ${figure}`;
    if (last !== undefined && textWidth(joined) <= width) lines[lines.length - 1] = joined;
    else lines.push(...wrap(figure, width));
  }
  return lines;
}

function tierBlocks(tiers: readonly TierBlockText[], x: number, y: number, width: number): TierBlock[] {
  const columns = width >= 520 ? 2 : 1;
  const blockWidth = (width - (columns - 1) * 8) / columns;
  const inner = blockWidth - PAD * 2 - 8;
  const blocks = tiers.map((t) => {
    const nameLines = wrap(t.name, inner, 12, true);
    const figures = figureLines(t.figures, inner);
    const definitionLines = wrap(t.definition, inner);
    const height = PAD + 16 + nameLines.length * 15 + figures.length * 14 + 4 + definitionLines.length * 14 + PAD - 4;
    return { x: 0, y: 0, width: blockWidth, height, nameLines, figureLines: figures, definitionLines };
  });
  let top = y;
  for (let i = 0; i < blocks.length; i += columns) {
    const row = blocks.slice(i, i + columns);
    const height = Math.max(...row.map((b) => b.height));
    row.forEach((b, k) => Object.assign(b, { x: x + k * (blockWidth + 8), y: top, height }));
    top += height + 8;
  }
  return blocks;
}

export function matrixLayout({ width, columns, rows, tiers }: LayoutInput): MatrixLayout {
  const wide = width >= WIDE;
  const panelWidth = wide ? Math.round(Math.min(380, Math.max(260, width * 0.3))) : width;
  const matrixWidth = wide ? width - panelWidth - 24 : width;
  // Row headers: as narrow as their text allows (two-line ranges when room is short), 52-120 px.
  const rowBudget = matrixWidth < 420 ? 64 : 110;
  const rowRanges = rows.map((r) => rangeLines(r, rowBudget));
  const rowTextWidth = Math.max(...rows.map((r, i) => Math.max(textWidth(r.name, 11, true), ...rowRanges[i]!.map((l) => textWidth(l)))));
  const rowLabelWidth = Math.min(120, Math.max(52, Math.ceil(rowTextWidth) + 6));
  const left = 18 + rowLabelWidth + 6;
  const cellWidth = Math.max(40, (matrixWidth - left - (columns.length - 1) * GAP) / columns.length);
  const columnFont = cellWidth < 64 ? 10 : 11;
  const columnRanges = columns.map((c) => rangeLines(c, cellWidth - 6, columnFont));
  const headerLines = 1 + Math.max(0, ...columnRanges.map((l) => l.length));
  const headerY = 30;
  const top = headerY + (headerLines - 1) * LINE + 10;
  const cellHeight = Math.round(Math.min(110, Math.max(80, cellWidth * 0.55, (Math.max(...rowRanges.map((l) => l.length)) + 1) * LINE + 8)));
  const matrixBottom = top + rows.length * cellHeight + (rows.length - 1) * GAP;
  const panel = wide ? { x: matrixWidth + 24, y: 0, width: panelWidth } : { x: 0, y: matrixBottom + 20, width };
  const blocks = tierBlocks(tiers, panel.x, panel.y + 24, panel.width);
  const panelBottom = blocks.length ? Math.max(...blocks.map((b) => b.y + b.height)) : panel.y;
  return {
    width,
    height: Math.ceil(Math.max(matrixBottom, panelBottom) + 2),
    left,
    top,
    cellWidth,
    cellHeight,
    gap: GAP,
    columnTitle: { x: left + (matrixWidth - left) / 2, y: 12 },
    rowTitle: { x: 10, y: top + (matrixBottom - top) / 2 },
    headerY,
    columnRanges,
    columnFont,
    rowRanges,
    rowLabelRight: 18 + rowLabelWidth,
    panel,
    blocks,
  };
}

/** The box of a drawn item: cells first (row by row, top row first), then the tier blocks. */
export function itemBox(layout: MatrixLayout, item: number, columns: number, cells: number): { x: number; y: number; width: number; height: number } {
  if (item >= cells) return layout.blocks[item - cells]!;
  const { cellWidth: width, cellHeight: height, gap } = layout;
  return { x: layout.left + (item % columns) * (width + gap), y: layout.top + Math.floor(item / columns) * (height + gap), width, height };
}

/** The box of a drawn item (cell or tier block) in the chart. */
export function boxOf(chart: TierMatrixChart, item: number): { x: number; y: number; width: number; height: number } {
  const { matrix } = chart.model;
  return itemBox(chart.layout, item, matrix.value.bands.length, cellCount(matrix));
}

/** Where an item's tooltip points: inside its cell or block, near the top left. */
export function tipAnchor(chart: TierMatrixChart, item: number): TooltipAnchor {
  const { layout } = chart;
  const box = boxOf(chart, item);
  return { x: box.x + Math.min(box.width / 2, 60), y: box.y + Math.min(box.height / 2, 40), width: layout.width, height: layout.height };
}

/** What the tier matrix draws and says for one model, in one locale, at one width. */
export interface TierMatrixChart {
  model: TierMatrixModel;
  w: Wording;
  layout: MatrixLayout;
  /** Potential bands in drawing order (top row first). */
  rows: number[];
  /** The largest revenue share of any cell: the darkest shade. */
  maxShare: number;
  valueTitle: string;
  /** Row axis titles, longest first (the first that fits is drawn). */
  potentialTitles: string[];
  blocks: TierBlockText[];
  notes: string[];
  balance: string[];
  /** The return on the cost to serve per tier, or what is missing for it. */
  roi: string;
  rule: string[];
  /** "2 accounts have their tier given in the feed.", or "". */
  givenNote: string;
}

/** The chart of `model` at `width`; with `flags` (red-flag counts per item) the tier blocks say how many accounts carry flags. */
export function tierMatrixChart(model: TierMatrixModel, f: Formatters, width: number, flags?: ItemFlags): TierMatrixChart {
  const { matrix, tiers, options } = model;
  const w: Wording = { f, valueField: options.valueField, potentialField: options.potentialField };
  const rows = displayRows(matrix);
  const cells = cellCount(matrix);
  const roi = hasCosts(model.roi) ? model.roi : undefined;
  const blocks = tiers.tiers.map((tier, t) =>
    tierBlockText(f, tier, model.given[t]!, roi?.tiers[t], flags && { flagged: flags.flagged[cells + t]!, severe: flags.severe[cells + t]! }),
  );
  const layout = matrixLayout({
    width,
    columns: matrix.value.bands.map((_, b) => bandLabel(w, 'value', matrix.value, b, model.valueNames)),
    rows: rows.map((b) => bandLabel(w, 'potential', matrix.potential, b, model.potentialNames)),
    tiers: blocks,
  });
  const given = model.given.reduce((a, b) => a + b, 0);
  return {
    ...{ model, w, layout, rows, blocks },
    maxShare: Math.max(0, ...matrix.cells.map((c) => c.revenueShare)),
    valueTitle: `Current value (${VALUE_LABEL[options.valueField]}) →`,
    potentialTitles: [`Growth potential (${POTENTIAL_LABEL[options.potentialField]}) ↑`, 'Potential ↑'],
    notes: axisNotes(w, matrix, model.portfolio.accounts.length),
    balance: balanceSentences(f, tiers),
    roi: roiSentence(f, model.roi),
    rule: describeTierRule(tiers.rules),
    givenNote: given ? `${accountsText(f, given)} ${given === 1 ? 'has its' : 'have their'} tier given in the feed.` : '',
  };
}
