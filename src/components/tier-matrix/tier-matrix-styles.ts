/** Styles of the tier matrix. Colours come from the theme tokens, so light, dark and page overrides apply. */
import { css } from 'lit';
import { flagMarkStyles } from '../../internal/flag-marks.js';
import { tierPatternStyles } from '../../internal/tier-patterns.js';

export const tierMatrixStyles = [
  tierPatternStyles,
  flagMarkStyles,
  css`
  :host {
    --kam-tier-matrix-shade: var(--kam-accent);
  }
  .plot {
    align-self: flex-start;
    max-width: 100%;
    cursor: default;
  }
  .axis-title,
  .band-range,
  .definition,
  .panel-note {
    fill: var(--kam-muted);
  }
  .band-name,
  .panel-title,
  .tier-code,
  .tier-name {
    fill: var(--kam-fg);
    font-weight: 600;
  }
  .tier-code {
    font-size: 13px;
  }
  .column-heads.compact {
    font-size: 10px;
  }
  .tier-name,
  .count {
    font-size: 12px;
  }
  .count {
    font-weight: 600;
  }
  .cell text,
  .figure,
  .selected-count {
    fill: var(--kam-fg);
  }
  .cell-bg {
    fill: var(--kam-tier-matrix-shade);
    stroke: var(--kam-border);
    stroke-width: 1;
  }
  .cell.empty .cell-bg {
    stroke-dasharray: 3 3;
  }
  .bar-track {
    fill: var(--kam-bg);
    stroke: var(--kam-border);
    stroke-width: 0.5;
  }
  .block-bg {
    fill: var(--kam-surface);
    stroke: var(--kam-border);
    stroke-width: 1;
  }
  .cell.selected .cell-bg,
  .tier-block.selected .block-bg {
    stroke: var(--kam-fg);
    stroke-width: 2.5;
  }
  .selected-count {
    font-weight: 600;
  }
  .notes {
    font-size: 0.9em;
  }
  .balance,
  .roi {
    margin: 0;
    font-size: 0.9em;
  }
  .flag-count {
    font-weight: 600;
  }
  .roi-table {
    margin-bottom: 0.6em;
    max-height: 14em;
  }
  .roi-table .why {
    color: var(--kam-muted);
    font-size: 0.85em;
  }
  details.rule {
    font-size: 0.9em;
  }
  details.rule summary {
    cursor: pointer;
    color: var(--kam-accent);
    width: fit-content;
  }
  details.rule ol {
    margin: 0.3em 0 0;
    padding-left: 1.4em;
  }
  details.rule p {
    margin: 0.3em 0 0;
    color: var(--kam-muted);
  }
  .mode-toggle {
    display: flex;
    gap: 0.4em;
    flex-wrap: wrap;
  }
  /* The movement grid: the kind of a movement shows in its glyph and border; the tint only repeats it. */
  .move-bg {
    fill: var(--kam-surface);
    stroke: var(--kam-border);
    stroke-width: 1;
  }
  .move.up .move-bg {
    fill: color-mix(in srgb, var(--kam-good) 16%, var(--kam-bg));
  }
  .move.down .move-bg,
  .move.lost .move-bg {
    fill: color-mix(in srgb, var(--kam-bad) 12%, var(--kam-bg));
  }
  .move.goal-move .move-bg {
    stroke: var(--kam-good);
    stroke-width: 2.5;
  }
  .move.warning .move-bg {
    stroke: var(--kam-bad);
    stroke-width: 2;
    stroke-dasharray: 5 3;
  }
  .move.empty .move-bg {
    fill: var(--kam-bg);
    stroke-dasharray: 3 3;
  }
  .move.selected .move-bg {
    stroke: var(--kam-fg);
    stroke-width: 2.5;
    stroke-dasharray: none;
  }
  .move-count {
    fill: var(--kam-fg);
    font-size: 15px;
    font-weight: 600;
  }
  .move.empty .move-count {
    fill: var(--kam-muted);
    font-weight: 400;
  }
  .move-glyph {
    fill: var(--kam-fg);
    font-size: 11px;
  }
  .move .selected-count {
    font-size: 11px;
  }
  .movement-key {
    margin: 0;
    font-size: 0.85em;
    color: var(--kam-muted);
  }
  /* These tooltips hold no links, so they never block the pointer from reaching the cells under them. */
  .tooltip {
    pointer-events: none;
  }
  .tooltip ol {
    margin: 0.1em 0 0;
    padding-left: 1.3em;
  }
  .tooltip .top-title {
    margin-top: 0.4em;
    opacity: 0.8;
  }
  @media (forced-colors: active) {
    .cell-bg {
      fill: Canvas;
      stroke: CanvasText;
    }
    .block-bg,
    .bar-track {
      fill: Canvas;
      stroke: CanvasText;
    }
    .cell.selected .cell-bg,
    .tier-block.selected .block-bg,
    .move.selected .move-bg {
      stroke: Highlight;
      stroke-width: 3;
    }
    .move-bg {
      fill: Canvas;
      stroke: CanvasText;
    }
    .focus-ring,
    .hover-ring {
      stroke: Highlight;
    }
    details.rule summary {
      color: LinkText;
    }
  }
`,
];
