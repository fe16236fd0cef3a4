import { describe, expect, it } from 'vitest';
import { readInlineFeed } from '../../src/feed/index.js';

interface FakeNode {
  localName: string;
  type?: string;
  textContent: string | null;
  children: FakeNode[];
}

/** Just enough of Element for readInlineFeed (the node project has no DOM). */
function el(localName: string, type?: string, textContent: string | null = '', children: FakeNode[] = []): Element {
  const node = { localName, type, textContent, children, getAttribute: (name: string) => (name === 'type' ? (type ?? null) : null) };
  return node as unknown as Element;
}

describe('readInlineFeed', () => {
  it('returns the text of the first direct child script[type="application/json"]', () => {
    const host = el('kam-pareto', undefined, null, [
      el('script', 'module', 'console.log(1)') as never,
      el('script', ' Application/JSON ', '[{"id":"A"}]') as never,
      el('script', 'application/json', '[{"id":"B"}]') as never,
    ]);
    expect(readInlineFeed(host)).toBe('[{"id":"A"}]');
  });

  it('ignores nested scripts and scripts without the JSON type', () => {
    const host = el('kam-pareto', undefined, null, [
      el('div', undefined, null, [el('script', 'application/json', '[]') as never]) as never,
      el('script', undefined, '[]') as never,
    ]);
    expect(readInlineFeed(host)).toBeUndefined();
    expect(readInlineFeed(el('kam-pareto'))).toBeUndefined();
  });

  it('an empty script gives an empty string (which parseFeed reports as empty)', () => {
    expect(readInlineFeed(el('x', undefined, null, [el('script', 'application/json', null) as never]))).toBe('');
  });
});
