/**
 * What happens to each account of the sample feed over its nine quarters (eight of history, then the
 * current one): the kinds of account a key-account team meets, each with its share of the accounts and
 * its revenue path. To make the sample show something new (an account that triggers a red flag, say),
 * add a story here with its weight and path; the generator (sample-feed.ts) fills in every other figure.
 *
 * A path gives, per quarter, a multiple of the account's size (about its revenue now), 0 for a quarter without
 * revenue, or undefined for a quarter the account has no figures for (not yet a customer, or not recorded).
 */
import type { Random } from './random.js';

/** Quarters in the sample: eight of history, then the current one. */
export const QUARTER_COUNT = 9;

export interface Story {
  /** What the account does, in a word: "steady", "grower", … */
  id: string;
  /** Relative share of the accounts. */
  weight: number;
  /** Revenue per quarter as a multiple of the account's size (see the module comment). */
  path(rng: Random): (number | undefined)[];
  /** What the story decides about the account beyond its path (its size, its headroom); the generator draws the rest. */
  traits?(rng: Random): StoryTraits;
}

export interface StoryTraits {
  /** Revenue now, in whole units per quarter (default: lognormal around 22.5k). */
  size?: number;
  /** Potential as a multiple of revenue, minus 1 (default: lognormal, about 20% at 1 or more). */
  headroom?: number;
}

/** Quarter-on-quarter growth g from the first quarter to the current one (about 1), with the same noise in every quarter. */
function trend(rng: Random, g: number, noise = 0.05): number[] {
  const last = QUARTER_COUNT - 1;
  return Array.from({ length: QUARTER_COUNT }, (_, q) => Math.pow(1 + g, q - last) * Math.max(0.3, 1 + rng.normal(0, noise)));
}

export const STORIES: readonly Story[] = [
  // Most accounts: slow growth or decline, with noise.
  { id: 'steady', weight: 60, path: (rng) => trend(rng, rng.normal(0.012, 0.025)) },
  // Growing fast: up the value bands, some of them into the vital few (MGC or STC to MVC).
  { id: 'grower', weight: 10, path: (rng) => trend(rng, 0.07 + 0.08 * rng.next()) },
  // Shrinking: some fall out of the vital few (MVC to lower tiers).
  { id: 'shrinker', weight: 8, path: (rng) => trend(rng, -(0.05 + 0.07 * rng.next())) },
  // Lost: revenue until a quarter of the last year, none from then on (churn, lost MVCs).
  {
    id: 'lost',
    weight: 6,
    path: (rng) => {
      const lostAt = rng.int(QUARTER_COUNT - 4, QUARTER_COUNT - 1);
      return trend(rng, rng.normal(-0.02, 0.03)).map((v, q) => (q >= lostAt ? 0 : v));
    },
  },
  // New: no figures before the quarter they were won (some only this quarter), then ramping up.
  {
    id: 'new',
    weight: 12,
    path: (rng) => {
      const wonAt = rng.int(3, QUARTER_COUNT - 1);
      return trend(rng, 0.1 + 0.1 * rng.next()).map((v, q) => (q < wonAt ? undefined : v));
    },
  },
  // Large headroom, then a breakthrough this year: from MGC (growable) into the vital few (MVC).
  {
    id: 'breakthrough',
    weight: 3,
    // Flat at about a third of its size until last quarter, then a jump to its size: the vital few's
    // boundary lies between (about 90K a quarter in the 250-account sample).
    path: (rng) => trend(rng, 0.01, 0.02).map((v, q) => (q < QUARTER_COUNT - 1 ? v / 3 : v)),
    traits: (rng) => ({ size: Math.round(rng.lognormal(Math.log(200_000), 0.25)), headroom: 2 + 2 * rng.next() }),
  },
  // Not recorded for one past quarter: unknown then, not zero.
  {
    id: 'gap',
    weight: 4,
    path: (rng) => {
      const missing = rng.int(1, QUARTER_COUNT - 3);
      return trend(rng, rng.normal(0.01, 0.02)).map((v, q) => (q === missing ? undefined : v));
    },
  },
];
