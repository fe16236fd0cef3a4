/**
 * Errors of the account feed. Every failure a person may see is a `FeedError` whose message says what
 * went wrong and what to do about it; `problems` lists every contract violation by JSON path.
 */

/** One contract violation. `path` uses brackets for indexes and dots for keys: `accounts[3].history[0].revenue`. */
export interface FeedProblem {
  path: string;
  message: string;
}

/**
 * - `invalid`: the document is JSON but not a feed (no accounts array, wrong version, bad envelope field).
 * - `not-json`: the text is not JSON (parse error, or a web page instead of the feed).
 * - `http`: the server answered with a status outside 200-299.
 * - `timeout`: no answer within the time limit.
 * - `network`: the request failed (offline, DNS, CORS, refused connection).
 * - `too-large`: the response is larger than the size limit (`max-bytes`); reading stopped there.
 * - `aborted`: the request was cancelled by the caller (a newer load, element removed). Not an error to
 *   show: callers ignore it (`FeedLoader` resolves `undefined` instead of rejecting).
 */
export type FeedErrorKind = 'invalid' | 'not-json' | 'http' | 'timeout' | 'network' | 'too-large' | 'aborted';

export interface FeedErrorOptions {
  problems?: FeedProblem[];
  status?: number;
  url?: string;
  cause?: unknown;
}

export class FeedError extends Error {
  override readonly name = 'FeedError';
  readonly kind: FeedErrorKind;
  /** True when trying again may help (http, timeout, network). */
  readonly retryable: boolean;
  /** The contract violations, for `invalid` and `not-json`; empty otherwise. */
  readonly problems: FeedProblem[];
  /** HTTP status, for `http`. */
  readonly status?: number;
  /** The URL that was loaded, for errors from `fetchFeed`. */
  readonly url?: string;

  constructor(kind: FeedErrorKind, message: string, options: FeedErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.retryable = kind === 'http' || kind === 'timeout' || kind === 'network';
    this.problems = options.problems ?? [];
    if (options.status !== undefined) this.status = options.status;
    if (options.url !== undefined) this.url = options.url;
  }
}

/** True for the error of a cancelled load, which callers ignore. */
export function isAbortError(error: unknown): boolean {
  if (error instanceof FeedError) return error.kind === 'aborted';
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** `"accounts[3].revenue: expected a number >= 0, got \"12k\""`; a problem with the whole document has no path prefix. */
export function describeProblem(problem: FeedProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/** Converts a zod path (`['accounts', 3, 'revenue']`) to `accounts[3].revenue`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(name)) out += out ? `.${name}` : name;
      else out += `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

/** A value as shown in messages: strings quoted (long ones shortened), `undefined` as "nothing". */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
