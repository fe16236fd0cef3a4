/**
 * The page `npm run bench` drives in headless Chromium: the same Pareto chart (bars of revenue sorted
 * descending, cumulative-share line on a second axis, cutoff line) drawn by <kam-pareto> and by Chart.js,
 * timed from "here is the data" to "the frame after it is painted".
 */
import '../src/components/pareto/define.js';
import { parseFeed } from '../src/feed/parse.js';
import { generateSampleFeed } from '../src/analysis/sample-feed.js';
import type { KamPareto } from '../src/components/pareto/kam-pareto.js';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement);

/** Resolves just after the next frame is painted (a task queued from requestAnimationFrame runs after paint). */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const feeds = new Map<number, ReturnType<typeof generateSampleFeed>>();
function feedOf(count: number) {
  let feed = feeds.get(count);
  if (!feed) feeds.set(count, (feed = generateSampleFeed({ count, seed: count })));
  return feed;
}

let pareto: KamPareto | undefined;
let chart: Chart | undefined;

async function kamPareto(count: number, validated: boolean): Promise<number> {
  const raw = feedOf(count);
  const input = validated ? parseFeed(raw) : raw; // a validated feed is what a shared <kam-feed> hands its widgets
  pareto?.remove();
  pareto = document.createElement('kam-pareto');
  pareto.locale = 'en-US';
  document.querySelector('#kam-host')!.append(pareto);
  await painted();
  const start = performance.now();
  pareto.data = input;
  await pareto.updateComplete;
  await painted();
  return performance.now() - start;
}

async function chartJs(count: number): Promise<number> {
  const raw = feedOf(count);
  chart?.destroy();
  const canvas = document.querySelector<HTMLCanvasElement>('#chartjs')!;
  await painted();
  const start = performance.now();
  // The same work kam-pareto does: sort by revenue, cumulative share, then draw.
  const accounts = [...raw.accounts].sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name));
  const total = accounts.reduce((sum, a) => sum + a.revenue, 0);
  let running = 0;
  const cumulative = accounts.map((a) => ((running += a.revenue), running / total));
  chart = new Chart(canvas, {
    data: {
      labels: accounts.map((a) => a.name),
      datasets: [
        { type: 'bar', data: accounts.map((a) => a.revenue), yAxisID: 'y' },
        { type: 'line', data: cumulative, yAxisID: 'share', pointRadius: 0 },
        { type: 'line', data: accounts.map(() => 0.8), yAxisID: 'share', pointRadius: 0, borderDash: [5, 4] },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true }, share: { position: 'right', min: 0, max: 1 } },
    },
  });
  await painted();
  return performance.now() - start;
}

/** Hover: from a pointer move over a bar to the tooltip painted. */
async function kamHover(): Promise<number> {
  const plot = pareto!.shadowRoot!.querySelector<HTMLElement>('.plot')!;
  const box = plot.getBoundingClientRect();
  const x = box.left + box.width * (0.2 + Math.random() * 0.6);
  const start = performance.now();
  plot.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: box.top + box.height / 2, bubbles: true }));
  await pareto!.updateComplete;
  await painted();
  return performance.now() - start;
}

/** The update alone (no paint wait): must fit in one 16.7 ms frame for 1,000 accounts. */
async function kamUpdateOnly(count: number): Promise<number> {
  const input = parseFeed(feedOf(count));
  const start = performance.now();
  pareto!.data = input;
  await pareto!.updateComplete;
  return performance.now() - start;
}

Object.assign(window, { bench: { kamPareto, chartJs, kamHover, kamUpdateOnly, feedOf, painted } });
