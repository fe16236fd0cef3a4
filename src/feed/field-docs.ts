/**
 * The field tables of docs/feed.md, written from the contract's table (fields.ts): `npm run write:schema`
 * puts them into the docs, `kam-widgets schema --markdown` prints them, and a test fails when the docs
 * and the contract differ.
 */
import { ACCOUNT_FIELD_SPECS, DISPLAY_LENGTH, GOAL_FIELDS, HISTORY_POINT_FIELD_SPECS, MAX_MONEY, type FieldSpec } from './fields.js';

/** 1e18 as the docs write it. */
function shownNumber(n: number): string {
  if (n === MAX_MONEY) return '10^18';
  if (n === -MAX_MONEY) return '-10^18';
  return String(n);
}

function typeText(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'id':
    case 'text':
      return 'string';
    case 'number':
      return spec.unit ? `number, ${spec.unit === 'currency' ? 'feed currency' : spec.unit}` : 'number';
    case 'flag':
      return 'boolean';
    case 'choice':
      return (spec.values ?? []).map((v) => `\`"${v}"\``).join(', ');
    case 'url':
      return 'string, URL';
    case 'periods':
      return 'array of history points';
    case 'goals':
      return `object { ${GOAL_FIELDS.join(', ')} }`;
  }
}

function rangeText(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'id':
      return 'not empty after trimming (trimmed)';
    case 'text':
      return `any; the first ${DISPLAY_LENGTH} characters are drawn`;
    case 'number': {
      const { min, max } = spec;
      if (min !== undefined && max !== undefined) return `${shownNumber(min)} to ${shownNumber(max)}`;
      if (min !== undefined) return `>= ${shownNumber(min)}`;
      if (max !== undefined) return `<= ${shownNumber(max)}`;
      return 'any finite number';
    }
    case 'url':
      return '`http:` or `https:` only';
    case 'periods':
      return 'oldest first';
    case 'goals':
      return 'each optional, with the range of its field';
    default:
      return '';
  }
}

function table(specs: readonly FieldSpec[], meaning: (spec: FieldSpec) => string): string {
  const rows = specs.map((s) => `| \`${s.key}\` | ${typeText(s)} | ${rangeText(s)} | ${s.required ? 'yes' : 'no'} | ${meaning(s)} |`);
  return ['| Field | Type, unit | Range | Required | Meaning |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The Markdown table of the account fields, or of a history point's fields. */
export function fieldTableMarkdown(of: 'account' | 'history-point'): string {
  if (of === 'account') return table(ACCOUNT_FIELD_SPECS, (s) => s.doc);
  return table(HISTORY_POINT_FIELD_SPECS, (s) => (s.key === 'period' ? s.doc : `As the account's \`${s.key}\`, for that period.`));
}

const TABLES = ['account', 'history-point'] as const;
const section = (name: string) => new RegExp(`(<!-- contract:${name} -->\\n)([\\s\\S]*?)(\\n<!-- /contract:${name} -->)`);

/** The field tables a Markdown page holds between its `<!-- contract:account -->` and `<!-- contract:history-point -->` markers. */
export function fieldTablesIn(markdown: string): Record<(typeof TABLES)[number], string | undefined> {
  const [account, historyPoint] = TABLES.map((name) => section(name).exec(markdown)?.[2]);
  return { account, 'history-point': historyPoint };
}

/** `markdown` with the contract's field tables written between its markers. */
export function withFieldTables(markdown: string): string {
  return TABLES.reduce((text, name) => text.replace(section(name), (_, open: string, _old: string, close: string) => `${open}${fieldTableMarkdown(name)}${close}`), markdown);
}
