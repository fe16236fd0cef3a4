/**
 * What the red-flags list draws on screen (no state): a flagged account with its flags as sentences, the
 * KPI goal flags, the type toggles, the "no red flags" view with what was checked, and what each flag means. The list is HTML,
 * because it is sentences first; the export draws the same lines as one SVG (red-flags-export.ts). The
 * element decides what is focused, hovered, selected and shown, and passes it in.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { FLAG_META, FLAG_TYPES, type FlagType, type Severity } from '../../analysis/flags.js';
import type { Formatters } from '../../internal/format.js';
import type { FlagItem, KpiFlag, RedFlagsModel } from './red-flags-model.js';
import { typeCounts } from './red-flags-model.js';
import { SEVERITY_TEXT, accountFacts, checkedText, typeToggleText } from './red-flags-text.js';
import { flagSentence } from '../../internal/flag-marks.js';

/** The severity as an icon and its word (the colour only repeats it). */
export function severityBadge(severity: Severity): TemplateResult {
  const { icon, label } = SEVERITY_TEXT[severity];
  return html`<span class="severity ${severity}" part="severity"><span aria-hidden="true">${icon}</span> ${label}</span>`;
}

export interface ItemState {
  position: number;
  focused: boolean;
  hovered: boolean;
  selected: boolean;
}

/** One flagged account: severity, name, tier and revenue, then each flag as its type and its sentence. */
export function accountView(f: Formatters, model: RedFlagsModel, item: FlagItem, state: ItemState): TemplateResult {
  const classes = `account ${item.severity}${state.focused ? ' focused' : ''}${state.hovered ? ' hovered' : ''}${state.selected ? ' selected' : ''}`;
  return html`<li class=${classes} part="account" data-item=${state.position}>
    <p class="account-head">
      ${severityBadge(item.severity)} <span class="name" part="account-name">${item.account.name}</span>
      <span class="facts">${accountFacts(f, model, item)}</span>
      ${state.selected ? html`<span class="selected-mark"><span aria-hidden="true">✓</span> Selected</span>` : nothing}
    </p>
    <ul class="flags">
      ${item.flags.map(
        (flag) => html`<li class=${`flag ${flag.severity}`}>
          <span class="flag-type">${FLAG_META[flag.type].label}${flag.severity === item.severity ? nothing : html` (${SEVERITY_TEXT[flag.severity].label.toLowerCase()})`}:</span>
          ${flagSentence(flag, f)}
        </li>`,
      )}
    </ul>
  </li>`;
}

/** The KPI goal flags, above the accounts: portfolio-level, so not selectable. */
export function kpiFlagsView(f: Formatters, flags: readonly KpiFlag[]): TemplateResult | typeof nothing {
  if (!flags.length) return nothing;
  return html`<section class="kpi-flags" part="kpi-flags" aria-label="KPI goals missed">
    <h3>KPI goals missed</h3>
    <ul>
      ${flags.map(({ flag }) => html`<li class=${`flag ${flag.severity}`}>${severityBadge(flag.severity)} ${flagSentence(flag, f)}</li>`)}
    </ul>
  </section>`;
}

/**
 * The type filter: one toggle per type that flags an account (or a KPI goal), or that is hidden now (so it
 * can be shown again); pressed = listed. Nothing when nothing is flagged.
 */
export function typeFilter(f: Formatters, model: RedFlagsModel, onToggle: (type: FlagType) => void): TemplateResult | typeof nothing {
  const counts = typeCounts(model.result).map((c) => (c.type === 'goal-missed' ? { ...c, count: c.count + model.kpi.flags.length } : c));
  const offered = counts.filter((c) => c.count > 0 || !model.shown.includes(c.type));
  if (!offered.some((c) => c.count > 0)) return nothing;
  return html`<div class="type-filter" part="type-filter" role="group" aria-label="Show flags of type">
    ${offered.map(
      (c) => html`<button type="button" class="tool type-toggle" part="type-toggle" data-type=${c.type} aria-pressed=${model.shown.includes(c.type) ? 'true' : 'false'} @click=${() => onToggle(c.type)}>
        ${typeToggleText(f, c.label, c.count)}
      </button>`,
    )}
  </div>`;
}

/** "No red flags", with what was checked; or, when the type filter hides every flag, that. */
export function noFlagsView(f: Formatters, model: RedFlagsModel): TemplateResult {
  if (model.result.accounts.length) {
    return html`<div class="no-flags" part="no-flags" role="status">
      <p><strong>No flags of the chosen types.</strong> Press a type above to list its accounts.</p>
    </div>`;
  }
  return html`<div class="no-flags" part="no-flags" role="status">
    <p><strong>${model.kpi.flags.length ? 'No account shows a red flag.' : 'No red flags.'}</strong></p>
    ${checkedText(f, model).map((line) => html`<p>${line}</p>`)}
  </div>`;
}

/** What each flag type means, in a manager's words (FLAG_META), behind a disclosure under the list. */
export function definitionsView(): TemplateResult {
  return html`<details class="definitions" part="definitions">
    <summary>What each flag means</summary>
    <dl>
      ${FLAG_TYPES.map((type) => html`<dt>${FLAG_META[type].label}</dt><dd>${FLAG_META[type].definition}</dd>`)}
    </dl>
  </details>`;
}
