/**
 * Tier movement: how many accounts moved from each tier to each other tier since the previous period,
 * and which ones. The tiers of each period are the portfolio's periods' (periods.ts): the same rule on
 * that period's figures, a tier given for the period winning.
 *
 * Decisions:
 * - Rows are the tier in the previous period, plus "new": an account without figures for the previous
 *   period. Columns are the tier now, plus "lost": an account that had revenue in the previous period and
 *   has none now (its tier now would say little about an account that left).
 * - An account that had no revenue in the previous period and has some now keeps its previous tier as its
 *   row: it was in that period's figures (won back), not new.
 * - MGC to MVC is the movement a key-account team works for (`up`); MVC to anything lower, lost
 *   included, is a warning (`down` from MVC). A filtered or selected portfolio counts its own accounts,
 *   with the tiers the whole feed gives them in each period.
 */
import { NO_TIER } from '../feed/columns.js';
import type { Portfolio } from './portfolio.js';
import { previousTiers } from './previous-tiers.js';
import { TIER_ORDER } from './tiers.js';

/** Row index of "new" (after the four tiers). */
export const NEW = 4;
/** Column index of "lost" (after the four tiers). */
export const LOST = 4;
export const MOVEMENT_ROWS = [...TIER_ORDER, 'new'] as const;
export const MOVEMENT_COLUMNS = [...TIER_ORDER, 'lost'] as const;
export type MovementRow = (typeof MOVEMENT_ROWS)[number];
export type MovementColumn = (typeof MOVEMENT_COLUMNS)[number];

/** What a movement means for the portfolio: a step up or down the tiers, none, a new or a lost account. */
export type MovementKind = 'same' | 'up' | 'down' | 'new' | 'lost';

export interface TierMovement {
  /** The two periods' labels. */
  from: string;
  to: string;
  /** Accounts per cell: cell (row, column) at row * 5 + column. */
  counts: Uint32Array;
  /** Input indices of the portfolio's accounts, grouped by cell (cell c's at `members.subarray(starts[c], starts[c + 1])`). */
  members: Uint32Array;
  starts: Uint32Array;
  /** Per account: its row (tier in the previous period, or NEW). */
  rowOf: Uint8Array;
  /** Per account: its column (tier now, or LOST). */
  columnOf: Uint8Array;
}

export function movementKind(row: number, column: number): MovementKind {
  if (row === NEW) return 'new';
  if (column === LOST) return 'lost';
  return row === column ? 'same' : column < row ? 'up' : 'down';
}

/** The cell index of (row, column). */
export const cellIndex = (row: number, column: number) => row * 5 + column;

/** The movement between the previous period and now (undefined when the feed has no previous period). */
export function tierMovement(portfolio: Portfolio): TierMovement | undefined {
  const periods = portfolio.periods();
  const previous = periods.previous();
  if (!previous) return undefined;
  const before = previousTiers(portfolio)!;
  const revenueBefore = previous.portfolio.columns.revenue;
  const now = portfolio.tiers().tierIndex;
  const revenue = portfolio.columns.revenue;
  const n = portfolio.accounts.length;
  const rowOf = new Uint8Array(n);
  const columnOf = new Uint8Array(n);
  const counts = new Uint32Array(25);
  for (let i = 0; i < n; i++) {
    const row = before[i] === NO_TIER ? NEW : before[i]!;
    const was = previous.rowOf[i]!;
    const column = was >= 0 && revenueBefore[was]! > 0 && revenue[i] === 0 ? LOST : now[i]!;
    rowOf[i] = row;
    columnOf[i] = column;
    counts[cellIndex(row, column)]!++;
  }
  const starts = new Uint32Array(26);
  for (let c = 0; c < 25; c++) starts[c + 1] = starts[c]! + counts[c]!;
  const next = starts.slice(0, 25);
  const members = new Uint32Array(n);
  for (let i = 0; i < n; i++) members[next[cellIndex(rowOf[i]!, columnOf[i]!)]!++] = i;
  return { from: previous.label, to: periods.current().label, counts, members, starts, rowOf, columnOf };
}

/** Input indices of the accounts of a cell. */
export function movementMembers(movement: TierMovement, cell: number): Uint32Array {
  return movement.members.subarray(movement.starts[cell]!, movement.starts[cell + 1]!);
}
