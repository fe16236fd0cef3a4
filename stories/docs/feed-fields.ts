/**
 * The feed contract field by field, read from the published JSON Schema (schema/feed.schema.json, which
 * is generated from the field table in src/feed/fields.ts and checked by a test), so the docs page says
 * what the schema says. Units and ranges are in each field's description; the range column adds what
 * the schema enforces.
 */
import schema from '../../schema/feed.schema.json';

type JsonSchema = {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
  description?: string;
  anyOf?: JsonSchema[];
  items?: JsonSchema & { $ref?: string };
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $ref?: string;
};

export interface FieldRow {
  name: string;
  type: string;
  range: string;
  required: boolean;
  description: string;
}

const defs = (schema as unknown as { $defs: Record<string, JsonSchema> }).$defs;

const refName = (ref: string) => ref.replace('#/$defs/', '');

function typeText(field: JsonSchema): string {
  if (field.const !== undefined) return JSON.stringify(field.const);
  if (field.enum) return field.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (field.anyOf) {
    const number = field.anyOf.find((f) => f.type === 'number' || f.type === 'integer');
    const numericString = field.anyOf.some((f) => f.type === 'string' && f.pattern);
    if (number) return `${number.type}${numericString ? ' (or a numeric string)' : ''}`;
    return field.anyOf.map(typeText).join(' | ');
  }
  if (field.type === 'array' && field.items) {
    if (field.items.$ref) return `array of ${refName(field.items.$ref)}`;
    if (field.items.properties) return `array of { ${Object.keys(field.items.properties).join(', ')} }`;
    return `array of ${typeText(field.items)}`;
  }
  if (field.type === 'object' && field.properties) return `{ ${Object.keys(field.properties).join(', ')} }`;
  if (field.format === 'uri') return 'string (http or https URL)';
  return field.type ?? 'any';
}

function rangeText(field: JsonSchema): string {
  if (field.const !== undefined || field.enum) return '';
  const number = field.anyOf?.find((f) => f.type === 'number' || f.type === 'integer') ?? field;
  const { minimum: min, maximum: max } = number;
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (min !== undefined) return `>= ${min}`;
  if (max !== undefined) return `<= ${max}`;
  if (field.minLength) return 'not empty';
  if (field.pattern && field.format !== 'uri') return `matches ${field.pattern}`;
  if (number.type === 'number' || number.type === 'integer') return 'any finite value';
  return '';
}

function rows(object: JsonSchema): FieldRow[] {
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(([name, field]) => ({
    name,
    type: typeText(field),
    range: rangeText(field),
    required: required.has(name),
    description: field.description ?? '',
  }));
}

/** The document envelope, an account, a KPI override and a history point, field by field. */
export const DOCUMENT_FIELDS = rows(defs.document!);
export const ACCOUNT_FIELDS = rows(defs.account!);
export const KPI_FIELDS = rows(defs.kpi!);
export const HISTORY_FIELDS = rows(defs.account!.properties!.history!.items!);

/** The schema as published, for the page to print. */
export const FEED_SCHEMA_TEXT = JSON.stringify(schema, null, 2);
