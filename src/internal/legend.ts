/** Where legend entries go: left to right, a new row when the next entry would pass the chart's width. */

/** The position of each entry of these widths (px) in rows of `rowHeight`, and how many rows they take. */
export function legendRows(widths: readonly number[], width: number, rowHeight: number): { at: { x: number; y: number }[]; rows: number } {
  let x = 0;
  let y = 0;
  const at = widths.map((w) => {
    if (x > 0 && x + w > width) {
      x = 0;
      y += rowHeight;
    }
    const position = { x, y };
    x += w;
    return position;
  });
  return { at, rows: y / rowHeight + 1 };
}
