/**
 * "Try your data": paste a feed (JSON or CSV) or choose a file, and every widget shows it through one
 * <kam-feed>, with the validation messages beside the input. The play function pastes a valid feed, an
 * invalid one and a CSV export, and checks what the widgets and the messages say.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { KamWidget } from '../src/internal/kam-widget.js';
import { defineTryYourData } from './docs/try-your-data-panel.js';

defineTryYourData();

const meta: Meta = {
  title: 'Docs/Try your data',
  // A workbench, not an element of the kit: no autodocs page.
  tags: ['!autodocs'],
  render: () => html`<docs-try-your-data></docs-try-your-data>`,
};
export default meta;

type Story = StoryObj;

const VALID = JSON.stringify({
  version: 1,
  accounts: [
    { id: 'T-1', name: 'Tessera Foods', revenue: 800000, previousRevenue: 700000, profit: 90000, potential: 1200000, effort: 40 },
    { id: 'T-2', name: 'Umbra Retail', revenue: 300000, previousRevenue: 320000, profit: -5000, potential: 350000, effort: 60 },
  ],
});
const INVALID = '{ "version": 2, "accounts": "none" }';
const CSV = 'id,name,revenue\nC-1,Carta SE,"1.234,50"\nC-2,Dorn AG,12k\nC-3,Eber KG,"98.000"';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const textOf = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export const TryYourData: Story = {
  name: 'Try your data',
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText('Your feed (JSON or CSV)');
    const messages = () => textOf(canvasElement.querySelector('.sb-try-messages'));
    const pareto = canvasElement.querySelector<KamWidget<unknown>>('kam-pareto')!;
    const widgets = [...canvasElement.querySelectorAll<KamWidget<unknown>>('kam-scorecard, kam-pareto, kam-tier-matrix, kam-quadrant')];
    expect(widgets).toHaveLength(4);

    const paste = async (text: string) => {
      await userEvent.clear(input);
      await userEvent.click(input);
      await userEvent.paste(text);
    };

    await step('a valid JSON feed: every widget draws it', async () => {
      await paste(VALID);
      await waitFor(() => expect(messages()).toBe('The feed meets the contract: 2 accounts shown (read as JSON).'), { timeout: 5000 });
      await waitFor(() => expect(textOf(part(pareto, 'summary'))).toMatch(/ of 2 accounts /));
      for (const widget of widgets) await waitFor(() => expect(widget.status).toBe('ready'));
    });

    await step('an invalid feed: the messages list every problem, the widgets show the error', async () => {
      await paste(INVALID);
      await waitFor(() => expect(messages()).toContain('The account feed is not valid (2 problems)'), { timeout: 5000 });
      const problems = [...canvasElement.querySelectorAll('.sb-try-messages li')].map(textOf);
      expect(problems).toEqual(['version: expected 1 (the only feed version), got 2', 'accounts: expected an array of accounts, got "none"']);
      for (const widget of widgets) await waitFor(() => expect(textOf(part(widget, 'state-error'))).toContain('version: expected 1'));
    });

    await step('a CSV export in de-DE: good rows drawn, the bad cell named by row and column', async () => {
      await userEvent.selectOptions(canvas.getByLabelText('CSV numbers'), 'de-DE');
      await paste(CSV);
      await waitFor(() => expect(messages()).toMatch(/^2 accounts shown, 1 account skipped \(read as CSV, numbers as de-DE writes them/), { timeout: 5000 });
      expect(messages()).toContain('row 3, column "revenue": expected');
      await waitFor(() => expect(textOf(part(pareto, 'skipped-notice'))).toContain('1 account skipped'));
    });
  },
};

