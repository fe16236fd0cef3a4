/**
 * The size limits `npm run build` enforces (scripts/size-report.ts prints every figure and fails the build
 * past a limit), gzip KB of everything the page loads.
 */

export interface Limit {
  /** The size set by issue 15 (Chart.js alone is about 55 KB gzip). */
  budget?: number;
  /** While a figure is over its budget: the size it had when the budget was last worked on, so that nothing grows unnoticed. */
  ceiling?: number;
}

/**
 * By figure, as the report names it. The ceilings are the sizes of 2026-12-03 with figures by period and
 * red flags, ROI and the readiness check (every chart marks flagged accounts; the tier rules, ROI and flags
 * are in the portfolio every element makes): lower one when its figure shrinks, and remove it once the
 * budget is met. A figure without a budget has a ceiling only.
 */
export const LIMITS: Readonly<Record<string, Limit>> = {
  'autoloader + <kam-pareto>': { budget: 40, ceiling: 60.1 },
  'autoloader + every element': { budget: 76, ceiling: 113.3 },
  'kam-widgets.js': { budget: 78, ceiling: 110.7 },
  'autoloader + <kam-feed>': { ceiling: 37.5 },
  'autoloader + <kam-quadrant>': { ceiling: 68.0 },
  'autoloader + <kam-red-flags>': { ceiling: 56.7 },
  'autoloader + <kam-scorecard>': { ceiling: 64.7 },
  'autoloader + <kam-tier-matrix>': { ceiling: 68.4 },
};

const kb = (n: number) => `${n.toFixed(1)} KB`;

/**
 * A figure against its limit: the words the report prints ("<= 40.0 KB budget ok", "> 40.0 KB budget,
 * <= 47.2 KB ceiling ok"), and, over a limit the build enforces, the failure naming the figure.
 */
export function judge(name: string, gzipBytes: number, limits: Readonly<Record<string, Limit>>): { verdict: string; failure?: string } {
  const limit = limits[name];
  if (!limit) return { verdict: '' };
  const size = gzipBytes / 1024;
  const { budget, ceiling } = limit;
  if (budget !== undefined && size <= budget) return { verdict: `<= ${kb(budget)} budget ok` };
  if (ceiling === undefined) return { verdict: `> ${kb(budget!)} BUDGET EXCEEDED`, failure: `${name}: ${kb(size)} gzip, over its budget of ${kb(budget!)}` };
  const over = budget === undefined ? '' : `> ${kb(budget)} budget, `;
  if (size <= ceiling) return { verdict: `${over}<= ${kb(ceiling)} ceiling ok` };
  return { verdict: `${over}> ${kb(ceiling)} CEILING EXCEEDED`, failure: `${name}: ${kb(size)} gzip, over its ceiling of ${kb(ceiling)}` };
}
