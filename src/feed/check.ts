/**
 * The in-place checker: validates an account against the field table (fields.ts) without copying it,
 * and writes its figures into the feed's columns in the same pass. A valid account is used as it is,
 * and copied only when something must change (a numeric string turned into a number, an id trimmed):
 * allocating a validated copy of every account was most of what validation cost. zod (schema.ts, made
 * from the same table) words the problems: when an account fails this check, accounts.ts asks zod why.
 * A property test checks that both accept the same accounts with the same values.
 */
import { CODES, FIGURES, NO_TIER, flagCode, revenueOrZero, tierIndexOf, type AccountColumns } from './columns.js';
import { POINT_FIGURES, type PointColumns } from './point-columns.js';
import { ACCOUNT_FIELD_SPECS, GOAL_FIELD_SPECS, HISTORY_POINT_FIELD_SPECS, inRange, isHttpUrl, numberOf, type Account, type FieldSpec } from './fields.js';

/** The columns as arrays in FIGURES order, then the CODES (tier index, flags): what a field's `column` points into. */
export type ColumnArrays = readonly (Float64Array | Uint8Array)[];

export function columnArrays(columns: AccountColumns): ColumnArrays {
  return [...FIGURES.map((figure) => columns[figure]), ...CODES.map((code) => columns[code])];
}

/** How a field's value is written to its column (Label: a point's period label, into its position's labels). */
const Write = { None: 0, Number: 1, Revenue: 2, Tier: 3, Flag: 4, Label: 5 } as const;
type Write = (typeof Write)[keyof typeof Write];

/** A field of the table, prepared for checking. */
interface PlannedField {
  key: string;
  kind: FieldSpec['kind'];
  required: boolean;
  min: number;
  max: number;
  values: readonly unknown[];
  /** Its column, as an index into the arrays it is written to; -1 for none. */
  column: number;
  write: Write;
}

interface Plan {
  fields: readonly PlannedField[];
  /** How many fields are required. */
  required: number;
}

/** The plan of a record whose columns are `figures` then CODES. */
function plan(specs: readonly FieldSpec[], figures: readonly string[]): Plan {
  const fields = specs.map((spec): PlannedField => {
    const figure = figures.indexOf(spec.key);
    const code = (CODES as readonly string[]).indexOf(spec.key === 'tier' ? 'givenTier' : spec.key);
    const column = figure >= 0 ? figure : code >= 0 ? figures.length + code : -1;
    const write =
      spec.key === 'period' ? Write.Label
      : figure >= 0 ? (spec.key === 'revenue' ? Write.Revenue : Write.Number)
      : spec.key === 'tier' ? Write.Tier
      : code >= 0 ? Write.Flag
      : Write.None;
    return { key: spec.key, kind: spec.kind, required: spec.required, min: spec.min ?? -Infinity, max: spec.max ?? Infinity, values: spec.values ?? [], column, write };
  });
  return { fields, required: fields.filter((f) => f.required).length };
}

const ACCOUNT_PLAN = plan(ACCOUNT_FIELD_SPECS, FIGURES);
const POINT_PLAN = plan(HISTORY_POINT_FIELD_SPECS, POINT_FIGURES);

/** Where a record's figures go: its columns, and for an account, the columns of its history points. */
interface Sink {
  arrays: ColumnArrays;
  /** A point's position: its labels. */
  labels?: (string | undefined)[];
  /** An account's history points. */
  points?: PointColumns;
}

/** What checkValue returns for a value that breaks the contract. */
const INVALID = Symbol('invalid');

type Row = Record<string, unknown>;

/** True for a character that String.prototype.trim removes, or may: anything that is not printable ASCII. */
const mayTrim = (code: number) => code <= 0x20 || code >= 0x7f;

/** The value as the contract reads it (the same value when nothing changes), or INVALID. */
function checkValue(field: PlannedField, value: unknown, points: PointColumns | undefined, row: number): unknown {
  switch (field.kind) {
    case 'number': {
      const n = typeof value === 'number' ? value : numberOf(value);
      return n !== undefined && inRange(n, field) ? n : INVALID;
    }
    case 'text':
      return typeof value === 'string' ? value : INVALID;
    case 'id': {
      if (typeof value !== 'string' || value.length === 0) return INVALID;
      if (!mayTrim(value.charCodeAt(0)) && !mayTrim(value.charCodeAt(value.length - 1))) return value;
      const id = value.trim();
      return id ? id : INVALID;
    }
    case 'flag':
      return typeof value === 'boolean' ? value : INVALID;
    case 'choice':
      return field.values.includes(value) ? value : INVALID;
    case 'url':
      return typeof value === 'string' && isHttpUrl(value) ? value : INVALID;
    case 'periods': {
      if (!Array.isArray(value)) return INVALID;
      let out: unknown[] | undefined;
      if (points) points.lengths[row] = value.length;
      for (let i = 0; i < value.length; i++) {
        const point: unknown = value[i];
        const checked = checkRecord(POINT_PLAN, point, points?.at(i), row);
        if (checked === undefined) return INVALID;
        if (checked !== point) (out ??= value.slice())[i] = checked;
      }
      return out ?? value;
    }
    case 'goals':
      return checkGoals(value);
  }
}

/** The goals as the contract reads them: the same object, or a copy with numeric strings converted and other keys left out (as zod does); INVALID when a goal is out of its range. */
function checkGoals(value: unknown): unknown {
  if (!isRecord(value)) return INVALID;
  let out: Row | undefined;
  for (const key in value) {
    const spec = GOAL_FIELD_SPECS.find((goal) => goal.key === key);
    const goal = value[key];
    if (spec === undefined) {
      out ??= { ...value };
      delete out[key];
      continue;
    }
    if (goal === undefined) continue;
    const n = typeof goal === 'number' ? goal : numberOf(goal);
    if (n === undefined || !inRange(n, spec)) return INVALID;
    if (n !== goal) (out ??= { ...value })[key] = n;
  }
  return out ?? value;
}

/** Sets row `row` of every column to "missing" (NaN, NO_TIER): how a row starts, and is reset after an account that is not kept. */
export function clearRow(columns: ColumnArrays, row: number, points?: PointColumns): void {
  for (let c = 0; c < columns.length; c++) columns[c]![row] = c >= FIGURES.length ? NO_TIER : NaN;
  points?.clear(row);
}

function isRecord(raw: unknown): raw is Row {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** True for an object as JSON.parse and object literals make them: its fields are its own enumerable keys. */
function isPlain(record: Row): boolean {
  const prototype: unknown = Object.getPrototypeOf(record);
  return prototype === Object.prototype || prototype === null;
}

/** A plain copy of a record: its own keys, and every field of the table it has (a class's getters too). */
function copyOf(record: Row, fields: readonly { key: string }[]): Row {
  const copy: Row = { ...record };
  for (const { key } of fields) if (!(key in copy) && record[key] !== undefined) copy[key] = record[key];
  return copy;
}

/**
 * `raw` when it meets the contract as it is, a copy with the converted values when it meets it after
 * conversion, or undefined when it does not. Fills row `row` of `columns` with the figures it has; the
 * row must start as "missing" (see clearRow), and means nothing when the record turns out invalid.
 *
 * It goes over the keys the record has (for...in): a plain object lists its keys from its shape, without
 * a lookup each, and only the fields it has, not all 21 of the table. Each key is matched to the table by
 * looking on from the last field matched: records written in the table's order (an exporter writes every
 * record alike) cost one comparison per key. Any other object (a class instance with getters) is read
 * into a plain copy first.
 */
function checkRecord({ fields, required }: Plan, raw: unknown, sink: Sink | undefined, row: number): Row | undefined {
  if (!isRecord(raw)) return undefined;
  const record = isPlain(raw) ? raw : copyOf(raw, fields);
  const count = fields.length;
  let out = record === raw ? undefined : record;
  let seen = 0;
  let at = 0;
  for (const key in record) {
    let tried = 0;
    while (fields[at]!.key !== key && ++tried < count) at = at + 1 === count ? 0 : at + 1;
    if (tried === count) continue; // not a field of the contract
    const field = fields[at]!;
    at = at + 1 === count ? 0 : at + 1;
    const value = record[key];
    if (value === undefined) continue;
    const checked = checkValue(field, value, sink?.points, row);
    if (checked === INVALID) return undefined;
    if (checked !== value) (out ??= { ...record })[key] = checked;
    if (field.required) seen++;
    if (sink === undefined || field.write === Write.None) continue;
    if (field.write === Write.Label) {
      if (sink.labels) sink.labels[row] = checked as string;
      continue;
    }
    const column = sink.arrays[field.column]!;
    if (field.write === Write.Number) column[row] = checked as number;
    else if (field.write === Write.Revenue) column[row] = revenueOrZero(checked);
    else if (field.write === Write.Tier) column[row] = tierIndexOf(checked);
    else column[row] = flagCode(checked);
  }
  return seen === required ? (out ?? record) : undefined;
}

/**
 * The account as the feed holds it (`raw` itself when it needs no change), with its figures written to
 * row `row` of `columns` (see columnArrays) and its history points' to row `row` of `points` (the row must
 * start as "missing", see clearRow); undefined when it breaks the contract (zod then says why).
 */
export function checkAccount(raw: unknown, columns?: ColumnArrays, row = 0, points?: PointColumns): Account | undefined {
  return checkRecord(ACCOUNT_PLAN, raw, columns && { arrays: columns, ...(points ? { points } : {}) }, row) as Account | undefined;
}

const ACCOUNT_SPEC = new Map<PropertyKey, FieldSpec>(ACCOUNT_FIELD_SPECS.map((spec) => [spec.key, spec]));
const POINT_SPEC = new Map<PropertyKey, FieldSpec>(HISTORY_POINT_FIELD_SPECS.map((spec) => [spec.key, spec]));

/**
 * What is left of an account once the fields its problems are in are taken out: each optional field with
 * a problem is left out, and so is each history point whose period or revenue has one (or that is not a
 * point at all); an optional field of a kept point is left out of that point. Undefined when a required
 * field has a problem, or the account is not an object: then the account is skipped.
 * `paths` are the problems' paths inside the account (zod's issue paths).
 */
export function withoutBadFields(raw: unknown, paths: readonly (readonly PropertyKey[])[]): Row | undefined {
  if (!isRecord(raw)) return undefined;
  const out = copyOf(raw, ACCOUNT_FIELD_SPECS);
  /** Per list field: per point index, the keys to leave out of it, or null to leave the point out. */
  const points = new Map<string, Map<number, Set<PropertyKey> | null>>();
  for (const path of paths) {
    const spec = ACCOUNT_SPEC.get(path[0]!);
    if (!spec || spec.required) return undefined;
    const index = path[1];
    if (spec.kind === 'goals' && path.length > 1 && isRecord(out.goals)) {
      // Only the goal with a problem is left out.
      const goals: Row = { ...out.goals };
      delete goals[index as string];
      out.goals = goals;
      continue;
    }
    if (spec.kind !== 'periods' || typeof index !== 'number') {
      delete out[spec.key];
      continue;
    }
    const byIndex = points.get(spec.key) ?? new Map<number, Set<PropertyKey> | null>();
    points.set(spec.key, byIndex);
    const pointSpec = path.length > 2 ? POINT_SPEC.get(path[2]!) : undefined;
    if (!pointSpec || pointSpec.required) byIndex.set(index, null);
    else if (byIndex.get(index) !== null) byIndex.set(index, (byIndex.get(index) ?? new Set()).add(pointSpec.key));
  }
  for (const [key, byIndex] of points) {
    const list = out[key];
    if (!Array.isArray(list)) continue; // the whole list was left out
    out[key] = list.flatMap((point: unknown, i) => {
      const leaveOut = byIndex.get(i);
      if (leaveOut === undefined) return [point];
      if (leaveOut === null) return [];
      const kept: Row = { ...(point as Row) };
      for (const k of leaveOut) delete kept[k as string];
      return [kept];
    });
  }
  return out;
}
