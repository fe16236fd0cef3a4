/**
 * The feed's periods: their order, defined once for the feed, and where each account's figures of each
 * past period are. parseFeed calls `readHistory` after the accounts are checked: it settles the order,
 * leaves out (and reports) every history that contradicts it, and gives the analysis an index, so a past
 * period's figures are read straight from the points without looking for their labels again.
 *
 * Decisions:
 * - The order: `periods.order` when the feed gives it (oldest first; the current period, when listed,
 *   last); else the order in which the accounts list their periods. A period an account lists that is not
 *   known yet goes right before the next known period that account lists after it, else at the end of
 *   the past periods; `periods.previous`, when named, is always the last past period (and no period at
 *   all when no account has figures for it: neither a history point nor previousRevenue). Give
 *   `periods.order` when accounts list different periods and the order matters to you.
 * - A history contradicts the order when it lists two periods the other way round, a period twice, a
 *   period after the previous one (`periods.previous`) or after the current one, or (with
 *   `periods.order`) a period the order does not list. Such a history is left out of its account and
 *   reported in `feed.ignoredFields`, like any optional field that breaks the contract; the account keeps
 *   its current figures.
 * - A point for the current period (`periods.current`), as exporters that list every period write it,
 *   is allowed as the last point; the account's own fields are the current period's figures, so the
 *   point itself is not read.
 * - `previousRevenue` is shorthand for the revenue of the previous period (the last past period). When
 *   the history has a point for that period too and the two disagree, the history wins: its point holds
 *   the period's other figures as well, and one account has one revenue per period. The
 *   `previousRevenue` field is then ignored with a reason. When only `previousRevenue` is given, the
 *   account has the previous period with that revenue and no other figure.
 * - A period without a point is unknown for that account (it is left out of that period's figures);
 *   a point with `revenue: 0` is a period without revenue (a lost account, when it had revenue before).
 */
import type { AccountColumns } from './columns.js';
import type { FeedProblem } from './errors.js';
import type { Account } from './fields.js';
import { PointColumns, readPointColumns } from './point-columns.js';

/** The `periods` of a feed document, as given. */
export interface PeriodLabels {
  /** Label of the current period (the accounts' own fields). */
  current?: string;
  /** Label of the previous period (`previousRevenue`, and the last history point). */
  previous?: string;
  /** Every period, oldest first; the current period, when listed, last. */
  order?: string[];
}

/** A past period's label when the feed names none: the one period that `previousRevenue` describes. */
export const UNNAMED_PREVIOUS = 'previous period';
/** The current period's label when the feed names none. */
export const UNNAMED_CURRENT = 'current period';

/** `pointAt` of an account without figures for a period. */
export const NO_POINT = -1;
/** `pointAt` of an account whose previous-period figure is its `previousRevenue` (it has no point for it). */
export const PREVIOUS_REVENUE_ONLY = -2;

/** Where the figures of each past period are. */
export interface FeedHistory {
  /** The past periods, oldest first (the current period is not among them); empty without history. */
  readonly periods: readonly string[];
  /** The current period's label: `periods.current`, or UNNAMED_CURRENT. */
  readonly current: string;
  /**
   * Per past period p, per account i: the index in `accounts[i].history` of its point for p, NO_POINT
   * when it has none, or PREVIOUS_REVENUE_ONLY (last period only).
   */
  readonly pointAt: readonly Int32Array[];
  /** The points' figures as columns (point-columns.ts), by row. */
  readonly points: PointColumns;
  /** Per account i: its row in `points`; undefined when account i is row i. */
  readonly rowOf?: Uint32Array;
}

/** A history left out of its account, or a `previousRevenue` that disagrees with it. */
export interface HistoryProblem {
  /** The account's row (its position in the accounts kept). */
  row: number;
  field: 'history' | 'previousRevenue';
  reason: string;
}

/** Problems of `periods` as a whole (repeated labels, the current or previous period out of place): envelope problems. */
export function periodLabelProblems(periods: PeriodLabels): FeedProblem[] {
  const { order, current, previous } = periods;
  const problems: FeedProblem[] = [];
  if (current !== undefined && current === previous) problems.push({ path: 'periods.previous', message: `expected a period other than the current one, got ${JSON.stringify(previous)}` });
  if (!order) return problems;
  const seen = new Map<string, number>();
  order.forEach((label, i) => {
    const first = seen.get(label);
    if (first !== undefined) problems.push({ path: `periods.order[${i}]`, message: `repeats the period ${JSON.stringify(label)} of periods.order[${first}]` });
    else seen.set(label, i);
  });
  const at = (label: string | undefined) => (label === undefined ? -1 : order.indexOf(label));
  const currentAt = at(current);
  if (currentAt >= 0 && currentAt !== order.length - 1) {
    problems.push({ path: 'periods.order', message: `expected the current period ${JSON.stringify(current)} last, got it at position ${currentAt + 1} of ${order.length}` });
  }
  const lastPast = currentAt >= 0 ? order.length - 2 : order.length - 1;
  const previousAt = at(previous);
  if (previous !== undefined && previousAt < 0) problems.push({ path: 'periods.previous', message: `expected a period of periods.order, got ${JSON.stringify(previous)}` });
  if (previous !== undefined && previousAt >= 0 && previousAt !== lastPast && previous !== current) {
    problems.push({ path: 'periods.order', message: `expected the previous period ${JSON.stringify(previous)} right before the current one, got it at position ${previousAt + 1} of ${order.length}` });
  }
  return problems;
}

/** The order of past periods as it grows: stable slots, their positions, and the slot a label has. */
class PeriodOrder {
  /** Slots in order, oldest first. */
  readonly slots: number[] = [];
  readonly labels: string[] = [];
  private readonly slotOf = new Map<string, number>();
  /** Position of each slot in `slots`. */
  private position: number[] = [];

  constructor(
    given: readonly string[],
    /** True when no period may be added (the feed gave its order). */
    readonly fixed: boolean,
    /** The slot that stays last (the named previous period), or -1. */
    readonly pinnedLast: number = -1,
  ) {
    for (const label of given) this.add(label, this.slots.length);
  }

  slot(label: string): number | undefined {
    return this.slotOf.get(label);
  }

  positionOf(slot: number): number {
    return this.position[slot]!;
  }

  /** Adds a period at position `at` (pushing later ones back); returns its slot. */
  add(label: string, at: number): number {
    const slot = this.labels.length;
    this.labels.push(label);
    this.slotOf.set(label, slot);
    this.slots.splice(at, 0, slot);
    this.position = [];
    this.slots.forEach((s, i) => (this.position[s] = i));
    return slot;
  }

  /** Takes a period out of the order (a named period nobody has figures for). */
  remove(slot: number): void {
    this.slots.splice(this.positionOf(slot), 1);
    this.position = [];
    this.slots.forEach((s, i) => (this.position[s] = i));
  }

  /** Where a new period goes: before the slot `next`, or at the end of the past periods (before a pinned previous period). */
  insertAt(next: number | undefined): number {
    if (next !== undefined) return this.positionOf(next);
    return this.pinnedLast >= 0 ? this.positionOf(this.pinnedLast) : this.slots.length;
  }
}

const quoted = (label: string) => JSON.stringify(label);

/**
 * Why an account's periods (labels in its order) contradict the feed's order, or undefined when they fit
 * it. `current` is the current period's label.
 */
function contradiction(labels: readonly string[], order: PeriodOrder, current: string | undefined): string | undefined {
  let lastPosition = -1;
  let lastLabel = '';
  const seen = new Set<string>();
  let afterPinned = false;
  for (let j = 0; j < labels.length; j++) {
    const label = labels[j]!;
    if (seen.has(label)) return `lists the period ${quoted(label)} twice`;
    seen.add(label);
    if (label === current) {
      if (j !== labels.length - 1) return `lists ${quoted(labels[j + 1]!)} after the current period ${quoted(label)}`;
      continue;
    }
    const slot = order.slot(label);
    if (slot === undefined) {
      if (order.fixed) return `lists the period ${quoted(label)}, which periods.order does not list`;
      if (afterPinned) return `lists ${quoted(label)} after the previous period ${quoted(order.labels[order.pinnedLast]!)}`;
      continue;
    }
    const position = order.positionOf(slot);
    if (position <= lastPosition) return `lists ${quoted(label)} after ${quoted(lastLabel)}, against the feed's order of periods (${quoted(label)} comes first)`;
    lastPosition = position;
    lastLabel = label;
    if (slot === order.pinnedLast) afterPinned = true;
  }
  return undefined;
}

/** Adds the periods an account lists that are not known yet, each right before the next known one it lists. */
function placeNew(labels: readonly string[], order: PeriodOrder, current: string | undefined): void {
  for (let j = labels.length - 1; j >= 0; j--) {
    const label = labels[j]!;
    if (label === current || order.slot(label) !== undefined) continue;
    let next: number | undefined;
    for (let k = j + 1; k < labels.length && next === undefined; k++) if (labels[k] !== current) next = order.slot(labels[k]!);
    order.add(label, order.insertAt(next));
  }
}


const sameLabels = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((label, j) => label === b[j]);

export interface ReadHistory {
  history: FeedHistory;
  problems: HistoryProblem[];
}

/**
 * The feed's order of periods and the index of every account's points (see the module comment). Also
 * fills `columns.previousRevenue` from the history's previous period where the account has no
 * `previousRevenue` (and where it has one that disagrees: the history wins). `accounts` are not changed:
 * the caller leaves out the fields `problems` name. `points` are the accounts' points as the checker
 * filled them (row i = account i), else they are read from the accounts.
 */
export function readHistory(accounts: readonly Account[], columns: AccountColumns, labels: PeriodLabels = {}, points: PointColumns = readPointColumns(accounts)): ReadHistory {
  const current = labels.current;
  const given = labels.order?.filter((label) => label !== current) ?? (labels.previous !== undefined ? [labels.previous] : []);
  const pinned = labels.order ? -1 : labels.previous !== undefined ? 0 : -1;
  const order = new PeriodOrder(given, labels.order !== undefined, pinned);
  const problems: HistoryProblem[] = [];
  const n = accounts.length;
  /** Per account: the labels of its history (undefined: none, or left out). */
  const listed: (string[] | undefined)[] = new Array(n);
  let last: string[] = [];
  let anyPrevious = false;
  let previousListed = false;
  for (let i = 0; i < n; i++) {
    const account = accounts[i]!;
    if (columns.previousRevenue[i] === columns.previousRevenue[i]) anyPrevious = true;
    if (points.lengths[i] === 0 || account.history === undefined) continue;
    const names = points.labelsOf(i);
    // Most accounts list the periods the account before them listed: those need no second look.
    if (!sameLabels(names, last)) {
      const why = contradiction(names, order, current);
      if (why !== undefined) {
        problems.push({ row: i, field: 'history', reason: `${why}; the history is left out` });
        continue;
      }
      placeNew(names, order, current);
      if (labels.previous !== undefined && names.includes(labels.previous)) previousListed = true;
      last = names;
    }
    listed[i] = last;
  }
  if (anyPrevious && order.slots.length === 0) order.add(labels.previous ?? UNNAMED_PREVIOUS, 0);
  // A previous period the feed names but no account has figures for is no period to compare with.
  if (!labels.order && pinned >= 0 && !anyPrevious && !previousListed) order.remove(pinned);

  const periods = order.slots.map((slot) => order.labels[slot]!);
  const pointAt = periods.map(() => new Int32Array(n).fill(NO_POINT));
  const previousAt = periods.length - 1;
  const previousLabel = periods[previousAt];
  let lastNames: readonly string[] = [];
  let lastPositions: number[] = [];
  for (let i = 0; i < n; i++) {
    const names = listed[i];
    if (names !== undefined) {
      if (names !== lastNames) {
        lastNames = names;
        lastPositions = names.map((label) => (label === current ? -1 : order.positionOf(order.slot(label)!)));
      }
      for (let j = 0; j < lastPositions.length; j++) if (lastPositions[j]! >= 0) pointAt[lastPositions[j]!]![i] = j;
    }
    if (previousLabel === undefined) continue;
    const k = pointAt[previousAt]![i]!;
    const given = columns.previousRevenue[i]!;
    if (k === NO_POINT) {
      if (given === given) pointAt[previousAt]![i] = PREVIOUS_REVENUE_ONLY;
      continue;
    }
    const revenue = points.positions[k]!.figure('revenue')[i]!;
    if (given === given && given !== revenue) {
      problems.push({ row: i, field: 'previousRevenue', reason: `expected the revenue of the history's previous period ${quoted(previousLabel)} (${revenue}), got ${given}; the history's figure is used` });
    }
    columns.previousRevenue[i] = revenue;
  }
  return { history: { periods, current: current ?? UNNAMED_CURRENT, pointAt, points }, problems };
}

/** The history index of the accounts at `indexes` (in that order): the same points, read through new rows. */
export function gatherHistory(history: FeedHistory, indexes: Uint32Array): FeedHistory {
  const pointAt = history.pointAt.map((column) => {
    const out = new Int32Array(indexes.length);
    for (let k = 0; k < indexes.length; k++) out[k] = column[indexes[k]!]!;
    return out;
  });
  const rowOf = new Uint32Array(indexes.length);
  for (let k = 0; k < indexes.length; k++) rowOf[k] = history.rowOf ? history.rowOf[indexes[k]!]! : indexes[k]!;
  return { periods: history.periods, current: history.current, pointAt, points: history.points, rowOf };
}

/** A feed without history: no past period. */
export function noHistory(current: string = UNNAMED_CURRENT): FeedHistory {
  return { periods: [], current, pointAt: [], points: new PointColumns(0) };
}
