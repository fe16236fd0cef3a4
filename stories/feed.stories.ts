/**
 * <kam-feed>: one feed, fetched once, shared by every widget that names it, with one selection. It draws
 * nothing itself, so each story shows widgets linked to it. Every story runs as a test in `npm test`
 * (the a11y addon fails it on any violation); the play functions check loading, filtering, errors and
 * the shared selection. Feed ids are unique per story: the docs page renders all of them at once.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/index.js';
import type { KamFeed, KamSelectDetail } from '../src/index.js';
import type { KamWidget } from '../src/internal/kam-widget.js';
import { linkedWidgets } from './docs/dashboard.js';

type Args = {
  src?: string;
  format?: 'json' | 'csv';
  'field-map'?: string;
  locale?: string;
  currency?: string;
  filter?: string;
  refresh?: number;
  timeout: number;
  credentials: RequestCredentials;
  data?: unknown;
};

/**
 * A fresh feed id for each render: the docs page shows the primary story twice (on top and in the list),
 * and widgets find their feed by id.
 */
let renders = 0;
const feedId = (name: string) => `${name}-${++renders}`;

/** The feed element of a story and the widgets linked to it. */
const feedIn = (canvas: HTMLElement) => canvas.querySelector<KamFeed>('kam-feed')!;
const widget = (canvas: HTMLElement, tag: string) => canvas.querySelector<KamWidget<unknown>>(tag)!;
const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const textOf = (el: HTMLElement, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const feedTag = (id: string, args: Args): TemplateResult => html`<kam-feed
  id=${id}
  src=${args.src ?? nothing}
  format=${args.format ?? nothing}
  field-map=${args['field-map'] ?? nothing}
  locale=${args.locale ?? nothing}
  currency=${args.currency ?? nothing}
  filter=${args.filter ?? nothing}
  refresh=${args.refresh ?? nothing}
  timeout=${args.timeout}
  credentials=${args.credentials}
  .data=${args.data}
></kam-feed>`;

/** A Pareto chart and a scorecard on the feed: enough to see what the feed shares. */
const twoWidgets = (id: string) => html`<div class="sb-dashboard">
  <kam-pareto feed=${id}></kam-pareto>
  <kam-tier-matrix feed=${id}></kam-tier-matrix>
</div>`;

const meta: Meta<Args> = {
  title: 'Widgets/kam-feed',
  component: 'kam-feed',
  tags: ['autodocs'],
  args: { src: './sample-feed.json', timeout: 15000, credentials: 'same-origin' },
  argTypes: {
    src: { control: 'text' },
    format: { control: 'inline-radio', options: ['json', 'csv'] },
    'field-map': { control: 'text' },
    locale: { control: 'select', options: ['en-US', 'de-DE', 'fr-FR', 'en-IN'] },
    currency: { control: 'select', options: ['USD', 'EUR', 'GBP', 'INR'] },
    filter: { control: 'text' },
    refresh: { control: 'number' },
    timeout: { control: 'number' },
    credentials: { control: 'inline-radio', options: ['same-origin', 'include', 'omit'] },
    data: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Widgets name the feed with `feed="ID"`: the feed is fetched and validated once for the page, and a selection made in any linked widget is the selection of all of them. Its inputs, in order: the `data` property, `src`, an inline `<script type="application/json">` child.',
      },
    },
  },
  render: (args) => {
    const id = feedId('feed-linked');
    return html`${feedTag(id, args)}${linkedWidgets(id)}`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const LinkedWidgets: Story = {
  name: 'Linked widgets',
  play: async ({ canvasElement }) => {
    const feed = feedIn(canvasElement);
    const pareto = widget(canvasElement, 'kam-pareto');
    const matrix = widget(canvasElement, 'kam-tier-matrix');
    await waitFor(() => expect(feed.feedState.status).toBe('ready'), { timeout: 10000 });
    await waitFor(() => expect(textOf(pareto, 'summary')).toMatch(/ of 250 accounts /));

    // A selection in the Pareto chart is the feed's selection, shown by every linked widget.
    const changes: string[][] = [];
    feed.addEventListener('kam-selection-change', (e) => changes.push(e.detail.ids));
    part(pareto, 'plot')!.focus();
    await userEvent.keyboard('{ArrowRight}{Enter}');
    await waitFor(() => expect(feed.selection).toHaveLength(1));
    expect(changes.at(-1)).toEqual([...feed.selection]);
    await waitFor(() => expect(textOf(matrix, 'clear-selection')).toBe('Clear selection (1)'));
    await waitFor(() => expect(textOf(widget(canvasElement, 'kam-quadrant'), 'clear-selection')).toBe('Clear selection (1)'));

    // One Escape clears it everywhere.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(feed.selection).toEqual([]));
    await waitFor(() => expect(part(matrix, 'clear-selection')).toBeNull());
  },
};

export const Filter: Story = {
  args: { filter: 'segment:Corporate' },
  render: (args) => {
    const id = feedId('feed-filter');
    return html`${feedTag(id, args)}${twoWidgets(id)}`;
  },
  play: async ({ canvasElement }) => {
    const pareto = widget(canvasElement, 'kam-pareto');
    // The sample feed has 36 Corporate accounts of 250.
    await waitFor(() => expect(textOf(pareto, 'summary')).toMatch(/ of 36 accounts /), { timeout: 10000 });
    expect(feedIn(canvasElement).feedState.feed?.accounts).toHaveLength(36);
  },
};

export const FilterMatchesNothing: Story = {
  name: 'Filter that matches nothing',
  args: { filter: 'region:Antarctica' },
  render: (args) => {
    const id = feedId('feed-filter-none');
    return html`${feedTag(id, args)}${twoWidgets(id)}`;
  },
  play: async ({ canvasElement }) => {
    const pareto = widget(canvasElement, 'kam-pareto');
    await waitFor(() => expect(part(pareto, 'state-empty')).not.toBeNull(), { timeout: 10000 });
    expect(textOf(pareto, 'state-empty')).toContain('region:Antarctica');
  },
};

export const InvalidFeed: Story = {
  name: 'Invalid feed (error state)',
  args: { src: undefined, data: { version: 2, accounts: 'none' } },
  render: (args) => {
    const id = feedId('feed-invalid');
    return html`${feedTag(id, args)}${twoWidgets(id)}`;
  },
  play: async ({ canvasElement }) => {
    const feed = feedIn(canvasElement);
    await waitFor(() => expect(feed.feedState.status).toBe('error'));
    expect(feed.feedState.error?.problems.map((p) => p.path)).toEqual(['version', 'accounts']);
    // Every linked widget shows the same problems, by path.
    for (const tag of ['kam-pareto', 'kam-tier-matrix']) {
      await waitFor(() => expect(textOf(widget(canvasElement, tag), 'state-error')).toContain('version: expected 1 (the only feed version), got 2'));
      expect(textOf(widget(canvasElement, tag), 'state-error')).toContain('accounts: expected an array of accounts, got "none"');
    }
  },
};

export const NetworkError: Story = {
  name: 'Network error',
  // Port 9 (discard) on this machine: refused at once, no outside host is asked.
  args: { src: 'http://127.0.0.1:9/accounts.json', timeout: 3000 },
  render: (args) => {
    const id = feedId('feed-network');
    return html`${feedTag(id, args)}${twoWidgets(id)}`;
  },
  play: async ({ canvasElement }) => {
    const feed = feedIn(canvasElement);
    await waitFor(() => expect(feed.feedState.status).toBe('error'), { timeout: 8000 });
    expect(feed.feedState.error?.retryable).toBe(true);
    await waitFor(() => expect(part(widget(canvasElement, 'kam-pareto'), 'retry-button')).not.toBeNull());
  },
};

export const InlineJson: Story = {
  name: 'Inline JSON child',
  args: { src: undefined },
  render: () => html`<kam-feed id="feed-inline"
      ><script type="application/json">
        [
          { "id": "A-1", "name": "Acme GmbH", "revenue": 1250000, "profit": 180000 },
          { "id": "A-2", "name": "Borealis AB", "revenue": 420000, "profit": -12000 },
          { "id": "A-3", "name": "Cobalt Ltd", "revenue": 90000, "potential": 400000 }
        ]
      </script></kam-feed
    >${twoWidgets('feed-inline')}`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(textOf(widget(canvasElement, 'kam-pareto'), 'summary')).toMatch(/ of 3 accounts /));
  },
};

/** A CRM export as it comes: German number format, the CRM's column names, one bad cell. */
const CRM_EXPORT = `AccountId,Account Name,Annual Revenue,Profit
A-1,Acme GmbH,"1.250.000,00 €","180.000"
A-2,Borealis AB,"420.000,50 €","-12.000"
A-3,Cobalt Ltd,"90.000 €","15.000"
A-4,Delta Oy,12k,`;

export const CsvWithFieldMap: Story = {
  name: 'CSV export with a field map',
  args: {
    src: undefined,
    data: CRM_EXPORT,
    format: 'csv',
    locale: 'de-DE',
    currency: 'EUR',
    'field-map': 'id=AccountId,name=Account Name,revenue=Annual Revenue,profit=Profit',
  },
  render: (args) => {
    const id = feedId('feed-csv');
    return html`${feedTag(id, args)}${twoWidgets(id)}`;
  },
  play: async ({ canvasElement }) => {
    const pareto = widget(canvasElement, 'kam-pareto');
    await waitFor(() => expect(textOf(pareto, 'summary')).toMatch(/ of 3 accounts /));
    expect(feedIn(canvasElement).feedState.feed?.currency).toBe('EUR');
    expect(feedIn(canvasElement).feedState.feed?.accounts.map((a) => a.revenue)).toEqual([1250000, 420000.5, 90000]);
    // The bad cell is named the way the export names it: row and column.
    expect(textOf(pareto, 'skipped-notice')).toContain('row 5, column "Annual Revenue"');
  },
};

export const HostSetsSelection: Story = {
  name: 'Selection set by the host page',
  args: { src: undefined, data: undefined },
  render: () => {
    const accounts = [
      { id: 'A-1', name: 'Acme GmbH', revenue: 1250000, profit: 180000, segment: 'Enterprise' },
      { id: 'A-2', name: 'Borealis AB', revenue: 420000, profit: -12000, segment: 'Corporate' },
      { id: 'A-3', name: 'Cobalt Ltd', revenue: 90000, potential: 400000, segment: 'SMB' },
    ];
    const select = (ids: string[]) => {
      document.querySelector<KamFeed>('#feed-host')!.selection = ids;
    };
    const log = (event: CustomEvent<KamSelectDetail>) => {
      document.querySelector('#feed-host-log')!.textContent = `kam-selection-change from <${event.detail.source}>: [${event.detail.ids.join(', ')}]`;
    };
    return html`<kam-feed id="feed-host" .data=${accounts} @kam-selection-change=${log}></kam-feed>
      <div class="sb-host-controls">
        <button type="button" @click=${() => select(['A-1', 'A-2'])}>Select Acme and Borealis</button>
        <button type="button" @click=${() => select([])}>Clear the selection</button>
      </div>
      <p><output id="feed-host-log" aria-live="polite">No selection yet.</output></p>
      ${twoWidgets('feed-host')}`;
  },
  play: async ({ canvasElement }) => {
    const pareto = widget(canvasElement, 'kam-pareto');
    await waitFor(() => expect(textOf(pareto, 'summary')).toMatch(/ of 3 accounts /));
    await userEvent.click(canvasElement.querySelector<HTMLButtonElement>('.sb-host-controls button')!);
    await waitFor(() => expect(textOf(pareto, 'clear-selection')).toBe('Clear selection (2)'));
    expect(canvasElement.querySelector('#feed-host-log')!.textContent).toBe('kam-selection-change from <kam-feed>: [A-1, A-2]');
    await userEvent.click(canvasElement.querySelectorAll<HTMLButtonElement>('.sb-host-controls button')[1]!);
    await waitFor(() => expect(part(pareto, 'clear-selection')).toBeNull());
  },
};
