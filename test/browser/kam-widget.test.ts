import { describe, expect, it } from 'vitest';
import { expect as wcExpect, fixture, html, oneEvent } from '@open-wc/testing';
import '../support/test-chart.js';
import '../../src/components/feed/define.js';
import type { TestChart } from '../support/test-chart.js';
import type { KamFeed } from '../../src/components/feed/kam-feed.js';
import { threeAccounts } from '../support/fixtures.js';

/** The files `run` saves through download links (the links are not followed: no download in the test browser). */
async function filesSaved(run: () => Promise<void>): Promise<Blob[]> {
  const saved: Blob[] = [];
  const blobs = new Map<string, Blob>();
  const { createObjectURL } = URL;
  const { click } = HTMLAnchorElement.prototype;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = createObjectURL(blob);
    blobs.set(url, blob as Blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download && blobs.has(this.href)) saved.push(blobs.get(this.href)!);
  };
  try {
    await run();
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
  return saved;
}

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const cellsOfColumn = (el: HTMLElement, column: number) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.children[column]!.textContent!.replace(/\s+/g, ' ').trim());

describe('widget frame: table view', () => {
  it('toggles a sortable table of the same data, accessible in both views', async () => {
    const el = await fixture<TestChart>(html`<test-chart locale="en-US" .data=${threeAccounts}></test-chart>`);
    await wcExpect(el).to.be.accessible();
    const toggle = part(el, 'view-toggle');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    await el.updateComplete;
    expect(el.view).toBe('table');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(el.shadowRoot!.querySelector('svg.chart')).toBeNull();
    expect(el.shadowRoot!.querySelector('caption')!.textContent).toBe('3 accounts');
    expect(cellsOfColumn(el, 0)).toEqual(['Acme', 'Bolt & Sons', 'Cobalt']);

    const revenueHeader = el.shadowRoot!.querySelectorAll('thead th')[1]!;
    revenueHeader.querySelector('button')!.click(); // numbers sort descending first
    await el.updateComplete;
    expect(revenueHeader.getAttribute('aria-sort')).toBe('descending');
    expect(cellsOfColumn(el, 1)).toEqual(['€1,000,000', '€200,000', '€50,000']);
    revenueHeader.querySelector('button')!.click();
    await el.updateComplete;
    expect(revenueHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(cellsOfColumn(el, 1)).toEqual(['€50,000', '€200,000', '€1,000,000']);
    await wcExpect(el).to.be.accessible();
  });

  it('shows the first rows of a long table and more on request', async () => {
    const accounts = Array.from({ length: 250 }, (_, i) => ({ id: `a${i}`, name: `Account ${i}`, revenue: i }));
    const el = await fixture<TestChart>(html`<test-chart view="table" .data=${accounts}></test-chart>`);
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(100);
    expect(el.shadowRoot!.querySelector('.table-more')!.textContent).toContain('Showing 100 of 250 rows.');
    part(el, 'show-more').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(250);
    expect(el.shadowRoot!.querySelector('.table-more')).toBeNull();
  });
});

describe('widget frame: export', () => {
  it('writes CSV with a BOM, quoting, CRLF and a formula guard on text, numbers unformatted', async () => {
    const data = [
      { id: 'a', name: 'Acme, "Intl"', revenue: 1250.5 },
      { id: 'b', name: '=HYPERLINK("http://x")', revenue: 3 },
      { id: 'c', name: '@SUM(A1)', revenue: 0 },
      { id: 'd', name: 'Ünïcødé GmbH', revenue: 7 },
    ];
    const el = await fixture<TestChart>(html`<test-chart .data=${data}></test-chart>`);
    expect(el.toCSV()).toBe(
      '\uFEFFid,name,revenue\r\n' +
        'a,"Acme, ""Intl""",1250.5\r\n' +
        `b,"'=HYPERLINK(""http://x"")",3\r\n` +
        "c,'@SUM(A1),0\r\n" +
        'd,Ünïcødé GmbH,7\r\n',
    );
  });

  it('exports a standalone SVG with resolved theme colours and without focus rings, also from the table view', async () => {
    const el = await fixture<TestChart>(html`<test-chart theme="dark" view="table" .data=${threeAccounts}></test-chart>`);
    const text = await el.toSVG();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.querySelector('title')!.textContent).toBe('3 accounts');
    expect(root.querySelectorAll('rect.bar, rect[class]')).toHaveLength(0); // classes are inlined away
    expect(root.querySelectorAll('rect')).toHaveLength(4); // background + 3 bars, no focus ring
    expect(root.querySelector('rect')!.getAttribute('fill')).toBe('#0d1117'); // the dark --kam-bg
    expect(el.view).toBe('table');
  });

  it('opens the export menu as a disclosure and closes it with Escape', async () => {
    const el = await fixture<TestChart>(html`<test-chart .data=${threeAccounts}></test-chart>`);
    const button = part(el, 'export-button');
    expect(part(el, 'export-menu').hidden).toBe(true);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(part(el, 'export-menu').hidden).toBe(false);
    await wcExpect(el).to.be.accessible();
    part(el, 'export-item').focus();
    part(el, 'export-item').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(part(el, 'export-menu').hidden).toBe(true);
    expect(el.shadowRoot!.activeElement).toBe(button);
  });

  it('makes a PNG of the chart at twice its size', async () => {
    const el = await fixture<TestChart>(html`<test-chart .data=${threeAccounts}></test-chart>`);
    const png = await el.toPNG();
    expect(png.type).toBe('image/png');
    const bitmap = await createImageBitmap(png);
    expect([bitmap.width, bitmap.height]).toEqual([400, 200]);
  });

  it('makes the same PNG from the table view, drawn, and stays on the table', async () => {
    const el = await fixture<TestChart>(html`<test-chart view="table" .data=${threeAccounts}></test-chart>`);
    const png = await el.toPNG();
    const bitmap = await createImageBitmap(png);
    expect([bitmap.width, bitmap.height]).toEqual([400, 200]);
    // The first bar (x 0-15, y 10-90 at 1x) is painted: not the white background.
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    expect([...context.getImageData(10, 100, 1, 1).data]).not.toEqual([255, 255, 255, 255]);
    expect([...context.getImageData(300, 100, 1, 1).data]).toEqual([255, 255, 255, 255]);
    expect(el.view).toBe('table');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('svg.chart')).toBeNull();
    expect(el.shadowRoot!.querySelector('table')).not.toBeNull();
  });

  it('saves the PNG from the table view through the export menu, and says so', async () => {
    const el = await fixture<TestChart>(html`<test-chart view="table" .data=${threeAccounts}></test-chart>`);
    const saved = await filesSaved(() => el.download('png'));
    await el.updateComplete;
    expect(saved.map((blob) => blob.type)).toEqual(['image/png']);
    const bitmap = await createImageBitmap(saved[0]!);
    expect([bitmap.width, bitmap.height]).toEqual([400, 200]);
    expect(el.shadowRoot!.querySelector('[part~="export-message"]')).toBeNull();
    expect(el.shadowRoot!.querySelector('[aria-live]')!.textContent).toMatch(/^Saved test-chart-\d{4}-\d{2}-\d{2}\.png\.$/);
  });
});

describe('widget frame: PNG export of a chart that is not laid out', () => {
  it('says it cannot draw it and saves nothing, instead of a blank 1 x 1 image', async () => {
    const box = await fixture<HTMLDivElement>(html`<div hidden><test-chart .data=${threeAccounts}></test-chart></div>`);
    const el = box.querySelector('test-chart')!;
    await el.updateComplete;
    const saved = await filesSaved(() => el.download('png'));
    await el.updateComplete;
    expect(saved).toEqual([]);
    expect(el.shadowRoot!.querySelector('[part~="export-message"]')!.textContent).toBe(
      'PNG export needs the chart on screen: it has no size now (is the widget hidden?). Nothing was saved.',
    );
  });
});

describe('widget frame: selection', () => {
  it('click selects, Shift extends, a repeated click clears, Escape clears; each fires kam-select', async () => {
    const el = await fixture<TestChart>(html`<test-chart .data=${threeAccounts}></test-chart>`);
    const details: { ids: string[]; source: string; names: string[] }[] = [];
    el.addEventListener('kam-select', (e) => details.push({ ids: e.detail.ids, source: e.detail.source, names: e.detail.accounts.map((a) => a.name) }));
    el.pick('a');
    el.pick('c', true);
    expect(el.selection).toEqual(['a', 'c']);
    el.pick('c', true);
    el.pick('a');
    await el.updateComplete;
    el.pick('b');
    await el.updateComplete;
    expect(part(el, 'clear-selection').textContent).toContain('Clear selection (1)');
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await el.updateComplete;
    expect(details).toEqual([
      { ids: ['a'], source: 'test-chart', names: ['Acme'] },
      { ids: ['a', 'c'], source: 'test-chart', names: ['Acme', 'Cobalt'] },
      { ids: ['a'], source: 'test-chart', names: ['Acme'] },
      { ids: [], source: 'test-chart', names: [] },
      { ids: ['b'], source: 'test-chart', names: ['Bolt & Sons'] },
      { ids: [], source: 'test-chart', names: [] },
    ]);
    expect(el.shadowRoot!.querySelector('[part~="clear-selection"]')).toBeNull();
  });

  it('shares the selection through a kam-feed: a click in one widget selects in the other', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <kam-feed id="shared-sel" .data=${threeAccounts}></kam-feed>
      <test-chart id="one" feed="shared-sel"></test-chart>
      <test-chart id="two" feed="shared-sel" view="table"></test-chart>
    </div>`);
    const feed = page.querySelector<KamFeed>('kam-feed')!;
    const [one, two] = [...page.querySelectorAll<TestChart>('test-chart')];
    await Promise.all([one!.updateComplete, two!.updateComplete]);
    const changed = oneEvent(feed, 'kam-selection-change');
    one!.pick('b');
    const event = await changed;
    expect(event.detail).toMatchObject({ ids: ['b'], source: 'test-chart' });
    await two!.updateComplete;
    expect(two!.selection).toEqual(['b']);
    expect(two!.shadowRoot!.querySelector('tr.selected th')!.textContent).toContain('Bolt & Sons');
    feed.selection = [];
    await two!.updateComplete;
    expect(two!.shadowRoot!.querySelector('tr.selected')).toBeNull();
  });

  it('keeps the selected accounts that are still there when the feed changes', async () => {
    const feed = await fixture<KamFeed>(html`<kam-feed id="keep-sel" .data=${threeAccounts}></kam-feed>`);
    feed.selection = ['a', 'c'];
    feed.data = { version: 1, accounts: [{ id: 'c', name: 'Cobalt', revenue: 1 }, { id: 'd', name: 'D', revenue: 2 }] };
    await feed.updateComplete;
    expect(feed.selection).toEqual(['c']);
  });
});
