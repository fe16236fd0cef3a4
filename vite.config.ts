/**
 * `vite` (npm start) serves the demo page from demo/ on 127.0.0.1.
 * `vite build` builds the library: ES modules, one entry per widget plus `index` (registers all), the
 * pure `analysis` and `feed` entries; `vite build --mode iife` builds the self-contained script
 * dist/kam-widgets.js for a plain <script src>; `vite build --mode embed` the iframe embed page.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import { minifyLiteralsPlugin } from './scripts/minify-literals.js';
import { staticImportsOfExtras } from './scripts/vite-plugins.js';
import { parseEmbedConfig } from './src/embed/embed-config.js';

const root = import.meta.dirname;
const src = (path: string) => resolve(root, 'src', path);

/** One ES entry per public import path; keep in step with package.json "exports". */
export const libraryEntries = {
  index: src('index.ts'),
  'kam-feed': src('components/feed/define.ts'),
  pareto: src('components/pareto/define.ts'),
  scorecard: src('components/scorecard/define.ts'),
  'tier-matrix': src('components/tier-matrix/define.ts'),
  quadrant: src('components/quadrant/define.ts'),
  'red-flags': src('components/red-flags/define.ts'),
  feed: src('feed/index.ts'),
  analysis: src('analysis/index.ts'),
  cli: src('cli/main.ts'),
};

const demo: UserConfig = {
  root: resolve(root, 'demo'),
  publicDir: resolve(root, 'demo/public'),
  server: { host: '127.0.0.1', port: 5173, fs: { allow: [root] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: resolve(root, 'dist/demo'), emptyOutDir: true },
};

/** What every build into dist/ shares (the ES entries, the self-contained script, the autoloader, the embed page). */
const intoDist = { outDir: 'dist', emptyOutDir: false, target: 'es2022', sourcemap: true, minify: true } as const;

const esm: UserConfig = {
  publicDir: false,
  plugins: [minifyLiteralsPlugin()],
  build: {
    ...intoDist,
    lib: { entry: libraryEntries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    rolldownOptions: {
      // Dependencies stay imports in the ES build, so an app bundles one copy of lit, d3 and zod.
      external: [/^lit($|\/)/, /^@lit\//, /^d3-/, /^zod($|\/)/, /^internmap$/, /^node:/],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

const iife: UserConfig = {
  publicDir: false,
  plugins: [minifyLiteralsPlugin(), staticImportsOfExtras()],
  build: {
    ...intoDist,
    lib: { entry: src('index.ts'), formats: ['iife'], name: 'KamWidgets', fileName: () => 'kam-widgets.js' },
  },
};

/** `vite build --mode autoloader`: dist/autoloader.js and the chunks it loads, in dist/autoload/. */
const autoloader: UserConfig = {
  publicDir: false,
  plugins: [minifyLiteralsPlugin()],
  build: {
    ...intoDist,
    lib: { entry: src('autoloader.ts'), formats: ['es'], fileName: () => 'autoloader.js' },
    rolldownOptions: {
      output: {
        // Loaded by browsers as they are: minified whole (a library build otherwise keeps whitespace for the app's bundler).
        minify: true,
        comments: false,
        chunkFileNames: (chunk) => `autoload/${elementChunkName(chunk.facadeModuleId) ?? chunk.name}-[hash].js`,
        // What every element needs (lit, zod, the feed, the element base) in one file, rather than split by
        // which chunks loaded on first use also import it: fewer, larger files compress better.
        codeSplitting: { groups: [{ name: 'kam-core', minShareCount: elementCount() }] },
      },
    },
  },
};

/** How many elements the kit has: a folder of src/components with a define.ts each (src/elements.ts lists them). */
function elementCount(): number {
  return readdirSync(src('components')).filter((folder) => existsSync(src(`components/${folder}/define.ts`))).length;
}

/** "kam-pareto" for the chunk that defines <kam-pareto> (src/components/pareto/define.ts). */
function elementChunkName(facade: string | null): string | undefined {
  const folder = facade && /[\\/]components[\\/]([^\\/]+)[\\/]define\.ts$/.exec(facade)?.[1];
  return folder ? `kam-${folder}` : undefined;
}

/**
 * The embed page's config built into embed.js, when KAM_EMBED_CONFIG names a file in the format of
 * embed.config.json: the page then reads no config file. Checked here, so a bad config fails the build.
 */
function builtEmbedConfig(): string | undefined {
  const file = process.env.KAM_EMBED_CONFIG;
  if (!file) return undefined;
  const text = readFileSync(resolve(file), 'utf8');
  parseEmbedConfig(JSON.parse(text));
  return text;
}

/** `vite build --mode embed`: the iframe embed page (embed.html, embed.css, embed.js) next to kam-widgets.js. */
const embed = (): UserConfig => ({
  define: { __KAM_EMBED_CONFIG__: JSON.stringify(builtEmbedConfig() ?? null) },
  publicDir: false,
  plugins: [
    {
      name: 'kam:embed-page',
      generateBundle() {
        for (const fileName of ['embed.html', 'embed.css']) {
          this.emitFile({ type: 'asset', fileName, source: readFileSync(src(`embed/${fileName}`), 'utf8') });
        }
      },
    },
  ],
  build: {
    ...intoDist,
    sourcemap: false,
    lib: { entry: src('embed/auto-start.ts'), formats: ['iife'], name: 'KamEmbed', fileName: () => 'embed.js' },
  },
});

export default defineConfig(({ command, mode }) => {
  if (command === 'serve' || mode === 'demo') return demo;
  if (mode === 'embed') return embed();
  if (mode === 'autoloader') return autoloader;
  return mode === 'iife' ? iife : esm;
});
