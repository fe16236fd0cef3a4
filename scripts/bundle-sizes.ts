/**
 * What a page loads, measured: the gzip -9 size of every file a page requests, minified as it is served.
 * The size report (size-report.ts) prints these figures and fails the build past a budget; the embedding
 * tests check them against the requests a browser makes.
 *
 * - The self-contained script and the autoloader's files are measured as they are in dist/: both builds
 *   minify them whole, since browsers load them as they are.
 * - An ES entry is bundled with its dependencies (lit, d3, zod from node_modules) and minified whole, as
 *   an app's bundler would: Vite's library build keeps the whitespace of the ES entries for that bundler,
 *   so dist/*.js itself would overstate them. Its static imports are its first paint; what it imports
 *   with `import()` loads on first use and is counted apart.
 * - The shares of lit, zod and d3 are those libraries' code, minified and gzipped on its own (bundled
 *   into a chunk of their own): about what each adds to the total.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, parseSync, type Rolldown } from 'vite';

export const gzipSize = (code: string | Buffer): number => gzipSync(code, { level: 9 }).length;

let releasedBuilds = 0;
let otherNodeEnv: string | undefined;

/**
 * Runs a build as `npm run build` runs it. Vite builds for production (Lit's production build, not its
 * development one with extra checks and warnings) only when NODE_ENV is unset or "production", and vitest
 * sets it to "test": it is "production" while any such build runs.
 */
export async function asReleased<T>(run: () => Promise<T>): Promise<T> {
  if (releasedBuilds++ === 0) {
    otherNodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
  }
  try {
    return await run();
  } finally {
    if (--releasedBuilds === 0) {
      if (otherNodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = otherNodeEnv;
    }
  }
}

/** The libraries whose share a figure names, by the path of their modules. */
export const LIBRARIES = {
  lit: /[\\/]node_modules[\\/](?:lit|lit-html|lit-element|@lit[\\/][^\\/]+)[\\/]/,
  zod: /[\\/]node_modules[\\/]zod[\\/]/,
  d3: /[\\/]node_modules[\\/](?:d3-[^\\/]+|internmap)[\\/]/,
} as const;
export type Library = keyof typeof LIBRARIES;

export interface Figure {
  /** The files, as requested (relative to dist/ for the shipped ones). */
  files: string[];
  /** Minified bytes of all of them. */
  bytes: number;
  /** gzip -9 of each file, summed: what the page downloads. */
  gzip: number;
  /** gzip -9 of each library's code within them. */
  shares: Record<Library, number>;
  /** The modules bundled into them, when they were bundled here (not read from dist/). */
  modules: string[];
}

/** The static and dynamic imports of a chunk, as file names relative to `dir` (the folder of dist/ it sits in). */
function importsOf(code: string, fileName: string): { imports: string[]; dynamicImports: string[] } {
  const { module } = parseSync(fileName, code);
  const dir = fileName.includes('/') ? fileName.slice(0, fileName.lastIndexOf('/') + 1) : '';
  const relative = (specifier: string) => (specifier.startsWith('./') || specifier.startsWith('../') ? new URL(specifier, `file:///${dir}`).pathname.slice(1) : undefined);
  const imports = module.staticImports.map((i) => relative(i.moduleRequest.value)).filter((f): f is string => f !== undefined);
  const dynamicImports = module.dynamicImports
    .map((i) => relative(code.slice(i.moduleRequest.start + 1, i.moduleRequest.end - 1)))
    .filter((f): f is string => f !== undefined);
  return { imports, dynamicImports };
}

interface Chunk {
  fileName: string;
  code: string;
  imports: string[];
  dynamicImports: string[];
  /** The library a chunk of a measuring build holds, when it holds one only. */
  library?: Library;
  modules?: string[];
}

/** The files a chunk needs before it runs: itself and its static imports, transitively. */
export function staticClosure(chunks: ReadonlyMap<string, Pick<Chunk, 'imports'>>, start: string, into = new Set<string>()): Set<string> {
  if (into.has(start)) return into;
  into.add(start);
  for (const file of chunks.get(start)?.imports ?? []) staticClosure(chunks, file, into);
  return into;
}

/** What `import()` of the files in `loaded` adds when it runs: the dynamic imports' closures, less what is loaded already. */
export function onFirstUse(chunks: ReadonlyMap<string, Pick<Chunk, 'imports' | 'dynamicImports'>>, loaded: ReadonlySet<string>): Set<string> {
  const extra = new Set<string>();
  const queue = [...loaded];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const dynamic of chunks.get(file)?.dynamicImports ?? []) {
      for (const needed of staticClosure(chunks, dynamic)) {
        if (loaded.has(needed) || extra.has(needed)) continue;
        extra.add(needed);
        queue.push(needed);
      }
    }
  }
  return extra;
}

const noShares = (): Record<Library, number> => ({ lit: 0, zod: 0, d3: 0 });

function figure(chunks: ReadonlyMap<string, Chunk>, files: Iterable<string>, shares = noShares()): Figure {
  const list = [...files].sort();
  let bytes = 0;
  let gzip = 0;
  for (const file of list) {
    const code = chunks.get(file)!.code;
    bytes += Buffer.byteLength(code);
    gzip += gzipSize(code);
  }
  return { files: list, bytes, gzip, shares, modules: list.flatMap((f) => chunks.get(f)!.modules ?? []) };
}

/** Each library's gzip share among `files` of a measuring build (where each library is a chunk of its own). */
function sharesOf(chunks: ReadonlyMap<string, Chunk>, files: Iterable<string>): Record<Library, number> {
  const shares = noShares();
  for (const file of files) {
    const chunk = chunks.get(file)!;
    if (chunk.library) shares[chunk.library] += gzipSize(chunk.code);
  }
  return shares;
}

/** Output chunks of a build as a map by file name. */
function chunksOf(output: Rolldown.RolldownOutput | Rolldown.RolldownOutput[]): Map<string, Chunk> {
  const chunks = new Map<string, Chunk>();
  for (const item of (Array.isArray(output) ? output[0]! : output).output) {
    if (item.type !== 'chunk') continue;
    const name = item.name as string;
    const library = (Object.keys(LIBRARIES) as Library[]).find((l) => name === l || name.startsWith(`${l}-`));
    chunks.set(item.fileName, { fileName: item.fileName, code: item.code, imports: item.imports, dynamicImports: item.dynamicImports, library, modules: item.moduleIds });
  }
  return chunks;
}

/** The library a module belongs to, named per package for d3 (so d3-dsv, loaded on first use, stays apart from d3-array). */
function libraryChunkName(id: string): string | null {
  if (LIBRARIES.lit.test(id)) return 'lit';
  if (LIBRARIES.zod.test(id)) return 'zod';
  const d3 = /[\\/]node_modules[\\/](d3-[^\\/]+|internmap)[\\/]/.exec(id);
  return d3 ? `d3-${d3[1]!.replace(/^d3-/, '')}` : null;
}

/** Bundles `entry` with its dependencies, minified whole; with `splitLibraries`, each library in a chunk of its own. */
async function bundle(entry: string, splitLibraries: boolean): Promise<Map<string, Chunk>> {
  const output: Rolldown.OutputOptions = {
    minify: true,
    comments: false,
    chunkFileNames: '[name]-[hash].js',
    ...(splitLibraries ? { codeSplitting: { groups: [{ name: libraryChunkName }] } } : {}),
  };
  const result = await asReleased(() =>
    build({
      configFile: false,
      logLevel: 'silent',
      build: { write: false, target: 'es2022', minify: true, lib: { entry, formats: ['es'], fileName: 'entry' }, rolldownOptions: { output } },
    }),
  );
  return chunksOf(result as Rolldown.RolldownOutput);
}

export interface EntryFigures {
  entry: string;
  /** What importing the entry loads. */
  initial: Figure;
  /** What its `import()`s add, on first use. */
  onFirstUse: Figure;
}

/** An ES entry (a file of dist/, or a source file) with its dependencies, bundled and minified as an app's bundler would. */
export async function measureEntry(file: string): Promise<EntryFigures> {
  const [plain, split] = await Promise.all([bundle(file, false), bundle(file, true)]);
  const entryOf = (chunks: Map<string, Chunk>) => [...chunks.keys()].find((f) => f === 'entry.js')!;
  const initial = staticClosure(plain, entryOf(plain));
  const initialSplit = staticClosure(split, entryOf(split));
  const lazy = onFirstUse(plain, initial);
  const lazySplit = onFirstUse(split, initialSplit);
  // One file for the first paint, as an app's bundler emits it: its chunks joined, gzipped together.
  const joined = [...initial].map((f) => plain.get(f)!.code).join('\n');
  return {
    entry: file,
    initial: { ...figure(plain, initial, sharesOf(split, initialSplit)), bytes: Buffer.byteLength(joined), gzip: gzipSize(joined) },
    onFirstUse: figure(plain, lazy, sharesOf(split, lazySplit)),
  };
}

export interface AutoloaderFigures {
  /** Per tag: the autoloader and everything the element's chunk needs before it runs. */
  pages: Map<string, Figure>;
  /** The autoloader and every element. */
  all: Figure;
  /** Per chunk loaded on first use (the table view, the export writers, ...), by name without its hash ("autoload/data-table"): what it adds to a page with every element. */
  extras: Map<string, Figure>;
}

/** The tag a chunk of dist/autoload/ defines, from its name ("autoload/kam-pareto-Ab12Cd34.js"). */
export const tagOfChunk = (file: string): string | undefined => /^autoload\/(kam-[a-z-]+?)-[\w-]{8}\.js$/.exec(file)?.[1];

/** Reads dist/autoloader.js and every file it imports, as served. */
export function readAutoloaderFiles(dist: string): Map<string, Chunk> {
  const chunks = new Map<string, Chunk>();
  const queue = ['autoloader.js'];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (chunks.has(file)) continue;
    const path = join(dist, file);
    if (!existsSync(path)) throw new Error(`${file} is imported but missing from ${dist}`);
    const code = readFileSync(path, 'utf8');
    chunks.set(file, { fileName: file, code, ...importsOf(code, file) });
    queue.push(...chunks.get(file)!.imports, ...chunks.get(file)!.dynamicImports);
  }
  return chunks;
}

/**
 * The autoloader's pages from files (as served: `files`), with the shares from `split`, the same build
 * with each library in a chunk of its own.
 */
export function autoloaderFigures(files: ReadonlyMap<string, Chunk>, split?: ReadonlyMap<string, Chunk>): AutoloaderFigures {
  const pageFiles = (chunks: ReadonlyMap<string, Chunk>) => {
    const pages = new Map<string, Set<string>>();
    for (const file of chunks.get('autoloader.js')!.dynamicImports) {
      const tag = tagOfChunk(file);
      if (tag) pages.set(tag, staticClosure(chunks, file, new Set(['autoloader.js'])));
    }
    return pages;
  };
  const shipped = pageFiles(files);
  const measured = split ? pageFiles(split) : undefined;
  const pages = new Map<string, Figure>();
  const all = new Set<string>();
  const allSplit = new Set<string>();
  for (const [tag, set] of [...shipped].sort(([a], [b]) => a.localeCompare(b))) {
    const splitSet = measured?.get(tag) ?? new Set<string>();
    pages.set(tag, figure(files, set, split ? sharesOf(split, splitSet) : undefined));
    for (const f of set) all.add(f);
    for (const f of splitSet) allSplit.add(f);
  }
  const extrasOf = (chunks: ReadonlyMap<string, Chunk>, loaded: Set<string>) => {
    const extras = new Map<string, string[]>();
    for (const file of new Set([...loaded].flatMap((f) => chunks.get(f)!.dynamicImports))) {
      if (!tagOfChunk(file)) extras.set(file.replace(/-[\w-]{8}\.js$/, ''), [...staticClosure(chunks, file)].filter((f) => !loaded.has(f)));
    }
    return extras;
  };
  const measuredExtras = split ? extrasOf(split, allSplit) : undefined;
  const extras = new Map<string, Figure>();
  for (const [name, set] of extrasOf(files, all)) extras.set(name, figure(files, set, split ? sharesOf(split, measuredExtras?.get(name) ?? []) : undefined));
  return { pages, all: figure(files, all, split ? sharesOf(split, allSplit) : undefined), extras };
}

/** dist/autoloader.js and its chunks as served, with the shares from a build of the same config that splits out each library. */
export async function measureAutoloader(dist: string, configFile: string): Promise<AutoloaderFigures> {
  const result = await asReleased(() =>
    build({
      configFile,
      mode: 'autoloader',
      logLevel: 'silent',
      build: { write: false, sourcemap: false, rolldownOptions: { output: { codeSplitting: { groups: [{ name: libraryChunkName, priority: 1 }] } } } },
    }),
  );
  return autoloaderFigures(readAutoloaderFiles(dist), chunksOf(result as Rolldown.RolldownOutput));
}

/** The self-contained script as it is in dist/ (its shares: those of `index`, the same code as ES modules, first paint and first use together). */
export function measureScript(dist: string, index: EntryFigures): Figure {
  const code = readFileSync(join(dist, 'kam-widgets.js'));
  const shares = noShares();
  for (const library of Object.keys(shares) as Library[]) shares[library] = index.initial.shares[library] + index.onFirstUse.shares[library];
  return { files: ['kam-widgets.js'], bytes: code.length, gzip: gzipSize(code), shares, modules: [] };
}
