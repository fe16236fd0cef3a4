// Prints the gzip size of the script-tag bundle and of each ES entry with everything it imports
// (its chunks and its share of lit, d3 and zod, bundled as a user's bundler would).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build } from 'vite';

const dist = join(import.meta.dirname, '..', 'dist');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzip = (text) => gzipSync(text, { level: 9 }).length;

// Budgets (gzip) set by issue 7: what a page loads must stay small enough to load anywhere. Not met yet
// (see the README, "Speed and size"): they are printed, and enforced with --enforce-budgets.
const SCRIPT_BUDGET = 45 * 1024;
const WIDGET_BUDGET = 30 * 1024;
// Ceilings (gzip) that the build does enforce until the budgets are met, so that the bundles cannot grow
// unnoticed while the budgets are open: the sizes of 2026-12-01 plus about 2 KB, the widget entries 1 KB
// more for the hardened loading and the in-place feed contract of 2026-12-03 (the quadrant is at 62.6 KB);
// then 95 KB and 69 KB for every figure by period (issue 16: the feed's history read into columns, CSV
// reports by period, periods of the portfolio, KPIs and tiers by period, tier movement, tier goals, the
// quadrant's trails): 82.2 -> 93.5 KB for the script tag, 52.6-62.7 -> 58.1-68.8 KB for the widgets.
const SCRIPT_CEILING = 95 * 1024;
const WIDGET_CEILING = 69 * 1024;
const WIDGET_ENTRIES = new Set(['pareto.js', 'tier-matrix.js', 'scorecard.js', 'quadrant.js', 'kam-feed.js']);

const rows = [];
const iife = readFileSync(join(dist, 'kam-widgets.js'));
rows.push(['kam-widgets.js (script tag, everything bundled)', iife.length, gzip(iife), SCRIPT_BUDGET, SCRIPT_CEILING]);

const entries = readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'kam-widgets.js');
for (const file of entries) {
  // Bundle the entry with its dependencies, minified, the way an app's bundler would ship it.
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, target: 'es2022', lib: { entry: join(dist, file), formats: ['es'], fileName: 'x' } },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  const code = output.filter((o) => o.type === 'chunk').map((o) => o.code).join('\n');
  const widget = WIDGET_ENTRIES.has(file);
  rows.push([`${file} (with its dependencies)`, Buffer.byteLength(code), gzip(code), widget ? WIDGET_BUDGET : undefined, widget ? WIDGET_CEILING : undefined]);
}
console.log('\nBuild sizes (minified / gzip -9; budget of issue 7; ceiling enforced by this build):');
let overBudget = 0;
let overCeiling = 0;
for (const [name, raw, gz, budget, ceiling] of rows) {
  let verdict = '';
  if (budget !== undefined) {
    if (gz > budget) overBudget++;
    if (gz > ceiling) overCeiling++;
    verdict = gz <= budget ? `  <= ${kb(budget)} budget ok` : `  > ${kb(budget)} budget; ${gz <= ceiling ? `<= ${kb(ceiling)} ceiling ok` : `> ${kb(ceiling)} CEILING EXCEEDED`}`;
  }
  console.log(`  ${name.padEnd(52)} ${kb(raw).padStart(10)} ${kb(gz).padStart(10)}${verdict}`);
}
if (overBudget) console.log(`\n${overBudget} bundle(s) over the budget of issue 7 (not met yet; --enforce-budgets makes this a failure).`);
if (overCeiling) console.error(`\n${overCeiling} bundle(s) grew past the enforced ceiling: find what made them grow (npm run build prints each entry).`);
if (overCeiling || (overBudget && process.argv.includes('--enforce-budgets'))) process.exit(1);
