/**
 * The words of <kam-quadrant>: the quadrants' names, the summary sentence, the figures of a quadrant,
 * the description of a point and the other sentences of the live region, the key help, the notes under
 * the chart and the axis title. Pure (no DOM): each takes the analysis and the formatters of the
 * widget's locale.
 */
import type { QuadrantTrail } from '../../analysis/quadrant-trail.js';
import type { QuadrantId, QuadrantResult, QuadrantSummary } from '../../analysis/quadrant.js';
import { QUADRANT_IDS, QUADRANT_LABELS } from '../../analysis/quadrant.js';
import { TIER_ORDER } from '../../analysis/tiers.js';
import type { Formatters } from '../../internal/format.js';
import type { ScaleKind } from '../../internal/scale.js';
import { accountOfPoint, type QuadrantModel } from './quadrant-model.js';
import type { Direction } from './quadrant-scatter.js';
import { TIER_SHAPE_NAMES } from './quadrant-shapes.js';
import { FULL_VIEW, magnification, type Zoom } from './quadrant-zoom.js';
import { periodName } from '../../internal/period-words.js';
import { displayText } from '../../internal/text-fit.js';

/** Names for the quadrants, by id; missing ones keep the default names. */
export type QuadrantLabels = Partial<Record<QuadrantId, string>>;

/** Reads the `labels` attribute: JSON of names by id. */
export const labelsConverter = {
  fromAttribute(value: string | null): QuadrantLabels {
    try {
      const parsed: unknown = JSON.parse(value ?? '{}');
      return parsed && typeof parsed === 'object' ? (parsed as QuadrantLabels) : {};
    } catch {
      return {}; // not JSON: keep the default names rather than throw from an attribute
    }
  },
  toAttribute: (value: QuadrantLabels) => JSON.stringify(value),
};

/** The name a quadrant is shown with. */
export type QuadrantLabelOf = (id: QuadrantId) => string;

/** A quadrant's name as shown: its entry in `labels` when that is a non-blank string, else the default. */
export function quadrantName(labels: QuadrantLabels | undefined, id: QuadrantId): string {
  const label = labels?.[id];
  return typeof label === 'string' && label.trim() ? label.trim() : QUADRANT_LABELS[id];
}

const accountsWord = (n: number) => (n === 1 ? 'account' : 'accounts');

/** "{share} of effort goes to {n} over-served accounts that hold {revenue share} of revenue." */
export function overServedSummary(result: QuadrantResult, labelOf: QuadrantLabelOf, f: Formatters): string {
  if (result.placed === 0) return `None of the ${f.integer(result.unplaced)} accounts can be plotted: each lacks effort or impact data.`;
  const over = result.quadrants[3]!;
  const one = over.accounts === 1;
  const label = labelOf('over-served');
  const who =
    label === QUADRANT_LABELS['over-served']
      ? `${f.integer(over.accounts)} over-served ${accountsWord(over.accounts)}`
      : `${f.integer(over.accounts)} ${accountsWord(over.accounts)} in “${label}”`;
  return `${f.percent(over.effortShare)} of effort goes to ${who} that ${one ? 'holds' : 'hold'} ${f.percent(over.revenueShare)} of revenue.`;
}

/** " 12 accounts moved into Over-served since 2026-Q2." (with a leading space), for the summary with `show-previous`. */
export function trailSentence(trail: QuadrantTrail, labelOf: QuadrantLabelOf, f: Formatters): string {
  const n = trail.movedInto[3]!;
  const label = labelOf('over-served');
  return ` ${f.integer(n)} ${accountsWord(n)} moved into ${label === QUADRANT_LABELS['over-served'] ? 'Over-served' : `“${label}”`} since ${periodName(trail.period)}.`;
}

/** "Maintain: 12 accounts, 8.0% of effort, $1,200 revenue." */
export function quadrantFigures(summary: QuadrantSummary, labelOf: QuadrantLabelOf, f: Formatters): string {
  return `${labelOf(summary.id)}: ${f.integer(summary.accounts)} ${accountsWord(summary.accounts)}, ${f.percent(summary.effortShare)} of effort, ${f.money(summary.revenue)} revenue.`;
}

/** Whether point k's impact is growth headroom (potential − revenue) rather than an impact score. */
export const isHeadroom = (result: QuadrantResult, k: number) => result.pointOwnImpact[k] === 0;

/** Whether every plotted account's impact is growth headroom (money on the y axis). */
export const allHeadroom = (result: QuadrantResult) => result.headroomCount === result.placed;

/** An impact as text: money for growth headroom, a number for an impact score; "–" for none. */
export function impactText(value: number | undefined, headroom: boolean, f: Formatters): string {
  if (value === undefined) return '–';
  return headroom ? `${f.money(value)} (headroom)` : f.number(value);
}

/** What the live region says about the focused point. */
export function pointDescription(model: QuadrantModel, k: number, selected: ReadonlySet<string>, labelOf: QuadrantLabelOf, f: Formatters, flagLevel = 0): string {
  const { scatter, result } = model;
  const account = accountOfPoint(model, k);
  const quadrant = labelOf(QUADRANT_IDS[scatter.quadrant[k]!]!);
  const tier = TIER_ORDER[scatter.tier[k]!]!;
  return `${displayText(account.name)}: ${quadrant}. Effort ${f.number(scatter.effort[k]!)}, impact ${impactText(scatter.impact[k]!, isHeadroom(result, k), f)}, revenue ${f.money(scatter.revenue[k]!)}, ${tier}.${flagLevel === 2 ? ' Severe red flag.' : flagLevel === 1 ? ' Red flag.' : ''}${selected.has(account.id) ? ' Selected.' : ''}`;
}

const ARROW_WAY: Record<Direction, string> = {
  ArrowRight: 'to the right (more effort)',
  ArrowLeft: 'to the left (less effort)',
  ArrowUp: 'above (more impact)',
  ArrowDown: 'below (less impact)',
};

/** What the live region says when an arrow key finds no account that way. */
export const noAccountFurther = (key: Direction) => `No account further ${ARROW_WAY[key]}.`;

/** Whether a key is one of the arrows. */
export const isArrow = (key: string): key is Direction => Object.hasOwn(ARROW_WAY, key);

/** The key help, read as the plot's description. */
export const KEY_HELP = `Arrow keys move to the nearest account in that direction, Page Up and Page Down move between quadrants, Enter selects, Shift+Enter adds to the selection, plus and minus zoom around the focused account, 0 resets the zoom, Escape clears the selection. Drag a rectangle to select the accounts in it (Shift adds, Alt zooms to it). Shapes show the tier: ${TIER_ORDER.map((t, i) => `${t} ${TIER_SHAPE_NAMES[i]}`).join(', ')}. Every account is also listed by "View as table".`;

/** What the live region says after a zoom. */
export const zoomSentence = (zoom: Zoom, f: Formatters) => (zoom === FULL_VIEW ? 'Zoom reset: the whole chart is shown.' : `Zoomed to ${f.number(magnification(zoom))}×.`);

/** The y axis title: impact, headroom, or both when some accounts lack an impact score. */
export function impactAxisTitle(result: QuadrantResult, scale: ScaleKind): string {
  const headroom = result.headroomCount;
  const title = headroom === result.placed ? 'Growth headroom (potential − revenue)' : headroom ? 'Impact (or growth headroom)' : 'Impact';
  return `${title}${scale === 'log' ? ' (log)' : ''} →`;
}

export interface Note {
  text: string;
  /** A note about accounts left off the chart (shown as a warning). */
  missing: boolean;
}

/** The notes under the chart: accounts not plotted, where the split is, the headroom fallback, the log scale. */
export function chartNotes(result: QuadrantResult, scale: ScaleKind, f: Formatters): Note[] {
  const notes: Note[] = [];
  const have = (n: number) => `${f.integer(n)} ${n === 1 ? 'account has' : 'accounts have'}`;
  const isAre = (n: number) => (n === 1 ? 'is' : 'are');
  const noEffort = result.missingEffortCount;
  const noImpact = result.unplaced - noEffort;
  if (noEffort) notes.push({ text: `${have(noEffort)} no effort data and ${isAre(noEffort)} not plotted.`, missing: true });
  if (noImpact) notes.push({ text: `${have(noImpact)} neither impact nor potential and ${isAre(noImpact)} not plotted.`, missing: true });
  if (result.placed) {
    const how = (source: 'median' | 'given') => (source === 'median' ? ' (median)' : '');
    notes.push({
      text: `Split at effort ${f.number(result.effortThreshold!)}${how(result.thresholdSource.effort)} and impact ${f.number(result.impactThreshold!)}${how(result.thresholdSource.impact)}; an account exactly on a split line counts as high.`,
      missing: false,
    });
  }
  const headroom = result.headroomCount;
  if (headroom && headroom < result.placed) {
    notes.push({ text: `Impact is growth headroom (potential − revenue) for ${f.integer(headroom)} ${accountsWord(headroom)} without an impact score.`, missing: false });
  }
  if (scale === 'log') {
    notes.push({ text: 'Log scale (symmetric): zero stays at the axis and negative impact is mirrored below it; values between −1 and 1 are close to linear.', missing: false });
  }
  return notes;
}

/** The labels of the split lines: "median 32", "threshold $100K" (money when every impact is headroom). */
export function splitTexts(result: QuadrantResult, f: Formatters): { effort?: string; impact?: string } {
  const source = (s: 'median' | 'given') => (s === 'median' ? 'median' : 'threshold');
  const { effortThreshold: effort, impactThreshold: impact } = result;
  return {
    effort: effort === null ? undefined : `${source(result.thresholdSource.effort)} ${f.compact(effort)}`,
    impact: impact === null ? undefined : `${source(result.thresholdSource.impact)} ${allHeadroom(result) ? f.moneyCompact(impact) : f.compact(impact)}`,
  };
}

/** Where nothing can be plotted, said in one sentence. */
export const NOTHING_PLACED = 'No account has both effort and impact (or potential) data, so there is nothing to plot.';
