/**
 * What the tier matrix draws and says for one model, in one locale, at one width: the layout, the words
 * around the matrix (titles, notes, resource balance, tier rule), and for one item its tooltip and its
 * announcement. Pure: the element derives it in willUpdate and render() only places it.
 */
import type { TemplateResult } from 'lit';
import { describeTierRule } from '../../analysis/tiers.js';
import type { Formatters } from '../../internal/format.js';
import type { TooltipAnchor } from '../../internal/tooltip.js';
import { cellAt, cellCount, displayRows } from './tier-matrix-items.js';
import { itemBox, matrixLayout, type MatrixLayout, type TierBlockText } from './tier-matrix-layout.js';
import { topAccounts, type TierMatrixModel } from './tier-matrix-pipeline.js';
import { accountsText, axisNotes, balanceSentences, bandLabel, cellPhrase, describeCell, describeTier, tierBlockText, POTENTIAL_LABEL, VALUE_LABEL, type Wording } from './tier-matrix-text.js';
import { tooltipContent } from './tier-matrix-tooltip.js';

export interface Drawing {
  model: TierMatrixModel;
  w: Wording;
  width: number;
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
  rule: string[];
  /** "2 accounts have their tier given in the feed.", or "". */
  givenNote: string;
}

export interface Tip {
  anchor: TooltipAnchor;
  content: TemplateResult;
}

export function drawingOf(model: TierMatrixModel, f: Formatters, width: number): Drawing {
  const { matrix, tiers, options } = model;
  const w: Wording = { f, valueField: options.valueField, potentialField: options.potentialField };
  const rows = displayRows(matrix);
  const blocks = tiers.tiers.map((tier, t) => tierBlockText(f, tier, model.given[t]!));
  const layout = matrixLayout({
    width,
    columns: matrix.value.bands.map((_, b) => bandLabel(w, 'value', matrix.value, b, model.valueNames)),
    rows: rows.map((b) => bandLabel(w, 'potential', matrix.potential, b, model.potentialNames)),
    tiers: blocks,
  });
  const given = model.given.reduce((a, b) => a + b, 0);
  return {
    ...{ model, w, width, layout, rows, blocks },
    maxShare: Math.max(0, ...matrix.cells.map((c) => c.revenueShare)),
    valueTitle: `Current value (${VALUE_LABEL[options.valueField]}) →`,
    potentialTitles: [`Growth potential (${POTENTIAL_LABEL[options.potentialField]}) ↑`, 'Potential ↑'],
    notes: axisNotes(w, matrix, model.accounts.length),
    balance: balanceSentences(f, tiers),
    rule: describeTierRule(tiers.rules),
    givenNote: given ? `${accountsText(f, given)} ${given === 1 ? 'has its' : 'have their'} tier given in the feed.` : '',
  };
}

/** A cell in words ("High revenue, low potential"); "" for a tier. */
function phraseOf({ model, w }: Drawing, item: number): string {
  const { matrix, valueNames, potentialNames } = model;
  return item < cellCount(matrix) ? cellPhrase(w, matrix, cellAt(matrix, item), valueNames, potentialNames) : '';
}

/** The focused item in words, for the live region. */
export function describeItem(d: Drawing, item: number, selected: number): string {
  const { matrix, tiers } = d.model;
  const cells = cellCount(matrix);
  if (item < cells) return describeCell(d.w.f, phraseOf(d, item), cellAt(matrix, item), selected);
  return describeTier(d.w.f, tiers.tiers[item - cells]!, selected);
}

/** The tooltip of an item, anchored inside its cell or block. */
export function tipOf(d: Drawing, item: number, selected: number): Tip {
  const { model, layout } = d;
  const box = itemBox(layout, item, model.matrix.value.bands.length, cellCount(model.matrix));
  const anchor = { x: box.x + Math.min(box.width / 2, 60), y: box.y + Math.min(box.height / 2, 40), width: layout.width, height: layout.height };
  return { anchor, content: tooltipContent({ f: d.w.f, model, item, cellPhrase: phraseOf(d, item), selected, top: topAccounts(model, item) }) };
}
