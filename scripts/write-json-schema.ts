/**
 * Writes what is generated from the contract: schema/feed.schema.json (from the zod schemas) and the field
 * tables of docs/feed.md (from the field table, between the `<!-- contract:… -->` markers).
 * Run: npm run write:schema
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withFieldTables } from '../src/feed/field-docs.js';
import { feedJsonSchema } from '../src/feed/json-schema.js';

const schema = fileURLToPath(new URL('../schema/feed.schema.json', import.meta.url));
writeFileSync(schema, `${JSON.stringify(feedJsonSchema(), null, 2)}\n`);
console.log(`wrote ${schema}`);

const docs = fileURLToPath(new URL('../docs/feed.md', import.meta.url));
writeFileSync(docs, withFieldTables(readFileSync(docs, 'utf8')));
console.log(`wrote the field tables of ${docs}`);
