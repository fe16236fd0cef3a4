/** The widget frame's styles, apart from its logic (kam-widget.ts). */
import { css } from 'lit';

/** The styles of the widget frame: header, toolbar, export menu, plot, axes, focus marks, notes. */
export const widgetStyles = css`
  .frame {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    color: var(--kam-fg);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5em;
  }
  .summary {
    margin: 0;
    flex: 1 1 16em;
    font-weight: 600;
    line-height: 1.35;
  }
  .toolbar {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
  }
  button.tool,
  .export-menu button {
    font: inherit;
    font-size: 0.85em;
    padding: 0.25em 0.7em;
    border-radius: var(--kam-radius);
    border: 1px solid var(--kam-border);
    background: var(--kam-bg);
    color: var(--kam-fg);
    cursor: pointer;
    white-space: nowrap;
  }
  button.tool[aria-pressed='true'] {
    background: var(--kam-accent-soft);
    border-color: var(--kam-accent);
  }
  .export-menu {
    position: absolute;
    z-index: 3;
    top: calc(100% + 4px);
    right: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 4px;
    border: 1px solid var(--kam-border);
    border-radius: var(--kam-radius);
    background: var(--kam-bg);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }
  .export-menu[hidden] {
    display: none;
  }
  .export-menu button {
    border: none;
    text-align: start;
  }
  .export-menu button:hover {
    background: var(--kam-surface);
  }
  button:focus-visible,
  .plot:focus-visible {
    outline: 2px solid var(--kam-focus);
    outline-offset: 2px;
  }
  .export-message {
    margin: 0;
    color: var(--kam-error);
    font-size: 0.9em;
  }
  .plot {
    position: relative;
    border-radius: var(--kam-radius);
  }
  .plot:focus {
    outline: none;
  }
  .plot:focus-visible {
    outline: 2px solid var(--kam-focus);
  }
  svg.chart {
    display: block;
    overflow: visible;
    font-family: var(--kam-font);
    font-size: 11px;
    user-select: none;
  }
  .axis text {
    fill: var(--kam-muted);
  }
  .axis line,
  .axis path {
    stroke: var(--kam-border);
  }
  .grid line {
    stroke: var(--kam-grid);
  }
  /* The focus marker and hover marker drawn in a chart (left out of exports with data-export="skip"). */
  .focus-ring,
  .hover-ring {
    fill: none;
    stroke: var(--kam-focus);
    stroke-width: 2;
  }
  .hover-ring {
    stroke-dasharray: 3 2;
  }
  /* The "notes" part: short lines under a chart (what was not plotted, how it was split). */
  .notes {
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--kam-muted);
    font-size: 0.85em;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (forced-colors: active) {
    button.tool[aria-pressed='true'] {
      border: 2px solid Highlight;
    }
  }
`;
