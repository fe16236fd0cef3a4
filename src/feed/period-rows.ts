/**
 * History from flat exports: one row (or record) per account and period, with a `period` column, as CRM
 * reports export it. The rows of an account become one account: its row for the current period gives
 * its fields, its rows for earlier periods its history points (the per-period fields only).
 *
 * Decisions:
 * - The order of periods: time order when every label is a quarter, half, month, year or fiscal year of
 *   one kind (period-labels.ts), so a report sorted newest first still reads right; else the order in
 *   which the rows first name each period. The last period is the current one.
 * - An account without a row for the current period is skipped: its current revenue is unknown. Export
 *   a lost account with a row of revenue 0 for the current period (and it shows as lost).
 * - A second row for the same account and period is left out, and reported.
 * - Rows are matched by `id` as written (trimmed); a row without an id stays an account of its own, which
 *   the contract then skips.
 */
import { HISTORY_POINT_FIELD_SPECS } from './fields.js';
import type { PeriodLabels } from './history.js';
import { timeOrder } from './period-labels.js';

type Row = Record<string, unknown>;

const POINT_KEYS = HISTORY_POINT_FIELD_SPECS.map((spec) => spec.key);

export interface GroupedRows {
  /** One record per account, with `history`. */
  accounts: Row[];
  periods: PeriodLabels;
  /** Per account: the index of the row its own fields come from. */
  accountRow: number[];
  /** Per account: the index of the row of each history point. */
  pointRows: number[][];
  /** Rows left out: a repeated period, or an account without a current row (by the index of its first row). */
  problems: PeriodRowProblem[];
}

export type PeriodRowProblem =
  | { kind: 'repeat'; row: number; id: string; period: string; first: number }
  | { kind: 'no-current'; row: number; id: string; period: string };

/** A problem in words, rows named by `rowName`: "repeats the period "2026-Q1" of the account's row 10": the row is left out. */
export function periodRowMessage(problem: PeriodRowProblem, rowName: (row: number) => string): string {
  return problem.kind === 'repeat'
    ? `repeats the period ${JSON.stringify(problem.period)} of the account's ${rowName(problem.first)}`
    : `has no row for the current period ${JSON.stringify(problem.period)}, so its current revenue is unknown (skipped)`;
}

const labelOf = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** Groups records that carry a `period` into accounts with history (see the module comment). */
export function groupPeriodRows(records: readonly Row[]): GroupedRows {
  const firstSeen: string[] = [];
  const known = new Set<string>();
  for (const record of records) {
    const label = labelOf(record.period);
    if (!label || known.has(label)) continue;
    known.add(label);
    firstSeen.push(label);
  }
  const order = timeOrder(firstSeen) ?? firstSeen;
  const position = new Map(order.map((label, i) => [label, i]));
  const current = order[order.length - 1];
  const problems: GroupedRows['problems'] = [];
  const groups = new Map<string, number[]>();
  const loose: number[][] = [];
  records.forEach((record, r) => {
    const id = typeof record.id === 'string' ? record.id.trim() : '';
    if (!id) return loose.push([r]);
    const rows = groups.get(id);
    if (rows) rows.push(r);
    else groups.set(id, [r]);
  });
  const accounts: Row[] = [];
  const accountRow: number[] = [];
  const pointRows: number[][] = [];
  for (const rows of [...groups.values(), ...loose]) {
    const byPeriod = new Map<number, number>();
    for (const r of rows) {
      const label = labelOf(records[r]!.period);
      const at = position.get(label) ?? -1;
      const first = byPeriod.get(at);
      if (first === undefined) byPeriod.set(at, r);
      else problems.push({ kind: 'repeat', row: r, id: labelOf(records[r]!.id), period: label, first });
    }
    const now = current === undefined ? rows[0] : byPeriod.get(order.length - 1);
    if (now === undefined) {
      problems.push({ kind: 'no-current', row: rows[0]!, id: labelOf(records[rows[0]!]!.id), period: current ?? '' });
      continue;
    }
    const past = [...byPeriod].filter(([at]) => at >= 0 && at < order.length - 1).sort((a, b) => a[0] - b[0]);
    const { period: _period, ...account } = records[now]!;
    if (past.length) {
      account.history = past.map(([at, r]) => {
        const point: Row = { period: order[at] };
        for (const key of POINT_KEYS) if (key !== 'period' && records[r]![key] !== undefined) point[key] = records[r]![key];
        return point;
      });
    }
    accounts.push(account);
    accountRow.push(now);
    pointRows.push(past.map(([, r]) => r));
  }
  return { accounts, periods: current === undefined ? {} : { order, current }, accountRow, pointRows, problems };
}

/** Where a problem of a grouped account lies in the rows: `accounts[i].x` and `accounts[i].history[j].x` as the row and the field. */
export function rowOfPath(grouped: Pick<GroupedRows, 'accountRow' | 'pointRows'>, path: string): { row: number; field?: string } | undefined {
  const match = /^accounts\[(\d+)\](?:\.history(?:\[(\d+)\])?)?(?:\.([A-Za-z]+(?:\.[A-Za-z]+)?))?/.exec(path);
  if (!match) return undefined;
  const i = Number(match[1]);
  const point = match[2] === undefined ? undefined : Number(match[2]);
  const row = point === undefined ? grouped.accountRow[i] : grouped.pointRows[i]?.[point];
  if (row === undefined) return undefined;
  const field = match[3] ?? (path.includes('.history') && point === undefined ? 'history' : undefined);
  return field === undefined ? { row } : { row, field };
}
