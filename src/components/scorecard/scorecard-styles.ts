/** Styles of <kam-scorecard>: the tile grid, the compact strip and the detail (the export drawing's are in scorecard-export.ts). */
import { css } from 'lit';

export const scorecardStyles = css`
  :host {
    container-type: inline-size;
  }
  /* The summary lists every KPI: it stays the accessible name (and the export title) but the tiles and
     the short headline are what the eye reads. */
  .summary {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .header {
    justify-content: flex-end;
  }
  @container (min-width: 520px) {
    .frame {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .frame > * {
      grid-column: 1 / -1;
    }
    .frame > .header {
      grid-column: 2;
      grid-row: 1;
    }
    .frame > .headline {
      grid-column: 1;
      grid-row: 1;
      align-self: center;
    }
  }
  .headline {
    margin: 0;
    font-weight: 600;
    line-height: 1.35;
  }
  .grid {
    display: grid;
    gap: 12px;
  }
  .cols-1 {
    grid-template-columns: minmax(0, 1fr);
  }
  .cols-2 {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .cols-3 {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  .cols-4 {
    grid-template-columns: repeat(4, minmax(0, 1fr));
  }
  .cols-5 {
    grid-template-columns: repeat(5, minmax(0, 1fr));
  }
  .tile {
    --tile-status: var(--kam-border);
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.15em;
    min-width: 0;
    padding: 0.65em 0.8em 0.6em;
    border: 1px solid var(--kam-border);
    border-top: 4px solid var(--tile-status);
    border-radius: var(--kam-radius);
    background: var(--kam-surface);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .tile.on-track {
    --tile-status: var(--kam-good);
  }
  .tile.at-risk {
    --tile-status: var(--kam-warning);
  }
  .tile.off-track {
    --tile-status: var(--kam-bad);
  }
  /* the tile whose detail is open: a frame in the accent colour (a tinted background would cost contrast) */
  .tile.open {
    border-color: var(--kam-accent);
    border-top-color: var(--tile-status);
    box-shadow: inset 0 0 0 1px var(--kam-accent);
  }
  .plot:focus .tile.focused {
    outline: 3px solid var(--kam-focus);
    outline-offset: 2px;
  }
  .tile-label {
    color: var(--kam-muted);
    font-size: 0.9em;
    font-weight: 600;
  }
  .tile-value {
    font-size: 1.75em;
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
  }
  .not-available .tile-value {
    font-size: 1.1em;
    color: var(--kam-muted);
  }
  .change,
  .status {
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }
  .change.better {
    color: var(--kam-good);
  }
  .change.worse {
    color: var(--kam-bad);
  }
  .change.none {
    color: var(--kam-muted);
  }
  .status-label {
    font-weight: 600;
  }
  .no-target .status-label,
  .not-available .status-label {
    color: var(--kam-muted);
    font-weight: normal;
  }
  .on-track .status-label {
    color: var(--kam-good);
  }
  .at-risk .status-label {
    color: var(--kam-warning);
  }
  .off-track .status-label {
    color: var(--kam-bad);
  }
  .icon {
    display: inline-block;
    min-width: 1.35em;
    border-radius: 0.7em;
    background: var(--tile-status);
    color: var(--kam-bg);
    font-size: 0.8em;
    font-weight: 700;
    line-height: 1.35em;
    text-align: center;
  }
  .target,
  .base {
    color: var(--kam-muted);
  }
  .base {
    font-size: 0.8em;
  }
  .spark {
    display: block;
    width: 100%;
    height: 24px;
    margin-top: auto;
    padding-top: 0.3em;
    overflow: visible;
  }
  /* The sparkline is stretched to the tile: its strokes keep their width (a CSS property, as Lightning Web
     Security's sanitizer drops the vector-effect attribute). */
  .spark path,
  .spark line {
    vector-effect: non-scaling-stroke;
  }
  .spark path {
    fill: none;
    stroke: var(--kam-accent);
    stroke-width: 1.5;
  }
  .spark line {
    stroke: var(--kam-muted);
    stroke-dasharray: 3 3;
  }
  /* compact: one line of small tiles; in a narrow sidebar it wraps rather than hiding KPIs behind a scroll */
  .strip {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    padding: 4px;
  }
  :host([compact]) .headline {
    font-size: 0.9em;
  }
  .strip .tile {
    flex: 0 0 auto;
    flex-direction: row;
    align-items: baseline;
    gap: 0.4em;
    padding: 0.2em 0.6em;
    border-top-width: 1px;
    border-inline-start: 4px solid var(--tile-status);
    white-space: nowrap;
    overflow-wrap: normal;
  }
  .strip .tile-value {
    font-size: 1.05em;
  }
  .strip .change,
  .strip .status {
    font-size: 0.85em;
  }
  .unavailable,
  .history-note {
    color: var(--kam-muted);
    font-size: 0.85em;
  }
  .history-note {
    margin: 0;
  }
  .unavailable p,
  .unavailable ul {
    margin: 0;
  }
  .unavailable ul {
    padding-inline-start: 1.2em;
  }
  .detail {
    grid-column: 1 / -1;
    cursor: auto;
    padding: 0.75em 0.9em;
    border: 1px solid var(--kam-border);
    border-radius: var(--kam-radius);
    background: var(--kam-bg);
  }
  .detail-head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.5em;
  }
  .detail-title {
    margin: 0;
    font-weight: 700;
  }
  .detail dl {
    display: grid;
    grid-template-columns: minmax(6em, max-content) minmax(0, 1fr);
    gap: 0.25em 1em;
    margin: 0.5em 0;
  }
  .detail dt {
    color: var(--kam-muted);
  }
  @container (max-width: 420px) {
    .detail dl {
      grid-template-columns: minmax(0, 1fr);
    }
    .detail dd {
      margin-bottom: 0.3em;
    }
  }
  .detail dd {
    margin: 0;
  }
  .detail table {
    width: auto;
    min-width: 14em;
  }
  .detail .table-scroll {
    display: inline-block;
    max-height: 16em;
  }
  @media (forced-colors: active) {
    /* The system colours replace the status colours; the icon and the word still carry the status. */
    .tile.open {
      border-width: 3px;
    }
    .plot:focus .tile.focused {
      outline-color: Highlight;
    }
    .icon {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
    .spark path {
      stroke: CanvasText;
    }
  }
`;
