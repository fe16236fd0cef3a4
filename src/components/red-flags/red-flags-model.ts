/**
 * What the red-flags list shows of a portfolio (no DOM): the flagged accounts of the types shown, most
 * severe first, the portfolio-level KPI goal flags, the count of each type, and what was checked. The
 * flags themselves are the analysis' (src/analysis/flags.ts: `portfolio.flags()` and `kpiGoalFlags`);
 * this module only chooses and orders what the widget lists.
 *
 * Decisions:
 * - The type filter (`types`) is a view: it hides flags, never changes them. An account is listed when one
 *   of its flags is of a shown type; its severity is then that of its shown flags, and the list is in the
 *   analysis' order under those severities (most severe, then most revenue, then name).
 * - KPI goal flags are checked only when targets are given (the `targets` attribute, or targets reported
 *   in the feed's KPIs; the attribute wins, as on the scorecard): without a target no KPI can miss one,
 *   and the KPIs of a large feed are not derived for nothing.
 * - The `kam-flags` rows carry every flag of the accounts shown (the feed's `filter` applies, the type
 *   filter does not), so a page turning flags into tasks gets the same list whatever a user clicked.
 */
import { FLAG_META, FLAG_TYPES, SEVERITIES, type FlagResult, type FlagType, type RedFlag, type Severity } from '../../analysis/flags.js';
import { kpiGoalFlags } from '../../analysis/kpi-goal-flags.js';
import { portfolioKpis, type Kpi } from '../../analysis/kpis.js';
import { compareCodeUnits } from '../../analysis/numbers.js';
import type { Portfolio } from '../../analysis/portfolio.js';
import type { Account, KpiOverride } from '../../feed/schema.js';
import { flagSentence } from '../../internal/flag-marks.js';
import type { Formatters } from '../../internal/format.js';
import { parseTargets } from '../../internal/targets.js';

/** One listed account: its flags of the types shown and their most severe one. */
export interface FlagItem {
  /** The account's input index in the portfolio. */
  index: number;
  account: Account;
  severity: Severity;
  flags: RedFlag[];
}

/** A portfolio-level flag (a KPI off target), with the KPI it is about. */
export interface KpiFlag {
  flag: RedFlag;
  kpi: Kpi | undefined;
}

/** The flags the widget checks KPIs against: targets by KPI id, and the entries of `targets` that were not "id:number". */
export interface KpiCheck {
  flags: KpiFlag[];
  /** The KPI ids with a target (what was checked). */
  targeted: string[];
  ignored: string[];
}

export interface RedFlagsModel {
  /** The accounts shown (the feed's portfolio narrowed to the filter). */
  portfolio: Portfolio;
  /** The analysis' flags of those accounts (every type). */
  result: FlagResult;
  kpi: KpiCheck;
  /** The types listed, in FLAG_TYPES order. */
  shown: readonly FlagType[];
  /** Entries of `types` that are not flag types, quoted for the notes. */
  unknownTypes: string[];
  /** The accounts listed: a flag of a shown type, most severe first (the analysis' own list when every type shows). */
  items: readonly FlagItem[];
  /** Flagged accounts with no flag of a shown type (hidden by the type filter). */
  hidden: number;
}

/** A flag as the `kam-flags` event carries it: one per flag, with its account and its sentence. */
export interface FlagRow {
  /** The account's id. */
  id: string;
  /** The account's name. */
  name: string;
  type: FlagType;
  severity: Severity;
  /** The flag as a sentence with its figures, in the widget's locale. */
  reason: string;
}

/** A KPI goal flag as the `kam-flags` event carries it. */
export interface KpiFlagRow {
  /** The KPI's id ("nps"). */
  id: string;
  /** The KPI's label. */
  name: string;
  type: FlagType;
  severity: Severity;
  reason: string;
}

const isFlagType = (type: string): type is FlagType => (FLAG_TYPES as readonly string[]).includes(type);

/** The `types` value that shows no type (every toggle off). */
export const NO_TYPES = 'none';

/** The `types` attribute ("unhappy, tier-loss") as flag types in FLAG_TYPES order, and the entries that are none; every type when unset or empty, no type for "none". */
export function parseTypes(text: string | null | undefined): { shown: FlagType[]; unknown: string[] } {
  const entries = (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!entries.length) return { shown: [...FLAG_TYPES], unknown: [] };
  return { shown: FLAG_TYPES.filter((type) => entries.includes(type)), unknown: entries.filter((entry) => !isFlagType(entry) && entry !== NO_TYPES) };
}

/** `types` after a click on a type's toggle: that type shown or hidden; undefined (every type) when all are shown, "none" when none is. */
export function toggleType(shown: readonly FlagType[], type: FlagType): string | undefined {
  const next = shown.includes(type) ? shown.filter((t) => t !== type) : FLAG_TYPES.filter((t) => t === type || shown.includes(t));
  return next.length === FLAG_TYPES.length ? undefined : next.join(',') || NO_TYPES;
}

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

/** The analysis' order of flagged accounts: most severe, then most revenue, then name. */
const listOrder = (a: FlagItem, b: FlagItem) =>
  rank(a.severity) - rank(b.severity) || b.account.revenue - a.account.revenue || compareCodeUnits(a.account.name, b.account.name) || a.index - b.index;

/** The most severe of some flags' severities. */
function mostSevere(flags: readonly RedFlag[]): Severity {
  return flags.reduce<Severity>((worst, flag) => (rank(flag.severity) < rank(worst) ? flag.severity : worst), SEVERITIES[SEVERITIES.length - 1]!);
}

/**
 * The KPI goal flags: the KPIs' targets (those in the feed, then the `targets` attribute over them)
 * against the KPIs of the accounts shown; none, and no KPI derived, without a target.
 */
export function kpiCheck(portfolio: Portfolio, overrides: readonly KpiOverride[], targetsInput: unknown): KpiCheck {
  const { byId, ignored } = parseTargets(targetsInput);
  const targets = new Map<string, number>();
  for (const o of overrides) if (o.target !== undefined) targets.set(o.id, o.target);
  for (const [id, target] of byId) targets.set(id, target);
  if (targets.size === 0) return { flags: [], targeted: [], ignored };
  // KPIs reported in the feed describe every account: a filtered view derives its own (the scorecard's rule).
  const kpis = portfolioKpis(portfolio, { overrides: portfolio.root === portfolio ? overrides : [], previousOnly: true });
  const byKpi = new Map(kpis.map((kpi) => [kpi.id, kpi]));
  const flags = kpiGoalFlags(kpis, Object.fromEntries(targets)).map((flag) => ({ flag, kpi: byKpi.get(String(flag.values.kpi)) }));
  return { flags, targeted: [...targets.keys()], ignored };
}

/** The list under a type filter (module comment). */
export function redFlagsModel(portfolio: Portfolio, kpi: KpiCheck, types: string | undefined): RedFlagsModel {
  const result = portfolio.flags();
  const { shown, unknown } = parseTypes(types);
  if (shown.length === FLAG_TYPES.length) return { portfolio, result, kpi, shown, unknownTypes: unknown, items: result.accounts, hidden: 0 };
  const showing = new Set<FlagType>(shown);
  const items: FlagItem[] = [];
  let moved = false;
  for (const flagged of result.accounts) {
    const flags = flagged.flags.filter((flag) => showing.has(flag.type));
    if (!flags.length) continue;
    const severity = mostSevere(flags);
    moved ||= severity !== flagged.severity;
    items.push({ index: flagged.index, account: flagged.account, severity, flags });
  }
  // Only an account whose most severe flag is hidden changes place.
  if (moved) items.sort(listOrder);
  return { portfolio, result, kpi, shown, unknownTypes: unknown, items, hidden: result.accounts.length - items.length };
}

/** Every flag of the accounts shown and every KPI goal flag, as the `kam-flags` event carries them. */
export function flagRows(result: FlagResult, kpi: KpiCheck, f: Formatters): { flags: FlagRow[]; kpiFlags: KpiFlagRow[] } {
  const text = (flag: RedFlag) => flagSentence(flag, f);
  return {
    flags: result.accounts.flatMap(({ account, flags }) => flags.map((flag) => ({ id: account.id, name: account.name, type: flag.type, severity: flag.severity, reason: text(flag) }))),
    kpiFlags: kpi.flags.map(({ flag, kpi: k }) => ({ id: k?.id ?? String(flag.values.kpi), name: k?.label ?? String(flag.values.kpi), type: flag.type, severity: flag.severity, reason: text(flag) })),
  };
}

/** Flagged accounts of each type (of the accounts shown), in FLAG_TYPES order. */
export function typeCounts(result: FlagResult): { type: FlagType; label: string; count: number }[] {
  return FLAG_TYPES.map((type) => ({ type, label: FLAG_META[type].label, count: result.counts[type] }));
}
