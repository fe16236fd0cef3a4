/**
 * Which <kam-feed> `feed="id"` names: the element's own root first (a component's shadow root, an LWC
 * template), then a connected <kam-feed> in the same tree when the root is out of the element's reach
 * (Lightning Web Security shows sandboxed code the document instead of a shadow root it did not
 * create), then the page. The Lightning bench (test/lightning) runs the real LWS and synthetic shadow.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../support/test-widget.js';
import '../../src/components/feed/define.js';
import type { TestWidget } from '../support/test-widget.js';
import type { KamFeed } from '../../src/components/feed/kam-feed.js';
import { threeAccounts } from '../support/fixtures.js';

const text = (el: HTMLElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const oneAccount = [{ id: 'z', name: 'Zephyr', revenue: 7 }];

const hosts: HTMLElement[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.remove()));

/** A component with an open shadow root holding `markup`, on the page. */
function component(markup: string): ShadowRoot {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = markup;
  document.body.append(host);
  hosts.push(host);
  return root;
}

function feed(root: ParentNode, id: string, data: unknown): KamFeed {
  const element = document.createElement('kam-feed');
  element.id = id;
  element.data = data;
  (root as HTMLElement).append(element);
  return element;
}

/**
 * A widget naming `id`, appended to `root`; `hideRoot` makes its getRootNode() answer as LWS does. Waits
 * for its data, or with `waiting` only for its first render (updateComplete waits for the data).
 */
async function widget(root: ParentNode, id: string, options: { hideRoot?: boolean; waiting?: boolean } = {}): Promise<TestWidget> {
  const element = document.createElement('test-widget');
  element.locale = 'en-US';
  element.feed = id;
  if (options.hideRoot) Object.defineProperty(element, 'getRootNode', { value: () => document });
  (root as HTMLElement).append(element);
  if (options.waiting) await new Promise((resolve) => setTimeout(resolve));
  else await element.updateComplete;
  return element;
}

describe('feed="id" finds its <kam-feed>', () => {
  it('in its own shadow root before the page', async () => {
    hosts.push(feed(document.body, 'portfolio', oneAccount)); // a page-level feed with the same id
    const root = component('');
    feed(root, 'portfolio', threeAccounts);
    expect(text(await widget(root, 'portfolio'))).toContain('3 accounts, €1.25M');
  });

  it('on the page when its own root has none', async () => {
    hosts.push(feed(document.body, 'page-feed', threeAccounts));
    expect(text(await widget(component(''), 'page-feed'))).toContain('3 accounts, €1.25M');
  });

  it('in its own tree when its root is hidden from it, not in another component with the same id', async () => {
    const other = component('');
    feed(other, 'tab-feed', oneAccount);
    const own = component('');
    feed(own, 'tab-feed', threeAccounts);
    expect(text(await widget(own, 'tab-feed', { hideRoot: true }))).toContain('3 accounts, €1.25M');
    expect(text(await widget(other, 'tab-feed', { hideRoot: true }))).toContain('1 accounts, $7');
  });

  it('that connects later, in its own tree when its root is hidden from it', async () => {
    const root = component('');
    const waiting = await widget(root, 'late-feed', { hideRoot: true, waiting: true });
    expect(text(waiting)).toContain('Waiting for <kam-feed id="late-feed">');
    await feed(root, 'late-feed', threeAccounts).updateComplete;
    await waiting.updateComplete;
    expect(text(waiting)).toContain('3 accounts, €1.25M');
  });

  it('never by a numbered id on a plain page (that form is only LWC synthetic shadow\'s)', async () => {
    hosts.push(feed(document.body, 'sales-2', threeAccounts));
    const waiting = await widget(component(''), 'sales', { waiting: true });
    expect(text(waiting)).toContain('Waiting for <kam-feed id="sales">');
  });
});
