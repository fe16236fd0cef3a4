/** Styles of the quadrant chart. Colours come from the theme tokens, so light, dark and page overrides apply. */
import { css } from 'lit';

export const quadrantStyles = css`
  /* Trails from the previous period (show-previous): faint, under the points. */
  .trail {
    stroke: var(--kam-muted);
    stroke-width: 1;
    stroke-opacity: 0.55;
  }
  .trail-from {
    fill: none;
    stroke: var(--kam-muted);
    stroke-width: 1;
    stroke-opacity: 0.8;
  }
  :host {
    --kam-quadrant-quick-wins: var(--kam-good);
    --kam-quadrant-strategic: var(--kam-accent);
    --kam-quadrant-maintain: var(--kam-muted);
    --kam-quadrant-over-served: var(--kam-bad);
  }
  .zoom-controls {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.35em;
  }
  button.tool:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .plot {
    cursor: crosshair;
    touch-action: none;
  }
  .plot > svg.chart {
    position: relative;
  }
  canvas.points {
    position: absolute;
    left: 0;
    top: 0;
    pointer-events: none;
  }
  /* Shades are mixed with the background rather than drawn translucent, so text over them has a known contrast. */
  .region.quick-wins {
    fill: color-mix(in srgb, var(--kam-quadrant-quick-wins) 8%, var(--kam-bg));
  }
  .region.strategic {
    fill: color-mix(in srgb, var(--kam-quadrant-strategic) 8%, var(--kam-bg));
  }
  .region.maintain {
    fill: color-mix(in srgb, var(--kam-quadrant-maintain) 8%, var(--kam-bg));
  }
  .region.over-served {
    fill: color-mix(in srgb, var(--kam-quadrant-over-served) 8%, var(--kam-bg));
  }
  .swatch.quick-wins {
    background: var(--kam-quadrant-quick-wins);
  }
  .swatch.strategic {
    background: var(--kam-quadrant-strategic);
  }
  .swatch.maintain {
    background: var(--kam-quadrant-maintain);
  }
  .swatch.over-served {
    background: var(--kam-quadrant-over-served);
  }
  .tier-0 {
    fill: var(--kam-tier-mvc);
  }
  .tier-1 {
    fill: var(--kam-tier-mgc);
  }
  .tier-2 {
    fill: var(--kam-tier-stc);
  }
  .tier-3 {
    fill: var(--kam-tier-bz);
  }
  .point {
    fill-opacity: 0.75;
    stroke: var(--kam-bg);
    stroke-width: 0.75;
  }
  .points.has-selection .point {
    fill-opacity: 0.25;
  }
  .points.has-selection .point.selected {
    fill-opacity: 1;
    stroke: var(--kam-fg);
    stroke-width: 1.5;
  }
  .legend text,
  .point-label,
  .quadrant-name,
  .split-label {
    fill: var(--kam-fg);
  }
  .legend .size-note {
    fill: var(--kam-muted);
  }
  .legend .size-icon {
    fill: none;
    stroke: var(--kam-muted);
  }
  .quadrant-name {
    font-weight: 600;
    cursor: pointer;
  }
  .point-label,
  .quadrant-name,
  .split-label {
    paint-order: stroke;
    stroke: var(--kam-bg);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  .split-label {
    fill: var(--kam-muted);
  }
  line.split {
    stroke: var(--kam-fg);
    stroke-width: 1;
    stroke-dasharray: 5 4;
  }
  line.zero {
    stroke: var(--kam-border);
  }
  .axis-title {
    fill: var(--kam-muted);
  }
  .brush {
    fill: var(--kam-accent);
    fill-opacity: 0.12;
    stroke: var(--kam-accent);
    stroke-dasharray: 4 3;
  }
  .quadrant-stats {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.35em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .quadrant-stats.narrow {
    grid-template-columns: 1fr;
  }
  .quadrant-stats button {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
    width: 100%;
    height: 100%;
    font: inherit;
    font-size: 0.85em;
    text-align: start;
    padding: 0.35em 0.6em;
    border: 1px solid var(--kam-border);
    border-radius: var(--kam-radius);
    background: var(--kam-bg);
    color: var(--kam-fg);
    cursor: pointer;
  }
  .quadrant-stats button:hover {
    background: var(--kam-surface);
  }
  .swatch {
    flex: none;
    width: 0.75em;
    height: 0.75em;
    border-radius: 2px;
    border: 1px solid var(--kam-border);
  }
  .q-name {
    font-weight: 600;
  }
  .q-figures {
    color: var(--kam-muted);
  }
  .notes .missing {
    color: var(--kam-warning);
  }
  .nothing-placed {
    margin: 0;
    padding: 1em;
    border: 1px solid var(--kam-border);
    border-radius: var(--kam-radius);
  }
  tr.unplaced th {
    color: var(--kam-muted);
  }
  @media (forced-colors: active) {
    .region.quick-wins,
    .region.strategic,
    .region.maintain,
    .region.over-served {
      fill: Canvas;
    }
    .point {
      stroke: CanvasText;
    }
    .points.has-selection .point.selected {
      fill: Highlight;
      stroke: CanvasText;
    }
    line.split,
    .brush {
      stroke: CanvasText;
    }
    .swatch {
      background: Canvas;
      border-color: CanvasText;
    }
  }
`;
