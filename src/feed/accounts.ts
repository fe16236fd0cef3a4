/**
 * The accounts of a feed: each checked in place against the contract (check.ts), its figures written to
 * the feed's columns in the same pass; zod words the problems of those that fail. An account whose
 * required fields are valid is kept without the optional fields that are not; an account whose required
 * fields are not, or whose id repeats a kept account's, is skipped. Then every figure's total must be a
 * finite number.
 */
import { AccountSchema } from './schema.js';
import type { Account } from './schema.js';
import { checkAccount, clearRow, columnArrays, withoutBadFields } from './check.js';
import { FIGURES, emptyColumns, firstRows, type AccountColumns } from './columns.js';
import { PointColumns } from './point-columns.js';
import { FeedError, showValue, type FeedProblem } from './errors.js';
import { PARSE_OPTIONS, rawId, toProblems } from './problems.js';

/** An account or KPI entry left out of the feed. `index` is its position in the input array. */
export interface SkippedItem {
  index: number;
  /** The entry's id when it has a usable one (a non-empty string). */
  id?: string;
  /** Why it was left out; paths like `accounts[3].revenue`. */
  problems: FeedProblem[];
}

/** An optional field that broke the contract: left out of its account, which is kept. */
export interface IgnoredField {
  /** The account's position in the input array. */
  index: number;
  /** The account's id. */
  id: string;
  /** The field, like `accounts[3].nps` or `accounts[3].history[2].revenue` (a history point without a valid period or revenue is left out whole). */
  path: string;
  /** Why, like `expected a number from 0 to 10, got 11`. */
  reason: string;
}

/** The accounts that are kept, with their columns, and what was skipped or ignored. */
export interface ReadAccounts {
  accounts: Account[];
  columns: AccountColumns;
  /** The accounts' history points as columns, by row (see point-columns.ts). */
  points: PointColumns;
  /** Per account kept: its position in the input array. */
  inputIndex: Int32Array;
  skipped: SkippedItem[];
  ignoredFields: IgnoredField[];
}

export function readAccounts(rawAccounts: readonly unknown[]): ReadAccounts {
  const columns = emptyColumns(rawAccounts.length);
  const arrays = columnArrays(columns);
  const points = new PointColumns(rawAccounts.length);
  const accounts: Account[] = [];
  const skipped: SkippedItem[] = [];
  const ignoredFields: IgnoredField[] = [];
  // Ids seen, in a Set (one hash operation per account); where an id was first seen is looked up only for a repeat.
  const ids = new Set<string>();
  const indexOfRow = new Int32Array(rawAccounts.length);
  let rowOfId: Map<string, number> | undefined;
  for (let index = 0; index < rawAccounts.length; index++) {
    const raw = rawAccounts[index];
    const row = accounts.length;
    let account = checkAccount(raw, arrays, row, points);
    let ignored: IgnoredField[] | undefined;
    if (account === undefined) {
      // Not valid as it is: zod says why, and what is left once the bad optional fields are out is checked again.
      const result = AccountSchema.safeParse(raw, PARSE_OPTIONS);
      const issues = result.success ? [] : result.error.issues;
      const rest = issues.length ? withoutBadFields(raw, issues.map((issue) => issue.path)) : undefined;
      clearRow(arrays, row, points);
      account = rest && checkAccount(rest, arrays, row, points);
      if (account === undefined) {
        clearRow(arrays, row, points);
        const id = rawId(raw);
        const problems = issues.length ? toProblems(issues, ['accounts', index]) : [{ path: `accounts[${index}]`, message: 'does not meet the contract' }];
        skipped.push({ index, ...(id === undefined ? {} : { id }), problems });
        continue;
      }
      const id = account.id;
      ignored = toProblems(issues, ['accounts', index]).map((problem) => ({ index, id, path: problem.path, reason: problem.message }));
    }
    const known = ids.size;
    if (ids.add(account.id).size === known) {
      clearRow(arrays, row, points);
      rowOfId ??= new Map(accounts.map((kept, r) => [kept.id, r]));
      const first = indexOfRow[rowOfId.get(account.id)!];
      skipped.push({
        index,
        id: account.id,
        problems: [{ path: `accounts[${index}].id`, message: `repeats the id ${JSON.stringify(account.id)} of accounts[${first}]` }],
      });
      continue;
    }
    rowOfId?.set(account.id, row);
    indexOfRow[row] = index;
    accounts.push(account);
    if (ignored) ignoredFields.push(...ignored);
  }
  return { accounts, columns: firstRows(columns, accounts.length), points, inputIndex: indexOfRow.subarray(0, accounts.length), skipped, ignoredFields };
}

/**
 * Every figure's total (of absolute values) must be a finite number, or sums, shares and scales would be
 * Infinity or NaN. Money is bounded (MAX_MONEY) so its totals always are; effort and impact have no upper
 * bound, and a feed whose effort or impact adds up past the largest number is rejected.
 */
export function checkTotals(accounts: readonly Account[], columns: AccountColumns): void {
  for (const figure of FIGURES) {
    const column = columns[figure];
    let total = 0;
    for (let i = 0; i < column.length; i++) if (column[i] === column[i]) total += Math.abs(column[i]!);
    if (total - total === 0) continue;
    let largest = 0;
    for (let i = 1; i < column.length; i++) if (Math.abs(column[i]!) > Math.abs(column[largest]!) || column[largest] !== column[largest]) largest = i;
    const message =
      `the ${figure} figures add up to more than the largest number the kit can compute with (about 1.8e308); ` +
      `the largest is ${showValue(column[largest])}, of the account ${JSON.stringify(accounts[largest]?.id)}. Check the unit of ${figure}`;
    throw new FeedError('invalid', `The account feed cannot be shown: ${message}.`, { problems: [{ path: 'accounts', message }] });
  }
}
