/**
 * kam-widgets: registers every element of the kit and exports their classes and public types.
 * Importing this module defines the tags (guarded, so loading the kit twice does not throw).
 */
import { defineElement } from './internal/define.js';
import { KamFeed } from './components/feed/kam-feed.js';
import { KamPareto } from './components/pareto/kam-pareto.js';
import { KamQuadrant } from './components/quadrant/kam-quadrant.js';
import { KamRedFlags } from './components/red-flags/kam-red-flags.js';
import { KamScorecard } from './components/scorecard/kam-scorecard.js';
import { KamTierMatrix } from './components/tier-matrix/kam-tier-matrix.js';

defineElement('kam-feed', KamFeed);
defineElement('kam-pareto', KamPareto);
defineElement('kam-quadrant', KamQuadrant);
defineElement('kam-red-flags', KamRedFlags);
defineElement('kam-scorecard', KamScorecard);
defineElement('kam-tier-matrix', KamTierMatrix);

export { KamFeed, KamPareto, KamQuadrant, KamRedFlags, KamScorecard, KamTierMatrix };
export type { ParetoColorBy } from './components/pareto/define.js';
export type { QuadrantLabels, QuadrantRow, ScaleKind } from './components/quadrant/define.js';
export type { FlagRow, KamFlagsDetail, KpiFlagRow, RedFlagsRow } from './components/red-flags/define.js';
export type { TierMatrixRow, PotentialField, ValueField } from './components/tier-matrix/define.js';
export { KamElement, type Theme } from './internal/kam-element.js';
export type { FeedState, FeedStatus } from './internal/feed-state.js';
export type { KamEventMap, KamLoadDetail, KamErrorDetail, KamSelectDetail } from './internal/events.js';
export type { Account, KpiOverride, Tier } from './feed/schema.js';
export type { Feed } from './feed/parse.js';
export { FeedError } from './feed/errors.js';
