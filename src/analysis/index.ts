/** The analysis layer: pure functions over accounts (no DOM, no Lit); widgets draw what these return. */
export * from './numbers.js';
export * from './columns.js';
export * from './pareto.js';
export * from './tiers.js';
export * from './tier-text.js';
export * from './kpis.js';
export * from './quadrant.js';
export * from './bands.js';
export * from './portfolio-matrix.js';
export * from './portfolio.js';
export * from './random.js';
export * from './sample-feed.js';
