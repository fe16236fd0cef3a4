/** Registers <kam-quadrant>. Import this file (or `kam-widgets/quadrant`) to use the tag. */
import { defineElement } from '../../internal/define.js';
import { KamQuadrant } from './kam-quadrant.js';

defineElement('kam-quadrant', KamQuadrant);

export { KamQuadrant };
export type { QuadrantLabels, QuadrantRow, ScaleKind } from './kam-quadrant.js';
