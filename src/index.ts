/**
 * kam-widgets: registers every element of the kit and exports their classes and public types.
 * Importing this module defines the tags (guarded, so loading the kit twice does not throw).
 */
import './components/feed/define.js';
import './components/pareto/define.js';
import './components/scorecard/define.js';
import './components/tier-matrix/define.js';

export { KamFeed } from './components/feed/kam-feed.js';
export { KamPareto, type ParetoColorBy } from './components/pareto/define.js';
export { KamScorecard } from './components/scorecard/define.js';
export { KamTierMatrix, type TierMatrixRow, type PotentialField, type ValueField } from './components/tier-matrix/define.js';
export { KamElement, type Theme } from './internal/kam-element.js';
export type { FeedState, FeedStatus } from './internal/feed-controller.js';
export type { KamEventMap, KamLoadDetail, KamErrorDetail, KamSelectDetail } from './internal/events.js';
export type { Account, KpiOverride, Tier } from './feed/schema.js';
export type { Feed } from './feed/parse.js';
export { FeedError } from './feed/errors.js';
