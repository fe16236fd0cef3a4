/**
 * What the scorecard draws on screen (no state): a tile, the detail of the open tile, the tooltip content
 * and the line of KPIs left out. The tiles are HTML, laid out by the CSS grid, because they are text
 * first; the export draws the same tiles as one SVG (scorecard-export.ts). The element decides what is
 * focused, open or hovered and passes it in; these only turn a Tile (already formatted by
 * scorecard-model.ts) into a template.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Kpi } from '../../analysis/kpis.js';
import type { Formatters } from '../../internal/format.js';
import { SPARK_HEIGHT, SPARK_WIDTH } from './scorecard-layout.js';
import type { HistoryRow, Tile } from './scorecard-model.js';
import { CHANGE_ARROWS, NO_PREVIOUS_TEXT, previousWords, statusRule } from './scorecard-text.js';

export interface TileViewOptions {
  compact: boolean;
  focused: boolean;
  open: boolean;
  onActivate: () => void;
  onPointerEnter: (event: PointerEvent) => void;
}

/** The change against the previous period's value; nothing without one (the history note names such KPIs once). */
function changeView(tile: Tile, compact: boolean): TemplateResult | typeof nothing {
  if (!tile.change) return nothing;
  return html`<div class="change ${tile.change.verdict}" part="tile-change">
    <span aria-hidden="true">${CHANGE_ARROWS[tile.change.direction]}</span> ${tile.deltaText}${compact ? nothing : html` vs ${tile.previousText},`}
    <span class="verdict">${tile.change.verdict}</span>
  </div>`;
}

function statusView(tile: Tile, compact: boolean): TemplateResult | typeof nothing {
  if (tile.status === 'not-available' && !tile.targetText) return nothing;
  if (tile.status === 'no-target' && compact) return nothing;
  const target = tile.targetText && !compact ? html` <span class="target">· target ${tile.targetText}</span>` : nothing;
  return html`<div class="status" part="tile-status">
    ${tile.statusIcon ? html`<span class="icon" aria-hidden="true">${tile.statusIcon}</span> ` : nothing}<span class="status-label"
      >${tile.status === 'not-available' ? 'No status' : tile.statusLabel}</span
    >${target}
  </div>`;
}

function sparkView(tile: Tile, compact: boolean): TemplateResult | typeof nothing {
  const spark = tile.spark;
  if (!spark || compact) return nothing;
  return html`<svg class="spark" part="sparkline" viewBox="0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}" preserveAspectRatio="none" aria-hidden="true">
    ${spark.targetY === undefined
      ? nothing
      : svg`<line x1="0" x2=${SPARK_WIDTH} y1=${spark.targetY} y2=${spark.targetY}></line>`}
    <path d=${spark.path}></path>
  </svg>`;
}

export function tileView(tile: Tile, options: TileViewOptions): TemplateResult {
  const { compact } = options;
  const classes = `tile ${tile.status}${options.focused ? ' focused' : ''}${options.open ? ' open' : ''}`;
  return html`<div class=${classes} part="tile" data-id=${tile.id} @click=${options.onActivate} @pointerenter=${options.onPointerEnter}>
    <div class="tile-label" part="tile-label">${compact ? tile.shortLabel : tile.label}</div>
    <div class="tile-value" part="tile-value">${tile.valueText}</div>
    ${changeView(tile, compact)} ${statusView(tile, compact)}
    ${compact ? nothing : html`<div class="base" part="tile-base">${tile.baseShort}</div>`} ${sparkView(tile, compact)}
  </div>`;
}

/** What the tooltip of a hovered tile says: definition, formula, base, and why there is no previous value. */
export function tooltipContent(tile: Tile): TemplateResult {
  return html`<strong>${tile.label}</strong>
    <p>${tile.kpi.definition}</p>
    ${tile.kpi.formula ? html`<p>Formula: ${tile.kpi.formula}</p>` : nothing}
    <p>${tile.baseSentence}</p>
    ${tile.previousNote ? html`<p>${NO_PREVIOUS_TEXT}: ${tile.previousNote}</p>` : nothing}`;
}

export interface DetailViewOptions {
  rows: readonly HistoryRow[];
  tolerance: number;
  format: Formatters;
  onClose: () => void;
  onKeydown: (event: KeyboardEvent) => void;
}

function historyTable(tile: Tile, rows: readonly HistoryRow[]): TemplateResult {
  if (!rows.length) return html`<p class="base">No history for this KPI.</p>`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="history-caption">
    <table>
      <caption id="history-caption">${tile.label} by period, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col" class="num">Value</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td class="num">${r.value}</td></tr>`)}
      </tbody>
    </table>
  </div>`;
}

/** The detail of the activated tile: definition, formula, base, previous, target and status rule, history table. */
export function detailView(tile: Tile, options: DetailViewOptions): TemplateResult {
  const { tolerance, format } = options;
  const rule = tile.targetText && tile.limitText ? `. ${statusRule(tile.kpi.better, tile.targetText, tile.limitText, tolerance, format)}` : '';
  return html`<section class="detail" part="detail" aria-labelledby="detail-title" @keydown=${options.onKeydown}>
    <div class="detail-head">
      <p class="detail-title" id="detail-title">${tile.label}: ${tile.fullValueText}</p>
      <button type="button" class="tool" part="detail-close" @click=${options.onClose}>Close<span class="sr-only"> details</span></button>
    </div>
    <dl>
      <dt>Definition</dt>
      <dd>${tile.kpi.definition}</dd>
      ${tile.kpi.formula ? html`<dt>Formula</dt><dd>${tile.kpi.formula}</dd>` : nothing}
      <dt>Base</dt>
      <dd>${tile.baseSentence}</dd>
      <dt>Previous</dt>
      <dd>${previousWords(tile)}</dd>
      <dt>Target</dt>
      <dd>${tile.targetText ? `${tile.targetText} (${tile.targetSource === 'attribute' ? 'set on this scorecard' : 'from the feed'})` : 'None set'}</dd>
      <dt>Status</dt>
      <dd>${tile.statusLabel}${rule}</dd>
    </dl>
    ${historyTable(tile, options.rows)}
  </section>`;
}

/** The KPIs left out by default because they are not available, each with the reason. */
export function unavailableView(hidden: readonly Kpi[]): TemplateResult | typeof nothing {
  if (!hidden.length) return nothing;
  return html`<div class="unavailable" part="unavailable">
    <p>Not shown, not available from this data:</p>
    <ul>
      ${hidden.map((k) => html`<li><strong>${k.label}</strong>: ${k.unavailableReason}</li>`)}
    </ul>
  </div>`;
}
