/**
 * `npm run build` ends with this report: what a page loads, gzip -9, minified as it ships (see
 * bundle-sizes.ts for how each figure is measured), with the share of lit, zod and d3 in each. A figure
 * past its ceiling fails the build, naming the figure and the ceiling.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { measureAutoloader, measureEntry, measureScript, type EntryFigures, type Figure } from './bundle-sizes.js';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

// Ceilings (gzip) the build enforces while the budgets of issue 7 (45 KB script, 30 KB widget entry) are
// open: the sizes of 2026-12-01 plus about 2 KB, the widget entries 1 KB more for the hardened loading and
// the in-place feed contract of 2026-12-03.
const SCRIPT_CEILING = 84 * KB;
const WIDGET_CEILING = 63 * KB;
const WIDGET_ENTRIES = new Set(['pareto.js', 'tier-matrix.js', 'scorecard.js', 'quadrant.js', 'kam-feed.js']);

const shares = (figure: Figure) => `lit ${kb(figure.shares.lit)}, zod ${kb(figure.shares.zod)}, d3 ${kb(figure.shares.d3)}`;
const failures: string[] = [];

function row(name: string, figure: Figure, ceiling?: number): void {
  let verdict = '';
  if (ceiling !== undefined) {
    verdict = figure.gzip <= ceiling ? `  <= ${kb(ceiling)} ok` : `  > ${kb(ceiling)} CEILING EXCEEDED`;
    if (figure.gzip > ceiling) failures.push(`${name}: ${kb(figure.gzip)} gzip, over its ceiling of ${kb(ceiling)}`);
  }
  console.log(`  ${name.padEnd(44)} ${kb(figure.bytes).padStart(9)} ${kb(figure.gzip).padStart(9)}   (${shares(figure)})${verdict}`);
}

const entries = readdirSync(dist).filter((f) => f.endsWith('.js') && !['kam-widgets.js', 'embed.js', 'autoloader.js'].includes(f));
const measured = new Map<string, EntryFigures>();
for (const [file, figures] of await Promise.all(entries.map(async (f) => [f, await measureEntry(join(dist, f))] as const))) measured.set(file, figures);

const autoloader = await measureAutoloader(dist, join(root, 'vite.config.ts'));

console.log('\nWhat a page loads: minified / gzip -9, with the gzip share of lit, zod and d3 in each.');
console.log('\nThe autoloader (dist/autoloader.js) and the chunks a page with these elements loads:');
for (const [tag, figure] of autoloader.pages) row(`autoloader + <${tag}> (${figure.files.length} files)`, figure);
row(`autoloader + all ${autoloader.pages.size} elements (${autoloader.all.files.length} files)`, autoloader.all);
console.log('  loaded on first use, beyond all elements:');
for (const [file, figure] of autoloader.extras) row(`  ${file}`, figure);
console.log('\nThe self-contained script (everything in one file):');
row('kam-widgets.js', measureScript(dist, measured.get('index.js')!), SCRIPT_CEILING);
console.log('\nES entries with their dependencies, bundled and minified as an app would (first paint; loaded on first use):');
for (const [file, { initial, onFirstUse }] of [...measured].sort(([a], [b]) => a.localeCompare(b))) {
  row(file, initial, WIDGET_ENTRIES.has(file) ? WIDGET_CEILING : undefined);
  if (onFirstUse.files.length) row(`  + on first use (${onFirstUse.files.length} chunks)`, onFirstUse);
}

if (failures.length) {
  console.error(`\nOver a ceiling, so the build fails (find what made the bundle grow):\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
