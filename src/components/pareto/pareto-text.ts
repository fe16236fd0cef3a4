/**
 * The words of the Pareto chart: the summary sentence, the note of the accounts below zero, the
 * announcement of a focused bar and the tooltip of a bar, each in the words of the chart's measure. They
 * read numbers the model already computed and format them for the widget's locale.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FlaggedAccount } from '../../analysis/flags.js';
import type { ParetoShares } from '../../analysis/pareto.js';
import type { Measure } from '../../analysis/roi.js';
import { TIER_ORDER } from '../../analysis/tiers.js';
import { tierReasonText } from '../../analysis/tier-text.js';
import type { Formatters } from '../../internal/format.js';
import { periodName } from '../../internal/period-words.js';
import { displayText } from '../../internal/text-fit.js';
import { flagTooltipLine } from '../../internal/flag-marks.js';
import { crmLink, tooltipFacts } from '../../internal/tooltip.js';
import { tierWithPrevious, type PreviousTiers } from '../../internal/previous-tier.js';
import type { BarSubject } from './pareto-model.js';
import type { ParetoBar } from './pareto-bars.js';

/** A measure's label (axis, table, tooltip) and its noun in a sentence. */
export const MEASURE_WORDS: Readonly<Record<Measure, { label: string; noun: string }>> = {
  revenue: { label: 'Revenue', noun: 'revenue' },
  profit: { label: 'Profit', noun: 'profit' },
  clv: { label: 'CLV', noun: 'CLV' },
};

/** How many accounts below zero the note names before "and N more". */
const NAMED_BELOW_ZERO = 5;

/**
 * "41 of 250 accounts (16.4%) produce 80% of revenue; in 2026-Q2: 38 of 240 (15.8%)." (or why there is no
 * split), the previous period's vital few when there is one.
 */
export function summaryText(f: Formatters, result: ParetoShares, previous?: { label: string; shares: ParetoShares }, measure: Measure = 'revenue'): string {
  const noun = MEASURE_WORDS[measure].noun;
  if (result.degenerate === 'zero-revenue') {
    const none = measure === 'revenue' ? 'has revenue' : `has ${noun} above zero`;
    return `None of the ${f.integer(result.count)} accounts ${none} in this period, so there is no Pareto split.`;
  }
  const accounts = result.count === 1 ? 'account' : 'accounts';
  const verb = result.vitalFew === 1 ? 'produces' : 'produce';
  const now = `${f.integer(result.vitalFew)} of ${f.integer(result.count)} ${accounts} (${f.percent(result.vitalFewShare)}) ${verb} ${f.percentShort(result.cutoff)} of ${noun}`;
  return previous ? `${now}; in ${periodName(previous.label)}: ${vitalFewText(f, previous.shares)}.` : `${now}.`;
}

/** A period's vital few in short: "38 of 240 (15.8%)", or "no revenue" / "no accounts". */
export function vitalFewText(f: Formatters, shares: ParetoShares): string {
  if (shares.degenerate === 'empty') return 'no accounts';
  if (shares.degenerate === 'zero-revenue') return 'no revenue';
  return `${f.integer(shares.vitalFew)} of ${f.integer(shares.count)} (${f.percent(shares.vitalFewShare)})`;
}

/**
 * The accounts whose measure is below zero, named (the most negative first): "2 accounts with negative
 * profit count as 0 in the ranking: Delta (−$12,000), Echo (−$500)."; empty when there are none.
 */
export function belowZeroText(f: Formatters, measure: Measure, accounts: readonly { name: string; value: number }[]): string {
  if (accounts.length === 0) return '';
  const named = accounts.slice(0, NAMED_BELOW_ZERO).map((a) => `${displayText(a.name)} (${f.money(a.value)})`);
  const more = accounts.length - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${f.integer(more)} more` : named.join(', ');
  const what = accounts.length === 1 ? 'account' : 'accounts';
  return `${f.integer(accounts.length)} ${what} with negative ${MEASURE_WORDS[measure].noun} count as 0 in the ranking: ${list}.`;
}

/** The focused bar in one sentence, for the live region: "Rank 1: Acme, $50K, 50.0% of revenue, cumulative 50.0%. Vital few. Severe red flag." */
export function barDescription(f: Formatters, bar: ParetoBar, name: string, measure: Measure = 'revenue', flagLevel = 0): string {
  const figures = `${f.moneyCompact(bar.revenue)}, ${f.percent(bar.share)} of ${MEASURE_WORDS[measure].noun}, cumulative ${f.percent(bar.cumulativeShare)}`;
  const vital = (bar.vital ? ' Vital few.' : '') + (flagLevel === 2 ? ' Severe red flag.' : flagLevel === 1 ? ' Red flag.' : '');
  if (isSingle(bar)) return `Rank ${f.integer(bar.firstRank)}: ${displayText(name)}, ${figures}.${vital}`;
  const what = bar.others
    ? `Others: ${f.integer(bar.count)} accounts`
    : `Ranks ${f.integer(bar.firstRank)} to ${f.integer(bar.lastRank)}: ${f.integer(bar.count)} accounts`;
  return `${what}, ${figures}.${vital}`;
}

export function isSingle(bar: ParetoBar): boolean {
  return bar.count === 1 && !bar.others;
}

/**
 * The tooltip of a bar: its figures, and for one account its tier (with its tier in the previous period
 * when `previous` is given: "MGC (2026-Q2: STC)"), the tier's reason and its red flags in words; for a
 * group, how many of its accounts carry red flags (`flagged`: accounts and severe ones).
 */
export function barTooltip(
  f: Formatters,
  bar: ParetoBar,
  subject: BarSubject,
  measure: Measure = 'revenue',
  flags?: FlaggedAccount | { accounts: number; severe: number },
  previous?: PreviousTiers,
): TemplateResult {
  const facts: [string, string][] = [
    [MEASURE_WORDS[measure].label, f.money(bar.revenue)],
    ['Share', f.percent(bar.share)],
    ['Cumulative share', f.percent(bar.cumulativeShare)],
  ];
  if ('assignment' in subject) {
    const { account, tier, given, reason, index } = subject.assignment;
    facts.push(['Rank', f.integer(bar.firstRank)], ['Tier', tierWithPrevious(tier, given, previous, index)]);
    return html`<strong>${displayText(account.name)}</strong>${tooltipFacts(facts)}
      <p>${bar.vital ? `One of the vital few${measure === 'revenue' ? '' : ` by ${MEASURE_WORDS[measure].noun}`}. ` : ''}${measure === 'revenue' ? '' : 'Tier: '}${tierReasonText(reason, f.moneyCompact, f.percent)}</p>
      ${flags && 'flags' in flags ? flagTooltipLine(flags, f) : nothing} ${crmLink(account.url)}`;
  }
  const counts = subject.tierCounts;
  const title = bar.others
    ? `Others: ${f.integer(bar.count)} accounts (ranks ${f.integer(bar.firstRank)}–${f.integer(bar.lastRank)})`
    : `Ranks ${f.integer(bar.firstRank)}–${f.integer(bar.lastRank)}: ${f.integer(bar.count)} accounts`;
  facts.push(['Tiers', TIER_ORDER.filter((t) => counts.has(t)).map((t) => `${counts.get(t)} ${t}`).join(', ')]);
  const flagged =
    flags && 'severe' in flags && flags.accounts > 0
      ? html`<p class="flag-line">${f.integer(flags.accounts)} ${flags.accounts === 1 ? 'account carries' : 'accounts carry'} red flags${flags.severe ? html`, ${f.integer(flags.severe)} severe` : nothing}.</p>`
      : nothing;
  return html`<strong>${title}</strong>${tooltipFacts(facts)}${bar.vital ? html`<p>All of the vital few.</p>` : nothing}${flagged}`;
}
