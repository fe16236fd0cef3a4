/** Writes schema/feed.schema.json from the zod contract. Run: npx tsx scripts/write-json-schema.ts */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feedJsonSchema } from '../src/feed/json-schema.js';

const target = fileURLToPath(new URL('../schema/feed.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(feedJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
