/**
 * What the bench page (bench/bench-page.ts) offers on `window.bench`, shared by the page and by
 * scripts/bench.ts, which drives it through playwright-core. Type-only: nothing here runs.
 */

/**
 * One timed run, in milliseconds. The page starts each run just after a painted frame, so `total` also
 * holds the wait for the next frame (headless Chromium draws at 60 fps: steps of about 16.7 ms);
 * script + layout + paint is the work itself, whatever the frame timing.
 */
export interface Sample {
  /** From the action (data set, pointer event, selection change) to the task just after the frame that shows the result. */
  total: number;
  /** JavaScript of the response: the widgets' updates until updateComplete, or Chart.js building and drawing. */
  script: number;
  /** Style and layout, forced right after the script. */
  layout: number;
  /** The frame that shows the result: from its animation-frame callbacks to the task after it (paint, commit). */
  paint: number;
}

export type WidgetName = 'pareto' | 'tier-matrix' | 'quadrant' | 'scorecard' | 'red-flags';
/** Widgets with a pointer hover benchmark. */
export type HoverWidget = 'pareto' | 'tier-matrix' | 'quadrant';
/** Chart.js charts with a hover benchmark. */
export type ChartJsHover = 'pareto' | 'quadrant';
/** How a widget gets its accounts: a feed that parseFeed validated (what a <kam-feed> hands its widgets), or the raw accounts, plain objects as JSON.parse returns them (the widget validates them). */
export type FeedInput = 'validated' | 'raw';
/** How the dashboard's selection changes: the feed's `selection` property set to 100 ids, or a click on a tier-matrix cell. */
export type SelectHow = 'ids' | 'click';

export interface BenchApi {
  /** Generates the sample feed of `count` accounts (seeded) and validates it once; resolves with the number of accounts. */
  prepare(count: number): Promise<number>;
  /** parseFeed alone on the raw accounts of `count` (no drawing): script time only. */
  validate(count: number): Promise<Sample>;
  /** Forgets the feeds of `count` accounts and clears the stage. */
  release(count: number): Promise<void>;
  /** A new widget on the stage, then `data` set: until painted. */
  widgetPaint(widget: WidgetName, count: number, input: FeedInput): Promise<Sample>;
  /** A new validated feed (same accounts) set on the widget the last widgetPaint left: until painted. */
  widgetUpdate(): Promise<Sample>;
  /** A pointer over the widget the last widgetPaint left (a different spot or cell per `attempt`): until its tooltip is painted. */
  widgetHover(widget: HoverWidget, attempt: number): Promise<Sample>;
  /** Chart.js draws the same chart (or its nearest equivalent) from the raw accounts: until painted. */
  chartJsPaint(widget: WidgetName, count: number): Promise<Sample>;
  /** A mouse move over the chart the last chartJsPaint left: until Chart.js's tooltip is painted. */
  chartJsHover(chart: ChartJsHover, attempt: number): Promise<Sample>;
  /** A <kam-feed> with the four widgets linked to it (feed="id"): from the feed's `data` set to all four painted. */
  dashboardMount(count: number): Promise<Sample>;
  /** A selection change on that dashboard: until all four widgets have repainted. */
  dashboardSelect(how: SelectHow, attempt: number): Promise<Sample>;
  /** The same four charts drawn by Chart.js, from the raw accounts: until painted. */
  chartJsDashboardMount(count: number): Promise<Sample>;
  /** The same 100-id selection change shown by the four Chart.js charts: until painted. */
  chartJsDashboardSelect(attempt: number): Promise<Sample>;
}
