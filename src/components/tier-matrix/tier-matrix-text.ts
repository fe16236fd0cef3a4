/**
 * Everything the tier matrix says in words: the summary sentence, band labels and phrases, the notes on
 * collapsed bands, the tier figures, the resource balance, and for one item its announcement and its
 * tooltip. Pure (formatters are passed in), so the wording is tested in Node and the element only places it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { TIER_ORDER, type TierResult, type TierSummary } from '../../analysis/tiers.js';
import { previousTierText } from '../../analysis/previous-tiers.js';
import type { Account } from '../../feed/schema.js';
import type { Formatters } from '../../internal/format.js';
import type { TierRoi } from '../../analysis/roi.js';
import { tooltipFacts } from '../../internal/tooltip.js';
import { roiFacts, tierRoiFigure } from './tier-matrix-roi.js';
import type { Matrix, MatrixCell } from '../../analysis/portfolio-matrix.js';
import type { BandAxis, PotentialField, ValueField } from '../../analysis/bands.js';
import { cellAt, cellCount, type TierMatrixModel } from './tier-matrix-model.js';
import { displayText } from '../../internal/text-fit.js';

export const VALUE_LABEL: Readonly<Record<ValueField, string>> = { revenue: 'revenue', clv: 'CLV', profit: 'profit' };
export const POTENTIAL_LABEL: Readonly<Record<PotentialField, string>> = { headroom: 'headroom', potential: 'potential', impact: 'impact' };

export type Axis = 'value' | 'potential';

/** A band header: its name and its range (bounds already formatted). */
export interface BandLabel {
  name: string;
  /** Smallest value of the band, formatted ("$1.2M"); absent for the lowest band. */
  from?: string;
  /** Smallest value above the band, formatted; absent for the highest band. */
  to?: string;
  /** Shown instead of a range when the band has no bounds ("no potential", "all $5K"). */
  note?: string;
}

/** The text of one tier block in the summary. */
export interface TierBlockText {
  /** "MVC". */
  code: string;
  /** "Most Valuable Customers". */
  name: string;
  /** Figures, each kept whole on a line when it fits: "12 accounts", "$3.4M revenue", … */
  figures: string[];
  /** One-line definition, wrapped. */
  definition: string;
}

/** What the words depend on: the locale's formatters and the measures in force. */
export interface Wording {
  f: Formatters;
  valueField: ValueField;
  potentialField: PotentialField;
}

export function accountsText(f: Formatters, n: number): string {
  return `${f.integer(n)} ${n === 1 ? 'account' : 'accounts'}`;
}

/** "{total} accounts: {a} MVC, {b} MGC, {c} STC, {d} BZ; MVCs hold {share} of revenue." ("1 account: …" for one.) */
export function summarySentence(f: Formatters, tiers: TierResult): string {
  const [mvc, mgc, stc, bz] = tiers.tiers;
  return `${accountsText(f, tiers.totals.accounts)}: ${f.integer(mvc!.accounts)} MVC, ${f.integer(mgc!.accounts)} MGC, ${f.integer(stc!.accounts)} STC, ${f.integer(bz!.accounts)} BZ; MVCs hold ${f.percent(mvc!.revenueShare)} of revenue.`;
}

/** "2 MVC, 1 STC" (tiers without accounts left out), or "none". */
export function tierCountsText(f: Formatters, counts: readonly number[]): string {
  return TIER_ORDER.flatMap((tier, t) => (counts[t] ? [`${f.integer(counts[t])} ${tier}`] : [])).join(', ') || 'none';
}

/** How an axis's values are written: money, except the impact score. */
export function measureFormat(w: Wording, axis: Axis): (value: number) => string {
  return axis === 'potential' && w.potentialField === 'impact' ? w.f.compact : w.f.moneyCompact;
}

function measureName(w: Wording, axis: Axis): string {
  return axis === 'value' ? VALUE_LABEL[w.valueField] : 'potential';
}

/** A band header: its name and its bounds, or "no CLV" / "all $5K" when it has no bounds. */
export function bandLabel(w: Wording, axis: Axis, bands: BandAxis, b: number, names: readonly string[]): BandLabel {
  const band = bands.bands[b]!;
  const format = measureFormat(w, axis);
  if (band.missing) return { name: names[b]!, note: `no ${measureName(w, axis)}` };
  if (bands.sharedValue !== undefined) return { name: names[b]!, note: `all ${format(bands.sharedValue)}` };
  return { name: names[b]!, from: band.from === undefined ? undefined : format(band.from), to: band.to === undefined ? undefined : format(band.to) };
}

/** A band in words: "High revenue", "Low potential", "No CLV data", "Any revenue". */
export function bandPhrase(w: Wording, axis: Axis, bands: BandAxis, b: number, names: readonly string[]): string {
  const measure = measureName(w, axis);
  if (bands.bands[b]!.missing) return `No ${measure} data`;
  return names[b] === 'All' ? `Any ${measure}` : `${names[b]} ${measure}`;
}

/** A cell in words: "High revenue, low potential". */
export function cellPhrase(w: Wording, matrix: Matrix, cell: MatrixCell, valueNames: readonly string[], potentialNames: readonly string[]): string {
  const potential = bandPhrase(w, 'potential', matrix.potential, cell.potentialBand, potentialNames);
  return `${bandPhrase(w, 'value', matrix.value, cell.valueBand, valueNames)}, ${potential.charAt(0).toLowerCase()}${potential.slice(1)}`;
}

/**
 * The text of a tier's block in the summary: figures (profit even when negative), name, definition; with
 * `roi` its return on the cost to serve, with `flags` how many of its accounts carry red flags.
 */
export function tierBlockText(f: Formatters, tier: TierSummary, given: number, roi?: TierRoi, flags?: FlagCount): TierBlockText {
  const figures = [accountsText(f, tier.accounts), `${f.moneyCompact(tier.revenue)} (${f.percent(tier.revenueShare)} of revenue)`];
  figures.push(tier.profit === null ? 'no profit data' : `profit ${f.moneyCompact(tier.profit)}`);
  if (tier.effortShare !== null) figures.push(`${f.percent(tier.effortShare)} of effort`);
  if (roi && tier.accounts > 0) figures.push(tierRoiFigure(f, roi));
  if (flags?.flagged) figures.push(flagCountText(f, flags));
  if (given) figures.push(`${f.integer(given)} given in the feed`);
  return { code: tier.tier, name: tier.name, figures, definition: tier.definition };
}

/** Red-flagged accounts of a cell or tier. */
export interface FlagCount {
  flagged: number;
  severe: number;
}

/** "2 with red flags (1 severe)", "1 with a red flag". */
export function flagCountText(f: Formatters, { flagged, severe }: FlagCount): string {
  const what = flagged === 1 ? `${f.integer(flagged)} with a red flag` : `${f.integer(flagged)} with red flags`;
  return severe ? `${what} (${f.integer(severe)} severe)` : what;
}

/** A tier block as one line for screen readers (the drawn summary is hidden from them): "MVC, Most Valuable Customers: 3 accounts, …. The few …". */
export function tierSummaryLine(block: TierBlockText): string {
  return `${block.code}, ${block.name}: ${block.figures.join(', ')}. ${block.definition}`;
}

/** Why an axis has fewer bands than usual, or a "No data" band. */
export function axisNotes(w: Wording, matrix: Matrix, accounts: number): string[] {
  const notes: string[] = [];
  const axes = [
    { axis: 'value', bands: matrix.value, lines: 'columns', place: 'column', noun: `${VALUE_LABEL[w.valueField]} figure`, measure: VALUE_LABEL[w.valueField] },
    {
      axis: 'potential',
      bands: matrix.potential,
      lines: 'rows',
      place: 'row',
      noun: w.potentialField === 'impact' ? 'impact score or potential figure' : 'potential figure',
      measure: POTENTIAL_LABEL[w.potentialField],
    },
  ] as const;
  for (const { axis, bands, lines, place, noun, measure } of axes) {
    const missing = bands.missing;
    if (bands.note === 'all-missing') notes.push(`No account has a ${noun}, so ${axis === 'potential' ? 'growth potential' : 'value'} cannot be banded: the ${lines} collapse into one band.`);
    else if (missing > 0) notes.push(`${accountsText(w.f, missing)} ${missing === 1 ? 'has' : 'have'} no ${noun}; ${missing === 1 ? 'it is' : 'they are'} in the “No data” ${place}.`);
    if (bands.note === 'all-equal') {
      notes.push(
        accounts === 1
          ? `With a single account there is one ${axis} band.`
          : `Every account has the same ${measure} (${measureFormat(w, axis)(bands.sharedValue!)}), so there is one ${axis} band.`,
      );
    } else if (bands.note === 'ties') {
      notes.push(`Many accounts have the same ${measure}, so the tertile cuts coincide: two ${axis} bands instead of three.`);
    }
  }
  return notes;
}

/** "BZ accounts take 18.0% of effort and give 4.0% of revenue." per tier with accounts; none without effort data. */
export function balanceSentences(f: Formatters, tiers: TierResult): string[] {
  if (tiers.totals.effortAccounts === 0) return [];
  return tiers.tiers
    .filter((t) => t.accounts > 0 && t.effortShare !== null)
    .map((t) => `${t.tier} accounts take ${f.percent(t.effortShare!)} of effort and give ${f.percent(t.revenueShare)} of revenue.`);
}

function selectedText(f: Formatters, selected: number): string {
  return selected ? ` ${f.integer(selected)} selected.` : '';
}

/** A focused cell, for the live region. */
export function describeCell(f: Formatters, phrase: string, cell: MatrixCell, selected: number, flags?: FlagCount): string {
  const flagged = flags?.flagged ? ` ${flagCountText(f, flags)}.` : '';
  return `${phrase}: ${accountsText(f, cell.count)}, ${f.moneyCompact(cell.revenue)}, ${f.percent(cell.revenueShare)} of revenue; tiers: ${tierCountsText(f, cell.tierCounts)}.${flagged}${selectedText(f, selected)}`;
}

/** A focused tier, for the live region: its figures, profit (negative for BZ) included. */
export function describeTier(f: Formatters, tier: TierSummary, selected: number, flags?: FlagCount): string {
  const profit = tier.profit === null ? 'no profit data' : `profit ${f.moneyCompact(tier.profit)}`;
  const effort = tier.effortShare === null ? '' : `, ${f.percent(tier.effortShare)} of effort`;
  const flagged = flags?.flagged ? ` ${flagCountText(f, flags)}.` : '';
  return `${tier.tier}, ${tier.name}: ${accountsText(f, tier.accounts)}, ${f.moneyCompact(tier.revenue)}, ${f.percent(tier.revenueShare)} of revenue, ${profit}${effort}.${flagged}${selectedText(f, selected)}`;
}

/** An item in words: a cell as "High revenue, low potential"; "" for a tier. */
export function itemPhrase(w: Wording, model: TierMatrixModel, item: number): string {
  const { matrix, valueNames, potentialNames } = model;
  return item < cellCount(matrix) ? cellPhrase(w, matrix, cellAt(matrix, item), valueNames, potentialNames) : '';
}

/** The focused item in words, for the live region. */
export function describeItem(w: Wording, model: TierMatrixModel, item: number, selected: number, flags?: FlagCount): string {
  const { matrix, tiers } = model;
  const cells = cellCount(matrix);
  if (item < cells) return describeCell(w.f, itemPhrase(w, model, item), cellAt(matrix, item), selected, flags);
  return describeTier(w.f, tiers.tiers[item - cells]!, selected, flags);
}

/** The tooltip line of an item's red flags: "2 with red flags (1 severe): Acme (severe), Beta." */
function flagsLine(f: Formatters, flags: FlagCount | undefined, flagged: readonly { name: string; severe: boolean }[]): TemplateResult | typeof nothing {
  if (!flags?.flagged) return nothing;
  const names = flagged.map((a) => `${displayText(a.name)}${a.severe ? ' (severe)' : ''}`).join(', ');
  const more = flags.flagged > flagged.length ? ` and ${f.integer(flags.flagged - flagged.length)} more` : '';
  return html`<p class="flag-line">${flagCountText(f, flags)}: ${names}${more}.</p>`;
}

/**
 * The tooltip of a hovered or focused item: a cell's figures and tiers, or a tier's figures, definition
 * and given count, then the item's top accounts (`top`, best ranked first).
 */
export function itemTooltip(
  w: Wording,
  model: TierMatrixModel,
  item: number,
  selected: number,
  top: readonly Account[],
  previous?: Uint8Array,
  flags?: { count: FlagCount; accounts: readonly { name: string; severe: boolean }[] },
): TemplateResult {
  const { f } = w;
  const label = model.portfolio.periods().previous()?.label;
  const was = (a: Account) => (previous && label ? ` (${label}: ${previousTierText(previous[model.portfolio.indexOf(a.id)]!)})` : '');
  const topList = top.length
    ? html`<p class="top-title">Top accounts by revenue</p>
        <ol>${top.map((a) => html`<li>${displayText(a.name)}: ${f.money(a.revenue)}${was(a)}</li>`)}</ol>`
    : nothing;
  const cells = cellCount(model.matrix);
  if (item < cells) {
    const cell = cellAt(model.matrix, item);
    const facts: [string, string][] = [
      ['Accounts', f.integer(cell.count)],
      ['Revenue', f.money(cell.revenue)],
      ['Share of revenue', f.percent(cell.revenueShare)],
      ['Tiers', tierCountsText(f, cell.tierCounts)],
    ];
    if (selected) facts.push(['Selected', f.integer(selected)]);
    return html`<strong>${itemPhrase(w, model, item)}</strong>${tooltipFacts(facts)}${flagsLine(f, flags?.count, flags?.accounts ?? [])}${topList}`;
  }
  const t = item - cells;
  const tier = model.tiers.tiers[t]!;
  const facts: [string, string][] = [
    ['Accounts', f.integer(tier.accounts)],
    ['Revenue', f.money(tier.revenue)],
    ['Share of revenue', f.percent(tier.revenueShare)],
    ['Profit', tier.profit === null ? '—' : f.money(tier.profit)],
  ];
  if (tier.effortShare !== null) facts.push(['Share of effort', f.percent(tier.effortShare)]);
  if (model.roi.total.costAccounts > 0) facts.push(...roiFacts(f, model.roi.tiers[t]!));
  if (model.given[t]) facts.push(['Given in the feed', f.integer(model.given[t]!)]);
  if (selected) facts.push(['Selected', f.integer(selected)]);
  return html`<strong>${tier.tier} · ${tier.name}</strong>${tooltipFacts(facts)}<p>${tier.definition}</p>${flagsLine(f, flags?.count, flags?.accounts ?? [])}${topList}`;
}
