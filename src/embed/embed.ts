/**
 * The iframe embed page for CRM tabs that take only a URL:
 *   embed.html?widget=pareto&src=https://crm.example.com/accounts.json&theme=dark&locale=de-DE&parent-origin=https://crm.example.com
 *
 * Every query parameter other than `widget` and `parent-origin` becomes an attribute of the widget, and
 * must be one the widget has (otherwise the frame shows an error naming it): `src` (http or https only),
 * `format` (json or csv), `field-map` ("id=AccountId,revenue=Annual Revenue"), `locale`, `currency`,
 * `theme`, `filter` and the widget's own options.
 * With `parent-origin` the frame tells that origin (never "*") its content height, every selection and
 * every error (a bad query, a feed that fails to load), and accepts `kam-set-selection` and
 * `kam-set-theme` messages only from its parent window on that origin.
 *
 * Needs the kit's tags to be registered (load kam-widgets.js first).
 */

export const WIDGETS: Readonly<Record<string, string>> = {
  pareto: 'kam-pareto',
  'tier-matrix': 'kam-tier-matrix',
  scorecard: 'kam-scorecard',
  quadrant: 'kam-quadrant',
};

/** Messages the frame sends to the parent. */
export type EmbedOutgoing =
  | { type: 'kam-embed-height'; widget: string; height: number }
  | { type: 'kam-embed-select'; widget: string; ids: string[] }
  | { type: 'kam-embed-error'; widget: string; message: string };

/** Messages the frame accepts from the parent origin. */
export type EmbedIncoming = { type: 'kam-set-selection'; ids: string[] } | { type: 'kam-set-theme'; theme: 'light' | 'dark' | 'auto' };

export interface EmbedConfig {
  tag: string;
  widget: string;
  attributes: [string, string][];
  parentOrigin?: string;
}

export class EmbedError extends Error {}

const RESERVED = new Set(['widget', 'parent-origin']);

/** A plain origin such as "https://crm.example.com" or "http://localhost:8080" (no path, no wildcard). */
export function parseOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new EmbedError(`parent-origin "${text}" is not an origin; write it like https://crm.example.com.`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== text.replace(/\/$/, '')) {
    throw new EmbedError(`parent-origin "${text}" is not an origin; write it like https://crm.example.com (scheme, host and port only).`);
  }
  return url.origin;
}

/**
 * Reads the query string into a widget tag and its attributes. `observed(tag)` lists the attributes the
 * widget supports. Throws an EmbedError naming the first bad parameter.
 */
export function parseEmbedQuery(query: string, base: string, observed: (tag: string) => readonly string[]): EmbedConfig {
  const params = new URLSearchParams(query);
  const widget = params.get('widget') ?? '';
  const tag = WIDGETS[widget];
  if (!tag) {
    throw new EmbedError(`${widget ? `widget "${widget}" is not one of the kit's widgets` : 'The widget parameter is missing'}; use widget=${Object.keys(WIDGETS).join(', widget=')}.`);
  }
  const allowed = new Set(observed(tag));
  const attributes: [string, string][] = [];
  for (const [name, value] of params) {
    if (RESERVED.has(name)) continue;
    if (!allowed.has(name)) {
      throw new EmbedError(`Unknown parameter "${name}" for widget=${widget}. Known: ${[...allowed].sort().join(', ')}.`);
    }
    if (name === 'src') {
      let url: URL;
      try {
        url = new URL(value, base);
      } catch {
        throw new EmbedError(`src "${value}" is not a URL.`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EmbedError(`src must be an http or https URL; "${url.protocol}" URLs are not loaded.`);
      attributes.push([name, url.href]);
      continue;
    }
    if (name === 'feed') throw new EmbedError('The feed parameter cannot be used in an embed frame: there is no <kam-feed> in it. Use src.');
    attributes.push([name, value]);
  }
  const parentOrigin = params.get('parent-origin');
  return { tag, widget, attributes, ...(parentOrigin ? { parentOrigin: parseOrigin(parentOrigin) } : {}) };
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

/** Posts to the parent window on `parent-origin` (never "*"); undefined when there is no parent or the origin is not one. */
function parentPoster(query: string): ((message: EmbedOutgoing) => void) | undefined {
  const text = new URLSearchParams(query).get('parent-origin');
  if (!text || window.parent === window) return undefined;
  let origin: string;
  try {
    origin = parseOrigin(text);
  } catch {
    return undefined;
  }
  return (message) => window.parent.postMessage(message, origin);
}

/** Builds the frame's content from its URL. Exported for tests; runs on load in embed.html. */
export function startEmbed(container: HTMLElement = document.body, location: Location = window.location): HTMLElement | undefined {
  const post = parentPoster(location.search);
  let config: EmbedConfig;
  try {
    config = parseEmbedQuery(location.search, location.href, (tag) => {
      const element = customElements.get(tag) as (CustomElementConstructor & { observedAttributes?: string[] }) | undefined;
      return element?.observedAttributes ?? [];
    });
    if (!customElements.get(config.tag)) throw new EmbedError(`<${config.tag}> is not registered: load kam-widgets.js before embed.js.`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    showError(container, message);
    post?.({ type: 'kam-embed-error', widget: new URLSearchParams(location.search).get('widget') ?? '', message });
    return undefined;
  }
  const widget = document.createElement(config.tag);
  for (const [name, value] of config.attributes) widget.setAttribute(name, value);
  const { parentOrigin } = config;
  if (parentOrigin && post) {
    // Listen before the widget connects: a bad field-map fails at once, as it connects.
    widget.addEventListener('kam-select', (event) => post({ type: 'kam-embed-select', widget: config.widget, ids: event.detail.ids }));
    widget.addEventListener('kam-error', (event) => post({ type: 'kam-embed-error', widget: config.widget, message: event.detail.error.message }));
    window.addEventListener('message', (event) => {
      const message = acceptMessage(event, parentOrigin, window.parent);
      if (message?.type === 'kam-set-selection') (widget as HTMLElement & { selection: string[] }).selection = message.ids;
      if (message?.type === 'kam-set-theme') widget.setAttribute('theme', message.theme);
    });
    let lastHeight = -1;
    new ResizeObserver(() => {
      const height = Math.ceil(document.documentElement.scrollHeight);
      if (height !== lastHeight) post({ type: 'kam-embed-height', widget: config.widget, height: (lastHeight = height) });
    }).observe(document.body);
  }
  container.replaceChildren(widget);
  return widget;
}
