/**
 * Design tokens. Every colour, font and radius a widget uses is a `--kam-*` custom property with a light
 * and a dark value. `theme="light"` (the default), `theme="dark"`, or `theme="auto"` (follows the
 * user's prefers-color-scheme). A page overrides any token by setting it on the element:
 * `kam-pareto { --kam-accent: #7b1fa2; }`. Tier colours pass 3:1 against the background in both themes.
 */
import { css } from 'lit';

const light = css`
  --kam-bg: #ffffff;
  --kam-surface: #f6f8fa;
  --kam-fg: #1f2328;
  --kam-muted: #59636e;
  --kam-border: #d1d9e0;
  --kam-grid: #e8ecf0;
  --kam-accent: #0b63c5;
  --kam-accent-soft: #dbeafe;
  --kam-line: #b35900;
  --kam-focus: #0b63c5;
  --kam-error: #c1121f;
  --kam-error-bg: #fff1f0;
  --kam-warning: #8a5300;
  --kam-warning-bg: #fff8e6;
  --kam-good: #1a7f37;
  --kam-bad: #c1121f;
  --kam-tier-mvc: #1f5fbf;
  --kam-tier-mgc: #1a7f37;
  --kam-tier-stc: #7d4fc9;
  --kam-tier-bz: #c1121f;
  --kam-skeleton: #eaeef2;
  --kam-tooltip-bg: #1f2328;
  --kam-tooltip-fg: #ffffff;
`;

const dark = css`
  --kam-bg: #0d1117;
  --kam-surface: #161b22;
  --kam-fg: #e6edf3;
  --kam-muted: #9ba7b4;
  --kam-border: #3d444d;
  --kam-grid: #262c36;
  --kam-accent: #58a6ff;
  --kam-accent-soft: #10284a;
  --kam-line: #f0a350;
  --kam-focus: #79c0ff;
  --kam-error: #ff7b72;
  --kam-error-bg: #2d1214;
  --kam-warning: #e3b341;
  --kam-warning-bg: #2b2111;
  --kam-good: #3fb950;
  --kam-bad: #ff7b72;
  --kam-tier-mvc: #58a6ff;
  --kam-tier-mgc: #3fb950;
  --kam-tier-stc: #bc8cff;
  --kam-tier-bz: #ff7b72;
  --kam-skeleton: #21262d;
  --kam-tooltip-bg: #e6edf3;
  --kam-tooltip-fg: #0d1117;
`;

export const themeStyles = css`
  :host {
    ${light}
    --kam-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --kam-font-size: 14px;
    --kam-radius: 6px;
    color-scheme: light;
    display: block;
    box-sizing: border-box;
    min-width: 0;
    font-family: var(--kam-font);
    font-size: var(--kam-font-size);
    line-height: 1.4;
    color: var(--kam-fg);
    background: var(--kam-bg);
    border-radius: var(--kam-radius);
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
      color-scheme: dark;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  @media (forced-colors: active) {
    :host {
      --kam-bg: Canvas;
      --kam-surface: Canvas;
      --kam-fg: CanvasText;
      --kam-muted: CanvasText;
      --kam-border: CanvasText;
      --kam-grid: GrayText;
      --kam-accent: Highlight;
      --kam-focus: Highlight;
      --kam-line: LinkText;
      --kam-error: CanvasText;
      --kam-warning: CanvasText;
      --kam-tier-mvc: CanvasText;
      --kam-tier-mgc: CanvasText;
      --kam-tier-stc: CanvasText;
      --kam-tier-bz: CanvasText;
      --kam-tooltip-bg: Canvas;
      --kam-tooltip-fg: CanvasText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
