/**
 * The page `npm run bench` drives in headless Chromium (see scripts/bench.ts): each kam-widgets element
 * and the linked dashboard, timed from "here is the data" (or a pointer event, or a selection change) to
 * "the frame after it is painted", next to Chart.js drawing the same chart in the same page (bench/chartjs.ts
 * says what is compared for each widget). Everything it offers is on `window.bench` (bench/api.ts).
 */
import type { BenchApi } from './api.js';
import { chartJsDashboardCount, chartJsDashboardMount, chartJsDashboardSelect, chartJsHover, chartJsPaint } from './chartjs.js';
import { dashboardMount, dashboardSelect, SELECTED_IDS } from './dashboard.js';
import { prepareFeeds, releaseFeeds, sampleIds, timeValidation } from './feeds.js';
import { clearStage } from './frame.js';
import { widgetHover, widgetPaint, widgetUpdate } from './widgets.js';

const bench: BenchApi = {
  prepare: async (count) => prepareFeeds(count),
  validate: timeValidation,
  release: async (count) => {
    clearStage();
    releaseFeeds(count);
  },
  widgetPaint,
  widgetUpdate,
  widgetHover,
  chartJsPaint,
  chartJsHover,
  dashboardMount,
  dashboardSelect,
  chartJsDashboardMount,
  // The same seeded ids as dashboardSelect('ids', attempt).
  chartJsDashboardSelect: (attempt) => chartJsDashboardSelect(sampleIds(chartJsDashboardCount(), SELECTED_IDS, attempt)),
};

declare global {
  interface Window {
    bench: BenchApi;
  }
}

window.bench = bench;
