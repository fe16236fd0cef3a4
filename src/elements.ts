/**
 * The kit's elements, each with the code that defines it, loaded when asked: the one list the autoloader
 * reads. A new element is one more line here (and its own entry in vite.config.ts and package.json for
 * the ES imports).
 */
export const ELEMENTS: Readonly<Record<string, () => Promise<unknown>>> = {
  'kam-feed': () => import('./components/feed/define.js'),
  'kam-pareto': () => import('./components/pareto/define.js'),
  'kam-quadrant': () => import('./components/quadrant/define.js'),
  'kam-red-flags': () => import('./components/red-flags/define.js'),
  'kam-scorecard': () => import('./components/scorecard/define.js'),
  'kam-tier-matrix': () => import('./components/tier-matrix/define.js'),
};
