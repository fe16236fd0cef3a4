/**
 * <kam-scorecard>: the KPI scorecard. Each story runs as a test in `npm test`, with the a11y addon
 * failing on any violation; the play functions check keyboard navigation, the detail and kam-kpi-select.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/scorecard/define.js';
import '../src/components/feed/define.js';
import type { KamScorecard } from '../src/components/scorecard/kam-scorecard.js';
import type { KamFeed } from '../src/components/feed/kam-feed.js';
import type { KamKpiSelectDetail } from '../src/internal/events.js';
import { generateSampleFeed } from '../src/analysis/index.js';

type Args = {
  theme: string;
  locale: string;
  compact: boolean;
  kpis?: string;
  targets?: string;
  tolerance: number;
  filter?: string;
  'sales-cycle-months'?: number;
  readiness?: string;
};

const TARGETS = 'revenue-growth:0.08,retention:0.97,churn:0.02,nrr:1.1,nps:20,csat:0.6,upsell:0.4,referenceable:0.2';

const meta: Meta<Args> = {
  title: 'Widgets/kam-scorecard',
  component: 'kam-scorecard',
  tags: ['autodocs'],
  args: { theme: 'light', locale: 'en-US', compact: false, tolerance: 0.05 },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'select', options: ['en-US', 'de-DE', 'fr-FR', 'ja-JP'] },
  },
  render: (args) => scorecard(args, { src: './sample-feed.json' }),
};
export default meta;

type Story = StoryObj<Args>;

function scorecard(args: Args, input: { src?: string; data?: unknown; feed?: string }) {
  return html`<kam-scorecard
    theme=${args.theme}
    locale=${args.locale}
    ?compact=${args.compact}
    kpis=${ifDefined(args.kpis)}
    targets=${ifDefined(args.targets)}
    tolerance=${args.tolerance}
    filter=${ifDefined(args.filter)}
    sales-cycle-months=${ifDefined(args['sales-cycle-months'])}
    readiness=${ifDefined(args.readiness)}
    src=${ifDefined(input.src)}
    feed=${ifDefined(input.feed)}
    .data=${input.data}
  ></kam-scorecard>`;
}

const element = (canvas: HTMLElement) => canvas.querySelector<KamScorecard>('kam-scorecard')!;
const shadowText = (canvas: HTMLElement) => element(canvas)?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const tiles = (canvas: HTMLElement) => [...(element(canvas)?.shadowRoot?.querySelectorAll<HTMLElement>('[part~="tile"]') ?? [])];
const ready = (count: number) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await waitFor(() => expect(tiles(canvasElement)).toHaveLength(count), { timeout: 5000 });
};

/** The bundled sample feed (250 accounts, eight quarters of history): every KPI is derived from the accounts, key-account ROI included; no targets yet. */
export const Default: Story = { play: ready(11) };

/** With history: each KPI of 2026-Q2, by the same definition, is the previous value (the change) and the sparkline runs over the quarters. */
export const WithHistory: Story = {
  args: { targets: TARGETS },
  play: async (context) => {
    await ready(11)(context);
    await waitFor(() => expect(element(context.canvasElement).shadowRoot!.querySelectorAll('[part~="tile-change"]')).toHaveLength(11));
    await expect(element(context.canvasElement).shadowRoot!.querySelectorAll('[part~="sparkline"]')).toHaveLength(11);
  },
};

const withoutHistory = (() => {
  const feed = generateSampleFeed({ count: 60 });
  return { ...feed, accounts: feed.accounts.map(({ history: _history, ...account }) => account) };
})();

/** Without history: no change on the tiles, one line names the KPIs that lack it. */
export const WithoutHistory: Story = {
  render: (args) => scorecard(args, { data: withoutHistory }),
  play: async (context) => {
    // Growth, retention, churn and NRR need a previous period: not available at all (ROI needs none).
    await ready(7)(context);
    await expect(shadowText(context.canvasElement)).toContain('No history: the feed gives no earlier period');
    await expect(element(context.canvasElement).shadowRoot!.querySelectorAll('[part~="tile-change"]')).toHaveLength(0);
  },
};

/** `tier-goals="MVC:45,MGC:45"` by 2027-Q2: a tile per goal with the count now, by quarter, and whether the trend reaches it in time. */
export const WithGoals: Story = {
  args: { kpis: 'revenue-growth,retention,nps' },
  render: (args) => html`<kam-scorecard theme=${args.theme} locale=${args.locale} kpis=${ifDefined(args.kpis)} tier-goals="MVC:45,MGC:45" goal-period="2027-Q2" src="./sample-feed.json"></kam-scorecard>`,
  play: async (context) => {
    await ready(5)(context);
    await expect(shadowText(context.canvasElement)).toContain('MVC accounts');
    await expect(shadowText(context.canvasElement)).toMatch(/to go by 2027-Q2|already met/);
  },
};

/** Targets from the `targets` attribute: each tile says on track, at risk or off track, with an icon. */
export const WithTargets: Story = {
  args: { targets: TARGETS },
  play: async (context) => {
    await ready(11)(context);
    await expect(shadowText(context.canvasElement)).toMatch(/on track, \d+ at risk|on track/);
  },
};

const overrides = {
  ...generateSampleFeed({ count: 60 }),
  kpis: [
    { id: 'nps', value: 32, previous: 27, target: 40, history: [18, 22, 27, 32] },
    { id: 'churn', value: 0.021, previous: 0.028, target: 0.02, history: [0.035, 0.031, 0.028, 0.021] },
    { id: 'csat', value: 0.78, previous: 0.81, target: 0.8, history: [0.74, 0.79, 0.81, 0.78] },
    { id: 'pipeline-coverage', label: 'Pipeline coverage', value: 3.1, previous: 2.8, target: 3, unit: 'number', history: [2.4, 2.6, 2.8, 3.1] },
  ],
};

/** KPI overrides in the feed win over the derived KPIs and bring previous values (the change) and history (the sparkline). */
export const FeedOverrides: Story = {
  args: { kpis: 'nps,churn,csat,pipeline-coverage,revenue-growth' },
  render: (args) => scorecard(args, { data: overrides }),
  play: ready(5),
};

/** `compact`: a one-line strip of small tiles for a CRM sidebar; it wraps when the KPIs do not fit in one line. */
export const Compact: Story = {
  args: { compact: true, targets: TARGETS },
  play: ready(11),
};

/** The compact strip in a 300 px sidebar. */
export const CompactSidebar: Story = {
  args: { compact: true, targets: TARGETS, kpis: 'nps,churn,retention,csat' },
  decorators: [(story) => html`<div style="width: 300px">${story()}</div>`],
  play: ready(4),
};

const missingInputs = {
  version: 1,
  currency: 'EUR',
  accounts: [
    { id: 'a', name: 'Acme', revenue: 120000, previousRevenue: 100000 },
    { id: 'b', name: 'Bolt', revenue: 80000, previousRevenue: 0 },
    { id: 'c', name: 'Cobalt', revenue: 50000, previousRevenue: 0 },
    { id: 'd', name: 'Delta', revenue: 20000 },
  ],
};

/** No survey fields, previousRevenue 0 for some accounts: KPIs without inputs say "Not available" and why, never 0. */
export const MissingInputs: Story = {
  args: { kpis: 'revenue-growth,retention,nps,csat,clv,upsell,referenceable,top20-share' },
  render: (args) => scorecard(args, { data: missingInputs }),
  play: async (context) => {
    await ready(8)(context);
    await expect(shadowText(context.canvasElement)).toContain('No account has an NPS answer (nps).');
  },
};

/** By default only the available KPIs get tiles; the others are named below with the reason. */
export const MissingInputsDefault: Story = {
  render: (args) => scorecard(args, { data: missingInputs }),
  play: async (context) => {
    await ready(5)(context);
    await expect(shadowText(context.canvasElement)).toContain('Not shown, not available from this data');
  },
};

/** A feed with no accounts but KPIs measured elsewhere: the scorecard shows those KPIs. */
export const OverridesOnly: Story = {
  render: (args) => scorecard(args, { data: { version: 1, accounts: [], kpis: overrides.kpis } }),
  play: async (context) => {
    await ready(4)(context);
    await expect(shadowText(context.canvasElement)).toContain('KPIs reported in the feed');
  },
};

/** `filter="segment:Corporate"`: the KPIs are derived from that segment's accounts only. */
export const Filtered: Story = {
  args: { filter: 'segment:Corporate', targets: TARGETS },
  play: async (context) => {
    await ready(11)(context);
    await expect(shadowText(context.canvasElement)).toContain('KPIs of 36 accounts in segment Corporate');
  },
};

/** `tolerance="0.2"`: a KPI up to 20% of its target short of it is at risk rather than off track. */
export const WideTolerance: Story = {
  args: { targets: TARGETS, tolerance: 0.2 },
  play: ready(11),
};

/** Linked to a <kam-feed>: with accounts selected (in any linked widget) it shows their KPIs and says so. */
export const SelectedAccounts: Story = {
  render: (args) => html`<kam-feed id="scorecard-story-feed" src="./sample-feed.json"></kam-feed>${scorecard(args, { feed: 'scorecard-story-feed' })}`,
  play: async (context) => {
    await ready(11)(context);
    const feed = context.canvasElement.querySelector<KamFeed>('kam-feed')!;
    feed.selection = ['ACC-00001', 'ACC-00002', 'ACC-00003'];
    await waitFor(() => expect(shadowText(context.canvasElement)).toContain('KPIs of 3 selected accounts'));
  },
};

export const Dark: Story = { args: { theme: 'dark', targets: TARGETS }, play: ready(11) };

export const Narrow: Story = {
  args: { targets: TARGETS },
  decorators: [(story) => html`<div style="width: 300px">${story()}</div>`],
  play: ready(11),
};

const large = generateSampleFeed({ count: 20000 });

/** 20,000 accounts. */
export const LargeFeed: Story = { args: { targets: TARGETS }, render: (args) => scorecard(args, { data: large }), play: ready(11) };

/** The feed is still loading: a quiet skeleton and "Loading accounts…" (this story holds its request open). */
export const Loading: Story = {
  render: (args) => html`<kam-scorecard theme=${args.theme} locale=${args.locale} src="./pending-feed.json" timeout="600000"></kam-scorecard>`,
  beforeEach: () => {
    const original = globalThis.fetch;
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith('pending-feed.json')) return original(input, init);
      // Never answers; gives up only when the element aborts the request.
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    };
    return () => {
      globalThis.fetch = original;
    };
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('Loading accounts'));
    await expect(element(canvasElement).getAttribute('aria-busy')).toBe('true');
  },
};

const skipped = {
  ...generateSampleFeed({ count: 60 }),
  kpis: [
    { id: 'nps', value: 32, previous: 27, target: 40 },
    { id: 'csat', value: '78%' },
  ],
};
skipped.accounts = [
  ...skipped.accounts,
  { id: 'BROKEN-1', name: 'Negative revenue Ltd', revenue: -1200 },
  { id: 'BROKEN-2', name: 'No revenue field GmbH' },
  { id: '', name: 'Missing id Inc.', revenue: 5000 },
] as typeof skipped.accounts;

/** Accounts and KPI entries that break the contract are skipped and listed with the reason; the KPIs come from the rest. The notices stay in the table view. */
export const SkippedEntries: Story = {
  render: (args) => scorecard(args, { data: skipped }),
  play: async (context) => {
    await ready(11)(context);
    const text = shadowText(context.canvasElement);
    await expect(text).toContain('3 accounts skipped');
    await expect(text).toContain('1 KPI skipped');
  },
};

export const Empty: Story = {
  render: (args) => scorecard(args, { data: { version: 1, accounts: [] } }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('No accounts to show'));
  },
};

export const InvalidFeed: Story = {
  render: (args) => scorecard(args, { data: { version: 2, accounts: 'none' } }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('This feed cannot be shown'));
  },
};

export const NetworkError: Story = {
  render: (args) => scorecard(args, { src: 'http://127.0.0.1:9/feed.json' }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('The feed could not be loaded'), { timeout: 10000 });
  },
};

/** Tab to the tiles, move with the arrow keys, Enter opens the detail with the history table, Escape closes it. */
export const KeyboardNavigation: Story = {
  args: { targets: TARGETS },
  play: async (context) => {
    await ready(11)(context);
    const el = element(context.canvasElement);
    const plot = el.shadowRoot!.querySelector<HTMLElement>('[part~="plot"]')!;
    plot.focus();
    await waitFor(() => expect(el.shadowRoot!.querySelector('.tile.focused')?.getAttribute('data-id')).toBe('revenue-growth'));
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(el.shadowRoot!.querySelector('.tile.focused')?.getAttribute('data-id')).toBe('retention'));
    await userEvent.keyboard('{ArrowLeft}{Enter}');
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="detail"] caption')?.textContent).toContain('Revenue growth by period'));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="detail"]')).toBeNull());
  },
};

/** Clicking a tile fires kam-kpi-select with { id, value, target, status }. */
export const ClickToDrillDown: Story = {
  args: { targets: TARGETS },
  play: async (context) => {
    await ready(11)(context);
    const el = element(context.canvasElement);
    const events: KamKpiSelectDetail[] = [];
    el.addEventListener('kam-kpi-select', (e) => events.push(e.detail));
    await userEvent.click(tiles(context.canvasElement)[2]!);
    await expect(events).toHaveLength(1);
    await expect(events[0]).toMatchObject({ id: 'churn', target: 0.02, status: 'on-track' });
  },
};

/** The detail of a tile (Enter or click): definition, formula, base, previous value, target rule and history table. */
export const DetailOpen: Story = {
  args: { targets: TARGETS },
  play: async (context) => {
    await ready(11)(context);
    tiles(context.canvasElement)[0]!.click();
    await waitFor(() => expect(element(context.canvasElement).shadowRoot!.querySelector('[part~="detail"] table')).not.toBeNull());
  },
};

const readinessLine = (canvas: HTMLElement) => element(canvas)?.shadowRoot?.querySelector('[part~="readiness-summary"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The KAM readiness check under the headline, opened: the verdict and the three answers with their figures (`sales-cycle-months="9"`). */
export const Readiness: Story = {
  args: { 'sales-cycle-months': 9 },
  play: async (context) => {
    await waitFor(() => expect(readinessLine(context.canvasElement)).toMatch(/KAM readiness: /), { timeout: 5000 });
    const summary = element(context.canvasElement).shadowRoot!.querySelector<HTMLElement>('[part~="readiness-summary"]')!;
    await userEvent.click(summary);
    await waitFor(() => expect(element(context.canvasElement).shadowRoot!.querySelectorAll('[part~="readiness"] li')).toHaveLength(3));
  },
};

/** Without `sales-cycle-months` the sales-cycle answer is unknown, and the verdict may wait for it. */
export const ReadinessWithoutSalesCycle: Story = {
  play: async (context) => {
    await waitFor(() => expect(readinessLine(context.canvasElement)).toMatch(/KAM readiness: /), { timeout: 5000 });
  },
};

/** `readiness="false"` hides the check. */
export const ReadinessHidden: Story = {
  args: { readiness: 'false' },
  play: async (context) => {
    await ready(11)(context);
    await expect(element(context.canvasElement).shadowRoot!.querySelector('[part~="readiness"]')).toBeNull();
  },
};

/** On a phone (280 px): the readiness line without the count, one line. */
export const ReadinessNarrow: Story = {
  args: { 'sales-cycle-months': 9 },
  render: (args) => html`<div style="width: 280px">${scorecard(args, { src: './sample-feed.json' })}</div>`,
  play: async (context) => {
    await waitFor(() => expect(readinessLine(context.canvasElement)).toMatch(/KAM readiness: /), { timeout: 5000 });
  },
};

/** The key-account ROI tile (profit ÷ cost to serve) with its definition in the detail. */
export const RoiTile: Story = {
  args: { kpis: 'roi,top20-share,nrr' },
  play: async (context) => {
    await ready(3)(context);
    const roi = tiles(context.canvasElement).find((t) => t.dataset.id === 'roi')!;
    await expect(roi.querySelector('[part~="tile-label"]')!.textContent).toBe('Key-account ROI');
    roi.click();
    await waitFor(() => expect(element(context.canvasElement).shadowRoot!.querySelector('[part~="detail"]')?.textContent).toMatch(/profit ÷ cost to serve/));
  },
};
