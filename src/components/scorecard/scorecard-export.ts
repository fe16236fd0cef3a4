/**
 * The scorecard as one SVG, for the SVG and PNG export (the live tiles are HTML). It draws the same
 * tiles with the same texts in a grid of the same column count: headline, then per tile a status bar,
 * label, value, change, status with target, base and sparkline. Colours come from CSS classes (the
 * --kam-* tokens), which the shared export inlines.
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import { columnsFor, fitText, sparkline, wrapText, TILE_GAP } from './scorecard-model.js';
import { trendTarget, type Scorecard, type Tile } from './scorecard-tiles.js';

const HEADLINE_LINE = 17;
const HEADLINE_FONT = 13;
const TILE_HEIGHT = 136;
const PAD = 12;
const ARROWS = { up: '▲', down: '▼', flat: '▶' } as const;

/** The headline in at most three lines. */
function headlineLines(headline: string, width: number): string[] {
  return wrapText(headline, width, HEADLINE_FONT, 3);
}

/** Width and height of the export for this scorecard at `width` px (at least 280). */
export function exportSize(headline: string, tiles: number, width: number): { width: number; height: number; columns: number; top: number } {
  const w = Math.max(280, Math.round(width));
  const columns = columnsFor(w, tiles);
  const rows = Math.max(1, Math.ceil(tiles / columns));
  const top = headlineLines(headline, w).length * HEADLINE_LINE + 12;
  return { width: w, height: top + rows * (TILE_HEIGHT + TILE_GAP) - TILE_GAP, columns, top };
}

function exportTile(tile: Tile, x: number, y: number, w: number): TemplateResult {
  const inner = w - 2 * PAD;
  const fit = (text: string, size: number) => fitText(text, inner, size);
  const change = tile.change ? `${ARROWS[tile.change.direction]} ${tile.deltaText} vs previous, ${tile.change.verdict}` : '';
  const status =
    tile.status === 'not-available'
      ? tile.baseShort
      : `${tile.statusIcon ? `${tile.statusIcon} ` : ''}${tile.statusLabel}${tile.targetText ? ` · target ${tile.targetText}` : ''}`;
  const spark = tile.kpi.history ? sparkline(tile.kpi.history, inner, 18, trendTarget(tile.kpi, tile.target)) : undefined;
  return svg`<g transform="translate(${x},${y})">
    <rect class="x-tile" x="0.5" y="0.5" width=${w - 1} height=${TILE_HEIGHT - 1} rx="6"></rect>
    <rect class="x-bar ${tile.status}" width=${w} height="4" rx="2"></rect>
    <text class="x-label" x=${PAD} y="24">${fit(tile.label, 12)}</text>
    <text class="x-value ${tile.status}" x=${PAD} y="52">${fit(tile.valueText, 22)}</text>
    ${change ? svg`<text class="x-change ${tile.change!.verdict}" x=${PAD} y="71">${fit(change, 11)}</text>` : nothing}
    <text class="x-status ${tile.status}" x=${PAD} y="88">${fit(status, 11)}</text>
    ${tile.status === 'not-available' ? nothing : svg`<text class="x-base" x=${PAD} y="103">${fit(tile.baseShort, 10)}</text>`}
    ${spark
      ? svg`<g transform="translate(${PAD},${TILE_HEIGHT - 26})">
          ${spark.targetY === undefined ? nothing : svg`<line class="x-spark-target" x1="0" x2=${inner} y1=${spark.targetY} y2=${spark.targetY}></line>`}
          <path class="x-spark" d=${spark.path}></path>
          <circle class="x-spark-last" cx=${spark.last.x} cy=${spark.last.y} r="2"></circle>
        </g>`
      : nothing}
  </g>`;
}

/** The export SVG (class "chart", found by the shared export). */
export function exportSvg(card: Scorecard, width: number): TemplateResult {
  const { width: w, height, columns, top } = exportSize(card.headline, card.tiles.length, width);
  const tileWidth = (w - (columns - 1) * TILE_GAP) / columns;
  return html`<svg class="chart" xmlns="http://www.w3.org/2000/svg" width=${w} height=${height} viewBox="0 0 ${w} ${height}" aria-hidden="true">
    ${headlineLines(card.headline, w).map((line, i) => svg`<text class="x-headline" x="0" y=${14 + i * HEADLINE_LINE}>${line}</text>`)}
    ${card.tiles.map((tile, i) =>
      exportTile(tile, (i % columns) * (tileWidth + TILE_GAP), top + Math.floor(i / columns) * (TILE_HEIGHT + TILE_GAP), tileWidth),
    )}
  </svg>`;
}
