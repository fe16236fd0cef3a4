/**
 * The bench's accounts: the seeded sample feed (src/analysis/sample-feed.ts) of each size, kept raw (a
 * JSON object, as fetched) and validated once by parseFeed (what a <kam-feed> hands its widgets).
 * The raw object goes through JSON text first, as a fetched feed does: the generator builds names by
 * concatenation, and such strings compare about twice as slowly as the flat strings JSON.parse makes,
 * which would make every name-ordered step slower here than on a real page.
 */
import { generateSampleFeed, type SampleFeed } from '../src/analysis/sample-feed.js';
import { derivedFeed, parseFeed, type Feed } from '../src/feed/parse.js';
import type { Sample } from './api.js';
import { fraction, quiet } from './frame.js';

interface Feeds {
  raw: SampleFeed;
  validated: Feed;
}

const feeds = new Map<number, Feeds>();

export function prepareFeeds(count: number): number {
  let entry = feeds.get(count);
  if (!entry) {
    const raw = JSON.parse(JSON.stringify(generateSampleFeed({ count, seed: count }))) as SampleFeed;
    entry = { raw, validated: parseFeed(raw) };
    feeds.set(count, entry);
  }
  return entry.validated.accounts.length;
}

export function releaseFeeds(count: number): void {
  feeds.delete(count);
}

function feedsOf(count: number): Feeds {
  const entry = feeds.get(count);
  if (!entry) throw new Error(`No feed of ${count} accounts: call bench.prepare(${count}) first.`);
  return entry;
}

/** The raw feed object (a widget given it validates it; Chart.js reads it as it is). */
export function rawFeed(count: number): SampleFeed {
  return feedsOf(count).raw;
}

/**
 * The raw accounts: plain objects as JSON.parse returned them, in a new array on every call (the widget
 * validates them; no cache keyed by the array can answer).
 */
export function rawAccounts(count: number): SampleFeed['accounts'] {
  return feedsOf(count).raw.accounts.slice();
}

/** parseFeed on the raw accounts, timed alone (script only: nothing is drawn). */
export async function timeValidation(count: number): Promise<Sample> {
  const accounts = rawAccounts(count);
  await quiet();
  const start = performance.now();
  const feed = parseFeed(accounts);
  const time = performance.now() - start;
  if (feed.accounts.length !== accounts.length) throw new Error(`parseFeed kept ${feed.accounts.length} of ${accounts.length} accounts`);
  return { total: time, script: time, layout: 0, paint: 0 };
}

/**
 * A validated feed with these accounts, a new feed object with a new accounts array on every call, so no
 * widget or helper finds it in a cache keyed by the feed or by its accounts. Validation itself is not
 * repeated: parseFeed ran once, in prepareFeeds, and the account objects and their columns are the same.
 */
export function validatedFeed(count: number): Feed {
  const validated = feedsOf(count).validated;
  return derivedFeed(validated, { accounts: validated.accounts.slice(), columns: validated.columns });
}

/** `size` distinct account ids of the feed, a different set per `attempt` (seeded). */
export function sampleIds(count: number, size: number, attempt: number): string[] {
  const accounts = feedsOf(count).raw.accounts;
  const ids = new Set<string>();
  for (let i = 0; ids.size < Math.min(size, accounts.length); i++) ids.add(accounts[Math.floor(fraction(attempt * 7919 + i) * accounts.length)]!.id);
  return [...ids];
}
