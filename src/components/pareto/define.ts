/** Registers <kam-pareto>. Import this file (or `kam-widgets/pareto`) to use the tag. */
import { defineElement } from '../../internal/define.js';
import { KamPareto } from './kam-pareto.js';

defineElement('kam-pareto', KamPareto);

export { KamPareto };
export type { ParetoColorBy } from './kam-pareto.js';
export type { ParetoBar } from './pareto-bars.js';
