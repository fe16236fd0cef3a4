/**
 * When a background refresh of `src` runs next. The wait is counted from the start of the last attempt,
 * not from the last good load, so a failing server is never asked again at once. After failures the
 * wait doubles (interval × 2^failures) up to a ceiling, less a random part of up to a quarter so that
 * many pages that failed together do not retry together, and never less than the interval; a success
 * brings it back to the interval. The clock and the random source are injected, so it is tested with a
 * fake clock.
 */
import { FeedError } from './errors.js';

/** The shortest interval `refresh` takes, in seconds: more often would load the server for little news. */
export const REFRESH_MIN_SECONDS = 10;
/** The longest interval `refresh` takes, in seconds: 24 hours. */
export const REFRESH_MAX_SECONDS = 86_400;
/** Failed refreshes wait at most this long before the next try (or the interval, when that is longer). */
export const BACKOFF_CEILING_MS = 15 * 60_000;
/** The largest delay setTimeout keeps: a larger one wraps and fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** The most of a backoff wait that jitter takes off. */
const JITTER = 0.25;

/**
 * The `refresh` attribute as an interval in milliseconds: 0 for none (unset, empty or 0). Anything else
 * outside 10 s to 24 h (or not a number) is a FeedError that says what it takes, not a silent clamp.
 */
export function parseRefresh(seconds: number | null | undefined): number | FeedError {
  if (seconds === null || seconds === undefined || seconds === 0) return 0;
  if (seconds >= REFRESH_MIN_SECONDS && seconds <= REFRESH_MAX_SECONDS) return seconds * 1000;
  return new FeedError(
    'invalid',
    `refresh="${seconds}" cannot be used: give the interval in seconds, from ${REFRESH_MIN_SECONDS} to ${REFRESH_MAX_SECONDS} (24 hours), or leave it out for no refresh.`,
  );
}

export interface RefreshScheduleOptions {
  /** Milliseconds since the epoch; default Date.now. */
  now?: () => number;
  /** A number in [0, 1); default Math.random. */
  random?: () => number;
}

export class RefreshSchedule {
  /** The interval set by the page, in milliseconds; 0: no refresh. */
  intervalMs = 0;
  /** Failed attempts since the last success. */
  failures = 0;
  #startedAt?: number;
  /** The share of the backoff kept, drawn once per failure so that the notice and the timer agree. */
  #jitter = 1;
  readonly #now: () => number;
  readonly #random: () => number;

  constructor(options: RefreshScheduleOptions = {}) {
    this.#now = options.now ?? (() => Date.now());
    this.#random = options.random ?? Math.random;
  }

  /** A load or refresh starts now. */
  started(): void {
    this.#startedAt = this.#now();
  }

  /** The attempt brought a feed: back to the interval. */
  succeeded(): void {
    this.failures = 0;
  }

  /** The attempt failed: the next one waits longer. */
  failed(): void {
    this.failures++;
    this.#jitter = 1 - JITTER * this.#random();
  }

  /** How long after the start of the last attempt the next one runs, in milliseconds. */
  get waitMs(): number {
    if (!this.failures) return this.intervalMs;
    const ceiling = Math.max(BACKOFF_CEILING_MS, this.intervalMs);
    const backoff = Math.min(ceiling, this.intervalMs * 2 ** Math.min(this.failures, 30));
    return Math.max(this.intervalMs, backoff * this.#jitter);
  }

  /** When the next attempt is due (ms since the epoch); undefined without an interval or an attempt. */
  nextAt(): number | undefined {
    if (!this.intervalMs || this.#startedAt === undefined) return undefined;
    return this.#startedAt + this.waitMs;
  }

  /** The delay to give setTimeout now: 0 when overdue (never a time in the past), at most MAX_TIMER_MS. */
  timerDelay(): number {
    const next = this.nextAt() ?? this.#now();
    return Math.min(MAX_TIMER_MS, Math.max(0, next - this.#now()));
  }

  /** Whether the next attempt is due; false when a timer clamped to MAX_TIMER_MS fired early. */
  isDue(): boolean {
    const next = this.nextAt();
    return next !== undefined && next <= this.#now();
  }
}
