import { describe, expect, it } from 'vitest';
import { countPeriod, periodsBetween, timeOrder } from '../../src/feed/period-labels.js';

describe('period labels the kit can count', () => {
  it('reads quarters, halves, months, years and fiscal years', () => {
    for (const label of ['2026-Q3', '2026 Q3', '2026Q3', 'Q3 2026', 'q3-2026']) expect(countPeriod(label)).toEqual({ kind: 'quarter', index: 2026 * 4 + 2 });
    expect(countPeriod('2026-H2')).toEqual({ kind: 'half', index: 2026 * 2 + 1 });
    expect(countPeriod('2026-07')).toEqual({ kind: 'month', index: 2026 * 12 + 6 });
    expect(countPeriod('2026')).toEqual({ kind: 'year', index: 2026 });
    expect(countPeriod('FY2026')).toEqual({ kind: 'fiscal-year', index: 2026 });
    expect(countPeriod('FY26')).toEqual({ kind: 'fiscal-year', index: 2026 });
    for (const label of ['Spring 2026', '2026-W14', '2026-13', 'Q5 2026', '']) expect(countPeriod(label)).toBeUndefined();
  });

  it('counts the periods between two labels of one time line; a longer period counts to its last part', () => {
    expect(periodsBetween('2026-Q3', '2027-Q1')).toBe(2);
    expect(periodsBetween('2026-Q3', '2026-Q1')).toBe(-2);
    expect(periodsBetween('2026-Q3', '2027')).toBe(5); // to 2027-Q4
    expect(periodsBetween('2026-07', '2026-Q4')).toBe(5); // to December
    expect(periodsBetween('FY2026', 'FY2028')).toBe(2);
    expect(periodsBetween('2026-Q3', 'FY2027')).toBeUndefined(); // a fiscal year's end depends on the company
    expect(periodsBetween('2026', '2027-Q1')).toBeUndefined(); // a quarter does not close a year
    expect(periodsBetween('Spring', '2027')).toBeUndefined();
  });

  it('puts labels of one kind in time order, and no others', () => {
    expect(timeOrder(['2026-Q2', '2025-Q4', '2026-Q1'])).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(timeOrder(['2026-Q2', '2026'])).toBeUndefined();
    expect(timeOrder(['May', 'June'])).toBeUndefined();
  });
});
