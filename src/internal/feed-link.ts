/**
 * How an element finds the `<kam-feed>` its `feed="id"` names, in the root it sits in: a page, a shadow
 * root, or an LWC template under Salesforce's synthetic shadow and Lightning Web Security.
 */
import type { ReactiveControllerHost } from 'lit';
import { FeedError } from '../feed/errors.js';
import { FEED_CONNECTED_EVENT, SELECTION_CHANGE_EVENT, isFeedProvider, type FeedProvider, type FeedState } from './feed-state.js';

/**
 * The connected `<kam-feed>` elements (each is a host of this controller too). Widgets look here when their
 * own root is out of their reach: Lightning Web Security shows code in its sandbox the document instead of
 * a shadow root the sandbox did not create, such as the LWC template the widgets and the feed sit in.
 */
const connectedFeeds = new Set<FeedProvider>();

/** Records a `<kam-feed>` as connected (or, with `connected` false, as gone). */
export function trackFeed(feed: Element, connected: boolean): void {
  if (!isFeedProvider(feed)) return;
  if (connected) connectedFeeds.add(feed);
  else connectedFeeds.delete(feed);
}

/**
 * The element `feed="id"` names: by id in the element's own root (a shadow root or the document), then a
 * connected `<kam-feed>` in the same tree, then by id in the document.
 */
export function findFeed(host: Element, id: string): Element | null {
  const root = host.getRootNode() as Document | ShadowRoot;
  // querySelector, not getElementById: LWC's synthetic shadow roots throw on getElementById.
  const own = root.querySelector?.(`#${CSS.escape(id)}`);
  if (own) return own;
  for (const feed of connectedFeeds) {
    // In another shadow tree (another LWC, another component) the same id names another feed.
    if (host.compareDocumentPosition(feed) & Node.DOCUMENT_POSITION_DISCONNECTED) continue;
    if (feed.id === id || isScopedId(feed, id)) return feed;
  }
  return document.querySelector(`#${CSS.escape(id)}`);
}

/**
 * Whether `feed` carries `id` as LWC's synthetic shadow renders an id written in a template: `<id>-<n>`,
 * n numbering the component instance. Such elements are in the document, but the document's own queries
 * leave them out; on a plain page `feed="sales"` never names `<kam-feed id="sales-2">`.
 */
function isScopedId(feed: Element, id: string): boolean {
  const suffix = feed.id.startsWith(`${id}-`) ? feed.id.slice(id.length + 1) : '';
  return /^\d+$/.test(suffix) && document.contains(feed) && document.querySelector(`#${CSS.escape(feed.id)}`) !== feed;
}

export interface FeedFollow {
  /** The `<kam-feed>` followed, once found. */
  provider?: FeedProvider;
  /** Settles once the feed's state is other than loading (or the follow stops). */
  settled: Promise<void>;
  stop(): void;
}

/**
 * Follows the `<kam-feed>` that `id` names for `host`: its states go to `onState` (a waiting state while
 * it is not on the page yet, an error when `id` names another element), and a change of its selection asks
 * the host to update. When the feed is not there yet, `onConnected` is called once it connects.
 */
export function followFeed(
  host: ReactiveControllerHost & Element,
  id: string,
  { onState, onConnected }: { onState: (state: FeedState) => void; onConnected: () => void },
): FeedFollow {
  const element = findFeed(host, id);
  const waiting: FeedState = { status: 'loading', waitingFor: `<kam-feed id="${id}">` };
  if (element && !isFeedProvider(element) && element.localName !== 'kam-feed') {
    onState({ status: 'error', error: new FeedError('invalid', `feed="${id}" names a <${element.localName}>, not a <kam-feed>. Point it at the id of a <kam-feed> element.`) });
    return { settled: Promise.resolve(), stop() {} };
  }
  if (!element || !isFeedProvider(element)) {
    // The <kam-feed> is not on the page (or not upgraded) yet: wait for it to announce itself.
    onState(waiting);
    let resolveWait!: () => void;
    const settled = new Promise<void>((resolve) => (resolveWait = resolve));
    const onFeedConnected = () => {
      // Found as on the first look (the announced id may be a scoped form of `id`, see findFeed).
      if (!isFeedProvider(findFeed(host, id))) return;
      document.removeEventListener(FEED_CONNECTED_EVENT, onFeedConnected);
      onConnected();
      resolveWait();
    };
    document.addEventListener(FEED_CONNECTED_EVENT, onFeedConnected);
    return {
      settled,
      stop() {
        document.removeEventListener(FEED_CONNECTED_EVENT, onFeedConnected);
        resolveWait();
      },
    };
  }
  const provider = element;
  let resolveLoad!: () => void;
  const settled = new Promise<void>((resolve) => (resolveLoad = resolve));
  const follow = (state: FeedState) => {
    onState(state);
    if (state.status !== 'loading') resolveLoad();
  };
  const unsubscribe = provider.subscribe(follow);
  const onSelection = () => host.requestUpdate();
  provider.addEventListener(SELECTION_CHANGE_EVENT, onSelection);
  follow(provider.feedState);
  return {
    provider,
    settled,
    stop() {
      unsubscribe();
      provider.removeEventListener(SELECTION_CHANGE_EVENT, onSelection);
      resolveLoad();
    },
  };
}
