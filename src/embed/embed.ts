/**
 * The iframe embed page for CRM tabs that take only a URL:
 *   embed.html?widget=pareto&src=https://crm.example.com/accounts.json&theme=dark&locale=de-DE
 *
 * What the page may do is set by whoever deploys it, in embed.config.json (see embed-config.ts): the
 * pages that may embed it and the origins `src` may load from. A frame embedded by any other page shows
 * a refusal and loads nothing. Every query parameter other than `widget` becomes an attribute of the
 * widget, and must be one the widget has (otherwise the frame shows an error naming it): `src` (http or
 * https, on an allowed origin), `format`, `field-map`, `locale`, `currency`, `theme`, `filter` and the
 * widget's own options; not `credentials` (the config sets it) and not `feed`.
 * The frame tells its parent (on its allowed origin only, never "*") its content height, every selection
 * and the kind (and HTTP status) of every error, never an error's text, which may quote the response;
 * and accepts `kam-set-selection` and `kam-set-theme` messages only from that parent window.
 *
 * Needs the kit's tags to be registered (load kam-widgets.js first).
 */
import type { FeedErrorKind } from '../feed/errors.js';
import { CONFIG_FILE, EmbedError, embedderOrigin, parseEmbedConfig, type EmbedConfig } from './embed-config.js';

export { EmbedError } from './embed-config.js';

export const WIDGETS: ReadonlyMap<string, string> = new Map([
  ['pareto', 'kam-pareto'],
  ['tier-matrix', 'kam-tier-matrix'],
  ['scorecard', 'kam-scorecard'],
  ['quadrant', 'kam-quadrant'],
  ['red-flags', 'kam-red-flags'],
]);

/** Why the frame shows an error: a feed error's kind, a bad query, or a src on an origin the config does not allow. */
export type EmbedErrorKind = Exclude<FeedErrorKind, 'aborted'> | 'query' | 'src-not-allowed';

/** Messages the frame sends to the parent. */
export type EmbedOutgoing =
  | { type: 'kam-embed-height'; widget: string; height: number }
  | { type: 'kam-embed-select'; widget: string; ids: string[] }
  | { type: 'kam-embed-error'; widget: string; kind: EmbedErrorKind; status?: number };

/** Messages the frame accepts from the parent origin. */
export type EmbedIncoming = { type: 'kam-set-selection'; ids: string[] } | { type: 'kam-set-theme'; theme: 'light' | 'dark' | 'auto' };

/** The widget the query asks for. */
export interface EmbedRequest {
  tag: string;
  widget: string;
  attributes: [string, string][];
}

/** A query the frame refuses, with the kind told to the parent. */
class QueryError extends EmbedError {
  constructor(
    message: string,
    readonly kind: 'query' | 'src-not-allowed' = 'query',
  ) {
    super(message);
  }
}

/** Parameters that are the deployer's to set, with what to do instead. */
const NOT_FROM_THE_URL = new Map([
  ['credentials', `credentials cannot be set in the URL: whoever deploys embed.html sets it in ${CONFIG_FILE}.`],
  ['parent-origin', `parent-origin cannot be set in the URL: the pages that may embed this one are listed in ${CONFIG_FILE} (parentOrigins).`],
  ['feed', 'The feed parameter cannot be used in an embed frame: there is no <kam-feed> in it. Use src.'],
]);

/**
 * Reads the query string into a widget tag and its attributes. `observed(tag)` lists the attributes the
 * widget supports; `config.srcOrigins` the origins `src` may load from. Throws an EmbedError naming the
 * first bad parameter.
 */
export function parseEmbedQuery(query: string, base: string, observed: (tag: string) => readonly string[], config: Pick<EmbedConfig, 'srcOrigins'>): EmbedRequest {
  const params = new URLSearchParams(query);
  const widget = params.get('widget') ?? '';
  const tag = WIDGETS.get(widget);
  if (!tag) {
    throw new QueryError(`${widget ? `widget "${widget}" is not one of the kit's widgets` : 'The widget parameter is missing'}; use widget=${[...WIDGETS.keys()].join(', widget=')}.`);
  }
  const allowed = new Set(observed(tag));
  const attributes: [string, string][] = [];
  for (const [name, value] of params) {
    if (name === 'widget') continue;
    const refused = NOT_FROM_THE_URL.get(name);
    if (refused) throw new QueryError(refused);
    if (!allowed.has(name)) throw new QueryError(`Unknown parameter "${name}" for widget=${widget}. Known: ${[...allowed].sort().join(', ')}.`);
    attributes.push([name, name === 'src' ? allowedSrc(value, base, config.srcOrigins) : value]);
  }
  return { tag, widget, attributes };
}

function allowedSrc(value: string, base: string, srcOrigins: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw new QueryError(`src "${value}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new QueryError(`src must be an http or https URL; "${url.protocol}" URLs are not loaded.`);
  if (!srcOrigins.includes(url.origin)) {
    throw new QueryError(`src on ${url.origin} is not loaded: ${CONFIG_FILE} allows feeds from ${srcOrigins.join(', ')} (srcOrigins).`, 'src-not-allowed');
  }
  return url.href;
}

/**
 * Validates a message from the parent; undefined for anything else: another origin, another window on
 * the parent's origin (a sibling frame, a popup), an unknown shape.
 */
export function acceptMessage(
  event: Pick<MessageEvent, 'origin' | 'data' | 'source'>,
  parentOrigin: string | undefined,
  parent: MessageEventSource | null,
): EmbedIncoming | undefined {
  const { origin, data, source } = event;
  if (!parentOrigin || origin !== parentOrigin || !parent || source !== parent || typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (message.type === 'kam-set-selection' && Array.isArray(message.ids) && message.ids.every((id) => typeof id === 'string')) {
    return { type: 'kam-set-selection', ids: message.ids as string[] };
  }
  if (message.type === 'kam-set-theme' && (message.theme === 'light' || message.theme === 'dark' || message.theme === 'auto')) {
    return { type: 'kam-set-theme', theme: message.theme };
  }
  return undefined;
}

function showError(container: HTMLElement, message: string): void {
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.className = 'embed-error';
  const title = document.createElement('strong');
  title.textContent = 'This embedded widget cannot be shown. ';
  box.append(title, message);
  container.replaceChildren(box);
}

/** Set when embed.js was built with KAM_EMBED_CONFIG (see vite.config.ts): the config's text. */
declare const __KAM_EMBED_CONFIG__: string | null | undefined;

/** The deployer's config: built into embed.js, or embed.config.json from the page's own origin. */
async function loadConfig(location: Location): Promise<EmbedConfig> {
  if (typeof __KAM_EMBED_CONFIG__ === 'string') return parseEmbedConfig(JSON.parse(__KAM_EMBED_CONFIG__));
  let response: Response;
  try {
    response = await fetch(new URL(CONFIG_FILE, location.href), { credentials: 'same-origin', cache: 'no-cache' });
  } catch {
    throw new EmbedError(`${CONFIG_FILE} could not be loaded from this page's own server.`);
  }
  if (!response.ok) throw new EmbedError(`${CONFIG_FILE} is missing next to embed.html (the server answered ${response.status}): whoever deploys this page lists there the pages that may embed it.`);
  let value: unknown;
  try {
    value = await response.json();
  } catch {
    throw new EmbedError(`${CONFIG_FILE} is not JSON.`);
  }
  return parseEmbedConfig(value);
}

/**
 * Builds the frame's content from the deployer's config and the URL. Exported for tests; runs on load in
 * embed.html. Resolves the widget, or undefined when the frame shows an error instead.
 */
export async function startEmbed(container: HTMLElement = document.body, location: Location = window.location): Promise<HTMLElement | undefined> {
  let config: EmbedConfig;
  try {
    config = await loadConfig(location);
  } catch (error) {
    showError(container, error instanceof Error ? error.message : String(error));
    return undefined;
  }
  // Framed: only by a page the config lists, as the browser names it. Opened on its own: no parent to tell anything.
  const framed = window.parent !== window;
  const parentOrigin = framed ? embedderOrigin(location.ancestorOrigins, document.referrer) : undefined;
  if (framed && (!parentOrigin || !config.parentOrigins.includes(parentOrigin))) {
    const who = parentOrigin ? `A page on ${parentOrigin}` : 'A page whose origin the browser does not tell';
    showError(container, `${who} may not embed it: ${CONFIG_FILE} lists the pages that may (parentOrigins).`);
    return undefined;
  }
  const post = parentOrigin ? (message: EmbedOutgoing) => window.parent.postMessage(message, parentOrigin) : () => {};
  const widgetName = new URLSearchParams(location.search).get('widget') ?? '';
  let request: EmbedRequest;
  try {
    request = parseEmbedQuery(location.search, location.href, (tag) => {
      const element = customElements.get(tag) as (CustomElementConstructor & { observedAttributes?: string[] }) | undefined;
      return element?.observedAttributes ?? [];
    }, config);
    if (!customElements.get(request.tag)) throw new QueryError(`<${request.tag}> is not registered: load kam-widgets.js before embed.js.`);
  } catch (error) {
    showError(container, error instanceof Error ? error.message : String(error));
    post({ type: 'kam-embed-error', widget: widgetName, kind: error instanceof QueryError ? error.kind : 'query' });
    return undefined;
  }
  const widget = document.createElement(request.tag);
  for (const [name, value] of request.attributes) widget.setAttribute(name, value);
  widget.setAttribute('credentials', config.credentials);
  if (parentOrigin) {
    // Listen before the widget connects: a bad field-map fails at once, as it connects.
    widget.addEventListener('kam-select', (event) => post({ type: 'kam-embed-select', widget: request.widget, ids: event.detail.ids }));
    widget.addEventListener('kam-error', (event) => {
      const { kind, status } = event.detail.error;
      if (kind !== 'aborted') post({ type: 'kam-embed-error', widget: request.widget, kind, ...(status === undefined ? {} : { status }) });
    });
    window.addEventListener('message', (event) => {
      const message = acceptMessage(event, parentOrigin, window.parent);
      if (message?.type === 'kam-set-selection') (widget as HTMLElement & { selection: string[] }).selection = message.ids;
      if (message?.type === 'kam-set-theme') widget.setAttribute('theme', message.theme);
    });
    let lastHeight = -1;
    new ResizeObserver(() => {
      const height = Math.ceil(document.documentElement.scrollHeight);
      if (height !== lastHeight) post({ type: 'kam-embed-height', widget: request.widget, height: (lastHeight = height) });
    }).observe(document.body);
  }
  container.replaceChildren(widget);
  return widget;
}
