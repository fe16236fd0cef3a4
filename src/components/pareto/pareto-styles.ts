/** Styles of the Pareto chart. Colours come from the theme tokens, so light, dark and page overrides apply. */
import { css } from 'lit';

/** Goes with `tierPatternStyles` (internal/tier-patterns), which colours the tier patterns. */
export const paretoStyles = css`
  :host {
    --kam-pareto-vital: var(--kam-accent);
    --kam-pareto-rest: var(--kam-muted);
    --kam-pareto-band: var(--kam-accent-soft);
  }
  .frame {
    height: 100%;
  }
  .plot {
    flex: 1 1 auto;
    cursor: default;
  }
  .plot > svg.chart {
    position: absolute;
    inset: 0 auto auto 0;
  }
  .legend text,
  .band-label {
    fill: var(--kam-fg);
  }
  .band-label {
    font-weight: 600;
  }
  .vital-band {
    fill: var(--kam-pareto-band);
  }
  .bar.vital,
  .legend-box.vital {
    fill: var(--kam-pareto-vital);
  }
  .bar.rest,
  .legend-box.rest {
    fill: var(--kam-pareto-rest);
  }
  .bar.dimmed {
    opacity: 0.35;
  }
  rect.bar.selected,
  g.bar.selected rect {
    stroke: var(--kam-fg);
    stroke-width: 1.5;
  }
  /* Tier bars and swatches are filled with the tier patterns (fill attribute); an outline keeps thin ones apart. */
  .by-tier .bar rect,
  .by-tier .legend-box {
    stroke: var(--kam-bg);
    stroke-width: 0.5;
  }
  .vital-bracket {
    fill: none;
    stroke: var(--kam-fg);
    stroke-width: 1.5;
  }
  path.cumulative,
  line.cumulative {
    fill: none;
    stroke: var(--kam-line);
    stroke-width: 2;
  }
  line.cutoff {
    stroke: var(--kam-fg);
    stroke-width: 1;
    stroke-dasharray: 5 4;
  }
  line.crossing-drop {
    stroke: var(--kam-line);
    stroke-width: 1;
    stroke-dasharray: 2 3;
  }
  circle.crossing {
    fill: var(--kam-bg);
    stroke: var(--kam-line);
    stroke-width: 2;
  }
  .axis-title {
    fill: var(--kam-muted);
  }
  tr.vital th {
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .bar.vital,
    .legend-box.vital {
      fill: Highlight;
    }
    .bar.rest,
    .legend-box.rest {
      fill: GrayText;
    }
    .vital-band {
      fill: Canvas;
      stroke: CanvasText;
    }
    path.cumulative,
    line.cumulative,
    line.crossing-drop,
    circle.crossing {
      stroke: LinkText;
    }
    .focus-ring,
    .hover-ring,
    line.cutoff,
    .vital-bracket {
      stroke: CanvasText;
    }
  }
  .period-table,
  .below-zero-table {
    margin-bottom: 0.6em;
    max-height: 14em;
  }
  .below-zero-note {
    margin: 0.4em 0 0;
    color: var(--kam-muted);
    font-size: 0.9em;
  }
`;
