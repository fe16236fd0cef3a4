/**
 * Timing helpers of the bench page. A run starts just after a painted frame; its script is timed until
 * the response is done (updateComplete, or Chart.js drawing), style and layout are then forced and timed
 * on their own, and the run ends in the task after the next frame (headless Chromium paints at 60 fps,
 * so that last wait comes in steps of about 16.7 ms; the work itself is script + layout + paint).
 */
import type { Sample } from './api.js';

export const now = () => performance.now();

/** Resolves in the task after the frame that follows the next animation-frame callbacks, with when those callbacks ran and when the frame was done. */
export function nextFrame(): Promise<{ frameAt: number; paintedAt: number }> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const frameAt = now();
      // A task queued from requestAnimationFrame runs after that frame's style, layout and paint.
      setTimeout(() => resolve({ frameAt, paintedAt: now() }), 0);
    }),
  );
}

/** Resolves in the next task (from inside an animation-frame callback: after that frame is painted). */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Style and layout of the whole document, now (reading geometry forces both). */
export function forceLayout(): void {
  void document.body.getBoundingClientRect();
}

declare global {
  interface Window {
    /** Present when Chromium runs with --js-flags=--expose-gc (scripts/bench.ts passes it). */
    gc?: () => void;
  }
}

/** The JavaScript heap in use (Chromium only; exact with --enable-precise-memory-info). */
const heapUsed = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
/** Garbage allowed to pile up before a timed run collects it: a run at 100,000 accounts leaves tens of MB. */
const GC_SLACK = 48 * 1024 * 1024;
let heapAfterGc = 0;

/**
 * Before a timed run: the garbage of earlier runs collected when there is much of it (so a big collection
 * does not land inside the run), and a frame painted. A full collection with 100,000 accounts alive takes
 * a few hundred ms, so it is not done before every run.
 */
export async function quiet(): Promise<void> {
  if (window.gc && heapUsed() > heapAfterGc + GC_SLACK) {
    window.gc();
    heapAfterGc = heapUsed();
  }
  await nextFrame();
}

/**
 * Times one response: `respond` makes the change and resolves when its script is done (e.g. after
 * `updateComplete`); then layout is forced, and the run ends once the next frame is painted.
 */
export async function timeResponse(respond: () => unknown): Promise<Sample> {
  await quiet();
  const start = now();
  await respond();
  const scripted = now();
  forceLayout();
  const laidOut = now();
  const frame = await nextFrame();
  return { total: frame.paintedAt - start, script: scripted - start, layout: laidOut - scripted, paint: frame.paintedAt - frame.frameAt };
}

/** The element every case draws into (its width is the widgets' width), emptied by `clearStage`. */
export function stage(): HTMLElement {
  return document.querySelector<HTMLElement>('#stage')!;
}

const cleanups = new Set<() => void>();

/** Runs `cleanup` on the next clearStage (Chart.js charts are destroyed there, not only removed). */
export function onClear(cleanup: () => void): void {
  cleanups.add(cleanup);
}

export function clearStage(): void {
  for (const cleanup of cleanups) cleanup();
  cleanups.clear();
  stage().replaceChildren();
}

/** A sized box on the stage (Chart.js sizes a responsive chart from its container). */
export function chartBox(className = 'chart-box'): HTMLDivElement {
  const box = document.createElement('div');
  box.className = className;
  stage().append(box);
  return box;
}

/** A point inside `box` for attempt `attempt`: seeded, so runs repeat, and different per attempt. */
export function spotIn(box: { left: number; top: number; width: number; height: number }, attempt: number, xs: [number, number] = [0.1, 0.9], ys: [number, number] = [0.1, 0.9]) {
  const r1 = fraction(attempt * 2 + 1);
  const r2 = fraction(attempt * 2 + 2);
  return { x: box.left + box.width * (xs[0] + (xs[1] - xs[0]) * r1), y: box.top + box.height * (ys[0] + (ys[1] - ys[0]) * r2) };
}

/** A fixed pseudo-random fraction in [0, 1) for each integer (a hash, no state). */
export function fraction(i: number): number {
  let t = (i * 0x9e3779b1 + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
