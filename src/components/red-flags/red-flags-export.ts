/**
 * The red-flags list drawn as one SVG, for the SVG and PNG export: the live list is HTML (red-flags-marks.ts)
 * and the shared export needs one SVG element. It draws the same lines with the same words: the summary,
 * the KPI goals missed, then each listed account (severity, name, tier and revenue) with its flags, wrapped
 * to the widget's width by estimate (text-fit.ts), and "and N more". A severe account has a wide solid
 * rule on its left, a warning a thin dashed one, so the export tells them apart without colour too. Colours
 * come from CSS classes (the --kam-* tokens, in `exportStyles`), which the shared export inlines.
 */
import { css, html, svg, type TemplateResult } from 'lit';
import { FLAG_META } from '../../analysis/flags.js';
import type { Formatters } from '../../internal/format.js';
import { exportStageStyles } from '../../internal/export-stage.js';
import { wrap } from '../../internal/text-fit.js';
import type { RedFlagsModel } from './red-flags-model.js';
import { SEVERITY_TEXT, accountFacts, checkedText, moreText, summarySentence } from './red-flags-text.js';
import { flagSentence } from '../../internal/flag-marks.js';

const LINE = 16;
const INDENT = 14;

interface Line {
  text: string;
  x: number;
  y: number;
  className: string;
}

interface Rule {
  y1: number;
  y2: number;
  className: string;
}

/** The lines and the accounts' rules of the drawing, top to bottom, and its height. */
export function exportLayout(f: Formatters, model: RedFlagsModel, listed: number, width: number): { lines: Line[]; rules: Rule[]; height: number } {
  const lines: Line[] = [];
  const rules: Rule[] = [];
  let y = 0;
  const add = (text: string, x: number, size: number, className: string, bold = false) => {
    for (const line of wrap(text, width - x, size, bold)) {
      y += LINE;
      lines.push({ text: line, x, y, className });
    }
  };
  add(summarySentence(f, model), 0, 13, 'x-summary', true);
  y += 6;
  if (model.shown.includes('goal-missed')) {
    for (const { flag } of model.kpi.flags) add(`${SEVERITY_TEXT[flag.severity].icon} ${SEVERITY_TEXT[flag.severity].label}: ${flagSentence(flag, f)}`, 0, 11, `x-flag ${flag.severity}`);
  }
  if (!model.items.length) for (const line of checkedText(f, model)) add(line, 0, 11, 'x-note');
  for (const item of model.items.slice(0, listed)) {
    y += 8;
    const top = y + 4;
    const { icon, label } = SEVERITY_TEXT[item.severity];
    add(`${icon} ${label} · ${item.account.name} · ${accountFacts(f, model, item)}`, INDENT, 12, 'x-account', true);
    for (const flag of item.flags) add(`${FLAG_META[flag.type].label}: ${flagSentence(flag, f)}`, INDENT, 11, 'x-flag');
    rules.push({ y1: top, y2: y + 4, className: `x-rule ${item.severity}` });
  }
  const more = model.items.length - listed;
  if (more > 0) {
    y += 8;
    add(moreText(f, more), 0, 11, 'x-note');
  }
  return { lines, rules, height: y + 6 };
}

/** The export SVG (class "chart", found by the shared export). */
export function exportSvg(f: Formatters, model: RedFlagsModel, listed: number, width: number): TemplateResult {
  const w = Math.max(280, Math.round(width));
  const { lines, rules, height } = exportLayout(f, model, listed, w);
  return html`<svg class="chart" xmlns="http://www.w3.org/2000/svg" width=${w} height=${height} viewBox="0 0 ${w} ${height}" aria-hidden="true">
    ${rules.map((r) => svg`<line class=${r.className} x1="3" x2="3" y1=${r.y1} y2=${r.y2}></line>`)}
    ${lines.map((l) => svg`<text class=${l.className} x=${l.x} y=${l.y - 4}>${l.text}</text>`)}
  </svg>`;
}

/** Styles of the off-screen stage and of the export drawing (inlined into the exported SVG by the shared export). */
export const exportStyles = css`
  ${exportStageStyles}
  .export-stage text {
    font-family: var(--kam-font);
    fill: var(--kam-fg);
    font-size: 11px;
  }
  .export-stage .x-summary {
    font-size: 13px;
    font-weight: 700;
  }
  .export-stage .x-account {
    font-size: 12px;
    font-weight: 700;
  }
  .export-stage .x-note {
    fill: var(--kam-muted);
  }
  .x-rule {
    stroke-width: 4;
    stroke: var(--kam-bad);
  }
  .x-rule.warning {
    stroke-width: 2;
    stroke: var(--kam-warning);
    stroke-dasharray: 4 3;
  }
`;
