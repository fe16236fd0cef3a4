/**
 * Every event the kit fires, with its detail type, in one place. Events carry the `kam-` prefix, bubble
 * and are composed, so a host page hears them through any number of shadow roots.
 */
import type { Account } from '../feed/schema.js';
import type { Feed } from '../feed/parse.js';
import type { FeedError } from '../feed/errors.js';

export interface KamLoadDetail {
  /** The validated feed the element now shows. */
  feed: Feed;
  /** How many accounts were left out because they break the contract. */
  skipped: number;
}

export interface KamErrorDetail {
  error: FeedError;
  /** True when a background refresh failed: the element keeps showing the last good feed, now stale. */
  stale?: boolean;
  /** With `stale`: when the feed still shown was loaded. */
  loadedAt?: Date;
}

export interface KamSelectDetail {
  /** Ids of the selected accounts, in selection order; empty when the selection was cleared. */
  ids: string[];
  /** The selected accounts themselves. */
  accounts: Account[];
  /** The tag name of the element where the selection was made. */
  source: string;
}

export type KpiStatus = 'on-track' | 'at-risk' | 'off-track' | 'no-target' | 'not-available';

export interface KamKpiSelectDetail {
  /** KPI id, e.g. "nps". */
  id: string;
  /** Current value (null when not available). */
  value: number | null;
  target: number | null;
  status: KpiStatus;
}

export interface KamEventMap {
  'kam-load': CustomEvent<KamLoadDetail>;
  'kam-error': CustomEvent<KamErrorDetail>;
  'kam-select': CustomEvent<KamSelectDetail>;
  'kam-selection-change': CustomEvent<KamSelectDetail>;
  'kam-kpi-select': CustomEvent<KamKpiSelectDetail>;
}

export function emit<K extends keyof KamEventMap>(
  target: EventTarget,
  name: K,
  detail: KamEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends KamEventMap {}
}
