/**
 * The mark of a flagged account, shared by every widget that shows accounts: a small flag on the
 * account's bar, point or cell, and its red flags in words (a tooltip line, a table column, CSV
 * columns). The flags themselves come from the portfolio (`portfolio.flags()`, analysis/flags.ts).
 *
 * Decisions:
 * - Severity is told by the glyph, not by colour alone: on a chart a severe flag is a small filled flag, a
 *   warning an outlined one (a flag, not a triangle: the quadrant draws MGC accounts as triangles); in
 *   text, beside the words "severe" or "warning", ▲ and △. In forced-colors mode both keep their shape
 *   (filled and outlined in CanvasText).
 * - Glyphs are decoration (aria-hidden); the words carry the meaning for screen readers.
 * - An account's flags are found through the result's `position` (no search of the flagged list), so a
 *   table of 100,000 accounts stays cheap.
 */
import { css, html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { FlaggedAccount, FlagResult, RedFlag } from '../analysis/flags.js';
import { FLAG_META } from '../analysis/flags.js';
import { flagText } from '../analysis/flag-text.js';
import type { TableColumn } from './data-table.js';
import type { CsvColumn } from './export.js';
import type { Formatters } from './format.js';

/** 0 none, 1 warning, 2 severe (as `FlagResult.level`). */
export type FlagLevel = 0 | 1 | 2;

/** The text glyph of each level, beside its words in tables and lists: none, warning (outlined), severe (filled). */
export const FLAG_GLYPHS = ['', '△', '▲'] as const;
/** The word of each level. */
export const FLAG_LEVEL_WORDS = ['', 'warning', 'severe'] as const;

/** How many flag sentences a tooltip shows before "and N more". */
const TOOLTIP_SENTENCES = 3;

/** The flagged account at input index `index` of the portfolio the result is of; undefined when it has no flag. */
export function flaggedAt(result: FlagResult | undefined, index: number): FlaggedAccount | undefined {
  const at = result?.position[index] ?? -1;
  return at < 0 ? undefined : result!.accounts[at];
}

/** The level of the account at input index `index`: 0 none, 1 warning, 2 severe. */
export function flagLevelAt(result: FlagResult | undefined, index: number): FlagLevel {
  return (result?.level[index] ?? 0) as FlagLevel;
}

/** "1 red flag", "3 red flags". */
export function redFlagCount(count: number): string {
  return `${count} red flag${count === 1 ? '' : 's'}`;
}

/** The flags' names, most severe first as the analysis orders them: "Revenue going elsewhere; Unhappy key account". */
export function flagLabels(flagged: FlaggedAccount): string {
  return flagged.flags.map((flag) => FLAG_META[flag.type].label).join('; ');
}

/** One flag as a sentence with the widget's number formats. */
export function flagSentence(flag: RedFlag, f: Formatters): string {
  return flagText(flag, f.money, f.percent, f.number);
}

/** The account's flags in words, for a table cell and an accessible name: "severe, 2 red flags: Revenue going elsewhere; Unhappy key account". */
export function flagWords(flagged: FlaggedAccount | undefined): string {
  if (!flagged) return '';
  return `${flagged.severity}, ${redFlagCount(flagged.flags.length)}: ${flagLabels(flagged)}`;
}

/** The glyph of a level as text, hidden from screen readers (the words next to it say the same). */
export function flagGlyphText(level: number): TemplateResult | typeof nothing {
  if (!level) return nothing;
  return html`<span class="flag-glyph ${FLAG_LEVEL_WORDS[level]}" aria-hidden="true">${FLAG_GLYPHS[level]}</span>`;
}

/** The tooltip line of a flagged account: the glyph, how many flags and how severe, and each flag as a sentence (the first three, then "and N more"). */
export function flagTooltipLine(flagged: FlaggedAccount | undefined, f: Formatters): TemplateResult | typeof nothing {
  if (!flagged) return nothing;
  const level = flagged.severity === 'severe' ? 2 : 1;
  const shown = flagged.flags.slice(0, TOOLTIP_SENTENCES);
  const more = flagged.flags.length - shown.length;
  return html`<p class="flag-line">
    ${flagGlyphText(level)} ${redFlagCount(flagged.flags.length)} (${flagged.severity}):
    ${shown.map((flag) => html`${flagSentence(flag, f)} `)}${more > 0 ? html`and ${more} more.` : nothing}
  </p>`;
}

/** The "Red flags" column of a table view: the glyph and the flags' names; sorts by severity, then by how many. */
export function flagTableColumn<Row>(flaggedOf: (row: Row) => FlaggedAccount | undefined): TableColumn<Row> {
  return {
    id: 'flags',
    label: 'Red flags',
    sortValue: (row) => {
      const flagged = flaggedOf(row);
      return flagged ? (flagged.severity === 'severe' ? 100 : 0) + flagged.flags.length : undefined;
    },
    cell: (row) => {
      const flagged = flaggedOf(row);
      if (!flagged) return '';
      return html`${flagGlyphText(flagged.severity === 'severe' ? 2 : 1)} ${flagWords(flagged)}`;
    },
  };
}

/** The CSV columns of the flags: how many, the most severe, and the types (";"-separated ids). */
export function flagCsvColumns<Row>(flaggedOf: (row: Row) => FlaggedAccount | undefined): CsvColumn<Row>[] {
  return [
    { header: 'red_flags', value: (row) => flaggedOf(row)?.flags.length ?? 0 },
    { header: 'red_flag_severity', value: (row) => flaggedOf(row)?.severity ?? '' },
    { header: 'red_flag_types', value: (row) => flaggedOf(row)?.flags.map((flag) => flag.type).join(';') ?? '' },
  ];
}

/**
 * The outline of a flag centred on (x, y), `size` px high: a pole on the left and a pennant flying right.
 * Open at the pole's foot, so its stroke draws the pole and its fill the pennant.
 */
export function flagGlyphPath(x: number, y: number, size: number): string {
  const r = (value: number) => Math.round(value * 10) / 10;
  const pole = r(x - size * 0.4);
  const top = r(y - size / 2);
  const bottom = r(y + size / 2);
  const tail = y + size * 0.1;
  return `M${pole} ${bottom}L${pole} ${top}L${r(x + size * 0.45)} ${r((y - size / 2 + tail) / 2)}L${pole} ${r(tail)}`;
}

/** The glyph as an SVG mark centred on (x, y): a filled flag for severe, an outlined one for a warning; nothing for level 0. */
export function flagGlyph(x: number, y: number, level: number, size = 9): SVGTemplateResult | typeof nothing {
  if (!level) return nothing;
  return svg`<path class="flag-mark ${FLAG_LEVEL_WORDS[level]}" d=${flagGlyphPath(x, y, size)}></path>`;
}

/**
 * Colours and shapes of the marks. `--kam-flag-severe` (default: the "bad" colour) and
 * `--kam-flag-warning` (default: the warning colour) pass 3:1 against the background in both themes.
 */
export const flagMarkStyles = css`
  .flag-mark {
    stroke-linejoin: round;
    stroke-linecap: round;
    stroke-width: 1.5;
    pointer-events: none;
  }
  .flag-mark.severe {
    fill: var(--kam-flag-severe, var(--kam-bad));
    stroke: var(--kam-flag-severe, var(--kam-bad));
  }
  .flag-mark.warning {
    fill: var(--kam-bg);
    stroke: var(--kam-flag-warning, var(--kam-warning));
  }
  .flag-glyph {
    font-size: 0.9em;
  }
  .flag-glyph.severe {
    color: var(--kam-flag-severe, var(--kam-bad));
  }
  .flag-glyph.warning {
    color: var(--kam-flag-warning, var(--kam-warning));
  }
  .tooltip .flag-glyph {
    color: inherit;
  }
  .tooltip .flag-line {
    margin-top: 0.35em;
  }
  @media (forced-colors: active) {
    .flag-mark.severe {
      fill: CanvasText;
      stroke: CanvasText;
    }
    .flag-mark.warning {
      fill: Canvas;
      stroke: CanvasText;
    }
    .flag-glyph.severe,
    .flag-glyph.warning {
      color: CanvasText;
    }
  }
`;
