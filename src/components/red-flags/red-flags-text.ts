/**
 * Everything the red-flags list says in words: the summary sentence, the severities (a word and an icon,
 * never a colour alone), each flag as a sentence, what was checked (the "no red flags" view), the notes,
 * the announcement of a focused account and the key help. Pure (formatters are passed in).
 */
import { FLAG_META, FLAG_TYPES, type Severity } from '../../analysis/flags.js';
import { FLAG_GLYPHS, flagSentence } from '../../internal/flag-marks.js';
import { TIER_ORDER } from '../../analysis/tiers.js';
import type { Formatters } from '../../internal/format.js';
import { periodName } from '../../internal/period-words.js';
import { displayText } from '../../internal/text-fit.js';
import type { FlagItem, RedFlagsModel } from './red-flags-model.js';

/** How a severity is shown: the glyph every widget marks flagged accounts with (hidden from screen readers) and its word. */
export const SEVERITY_TEXT: Readonly<Record<Severity, { icon: string; label: string }>> = {
  severe: { icon: FLAG_GLYPHS[2], label: 'Severe' },
  warning: { icon: FLAG_GLYPHS[1], label: 'Warning' },
};

export const KEYS =
  'Up and Down arrows move between the flagged accounts, Home and End go to the first and the last one shown. Enter or Space selects the focused account, Shift adds it to the selection, Escape clears it. The table view lists every flagged account with its flags.';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * "7 of 250 accounts show red flags; 3 severe.", with " 1 KPI goal missed." when a KPI is off its target
 * two periods in a row; "No red flags among 250 accounts." when nothing is flagged.
 */
export function summarySentence(f: Formatters, model: RedFlagsModel): string {
  const total = model.portfolio.accounts.length;
  const flagged = model.result.accounts.length;
  const kpis = model.kpi.flags.length;
  const kpiText = kpis ? ` ${f.integer(kpis)} ${plural(kpis, 'KPI goal', 'KPI goals')} missed.` : '';
  if (!flagged) return kpis ? `No account shows a red flag among ${f.integer(total)} ${plural(total, 'account', 'accounts')};${kpiText}` : `No red flags among ${f.integer(total)} ${plural(total, 'account', 'accounts')}.`;
  return `${f.integer(flagged)} of ${f.integer(total)} ${plural(total, 'account', 'accounts')} ${plural(flagged, 'shows', 'show')} red flags; ${f.integer(model.result.severe)} severe.${kpiText}`;
}

/** A label inside a sentence: "revenue going elsewhere", but "ROI falling". */
const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label);

/** "revenue going elsewhere, ROI falling, … and goal missed". */
function typesInWords(): string {
  const labels = FLAG_TYPES.map((type) => inSentence(FLAG_META[type].label));
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** What was checked, for the "No red flags" view: the accounts and the flags, the periods compared, the KPI targets. */
export function checkedText(f: Formatters, model: RedFlagsModel): string[] {
  const { portfolio, kpi } = model;
  const periods = portfolio.periods();
  const previous = periods.previous();
  const total = portfolio.accounts.length;
  const lines = [
    `Checked ${f.integer(total)} ${plural(total, 'account', 'accounts')} for ${typesInWords()}${previous ? `, comparing ${periodName(periods.current().label)} with ${periodName(previous.label)}` : ''}.`,
  ];
  if (!previous) lines.push('The feed has no earlier period, so the flags that compare periods (revenue, ROI, NPS and CSAT down, a tier or an account lost) could not be raised.');
  lines.push(kpi.targeted.length ? `KPI goals checked: ${kpi.targeted.join(', ')}.` : 'No KPI targets given (the targets attribute), so no KPI goal was checked.');
  return lines;
}

/** Notes above the list: what the type filter hides, and entries of `types` or `targets` that were ignored. */
export function notesOf(f: Formatters, model: RedFlagsModel): string[] {
  const notes: string[] = [];
  if (model.hidden) notes.push(`${f.integer(model.hidden)} flagged ${plural(model.hidden, 'account is', 'accounts are')} hidden by the type filter.`);
  if (model.unknownTypes.length) notes.push(`Ignored in types: ${model.unknownTypes.map((t) => `"${displayText(t)}"`).join(', ')} (not a flag type).`);
  if (model.kpi.ignored.length) notes.push(`Ignored in targets: ${model.kpi.ignored.map((t) => `"${displayText(t)}"`).join(', ')} (not "id:number").`);
  return notes;
}

/** The account's tier and revenue: "MVC · $1,200,000". */
export function accountFacts(f: Formatters, model: RedFlagsModel, item: FlagItem): string {
  const tier = TIER_ORDER[model.portfolio.tiers().tierIndex[item.index]!];
  return `${tier ? `${tier} · ` : ''}${f.money(item.account.revenue)}`;
}

/** "Acme, severe (MVC · $1,200,000): Revenue going elsewhere: … 2 of 7." for the live region. */
export function describeItem(f: Formatters, model: RedFlagsModel, position: number, selected: boolean): string {
  const item = model.items[position]!;
  const flags = item.flags.map((flag) => `${FLAG_META[flag.type].label}: ${flagSentence(flag, f)}`).join(' ');
  return `${displayText(item.account.name)}, ${SEVERITY_TEXT[item.severity].label.toLowerCase()} (${accountFacts(f, model, item)})${selected ? ', selected' : ''}: ${flags} ${position + 1} of ${model.items.length}.`;
}

/** "and 42 more flagged accounts" under a list cut at `limit`. */
export function moreText(f: Formatters, more: number): string {
  return `and ${f.integer(more)} more flagged ${plural(more, 'account', 'accounts')}`;
}

/** The type toggle's words: "Unhappy key account (3)". */
export function typeToggleText(f: Formatters, label: string, count: number): string {
  return `${label} (${f.integer(count)})`;
}
