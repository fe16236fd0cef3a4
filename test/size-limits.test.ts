import { describe, expect, it } from 'vitest';
import { LIMITS, judge } from '../scripts/size-limits.js';

const KB = 1024;
const limits = { 'autoloader + <kam-pareto>': { budget: 40, ceiling: 47.2 }, 'kam-widgets.js': { budget: 78 }, 'autoloader + <kam-feed>': { ceiling: 29.5 } };

describe('size limits', () => {
  it('holds the budgets of issue 15: 40 KB for a page with one <kam-pareto>, 76 KB with every element, 78 KB for the self-contained script', () => {
    expect(LIMITS['autoloader + <kam-pareto>']?.budget).toBe(40);
    expect(LIMITS['autoloader + every element']?.budget).toBe(76);
    expect(LIMITS['kam-widgets.js']?.budget).toBe(78);
  });

  it('passes a figure within its budget, and one over its budget but within its ceiling', () => {
    expect(judge('autoloader + <kam-pareto>', 39.9 * KB, limits)).toEqual({ verdict: '<= 40.0 KB budget ok' });
    expect(judge('autoloader + <kam-pareto>', 47.2 * KB, limits)).toEqual({ verdict: '> 40.0 KB budget, <= 47.2 KB ceiling ok' });
    expect(judge('autoloader + <kam-feed>', 29 * KB, limits)).toEqual({ verdict: '<= 29.5 KB ceiling ok' });
    expect(judge('analysis.js', 99 * KB, limits)).toEqual({ verdict: '' });
  });

  it('fails a figure over its ceiling, or over its budget when it has no ceiling, naming the figure, its size and the limit', () => {
    expect(judge('autoloader + <kam-pareto>', 47.3 * KB, limits).failure).toBe('autoloader + <kam-pareto>: 47.3 KB gzip, over its ceiling of 47.2 KB');
    expect(judge('kam-widgets.js', 78.1 * KB, limits)).toEqual({
      verdict: '> 78.0 KB BUDGET EXCEEDED',
      failure: 'kam-widgets.js: 78.1 KB gzip, over its budget of 78.0 KB',
    });
  });
});
