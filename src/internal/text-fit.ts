/**
 * Fitting text into SVG without measuring the DOM (measuring forces layout, and layout is what makes
 * charts slow): widths are estimated from the character count with a generous average glyph width for
 * system-ui, so labels placed by these estimates do not overlap. Every widget uses these, so they agree.
 * Text is cut to its display length (DISPLAY_LENGTH characters of the contract) before it is split,
 * measured or drawn, so a name of 10 MB costs what one of 200 characters does.
 */
import { displayText } from '../feed/fields.js';

export { displayText };

/** Estimated width in px of `text` at `size` px (system-ui averages under 0.58 em per character; bold 0.64). */
export function textWidth(text: string, size = 11, bold = false): number {
  return text.length * size * (bold ? 0.64 : 0.58);
}

/** Greedy word wrap to `width` px; a word longer than a line gets a line of its own. */
export function wrap(text: string, width: number, size = 11, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of displayText(text).split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Text cut to fit `width` px at `size` px, with an ellipsis. */
export function fitText(text: string, width: number, size = 11, bold = false): string {
  text = displayText(text);
  const max = Math.max(1, Math.floor(width / (size * (bold ? 0.64 : 0.58))));
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Text wrapped to at most `maxLines` lines of `width` px; the last line is cut with an ellipsis when text remains. */
export function wrapLines(text: string, width: number, size: number, maxLines: number): string[] {
  const lines = wrap(text, width, size).map((l) => fitText(l, width, size));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = fitText(`${kept[maxLines - 1]} ${lines[maxLines]}`, width, size);
  kept[maxLines - 1] = last.endsWith('…') ? last : fitText(`${last}…`, width, size);
  return kept;
}

const contexts = new Map<string, CanvasRenderingContext2D | null>();

/**
 * Exact text widths from the browser's font engine for a CSS `font` ("11px system-ui, sans-serif"),
 * measured on a canvas (no DOM layout), for labels where the estimate is not safe: account names in a
 * proportional font, where "MMW" is far wider than "ill". Falls back to the estimate without a canvas (Node).
 */
export function measuredTextWidth(font: string): (text: string) => number {
  if (!contexts.has(font)) {
    const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (context) context.font = font;
    contexts.set(font, context);
  }
  const context = contexts.get(font);
  const size = Number.parseFloat(font) || 11;
  return context ? (text) => context.measureText(text).width : (text) => textWidth(text, size);
}

/** The longest start of `text` (with an ellipsis when cut) that `measure` says fits in `width` px; '' when not even one character does. */
export function fitMeasured(text: string, width: number, measure: (text: string) => number): string {
  text = displayText(text);
  if (measure(text) <= width) return text;
  let [low, high] = [0, text.length - 1]; // the number of characters kept before the ellipsis
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${text.slice(0, mid).trimEnd()}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? '' : `${text.slice(0, low).trimEnd()}…`;
}
