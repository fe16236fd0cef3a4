/**
 * Inline feed: a widget may carry its feed as a direct child
 * `<script type="application/json">{ "version": 1, "accounts": [...] }</script>`.
 * The browser never runs such a script, and its text is only ever passed to parseFeed (JSON.parse).
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
