/**
 * The base of `<kam-feed>` and of every widget: an element that reads one account feed (its data inputs)
 * and analyses it as one portfolio (its tier rules, the cost of effort, the red flags' thresholds, the
 * sales cycle). A `<kam-feed>` makes the portfolio of its linked widgets; a widget without `feed` makes its
 * own from the same attributes.
 *
 * Decisions: an attribute whose value cannot be used (a cutoff of 2, an unknown rule, a negative cost)
 * is left out, so its default applies, rather than breaking the page.
 */
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { FlagRules } from '../analysis/flags.js';
import type { PortfolioRules } from '../analysis/portfolio.js';
import type { Measure } from '../analysis/roi.js';
import { usableRules, type TierRuleName, type TierRules } from '../analysis/tiers.js';
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

  /** Tier rule parameters as one object ({ rule, cutoff, measure, growthThreshold, headroomFactor, minMargin, revenueFloor }); the attributes win over it. Default: the texts rule ('texts', 0.8, 'revenue', 0.2, 1, 0, 0). With `feed`, the `<kam-feed>`'s rules apply instead. */
  @property({ attribute: false }) rules?: Partial<TierRules>;

  /** Which tier rule: "texts" (default: MVC the vital few, MGC when potential reaches the smallest MVC's revenue or revenue grew, STC by minimum margin, BZ below zero profit) or "headroom" (MGC by headroom relative to the account's own revenue). */
  @property({ attribute: 'tier-rule', reflect: true }) tierRule?: TierRuleName;

  /** What ranks the vital few (MVC) under the texts rule: "revenue" (default), "profit" or "clv". */
  @property({ attribute: 'tier-measure', reflect: true }) tierMeasure?: Measure;

  /** Minimum margin (profit / revenue, 0.1 = 10%) an STC meets under the texts rule. Unset: `rules.minMargin`, then 0. */
  @property({ type: Number, attribute: 'min-margin' }) minMargin?: number;

  /** Revenue an account must have for its growth to make it MGC under the texts rule (feed currency). Unset: `rules.revenueFloor`, then 0. */
  @property({ type: Number, attribute: 'revenue-floor' }) revenueFloor?: number;

  /** Cost of one unit of `effort` (feed currency): the cost to serve of an account without `costToServe`, for ROI. Unset: such accounts have no ROI. */
  @property({ type: Number, attribute: 'cost-per-effort' }) costPerEffort?: number;

  /** The sales cycle in months, for the readiness check ("is your sales cycle long, 6 months or more?"); the feed cannot tell. Unset: that question stays unanswered. */
  @property({ type: Number, attribute: 'sales-cycle-months' }) salesCycleMonths?: number;

  /** Red flag thresholds as one object ({ revenueDrop, walletDrop, roiDrop, npsDrop, csatDrop }); `revenue-drop` wins over it. Unset: the documented defaults. */
  @property({ attribute: false }) flagRules?: Partial<FlagRules>;

  /** Revenue drop against the previous period that raises a "revenue going elsewhere" flag (0.1 = 10%). Unset: `flagRules.revenueDrop`, then 0.1. */
  @property({ type: Number, attribute: 'revenue-drop' }) revenueDrop?: number;

  /** Pareto cutoff of the MVC tier, in (0, 1]. Unset: `rules.cutoff`, then 0.8. With `feed`, the `<kam-feed>`'s rules apply instead. */
  @property({ type: Number }) cutoff?: number;

  /** Revenue growth over the previous period that makes an account MGC (0.2 = 20%). Unset: `rules.growthThreshold`, then 0.2. */
  @property({ type: Number, attribute: 'growth-threshold' }) growthThreshold?: number;

  /** Growth headroom, as a multiple of current revenue, that makes an account MGC. Unset: `rules.headroomFactor`, then 1. */
  @property({ type: Number, attribute: 'headroom-factor' }) headroomFactor?: number;

  protected readonly feedController = new FeedController(this, (state, previous) => this.feedStateChanged(state, previous));

  /** The tier rules this element's portfolio uses, as given (attributes over `rules`; unusable values left to the defaults). */
  get tierRules(): Partial<TierRules> {
    const { cutoff, growthThreshold, headroomFactor, minMargin, revenueFloor } = this;
    const attributes = { rule: this.tierRule, cutoff, measure: this.tierMeasure, growthThreshold, headroomFactor, minMargin, revenueFloor };
    return { ...usableRules(this.rules), ...usableRules(attributes) };
  }

  /** Everything this element's portfolio is analysed under, as given: the tier rules, the cost of effort, the sales cycle and the red flags' thresholds (unusable values left to the defaults). */
  get portfolioRules(): Partial<PortfolioRules> {
    const rules: Partial<PortfolioRules> = { ...this.tierRules };
    if (usableAmount(this.costPerEffort)) rules.costPerEffort = this.costPerEffort;
    if (usableAmount(this.salesCycleMonths)) rules.salesCycleMonths = this.salesCycleMonths;
    const flags = usableFlagRules({ ...this.flagRules, ...(this.revenueDrop === undefined ? {} : { revenueDrop: this.revenueDrop }) });
    if (Object.keys(flags).length) rules.flags = flags as FlagRules;
    return rules;
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

/** A finite number >= 0 (a cost, a count of months, a threshold). */
function usableAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** The flag thresholds that are finite numbers >= 0; the others are left to their defaults. */
function usableFlagRules(rules: Partial<FlagRules>): Partial<FlagRules> {
  return Object.fromEntries(Object.entries(rules).filter(([, value]) => usableAmount(value)));
}
