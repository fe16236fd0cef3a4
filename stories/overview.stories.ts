/**
 * The element base in every state, shown through the demo overview element (the widgets get their own
 * stories as they land). Each story runs as a test in `npm test`, with the a11y addon failing on any
 * violation.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/index.js';
import '../demo/kam-demo-overview.js';
import { generateSampleFeed } from '../src/analysis/index.js';

const sample = generateSampleFeed();

type Args = { theme: string; locale: string };

const meta: Meta<Args> = {
  title: 'Foundation/Element states',
  args: { theme: 'light', locale: 'en-US' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'select', options: ['en-US', 'de-DE', 'fr-FR', 'ja-JP'] },
  },
};
export default meta;

type Story = StoryObj<Args>;

const shadowText = (canvas: HTMLElement) =>
  canvas.querySelector('kam-demo-overview')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

export const Ready: Story = {
  render: ({ theme, locale }) => html`<kam-demo-overview theme=${theme} locale=${locale} .data=${sample}></kam-demo-overview>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('accounts ('));
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  render: Ready.render,
  play: Ready.play,
};

export const SharedFeed: Story = {
  render: ({ theme, locale }) => html`<kam-feed id="story-feed" src="./sample-feed.json"></kam-feed>
    <kam-demo-overview feed="story-feed" theme=${theme} locale=${locale}></kam-demo-overview>`,
  play: Ready.play,
};

export const Empty: Story = {
  render: ({ theme }) => html`<kam-demo-overview theme=${theme} .data=${{ version: 1, accounts: [] }}></kam-demo-overview>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('No accounts to show'));
  },
};

export const SkippedAccounts: Story = {
  render: ({ theme, locale }) => html`<kam-demo-overview
    theme=${theme}
    locale=${locale}
    .data=${[
      ...sample.accounts.slice(0, 20),
      { id: 'bad-1', name: 'Broken revenue', revenue: '12k' },
      { id: 'bad-2', name: 'Negative', revenue: -5 },
      { id: sample.accounts[0]!.id, name: 'Duplicate id', revenue: 1 },
    ]}
  ></kam-demo-overview>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('3 accounts skipped'));
  },
};

export const InvalidFeed: Story = {
  render: ({ theme }) => html`<kam-demo-overview theme=${theme} .data=${{ version: 3, accounts: 'all of them', currency: 'euro' }}></kam-demo-overview>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('This feed cannot be shown'));
    expect(shadowText(canvasElement)).toContain('version: expected 1');
  },
};

export const NetworkError: Story = {
  render: ({ theme }) => html`<kam-demo-overview theme=${theme} src="http://127.0.0.1:9/accounts.json" timeout="3000"></kam-demo-overview>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('Retry'), { timeout: 5000 });
  },
};

export const Loading: Story = {
  render: ({ theme }) => html`<kam-demo-overview theme=${theme} feed="no-such-feed-yet"></kam-demo-overview>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('Waiting for <kam-feed id="no-such-feed-yet">'));
  },
};

export const Narrow: Story = {
  render: Ready.render,
  decorators: [(story) => html`<div style="width: 300px">${story()}</div>`],
  play: Ready.play,
};
