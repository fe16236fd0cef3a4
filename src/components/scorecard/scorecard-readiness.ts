/**
 * The KAM readiness check in the scorecard's header: "Do a few customers drive 50%+ of revenue? Is your
 * sales cycle long (6 mo+)? Would churn hurt more than new logos help? Two or more yes: it's time." One
 * line with the verdict (a disclosure), and under it the three answers with their figures. The answers
 * are the portfolio's (`readinessOf`, analysis/readiness.ts) and their sentences
 * `readinessText` / `readinessVerdictText`; this module only places them.
 *
 * Decisions:
 * - A native <details>: keyboard and screen readers know it, and it is closed by default so the line is
 *   compact and the tiles stay where the eye expects them. Below 360 px the line leaves out the count
 *   of yes answers (the details give it), so it stays one line at 280 px.
 * - Verdict and answers carry a glyph (✓ yes, ✗ no, ? unknown) beside their words, never colour alone.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Readiness, ReadinessAnswer } from '../../analysis/readiness.js';
import { readinessText, readinessVerdictText } from '../../analysis/readiness.js';
import type { Formatters } from '../../internal/format.js';

const ANSWER_GLYPH: Readonly<Record<ReadinessAnswer, string>> = { yes: '✓', no: '✗', unknown: '?' };

const VERDICT: Readonly<Record<Readiness['verdict'], { glyph: string; word: string }>> = {
  ready: { glyph: '✓', word: 'ready' },
  'not-yet': { glyph: '✗', word: 'not yet' },
  undecided: { glyph: '?', word: 'undecided' },
};

/** The line of the closed disclosure: "KAM readiness: ready (2 of 3 yes)"; `short` leaves out the count (narrow widgets). */
export function readinessLine(readiness: Readiness, short = false): string {
  const verdict = `KAM readiness: ${VERDICT[readiness.verdict].word}`;
  return short ? verdict : `${verdict} (${readiness.yes} of ${readiness.questions.length} yes)`;
}

/** The readiness check as a disclosure: the verdict line, and when opened the verdict in words and the three answers with their figures. */
export function readinessView(readiness: Readiness | undefined, f: Formatters): TemplateResult | typeof nothing {
  if (!readiness) return nothing;
  const verdict = VERDICT[readiness.verdict];
  return html`<details class="readiness ${readiness.verdict}" part="readiness">
    <summary part="readiness-summary">
      <span class="readiness-glyph" aria-hidden="true">${verdict.glyph}</span>
      <span class="line-long">${readinessLine(readiness)}</span><span class="line-short">${readinessLine(readiness, true)}</span>
    </summary>
    <div class="readiness-details">
      <p class="readiness-verdict">${readinessVerdictText(readiness)}</p>
      <ul>
        ${readiness.questions.map(
          (q) => html`<li class="answer ${q.answer}"><span class="answer-glyph" aria-hidden="true">${ANSWER_GLYPH[q.answer]}</span> ${readinessText(q, f.money, f.percent)}</li>`,
        )}
      </ul>
    </div>
  </details>`;
}

export const readinessStyles = css`
  .readiness {
    margin: 0;
    border: 1px solid var(--kam-border);
    border-radius: var(--kam-radius);
    font-size: 0.9em;
  }
  .readiness > summary {
    padding: 0.3em 0.6em;
    cursor: pointer;
    font-weight: 600;
  }
  .readiness .line-short {
    display: none;
  }
  @container (max-width: 359px) {
    .readiness .line-long {
      display: none;
    }
    .readiness .line-short {
      display: inline;
    }
  }
  .readiness > summary:focus-visible {
    outline: 2px solid var(--kam-focus);
    outline-offset: 2px;
  }
  .readiness.ready .readiness-glyph {
    color: var(--kam-good);
  }
  .readiness.not-yet .readiness-glyph {
    color: var(--kam-muted);
  }
  .readiness-details {
    padding: 0 0.6em 0.5em;
  }
  .readiness-verdict {
    margin: 0 0 0.3em;
  }
  .readiness ul {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.35em;
  }
  .readiness .answer-glyph {
    display: inline-block;
    width: 1.1em;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .readiness .readiness-glyph {
      color: CanvasText;
    }
  }
`;
