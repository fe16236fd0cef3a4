/**
 * The tooltip of a hovered or focused item: a cell's figures and tiers, or a tier's figures, definition
 * and given count, then the item's top accounts by revenue.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Account } from '../../feed/schema.js';
import type { Formatters } from '../../internal/format.js';
import { tooltipFacts } from '../../internal/tooltip.js';
import { cellAt, cellCount } from './tier-matrix-items.js';
import type { TierMatrixModel } from './tier-matrix-pipeline.js';
import { tierCountsText } from './tier-matrix-text.js';

export interface TooltipInput {
  f: Formatters;
  model: TierMatrixModel;
  item: number;
  /** The cell in words ("High revenue, low potential"); only read for cells. */
  cellPhrase: string;
  selected: number;
  top: readonly Account[];
}

export function tooltipContent({ f, model, item, cellPhrase, selected, top }: TooltipInput): TemplateResult {
  const topList = top.length
    ? html`<p class="top-title">Top accounts by revenue</p>
        <ol>${top.map((a) => html`<li>${a.name}: ${f.money(a.revenue)}</li>`)}</ol>`
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
    return html`<strong>${cellPhrase}</strong>${tooltipFacts(facts)}${topList}`;
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
  if (model.given[t]) facts.push(['Given in the feed', f.integer(model.given[t]!)]);
  if (selected) facts.push(['Selected', f.integer(selected)]);
  return html`<strong>${tier.tier} · ${tier.name}</strong>${tooltipFacts(facts)}<p>${tier.definition}</p>${topList}`;
}
