/**
 * The base of `<kam-feed>` and of every widget: an element that reads one account feed (its data inputs)
 * and analyses it as one portfolio (its tier rules). A `<kam-feed>` makes the portfolio of its linked
 * widgets; a widget without `feed` makes its own from the same attributes.
 */
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { usableRules, type TierRules } from '../analysis/tiers.js';
import { FeedController } from './feed-controller.js';
import type { FeedState } from './feed-state.js';

export abstract class KamSource extends LitElement {
  /** The feed as a value: a feed document, a bare array of accounts, or JSON text (CSV text with `format="csv"`). Wins over every other input. */
  @property({ attribute: false }) data?: unknown;

  /** URL of the feed to fetch: JSON, or CSV (see `format`). */
  @property({ reflect: true }) src?: string;

  /** How `src`, a `data` string or the inline child is read: "json" or "csv". Unset: CSV when `src` ends in .csv or is served as text/csv, else JSON. CSV numbers are read in `locale`, money in `currency`. */
  @property({ attribute: 'format', reflect: true }) feedFormat?: 'json' | 'csv';

  /** Maps the contract's fields to the input's columns or keys before validation: "id=AccountId,name=Account Name,revenue=Annual Revenue,owner=Owner.Name". Not used with `feed` (the `<kam-feed>` maps its own input). */
  @property({ attribute: 'field-map', reflect: true }) fieldMap?: string;

  /** Locale for numbers, e.g. "de-DE", shown and read (CSV). Default: the nearest `lang` attribute, then the browser's language. */
  @property({ reflect: true }) locale?: string;

  /** ISO 4217 currency for money (also that of a CSV feed's money columns). Default: the feed's `currency`, then USD. */
  @property({ reflect: true }) currency?: string;

  /** Credentials mode for fetching `src`: same-origin (default), include, or omit. */
  @property() credentials: RequestCredentials = 'same-origin';

  /** Time limit for fetching `src`, in milliseconds, from 1 to 600000 (10 minutes). */
  @property({ type: Number }) timeout = 15000;

  /** The most bytes the `src` response may hold; reading stops past it with an error. Default 50000000 (50 MB). */
  @property({ attribute: 'max-bytes', type: Number }) maxBytes?: number;

  /** Shows only the matching accounts: "segment:Corporate,region:EMEA" (fields segment, region, owner, industry, country, tier; one value per field or several, comma-separated). Tiers are those of the whole feed, given or computed; a filter never changes an account's tier. */
  @property({ reflect: true }) filter?: string;

  /** Re-fetches `src` every this many seconds, 10 to 86400, in the background (paused while the page is hidden); a failed refresh keeps the last good feed and marks it stale, and the next tries back off up to 15 minutes. Unset: never. */
  @property({ type: Number }) refresh?: number;

  /** Tier rule parameters as one object ({ cutoff, growthThreshold, headroomFactor }); the attributes win over it. Default: the kit's rule (0.8, 0.2, 1). With `feed`, the `<kam-feed>`'s rules apply instead. */
  @property({ attribute: false }) rules?: Partial<TierRules>;

  /** Pareto cutoff of the MVC tier, in (0, 1]. Unset: `rules.cutoff`, then 0.8. With `feed`, the `<kam-feed>`'s rules apply instead. */
  @property({ type: Number }) cutoff?: number;

  /** Revenue growth over the previous period that makes an account MGC (0.2 = 20%). Unset: `rules.growthThreshold`, then 0.2. */
  @property({ type: Number, attribute: 'growth-threshold' }) growthThreshold?: number;

  /** Growth headroom, as a multiple of current revenue, that makes an account MGC. Unset: `rules.headroomFactor`, then 1. */
  @property({ type: Number, attribute: 'headroom-factor' }) headroomFactor?: number;

  protected readonly feedController = new FeedController(this, (state, previous) => this.feedStateChanged(state, previous));

  /** The tier rules this element's portfolio uses, as given (attributes over `rules`; unusable values left to the defaults). */
  get tierRules(): Partial<TierRules> {
    const { cutoff, growthThreshold, headroomFactor } = this;
    return { ...usableRules(this.rules), ...usableRules({ cutoff, growthThreshold, headroomFactor }) };
  }

  /** Loads the current input again. */
  retry(): void {
    this.feedController.retry();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Resolve a changed input or rule before subclasses derive from the feed in their willUpdate.
    this.feedController.sync();
  }

  /** Called when the feed state changed (a new feed, an error, a stale refresh). */
  protected abstract feedStateChanged(state: FeedState, previous: FeedState): void;
}
