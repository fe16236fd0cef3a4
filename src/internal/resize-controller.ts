/**
 * Tracks the host's content box with a ResizeObserver and asks the host to update when it changes.
 * Widgets lay out from `width` and `height`; before the first observation they use the fallbacks.
 * A size reaches the host one frame after the observer reports it; `settled` (and `resizeSettled(host)`
 * for all of a host's controllers) says when it has, so the host's updateComplete can wait for it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ResizeControllerOptions {
  /** Width used before the first observation (and in environments without layout). */
  fallbackWidth?: number;
  fallbackHeight?: number;
  /** Observe this element of the host's shadow root instead of the host (e.g. the plot area). */
  target?: () => Element | null | undefined;
}

/** Longest a controller holds `settled` open, for a page that never paints (hidden, throttled). */
const SETTLE_LIMIT_MS = 1000;

/** The controllers of each host: a widget may have several (its own size, its plot area's). */
const controllersOf = new WeakMap<ReactiveControllerHost, Set<ResizeController>>();

/** Settles once every ResizeController of `host` has handed its last observed size to the host. */
export async function resizeSettled(host: ReactiveControllerHost): Promise<void> {
  await Promise.all([...(controllersOf.get(host) ?? [])].map((controller) => controller.settled));
}

/** True while some ResizeController of `host` has a size the host has not been asked to draw yet. */
export function resizePending(host: ReactiveControllerHost): boolean {
  return [...(controllersOf.get(host) ?? [])].some((controller) => controller.pending);
}

export class ResizeController implements ReactiveController {
  width: number;
  height: number;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #target?: () => Element | null | undefined;
  #observer?: ResizeObserver;
  #observed?: Element;
  #frame?: number;
  /** A size arrived that the next frame hands to the host. */
  #changed = false;
  #waiting?: { promise: Promise<void>; resolve: () => void; timer: ReturnType<typeof setTimeout> };

  constructor(host: ReactiveControllerHost & HTMLElement, options: ResizeControllerOptions = {}) {
    this.#host = host;
    this.#target = options.target;
    this.width = options.fallbackWidth ?? 640;
    this.height = options.fallbackHeight ?? 360;
    host.addController(this);
    const controllers = controllersOf.get(host) ?? new Set();
    controllersOf.set(host, controllers.add(this));
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.#observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box && this.#apply(box.width, box.height)) this.#changed = true;
      // Even an unchanged size settles in the next frame, not here: code awaiting updateComplete must not
      // run inside the observer's delivery, where a layout change makes "ResizeObserver loop" errors.
      this.#nextFrame();
    });
    if (this.#target) return; // observed once it is rendered, in hostUpdated
    this.#observe(this.#host);
  }

  hostUpdated(): void {
    const element = this.#target?.() ?? undefined;
    if (!this.#observer || element === this.#observed) return;
    if (this.#observed) this.#observer.unobserve(this.#observed);
    this.#observed = element;
    if (element) this.#observe(element);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observed = undefined;
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
    this.#release(true);
  }

  /** Settles once the size last observed has reached the host (the frame after the observation); at once when none is waiting. */
  get settled(): Promise<void> {
    return this.#waiting?.promise ?? Promise.resolve();
  }

  /** True from a newly observed size until the frame that hands it to the host. */
  get pending(): boolean {
    return this.#waiting !== undefined;
  }

  /**
   * Starts observing `element`. Its content box is measured at once (the observer would report it only in
   * the next frame), so the first render already has the right size and updateComplete need not wait a
   * frame for a size that is already known.
   */
  #observe(element: Element): void {
    this.#observer?.observe(element);
    const rect = element.getBoundingClientRect();
    if (rect.width <= 0) return;
    const style = getComputedStyle(element);
    const px = (value: string) => parseFloat(value) || 0;
    const width = rect.width - px(style.paddingLeft) - px(style.paddingRight) - px(style.borderLeftWidth) - px(style.borderRightWidth);
    const height = rect.height - px(style.paddingTop) - px(style.paddingBottom) - px(style.borderTopWidth) - px(style.borderBottomWidth);
    if (this.#apply(width, height)) this.#host.requestUpdate();
  }

  /** Records a size; true when it differs from the one the host has. */
  #apply(width: number, height: number): boolean {
    const w = Math.round(width);
    const h = Math.round(height);
    if (w === this.width && h === this.height) return false;
    if (w <= 0) return false; // hidden (display: none): keep the last size rather than collapsing
    this.width = w;
    this.height = h;
    return true;
  }

  /**
   * Updates the host in the next frame: re-rendering inside the observer's callback can resize the
   * observed element again in the same frame, which browsers report as "ResizeObserver loop" errors.
   */
  #nextFrame(): void {
    if (this.#frame !== undefined) return;
    if (this.#changed) this.#hold();
    this.#frame = requestAnimationFrame(() => {
      this.#frame = undefined;
      if (this.#changed) this.#host.requestUpdate();
      this.#changed = false;
      this.#release();
    });
  }

  #hold(): void {
    if (this.#waiting || document.hidden) return; // a hidden page runs no frames
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    this.#waiting = { promise, resolve, timer: setTimeout(() => this.#release(true), SETTLE_LIMIT_MS) };
  }

  #release(force = false): void {
    if (!this.#waiting || (!force && this.#frame !== undefined)) return;
    clearTimeout(this.#waiting.timer);
    this.#waiting.resolve();
    this.#waiting = undefined;
  }
}
