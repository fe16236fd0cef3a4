/**
 * zod's issues in the kit's words: the fallback wording for an issue a schema did not word itself, and
 * issues as problems with JSON paths (`accounts[3].revenue`).
 */
import * as z from './zod.js';
import { formatPath, showValue, type FeedProblem } from './errors.js';

/** Fallback wording for any zod issue a schema did not word itself (kept in the kit's "expected …, got …" style). */
function fallbackError(issue: z.core.$ZodRawIssue): string {
  const got = showValue(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${String(issue.expected)}, got ${got}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    default:
      return `${issue.message ?? 'invalid value'}, got ${got}`;
  }
}

export const PARSE_OPTIONS = { error: fallbackError } as const;

export function toProblems(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): FeedProblem[] {
  return issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The id of an entry that is left out, when it has a usable one (a non-empty string, trimmed). */
export function rawId(item: unknown): string | undefined {
  if (!isPlainObject(item) || typeof item.id !== 'string') return undefined;
  const id = item.id.trim();
  return id ? id : undefined;
}
