/**
 * The in-place checker: validates an account against the field table (fields.ts) without copying it,
 * and writes its figures into the feed's columns in the same pass. This is how 100,000 accounts are
 * validated in milliseconds: a valid account is used as it is, and copied only when something must
 * change (a numeric string turned into a number, an id trimmed). zod (schema.ts, made from the same
 * table) decides nothing here that it would decide otherwise: a property test checks that both accept
 * the same accounts with the same values. When an account fails this check, parse.ts asks zod why.
 */
import { revenueOrZero, tierIndexOf, type AccountColumns } from './columns.js';
import { ACCOUNT_FIELD_SPECS, HISTORY_POINT_FIELD_SPECS, inRange, isHttpUrl, numberOf, type Account, type FieldSpec } from './fields.js';

const enum Kind {
  Id,
  Text,
  Number,
  Flag,
  Choice,
  Url,
  Periods,
}

const KINDS: Record<FieldSpec['kind'], Kind> = {
  id: Kind.Id,
  text: Kind.Text,
  number: Kind.Number,
  flag: Kind.Flag,
  choice: Kind.Choice,
  url: Kind.Url,
  periods: Kind.Periods,
};

type FigureColumn = 'revenue' | 'profit' | 'potential' | 'previousRevenue' | 'effort' | 'impact' | 'clv';

/** A field of the table, prepared for checking. */
interface PlannedField {
  key: string;
  kind: Kind;
  required: boolean;
  min: number;
  max: number;
  values: readonly unknown[];
  /** The column the field fills (accounts only). */
  column: FigureColumn | 'givenTier' | undefined;
}

const FIGURE_COLUMNS: ReadonlySet<string> = new Set<FigureColumn>(['revenue', 'profit', 'potential', 'previousRevenue', 'effort', 'impact', 'clv']);

function plan(specs: readonly FieldSpec[], withColumns: boolean): PlannedField[] {
  return specs.map((spec) => ({
    key: spec.key,
    kind: KINDS[spec.kind],
    required: spec.required,
    min: spec.min ?? -Infinity,
    max: spec.max ?? Infinity,
    values: spec.values ?? [],
    column: !withColumns ? undefined : FIGURE_COLUMNS.has(spec.key) ? (spec.key as FigureColumn) : spec.key === 'tier' ? 'givenTier' : undefined,
  }));
}

const ACCOUNT_PLAN = plan(ACCOUNT_FIELD_SPECS, true);
const POINT_PLAN = plan(HISTORY_POINT_FIELD_SPECS, false);

/** What checkValue returns for a value that breaks the contract. */
const INVALID = Symbol('invalid');

type Row = Record<string, unknown>;

/** True for a character that String.prototype.trim removes, or may: anything that is not printable ASCII. */
const mayTrim = (code: number) => code <= 0x20 || code >= 0x7f;

/** The value as the contract reads it (the same value when nothing changes), or INVALID. */
function checkValue(field: PlannedField, value: unknown): unknown {
  switch (field.kind) {
    case Kind.Number: {
      const n = typeof value === 'number' ? value : numberOf(value);
      return n !== undefined && inRange(n, field) ? n : INVALID;
    }
    case Kind.Text:
      return typeof value === 'string' ? value : INVALID;
    case Kind.Id: {
      if (typeof value !== 'string' || value.length === 0) return INVALID;
      if (!mayTrim(value.charCodeAt(0)) && !mayTrim(value.charCodeAt(value.length - 1))) return value;
      const id = value.trim();
      return id ? id : INVALID;
    }
    case Kind.Flag:
      return typeof value === 'boolean' ? value : INVALID;
    case Kind.Choice:
      return field.values.includes(value) ? value : INVALID;
    case Kind.Url:
      return typeof value === 'string' && isHttpUrl(value) ? value : INVALID;
    case Kind.Periods: {
      if (!Array.isArray(value)) return INVALID;
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const point: unknown = value[i];
        const checked = checkRecord(POINT_PLAN, point, undefined, 0);
        if (checked === undefined) return INVALID;
        if (checked !== point) (out ??= value.slice())[i] = checked;
      }
      return out ?? value;
    }
  }
}

/**
 * `raw` when it meets the contract as it is, a copy with the converted values when it meets it after
 * conversion, or undefined when it does not. Fills row `row` of `columns` on the way (the row is
 * meaningless when the record turns out invalid).
 */
function checkRecord(fields: readonly PlannedField[], raw: unknown, columns: AccountColumns | undefined, row: number): Row | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const record = raw as Row;
  let out: Row | undefined;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    const value = record[field.key];
    let checked: unknown;
    if (value === undefined) {
      if (field.required) return undefined;
      checked = undefined;
    } else {
      checked = checkValue(field, value);
      if (checked === INVALID) return undefined;
      if (checked !== value) (out ??= { ...record })[field.key] = checked;
    }
    const column = field.column;
    if (columns !== undefined && column !== undefined) {
      if (column === 'givenTier') columns.givenTier[row] = tierIndexOf(checked);
      else if (column === 'revenue') columns.revenue[row] = revenueOrZero(checked);
      else columns[column][row] = checked === undefined ? NaN : (checked as number);
    }
  }
  return out ?? record;
}

/**
 * The account as the feed holds it (`raw` itself when it needs no change), with its figures written to
 * row `row` of `columns`; undefined when it breaks the contract (zod then says why).
 */
export function checkAccount(raw: unknown, columns?: AccountColumns, row = 0): Account | undefined {
  return checkRecord(ACCOUNT_PLAN, raw, columns, row) as Account | undefined;
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
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const out: Row = { ...(raw as Row) };
  /** Per list field: per point index, the keys to leave out of it, or null to leave the point out. */
  const points = new Map<string, Map<number, Set<PropertyKey> | null>>();
  for (const path of paths) {
    const spec = ACCOUNT_SPEC.get(path[0]!);
    if (!spec || spec.required) return undefined;
    const index = path[1];
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
