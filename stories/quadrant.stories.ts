/**
 * <kam-quadrant> in every state and option. Each story runs as a test in `npm test` (the a11y addon fails
 * it on any violation); the play functions check keyboard navigation and selection.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/feed/define.js';
import '../src/components/quadrant/define.js';
import { Portfolio, TIER_ORDER, generateSampleFeed } from '../src/analysis/index.js';
import type { KamQuadrant, QuadrantLabels } from '../src/components/quadrant/define.js';

const sample = generateSampleFeed();
let large100k: ReturnType<typeof generateSampleFeed> | undefined;

/** The sample feed with the effort of every 20th account removed: 13 of 250, on top of the sample's 10 without effort data. */
const missingEffort = {
  ...sample,
  accounts: sample.accounts.map((a, i) => (i % 20 === 0 ? { ...a, effort: undefined } : a)),
};

type Args = {
  theme: string;
  locale: string;
  scale: string;
  'effort-threshold'?: number;
  'impact-threshold'?: number;
  'svg-limit'?: number;
  labels?: QuadrantLabels;
  data?: unknown;
  src?: string;
};

const meta: Meta<Args> = {
  title: 'Widgets/kam-quadrant',
  component: 'kam-quadrant',
  tags: ['autodocs'],
  args: { theme: 'light', locale: 'en-US', scale: 'linear', data: sample },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'select', options: ['en-US', 'de-DE', 'fr-FR', 'ja-JP'] },
    scale: { control: 'inline-radio', options: ['linear', 'log'] },
    'effort-threshold': { control: 'number' },
    'impact-threshold': { control: 'number' },
    'svg-limit': { control: 'number' },
    labels: { control: 'object' },
    data: { control: false },
  },
  render: (args) => html`<kam-quadrant
    theme=${args.theme}
    locale=${args.locale}
    scale=${args.scale}
    effort-threshold=${args['effort-threshold'] ?? nothing}
    impact-threshold=${args['impact-threshold'] ?? nothing}
    svg-limit=${args['svg-limit'] ?? nothing}
    src=${args.src ?? nothing}
    .labels=${args.labels ?? {}}
    .data=${args.data}
  ></kam-quadrant>`,
};
export default meta;

type Story = StoryObj<Args>;

const widget = (canvas: HTMLElement) => canvas.querySelector<KamQuadrant>('kam-quadrant')!;
const shadow = (canvas: HTMLElement) => widget(canvas).shadowRoot!;
const summaryText = (canvas: HTMLElement) => shadow(canvas).querySelector('[part~="summary"]')?.textContent ?? '';
const SUMMARY = /^\d+\.\d% of effort goes to [\d,]+ over-served accounts that hold \d+\.\d% of revenue\.$/;

export const Default: Story = {
  args: { data: undefined, src: './sample-feed.json' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(SUMMARY));
    expect(shadow(canvasElement).querySelectorAll('path.point').length).toBeGreaterThan(200);
  },
};

export const KeyboardNavigation: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('.plot')).not.toBeNull());
    const live = () => shadow(canvasElement).querySelector('[aria-live]')!.textContent!;
    shadow(canvasElement).querySelector<HTMLElement>('.plot')!.focus();
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(live()).toMatch(/: (Quick wins|Strategic investments|Maintain|Over-served)\. Effort /));
    const first = live();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(live()).not.toBe(first));
    await userEvent.keyboard('{PageDown}');
    await waitFor(() => expect(live()).toMatch(/^(Quick wins|Strategic investments|Maintain|Over-served): \d+ accounts?, /));
    await userEvent.keyboard('+');
    await waitFor(() => expect(live()).toBe('Zoomed to 2×.'));
    await userEvent.keyboard('0');
    await waitFor(() => expect(live()).toBe('Zoom reset: the whole chart is shown.'));
    expect(shadow(canvasElement).querySelector('.focus-ring')).not.toBeNull();
  },
};

export const Selection: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part~="quadrant-button"]')).not.toBeNull());
    const selections: string[][] = [];
    widget(canvasElement).addEventListener('kam-select', (e) => selections.push(e.detail.ids));
    const overServed = shadow(canvasElement).querySelectorAll<HTMLElement>('[part~="quadrant-button"]')[3]!;
    await userEvent.click(overServed);
    await waitFor(() => expect(selections).toHaveLength(1));
    expect(selections[0]!.length).toBe(widget(canvasElement).analysis!.quadrants[3]!.accounts);
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('path.point.selected').length).toBe(selections[0]!.length));
    shadow(canvasElement).querySelector<HTMLElement>('.plot')!.focus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(selections.at(-1)).toEqual([]));
  },
};

/** `show-previous`: faint trails from where accounts stood in 2026-Q2 to where they are now, for those that changed quadrant. */
export const ShowPrevious: Story = {
  render: (args) => html`<kam-quadrant theme=${args.theme} locale=${args.locale} show-previous .data=${sample}></kam-quadrant>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('kam-quadrant')!;
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('.trails line.trail').length).toBeGreaterThan(0));
    await expect(el.shadowRoot!.querySelector('[part~="summary"]')!.textContent).toMatch(/moved into Over-served since 2026-Q2\.$/);
  },
};

export const ExplicitThresholds: Story = {
  args: { 'effort-threshold': 40, 'impact-threshold': 100_000 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part~="notes"]')?.textContent).toContain('Split at effort 40 and impact 100,000;'));
  },
};

export const LogScale: Story = {
  args: { scale: 'log' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part~="notes"]')?.textContent).toContain('Log scale (symmetric)'));
  },
};

export const CustomLabels: Story = {
  args: { labels: { 'quick-wins': 'Low-hanging fruit', strategic: 'Invest', maintain: 'Keep warm', 'over-served': 'Over-invested' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(/accounts in “Over-invested” that hold/));
  },
};

export const MissingEffortData: Story = {
  args: { data: missingEffort },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part~="notes"]')?.textContent).toContain('20 accounts have no effort data and are not plotted.'));
  },
};

export const HundredThousandAccounts: Story = {
  loaders: [async () => ({ feed: (large100k ??= generateSampleFeed({ count: 100_000, seed: 11 })) })],
  render: (args, { loaded }) => meta.render!({ ...args, data: loaded.feed }, {} as never),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(SUMMARY), { timeout: 10000 });
    expect(widget(canvasElement).renderMode).toBe('canvas');
    expect(shadow(canvasElement).querySelector('canvas.points')).not.toBeNull();
    expect(shadow(canvasElement).querySelectorAll('path.point').length).toBe(0);
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => html`<div class="sb-dark-surface">${story()}</div>`],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(SUMMARY));
  },
};

export const Narrow: Story = {
  decorators: [(story) => html`<div class="sb-narrow">${story()}</div>`],
  play: Dark.play,
};

export const German: Story = { args: { locale: 'de-DE' } };

export const LinkedSelection: Story = {
  render: (args) => html`<kam-feed id="quadrant-story-feed" src="./sample-feed.json"></kam-feed>
    <kam-quadrant feed="quadrant-story-feed" theme=${args.theme} locale=${args.locale}></kam-quadrant>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(SUMMARY));
    const feed = canvasElement.querySelector<HTMLElement & { selection: string[] }>('kam-feed')!;
    feed.selection = ['ACC-00001', 'ACC-00002'];
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('path.point.selected').length).toBe(2));
  },
};

/** Linked to a feed with its own tier rules and a filter: the points keep the feed's tiers and the whole feed's split. */
export const LinkedRulesAndFilter: Story = {
  render: (args) => html`<kam-feed id="quadrant-story-rules" cutoff="0.6" filter="segment:Corporate" .data=${args.data}></kam-feed>
    <kam-quadrant feed="quadrant-story-rules" theme=${args.theme} locale=${args.locale}></kam-quadrant>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(/of effort goes to/));
    const whole = new Portfolio(sample.accounts, { cutoff: 0.6 });
    const analysis = widget(canvasElement).analysis!;
    expect([analysis.effortThreshold, analysis.impactThreshold]).toEqual([whole.quadrants().effortThreshold, whole.quadrants().impactThreshold]);
    // Each row's tier is the one the whole feed has under the feed's rules.
    const tiers = whole.tiers();
    const [header, ...lines] = widget(canvasElement).toCSV().replace(/^\uFEFF/, '').trim().split('\r\n');
    const tierAt = header!.split(',').indexOf('tier');
    for (const line of lines) expect(line.split(',')[tierAt]).toBe(TIER_ORDER[tiers.tierIndex[whole.indexOf(line.split(',')[0]!)]!]);
  },
};

export const TableView: Story = {
  render: (args) => html`<kam-quadrant view="table" locale=${args.locale} theme=${args.theme} .data=${args.data}></kam-quadrant>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('tbody tr').length).toBe(100));
  },
};

export const SkippedAccounts: Story = {
  args: {
    data: [...sample.accounts.slice(0, 60), { id: 'x1', name: 'Broken revenue', revenue: '12k', effort: 10 }, { id: 'x2', name: 'Negative effort', revenue: 5, effort: -5 }],
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part~="skipped-notice"] summary')?.textContent).toBe('1 account skipped, 1 field ignored'));
  },
};

export const Empty: Story = {
  args: { data: { version: 1, accounts: [] } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).textContent).toContain('No accounts to show'));
  },
};

export const NothingToPlot: Story = {
  args: { data: [{ id: 'a', name: 'Acme', revenue: 100 }, { id: 'b', name: 'Bolt', revenue: 50, potential: 80 }] },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('.nothing-placed')).not.toBeNull());
  },
};

export const InvalidFeed: Story = {
  args: { data: { version: 1, accounts: 'none' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[role="alert"]')?.textContent).toContain('accounts: expected an array of accounts'));
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
  render: (args) => html`<kam-quadrant theme=${args.theme} feed="never-loaded-feed"></kam-quadrant>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(widget(canvasElement).getAttribute('aria-busy')).toBe('true'));
  },
};

/** Red flags: a small flag at the upper right of a flagged account's point (filled: severe, outlined: a warning); the tooltip says the flags. */
export const RedFlags: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('.flags .flag-mark')).not.toBeNull(), { timeout: 5000 });
  },
};

/** Red flags on the canvas layer (`svg-limit="100"`): the flags stay SVG paths over the canvas. */
export const RedFlagsOnCanvas: Story = {
  args: { 'svg-limit': 100 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('canvas.points')).not.toBeNull(), { timeout: 5000 });
    await waitFor(() => expect(shadow(canvasElement).querySelector('.flags .flag-mark')).not.toBeNull(), { timeout: 5000 });
  },
};
