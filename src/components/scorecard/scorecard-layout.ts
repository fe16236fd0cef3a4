/**
 * The scorecard's geometry (no DOM): how many tile columns a width holds, the box of a KPI's sparkline
 * (internal/sparkline.ts), and where the export drawing puts its headline and tiles. The live grid is laid
 * out by CSS from the column count; the export drawing (scorecard-export.ts) needs every position.
 */
import { wrapLines } from '../../internal/text-fit.js';

export { sparkline, type Sparkline } from '../../internal/sparkline.js';

/** Narrowest tile the grid allows, and the gap between tiles, in px. */
export const TILE_MIN_WIDTH = 220;
export const TILE_GAP = 12;
export const MAX_COLUMNS = 5;

/** Columns of the tile grid: as many tiles of at least TILE_MIN_WIDTH as fit, 1 to 5, never more than tiles. */
export function columnsFor(width: number, tiles: number): number {
  const fit = Math.floor((width + TILE_GAP) / (TILE_MIN_WIDTH + TILE_GAP));
  return Math.max(1, Math.min(MAX_COLUMNS, fit, Math.max(1, tiles)));
}

/** The box of a tile's sparkline (drawn stretched to the tile's width). */
export const SPARK_WIDTH = 100;
export const SPARK_HEIGHT = 24;

/** The export drawing's measures: headline lines and font, tile height and inner padding, in px. */
export const EXPORT_HEADLINE_LINE = 17;
export const EXPORT_HEADLINE_FONT = 13;
export const EXPORT_TILE_HEIGHT = 136;
export const EXPORT_PAD = 12;

export interface ExportLayout {
  width: number;
  height: number;
  /** The headline, wrapped to at most three lines. */
  headline: string[];
  tileWidth: number;
  /** The top-left corner of each tile, in reading order. */
  tiles: { x: number; y: number }[];
}

/** The export drawing at `width` px (at least 280): the headline, then the tiles in the grid's column count. */
export function exportLayout(headline: string, tiles: number, width: number): ExportLayout {
  const w = Math.max(280, Math.round(width));
  const columns = columnsFor(w, tiles);
  const rows = Math.max(1, Math.ceil(tiles / columns));
  const lines = wrapLines(headline, w, EXPORT_HEADLINE_FONT, 3);
  const top = lines.length * EXPORT_HEADLINE_LINE + 12;
  const tileWidth = (w - (columns - 1) * TILE_GAP) / columns;
  return {
    width: w,
    height: top + rows * (EXPORT_TILE_HEIGHT + TILE_GAP) - TILE_GAP,
    headline: lines,
    tileWidth,
    tiles: Array.from({ length: tiles }, (_, i) => ({
      x: (i % columns) * (tileWidth + TILE_GAP),
      y: top + Math.floor(i / columns) * (EXPORT_TILE_HEIGHT + TILE_GAP),
    })),
  };
}
