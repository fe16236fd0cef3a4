/**
 * The comparison: Chart.js 4 drawing what each widget draws (or its nearest equivalent), from the raw
 * accounts, with the same analysis where the chart needs one. What is compared, per widget:
 *
 * - pareto: the same chart. Bars of revenue sorted descending, the cumulative-share line on a second
 *   axis and the 80% cutoff line; the sort and the running share are done here, as the widget does.
 * - tier-matrix: Chart.js has no matrix. It draws the same 3 x 3 grid's counts as a stacked bar chart
 *   (nine bars, one per cell, stacked by tier), after the same work the widget does: the kit's tier
 *   assignment (assignTiers), tertile bands on revenue and headroom (bandAxis) and the cell grouping
 *   (buildMatrix), all imported from src. So the ratio compares the drawing on top of identical analysis.
 * - quadrant: a bubble chart of the same points. The kit's `quadrants()` (impact, or headroom =
 *   potential - revenue; the median split) places them; x effort, y impact, area by revenue (radius by
 *   sqrt revenue, with the widget's largest-bubble rule), one dataset per quadrant, split lines drawn by
 *   a small plugin. The widget does more that Chart.js is spared here: tiers (shapes, colours), a
 *   quadtree for hit tests, point labels placed off the bubbles, quadrant figures and notes.
 * - scorecard: the same KPIs (the kit's deriveKpis), shown as one tile per KPI with its label and value
 *   as text and a Chart.js line chart as its sparkline. The widget's tiles also carry status, change,
 *   target and base texts.
 * - red-flags: Chart.js has no list of flags. It draws the accounts the widget lists at first paint (its
 *   default `limit`: the first 25 flagged accounts, most severe, then most valuable first) as a horizontal
 *   bar chart of their revenue coloured by severity, after the same analysis: the kit's `Portfolio` and
 *   its `flags()` from src, over every account (reading the raw accounts' figures and histories into
 *   columns, as a widget given raw accounts does, without validating them). So both pay for the flags of
 *   every account; the widget also words each flag as a sentence and draws the type filter.
 * - dashboard: those four charts side by side; a selection recolours the selected Pareto bars, adds a
 *   "selected" bar per matrix cell and a dataset of the selected bubbles, and derives the KPIs of the
 *   selected accounts again, as the widgets do, then redraws each chart (update('none')).
 *
 * Hover: Chart.js's default mouse handling (it handles a mousemove in the next animation frame), with
 * `intersect: false` so the nearest bar or bubble always gets the tooltip, like the widgets' nearest
 * datum within reach.
 */
import {
  BarController,
  BarElement,
  BubbleController,
  CategoryScale,
  Chart,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type BubbleDataPoint,
  type Plugin,
} from 'chart.js';
import { accountColumns } from '../src/analysis/columns.js';
import { deriveKpis, type Kpi } from '../src/analysis/kpis.js';
import { revenueOf } from '../src/analysis/numbers.js';
import { QUADRANT_IDS, QUADRANT_LABELS, quadrantPoints, quadrants } from '../src/analysis/quadrant.js';
import { Portfolio } from '../src/analysis/portfolio.js';
import { assignTiers, TIER_ORDER } from '../src/analysis/tiers.js';
import type { Account } from '../src/feed/schema.js';
import { buildMatrix, selectedCounts } from '../src/analysis/portfolio-matrix.js';
import { bandAxis, bandNames, potentialMeasures, valueMeasures } from '../src/analysis/bands.js';
import type { ChartJsHover, Sample, WidgetName } from './api.js';
import { rawFeed } from './feeds.js';
import { chartBox, clearStage, forceLayout, nextFrame, nextTask, now, onClear, quiet, spotIn, stage, timeResponse } from './frame.js';

Chart.register(BarController, BarElement, BubbleController, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip);

/** The widgets' light-theme colours (src/internal/theme.ts), so both draw the same pixels roughly. */
const COLOURS = {
  bar: '#0b63c5',
  selected: '#1f2328',
  line: '#c1121f',
  tiers: ['#1f5fbf', '#1a7f37', '#7d4fc9', '#c1121f'],
  severities: { severe: '#c1121f', warning: '#8a5300' },
  quadrants: ['#1a7f37', '#0b63c5', '#59636e', '#c1121f'],
} as const;

/** Resolves when Chart.js has drawn the response to the next mouse move, with when it started handling it and when it finished drawing. */
interface HoverProbe {
  plugin: Plugin;
  next(): Promise<{ handledAt: number; drawnAt: number }>;
}

function hoverProbe(): HoverProbe {
  let pending: ((times: { handledAt: number; drawnAt: number }) => void) | undefined;
  let handledAt = 0;
  return {
    plugin: {
      id: 'benchHoverProbe',
      beforeEvent(_chart, args) {
        if (args.event.type === 'mousemove') handledAt = now();
      },
      afterDraw() {
        if (!pending || !handledAt) return;
        pending({ handledAt, drawnAt: now() });
        pending = undefined;
        handledAt = 0;
      },
    },
    next: () => new Promise((resolve) => (pending = resolve)),
  };
}

/** What a builder drew: its charts, how to show a selection, and (for the hover cases) the probe. */
export interface ChartJsView {
  charts: Chart[];
  /** Shows the accounts with these ids as selected and redraws every chart of the view. */
  highlight(selected: ReadonlySet<string>): void;
  probe?: HoverProbe;
}

function canvasIn(box: HTMLElement): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  box.append(canvas);
  return canvas;
}

/** Options every chart shares: no animation (the widgets do not animate either), sized by its box. */
const BASE = { animation: false, responsive: true, maintainAspectRatio: false } as const;

function paretoView(box: HTMLElement, accounts: readonly Account[]): ChartJsView {
  const probe = hoverProbe();
  // The same work kam-pareto does: sort by revenue, cumulative share, then draw.
  const sorted = [...accounts].sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name));
  const total = sorted.reduce((sum, a) => sum + a.revenue, 0);
  let running = 0;
  const cumulative = sorted.map((a) => ((running += a.revenue), running / total));
  const chart = new Chart(canvasIn(box), {
    data: {
      labels: sorted.map((a) => a.name),
      datasets: [
        { type: 'bar', data: sorted.map((a) => a.revenue), yAxisID: 'y', backgroundColor: COLOURS.bar },
        { type: 'line', data: cumulative, yAxisID: 'share', pointRadius: 0, borderColor: COLOURS.line },
        { type: 'line', data: sorted.map(() => 0.8), yAxisID: 'share', pointRadius: 0, borderDash: [5, 4] },
      ],
    },
    options: {
      ...BASE,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true }, share: { position: 'right', min: 0, max: 1 } },
    },
    plugins: [probe.plugin],
  });
  return {
    charts: [chart],
    probe,
    highlight(selected) {
      chart.data.datasets[0]!.backgroundColor = sorted.map((a) => (selected.has(a.id) ? COLOURS.selected : COLOURS.bar));
      chart.update('none');
    },
  };
}

function tierMatrixView(box: HTMLElement, accounts: readonly Account[]): ChartJsView {
  // The widget's defaults: value = revenue, potential = headroom, tertile bands, the kit's tier rule.
  // Read into columns once, as the widget does (fresh on every run: the raw accounts are the same array).
  const columns = accountColumns(accounts);
  const tiers = assignTiers(accounts, {}, { columns });
  const value = bandAxis(valueMeasures(columns, 'revenue'));
  const potential = bandAxis(potentialMeasures(columns, 'headroom'));
  const matrix = buildMatrix(tiers.tierIndex, columns.revenue, value, potential);
  const valueNames = bandNames(value);
  const potentialNames = bandNames(potential);
  const chart = new Chart(canvasIn(box), {
    type: 'bar',
    data: {
      labels: matrix.cells.map((c) => [`${valueNames[c.valueBand]} value`, `${potentialNames[c.potentialBand]} potential`]),
      datasets: [
        ...TIER_ORDER.map((tier, t) => ({ label: tier, data: matrix.cells.map((c) => c.tierCounts[t]!), backgroundColor: COLOURS.tiers[t], stack: 'tiers' })),
        { label: 'Selected', data: matrix.cells.map(() => 0), backgroundColor: COLOURS.selected, stack: 'selected' },
      ],
    },
    options: { ...BASE, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
  });
  let indexById: Map<string, number> | undefined;
  return {
    charts: [chart],
    highlight(selected) {
      indexById ??= new Map(accounts.map((a, i) => [a.id, i]));
      const indexes: number[] = [];
      for (const id of selected) {
        const i = indexById.get(id);
        if (i !== undefined) indexes.push(i);
      }
      chart.data.datasets[TIER_ORDER.length]!.data = Array.from(selectedCounts(matrix, indexes).cells);
      chart.update('none');
    },
  };
}

/** The split lines at the thresholds, in data coordinates. */
function splitLines(effort: number | null, impact: number | null): Plugin<'bubble'> {
  return {
    id: 'benchSplitLines',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      ctx.save();
      ctx.strokeStyle = COLOURS.selected;
      ctx.beginPath();
      if (effort !== null) {
        const x = scales.x!.getPixelForValue(effort);
        ctx.moveTo(x, chartArea.top);
        ctx.lineTo(x, chartArea.bottom);
      }
      if (impact !== null) {
        const y = scales.y!.getPixelForValue(impact);
        ctx.moveTo(chartArea.left, y);
        ctx.lineTo(chartArea.right, y);
      }
      ctx.stroke();
      ctx.restore();
    },
  };
}

function quadrantView(box: HTMLElement, accounts: readonly Account[]): ChartJsView {
  const probe = hoverProbe();
  const result = quadrants(accounts);
  const placed = quadrantPoints(result);
  const n = placed.length;
  // kam-quadrant's bubble rule: area by revenue, the largest sized by the room per point (at most 28 px).
  const plotWidth = box.clientWidth - 60;
  const plotHeight = box.clientHeight - 40;
  const maxRadius = Math.max(3, Math.min(Math.sqrt((plotWidth * plotHeight) / Math.max(1, n)) * 0.6, plotWidth / 16, 28));
  let maxRevenue = 0;
  for (const p of placed) maxRevenue = Math.max(maxRevenue, revenueOf(p.account.revenue));
  const scale = maxRevenue > 0 ? maxRadius / Math.sqrt(maxRevenue) : 0;
  const bubble = (i: number): BubbleDataPoint => {
    const p = placed[i]!;
    return { x: p.effort, y: p.impact, r: Math.max(1, Math.sqrt(revenueOf(p.account.revenue)) * scale) };
  };
  const byQuadrant: BubbleDataPoint[][] = QUADRANT_IDS.map(() => []);
  for (let i = 0; i < n; i++) byQuadrant[QUADRANT_IDS.indexOf(placed[i]!.quadrant)]!.push(bubble(i));
  const chart = new Chart(canvasIn(box), {
    type: 'bubble',
    data: {
      datasets: [
        ...QUADRANT_IDS.map((id, q) => ({ label: QUADRANT_LABELS[id], data: byQuadrant[q]!, backgroundColor: `${COLOURS.quadrants[q]}b3` })),
        { label: 'Selected', data: [], backgroundColor: COLOURS.selected },
      ],
    },
    options: { ...BASE, interaction: { mode: 'nearest', intersect: false } },
    plugins: [splitLines(result.effortThreshold, result.impactThreshold), probe.plugin as Plugin<'bubble'>],
  });
  return {
    charts: [chart],
    probe,
    highlight(selected) {
      const points: BubbleDataPoint[] = [];
      for (let i = 0; i < n; i++) if (selected.has(placed[i]!.account.id)) points.push(bubble(i));
      chart.data.datasets[QUADRANT_IDS.length]!.data = points;
      chart.update('none');
    },
  };
}

function scorecardView(box: HTMLElement, accounts: readonly Account[]): ChartJsView {
  box.classList.add('kpi-tiles');
  const tiles = new Map<string, { value: HTMLElement; chart: Chart<'line'> }>();
  const valueText = (kpi: Kpi) => (kpi.value === null ? 'Not available' : kpi.unit === 'percent' ? `${(kpi.value * 100).toFixed(1)}%` : kpi.value.toLocaleString('en-US', { maximumFractionDigits: 1 }));
  for (const kpi of deriveKpis(accounts)) {
    const tile = document.createElement('div');
    tile.className = 'kpi-tile';
    const label = document.createElement('span');
    label.textContent = kpi.label;
    const value = document.createElement('strong');
    value.textContent = valueText(kpi);
    const canvas = document.createElement('canvas');
    canvas.width = 120;
    canvas.height = 32;
    tile.append(label, value, canvas);
    box.append(tile);
    const history = kpi.history ?? [];
    const chart = new Chart(canvas, {
      type: 'line',
      data: { labels: history.map((_, i) => i), datasets: [{ data: history, pointRadius: 0, borderColor: COLOURS.bar, borderWidth: 1.5 }] },
      options: { animation: false, responsive: false, events: [], scales: { x: { display: false }, y: { display: false } } },
    });
    tiles.set(kpi.id, { value, chart });
  }
  return {
    charts: [...tiles.values()].map((t) => t.chart),
    highlight(selected) {
      const scoped = selected.size ? accounts.filter((a) => selected.has(a.id)) : accounts;
      for (const kpi of deriveKpis(scoped)) {
        const tile = tiles.get(kpi.id);
        if (!tile) continue;
        const history = kpi.history ?? [];
        tile.value.textContent = valueText(kpi);
        tile.chart.data.labels = history.map((_, i) => i);
        tile.chart.data.datasets[0]!.data = history;
        tile.chart.update('none');
      }
    },
  };
}

/** Flagged accounts <kam-red-flags> lists at first paint (its default `limit`). */
const LISTED_FLAGS = 25;

function redFlagsView(box: HTMLElement, accounts: readonly Account[]): ChartJsView {
  // The same analysis kam-red-flags does: the portfolio's flags of every account, in the list's order.
  const listed = new Portfolio(accounts).flags().accounts.slice(0, LISTED_FLAGS);
  const colours = listed.map((f) => COLOURS.severities[f.severity]);
  const chart = new Chart(canvasIn(box), {
    type: 'bar',
    data: {
      labels: listed.map((f) => f.account.name),
      datasets: [{ label: 'Revenue', data: listed.map((f) => f.account.revenue), backgroundColor: colours }],
    },
    options: { ...BASE, indexAxis: 'y', scales: { x: { beginAtZero: true } } },
  });
  return {
    charts: [chart],
    highlight(selected) {
      chart.data.datasets[0]!.backgroundColor = listed.map((f, i) => (selected.has(f.account.id) ? COLOURS.selected : colours[i]!));
      chart.update('none');
    },
  };
}

const VIEWS: Record<WidgetName, (box: HTMLElement, accounts: readonly Account[]) => ChartJsView> = {
  pareto: paretoView,
  'tier-matrix': tierMatrixView,
  quadrant: quadrantView,
  scorecard: scorecardView,
  'red-flags': redFlagsView,
};

function destroyOnClear(view: ChartJsView): ChartJsView {
  onClear(() => view.charts.forEach((c) => c.destroy()));
  return view;
}

/** What the last chartJsPaint left, for chartJsHover. */
let mounted: { widget: WidgetName; view: ChartJsView } | undefined;

export async function chartJsPaint(widget: WidgetName, count: number): Promise<Sample> {
  clearStage();
  mounted = undefined;
  const box = chartBox(widget === 'scorecard' ? 'tiles-box' : 'chart-box');
  const { accounts } = rawFeed(count);
  await nextFrame(); // the empty box laid out first, like the widgets' empty element
  let view: ChartJsView | undefined;
  const sample = await timeResponse(() => (view = destroyOnClear(VIEWS[widget](box, accounts))));
  mounted = { widget, view: view! };
  return sample;
}

export async function chartJsHover(widget: ChartJsHover, attempt: number): Promise<Sample> {
  if (mounted?.widget !== widget || !mounted.view.probe) throw new Error(`No Chart.js ${widget} chart mounted: run chartJsPaint first.`);
  const { view } = mounted;
  const chart = view.charts[0]!;
  const probe = view.probe!;
  // Clear the hover state through the API (no redraw: at 100,000 points one costs seconds), so the timed
  // move always changes what is shown and Chart.js draws.
  chart.setActiveElements([]);
  chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
  await quiet();
  const area = chart.chartArea;
  const canvasBox = chart.canvas.getBoundingClientRect();
  const { x, y } = spotIn({ left: canvasBox.left + area.left, top: canvasBox.top + area.top, width: area.width, height: area.height }, attempt, [0.2, 0.8], [0.2, 0.8]);
  const drawn = probe.next();
  const start = now();
  chart.canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('Chart.js drew nothing for the mouse move')), 10_000));
  const { handledAt, drawnAt } = await Promise.race([drawn, timeout]);
  // We are inside the animation frame Chart.js handled the move in: layout now, then the task after this frame.
  const scripted = now();
  forceLayout();
  const laidOut = now();
  await nextTask();
  const paintedAt = now();
  if (!chart.tooltip?.getActiveElements().length) throw new Error('Chart.js showed no tooltip');
  return { total: paintedAt - start, script: drawnAt - handledAt, layout: laidOut - scripted, paint: paintedAt - laidOut };
}

// ---- the linked dashboard, drawn by Chart.js ----------------------------------------------------------

let dashboard: { views: ChartJsView[]; count: number } | undefined;

export async function chartJsDashboardMount(count: number): Promise<Sample> {
  clearStage();
  dashboard = undefined;
  const grid = document.createElement('div');
  grid.className = 'dashboard';
  stage().append(grid);
  const boxes = (['scorecard', 'pareto', 'tier-matrix', 'quadrant'] as const).map((widget) => {
    const box = document.createElement('div');
    box.className = widget === 'scorecard' ? 'tiles-box wide' : 'chart-box half';
    grid.append(box);
    return { widget, box };
  });
  const { accounts } = rawFeed(count);
  await nextFrame();
  let views: ChartJsView[] = [];
  const sample = await timeResponse(() => (views = boxes.map(({ widget, box }) => destroyOnClear(VIEWS[widget](box, accounts)))));
  dashboard = { views, count };
  return sample;
}

export async function chartJsDashboardSelect(ids: readonly string[]): Promise<Sample> {
  if (!dashboard) throw new Error('No Chart.js dashboard mounted: run chartJsDashboardMount first.');
  const { views } = dashboard;
  return timeResponse(() => {
    const selected = new Set(ids);
    for (const view of views) view.highlight(selected);
  });
}

export function chartJsDashboardCount(): number {
  if (!dashboard) throw new Error('No Chart.js dashboard mounted: run chartJsDashboardMount first.');
  return dashboard.count;
}
