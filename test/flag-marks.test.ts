/**
 * The shared mark of a flagged account (internal/flag-marks.ts) on hand-made flag results: the lookup of
 * an account's flags, its words, the table column, the CSV columns and the glyph's outline.
 */
import { describe, expect, it } from 'vitest';
import type { FlaggedAccount, FlagResult, RedFlag } from '../src/analysis/flags.js';
import type { Account } from '../src/feed/schema.js';
import { flagCsvColumns, flaggedAt, flagGlyphPath, flagLabels, flagLevelAt, flagTableColumn, flagWords, redFlagCount } from '../src/internal/flag-marks.js';

const account = (id: string): Account => ({ id, name: id.toUpperCase(), revenue: 100 }) as Account;
const flag = (type: RedFlag['type'], severity: RedFlag['severity'], index: number): RedFlag => ({ type, severity, index, code: 'x', values: {} });

// Three accounts: 0 none, 1 two warnings, 2 severe (a lost key account). The flagged list puts the severe first.
const lost: FlaggedAccount = { index: 2, account: account('c'), severity: 'severe', flags: [flag('lost-key-account', 'severe', 2)] };
const slipping: FlaggedAccount = { index: 1, account: account('b'), severity: 'warning', flags: [flag('revenue-elsewhere', 'warning', 1), flag('goal-missed', 'warning', 1)] };
const result: FlagResult = {
  accounts: [lost, slipping],
  level: Uint8Array.from([0, 1, 2]),
  position: Int32Array.from([-1, 1, 0]),
  counts: { 'revenue-elsewhere': 1, 'roi-falling': 0, 'key-account-loss': 0, unhappy: 0, 'tier-loss': 0, 'lost-key-account': 1, 'goal-missed': 1 },
  severe: 1,
};

describe('an account’s flags', () => {
  it('are found by input index, none for an account without', () => {
    expect(flaggedAt(result, 2)).toBe(lost);
    expect(flaggedAt(result, 1)).toBe(slipping);
    expect(flaggedAt(result, 0)).toBeUndefined();
    expect(flaggedAt(undefined, 1)).toBeUndefined();
    expect([0, 1, 2].map((i) => flagLevelAt(result, i))).toEqual([0, 1, 2]);
  });

  it('are said with their severity, count and names', () => {
    expect(redFlagCount(1)).toBe('1 red flag');
    expect(redFlagCount(2)).toBe('2 red flags');
    expect(flagLabels(slipping)).toBe('Revenue going elsewhere; Goal missed');
    expect(flagWords(lost)).toBe('severe, 1 red flag: Lost key account');
    expect(flagWords(slipping)).toBe('warning, 2 red flags: Revenue going elsewhere; Goal missed');
    expect(flagWords(undefined)).toBe('');
  });
});

describe('the Red flags column and the CSV columns', () => {
  const rows = [0, 1, 2];
  const flaggedOf = (i: number) => flaggedAt(result, i);

  it('sorts severe before warnings, more flags before fewer, and accounts without flags last', () => {
    const column = flagTableColumn(flaggedOf);
    expect(column.label).toBe('Red flags');
    expect(rows.map((i) => column.sortValue(i))).toEqual([undefined, 2, 101]);
  });

  it('writes how many, the most severe and the types', () => {
    const columns = flagCsvColumns(flaggedOf);
    expect(columns.map((c) => c.header)).toEqual(['red_flags', 'red_flag_severity', 'red_flag_types']);
    expect(rows.map((i) => columns.map((c) => c.value(i)))).toEqual([
      [0, '', ''],
      [2, 'warning', 'revenue-elsewhere;goal-missed'],
      [1, 'severe', 'lost-key-account'],
    ]);
  });
});

describe('the glyph', () => {
  it('is a flag centred on the point: a pole 0.4 × size left of it and a pennant flying to 0.45 × size right', () => {
    // Size 10 at (100, 50): pole x 96 from y 55 up to 45; the pennant's tip at x 104.5, halfway between 45 and 51; its foot at y 51.
    expect(flagGlyphPath(100, 50, 10)).toBe('M96 55L96 45L104.5 48L96 51');
  });
});
