/**
 * What a Lightning page does around a custom tab's LWC, in the browser: the LWC engine, the
 * `lightning/platformResourceLoader` module, and, when the page asks for Lightning Web Security, the
 * component evaluated in a namespace sandbox with `lwc` and the loader wrapped for it, as LWS does in an
 * org. Synthetic shadow, when wanted, is loaded by the page before this module (it must patch the DOM
 * before the engine starts).
 *
 * The page says what it wants on its root element: `data-lws` (the sandbox), `data-gates="without-264"`
 * (LWS as released before its change 264).
 */
import * as lwc from '@lwc/engine-dom';
import { evaluateInSandbox, wrapDependency } from '@locker/sandbox';
import { LWS_DEFAULT_GATER_FEATURES, deregisterGaterEnabledFeatures, registerGaterEnabledFeatures } from '@locker/shared';

type Factory = (...deps: unknown[]) => unknown;
type Define = (id: string, deps: string[], factory: Factory) => void;

const NAMESPACE = 'x';
const page = document.documentElement.dataset;
const lws = page.lws !== undefined;

/** Errors thrown inside the sandbox reach automation as opaque proxies: the page keeps their text. */
const errors: string[] = ((window as unknown as { __errors: string[] }).__errors = []);
window.addEventListener('error', (event) => errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => errors.push(String((event.reason as Error)?.message ?? event.reason)));

/** lightning/platformResourceLoader outside LWS: one <script> per URL, resolved when it has run. */
const platformResourceLoader = {
  loadScript(_component: unknown, url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error(`lightning/platformResourceLoader could not load ${url}`)));
      document.head.append(script);
    });
  },
  loadStyle(): Promise<void> {
    return Promise.resolve();
  },
};

/** An AMD `define` that hands the module's exports to `done`, given the dependencies by name. */
function amdDefine(deps: Record<string, unknown>, done: (exports: unknown) => void): Define {
  return (_id, names, factory) => {
    const exports: Record<string, unknown> = {};
    const result = factory(...names.map((name) => (name === 'exports' ? exports : deps[name])));
    done(result ?? exports);
  };
}

async function start(): Promise<void> {
  const source = await (await fetch('/lwc/x-kam-tab.js')).text();
  let exports: unknown;
  if (lws) {
    registerGaterEnabledFeatures([...LWS_DEFAULT_GATER_FEATURES]);
    if (page.gates === 'without-264') deregisterGaterEnabledFeatures(['changesSince.264']);
    const deps = {
      lwc: wrapDependency(lwc, 'lwc', NAMESPACE),
      'lightning/platformResourceLoader': wrapDependency(platformResourceLoader, 'lightning/platformResourceLoader', NAMESPACE),
    };
    evaluateInSandbox(NAMESPACE, `$lockerEvalContext$(function (define) {\n${source}\n})`, (body: (define: Define) => void) =>
      body(amdDefine(deps, (e) => (exports = e))),
    );
  } else {
    const body = new Function('define', source) as (define: Define) => void;
    body(amdDefine({ lwc, 'lightning/platformResourceLoader': platformResourceLoader }, (e) => (exports = e)));
  }
  const Ctor = (exports as { default?: unknown }).default ?? exports;
  const tab = lwc.createElement('x-kam-tab', { is: Ctor as typeof lwc.LightningElement });
  document.body.append(tab);
}

start().catch((error: unknown) => errors.push(error instanceof Error ? error.message : String(error)));
