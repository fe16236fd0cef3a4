/**
 * The linked dashboard: one <kam-feed> and the four widgets naming it (feed="bench-feed"), as in the
 * README. The feed validates the accounts once and shares them and its selection; a selection change
 * (the feed's `selection` property, or a click on a tier-matrix cell) makes every widget repaint.
 */
import '../src/components/feed/define.js';
import type { KamFeed } from '../src/components/feed/kam-feed.js';
import type { KamElement } from '../src/internal/kam-element.js';
import type { Sample, SelectHow } from './api.js';
import { rawFeed, sampleIds } from './feeds.js';
import { clearStage, nextFrame, stage, timeResponse } from './frame.js';
import { createWidget } from './widgets.js';

const FEED_ID = 'bench-feed';
/** Accounts in a selection set through the feed's `selection` property. */
export const SELECTED_IDS = 100;

let dashboard: { feed: KamFeed; widgets: KamElement[]; count: number } | undefined;

const allUpdated = async (feed: KamFeed, widgets: readonly KamElement[]) => {
  await feed.updateComplete;
  await Promise.all(widgets.map((w) => w.updateComplete));
};

export async function dashboardMount(count: number): Promise<Sample> {
  clearStage();
  dashboard = undefined;
  const grid = document.createElement('div');
  grid.className = 'dashboard';
  const feed = document.createElement('kam-feed');
  feed.id = FEED_ID;
  const widgets = (['scorecard', 'pareto', 'tier-matrix', 'quadrant'] as const).map((name) => {
    const element = createWidget(name);
    element.setAttribute('feed', FEED_ID);
    element.classList.add(name === 'scorecard' ? 'wide' : 'half');
    return element;
  });
  grid.append(feed, ...widgets);
  stage().append(grid);
  await allUpdated(feed, widgets); // every widget attached to the feed and waiting for it
  await nextFrame();
  const data = rawFeed(count); // a <kam-feed> validates what it loads, once for all its widgets
  const sample = await timeResponse(async () => {
    feed.data = data;
    await allUpdated(feed, widgets);
  });
  const notReady = widgets.find((w) => w.status !== 'ready');
  if (notReady) throw new Error(`<${notReady.localName}> is ${notReady.status} on the dashboard`);
  // Let the widgets settle (a size change after the first paint re-renders once) before selections are timed.
  for (let i = 0; i < 3; i++) await nextFrame();
  await allUpdated(feed, widgets);
  dashboard = { feed, widgets, count };
  return sample;
}

export async function dashboardSelect(how: SelectHow, attempt: number): Promise<Sample> {
  if (!dashboard) throw new Error('No dashboard mounted: run dashboardMount first.');
  const { feed, widgets, count } = dashboard;
  const before = feed.selection;
  let change: () => void;
  if (how === 'ids') {
    const ids = sampleIds(count, SELECTED_IDS, attempt);
    change = () => (feed.selection = ids);
  } else {
    // A click on a matrix cell selects its accounts (about 1/9 of them); a different cell each attempt.
    const matrix = widgets.find((w) => w.localName === 'kam-tier-matrix')!;
    const cells = matrix.shadowRoot!.querySelectorAll('.cells [data-item]');
    const cell = cells[attempt % cells.length]!;
    change = () => cell.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  }
  const sample = await timeResponse(async () => {
    change();
    await allUpdated(feed, widgets);
  });
  if (feed.selection === before) throw new Error('The selection did not change');
  return sample;
}
