/**
 * `<kam-red-flags>`: the accounts that need action now, each flag a sentence with its figures. Every story
 * runs as a test, with the a11y addon failing on any violation.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/feed/define.js';
import '../src/components/red-flags/define.js';
import '../src/components/tier-matrix/define.js';
import type { KamFlagsDetail, KamRedFlags } from '../src/components/red-flags/kam-red-flags.js';
import { generateSampleFeed } from '../src/analysis/sample-feed.js';

const sample = generateSampleFeed();

/** The demo page's KPI targets. */
const TARGETS = 'revenue-growth:0.08,retention:0.95,churn:0.05,nrr:1.05,nps:30,csat:0.7,upsell:0.3,referenceable:0.25';

type Args = {
  theme: string;
  locale: string;
  types?: string;
  targets?: string;
  limit: number;
};

const flags = (args: Args, input: { src?: string; data?: unknown; feed?: string }) =>
  html`<kam-red-flags
    theme=${args.theme}
    locale=${args.locale}
    types=${ifDefined(args.types)}
    targets=${ifDefined(args.targets)}
    limit=${args.limit}
    src=${ifDefined(input.src)}
    feed=${ifDefined(input.feed)}
    .data=${input.data}
  ></kam-red-flags>`;

const meta: Meta<Args> = {
  title: 'Widgets/kam-red-flags',
  component: 'kam-red-flags',
  tags: ['autodocs'],
  args: { theme: 'light', locale: 'en-US', limit: 10 },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'select', options: ['en-US', 'de-DE', 'fr-FR', 'ja-JP'] },
  },
  render: (args) => flags(args, { src: './sample-feed.json' }),
};
export default meta;

type Story = StoryObj<Args>;

const widget = (canvas: HTMLElement) => canvas.querySelector<KamRedFlags>('kam-red-flags')!;
const root = (canvas: HTMLElement) => widget(canvas).shadowRoot!;
const summaryText = (canvas: HTMLElement) => root(canvas).querySelector('[part="summary"]')?.textContent ?? '';
const accounts = (canvas: HTMLElement) => [...root(canvas).querySelectorAll<HTMLElement>('[part~="account"]')];
const ready = async (canvas: HTMLElement) => {
  await waitFor(() => expect(root(canvas).querySelector('[part="summary"]')).not.toBeNull(), { timeout: 10000 });
};
const SUMMARY = /^[\d,]+ of 250 accounts show red flags; \d+ severe\./;

/** The bundled sample feed (250 accounts, eight quarters), fetched from `src`: the first 10 flagged accounts, then "and N more". */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(SUMMARY));
    await expect(accounts(canvasElement).length).toBeLessThanOrEqual(10);
  },
};

/** KPI targets (`targets`, as on the scorecard): a KPI off its target two periods in a row is listed above the accounts. */
export const WithKpiTargets: Story = {
  args: { targets: TARGETS },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(/KPI goals? missed\.$/));
    await expect(root(canvasElement).querySelector('[part~="kpi-flags"]')).not.toBeNull();
  },
};

/** `types="tier-loss,lost-key-account"`: only the MVCs that fell and the key accounts lost; the toggles show the other types again. */
export const FilteredByType: Story = {
  args: { types: 'tier-loss,lost-key-account' },
  render: (args) => flags(args, { data: sample }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const types = accounts(canvasElement).flatMap((a) => [...a.querySelectorAll('.flag-type')].map((t) => t.textContent ?? ''));
    await expect(types.every((t) => /^(Tier lost|Lost key account)/.test(t))).toBe(true);
    await userEvent.click(root(canvasElement).querySelector<HTMLElement>('[part~="type-toggle"][aria-pressed="false"]')!);
    await waitFor(() => expect(widget(canvasElement).types).not.toBe('tier-loss,lost-key-account'));
  },
};

/** A feed where nothing needs action: "No red flags", with what was checked. */
export const NoRedFlags: Story = {
  render: (args) =>
    flags(args, {
      data: {
        version: 1,
        periods: { order: ['2026-Q1', '2026-Q2'], current: '2026-Q2' },
        accounts: [
          { id: 'a', name: 'Atlas', revenue: 1200, profit: 200, nps: 9, history: [{ period: '2026-Q1', revenue: 1100, profit: 180 }] },
          { id: 'b', name: 'Birch', revenue: 800, profit: 90, nps: 8, history: [{ period: '2026-Q1', revenue: 790, profit: 85 }] },
        ],
      },
    }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(summaryText(canvasElement)).toBe('No red flags among 2 accounts.');
    await expect(root(canvasElement).querySelector('[part~="no-flags"]')!.textContent).toContain('comparing 2026-Q2 with 2026-Q1');
  },
};

/** Without history only the flags of the current period can be raised (a detractor among the key accounts, an account's own goal missed), and the widget says so when none is. */
export const WithoutHistory: Story = {
  render: (args) => flags(args, { data: { ...sample, accounts: sample.accounts.map(({ history: _history, previousRevenue: _previous, ...account }) => account) } }),
  play: async ({ canvasElement }) => ready(canvasElement),
};

export const Dark: Story = {
  args: { theme: 'dark', targets: TARGETS },
  play: async ({ canvasElement }) => ready(canvasElement),
};

/** Numbers in German: "Revenue fell 12,0 % … (from 1.234 $ …)". */
export const German: Story = {
  args: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(/^\d+ of 250 accounts show red flags/));
  },
};

/** 300 px wide: the toggles wrap, each account's figures go under its name. */
export const Narrow: Story = {
  decorators: [(story) => html`<div style=${styleMap({ width: '300px' })}>${story()}</div>`],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => expect(accounts(canvasElement).length).toBeGreaterThan(0));
    await expect(root(canvasElement).querySelector('.plot')!.scrollWidth).toBeLessThanOrEqual(300);
  },
};

/** 100,000 generated accounts: thousands of flags, the first `limit` listed; the table view and CSV have all. */
export const ManyAccounts: Story = {
  loaders: [async () => ({ big: generateSampleFeed({ count: 100_000, seed: 7 }) })],
  render: (args, { loaded }) => flags(args, { data: loaded.big }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(summaryText(canvasElement)).toMatch(/^[\d,]+ of 100,000 accounts show red flags/), { timeout: 20000 });
    await expect(accounts(canvasElement)).toHaveLength(10);
    await expect(root(canvasElement).querySelector('[part~="more"]')!.textContent).toMatch(/and [\d,]+ more flagged accounts/);
  },
};

export const Empty: Story = {
  render: (args) => flags(args, { data: { version: 1, accounts: [] } }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(root(canvasElement).textContent).toContain('No accounts to show'));
  },
};

export const InvalidFeed: Story = {
  render: (args) => flags(args, { data: { version: 3, accounts: 'all of them' } }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(root(canvasElement).textContent).toContain('This feed cannot be shown'));
  },
};

export const NetworkError: Story = {
  render: (args) => html`<kam-red-flags theme=${args.theme} src="http://127.0.0.1:9/feed.json" timeout="3000"></kam-red-flags>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(root(canvasElement).querySelector('[part~="state"]')?.textContent).toContain('The feed could not be loaded'), { timeout: 8000 });
  },
};

/** Two accounts the feed contract rejects are skipped and listed in a notice; the others are checked. */
export const SkippedAccounts: Story = {
  render: (args) =>
    flags(args, {
      data: { ...sample, accounts: [...sample.accounts.slice(0, 60), { id: 'x1', name: 'Broken revenue', revenue: '12k' }, { id: 'x2', name: 'Negative revenue', revenue: -5 }] },
    }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(root(canvasElement).querySelector('[part~="skipped-notice"] summary')!.textContent).toBe('2 accounts skipped');
  },
};

/** Waiting for a `<kam-feed>` that never arrives: the loading skeleton, with aria-busy. */
export const Loading: Story = {
  render: (args) => html`<kam-red-flags theme=${args.theme} feed="never-loaded-feed"></kam-red-flags>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(widget(canvasElement).getAttribute('aria-busy')).toBe('true'));
    await expect(root(canvasElement).querySelector('[part~="state-loading"]')).not.toBeNull();
  },
};

/** Keyboard: one Tab stop; arrows move between the accounts and announce each with its flags; Enter selects, Escape clears. */
export const KeyboardNavigation: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const el = widget(canvasElement);
    root(canvasElement).querySelector<HTMLElement>('.plot')!.focus();
    await waitFor(() => expect(root(canvasElement).querySelector('.account.focused')).not.toBeNull());
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(root(canvasElement).querySelector('[aria-live]')!.textContent).toMatch(/, (severe|warning) \(.*\): .* 2 of \d+\.$/));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(el.selection).toHaveLength(1));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(el.selection).toHaveLength(0));
  },
};

/** What the linked story's `kam-flags` listener heard (a page would turn these into tasks). */
const heard: KamFlagsDetail[] = [];

/** On a `<kam-feed>` with the tier matrix: an account selected in the list is selected in the matrix; `kam-flags` gives the page the flags to turn into tasks. */
export const LinkedWithKamFlags: Story = {
  render: (args) => html`<kam-feed id="flags-story-feed" src="./sample-feed.json"></kam-feed>
    <kam-red-flags
      feed="flags-story-feed"
      theme=${args.theme}
      locale=${args.locale}
      limit="5"
      @kam-flags=${(event: CustomEvent<KamFlagsDetail>) => heard.push(event.detail)}
    ></kam-red-flags>
    <kam-tier-matrix feed="flags-story-feed" theme=${args.theme} locale=${args.locale}></kam-tier-matrix>`,
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    await waitFor(() => expect(accounts(canvasElement).length).toBe(5), { timeout: 10000 });
    await waitFor(() => expect(heard.at(-1)?.flags).toEqual(el.flags));
    await userEvent.click(accounts(canvasElement)[0]!);
    const matrix = canvasElement.querySelector('kam-tier-matrix')!;
    await waitFor(() => expect(matrix.selection).toEqual([el.flags[0]!.id]));
  },
};
