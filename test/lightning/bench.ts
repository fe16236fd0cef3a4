/**
 * A Lightning page on this machine, built from Salesforce's own runtime code: the LWC test tab
 * (x/kamTab) compiled with @lwc/compiler, the LWC engine with or without synthetic shadow, and
 * Lightning Web Security (@locker/sandbox) with the feature gates LWS's own CI uses. The kit is the
 * self-contained script `npm run build` makes, served as the static resource the tab loads with
 * `loadScript`. Everything is built in memory once per test file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transformSync } from '@lwc/compiler';
import { rollup, type Plugin } from 'rollup';
import { build, type Rollup } from 'vite';
import { buildScriptBundle, serve, type Route } from '../support/embed-harness.js';

const here = import.meta.dirname;
const COMPONENT = resolve(here, 'x/kamTab');

/** The four ways a tab runs in an org, and LWS as released before its change 264. */
export const WAYS = {
  native: { lws: false, synthetic: false },
  lws: { lws: true, synthetic: false },
  synthetic: { lws: false, synthetic: true },
  'lws-synthetic': { lws: true, synthetic: true },
} as const;
export type Way = keyof typeof WAYS;

/** Platform modules the tab imports, as small modules: where the static resource is, and the Apex call. */
const platformModules: Record<string, string> = {
  '@salesforce/resourceUrl/kamWidgets': `export default '/resource/kamWidgets';`,
  '@salesforce/apex/KamFeedController.getAccounts': `export default function getAccounts() { return fetch('/apex/accounts.json').then((r) => r.json()); }`,
};

/**
 * The tab as Lightning serves an LWC: one AMD module, its template compiled with `lwc:external` allowed
 * (the option Salesforce sets for third-party web components), `lwc` and the resource loader left as
 * dependencies.
 */
export async function buildTab(): Promise<string> {
  const options = { namespace: 'x', name: 'kamTab', apiVersion: 66 };
  const js = transformSync(readFileSync(resolve(COMPONENT, 'kamTab.js'), 'utf8'), 'kamTab.js', options).code;
  const template = transformSync(readFileSync(resolve(COMPONENT, 'kamTab.html'), 'utf8'), 'kamTab.html', {
    ...options,
    customRendererConfig: { directives: ['lwc:external'], elements: [] },
  }).code;
  const modules: Record<string, string> = {
    'kamTab.js': js,
    './kamTab.html': template,
    // The tab has no stylesheet: the template's optional style imports resolve to nothing.
    './kamTab.css': 'export default undefined;',
    './kamTab.scoped.css?scoped=true': 'export default undefined;',
    ...platformModules,
  };
  const virtual: Plugin = {
    name: 'lightning-modules',
    resolveId: (id) => (id in modules ? id : null),
    load: (id) => modules[id] ?? null,
  };
  const bundle = await rollup({ input: 'kamTab.js', plugins: [virtual], external: ['lwc', 'lightning/platformResourceLoader'] });
  const { output } = await bundle.generate({ format: 'amd', amd: { id: 'x/kamTab' } });
  await bundle.close();
  return output[0].code;
}

/** The page's runtime: runtime/host.ts (engine, loader, LWS) and synthetic shadow, in production mode as in an org. */
export async function buildRuntime(): Promise<Record<string, string>> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      modulePreload: false,
      lib: { entry: { host: resolve(here, 'runtime/host.ts'), 'synthetic-shadow': resolve(here, 'runtime/synthetic-shadow.ts') }, formats: ['es'] },
    },
  });
  const output = (Array.isArray(result) ? result[0]! : (result as Rollup.RollupOutput)).output;
  return Object.fromEntries(output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk').map((o) => [o.fileName, o.code]));
}

function page(way: Way, gates?: 'without-264'): string {
  const { lws, synthetic } = WAYS[way];
  const attributes = `${lws ? ' data-lws' : ''}${gates ? ` data-gates="${gates}"` : ''}`;
  return `<!doctype html>
<html lang="en-US"${attributes}>
  <head><meta charset="utf-8"><title>Key accounts (${way})</title>
  ${synthetic ? '<script type="module" src="/runtime/synthetic-shadow.js"></script>' : ''}
  <script type="module" src="/runtime/host.js"></script></head>
  <body></body>
</html>`;
}

export interface LightningSite {
  url: string;
  close(): void;
  /** Size of the static resource, in bytes. */
  resourceBytes: number;
}

/**
 * Serves the four ways at /<way>.html (and /lws-without-264.html) with `kit` as the static resource
 * (default: the kit as `npm run build` makes it) and `accounts` as what the Apex method returns.
 */
export async function serveLightning(accounts: unknown, kit?: string): Promise<LightningSite> {
  const [tab, runtime, resource] = await Promise.all([buildTab(), buildRuntime(), kit ?? buildScriptBundle()]);
  const js = (body: string): Route => ({ body, type: 'text/javascript' });
  const routes: Record<string, Route> = {
    '/lwc/x-kam-tab.js': js(tab),
    '/resource/kamWidgets': js(resource),
    '/apex/accounts.json': { body: JSON.stringify(accounts), type: 'application/json' },
    '/lws-without-264.html': { body: page('lws', 'without-264'), type: 'text/html' },
    '/favicon.ico': { body: '', type: 'image/x-icon' },
  };
  for (const [name, code] of Object.entries(runtime)) routes[`/runtime/${name}`] = js(code);
  for (const way of Object.keys(WAYS) as Way[]) routes[`/${way}.html`] = { body: page(way), type: 'text/html' };
  const { url, server } = await serve(routes);
  return { url, close: () => server.close(), resourceBytes: Buffer.byteLength(resource) };
}
