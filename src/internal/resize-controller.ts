/**
 * Tracks the host's content box with a ResizeObserver and asks the host to update when it changes.
 * Widgets lay out from `width` and `height`; before the first observation they use the fallbacks.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ResizeControllerOptions {
  /** Width used before the first observation (and in environments without layout). */
  fallbackWidth?: number;
  fallbackHeight?: number;
  /** Observe this element of the host's shadow root instead of the host (e.g. the plot area). */
  target?: () => Element | null | undefined;
}

export class ResizeController implements ReactiveController {
  width: number;
  height: number;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private observer?: ResizeObserver;
  private observed?: Element;
  private frame?: number;
  private readonly target?: () => Element | null | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ResizeControllerOptions = {}) {
    this.host = host;
    this.target = options.target;
    this.width = options.fallbackWidth ?? 640;
    this.height = options.fallbackHeight ?? 360;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) this.apply(box.width, box.height);
    });
    if (this.target) return; // observed once it is rendered, in hostUpdated
    const rect = this.host.getBoundingClientRect();
    if (rect.width > 0) this.apply(rect.width, rect.height);
    this.observer.observe(this.host);
  }

  hostUpdated(): void {
    const element = this.target?.() ?? undefined;
    if (!this.observer || element === this.observed) return;
    if (this.observed) this.observer.unobserve(this.observed);
    this.observed = element;
    if (element) this.observer.observe(element);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = undefined;
  }

  private apply(width: number, height: number): void {
    const w = Math.round(width);
    const h = Math.round(height);
    if (w === this.width && h === this.height) return;
    if (w <= 0) return; // hidden (display: none): keep the last size rather than collapsing
    this.width = w;
    this.height = h;
    // Update in the next frame: re-rendering inside the observer's callback can resize the observed
    // element again in the same frame, which browsers report as "ResizeObserver loop" errors.
    if (this.frame === undefined) {
      this.frame = requestAnimationFrame(() => {
        this.frame = undefined;
        this.host.requestUpdate();
      });
    }
  }
}
