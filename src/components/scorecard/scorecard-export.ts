/**
 * The scorecard drawn as one SVG, for the SVG and PNG export: the live tiles are HTML (scorecard-marks.ts),
 * and the shared export needs one SVG element. It draws the same tiles with the same texts in a grid of
 * the same column count (placed by exportLayout): headline, then per tile a status bar, label, value,
 * change, status with target, base and sparkline. Colours come from CSS classes (the --kam-* tokens, in
 * `exportStyles` below), which the shared export inlines.
 */
import { css, html, svg, nothing, type TemplateResult } from 'lit';
import { exportStageStyles } from '../../internal/export-stage.js';
import { fitText } from '../../internal/text-fit.js';
import { EXPORT_PAD as PAD, EXPORT_HEADLINE_LINE, EXPORT_TILE_HEIGHT as TILE_HEIGHT, exportLayout, sparkline } from './scorecard-layout.js';
import { trendTarget, type ScorecardModel, type Tile } from './scorecard-model.js';
import { CHANGE_ARROWS } from './scorecard-text.js';

function exportTile(tile: Tile, x: number, y: number, w: number): TemplateResult {
  const inner = w - 2 * PAD;
  const fit = (text: string, size: number) => fitText(text, inner, size);
  const change = tile.change
    ? `${CHANGE_ARROWS[tile.change.direction]} ${tile.deltaText} vs previous, ${tile.change.verdict}`
    : '';
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
    ${change ? svg`<text class="x-change ${tile.change?.verdict ?? 'none'}" x=${PAD} y="71">${fit(change, 11)}</text>` : nothing}
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
export function exportSvg(model: ScorecardModel, width: number): TemplateResult {
  const layout = exportLayout(model.headline, model.tiles.length, width);
  const { width: w, height } = layout;
  return html`<svg class="chart" xmlns="http://www.w3.org/2000/svg" width=${w} height=${height} viewBox="0 0 ${w} ${height}" aria-hidden="true">
    ${layout.headline.map((line, i) => svg`<text class="x-headline" x="0" y=${14 + i * EXPORT_HEADLINE_LINE}>${line}</text>`)}
    ${model.tiles.map((tile, i) => exportTile(tile, layout.tiles[i]!.x, layout.tiles[i]!.y, layout.tileWidth))}
  </svg>`;
}

/** Styles of the off-screen stage and of the export drawing (inlined into the exported SVG by the shared export). */
export const exportStyles = css`
  ${exportStageStyles}
  .x-tile {
    fill: var(--kam-surface);
    stroke: var(--kam-border);
  }
  .x-bar {
    fill: var(--kam-border);
  }
  .x-bar.on-track {
    fill: var(--kam-good);
  }
  .x-bar.at-risk {
    fill: var(--kam-warning);
  }
  .x-bar.off-track {
    fill: var(--kam-bad);
  }
  .x-headline,
  .x-value {
    fill: var(--kam-fg);
    font-weight: 700;
  }
  .x-headline {
    font-size: 13px;
  }
  .x-label {
    fill: var(--kam-muted);
    font-size: 12px;
    font-weight: 600;
  }
  .x-value {
    font-size: 22px;
  }
  .x-value.not-available {
    font-size: 15px;
    fill: var(--kam-muted);
  }
  .x-change,
  .x-status {
    fill: var(--kam-fg);
    font-size: 11px;
  }
  .x-change.none {
    fill: var(--kam-muted);
  }
  .x-change.better,
  .x-status.on-track {
    fill: var(--kam-good);
  }
  .x-change.worse,
  .x-status.off-track {
    fill: var(--kam-bad);
  }
  .x-status.at-risk {
    fill: var(--kam-warning);
  }
  .x-status.not-available,
  .x-status.no-target,
  .x-base {
    fill: var(--kam-muted);
  }
  .x-base {
    font-size: 10px;
  }
  .x-spark {
    fill: none;
    stroke: var(--kam-accent);
    stroke-width: 1.5;
  }
  .x-spark-last {
    fill: var(--kam-accent);
  }
  .x-spark-target {
    stroke: var(--kam-muted);
    stroke-dasharray: 3 3;
  }
  @media (forced-colors: active) {
    .x-spark {
      stroke: CanvasText;
    }
  }
`;
