/**
 * The live examples of the docs pages (stories/docs/*.mdx show them with <Story of>). Hidden from the
 * sidebar ('!dev'), but they run as tests like every story: the a11y addon checks them and the play
 * functions check that the examples do what the pages say.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { KamFeed } from '../../src/index.js';
import type { KamWidget } from '../../src/internal/kam-widget.js';
import { linkedWidgets } from './dashboard.js';
import { CHURN_EXAMPLE, EXAMPLE_FEED } from './feed-example.js';
import { elementDoc, WIDGET_TAGS } from './manifest.js';
import { COLOUR_TOKENS, TOKENS } from './theme-tokens.js';
import { defineThemePlayground } from './theme-playground.js';

defineThemePlayground();

const meta: Meta = {
  title: 'Docs/Examples',
  tags: ['!dev', '!autodocs'],
};
export default meta;

type Story = StoryObj;

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const textOf = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const widgetsIn = (canvas: HTMLElement) => [...canvas.querySelectorAll<KamWidget<unknown>>(WIDGET_TAGS.join(','))];

/** Introduction: the bundled sample feed, fetched once by one <kam-feed>, and the five widgets linked to it. */
export const LinkedDashboard: Story = {
  render: () => html`<kam-feed id="intro-feed" src="./sample-feed.json"></kam-feed>${linkedWidgets('intro-feed')}`,
  play: async ({ canvasElement }) => {
    const feed = canvasElement.querySelector<KamFeed>('kam-feed')!;
    const widgets = widgetsIn(canvasElement);
    expect(widgets).toHaveLength(5);
    for (const widget of widgets) await waitFor(() => expect(widget.status).toBe('ready'), { timeout: 10000 });
    // A selection in the tier matrix is the page's selection: the scorecard computes its KPIs over it.
    const matrix = canvasElement.querySelector<KamWidget<unknown>>('kam-tier-matrix')!;
    part(matrix, 'plot')!.focus();
    await userEvent.keyboard('{ArrowRight}{Enter}');
    await waitFor(() => expect(feed.selection.length).toBeGreaterThan(0));
    const scorecard = canvasElement.querySelector('kam-scorecard')!;
    await waitFor(() => expect(textOf(part(scorecard, 'headline'))).toMatch(/^KPIs of \d+ selected accounts?/));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(feed.selection).toEqual([]));
  },
};

/** The feed: the example document of the page, drawn by two widgets (and valid: nothing skipped). */
export const FeedExample: Story = {
  render: () => html`<kam-feed id="example-feed" .data=${EXAMPLE_FEED}></kam-feed>
    <div class="sb-dashboard">
      <kam-pareto feed="example-feed"></kam-pareto>
      <kam-tier-matrix feed="example-feed"></kam-tier-matrix>
    </div>`,
  play: async ({ canvasElement }) => {
    const feed = canvasElement.querySelector<KamFeed>('kam-feed')!;
    await waitFor(() => expect(feed.feedState.status).toBe('ready'));
    expect(feed.feedState.feed!.skipped).toEqual([]);
    expect(feed.feedState.feed!.accounts).toHaveLength(EXAMPLE_FEED.accounts.length);
  },
};

/** The feed, periods: the churn example, its retention now and a quarter ago, and its tier movement. */
export const ChurnExample: Story = {
  render: () => html`<kam-feed id="churn-feed" .data=${CHURN_EXAMPLE}></kam-feed>
    <div class="sb-dashboard">
      <kam-scorecard feed="churn-feed" kpis="retention,churn,revenue-growth" locale="en-US"></kam-scorecard>
      <kam-tier-matrix feed="churn-feed" mode="movement" locale="en-US"></kam-tier-matrix>
    </div>`,
  play: async ({ canvasElement }) => {
    const scorecard = canvasElement.querySelector('kam-scorecard')!;
    await waitFor(() => expect(textOf(scorecard.shadowRoot!.querySelector('[data-id="retention"] [part~="tile-change"]'))).toBe('▼ −50.0 pp vs 100.0%, worse'));
    const matrix = canvasElement.querySelector('kam-tier-matrix')!;
    await waitFor(() => expect(textOf(part(matrix, 'summary'))).toMatch(/ 2 new \(no figures for 2026-Q2\) and 1 lost accounts\.$/));
  },
};

/** Theming: edit a token, and every widget takes it; the CSS to copy says the same. */
export const ThemePlayground: Story = {
  render: () => html`<docs-theme-playground></docs-theme-playground>`,
  play: async ({ canvasElement }) => {
    const playground = canvasElement.querySelector('docs-theme-playground')!;
    const widgets = widgetsIn(canvasElement);
    for (const widget of widgets) await waitFor(() => expect(widget.status).toBe('ready'), { timeout: 10000 });
    expect(canvasElement.querySelectorAll('input[type="color"]')).toHaveLength(COLOUR_TOKENS.length);

    const accent = canvasElement.querySelector<HTMLInputElement>('input[name="--kam-accent"]')!;
    accent.value = '#7b1fa2';
    accent.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => {
      for (const widget of widgets) expect(getComputedStyle(widget).getPropertyValue('--kam-accent').trim()).toBe('#7b1fa2');
    });
    expect(playground.css).toContain(":is(kam-pareto, kam-tier-matrix, kam-scorecard, kam-quadrant, kam-red-flags):is(:not([theme]), [theme='light']) {\n  --kam-accent: #7b1fa2;\n}");

    // The dark theme has its own colours: the light edit does not carry over.
    await userEvent.click(canvasElement.querySelector<HTMLInputElement>('input[name="mode"][value="dark"]')!);
    const darkAccent = TOKENS.find((t) => t.name === '--kam-accent')!.dark!;
    await waitFor(() => expect(widgets.every((w) => w.getAttribute('theme') === 'dark')).toBe(true));
    for (const widget of widgets) expect(getComputedStyle(widget).getPropertyValue('--kam-accent').trim()).toBe(darkAccent);

    await userEvent.click(canvasElement.querySelector<HTMLInputElement>('input[name="mode"][value="light"]')!);
    playground.reset();
    await waitFor(() => expect(playground.css).toContain('No token changed yet'));
  },
};

/** Theming: the colours the manifest documents as defaults are the ones theme.ts sets (no copy has drifted). */
export const ManifestDefaultsMatchTheme: Story = {
  render: () => html`<p>The CSS custom property defaults in custom-elements.json match src/internal/theme.ts.</p>`,
  play: async () => {
    const light = new Map(TOKENS.map((t) => [t.name, t.light]));
    const drift = WIDGET_TAGS.flatMap((tag) =>
      elementDoc(tag)
        .cssProperties.filter((p) => /^#[0-9a-f]{3,8}$/i.test(p.default ?? '') && light.has(p.name) && light.get(p.name)!.toLowerCase() !== p.default!.toLowerCase())
        .map((p) => `${tag} ${p.name}: manifest ${p.default}, theme.ts ${light.get(p.name)}`),
    );
    expect(drift).toEqual([]);
  },
};
