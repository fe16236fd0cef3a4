/**
 * <kam-pareto> in every state and option. Each story runs as a test in `npm test` (the a11y addon fails
 * it on any violation); the play functions check keyboard navigation and selection.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/index.js';
import { generateSampleFeed } from '../src/analysis/index.js';
import type { KamPareto } from '../src/components/pareto/kam-pareto.js';

const sample = generateSampleFeed();
const large10k = generateSampleFeed({ count: 10_000, seed: 7 });
let large100k: ReturnType<typeof generateSampleFeed> | undefined;

type Args = { theme: string; locale: string; cutoff: number; top?: number; 'color-by': string; measure: string; data?: unknown; src?: string };

const meta: Meta<Args> = {
  title: 'Widgets/kam-pareto',
  component: 'kam-pareto',
  tags: ['autodocs'],
  // Every story is also an accessibility test: any axe violation fails it (in Storybook and in `npm test`).
  parameters: { a11y: { test: 'error' } },
  args: { theme: 'light', locale: 'en-US', cutoff: 0.8, 'color-by': 'vital', measure: 'revenue', data: sample },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'select', options: ['en-US', 'de-DE', 'fr-FR', 'ja-JP'] },
    cutoff: { control: { type: 'range', min: 0.5, max: 0.95, step: 0.05 } },
    top: { control: 'number' },
    'color-by': { control: 'inline-radio', options: ['vital', 'tier'] },
    measure: { control: 'inline-radio', options: ['revenue', 'profit', 'clv'] },
    data: { control: false },
  },
  render: (args) => html`<kam-pareto
    theme=${args.theme}
    locale=${args.locale}
    cutoff=${args.cutoff}
    top=${args.top ?? nothing}
    color-by=${args['color-by']}
    measure=${args.measure}
    src=${args.src ?? nothing}
    .data=${args.data}
  ></kam-pareto>`,
};
export default meta;

type Story = StoryObj<Args>;

const widget = (canvas: HTMLElement) => canvas.querySelector<KamPareto>('kam-pareto')!;
const shadow = (canvas: HTMLElement) => widget(canvas).shadowRoot!;
const summaryText = (canvas: HTMLElement) => shadow(canvas).querySelector('[part~="summary"]')?.textContent ?? '';

/** The bundled sample feed, with history: the summary compares the vital few with the previous quarter's. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(/^\d+ of 250 accounts \(\d+\.\d%\) produce 80% of revenue; in 2026-Q2: \d+ of \d+ \(\d+\.\d%\)\.$/));
  },
};

/** Without history: the current split alone. */
export const WithoutHistory: Story = {
  args: { data: { ...sample, accounts: sample.accounts.map(({ history: _history, ...account }) => account) } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(/^\d+ of 250 accounts \(\d+\.\d%\) produce 80% of revenue\.$/));
  },
};

export const KeyboardAndSelection: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('.plot')).not.toBeNull());
    const plot = shadow(canvasElement).querySelector<HTMLElement>('.plot')!;
    const selections: string[][] = [];
    widget(canvasElement).addEventListener('kam-select', (e) => selections.push(e.detail.ids));
    plot.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await waitFor(() => expect(shadow(canvasElement).querySelector('[aria-live]')!.textContent).toMatch(/^Rank 2: /));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(selections).toHaveLength(1));
    expect(selections[0]).toHaveLength(1);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(selections.at(-1)).toEqual([]));
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => html`<div class="sb-dark-surface">${story()}</div>`],
  play: async (context) => {
    await Default.play!(context);
    expect(getComputedStyle(widget(context.canvasElement)).getPropertyValue('--kam-bg').trim()).toBe('#0d1117');
  },
};

export const ColourByTier: Story = {
  args: { 'color-by': 'tier' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('svg.chart pattern')).toHaveLength(4));
    // Each tier has its own pattern as well as its colour (MVC solid, MGC striped, STC dotted, BZ cross-hatched).
    const fills = new Set([...shadow(canvasElement).querySelectorAll('g.bar rect')].map((r) => r.getAttribute('fill')));
    expect(fills.size).toBeGreaterThanOrEqual(3);
    expect([...fills].every((f) => /^url\(#tier-(mvc|mgc|stc|bz)\)$/.test(f ?? ''))).toBe(true);
  },
};

export const TopTwenty: Story = {
  args: { top: 20 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(widget(canvasElement).drawnBars.at(-1)?.others).toBe(true));
  },
};

export const Cutoff70: Story = { args: { cutoff: 0.7 } };

export const German: Story = { args: { locale: 'de-DE' } };

export const TenThousandAccounts: Story = {
  args: { data: large10k },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summaryText(canvasElement)).toContain('of 10,000 accounts'));
    expect(widget(canvasElement).drawnBars.reduce((sum, b) => sum + b.count, 0)).toBe(10_000);
  },
};

export const HundredThousandAccounts: Story = {
  loaders: [async () => ({ feed: (large100k ??= generateSampleFeed({ count: 100_000, seed: 11 })) })],
  render: (args, { loaded }) => meta.render!({ ...args, data: loaded.feed }, {} as never),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summaryText(canvasElement)).toContain('of 100,000 accounts'));
    expect(shadow(canvasElement).querySelectorAll('rect.bar').length).toBeLessThan(1000);
  },
};

export const Empty: Story = {
  args: { data: { version: 1, accounts: [] } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).textContent).toContain('No accounts to show'));
  },
};

export const InvalidFeed: Story = {
  args: { data: { version: 1, accounts: 'none' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[role="alert"]')?.textContent).toContain('accounts: expected an array of accounts'));
  },
};

export const SkippedAccounts: Story = {
  args: {
    data: [
      ...sample.accounts.slice(0, 40),
      { id: 'x1', name: 'Broken revenue', revenue: '12k' },
      { id: 'x2', name: 'Negative revenue', revenue: -5 },
    ],
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part~="skipped-notice"]')?.textContent).toContain('2 accounts skipped'));
  },
};

export const NetworkError: Story = {
  args: { data: undefined, src: 'http://127.0.0.1:9/feed.json' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part~="retry-button"]')).not.toBeNull(), { timeout: 5000 });
  },
};

export const Loading: Story = {
  args: { data: undefined },
  render: (args) => html`<kam-pareto theme=${args.theme} feed="never-loaded-feed"></kam-pareto>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(widget(canvasElement).getAttribute('aria-busy')).toBe('true'));
  },
};

export const FromUrl: Story = { args: { data: undefined, src: './sample-feed.json' }, play: Default.play };

export const Narrow: Story = {
  decorators: [(story) => html`<div class="sb-narrow">${story()}</div>`],
  play: async (context) => {
    await Default.play!(context);
    const root = shadow(context.canvasElement);
    expect(root.querySelector<SVGSVGElement>('svg.chart')!.width.baseVal.value).toBe(300);
    // The vital few are labelled, not only coloured, at this width too.
    expect(root.querySelector('.vital-marker .band-label')?.textContent).toBe('Vital few');
  },
};

export const CustomTheme: Story = {
  decorators: [(story) => html`<div class="sb-custom-theme">${story()}</div>`],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('rect.bar.vital')).not.toBeNull());
    // --kam-accent: #7b1fa2 from the page reaches the vital-few bars.
    expect(getComputedStyle(shadow(canvasElement).querySelector('rect.bar.vital')!).fill).toBe('rgb(123, 31, 162)');
  },
};

/** The table view: the vital few of every quarter, then the accounts in rank order. */
export const TableView: Story = {
  render: (args) => html`<kam-pareto view="table" locale=${args.locale} theme=${args.theme} .data=${args.data}></kam-pareto>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('[part~="table"] tbody tr').length).toBe(100));
    await expect(shadow(canvasElement).querySelectorAll('[part~="period-table"] tbody tr').length).toBe(9);
  },
};

/** Red flags on the sample feed: a filled flag on the bar of an account with a severe flag, an outlined one for a warning; the tooltip says the flags. */
export const RedFlags: Story = {
  args: { top: 30 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('.flags .flag-mark').length).toBeGreaterThan(0), { timeout: 5000 });
  },
};

/** `measure="profit"`: ranked by profit; the accounts with negative profit are named under the chart (and listed apart in the table view), never hidden. */
export const MeasureProfit: Story = {
  args: { measure: 'profit' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(/produce 80% of profit/));
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part~="below-zero-note"]')?.textContent).toMatch(/^\d+ accounts? with negative profit count as 0 in the ranking: /));
  },
};

/** `measure="profit"` in the table view: the accounts below zero in a section of their own above the ranking. */
export const MeasureProfitTable: Story = {
  args: { measure: 'profit' },
  render: (args) => html`<kam-pareto theme=${args.theme} locale=${args.locale} measure="profit" view="table" .data=${args.data}></kam-pareto>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part~="below-zero-table"]')).not.toBeNull(), { timeout: 5000 });
  },
};

/** `measure="clv"`: ranked by customer lifetime value. */
export const MeasureClv: Story = {
  args: { measure: 'clv' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(/produce 80% of CLV/));
  },
};
