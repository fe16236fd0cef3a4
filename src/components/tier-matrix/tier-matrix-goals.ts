/**
 * The tier goals under the tier matrix (`tier-goals`, `goal-period`, or the linked `<kam-feed>`'s): per goal
 * the sentence that says how far off it is and whether the trend reaches it in time, and a small line of
 * the tier's count in each period against the goal, with the first and last period named. Markup only:
 * the figures are analysis/tier-goals.ts', the words tier-goals-text.ts'.
 */
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import type { Portfolio } from '../../analysis/portfolio.js';
import { parseTierGoals, tierGoalProgress, type GoalProgress } from '../../analysis/tier-goals.js';
import { goalSentence } from '../../analysis/tier-goals-text.js';
import type { Formatters } from '../../internal/format.js';
import { sparkline } from '../../internal/sparkline.js';

const WIDTH = 220;
const HEIGHT = 40;

function goalLine(goal: GoalProgress): TemplateResult | typeof nothing {
  const counts = goal.counts.map((c) => c.count);
  const line = sparkline(counts, WIDTH, HEIGHT, goal.goal);
  if (!line) return nothing;
  const first = goal.counts[0]!.period;
  const last = goal.counts[goal.counts.length - 1]!.period;
  return html`<svg class="goal-line" width=${WIDTH} height=${HEIGHT + 14} aria-hidden="true">
    ${line.targetY === undefined ? nothing : svg`<line class="goal-target" x1="0" x2=${WIDTH} y1=${line.targetY} y2=${line.targetY}></line>`}
    <path class="goal-counts" d=${line.path}></path>
    <circle class="goal-now" cx=${line.last.x} cy=${line.last.y} r="2.5"></circle>
    <text class="goal-axis" x="0" y=${HEIGHT + 12}>${first}</text>
    <text class="goal-axis" x=${WIDTH} y=${HEIGHT + 12} text-anchor="end">${last}</text>
  </svg>`;
}

/** The goals in force, of the accounts shown: progress towards each, and the entries that are not MVC or MGC counts. */
export function goalsOf(portfolio: Portfolio, goals: unknown, period: string | undefined): { progress: GoalProgress[]; ignored: string[] } {
  const parsed = goals === undefined || goals === null ? { goals: [], ignored: [] } : parseTierGoals(goals);
  return { progress: tierGoalProgress(portfolio, parsed, period), ignored: parsed.ignored };
}

/** The goals section; nothing without goals. */
export function goalsView({ progress: goals, ignored }: { progress: readonly GoalProgress[]; ignored: readonly string[] }, f: Formatters): TemplateResult | typeof nothing {
  if (!goals.length && !ignored.length) return nothing;
  const formats = { integer: f.integer, signed: f.signedNumber };
  return html`<section class="goals" part="goals" aria-label="Tier goals">
    <p class="goals-title">Tier goals</p>
    <ul>
      ${goals.map((goal) => {
        const current = goal.counts[goal.counts.length - 1]!.period;
        return html`<li class="goal ${goal.verdict}">${goalLine(goal)}<span>${goalSentence(goal, current, formats)}</span></li>`;
      })}
    </ul>
    ${ignored.length ? html`<p class="goals-ignored">Goals ignored: ${ignored.map((e) => `"${e}"`).join(', ')} (write MVC:number or MGC:number, e.g. MVC:60,MGC:90).</p>` : nothing}
  </section>`;
}

export const goalsStyles = css`
  .goals {
    font-size: 0.9em;
  }
  .goals-title {
    margin: 0;
    font-weight: 600;
  }
  .goals ul {
    list-style: none;
    margin: 0.3em 0 0;
    padding: 0;
    display: grid;
    gap: 0.4em;
  }
  .goal {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 0.8em;
  }
  .goal span {
    flex: 1 1 16em;
  }
  .goal-counts {
    fill: none;
    stroke: var(--kam-accent);
    stroke-width: 1.5;
  }
  .goal-now {
    fill: var(--kam-accent);
  }
  .goal-target {
    stroke: var(--kam-muted);
    stroke-dasharray: 3 3;
  }
  .goal-axis {
    fill: var(--kam-muted);
    font-size: 10px;
  }
  .goals-ignored {
    margin: 0.3em 0 0;
    color: var(--kam-muted);
  }
`;
