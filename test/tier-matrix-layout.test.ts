/**
 * Where the tier matrix puts things, from the width alone. Text widths are the kit's estimate: 0.58 em per
 * character (0.64 bold), so at 11 px a character is 6.38 px and a bold one at 12 px 7.68 px.
 */
import { describe, expect, it } from 'vitest';
import { itemBox, matrixLayout, rangeLines } from '../src/components/tier-matrix/tier-matrix-layout.js';
import type { BandLabel, TierBlockText } from '../src/components/tier-matrix/tier-matrix-text.js';

// The bands of the browser test's nine-account feed: value cuts $40 and $100, headroom cuts $20 and $190.
const columns: BandLabel[] = [
  { name: 'Low', to: '$40' },
  { name: 'Medium', from: '$40', to: '$100' },
  { name: 'High', from: '$100' },
];
const rows: BandLabel[] = [
  { name: 'High', from: '$190' },
  { name: 'Medium', from: '$20', to: '$190' },
  { name: 'Low', to: '$20' },
];
// Its tier blocks, as tierBlockText writes them.
const tiers: TierBlockText[] = [
  { code: 'MVC', name: 'Most Valuable Customers', figures: ['3 accounts', '$800 (80.0% of revenue)', 'profit $150', '40.0% of effort'], definition: 'The few top accounts that together bring in most of the revenue.' },
  { code: 'MGC', name: 'Most Growable Customers', figures: ['2 accounts', '$60 (6.0% of revenue)', 'profit $6', '15.0% of effort'], definition: 'Accounts with large untapped potential or strong recent growth.' },
  { code: 'STC', name: 'Second Tier Customers', figures: ['3 accounts', '$60 (6.0% of revenue)', 'profit $6', '15.0% of effort'], definition: 'Profitable accounts that are neither top revenue nor high growth.' },
  { code: 'BZ', name: 'Below Zero customers', figures: ['1 account', '$80 (8.0% of revenue)', 'profit -$20', '30.0% of effort'], definition: 'Accounts that cost more to serve than they earn (negative profit).' },
];

describe('tier matrix layout: band ranges', () => {
  it('writes a range on one line when it fits, else one line per bound, else each sign above its value', () => {
    const medium = columns[1]!;
    // "$40–$100" is 8 characters: 51.04 px.
    expect(rangeLines(medium, 52)).toEqual(['$40–$100']);
    expect(rangeLines(medium, 51)).toEqual(['≥ $40', '< $100']);
    // "< $100" is 6 characters: 38.28 px.
    expect(rangeLines(medium, 38.3)).toEqual(['≥ $40', '< $100']);
    expect(rangeLines(medium, 38)).toEqual(['≥', '$40', '<', '$100']);
    expect(rangeLines(columns[0]!, 100)).toEqual(['< $40']);
    expect(rangeLines(columns[2]!, 100)).toEqual(['≥ $100']);
    expect(rangeLines(columns[2]!, 30)).toEqual(['≥', '$100']);
    expect(rangeLines({ name: 'No data', note: 'no CLV' }, 10)).toEqual(['no CLV']);
    expect(rangeLines({ name: 'All' }, 10)).toEqual([]);
  });
});

describe('tier matrix layout: wide and narrow', () => {
  it('at 1000 px puts the tier summary beside the matrix', () => {
    const layout = matrixLayout({ width: 1000, columns, rows, tiers });
    // Panel 30% of 1000 = 300 px (within 260-380); the matrix gets 1000 - 300 - 24 = 676 px.
    expect(layout.panel).toEqual({ x: 700, y: 0, width: 300 });
    // Row headers: the widest text is "$20–$190" (51.04 px, fits the 110 px budget): 52 + 6 = 58 px, so
    // the cells start at 18 (row title) + 58 + 6 = 82 px and are (676 - 82 - 2 x 4) / 3 px wide.
    expect(layout.rowLabelRight).toBe(76);
    expect(layout.left).toBe(82);
    expect(layout.cellWidth).toBeCloseTo(586 / 3, 10);
    expect(layout.columnFont).toBe(11);
    expect(layout.columnRanges).toEqual([['< $40'], ['$40–$100'], ['≥ $100']]);
    // Two header lines (name, range): top = 30 + 13 + 10; height 0.55 x 195.3 = 107.
    expect([layout.top, layout.cellHeight]).toEqual([53, 107]);
    // One column of blocks 300 wide (272 px for text: 42 characters). Each block: a one-line name, two lines
    // of figures ("3 accounts · $800 (80.0% of revenue)" is 36 characters, "profit $150 · 40.0% of effort" 29),
    // a two-line definition: 10 + 16 + 15 + 2 x 14 + 4 + 2 x 14 + 6 = 107 px.
    expect(layout.blocks.map((b) => [b.x, b.y, b.width, b.height])).toEqual([
      [700, 24, 300, 107],
      [700, 139, 300, 107],
      [700, 254, 300, 107],
      [700, 369, 300, 107],
    ]);
    expect(layout.blocks[0]!.figureLines).toEqual(['3 accounts · $800 (80.0% of revenue)', 'profit $150 · 40.0% of effort']);
    expect(layout.blocks[3]!.definitionLines).toEqual(['Accounts that cost more to serve than they', 'earn (negative profit).']);
    // The last block ends at 476, below the matrix (53 + 3 x 107 + 2 x 4 = 382): 476 + 2.
    expect(layout.height).toBe(478);
  });

  it('at 300 px puts the tier summary below the matrix', () => {
    const layout = matrixLayout({ width: 300, columns, rows, tiers });
    // Cells (300 - 82 - 8) / 3 = 70 px wide, 80 px high (the minimum); the matrix ends at 53 + 240 + 8 = 301.
    expect([layout.left, layout.cellWidth, layout.cellHeight]).toEqual([82, 70, 80]);
    expect(layout.panel).toEqual({ x: 0, y: 321, width: 300 });
    expect(layout.blocks.map((b) => [b.x, b.y])).toEqual([
      [0, 345],
      [0, 460],
      [0, 575],
      [0, 690],
    ]);
    expect(layout.height).toBe(690 + 107 + 2);
  });

  it('uses 10 px column headers when the cells are narrower than 64 px', () => {
    // 280 px: cells (280 - 82 - 8) / 3 = 63.3 px.
    const layout = matrixLayout({ width: 280, columns, rows, tiers });
    expect(layout.cellWidth).toBeCloseTo(190 / 3, 10);
    expect(layout.columnFont).toBe(10);
  });

  it('switches to the wide arrangement at 760 px', () => {
    expect(matrixLayout({ width: 759, columns, rows, tiers }).panel.x).toBe(0);
    expect(matrixLayout({ width: 760, columns, rows, tiers }).panel.x).toBeGreaterThan(0);
  });

  it('lays out blocks in two columns when the summary is at least 520 px wide', () => {
    const layout = matrixLayout({ width: 600, columns, rows, tiers });
    // (600 - 8) / 2 = 296 px each; rows of two blocks share one height.
    expect(layout.blocks.map((b) => [b.x, b.width])).toEqual([
      [0, 296],
      [304, 296],
      [0, 296],
      [304, 296],
    ]);
    expect(layout.blocks[2]!.y).toBe(layout.blocks[0]!.y + layout.blocks[0]!.height + 8);
  });

  it('finds the box of a cell (row by row) and of a tier block', () => {
    const layout = matrixLayout({ width: 1000, columns, rows, tiers });
    // Item 4 is the middle cell: one cell and one 4 px gap from the top-left corner in each direction.
    expect(itemBox(layout, 4, 3, 9)).toEqual({ x: 82 + 586 / 3 + 4, y: 53 + 107 + 4, width: 586 / 3, height: 107 });
    expect(itemBox(layout, 9, 3, 9)).toBe(layout.blocks[0]);
  });

  it('keeps every cell, header and block apart and inside the width, from 260 to 1600 px', () => {
    const wideColumns: BandLabel[] = [{ name: 'No data', note: 'no CLV' }, { name: 'Low', to: '$29.6M' }, { name: 'Medium', from: '$29.6M', to: '$49.4M' }, { name: 'High', from: '$49.4M' }];
    type Box = { x: number; y: number; width: number; height: number };
    const apart = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
    for (const cols of [columns, wideColumns]) {
      for (let width = 260; width <= 1600; width += 20) {
        const layout = matrixLayout({ width, columns: cols, rows, tiers });
        const cells = cols.length * rows.length;
        const boxes = Array.from({ length: cells + tiers.length }, (_, item) => itemBox(layout, item, cols.length, cells));
        for (const [i, a] of boxes.entries()) {
          expect(a.x, `${width} px, item ${i}`).toBeGreaterThanOrEqual(0);
          expect(a.x + a.width, `${width} px, item ${i}`).toBeLessThanOrEqual(width + 1e-9);
          expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
          for (const b of boxes.slice(i + 1)) expect(apart(a, b), `${width} px, item ${i}`).toBe(true);
        }
        // Row headers end left of the cells; column headers (estimated) fit their columns.
        expect(layout.rowLabelRight).toBeLessThan(layout.left);
        for (const lines of layout.columnRanges) for (const line of lines) expect(line.length * layout.columnFont * 0.58).toBeLessThanOrEqual(layout.cellWidth);
      }
    }
  });
});
