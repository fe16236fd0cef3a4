/**
 * `<kam-tier-matrix>`: the account portfolio by value and growth potential, with the MVC / MGC / STC / BZ
 * tiers. Every story runs as a test, with the a11y addon failing on any violation.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/feed/define.js';
import '../src/components/tier-matrix/define.js';
import type { KamTierMatrix } from '../src/components/tier-matrix/kam-tier-matrix.js';
import { generateSampleFeed } from '../src/analysis/sample-feed.js';

const sample = generateSampleFeed();

type Args = {
  theme: string;
  locale: string;
  'value-field': string;
  'potential-field': string;
  'value-thresholds'?: string;
  'potential-thresholds'?: string;
};

const matrix = (args: Args, extra: (el: TemplateResult) => TemplateResult = (el) => el, data: unknown = sample) =>
  extra(html`<kam-tier-matrix
    theme=${args.theme}
    locale=${args.locale}
    value-field=${args['value-field']}
    potential-field=${args['potential-field']}
    value-thresholds=${args['value-thresholds'] ?? ''}
    potential-thresholds=${args['potential-thresholds'] ?? ''}
    .data=${data}
  ></kam-tier-matrix>`);

const meta: Meta<Args> = {
  title: 'Widgets/kam-tier-matrix',
  component: 'kam-tier-matrix',
  tags: ['autodocs'],
  args: { theme: 'light', locale: 'en-US', 'value-field': 'revenue', 'potential-field': 'headroom' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'select', options: ['en-US', 'de-DE', 'fr-FR', 'ja-JP'] },
    'value-field': { control: 'inline-radio', options: ['revenue', 'clv', 'profit'] },
    'potential-field': { control: 'inline-radio', options: ['headroom', 'potential', 'impact'] },
  },
  render: (args) => matrix(args),
};
export default meta;

type Story = StoryObj<Args>;

const widget = (canvas: HTMLElement) => canvas.querySelector<KamTierMatrix>('kam-tier-matrix')!;
const root = (canvas: HTMLElement) => widget(canvas).shadowRoot!;
const summaryText = (canvas: HTMLElement) => root(canvas).querySelector('[part="summary"]')?.textContent ?? '';
const ready = async (canvas: HTMLElement) => {
  await waitFor(() => expect(root(canvas).querySelector('svg.chart')).not.toBeNull(), { timeout: 10000 });
};

/** The bundled 250-account sample feed, fetched from `src`. */
export const Default: Story = {
  render: (args) => html`<kam-tier-matrix theme=${args.theme} locale=${args.locale} value-field=${args['value-field']} potential-field=${args['potential-field']} src="./sample-feed.json"></kam-tier-matrix>`,
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(/^250 accounts: \d+ MVC, \d+ MGC, \d+ STC, \d+ BZ; MVCs hold \d+\.\d% of revenue\.$/));
  },
};

/** `mode="movement"`: how many accounts moved from each tier in 2026-Q2 to each tier now; a count selects its accounts. */
export const Movement: Story = {
  render: (args) => html`<kam-tier-matrix theme=${args.theme} locale=${args.locale} mode="movement" src="./sample-feed.json"></kam-tier-matrix>`,
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(/^Since 2026-Q2: \d+ of \d+ MGC became MVC; \d+ of \d+ MVC moved lower or were lost; \d+ new \(no figures for 2026-Q2\) and \d+ lost accounts\.$/));
    root(canvasElement).querySelector<SVGElement>('.movement [data-item="5"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => expect(widget(canvasElement).selection.length).toBeGreaterThan(0));
  },
};

/** With tier goals (MVC:45, MGC:45 by 2027-Q2): under the matrix, the counts by quarter against each goal, and a sentence. */
export const WithGoals: Story = {
  render: (args) => html`<kam-tier-matrix theme=${args.theme} locale=${args.locale} tier-goals="MVC:45,MGC:45" goal-period="2027-Q2" src="./sample-feed.json"></kam-tier-matrix>`,
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(root(canvasElement).querySelectorAll('[part~="goals"] li')).toHaveLength(2));
  },
};

/** Without history: the matrix alone, no movement toggle. */
export const WithoutHistory: Story = {
  render: (args) => matrix(args, undefined, { ...sample, accounts: sample.accounts.map(({ history: _history, ...account }) => account) }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(root(canvasElement).querySelector('[part~="mode-toggle"]')).toBeNull();
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => ready(canvasElement),
};

/** Every account has its tier in the feed: the tiers are marked as given and the rule is not applied. */
export const GivenTiersOnly: Story = {
  render: (args) =>
    matrix(args, undefined, {
      version: 1,
      accounts: sample.accounts.slice(0, 40).map((a, i) => ({ ...a, tier: (['MVC', 'MGC', 'STC', 'STC', 'BZ'] as const)[i % 5] })),
    }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    expect(summaryText(canvasElement)).toMatch(/^40 accounts: 8 MVC, 8 MGC, 16 STC, 8 BZ;/);
    expect(root(canvasElement).querySelector('.panel')!.textContent).toContain('8 given in the feed');
  },
};

/** No account has a potential figure: the rows collapse into one band, and a note says why. */
export const NoPotentialData: Story = {
  render: (args) =>
    matrix(args, undefined, {
      version: 1,
      accounts: sample.accounts.slice(0, 60).map(({ potential: _potential, impact: _impact, ...rest }) => rest),
    }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    expect(root(canvasElement).querySelector('[part="notes"]')!.textContent).toContain('No account has a potential figure');
    expect(root(canvasElement).querySelectorAll('.cell')).toHaveLength(3);
  },
};

/** Explicit cut points instead of tertiles: revenue at $10K and $50K, headroom at $0 and $25K. */
export const ExplicitThresholds: Story = {
  args: { 'value-thresholds': '10000,50000', 'potential-thresholds': '0,25000' },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const headers = [...root(canvasElement).querySelectorAll('.band-range')].map((t) => t.textContent);
    expect(headers).toContain('< $10K');
    expect(headers).toContain('≥ $50K');
  },
};

/** Columns by customer lifetime value: accounts without a CLV get a "No data" column. */
export const ValueByClv: Story = {
  args: { 'value-field': 'clv' },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    expect(root(canvasElement).querySelector('[part="notes"]')!.textContent).toMatch(/have no CLV figure/);
  },
};

export const ValueByProfit: Story = {
  args: { 'value-field': 'profit' },
  play: async ({ canvasElement }) => ready(canvasElement),
};

/** Rows by the potential itself rather than the headroom. */
export const PotentialItself: Story = {
  args: { 'potential-field': 'potential' },
  play: async ({ canvasElement }) => ready(canvasElement),
};

/** A stricter tier rule through attributes: MVC at 60% of revenue, MGC from 50% growth or 2× headroom. */
export const StricterRule: Story = {
  render: (args) => html`<kam-tier-matrix theme=${args.theme} locale=${args.locale} cutoff="0.6" growth-threshold="0.5" headroom-factor="2" .data=${sample}></kam-tier-matrix>`,
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const rule = root(canvasElement).querySelector('[part="rule"]')!;
    expect(rule.textContent).toContain('MVC: the top accounts that make up 60% of revenue.');
  },
};

/** 100,000 generated accounts. */
export const ManyAccounts: Story = {
  loaders: [async () => ({ big: generateSampleFeed({ count: 100_000, seed: 7 }) })],
  render: (args, { loaded }) => matrix(args, undefined, loaded.big),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    expect(summaryText(canvasElement)).toMatch(/^100,000 accounts:/);
  },
};

export const Empty: Story = {
  render: (args) => matrix(args, undefined, { version: 1, accounts: [] }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(root(canvasElement).textContent).toContain('No accounts to show'));
  },
};

export const InvalidFeed: Story = {
  render: (args) => matrix(args, undefined, { version: 3, accounts: 'all of them' }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(root(canvasElement).textContent).toContain('This feed cannot be shown'));
  },
};

export const NetworkError: Story = {
  render: (args) => html`<kam-tier-matrix theme=${args.theme} src="http://127.0.0.1:9/feed.json" timeout="3000"></kam-tier-matrix>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(root(canvasElement).querySelector('[part~="state"]')?.textContent).toContain('The feed could not be loaded'), { timeout: 8000 });
  },
};

/** Two accounts the feed contract rejects are skipped and listed; the other 40 are drawn. */
export const SkippedAccounts: Story = {
  render: (args) =>
    matrix(args, undefined, [
      ...sample.accounts.slice(0, 40),
      { id: 'x1', name: 'Broken revenue', revenue: '12k' },
      { id: 'x2', name: 'Negative revenue', revenue: -5 },
    ]),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    expect(root(canvasElement).querySelector('[part~="skipped-notice"] summary')!.textContent).toBe('2 accounts skipped');
    expect(summaryText(canvasElement)).toMatch(/^40 accounts:/);
  },
};

/** Waiting for a `<kam-feed>` that never arrives: the loading skeleton, with aria-busy. */
export const Loading: Story = {
  render: (args) => html`<kam-tier-matrix theme=${args.theme} feed="never-loaded-feed"></kam-tier-matrix>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(widget(canvasElement).getAttribute('aria-busy')).toBe('true'));
    expect(root(canvasElement).querySelector('[part~="state-loading"]')).not.toBeNull();
  },
};

/** 300 px wide: the tier summary moves below the matrix and ranges break over two lines. */
export const Narrow: Story = {
  decorators: [(story) => html`<div style=${styleMap({ width: '300px' })}>${story()}</div>`],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(Number(root(canvasElement).querySelector('svg.chart')!.getAttribute('width'))).toBeLessThanOrEqual(300));
  },
};

/** Keyboard: one Tab stop, arrows across the cells and into the tier summary, Enter selects. */
export const KeyboardNavigation: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const el = widget(canvasElement);
    const plot = root(canvasElement).querySelector<HTMLElement>('.plot')!;
    plot.focus(); // the first cell is focused
    await waitFor(() => expect(root(canvasElement).querySelector('.focus-ring')).not.toBeNull());
    await userEvent.keyboard('{ArrowRight}');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(root(canvasElement).querySelector('[aria-live]')!.textContent).toMatch(/^MVC, Most Valuable Customers: .*, profit /));
    const events: string[][] = [];
    el.addEventListener('kam-select', (e) => events.push(e.detail.ids));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]!.length).toBe(el.tierAnalysis!.tiers[0]!.accounts);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(el.selection).toHaveLength(0));
  },
};

/** A click on a cell selects its accounts; the cell and the tiers holding them are outlined. */
export const Selection: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const el = widget(canvasElement);
    const cell = root(canvasElement).querySelector<SVGGElement>('.cell:not(.empty) .cell-bg')!;
    await userEvent.click(cell);
    await waitFor(() => expect(el.selection.length).toBeGreaterThan(0));
    expect(root(canvasElement).querySelectorAll('.cell.selected')).toHaveLength(1);
    expect(root(canvasElement).querySelectorAll('.tier-block.selected').length).toBeGreaterThan(0);
  },
};

/** Two matrices on one `<kam-feed>`: a selection in one shows in the other. */
export const LinkedSelection: Story = {
  render: (args) => html`<kam-feed id="tier-story-feed" src="./sample-feed.json"></kam-feed>
    <kam-tier-matrix feed="tier-story-feed" theme=${args.theme} locale=${args.locale}></kam-tier-matrix>
    <kam-tier-matrix feed="tier-story-feed" theme=${args.theme} locale=${args.locale} value-field="clv"></kam-tier-matrix>`,
  play: async ({ canvasElement }) => {
    const [first, second] = [...canvasElement.querySelectorAll<KamTierMatrix>('kam-tier-matrix')];
    await waitFor(() => expect(second!.shadowRoot!.querySelector('svg.chart')).not.toBeNull(), { timeout: 10000 });
    await waitFor(() => expect(first!.shadowRoot!.querySelector('svg.chart')).not.toBeNull(), { timeout: 10000 });
    await userEvent.click(first!.shadowRoot!.querySelector('.tier-block .block-bg')!);
    await waitFor(() => expect(second!.shadowRoot!.querySelectorAll('.tier-block.selected')).toHaveLength(1));
  },
};

/** A matrix on a `<kam-feed>` showing only the accounts that are MVC in the whole feed: tiers are the feed's, bands are cut over the accounts shown. */
export const FilteredByTier: Story = {
  render: (args) => html`<kam-feed id="tier-filter-story-feed" src="./sample-feed.json"></kam-feed>
    <kam-tier-matrix feed="tier-filter-story-feed" filter="tier:MVC" theme=${args.theme} locale=${args.locale}></kam-tier-matrix>`,
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(/^\d+ accounts: \d+ MVC, 0 MGC, 0 STC, 0 BZ; MVCs hold 100\.0% of revenue\.$/));
  },
};

/** What each tier returns: cost to serve, profit and ROI per tier in the tier blocks and in one line under the matrix (the sample feed has costs to serve). */
export const RoiPerTier: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(root(canvasElement).querySelector('[part~="roi"]')?.textContent).toMatch(/^Return on the cost to serve \(profit \/ cost\): MVC /));
  },
};

/** The same in the table view: cost, profit and ROI per tier above the accounts, each account's cost to serve, ROI and red flags in the table. */
export const RoiTable: Story = {
  render: (args) => html`<kam-tier-matrix theme=${args.theme} locale=${args.locale} view="table" .data=${sample}></kam-tier-matrix>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(root(canvasElement).querySelector('[part~="roi-table"]')).not.toBeNull(), { timeout: 10000 });
  },
};

/** Without a cost to serve in the feed, ROI is "—" and the line says what would give one. */
export const RoiUnknown: Story = {
  render: (args) => matrix(args, undefined, { ...sample, accounts: sample.accounts.map(({ costToServe: _cost, history, ...account }) => ({ ...account, history: history?.map(({ costToServe: _c, ...point }) => point) })) }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(root(canvasElement).querySelector('[part~="roi"]')?.textContent).toMatch(/^ROI per tier: —\. No account has a cost to serve/));
  },
};

/** Red flags: a cell with flagged accounts carries a flag and their count (filled when one is severe); the tooltip names them, the tier blocks count them. */
export const RedFlags: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(root(canvasElement).querySelectorAll('.cell-flags').length).toBeGreaterThan(0), { timeout: 5000 });
    const cell = [...root(canvasElement).querySelectorAll('.cell')].find((c) => c.querySelector('.cell-flags'))!;
    cell.querySelector('.cell-bg')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await waitFor(() => expect(root(canvasElement).querySelector('[part~="tooltip"] .flag-line')?.textContent).toMatch(/with (a )?red flags?/));
  },
};
