/**
 * The HTML beside the quadrant chart: the tooltip's content for a point, the four quadrants' figures
 * (buttons that select a quadrant's accounts), the zoom buttons and the notes under the chart.
 */
import type { FlaggedAccount } from '../../analysis/flags.js';
import { flagTooltipLine } from '../../internal/flag-marks.js';
import { html, nothing, type TemplateResult } from 'lit';
import { QUADRANT_IDS, type QuadrantId } from '../../analysis/quadrant.js';
import { TIER_META } from '../../analysis/tiers.js';
import { NO_TIER } from '../../feed/columns.js';
import type { Formatters } from '../../internal/format.js';
import { crmLink, tooltipFacts } from '../../internal/tooltip.js';
import { tierWithPrevious, type PreviousTiers } from '../../internal/previous-tier.js';
import { MAX_TRAILS } from './quadrant-marks.js';
import type { QuadrantModel } from './quadrant-model.js';
import { chartNotes, isHeadroom, type QuadrantLabelOf } from './quadrant-text.js';
import { fullyZoomed, isZoomed, type Zoom } from './quadrant-zoom.js';
import { displayText } from '../../internal/text-fit.js';

/** Name, quadrant, effort, impact, revenue and tier of point k (with its tier in the previous period when `previousTiers` is given), and its CRM link when it has one. */
export function pointTooltip(model: QuadrantModel, k: number, labelOf: QuadrantLabelOf, f: Formatters, flagged?: FlaggedAccount, previousTiers?: PreviousTiers): TemplateResult {
  const { scatter, portfolio, result } = model;
  const index = scatter.account[k]!;
  const account = portfolio.accounts[index]!;
  const assignment = portfolio.assignment(index);
  const headroom = isHeadroom(result, k);
  const impact = (value: number) => (headroom ? f.money(value) : f.number(value));
  const facts: [string, string][] = [
    ['Quadrant', labelOf(QUADRANT_IDS[scatter.quadrant[k]!]!)],
    ['Effort', f.number(scatter.effort[k]!)],
    [headroom ? 'Impact (growth headroom)' : 'Impact', impact(scatter.impact[k]!)],
    ['Revenue', f.money(scatter.revenue[k]!)],
    ['Tier', tierWithPrevious(`${assignment.tier} · ${TIER_META[assignment.tier].name}`, assignment.given, previousTiers, index)],
  ];
  const trail = model.trail;
  if (trail) {
    const then = trail.quadrant[k]!;
    facts.push([`In ${trail.period}`, then === NO_TIER ? 'no effort or impact' : `${labelOf(QUADRANT_IDS[then]!)}: effort ${f.number(trail.effort[k]!)}, impact ${impact(trail.impact[k]!)}`]);
  }
  return html`<strong>${displayText(account.name)}</strong>${tooltipFacts(facts)}${flagTooltipLine(flagged, f)}${crmLink(account.url)}`;
}

/** The quadrants' figures; a click on one selects its accounts (Shift adds them). */
export function quadrantStats(
  model: QuadrantModel,
  narrow: boolean,
  labelOf: QuadrantLabelOf,
  f: Formatters,
  onSelect: (id: QuadrantId, extend: boolean) => void,
): TemplateResult {
  return html`<ul class="quadrant-stats ${narrow ? 'narrow' : ''}" part="quadrant-stats" aria-label="Quadrants">
    ${model.result.quadrants.map(
      (s) => html`<li>
        <button type="button" part="quadrant-button" @click=${(e: MouseEvent) => onSelect(s.id, e.shiftKey)}>
          <span class="swatch ${s.id}" aria-hidden="true"></span>
          <span>
            <span class="q-name">${labelOf(s.id)}</span>
            <span class="q-figures">${f.integer(s.accounts)} ${s.accounts === 1 ? 'account' : 'accounts'} · ${f.percent(s.effortShare)} of effort · ${f.money(s.revenue)} revenue</span>
          </span>
        </button>
      </li>`,
    )}
  </ul>`;
}

/** Zoom in, out and reset; a button is disabled when it would change nothing. */
export function zoomControls(zoom: Zoom, onZoom: (factor: number) => void, onReset: () => void): TemplateResult {
  const zoomed = isZoomed(zoom);
  return html`<div class="zoom-controls" part="zoom-controls" role="group" aria-label="Zoom">
    <button type="button" class="tool" part="zoom-button" ?disabled=${fullyZoomed(zoom)} @click=${() => onZoom(2)}>Zoom in</button>
    <button type="button" class="tool" part="zoom-button" ?disabled=${!zoomed} @click=${() => onZoom(0.5)}>Zoom out</button>
    <button type="button" class="tool" part="zoom-button" ?disabled=${!zoomed} @click=${onReset}>Reset zoom</button>
  </div>`;
}

/** What the chart marks of the red flags: flagged accounts (and severe ones) of the portfolio, flags in view and drawn. */
export interface FlagNote {
  accounts: number;
  severe: number;
  inView: number;
  drawn: number;
}

/** The note that says what the small flags mean, and how many are drawn when not all are. */
function flagNote({ accounts, severe, inView, drawn }: FlagNote, f: Formatters): TemplateResult | typeof nothing {
  if (accounts === 0) return nothing;
  const who = `${f.integer(accounts)} ${accounts === 1 ? 'account carries' : 'accounts carry'} red flags${severe ? ` (${f.integer(severe)} severe)` : ''}`;
  const some = drawn < inView ? `; the ${f.integer(drawn)} most severe and largest in view are marked` : '';
  return html`<li class="flag-note">${who}: a small flag at the upper right of the point, filled when a flag is severe, outlined for a warning${some}. The tooltip and the table view give each account’s flags.</li>`;
}

export function notesList(model: QuadrantModel, f: Formatters, flags?: FlagNote): TemplateResult {
  const trail = model.trail;
  let moved = 0;
  if (trail) for (let k = 0; k < model.scatter.count; k++) if (trail.quadrant[k] !== NO_TIER && trail.quadrant[k] !== model.scatter.quadrant[k]) moved++;
  const trailNote = trail
    ? html`<li class="trail-note">
        Faint lines lead from where an account stood in ${trail.period} (a hollow dot, by today's split) to where it is now, for the
        ${f.integer(moved)} ${moved === 1 ? 'account' : 'accounts'} that changed quadrant${moved > MAX_TRAILS ? ` (the ${f.integer(MAX_TRAILS)} largest are drawn)` : ''}.
      </li>`
    : nothing;
  return html`<ul class="notes" part="notes">
    ${chartNotes(model.result, model.scale, f).map((n) => html`<li class=${n.missing ? 'missing' : ''}>${n.text}</li>`)}${trailNote}${flags ? flagNote(flags, f) : nothing}
  </ul>`;
}
