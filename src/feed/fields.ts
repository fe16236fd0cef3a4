/**
 * The account contract, as one table: every field of an account with its kind, unit, range, whether it
 * is required, and one line of documentation. Everything else is made from this table: the zod schema
 * that words the problems (schema.ts), the in-place checker that validates large feeds (check.ts), the
 * published JSON Schema (json-schema.ts, through zod), the CLI's `schema` command and the field tables
 * of docs/feed.md (field-docs.ts; a test fails when the docs differ), the CSV reader's columns and the
 * field map's names.
 *
 * A history point (an account's figures in one past period) is described by the same table: a period
 * label plus the account fields marked `perPeriod`, with the same kind, unit and range.
 *
 * An account's own goals (`goals`) are one object whose figures are those of the account fields of the
 * same name (GOAL_FIELDS), with their kind, unit and range: a goal is the figure the account should reach
 * in the current period. A CSV file or a field map carries them as the columns `goals.revenue`,
 * `goals.profit`, `goals.nps` and `goals.csat` (field-map.ts).
 *
 * Decisions:
 * - Money is bounded by MAX_MONEY (10^18 in the feed currency): a total of any number of such amounts
 *   is a finite number, so no sum, share or scale of the analysis becomes Infinity or NaN.
 * - Text is kept whole in the data; what is measured and drawn is its first DISPLAY_LENGTH characters.
 */

export const TIERS = ['MVC', 'MGC', 'STC', 'BZ'] as const;
export type Tier = (typeof TIERS)[number];

/** The largest amount of money a field takes, in the feed currency (10^18). */
export const MAX_MONEY = 1e18;

/** How many characters of a text field are measured and drawn (the data keeps the whole text). */
export const DISPLAY_LENGTH = 200;

/** A numeric string as CRM exports write numbers: "1250.50", " -3 ", "1e3". Not "12k", "NaN", "Infinity". */
export const NUMERIC_STRING = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * What a field holds:
 * - `id`: a string, trimmed, not empty after trimming;
 * - `text`: a string, kept as given (plain text, never markup);
 * - `number`: a finite number in the field's range, or a numeric string (converted);
 * - `flag`: true or false;
 * - `choice`: one of the field's `values`;
 * - `url`: an http: or https: URL;
 * - `periods`: a list of history points (the fields marked `perPeriod`, and `period`);
 * - `goals`: an object of optional numbers, one per GOAL_FIELDS, each as the account field of its name.
 */
export type FieldKind = 'id' | 'text' | 'number' | 'flag' | 'choice' | 'url' | 'periods' | 'goals';

export interface FieldSpec {
  readonly key: string;
  readonly kind: FieldKind;
  /** What a number counts: "currency" (the feed's), "hours or touches", "score", "rating". */
  readonly unit?: string;
  /** Inclusive bounds of a number. */
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly string[];
  readonly required: boolean;
  /** Also a field of each history point, with the same meaning for that period. */
  readonly perPeriod?: boolean;
  /** One line for the docs and the JSON Schema. */
  readonly doc: string;
}

const MONEY = { kind: 'number', unit: 'currency', max: MAX_MONEY } as const;

/** The account fields, in the order the docs list them. */
export const ACCOUNT_FIELD_SPECS = [
  { key: 'id', kind: 'id', required: true, doc: 'Unique account identifier, for example the CRM record id.' },
  { key: 'name', kind: 'text', required: true, doc: 'Display name. Plain text, never markup.' },
  { key: 'revenue', ...MONEY, min: 0, required: true, perPeriod: true, doc: 'Revenue in the current period.' },
  { key: 'previousRevenue', ...MONEY, min: 0, required: false, doc: 'Revenue in the previous period (growth, retention, churn, NRR): shorthand for the revenue of the last history point; the history wins when both are given and disagree.' },
  { key: 'profit', ...MONEY, min: -MAX_MONEY, required: false, perPeriod: true, doc: 'Contribution after cost to serve; may be negative.' },
  {
    key: 'costToServe',
    ...MONEY,
    min: 0,
    required: false,
    perPeriod: true,
    doc: 'What serving the account cost this period (account team, support, service). ROI = profit / cost to serve; without it, effort × the page\'s cost-per-effort.',
  },
  { key: 'potential', ...MONEY, min: 0, required: false, perPeriod: true, doc: 'Attainable yearly revenue (wallet share). Headroom = potential - revenue.' },
  { key: 'effort', kind: 'number', unit: 'hours or touches', min: 0, required: false, perPeriod: true, doc: 'Effort spent on the account this period.' },
  { key: 'impact', kind: 'number', unit: 'score', required: false, perPeriod: true, doc: 'Impact of working the account, higher is better. Defaults to headroom.' },
  { key: 'tier', kind: 'choice', values: TIERS, required: false, perPeriod: true, doc: 'Tier given by the feed; wins over the computed tier (in a history point: for that period).' },
  {
    key: 'nps',
    kind: 'number',
    unit: 'score',
    min: 0,
    max: 10,
    required: false,
    perPeriod: true,
    doc: 'Likelihood to recommend: the latest answer or an average of several (9 and up promoter, 6 and below detractor).',
  },
  { key: 'csat', kind: 'number', unit: 'rating', min: 1, max: 5, required: false, perPeriod: true, doc: 'Satisfaction rating (4 and up = satisfied).' },
  { key: 'clv', ...MONEY, min: 0, required: false, perPeriod: true, doc: 'Customer lifetime value.' },
  { key: 'expanded', kind: 'flag', required: false, perPeriod: true, doc: 'Bought more or another product this period (up-sell, cross-sell).' },
  { key: 'referenceable', kind: 'flag', required: false, perPeriod: true, doc: 'Agreed to act as a reference.' },
  {
    key: 'goals',
    kind: 'goals',
    required: false,
    doc: 'The account\'s own targets for the current period: { revenue, profit, nps, csat }, each optional, in the unit and range of that field. A goal is missed when the figure is below it.',
  },
  { key: 'owner', kind: 'text', required: false, doc: 'Account owner (key-account manager).' },
  { key: 'segment', kind: 'text', required: false, doc: 'Customer segment, for example "Enterprise".' },
  { key: 'region', kind: 'text', required: false, doc: 'Sales region, for example "EMEA".' },
  { key: 'industry', kind: 'text', required: false, doc: 'Industry of the account.' },
  { key: 'country', kind: 'text', required: false, doc: 'Country of the account (name or ISO 3166 code).' },
  { key: 'url', kind: 'url', required: false, doc: 'Link to the account in the CRM (javascript:, data: and other schemes are ignored).' },
  { key: 'history', kind: 'periods', required: false, doc: 'Figures by past period, oldest first, in the feed\'s order of periods (see "History point" and "Periods").' },
] as const satisfies readonly FieldSpec[];

const PERIOD = { key: 'period', kind: 'text', required: true, doc: 'Period label, for example "2026-Q1" or "FY2025".' } as const satisfies FieldSpec;

/** The account fields an account may set a goal for (`goals`), in this order. */
export const GOAL_FIELDS = ['revenue', 'profit', 'nps', 'csat'] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];

/** An account's own goals for the current period. */
export type Goals = { [F in GoalField]?: number };

/** The fields of `goals`: each with the kind, unit and range of the account field of its name, all optional. */
export const GOAL_FIELD_SPECS: readonly FieldSpec[] = GOAL_FIELDS.map((key) => {
  const { kind, unit, min, max }: FieldSpec = ACCOUNT_FIELD_SPECS.find((spec) => spec.key === key)!;
  return { key, kind, unit, min, max, required: false, doc: `The account's goal for its ${key} in the current period.` };
});

type PerPeriodSpec = Extract<(typeof ACCOUNT_FIELD_SPECS)[number], { perPeriod: true }>;

/** The fields of a history point: its period, then the account fields it repeats for that period. */
export const HISTORY_POINT_FIELD_SPECS: readonly (typeof PERIOD | PerPeriodSpec)[] = [
  PERIOD,
  ...ACCOUNT_FIELD_SPECS.filter((spec): spec is PerPeriodSpec => 'perPeriod' in spec && spec.perPeriod),
];

// ---- the types of a valid account and history point, read from the table ------------------------------

type ValueOf<S> = S extends { kind: 'id' | 'text' | 'url' }
  ? string
  : S extends { kind: 'number' }
    ? number
    : S extends { kind: 'flag' }
      ? boolean
      : S extends { kind: 'choice'; values: readonly (infer V)[] }
        ? V
        : S extends { kind: 'periods' }
          ? HistoryPoint[]
          : S extends { kind: 'goals' }
            ? Goals
            : never;

/** What a field takes in a feed: numbers may be numeric strings. */
type InputOf<S> = S extends { kind: 'number' }
  ? number | string
  : S extends { kind: 'periods' }
    ? HistoryPointInput[]
    : S extends { kind: 'goals' }
      ? { [F in GoalField]?: number | string }
      : ValueOf<S>;

type RecordOf<S extends FieldSpec> = { [F in S as F extends { required: true } ? F['key'] : never]: ValueOf<F> } & {
  [F in S as F extends { required: true } ? never : F['key']]?: ValueOf<F>;
};

type InputRecordOf<S extends FieldSpec> = { [F in S as F extends { required: true } ? F['key'] : never]: InputOf<F> } & {
  [F in S as F extends { required: true } ? never : F['key']]?: InputOf<F>;
};

/** Flattens an intersection for readable hovers. */
type Plain<T> = { [K in keyof T]: T[K] };

/** An account as the kit reads it (a valid one: the feed's accounts are all valid). */
export type Account = Plain<RecordOf<(typeof ACCOUNT_FIELD_SPECS)[number]>>;
/** An account's figures in one past period. */
export type HistoryPoint = Plain<RecordOf<typeof PERIOD | PerPeriodSpec>>;
/** An account as a feed may write it (numbers may be numeric strings). */
export type AccountInput = Plain<InputRecordOf<(typeof ACCOUNT_FIELD_SPECS)[number]>>;
export type HistoryPointInput = Plain<InputRecordOf<typeof PERIOD | PerPeriodSpec>>;

export type AccountField = (typeof ACCOUNT_FIELD_SPECS)[number]['key'];

// ---- the checks every kind makes, shared by the zod schema and the in-place checker --------------------

/** The number a field value stands for (a number, or a numeric string), or undefined. Not yet range-checked. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC_STRING.test(value)) return Number(value);
  return undefined;
}

/** True for a finite number within the spec's bounds. */
export function inRange(n: number, spec: Pick<FieldSpec, 'min' | 'max'>): boolean {
  return n - n === 0 && (spec.min === undefined || n >= spec.min) && (spec.max === undefined || n <= spec.max);
}

/**
 * An http(s) URL as the URL parser reads it. A common, plainly valid form (scheme, dotted host name,
 * optional port, then printable ASCII) is accepted by a pattern without parsing: URL.canParse costs
 * about 0.15 µs, and a feed of 100,000 accounts has 100,000 links.
 */
const PLAIN_HTTP_URL = /^https?:\/\/[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*\.[a-z][a-z0-9]*(?::\d{1,4})?(?:[/?#][!-~]*)?$/i;

export function isHttpUrl(value: string): boolean {
  if (PLAIN_HTTP_URL.test(value)) return true;
  const trimmed = value.trim();
  return /^https?:\/\//i.test(trimmed) && URL.canParse(trimmed);
}

/** Text as it is measured and drawn: its first DISPLAY_LENGTH characters (a character pair never cut in two), with an ellipsis when cut. */
export function displayText(text: string): string {
  if (text.length <= DISPLAY_LENGTH) return text;
  let end = DISPLAY_LENGTH - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate: keep the pair whole by leaving both out
  return `${text.slice(0, end)}…`;
}
