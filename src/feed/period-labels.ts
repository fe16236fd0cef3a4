/**
 * Period labels the kit can count with: quarters ("2026-Q3", "Q3 2026", "2026Q3"), halves ("2026-H1"),
 * months ("2026-07"), calendar years ("2026") and fiscal years ("FY2026", "FY26"). A label read this way
 * has a position on its own time line, so the number of periods between two labels of the same kind is
 * known: how many quarters are left until a goal, or the time order of a CSV file's periods.
 *
 * Decisions:
 * - Labels of different kinds are counted only when the longer one closes on the shorter one's time
 *   line by the calendar: a year ends with its fourth quarter, its second half and its December; a
 *   quarter with its third month; a half with its second quarter. A fiscal year is not counted against
 *   quarters or months: where it ends depends on the company's fiscal calendar.
 * - Anything else ("Spring campaign", "2026-W14") is a label the kit cannot count: it is still a
 *   period, only without arithmetic.
 */

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'fiscal-year';

export interface CountedPeriod {
  kind: PeriodKind;
  /** Position on the kind's time line: months, quarters, halves or years since year 0. */
  index: number;
}

const year = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));

/** A label the kit can count with, or undefined. */
export function countPeriod(label: string): CountedPeriod | undefined {
  const text = label.trim().toUpperCase();
  const quarter = (y: string, q: string): CountedPeriod => ({ kind: 'quarter', index: Number(y) * 4 + Number(q) - 1 });
  let m = /^(\d{4})\s*[-/ ]?\s*Q([1-4])$/.exec(text);
  if (m) return quarter(m[1]!, m[2]!);
  m = /^Q([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(text);
  if (m) return quarter(m[2]!, m[1]!);
  m = /^(\d{4})\s*[-/ ]?\s*H([12])$/.exec(text);
  if (m) return { kind: 'half', index: Number(m[1]) * 2 + Number(m[2]) - 1 };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (m) return { kind: 'month', index: Number(m[1]) * 12 + Number(m[2]) - 1 };
  m = /^(\d{4})$/.exec(text);
  if (m) return { kind: 'year', index: Number(m[1]) };
  m = /^FY\s*-?\s*(\d{4}|\d{2})$/.exec(text);
  if (m) return { kind: 'fiscal-year', index: year(m[1]!) };
  return undefined;
}

/** How many of `kind` make one `of` (1 when equal), or undefined when `of` does not close on `kind`'s time line. */
const PER: Partial<Record<PeriodKind, Partial<Record<PeriodKind, number>>>> = {
  month: { month: 1, quarter: 3, half: 6, year: 12 },
  quarter: { quarter: 1, half: 2, year: 4 },
  half: { half: 1, year: 2 },
  year: { year: 1 },
  'fiscal-year': { 'fiscal-year': 1 },
};

/** `label` as a position on `kind`'s time line (its last `kind` period), or undefined. */
function on(kind: PeriodKind, counted: CountedPeriod): number | undefined {
  const per = PER[kind]?.[counted.kind];
  return per === undefined ? undefined : (counted.index + 1) * per - 1;
}

/** How many periods of `from`'s kind lie from `from` to `to` (1 for the next one; negative when `to` is earlier), or undefined. */
export function periodsBetween(from: string, to: string): number | undefined {
  const a = countPeriod(from);
  const b = countPeriod(to);
  if (!a || !b) return undefined;
  const end = on(a.kind, b);
  return end === undefined ? undefined : end - a.index;
}

/** The labels in time order when every one can be counted on one time line; undefined otherwise. */
export function timeOrder(labels: readonly string[]): string[] | undefined {
  const counted = labels.map((label) => ({ label, at: countPeriod(label) }));
  const kind = counted[0]?.at?.kind;
  if (!kind || counted.some((c) => c.at?.kind !== kind)) return undefined;
  return counted.sort((x, y) => x.at!.index - y.at!.index).map((c) => c.label);
}
