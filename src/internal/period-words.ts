/**
 * A period's label in a sentence: the label itself ("2026-Q2"), or, for a period the feed does not name
 * (history.ts labels it "previous period" or "current period"), "the previous period".
 */
import { UNNAMED_CURRENT, UNNAMED_PREVIOUS } from '../feed/history.js';

export function periodName(label: string): string {
  return label === UNNAMED_PREVIOUS || label === UNNAMED_CURRENT ? `the ${label}` : label;
}
