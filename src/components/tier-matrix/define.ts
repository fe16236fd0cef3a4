/** Registers <kam-tier-matrix>. Import this file (or `kam-widgets/tier-matrix`) to use the tag. */
import { defineElement } from '../../internal/define.js';
import { KamTierMatrix } from './kam-tier-matrix.js';

defineElement('kam-tier-matrix', KamTierMatrix);

export { KamTierMatrix };
export type { TierMatrixRow } from './kam-tier-matrix.js';
export type { PotentialField, ValueField } from '../../analysis/bands.js';
