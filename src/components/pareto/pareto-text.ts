/**
 * The words of the Pareto chart: the summary sentence, the announcement of a focused bar and the tooltip
 * of a bar. They read numbers the model already computed and format them for the widget's locale.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ParetoShares } from '../../analysis/pareto.js';
import { TIER_ORDER } from '../../analysis/tiers.js';
import { tierReasonText } from '../../analysis/tier-text.js';
import type { Formatters } from '../../internal/format.js';
import { periodName } from '../../internal/period-words.js';
import { displayText } from '../../internal/text-fit.js';
import { crmLink, tooltipFacts } from '../../internal/tooltip.js';
import type { BarSubject } from './pareto-model.js';
import type { ParetoBar } from './pareto-bars.js';

/**
 * "41 of 250 accounts (16.4%) produce 80% of revenue; in 2026-Q2: 38 of 240 (15.8%)." (or why there is no
 * split), the previous period's vital few when there is one.
 */
export function summaryText(f: Formatters, result: ParetoShares, previous?: { label: string; shares: ParetoShares }): string {
  if (result.degenerate === 'zero-revenue') {
    return `None of the ${f.integer(result.count)} accounts has revenue in this period, so there is no Pareto split.`;
  }
  const accounts = result.count === 1 ? 'account' : 'accounts';
  const verb = result.vitalFew === 1 ? 'produces' : 'produce';
  const now = `${f.integer(result.vitalFew)} of ${f.integer(result.count)} ${accounts} (${f.percent(result.vitalFewShare)}) ${verb} ${f.percentShort(result.cutoff)} of revenue`;
  return previous ? `${now}; in ${periodName(previous.label)}: ${vitalFewText(f, previous.shares)}.` : `${now}.`;
}

/** A period's vital few in short: "38 of 240 (15.8%)", or "no revenue" / "no accounts". */
export function vitalFewText(f: Formatters, shares: ParetoShares): string {
  if (shares.degenerate === 'empty') return 'no accounts';
  if (shares.degenerate === 'zero-revenue') return 'no revenue';
  return `${f.integer(shares.vitalFew)} of ${f.integer(shares.count)} (${f.percent(shares.vitalFewShare)})`;
}

/** The focused bar in one sentence, for the live region: "Rank 1: Acme, $50K, 50.0% of revenue, cumulative 50.0%. Vital few." */
export function barDescription(f: Formatters, bar: ParetoBar, name: string): string {
  const figures = `${f.moneyCompact(bar.revenue)}, ${f.percent(bar.share)} of revenue, cumulative ${f.percent(bar.cumulativeShare)}`;
  const vital = bar.vital ? ' Vital few.' : '';
  if (isSingle(bar)) return `Rank ${f.integer(bar.firstRank)}: ${displayText(name)}, ${figures}.${vital}`;
  const what = bar.others
    ? `Others: ${f.integer(bar.count)} accounts`
    : `Ranks ${f.integer(bar.firstRank)} to ${f.integer(bar.lastRank)}: ${f.integer(bar.count)} accounts`;
  return `${what}, ${figures}.${vital}`;
}

export function isSingle(bar: ParetoBar): boolean {
  return bar.count === 1 && !bar.others;
}

export function barTooltip(f: Formatters, bar: ParetoBar, subject: BarSubject): TemplateResult {
  const facts: [string, string][] = [
    ['Revenue', f.money(bar.revenue)],
    ['Share', f.percent(bar.share)],
    ['Cumulative share', f.percent(bar.cumulativeShare)],
  ];
  if ('assignment' in subject) {
    const { account, tier, given, reason } = subject.assignment;
    facts.push(['Rank', f.integer(bar.firstRank)], ['Tier', `${tier}${given ? ' (given)' : ''}`]);
    return html`<strong>${displayText(account.name)}</strong>${tooltipFacts(facts)}
      <p>${bar.vital ? 'One of the vital few. ' : ''}${tierReasonText(reason, f.moneyCompact, f.percent)}</p>
      ${crmLink(account.url)}`;
  }
  const counts = subject.tierCounts;
  const title = bar.others
    ? `Others: ${f.integer(bar.count)} accounts (ranks ${f.integer(bar.firstRank)}–${f.integer(bar.lastRank)})`
    : `Ranks ${f.integer(bar.firstRank)}–${f.integer(bar.lastRank)}: ${f.integer(bar.count)} accounts`;
  facts.push(['Tiers', TIER_ORDER.filter((t) => counts.has(t)).map((t) => `${counts.get(t)} ${t}`).join(', ')]);
  return html`<strong>${title}</strong>${tooltipFacts(facts)}${bar.vital ? html`<p>All of the vital few.</p>` : nothing}`;
}
