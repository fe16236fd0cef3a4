/**
 * For embedding tests that need what a browser test inside vitest cannot give: real HTTP headers (a strict
 * Content-Security-Policy) and the built script-tag bundle. Builds dist/kam-widgets.js in memory with the
 * project's vite config, serves pages from a tiny HTTP server, and drives headless Chromium with
 * playwright-core.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { build, type Rollup } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { asReleased } from '../../scripts/bundle-sizes.js';
import { findBrowser } from '../../scripts/find-browser.js';

export const root = resolve(import.meta.dirname, '../..');

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

/** The self-contained script, built as `npm run build` builds it (vite.config.ts, mode iife). */
export async function buildScriptBundle(): Promise<string> {
  const result = await asReleased(() =>
    build({
      configFile: resolve(root, 'vite.config.ts'),
      mode: 'iife',
      logLevel: 'silent',
      build: { write: false, sourcemap: false },
    }),
  );
  const output = (Array.isArray(result) ? result[0]! : (result as Rollup.RollupOutput)).output;
  return output.find((o): o is Rollup.OutputChunk => o.type === 'chunk')!.code;
}

/**
 * The iframe embed page's files (embed.html, embed.css, embed.js), built as `npm run build` builds them;
 * with `config`, as `KAM_EMBED_CONFIG=file npm run build` builds them (that config inside embed.js).
 */
export async function buildEmbedPage(config?: unknown): Promise<Record<string, string>> {
  const dir = config === undefined ? undefined : mkdtempSync(join(tmpdir(), 'kam-embed-config-'));
  if (dir) {
    writeFileSync(join(dir, 'embed.config.json'), JSON.stringify(config));
    process.env.KAM_EMBED_CONFIG = join(dir, 'embed.config.json');
  }
  try {
    const result = await asReleased(() => build({ configFile: resolve(root, 'vite.config.ts'), mode: 'embed', logLevel: 'silent', build: { write: false, sourcemap: false } }));
    const output = (Array.isArray(result) ? result[0]! : (result as Rollup.RollupOutput)).output;
    return Object.fromEntries(output.map((o) => [o.fileName, o.type === 'chunk' ? o.code : String(o.source)]));
  } finally {
    if (dir) {
      delete process.env.KAM_EMBED_CONFIG;
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/**
 * The autoloader and its chunks, built as `npm run build` builds them (vite.config.ts, mode autoloader),
 * into `outDir`: autoloader.js and autoload/*.js, read back as the size report reads dist/.
 */
export async function buildAutoloader(outDir: string): Promise<void> {
  await asReleased(() => build({ configFile: resolve(root, 'vite.config.ts'), mode: 'autoloader', logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } }));
}

/** The ES module library (dist/*.js with lit, d3 and zod left as imports), built into `outDir`. */
export async function buildLibrary(outDir: string): Promise<void> {
  await asReleased(() => build({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } }));
}

/**
 * The package as an app gets it from `npm install`: this project's package.json (exports, sideEffects)
 * next to a freshly built dist/, in `dir`/kam-widgets. Returns that directory.
 */
export async function packPackage(dir: string): Promise<string> {
  const packageDir = join(dir, 'kam-widgets');
  await buildLibrary(join(packageDir, 'dist'));
  copyFileSync(resolve(root, 'package.json'), join(packageDir, 'package.json'));
  return packageDir;
}

/** A work folder inside the project (so apps built there find lit, d3 and zod in node_modules, as an app would), the package installed in it, and a browser. */
export interface PackageBench {
  browser: Browser;
  /** The work folder, for the apps built against the package. */
  work: string;
  packageDir: string;
  close(): Promise<void>;
}

export async function packageBench(prefix: string): Promise<PackageBench> {
  const cache = join(root, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(cache, prefix));
  const packageDir = await packPackage(work);
  const browser = await launch();
  return {
    browser,
    work,
    packageDir,
    async close() {
      await browser.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * Builds the app in `appDir` (index.html and its modules) as its bundler would for production, with kam-widgets
 * installed from `packageDir` as `npm install <dir>` installs it: a symlink in the app's node_modules.
 * Imports resolve through the package's "exports" and the bundler honours its "sideEffects", no alias.
 * Keep `appDir` inside this project, so lit, d3, zod and react resolve from its node_modules.
 */
export async function buildApp(appDir: string, packageDir: string): Promise<Record<string, Route>> {
  mkdirSync(join(appDir, 'node_modules'), { recursive: true });
  symlinkSync(packageDir, join(appDir, 'node_modules', 'kam-widgets'), 'dir');
  // The app's own package.json, as any app has: without it the nearest one is this project's, and
  // `kam-widgets/...` would resolve to the project itself (a package may import itself by its name).
  const manifest = join(appDir, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'kam-widgets-test-app', private: true, type: 'module' }));
  const result = await asReleased(() => build({ configFile: false, root: appDir, logLevel: 'silent', build: { write: false, sourcemap: false, modulePreload: false } }));
  const output = (Array.isArray(result) ? result[0]! : (result as Rollup.RollupOutput)).output;
  const routes: Record<string, Route> = {};
  for (const file of output) {
    const body = file.type === 'chunk' ? file.code : String(file.source);
    routes[`/${file.fileName}`] = { body, type: file.fileName.endsWith('.html') ? 'text/html' : file.fileName.endsWith('.css') ? 'text/css' : 'text/javascript' };
  }
  return routes;
}

/** Builds the app under examples/`name` (copied into `appDir`) against the package in `packageDir`. */
export async function buildExample(name: string, appDir: string, packageDir: string): Promise<Record<string, Route>> {
  cpSync(resolve(root, 'examples', name), appDir, { recursive: true });
  return buildApp(appDir, packageDir);
}

export interface Route {
  body: string;
  type: string;
  headers?: Record<string, string>;
  /** Sent after `body`, `pauseMs` later, so the browser parses the page in two parts (as over a slow network). */
  rest?: string;
  pauseMs?: number;
}

export async function serve(routes: Record<string, Route>, headers: Record<string, string> = {}): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': route.type, ...headers, ...route.headers });
    if (route.rest === undefined) {
      response.end(route.body);
      return;
    }
    response.write(route.body);
    setTimeout(() => response.end(route.rest), route.pauseMs ?? 200);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function launch(): Promise<Browser> {
  const found = await findBrowser();
  return chromium.launch({ executablePath: found.executablePath, args: found.args, headless: true });
}

/** Everything the page complains about: console errors, uncaught errors, CSP violations. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __violations: string[] }).__violations ??= [];
      (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
    });
  });
  return problems;
}

export const sampleFeedJson = () => readFileSync(resolve(root, 'demo/public/sample-feed.json'), 'utf8');
