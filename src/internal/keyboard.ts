/**
 * Keyboard movement through an ordered list of items (bars, tiles, cells in reading order): the keys
 * every widget shares, so Left/Right/Home/End/Page Up/Page Down mean the same everywhere.
 */

/** The index a key moves to, or undefined when the key is not a movement key. */
export function moveInList(key: string, index: number, count: number, page = 10): number | undefined {
  if (count <= 0) return undefined;
  const last = count - 1;
  const from = index < 0 ? -1 : Math.min(index, last);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(last, from + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, from - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, Math.max(0, from) + page);
    case 'PageUp':
      return Math.max(0, from - page);
    default:
      return undefined;
  }
}

/**
 * Movement in a grid of `columns` x `rows` cells stored row by row: arrows move one cell and stop at the
 * edges, Home/End go to the first/last cell of the row.
 */
export function moveInGrid(key: string, index: number, columns: number, rows: number): number | undefined {
  if (columns <= 0 || rows <= 0) return undefined;
  if (index < 0) return key in GRID_KEYS ? 0 : undefined;
  const column = index % columns;
  const row = Math.floor(index / columns);
  switch (key) {
    case 'ArrowRight':
      return row * columns + Math.min(columns - 1, column + 1);
    case 'ArrowLeft':
      return row * columns + Math.max(0, column - 1);
    case 'ArrowDown':
      return Math.min(rows - 1, row + 1) * columns + column;
    case 'ArrowUp':
      return Math.max(0, row - 1) * columns + column;
    case 'Home':
      return row * columns;
    case 'End':
      return row * columns + columns - 1;
    default:
      return undefined;
  }
}

const GRID_KEYS = { ArrowRight: 1, ArrowLeft: 1, ArrowDown: 1, ArrowUp: 1, Home: 1, End: 1 };
