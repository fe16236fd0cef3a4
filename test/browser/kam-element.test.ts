import { afterEach, describe, expect, it, vi } from 'vitest';
import { expect as wcExpect, fixture, html, oneEvent } from '@open-wc/testing';
import '../support/test-widget.js';
import '../../src/components/feed/define.js';
import type { TestWidget } from '../support/test-widget.js';
import type { KamFeed } from '../../src/components/feed/kam-feed.js';
import { appendWithSrc, holdFetch, jsonResponse, threeAccounts } from '../support/fixtures.js';
import type { KamErrorDetail, KamLoadDetail } from '../../src/internal/events.js';
import type { Feed } from '../../src/feed/parse.js';

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
    const { fetchMock, respond } = holdFetch();
    const el = appendWithSrc('test-widget', '/feeds/a.json', (widget) => {
      widget.locale = 'en-US';
      widget.credentials = 'include';
    });
    await new Promise((r) => setTimeout(r));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].credentials).toBe('include');
    const loaded = oneEvent(el, 'kam-load');
    expect(el.getAttribute('aria-busy')).toBe('true');
    expect(text(el)).toContain('Loading accounts');
    respond(threeAccounts);
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

  it('keeps an account whose optional field breaks the contract, and says which fields it ignored beside the skipped accounts', async () => {
    const data = [
      { id: 'a', name: 'A', revenue: 10, nps: 11 },
      { id: 'b', name: 'B', revenue: '12k' },
      { id: 'c', name: 'C', revenue: 5, csat: 'great', nps: 7.5 },
    ];
    const el = await fixture<TestWidget>(html`<test-widget locale="en-US" .data=${data}></test-widget>`);
    const notice = el.shadowRoot!.querySelector('[part=skipped-notice]')!;
    expect(notice.querySelector('summary')!.textContent).toBe('1 account skipped, 2 fields ignored');
    expect([...notice.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'accounts[1].revenue: expected a number >= 0, got "12k"',
      'accounts[0].nps: expected a number from 0 to 10, got 11 (ignored)',
      'accounts[2].csat: expected a number from 1 to 5, got "great" (ignored)',
    ]);
    expect(text(el)).toContain('2 accounts, $15');
    await wcExpect(el).to.be.accessible();
  });

  it('a JSON document that is a string is not a feed, whether given as text or fetched; text that is not JSON says so', async () => {
    const el = await fixture<TestWidget>(html`<test-widget .data=${'"accounts"'}></test-widget>`);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain('expected a feed object or an array of accounts, got a string');
    el.data = 'accounts';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain('The feed is not JSON');
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse('accounts')));
    const fetched = document.createElement('test-widget');
    const failed = oneEvent(fetched, 'kam-error');
    fetched.src = '/feeds/string.json';
    document.body.append(fetched);
    const { detail } = await failed;
    expect(detail.error.kind).toBe('invalid');
    expect(detail.error.message).toBe('Could not load /feeds/string.json: the account feed is not valid (1 problem): expected a feed object or an array of accounts, got a string.');
    fetched.remove();
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

describe('element base: limits of a src', () => {
  it('stops reading a response past max-bytes and says so', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(threeAccounts))); // 178 bytes of JSON
    const el = widget({ src: '/feeds/big.json', 'max-bytes': '100' });
    const { errors } = await mount(el);
    expect(errors[0]!.detail.error.kind).toBe('too-large');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain(
      'Could not load /feeds/big.json: the response is larger than 100 bytes, the most this page reads. Serve a smaller feed, or raise the limit with max-bytes.',
    );
    el.maxBytes = 1000;
    await el.updateComplete;
    expect(text(el)).toContain('3 accounts');
    el.remove();
  });

  it('says which timeouts it takes instead of failing at once', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(threeAccounts));
    vi.stubGlobal('fetch', fetchMock);
    for (const timeout of ['0', '-5', 'NaN', '3e9']) {
      const el = widget({ src: '/feeds/a.json', timeout });
      await mount(el);
      expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain(
        `timeout="${Number(timeout)}" cannot be used: give the time limit in milliseconds, from 1 to 600000 (10 minutes); the default is 15000.`,
      );
      el.remove();
    }
    expect(fetchMock).not.toHaveBeenCalled();
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

  it('analyses the columns the feed filled while it validated; a filter narrows them with the accounts', async () => {
    const el = await fixture<TestWidget>(html`<test-widget locale="en-US" .data=${regional}></test-widget>`);
    const feed = (el as unknown as { feedController: { state: { feed: Feed } } }).feedController.state.feed;
    expect(el.portfolio!.columns).toBe(feed.columns);
    el.filter = 'region:EMEA';
    await el.updateComplete;
    const shown = (el as unknown as { feedController: { state: { feed: Feed } } }).feedController.state.feed;
    expect(shown.accounts.map((a) => a.id)).toEqual(['a', 'c']);
    expect([...shown.columns.revenue]).toEqual([100, 10]);
    expect(el.portfolio!.columns.count).toBe(2);
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

  it('backs off from a server that keeps failing: 10 requests in an hour at refresh="10", and says when the next try is', async () => {
    const fetchMock = vi.fn(async () => (fetchMock.mock.calls.length === 1 ? jsonResponse(regional) : new Response('down', { status: 503 })));
    vi.stubGlobal('fetch', fetchMock);
    const random = vi.spyOn(Math, 'random').mockReturnValue(0); // no jitter: the waits are exact
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date(2026, 11, 1, 9, 0, 0));
    try {
      const page = await fixture<HTMLElement>(html`<div>
        <kam-feed id="failing" src="/feeds/down.json" refresh="10"></kam-feed>
        <test-widget locale="en-US" feed="failing"></test-widget>
      </div>`);
      const feed = page.querySelector<KamFeed>('kam-feed')!;
      const el = page.querySelector<TestWidget>('test-widget')!;
      await vi.advanceTimersByTimeAsync(3_600_000);
      // The good load at 0 s, then failed refreshes at 10, 30, 70, 150, 310, 630, 1270, 2170 and 3070 s.
      expect(fetchMock).toHaveBeenCalledTimes(10);
      expect(feed.feedState.stale!.nextTryAt).toEqual(new Date(2026, 11, 1, 10, 6, 10)); // 3070 s + 900 s
      await el.updateComplete;
      expect(text(el)).toContain('3 accounts, $160');
      expect(text(el)).toContain('the server answered 503 Service Unavailable. The server had a problem; try again later. Next try at 10:06:10 AM.');
    } finally {
      vi.useRealTimers();
      random.mockRestore();
    }
  });

  it('says which refresh intervals it takes (10 s to 24 h) instead of polling in a loop', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(regional));
    vi.stubGlobal('fetch', fetchMock);
    for (const refresh of ['0.001', '1e308', '3000000', '5', 'soon']) {
      const el = widget({ src: '/feeds/a.json', refresh });
      await mount(el);
      expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain(
        `refresh="${Number(refresh)}" cannot be used: give the interval in seconds, from 10 to 86400 (24 hours), or leave it out for no refresh.`,
      );
      el.remove();
    }
    expect(fetchMock).not.toHaveBeenCalled();
    const el = widget({ src: '/feeds/a.json', locale: 'en-US', refresh: '1e308' });
    await mount(el);
    el.refresh = 600;
    await el.updateComplete;
    expect(text(el)).toContain('3 accounts, $160');
    el.remove();
  });
});

/** Appends `el` (after listening, so no event is missed) and waits until it shows its data. */
async function mount<T extends HTMLElement & { updateComplete: Promise<unknown> }>(el: T, parent: HTMLElement = document.body) {
  const loads: CustomEvent<KamLoadDetail>[] = [];
  const errors: CustomEvent<KamErrorDetail>[] = [];
  el.addEventListener('kam-load', (event) => loads.push(event));
  el.addEventListener('kam-error', (event) => errors.push(event));
  parent.append(el);
  await el.updateComplete;
  return { el, loads, errors };
}

function widget(attributes: Record<string, string>): TestWidget {
  const el = document.createElement('test-widget');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

const respond = (body: string, contentType: string) => new Response(body, { status: 200, headers: { 'content-type': contentType } });

const CRM_MAP = 'id=AccountId,name=Account Name,revenue=Annual Revenue,owner=Owner.Name';
/** A CRM export in German: 1.234,50 € and 2.000 €. */
const crmCsv = 'AccountId,Account Name,Annual Revenue,Owner.Name\n001A,Acme,"1.234,50 €",Ada\n001B,Bolt,"2.000 €",Bo\n';
const crmRecords = [
  { AccountId: '001A', 'Account Name': 'Acme', 'Annual Revenue': 1000, Owner: { Name: 'Ada' } },
  { AccountId: '001B', 'Account Name': 'Bolt', 'Annual Revenue': 500, Owner: { Name: 'Bo' } },
];

describe('element base: field-map', () => {
  it('maps CRM keys (nested ones too) before validation, and reloads when the map changes', async () => {
    const el = widget({ locale: 'en-US', 'field-map': CRM_MAP });
    el.data = crmRecords;
    const { loads, errors } = await mount(el);
    expect(loads[0]!.detail.feed.accounts).toEqual([
      { id: '001A', name: 'Acme', revenue: 1000, owner: 'Ada' },
      { id: '001B', name: 'Bolt', revenue: 500, owner: 'Bo' },
    ]);
    expect(text(el)).toContain('2 accounts, $1.5K');

    el.fieldMap = 'id=AccountId,name=Account Name,revenue=Revenue';
    await el.updateComplete;
    expect(el.status).toBe('error');
    expect(errors[0]!.detail.error.message).toBe("field-map names a key the feed does not have (revenue=Revenue). The feed's keys: AccountId, Account Name, Annual Revenue, Owner.");
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain('field-map names a key the feed does not have (revenue=Revenue)');

    el.fieldMap = 'id=AccountId,name=Account Name,revenue=Annual Revenue';
    await el.updateComplete;
    expect(text(el)).toContain('2 accounts, $1.5K');
    expect(loads).toHaveLength(2);
    el.remove();
  });

  it('a map entry that names no field of the contract is an error in the widget', async () => {
    const el = widget({ 'field-map': 'turnover=Annual Revenue' });
    el.data = crmRecords;
    await mount(el);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain('field-map entry "turnover=Annual Revenue": "turnover" is not a field of the feed contract.');
    el.remove();
  });

  it('applies to src, and a new map fetches again', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(crmRecords));
    vi.stubGlobal('fetch', fetchMock);
    const el = widget({ locale: 'en-US', src: '/crm/accounts.json', 'field-map': CRM_MAP });
    await mount(el);
    expect(text(el)).toContain('2 accounts, $1.5K');
    el.fieldMap = 'id=AccountId,name=Owner.Name,revenue=Annual Revenue';
    await el.updateComplete;
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(el.shadowRoot!.querySelector('[part=body]')).not.toBeNull();
    el.remove();
  });

  it('on <kam-feed>: linked widgets get the mapped accounts', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ version: 1, currency: 'EUR', accounts: crmRecords })));
    const page = document.createElement('div');
    document.body.append(page);
    const feed = document.createElement('kam-feed');
    feed.id = 'mapped-feed';
    feed.src = '/crm/accounts.json';
    feed.setAttribute('field-map', CRM_MAP);
    const { loads } = await mount(feed, page);
    const el = widget({ feed: 'mapped-feed', locale: 'en-US' });
    await mount(el, page);
    expect(loads[0]!.detail.feed.accounts.map((a) => a.owner)).toEqual(['Ada', 'Bo']);
    expect(text(el)).toContain('2 accounts, €1.5K');
    page.remove();
  });
});

describe('element base: CSV feeds', () => {
  const triggers: [string, Record<string, string>, string][] = [
    ['src ending in .csv', { src: '/exports/accounts.csv' }, 'application/octet-stream'],
    ['a response served as text/csv', { src: '/api/accounts' }, 'text/csv; charset=utf-8'],
    ['format="csv"', { src: '/api/accounts', format: 'csv' }, 'application/json'],
  ];

  for (const [trigger, attributes, contentType] of triggers) {
    it(`reads CSV for ${trigger}, numbers in the widget's locale and currency`, async () => {
      vi.stubGlobal('fetch', vi.fn(async () => respond(crmCsv, contentType)));
      const el = widget({ ...attributes, locale: 'de-DE', currency: 'EUR', 'field-map': CRM_MAP });
      const { loads } = await mount(el);
      expect(loads[0]!.detail.feed.accounts.map((a) => a.revenue)).toEqual([1234.5, 2000]);
      expect(loads[0]!.detail.feed.currency).toBe('EUR');
      el.remove();
    });

    it(`reads CSV for ${trigger} on <kam-feed>, with its locale and currency`, async () => {
      vi.stubGlobal('fetch', vi.fn(async () => respond(crmCsv, contentType)));
      const page = document.createElement('div');
      document.body.append(page);
      const feed = document.createElement('kam-feed');
      feed.id = 'csv-feed';
      for (const [name, value] of Object.entries({ ...attributes, locale: 'de-DE', currency: 'EUR', 'field-map': CRM_MAP })) feed.setAttribute(name, value);
      const { loads } = await mount(feed, page);
      const el = widget({ feed: 'csv-feed', locale: 'en-US' });
      await mount(el, page);
      expect(loads[0]!.detail.feed.accounts.map((a) => a.revenue)).toEqual([1234.5, 2000]);
      expect(text(el)).toContain('2 accounts, €3.23K');
      page.remove();
    });
  }

  it('without format, a JSON response is JSON; a changed locale does not fetch a JSON feed again', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(threeAccounts));
    vi.stubGlobal('fetch', fetchMock);
    const el = widget({ src: '/api/accounts', locale: 'en-US' });
    await mount(el);
    expect(text(el)).toContain('3 accounts, €1.25M');
    el.locale = 'de-DE';
    await el.updateComplete;
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(text(el)).toContain('3 accounts, 1,25 Mio. €');
    el.remove();
  });

  it('a changed locale reads a CSV feed again: "1.500" is 1.5 in en-US and 1500 in de-DE', async () => {
    const fetchMock = vi.fn(async () => respond('id,name,revenue\na,A,1.500\n', 'text/csv'));
    vi.stubGlobal('fetch', fetchMock);
    const el = widget({ src: '/api/accounts', locale: 'en-US' });
    const { loads } = await mount(el);
    expect(loads[0]!.detail.feed.accounts[0]!.revenue).toBe(1.5);
    el.locale = 'de-DE';
    await el.updateComplete;
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(loads[1]!.detail.feed.accounts[0]!.revenue).toBe(1500);
    el.remove();
  });

  it('names the row and column of a rejected cell in the skipped notice', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => respond('id,name,revenue\na,A,100\nb,B,50 %\n', 'text/csv')));
    const el = widget({ src: '/exports/a.csv', locale: 'en-US' });
    await mount(el);
    const notice = el.shadowRoot!.querySelector('[part=skipped-notice]')!;
    expect(notice.textContent).toContain('row 3, column "revenue": expected an amount in USD, not a percentage, got "50 %"');
    expect(text(el)).toContain('1 accounts, $100');
    el.remove();
  });

  it('an unknown format is an error that names the formats', async () => {
    const el = widget({ src: '/exports/a.xml', format: 'xml' });
    await mount(el);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain('format="xml" is not a feed format: use format="json" or format="csv"');
    el.remove();
  });
});

describe('element base: inline feed added after the element', () => {
  it('reads an inline <script type="application/json"> child that arrives later, and follows its changes', async () => {
    const el = widget({ locale: 'en-US' });
    await mount(el);
    expect(text(el)).toContain('No data yet');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = '[{ "id": "a", "name": "A", "revenue": 10 }]';
    el.append(script);
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(text(el)).toContain('1 accounts, $10');
    script.textContent = '[{ "id": "a", "name": "A", "revenue": 10 }, { "id": "b", "name": "B", "revenue": 5 }]';
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(text(el)).toContain('2 accounts, $15');
    el.remove();
  });
});

describe('element base: updateComplete and size', () => {
  it('a single await of updateComplete gives the size the container and the layout give', async () => {
    const box = document.createElement('div');
    box.style.cssText = 'width: 420px; height: 260px';
    // Padding: the first guess (the border box, at connect) is not the content box the observer reports.
    const el = widget({ locale: 'en-US', style: 'height: 100%; padding: 10px' });
    el.data = threeAccounts;
    box.append(el);
    document.body.append(box);
    await el.updateComplete;
    // Content box 400 x 240; the body paragraph (measured after it is drawn, like a plot area) is as wide.
    expect(text(el)).toContain('width 400, height 240, body 400');
    box.remove();
  });
});

describe('<kam-feed>: events and selection across refreshes', () => {
  const four = (ids: string[]) => ({ version: 1, accounts: ids.map((id, i) => ({ id, name: id.toUpperCase(), revenue: 100 - i })) });

  it('fires kam-load on a load, and kam-error marked stale on a failed background refresh', async () => {
    const responses = [jsonResponse(four(['a', 'b'])), new Response('down', { status: 503 }), jsonResponse(four(['a']))];
    vi.stubGlobal('fetch', vi.fn(async () => responses.shift()!));
    const feed = document.createElement('kam-feed');
    feed.src = '/feeds/live.json';
    feed.refresh = 3600;
    const { loads, errors } = await mount(feed);
    expect(loads.map((e) => e.detail.feed.accounts.length)).toEqual([2]);
    const loadedAt = feed.feedState.loadedAt;

    await feed.refreshNow();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.detail.stale).toBe(true);
    expect(errors[0]!.detail.loadedAt).toBe(loadedAt);
    expect(errors[0]!.detail.error.kind).toBe('http');
    expect(errors[0]!.detail.error.status).toBe(503);
    expect(feed.feedState.feed!.accounts).toHaveLength(2); // the last good feed stays

    await feed.refreshNow();
    expect(loads.map((e) => e.detail.feed.accounts.length)).toEqual([2, 1]);
    expect(errors).toHaveLength(1);
    expect(feed.feedState.stale).toBeUndefined();
    feed.remove();
  });

  it('a plain load error is not marked stale', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('gone', { status: 404 })));
    const feed = document.createElement('kam-feed');
    feed.src = '/feeds/gone.json';
    const { errors } = await mount(feed);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.detail.stale).toBeUndefined();
    feed.remove();
  });

  it('keeps the selected accounts still in the feed after refreshNow(), dropping only the one that went', async () => {
    const responses = [jsonResponse(four(['a', 'b', 'c', 'd'])), jsonResponse(four(['a', 'c', 'd']))];
    vi.stubGlobal('fetch', vi.fn(async () => responses.shift()!));
    const feed = document.createElement('kam-feed');
    feed.id = 'selection-feed';
    feed.src = '/feeds/live.json';
    await mount(feed);
    feed.selection = ['a', 'b', 'c'];
    const changes: string[][] = [];
    feed.addEventListener('kam-selection-change', (event) => changes.push(event.detail.ids));
    await feed.refreshNow();
    expect(feed.selection).toEqual(['a', 'c']);
    expect(changes).toEqual([['a', 'c']]);
    feed.remove();
  });
});
