/**
 * The bench's accounts: the seeded sample feed (src/analysis/sample-feed.ts) of each size, kept raw (a
 * JSON object, as fetched) and validated once by parseFeed (what a <kam-feed> hands its widgets).
 * The raw object goes through JSON text first, as a fetched feed does: the generator builds names by
 * concatenation, and such strings compare about twice as slowly as the flat strings JSON.parse makes,
 * which would make every name-ordered step slower here than on a real page.
 */
import { generateSampleFeed, type SampleFeed } from '../src/analysis/sample-feed.js';
import { derivedFeed, parseFeed, type Feed } from '../src/feed/parse.js';
import { fraction } from './frame.js';

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
 * A validated feed with these accounts, a new feed object with a new accounts array on every call, so no
 * widget or helper finds it in a cache keyed by the feed or by its accounts (the analysis' shared
 * columns are keyed by the accounts array). Validation itself is not repeated: parseFeed ran once, in
 * prepareFeeds, and the account objects are the same.
 */
export function validatedFeed(count: number): Feed {
  const validated = feedsOf(count).validated;
  return derivedFeed(validated, { accounts: validated.accounts.slice() });
}

/** `size` distinct account ids of the feed, a different set per `attempt` (seeded). */
export function sampleIds(count: number, size: number, attempt: number): string[] {
  const accounts = feedsOf(count).raw.accounts;
  const ids = new Set<string>();
  for (let i = 0; ids.size < Math.min(size, accounts.length); i++) ids.add(accounts[Math.floor(fraction(attempt * 7919 + i) * accounts.length)]!.id);
  return [...ids];
}
