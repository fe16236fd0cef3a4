/**
 * Tracks the host's content box with a ResizeObserver and asks the host to update when it changes.
 * Widgets lay out from `width` and `height`; before the first observation they use the fallbacks.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ResizeControllerOptions {
  /** Width used before the first observation (and in environments without layout). */
  fallbackWidth?: number;
  fallbackHeight?: number;
}

export class ResizeController implements ReactiveController {
  width: number;
  height: number;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private observer?: ResizeObserver;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ResizeControllerOptions = {}) {
    this.host = host;
    this.width = options.fallbackWidth ?? 640;
    this.height = options.fallbackHeight ?? 360;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    const rect = this.host.getBoundingClientRect();
    if (rect.width > 0) this.apply(rect.width, rect.height);
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) this.apply(box.width, box.height);
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private apply(width: number, height: number): void {
    const w = Math.round(width);
    const h = Math.round(height);
    if (w === this.width && h === this.height) return;
    if (w <= 0) return; // hidden (display: none): keep the last size rather than collapsing
    this.width = w;
    this.height = h;
    this.host.requestUpdate();
  }
}
