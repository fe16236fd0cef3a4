import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feed/errors.js';
import { BACKOFF_CEILING_MS, MAX_TIMER_MS, RefreshSchedule, parseRefresh } from '../../src/feed/refresh-schedule.js';

/** A schedule on a clock the test moves, with a fixed "random" draw. */
function onFakeClock(intervalSeconds: number, random = 0) {
  const clock = { now: 0 };
  const schedule = new RefreshSchedule({ now: () => clock.now, random: () => random });
  schedule.intervalMs = intervalSeconds * 1000;
  return { clock, schedule };
}

/**
 * The seconds at which refreshes run when the first load (at 0 s) succeeds and every refresh after it
 * fails, up to `until` seconds.
 */
function attemptsWhileFailing(intervalSeconds: number, random: number, until: number): number[] {
  const { clock, schedule } = onFakeClock(intervalSeconds, random);
  schedule.started();
  schedule.succeeded();
  const times: number[] = [];
  for (;;) {
    clock.now = schedule.nextAt()!;
    if (clock.now > until * 1000) return times;
    times.push(clock.now / 1000);
    schedule.started();
    schedule.failed();
  }
}

describe('parseRefresh', () => {
  it('takes 10 s to 24 h, in seconds; unset or 0 is no refresh', () => {
    expect(parseRefresh(undefined)).toBe(0);
    expect(parseRefresh(null)).toBe(0);
    expect(parseRefresh(0)).toBe(0);
    expect(parseRefresh(10)).toBe(10_000);
    expect(parseRefresh(300)).toBe(300_000);
    expect(parseRefresh(86_400)).toBe(86_400_000);
  });

  it('says what it takes for anything else, instead of clamping it', () => {
    for (const value of [0.001, 9.99, 86_401, 3_000_000, 1e308, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = parseRefresh(value);
      expect(error).toBeInstanceOf(FeedError);
      expect((error as FeedError).kind).toBe('invalid');
      expect((error as FeedError).message).toBe(`refresh="${value}" cannot be used: give the interval in seconds, from 10 to 86400 (24 hours), or leave it out for no refresh.`);
    }
  });
});

describe('RefreshSchedule', () => {
  it('counts the interval from the start of the last attempt', () => {
    const { clock, schedule } = onFakeClock(60);
    expect(schedule.nextAt()).toBeUndefined(); // nothing attempted yet
    clock.now = 1_000;
    schedule.started();
    clock.now = 4_000; // the response took 3 s
    schedule.succeeded();
    expect(schedule.nextAt()).toBe(61_000);
    expect(schedule.timerDelay()).toBe(57_000);
    expect(schedule.isDue()).toBe(false);
    clock.now = 61_000;
    expect(schedule.isDue()).toBe(true);
  });

  it('after failures waits the interval times 2, 4, 8 … up to 15 minutes, and the interval again after a success', () => {
    const { clock, schedule } = onFakeClock(10);
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      schedule.started();
      schedule.failed();
      waits.push((schedule.nextAt()! - clock.now) / 1000);
      clock.now = schedule.nextAt()!;
    }
    expect(waits).toEqual([20, 40, 80, 160, 320, 640, 900, 900, 900]);
    expect(BACKOFF_CEILING_MS).toBe(900_000);
    schedule.started();
    schedule.succeeded();
    expect(schedule.nextAt()! - clock.now).toBe(10_000);
  });

  it('takes a random part of up to a quarter off a backoff wait, never going below the interval', () => {
    const half = onFakeClock(10, 0.5);
    half.schedule.started();
    half.schedule.failed();
    expect(half.schedule.nextAt()).toBe(17_500); // 20 s less 0.5 × 25 %
    half.schedule.failed();
    expect(half.schedule.nextAt()).toBe(35_000); // 40 s less 12.5 %

    // An interval above the ceiling: failures retry at the interval, no sooner.
    const hourly = onFakeClock(3600, 0.99);
    hourly.schedule.started();
    hourly.schedule.failed();
    expect(hourly.schedule.nextAt()).toBe(3_600_000);
  });

  it('never sets a time in the past: an overdue attempt runs at once, once', () => {
    const { clock, schedule } = onFakeClock(60);
    schedule.started();
    schedule.succeeded();
    clock.now = 10 * 60_000; // the page was hidden for ten minutes
    expect(schedule.timerDelay()).toBe(0);
    schedule.started();
    expect(schedule.timerDelay()).toBe(60_000);
  });

  it('never gives setTimeout more than 2^31-1 ms; a timer cut short is not yet due', () => {
    const { clock, schedule } = onFakeClock(0);
    schedule.intervalMs = 30 * 86_400_000; // 30 days: beyond any refresh attribute, but the guard holds for any interval
    schedule.started();
    expect(schedule.timerDelay()).toBe(MAX_TIMER_MS);
    expect(MAX_TIMER_MS).toBe(2_147_483_647);
    clock.now = MAX_TIMER_MS;
    expect(schedule.isDue()).toBe(false);
    expect(schedule.timerDelay()).toBe(30 * 86_400_000 - MAX_TIMER_MS);
  });

  it('asks a server that fails for an hour 9 or 10 times at refresh="10", not once per timer tick', () => {
    // Waits of 10 s (after the good load), then 20, 40, 80, 160, 320, 640, 900, 900 s.
    expect(attemptsWhileFailing(10, 0, 3600)).toEqual([10, 30, 70, 150, 310, 630, 1270, 2170, 3070]);
    // With the most jitter (a quarter off each backoff wait): 10 s, then 15, 30, 60, 120, 240, 480, 675, 675, 675 s.
    expect(attemptsWhileFailing(10, 1, 3600)).toEqual([10, 25, 55, 115, 235, 475, 955, 1630, 2305, 2980]);
  });
});
