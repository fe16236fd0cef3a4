/**
 * `npm run build` ends with this report: what a page loads, gzip -9, minified as it ships (see
 * bundle-sizes.ts for how each figure is measured), with the share of lit, zod and d3 in each. A figure
 * over its limit fails the build, naming the figure and the limit.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { measureAutoloader, measureEntry, measureScript, type EntryFigures, type Figure } from './bundle-sizes.js';
import { LIMITS, judge } from './size-limits.js';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const failures: string[] = [];
const shares = (figure: Figure) => `lit ${kb(figure.shares.lit)}, zod ${kb(figure.shares.zod)}, d3 ${kb(figure.shares.d3)}`;

function row(name: string, figure: Figure, limitName = name): void {
  const files = `${figure.files.length} file${figure.files.length === 1 ? '' : 's'}`;
  const { verdict, failure } = judge(limitName, figure.gzip, LIMITS);
  if (failure) failures.push(failure);
  console.log(`  ${name.padEnd(40)} ${files.padStart(8)} ${kb(figure.bytes).padStart(9)} ${kb(figure.gzip).padStart(9)}   (${shares(figure)})${verdict ? `  ${verdict}` : ''}`);
}

const entries = readdirSync(dist).filter((f) => f.endsWith('.js') && !['kam-widgets.js', 'embed.js', 'autoloader.js'].includes(f));
const [autoloader, ...measured] = await Promise.all([
  measureAutoloader(dist, join(root, 'vite.config.ts')),
  ...entries.map(async (f): Promise<[string, EntryFigures]> => [f, await measureEntry(join(dist, f))]),
]);
const esEntries = new Map(measured as [string, EntryFigures][]);

console.log('\nWhat a page loads: files, minified bytes, gzip -9 (each file, summed), and the gzip share of lit, zod and d3.');
console.log('\nThe autoloader (dist/autoloader.js) with the chunks a page with these elements loads:');
for (const [tag, figure] of autoloader.pages) row(`autoloader + <${tag}>`, figure);
row(`autoloader + every element (${autoloader.pages.size})`, autoloader.all, 'autoloader + every element');
console.log('  Loaded on first use, beyond every element:');
for (const [name, figure] of autoloader.extras) row(`  ${name}`, figure);

console.log('\nThe self-contained script (everything in one file):');
row('kam-widgets.js', measureScript(dist, esEntries.get('index.js')!));

console.log('\nES entries with their dependencies, bundled and minified as an app would: first paint, then loaded on first use:');
for (const [file, { initial, onFirstUse }] of [...esEntries].sort(([a], [b]) => a.localeCompare(b))) {
  row(file, initial);
  if (onFirstUse.files.length) row('  + on first use', onFirstUse);
}

if (failures.length) {
  console.error(`\nOver a limit, so the build fails (find what made it grow):\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
