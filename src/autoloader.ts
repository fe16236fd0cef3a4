/**
 * kam-widgets/autoloader: one `<script type="module" src=".../autoloader.js">` and the page can use every
 * kam-* tag. Each element's code loads the first time its tag is in the document (or in a shadow root
 * handed to `register`), once per page, from the folder the autoloader itself was loaded from: chunk
 * URLs are module specifiers relative to this module, so the folder may sit under any path or on another
 * origin, and no inline script or `eval` is needed (a `script-src 'self'` policy suffices).
 *
 * A chunk that fails to load (offline, a 404 after a partial deploy) is reported once on the console,
 * with the tag and the reason; its tags stay undefined (showing their light DOM). The page must be loaded
 * again to try again: the browser keeps a module that failed to load as failed for the page's lifetime.
 */
import { ELEMENTS } from './elements.js';

const loads = new Map<string, Promise<unknown>>();

/** Loads the code of `tag` unless it is loaded, loading, or defined already (another copy of the kit). */
function load(tag: string): void {
  const importer = ELEMENTS[tag];
  if (!importer || loads.has(tag) || customElements.get(tag)) return;
  const loading = importer().catch((error: unknown) => {
    console.error(`kam-widgets: could not load <${tag}> (${error instanceof Error ? error.message : String(error)}); reload the page to try again.`);
  });
  loads.set(tag, loading);
}

/** Loads every kam-* element in `root` (and `root` itself) that is not defined yet. */
function discover(root: Document | ShadowRoot | Element): void {
  if (root instanceof Element && root.localName.startsWith('kam-')) load(root.localName);
  for (const element of root.querySelectorAll(':not(:defined)')) if (element.localName.startsWith('kam-')) load(element.localName);
}

const observer = new MutationObserver((mutations) => {
  for (const mutation of mutations) for (const node of mutation.addedNodes) if (node instanceof Element) discover(node);
});

/**
 * Watches `root` for kam-* tags, as the document is watched: for a shadow root of your own component (a
 * MutationObserver on the document does not see inside shadow roots). Elements already in it load now.
 */
export function register(root: Document | ShadowRoot | Element): void {
  discover(root);
  observer.observe(root, { childList: true, subtree: true });
}

register(document);
