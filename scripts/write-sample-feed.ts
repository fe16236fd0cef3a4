/**
 * Writes demo/public/sample-feed.json from the seeded generator (default 250 accounts, default seed).
 * Run: npx tsx scripts/write-sample-feed.ts
 * test/analysis/sample-feed.test.ts fails when the committed file differs from the generator output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSampleFeed, sampleFeedJson } from '../src/analysis/sample-feed.js';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '../demo/public/sample-feed.json');
mkdirSync(dirname(target), { recursive: true });
const feed = generateSampleFeed();
writeFileSync(target, sampleFeedJson(feed));
console.log(`Wrote ${feed.accounts.length} accounts to ${target}`);
