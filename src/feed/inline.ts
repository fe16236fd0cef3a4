/**
 * Inline feed: a widget may carry its feed as a direct child
 * `<script type="application/json">{ "version": 1, "accounts": [...] }</script>`.
 * The browser never runs such a script, and its text is only ever passed to readFeed (JSON.parse, or the
 * CSV reader with format="csv").
 */

/**
 * The text of the first direct child `<script type="application/json">` of `host`, or undefined when there
 * is none. Nested scripts (inside other children) are ignored so a widget never reads a feed meant for
 * a widget inside it.
 */
export function readInlineFeed(host: Element): string | undefined {
  const children = host.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (!child || child.localName !== 'script') continue;
    const type = child.getAttribute('type');
    if (type !== null && type.trim().toLowerCase() === 'application/json') return child.textContent ?? '';
  }
  return undefined;
}

/** Follows `host`'s inline feed while it is the element's input (see watchInlineFeed). */
export interface InlineFeedWatch {
  /** True while the document is being parsed: the inline child may still be missing or incomplete. */
  readonly parsing: boolean;
  /** Settles once the document is parsed (or the watch stops); at once when it already was. */
  readonly parsed: Promise<void>;
  stop(): void;
}

/** True for a change to `host`'s children, or inside a direct child <script>. */
function touchesInline(host: Element, node: Node): boolean {
  if (node === host) return true;
  while (node.parentNode && node.parentNode !== host) node = node.parentNode;
  return node.parentNode === host && (node as Element).localName === 'script';
}

/**
 * Calls `onChange` when `host`'s inline feed may have changed: a child added or removed, or the text of a
 * direct child <script> edited. A page that loads the kit in <head> upgrades elements before the parser
 * writes their children: while the document is being parsed, changes are not reported one by one (the
 * text may be half written) but once, on DOMContentLoaded.
 */
export function watchInlineFeed(host: Element, onChange: () => void): InlineFeedWatch {
  const doc = host.ownerDocument;
  let parsing = doc.readyState === 'loading';
  let settle = () => {};
  const parsed = parsing ? new Promise<void>((resolve) => (settle = resolve)) : Promise.resolve();
  const finish = (report: boolean) => {
    if (!parsing) return;
    parsing = false;
    doc.removeEventListener('DOMContentLoaded', onParsed);
    if (report) onChange();
    settle();
  };
  const onParsed = () => finish(true);
  if (parsing) doc.addEventListener('DOMContentLoaded', onParsed);
  const observer =
    typeof MutationObserver === 'undefined'
      ? undefined
      : new MutationObserver((records) => {
          if (!parsing && records.some((record) => touchesInline(host, record.target))) onChange();
        });
  observer?.observe(host, { childList: true, subtree: true, characterData: true });
  return {
    get parsing() {
      return parsing;
    },
    parsed,
    stop() {
      observer?.disconnect();
      finish(false);
    },
  };
}
