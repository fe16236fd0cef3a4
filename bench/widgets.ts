/**
 * The kam-widgets cases: a widget from `data` set to painted (validated feed or raw accounts), a new feed on
 * a mounted widget, and a pointer hover until the tooltip is painted.
 */
import '../src/components/pareto/define.js';
import '../src/components/quadrant/define.js';
import '../src/components/red-flags/define.js';
import '../src/components/scorecard/define.js';
import '../src/components/tier-matrix/define.js';
import type { KamElement } from '../src/internal/kam-element.js';
import type { FeedInput, HoverWidget, Sample, WidgetName } from './api.js';
import { rawAccounts, validatedFeed } from './feeds.js';
import { clearStage, nextFrame, spotIn, stage, timeResponse } from './frame.js';

export const WIDGET_TAGS = {
  pareto: 'kam-pareto',
  'tier-matrix': 'kam-tier-matrix',
  quadrant: 'kam-quadrant',
  scorecard: 'kam-scorecard',
  'red-flags': 'kam-red-flags',
} as const satisfies Record<WidgetName, keyof HTMLElementTagNameMap>;

/** A widget element, not yet on the page. */
export function createWidget(widget: WidgetName): KamElement {
  const element = document.createElement(WIDGET_TAGS[widget]);
  element.locale = 'en-US';
  return element;
}

/** What the last widgetPaint left on the stage, for widgetUpdate and widgetHover. */
let mounted: { widget: WidgetName; element: KamElement; count: number } | undefined;

export async function widgetPaint(widget: WidgetName, count: number, input: FeedInput): Promise<Sample> {
  clearStage();
  mounted = undefined;
  const element = createWidget(widget);
  stage().append(element);
  const data = input === 'validated' ? validatedFeed(count) : rawAccounts(count);
  await nextFrame(); // the empty element laid out and sized first, as on a page that is already showing
  const sample = await timeResponse(async () => {
    element.data = data;
    await element.updateComplete;
  });
  if (element.status !== 'ready') throw new Error(`<${element.localName}> is ${element.status} after its data was set`);
  mounted = { widget, element, count };
  return sample;
}

export async function widgetUpdate(): Promise<Sample> {
  const { element, count } = mountedWidget();
  const data = validatedFeed(count);
  return timeResponse(async () => {
    element.data = data;
    await element.updateComplete;
  });
}

function mountedWidget(widget?: WidgetName): NonNullable<typeof mounted> {
  if (!mounted || (widget && mounted.widget !== widget)) throw new Error(`No <${widget ? WIDGET_TAGS[widget] : 'kam-*'}> mounted: run widgetPaint first.`);
  return mounted;
}

/** Pointer positions tried per quadrant hover before giving up (most spots of a dense scatter are within reach of an account). */
const MAX_SPOTS = 60;

/** How to hover one widget: clear the hover, then point at something (a different spot or cell per attempt). */
interface HoverDriver {
  reset(root: ShadowRoot): void;
  /** `spot` counts the retries of one attempt (only the quadrant needs them). */
  point(root: ShadowRoot, attempt: number, spot: number): void;
}

const plotOf = (root: ShadowRoot) => root.querySelector<HTMLElement>('.plot')!;
const leave = (root: ShadowRoot) => plotOf(root).dispatchEvent(new PointerEvent('pointerleave'));
const pointerAt = (target: Element, type: string, x: number, y: number) =>
  target.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, pointerId: 1, bubbles: true, composed: true }));

const HOVER: Record<HoverWidget, HoverDriver> = {
  // A move over a bar somewhere in the middle 60% of the chart.
  pareto: {
    reset: leave,
    point(root, attempt, spot) {
      const plot = plotOf(root);
      const { x, y } = spotIn(plot.getBoundingClientRect(), attempt * MAX_SPOTS + spot, [0.2, 0.8], [0.5, 0.5]);
      pointerAt(plot, 'pointermove', x, y);
    },
  },
  // The pointer entering one of the matrix cells (the widget listens to pointerover on [data-item]):
  // a different cell per attempt, so the first nine hovers each compute that cell's top accounts.
  'tier-matrix': {
    reset: leave,
    point(root, attempt, spot) {
      const cells = root.querySelectorAll('.cells [data-item]');
      const cell = cells[(attempt + spot) % cells.length]!;
      const box = cell.getBoundingClientRect();
      pointerAt(cell, 'pointerover', box.left + box.width / 2, box.top + box.height / 2);
    },
  },
  // A move to a seeded spot over the plot; spots with no account within reach (no tooltip) are retried.
  quadrant: {
    reset: leave,
    point(root, attempt, spot) {
      const plot = plotOf(root);
      const svg = root.querySelector('svg.chart')!;
      const { x, y } = spotIn(svg.getBoundingClientRect(), attempt * MAX_SPOTS + spot, [0.08, 0.95], [0.1, 0.85]);
      pointerAt(plot, 'pointermove', x, y);
    },
  },
};

export async function widgetHover(widget: HoverWidget, attempt: number): Promise<Sample> {
  const { element } = mountedWidget(widget);
  const root = element.shadowRoot!;
  const driver = HOVER[widget];
  for (let spot = 0; spot < MAX_SPOTS; spot++) {
    driver.reset(root);
    await element.updateComplete;
    const sample = await timeResponse(async () => {
      driver.point(root, attempt, spot);
      await element.updateComplete;
    });
    if (root.querySelector('.tooltip')) return sample;
  }
  throw new Error(`<${element.localName}> showed no tooltip for ${MAX_SPOTS} pointer positions`);
}
