/**
 * Fitting text into SVG without measuring the DOM (measuring forces layout, and layout is what makes
 * charts slow): widths are estimated from the character count with a generous average glyph width for
 * system-ui, so labels placed by these estimates do not overlap. Every widget uses these, so they agree.
 */

/** Estimated width in px of `text` at `size` px (system-ui averages under 0.58 em per character; bold 0.64). */
export function textWidth(text: string, size = 11, bold = false): number {
  return text.length * size * (bold ? 0.64 : 0.58);
}

/** Greedy word wrap to `width` px; a word longer than a line gets a line of its own. */
export function wrap(text: string, width: number, size = 11, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
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
