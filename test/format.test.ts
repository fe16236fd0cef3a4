import { describe, expect, it } from 'vitest';
import { NO_FIGURE, formatters } from '../src/internal/format.js';

describe('formatted figures', () => {
  it('show "–" for a value that is not a finite number, never "NaN" or "∞"', () => {
    const f = formatters('en-US', 'USD');
    expect(NO_FIGURE).toBe('–');
    for (const format of [f.money, f.moneyCompact, f.percent, f.percentWhole, f.percentShort, f.number, f.integer, f.signedInteger, f.compact]) {
      expect([Number.NaN, Infinity, -Infinity].map(format)).toEqual(['–', '–', '–']);
    }
    expect([f.money(1e18), f.moneyCompact(2e21), f.percent(0.5)]).toEqual(['$1,000,000,000,000,000,000', '$2,000,000,000T', '50.0%']);
  });
});
