/**
 * The focus over a widget's items (bars, cells, points, tiles), one for every widget: the item the
 * keyboard is on and the item under the pointer, the keys (arrows in a list or a grid, or the widget's
 * own movement; Home, End, Page Up, Page Down; Enter or Space to activate), the same item kept focused
 * when a refresh or a resize brings new items (found again by its key), and the sentence the live region
 * announces when the keyboard moves. The plot element (the widget's one Tab stop, see KamWidget's
 * `renderPlot`) binds `onKeydown`, `onFocus` and `onFocusOut`; the widget's pointer handlers set `hover`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { moveInList } from './keyboard.js';

/** The item an event happened on: the `data-item` of the nearest element that has one (its composed path's first), or -1. */
export function itemOfEvent(event: Event): number {
  const target = event.composedPath()[0];
  const found = target instanceof Element ? target.closest('[data-item]') : null;
  return found ? Number(found.getAttribute('data-item')) : -1;
}

export interface ItemFocusOptions {
  /** How many items there are now. */
  count(): number;
  /** The key that names item `index` across refreshes (an account id, a KPI id). */
  keyOf(index: number): string | undefined;
  /** The item with this key now, or -1 when it is gone. */
  indexOf(key: string): number;
  /** Where a movement key goes from `index` (-1: no item yet); undefined when `key` is not a movement key, -1 when it is one with nowhere to go (the key is used, the focus stays). Default: a list (`moveInList`). */
  move?(key: string, index: number): number | undefined;
  /** The sentence announced when the keyboard moves to an item. */
  describe(index: number): string;
  /** Enter or Space on the focused item; `extend` with Shift. */
  activate(index: number, extend: boolean): void;
  /** Keys of the widget's own (zoom, for example), tried before the movement keys; true when handled. */
  otherKey?(event: KeyboardEvent): boolean;
  /** Focus the first item when the plot gets focus with no item focused yet (announced for keyboard focus only). Default: false. */
  focusFirst?: boolean;
  /** Whether that first item is announced; false when the plot's name already reads it (the scorecard's summary lists every tile). Default: true. */
  announceFirst?: boolean;
  /** Writes the announcement into the widget's live region. */
  announce(text: string): void;
}

export class ItemFocusController implements ReactiveController {
  /** The item the keyboard is on; -1 for none. */
  index = -1;
  /** The item under the pointer; -1 for none. */
  hover = -1;
  /** Whether the plot has focus. */
  focused = false;
  /** The key of the focused item, which `sync` finds again among new items. */
  #key?: string;

  readonly #host: ReactiveControllerHost;
  readonly #options: ItemFocusOptions;

  constructor(host: ReactiveControllerHost, options: ItemFocusOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The item whose tooltip shows: the hovered one, else the focused one. */
  get active(): number {
    return this.hover >= 0 ? this.hover : this.index;
  }

  /**
   * Finds the focused item again among the current items, by its key: the same account stays focused
   * across a refresh or a re-bucketing; focus is dropped when it is gone.
   */
  #sync(): void {
    const count = this.#options.count();
    this.index = this.#key === undefined || count === 0 ? -1 : this.#options.indexOf(this.#key);
    if (this.index < 0 || this.index >= count) {
      this.index = -1;
      this.#key = undefined;
    }
    if (this.hover >= count) this.hover = -1;
  }

  /** Focuses an item and announces it (`prefix` before its description), or the given sentence. */
  focus(index: number, announce: boolean | string = true): void {
    this.index = index;
    this.#key = index < 0 ? undefined : this.#options.keyOf(index);
    this.hover = -1;
    if (announce !== false && index >= 0) this.#options.announce(typeof announce === 'string' ? announce : this.#options.describe(index));
    this.#host.requestUpdate();
  }

  /** Sets the item under the pointer (-1: none). */
  setHover(index: number): void {
    if (index === this.hover) return;
    this.hover = index;
    this.#host.requestUpdate();
  }

  /** Drops focus and hover (Escape). */
  clear(): void {
    this.hover = -1;
    this.#host.requestUpdate();
  }

  /** Before each render, after the host derived its items. */
  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.focused = false;
    this.hover = -1;
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.target !== event.currentTarget) return; // keys inside the plot (a tooltip's link, an open detail) are theirs
    if (event.key === 'Enter' || event.key === ' ') {
      if (this.index < 0) return;
      event.preventDefault();
      this.#options.activate(this.index, event.shiftKey);
      return;
    }
    if (this.#options.otherKey?.(event)) {
      event.preventDefault();
      return;
    }
    const move = this.#options.move ?? ((key: string, index: number) => moveInList(key, index, this.#options.count()));
    const next = move(event.key, this.index);
    if (next === undefined) return;
    event.preventDefault();
    if (next >= 0) this.focus(next);
  };

  readonly onFocus = (event: FocusEvent): void => {
    this.focused = true;
    if (this.#options.focusFirst && this.index < 0 && this.#options.count() > 0) {
      // A click announces its selection instead: only keyboard focus announces the item.
      this.focus(0, this.#options.announceFirst !== false && (event.currentTarget as HTMLElement).matches(':focus-visible'));
    }
    this.#host.requestUpdate();
  };

  readonly onFocusOut = (event: FocusEvent): void => {
    // Focus moving onto something inside the plot (a tooltip's link) stays in the chart.
    const next = event.relatedTarget as Node | null;
    if (next && (event.currentTarget as HTMLElement).contains(next)) return;
    this.focused = false;
    this.hover = -1;
    this.#host.requestUpdate();
  };
}
