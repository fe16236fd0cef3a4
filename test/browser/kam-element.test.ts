import { afterEach, describe, expect, it, vi } from 'vitest';
import { expect as wcExpect, fixture, html, oneEvent } from '@open-wc/testing';
import '../support/test-widget.js';
import '../../src/components/feed/define.js';
import type { TestWidget } from '../support/test-widget.js';
import type { KamFeed } from '../../src/components/feed/kam-feed.js';
import { jsonResponse, threeAccounts } from '../support/fixtures.js';

const text = (el: HTMLElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

afterEach(() => vi.unstubAllGlobals());

describe('element base: data inputs', () => {
  it('renders from the data property, in the feed currency, and is accessible', async () => {
    const el = await fixture<TestWidget>(html`<test-widget locale="en-US" .data=${threeAccounts}></test-widget>`);
    expect(el.status).toBe('ready');
    expect(text(el)).toContain('3 accounts, €1.25M');
    await wcExpect(el).to.be.accessible();
  });

  it('formats with the locale attribute and the currency attribute over the feed currency', async () => {
    const el = await fixture<TestWidget>(html`<test-widget locale="de-DE" currency="USD" .data=${threeAccounts}></test-widget>`);
    expect(text(el)).toContain('3 accounts, 1,25 Mio. $');
  });

  it('accepts a bare array and JSON text', async () => {
    const el = await fixture<TestWidget>(html`<test-widget locale="en-US" .data=${threeAccounts.accounts}></test-widget>`);
    expect(text(el)).toContain('3 accounts, $1.25M');
    el.data = JSON.stringify([{ id: 'x', name: 'X', revenue: '2500' }]);
    await el.updateComplete;
    expect(text(el)).toContain('1 accounts, $2.5K');
  });

  it('reads an inline <script type="application/json"> child', async () => {
    const el = await fixture<TestWidget>(html`<test-widget locale="en-US"
      ><script type="application/json">
        { "version": 1, "accounts": [{ "id": "a", "name": "A", "revenue": 10 }, { "id": "b", "name": "B", "revenue": 5 }] }
      </script></test-widget
    >`);
    expect(text(el)).toContain('2 accounts, $15');
  });

  it('fetches src, shows loading with aria-busy, then fires kam-load; updateComplete waits for the data', async () => {
    let answer!: (r: Response) => void;
    const fetchMock = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    vi.stubGlobal('fetch', fetchMock);
    // Not fixture(): it awaits updateComplete, which resolves only once the data is shown.
    const el = document.createElement('test-widget');
    el.locale = 'en-US';
    el.credentials = 'include';
    el.src = '/feeds/a.json';
    document.body.append(el);
    await new Promise((r) => setTimeout(r));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].credentials).toBe('include');
    const loaded = oneEvent(el, 'kam-load');
    expect(el.getAttribute('aria-busy')).toBe('true');
    expect(text(el)).toContain('Loading accounts');
    answer(jsonResponse(threeAccounts));
    const event = await loaded;
    expect(event.detail.feed.accounts).toHaveLength(3);
    await el.updateComplete;
    expect(el.hasAttribute('aria-busy')).toBe(false);
    expect(text(el)).toContain('3 accounts');
    el.remove();
  });

  it('never lets a stale response overwrite a newer src', async () => {
    const answers = new Map<string, (r: Response) => void>();
    vi.stubGlobal('fetch', (url: string) => new Promise<Response>((resolve) => answers.set(url, resolve)));
    const el = document.createElement('test-widget');
    el.locale = 'en-US';
    el.src = '/old.json';
    document.body.append(el);
    await new Promise((r) => setTimeout(r));
    el.src = '/new.json';
    await new Promise((r) => setTimeout(r));
    answers.get('/new.json')!(jsonResponse([{ id: 'n', name: 'New', revenue: 1 }]));
    await el.updateComplete;
    answers.get('/old.json')?.(jsonResponse([{ id: 'o1', name: 'Old', revenue: 1 }, { id: 'o2', name: 'Old 2', revenue: 1 }]));
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(text(el)).toContain('1 accounts');
    el.remove();
  });
});

describe('element base: states', () => {
  it('shows what to do when no input is given', async () => {
    const el = await fixture<TestWidget>(html`<test-widget></test-widget>`);
    expect(text(el)).toContain('No data yet');
    await wcExpect(el).to.be.accessible();
  });

  it('shows the empty state for a feed without accounts', async () => {
    const el = await fixture<TestWidget>(html`<test-widget .data=${{ version: 1, accounts: [] }}></test-widget>`);
    expect(text(el)).toContain('No accounts to show');
    expect(text(el)).toContain('The feed is valid but has no accounts.');
  });

  it('lists every problem of an invalid feed, fires kam-error, offers no retry', async () => {
    const el = document.createElement('test-widget');
    const failed = oneEvent(el, 'kam-error');
    el.data = { version: 2, accounts: 'none' };
    document.body.append(el);
    const event = await failed;
    await el.updateComplete;
    expect(event.detail.error.kind).toBe('invalid');
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('version: expected 1 (the only feed version), got 2');
    expect(alert.textContent).toContain('accounts: expected an array of accounts, got "none"');
    expect(el.shadowRoot!.querySelector('button.retry')).toBeNull();
    await wcExpect(el).to.be.accessible();
    el.remove();
  });

  it('says how many accounts were skipped and why, and still draws the rest', async () => {
    const data = [
      { id: 'a', name: 'A', revenue: 10 },
      { id: 'b', name: 'B', revenue: '12k' },
      { id: 'a', name: 'A again', revenue: 3 },
    ];
    const el = await fixture<TestWidget>(html`<test-widget locale="en-US" .data=${data}></test-widget>`);
    const notice = el.shadowRoot!.querySelector('[part=skipped-notice]')!;
    expect(notice.querySelector('summary')!.textContent).toBe('2 accounts skipped');
    expect(notice.textContent).toContain('accounts[1].revenue: expected a number >= 0, got "12k"');
    expect(notice.textContent).toContain('accounts[2].id');
    expect(text(el)).toContain('1 accounts, $10');
    await wcExpect(el).to.be.accessible();
  });

  it('turns an HTTP error into a message with Retry, and Retry loads again', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(new Response('gone', { status: 404, statusText: 'Not Found' }))
      .mockResolvedValueOnce(jsonResponse(threeAccounts));
    vi.stubGlobal('fetch', fetchMock);
    const el = await fixture<TestWidget>(html`<test-widget src="/api/accounts.json"></test-widget>`);
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('404');
    expect(alert.textContent).toContain('/api/accounts.json');
    await wcExpect(el).to.be.accessible();
    (el.shadowRoot!.querySelector('button.retry') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(text(el)).toContain('3 accounts');
  });
});

describe('element base: shared <kam-feed>', () => {
  it('widgets naming a kam-feed share its one fetch, even when they come before it', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(threeAccounts));
    vi.stubGlobal('fetch', fetchMock);
    const root = await fixture<HTMLDivElement>(html`<div>
      <test-widget id="w1" feed="portfolio" locale="en-US"></test-widget>
      <kam-feed id="portfolio" src="/api/shared.json"></kam-feed>
      <test-widget id="w2" feed="portfolio" locale="en-US"></test-widget>
    </div>`);
    const [w1, w2] = [root.querySelector<TestWidget>('#w1')!, root.querySelector<TestWidget>('#w2')!];
    await root.querySelector<KamFeed>('kam-feed')!.updateComplete;
    await w1.updateComplete;
    await w2.updateComplete;
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(text(w1)).toContain('3 accounts, €1.25M');
    expect(text(w2)).toContain('3 accounts, €1.25M');
  });

  it('follows the feed when its data changes', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <kam-feed id="f2" .data=${threeAccounts}></kam-feed>
      <test-widget feed="f2" locale="en-US"></test-widget>
    </div>`);
    const widget = root.querySelector('test-widget')!;
    const feed = root.querySelector('kam-feed')!;
    await widget.updateComplete;
    expect(text(widget)).toContain('3 accounts');
    feed.data = [{ id: 'z', name: 'Z', revenue: 7 }];
    await feed.updateComplete;
    await widget.updateComplete;
    expect(text(widget)).toContain('1 accounts, $7');
  });

  it('says when feed= names an element that is not a kam-feed', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><span id="nope"></span><test-widget feed="nope"></test-widget></div>`);
    const widget = root.querySelector('test-widget')!;
    await widget.updateComplete;
    expect(text(widget)).toContain('feed="nope" names a <span>, not a <kam-feed>.');
  });
});

describe('element base: theme, size and registration', () => {
  it('applies light and dark tokens', async () => {
    const el = await fixture<TestWidget>(html`<test-widget .data=${threeAccounts}></test-widget>`);
    expect(getComputedStyle(el).getPropertyValue('--kam-bg').trim()).toBe('#ffffff');
    el.theme = 'dark';
    await el.updateComplete;
    expect(getComputedStyle(el).getPropertyValue('--kam-bg').trim()).toBe('#0d1117');
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(13, 17, 23)');
  });

  it('lets a page override a token on the element', async () => {
    const el = await fixture<TestWidget>(html`<test-widget style="--kam-bg: rgb(1, 2, 3)" .data=${threeAccounts}></test-widget>`);
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(1, 2, 3)');
  });

  it('follows its container width', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 300px"><test-widget .data=${threeAccounts}></test-widget></div>`);
    const el = box.querySelector('test-widget')!;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
    expect(text(el)).toContain('width 300');
    box.style.width = '1200px';
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
    expect(text(el)).toContain('width 1200');
  });

  it('does not throw when the kit registers its tags twice', async () => {
    const { defineElement } = await import('../../src/internal/define.js');
    class Other extends HTMLElement {}
    expect(() => defineElement('kam-feed', Other)).not.toThrow();
    expect(customElements.get('kam-feed')).not.toBe(Other);
  });
});

describe('element base: filter and refresh', () => {
  const regional = {
    version: 1,
    accounts: [
      { id: 'a', name: 'A', revenue: 100, region: 'EMEA' },
      { id: 'b', name: 'B', revenue: 50, region: 'APAC' },
      { id: 'c', name: 'C', revenue: 10, region: 'emea' },
    ],
  };

  it('shows only the accounts that match the filter attribute, and says why when none does', async () => {
    const el = await fixture<TestWidget>(html`<test-widget locale="en-US" filter="region:EMEA" .data=${regional}></test-widget>`);
    expect(text(el)).toContain('2 accounts, $110');
    el.filter = 'region:LATAM';
    await el.updateComplete;
    expect(text(el)).toContain('No account matches the filter "region:LATAM".');
    el.filter = 'revenue:5';
    await el.updateComplete;
    expect(text(el)).toContain('The filter attribute cannot be used: filter "revenue:5": "revenue" is not a field to filter on');
    el.filter = '';
    await el.updateComplete;
    expect(text(el)).toContain('3 accounts, $160');
  });

  it('filters on a kam-feed for every linked widget', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <kam-feed id="filtered-feed" filter="region:APAC" .data=${regional}></kam-feed>
      <test-widget locale="en-US" feed="filtered-feed"></test-widget>
    </div>`);
    const el = page.querySelector<TestWidget>('test-widget')!;
    await el.updateComplete;
    expect(text(el)).toContain('1 accounts, $50');
  });

  it('refreshes src in the background, keeps the last good feed when a refresh fails and says it is stale', async () => {
    const responses = [jsonResponse(regional), new Response('down', { status: 503 }), jsonResponse({ version: 1, accounts: [{ id: 'z', name: 'Z', revenue: 7 }] })];
    const fetchMock = vi.fn(async () => responses.shift()!);
    vi.stubGlobal('fetch', fetchMock);
    const page = await fixture<HTMLElement>(html`<div>
      <kam-feed id="refreshing" src="/feeds/live.json" refresh="3600"></kam-feed>
      <test-widget locale="en-US" feed="refreshing"></test-widget>
    </div>`);
    const feed = page.querySelector<KamFeed>('kam-feed')!;
    const el = page.querySelector<TestWidget>('test-widget')!;
    await feed.updateComplete;
    await el.updateComplete;
    expect(text(el)).toContain('3 accounts, $160');
    await feed.refreshNow(); // 503
    await el.updateComplete;
    expect(text(el)).toContain('3 accounts, $160');
    expect(el.shadowRoot!.querySelector('[part~="stale-notice"]')!.textContent).toMatch(/Showing data from .+; the last refresh failed: .*503/);
    await feed.refreshNow();
    await el.updateComplete;
    expect(text(el)).toContain('1 accounts, $7');
    expect(el.shadowRoot!.querySelector('[part~="stale-notice"]')).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('re-fetches on the refresh interval and pauses while the page is hidden', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(regional));
    vi.stubGlobal('fetch', fetchMock);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const feed = await fixture<KamFeed>(html`<kam-feed id="ticking" src="/feeds/tick.json" refresh="60"></kam-feed>`);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    try {
      await vi.advanceTimersByTimeAsync(60_000);
      expect(fetchMock).toHaveBeenCalledTimes(2);
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
      await vi.advanceTimersByTimeAsync(180_000);
      expect(fetchMock).toHaveBeenCalledTimes(2); // hidden: no polling
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
      await vi.advanceTimersByTimeAsync(0);
      expect(fetchMock).toHaveBeenCalledTimes(3); // overdue: refreshed as soon as the page is visible
    } finally {
      vi.useRealTimers();
      delete (document as { hidden?: boolean }).hidden;
      feed.remove();
    }
  });
});
