/**
 * Styles of the red-flags list. Colours come from the theme tokens, so light, dark and page overrides
 * apply; severity is told by the icon, the word and the rule's width and dash, never by colour alone.
 */
import { css } from 'lit';

export const redFlagsStyles = css`
  :host {
    --kam-red-flags-max-height: none;
  }
  .type-filter {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
  }
  button.type-toggle {
    white-space: normal;
    text-align: start;
  }
  button.type-toggle[aria-pressed='false'] {
    color: var(--kam-muted);
    text-decoration: line-through;
  }
  .plot {
    max-height: var(--kam-red-flags-max-height);
    overflow-y: auto;
  }
  ol.accounts,
  .flags,
  .kpi-flags ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ol.accounts {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    padding: 3px;
  }
  .account {
    padding: 0.4em 0.6em 0.45em 0.8em;
    border: 1px solid var(--kam-border);
    border-left: 5px solid var(--kam-bad);
    border-radius: var(--kam-radius);
    background: var(--kam-bg);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .account.warning {
    /* Thinner and dashed: the rule tells severity without colour; the padding keeps the text aligned. */
    border-left: 3px dashed var(--kam-warning);
    padding-left: calc(0.8em + 2px);
  }
  .account.hovered {
    background: var(--kam-surface);
  }
  .account.selected {
    background: var(--kam-accent-soft);
    border-color: var(--kam-accent);
  }
  .plot:focus .account.focused {
    outline: 3px solid var(--kam-focus);
    outline-offset: 1px;
  }
  .account-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.2em 0.6em;
    margin: 0 0 0.2em;
  }
  .name {
    font-weight: 600;
  }
  .facts {
    color: var(--kam-muted);
    font-size: 0.9em;
  }
  .severity {
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
  }
  .severity.severe > span {
    color: var(--kam-bad);
  }
  .severity.warning > span {
    color: var(--kam-warning);
  }
  .selected-mark {
    font-size: 0.85em;
    font-weight: 600;
  }
  .flags li,
  .kpi-flags li {
    line-height: 1.4;
    margin-top: 0.15em;
  }
  .flag-type {
    font-weight: 600;
  }
  .kpi-flags {
    padding: 0.4em 0.6em;
    border: 1px solid var(--kam-border);
    border-radius: var(--kam-radius);
  }
  .kpi-flags h3 {
    margin: 0 0 0.2em;
    font-size: 1em;
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0;
    color: var(--kam-muted);
  }
  .no-flags {
    padding: 0.75em 1em;
    border: 1px dashed var(--kam-border);
    border-radius: var(--kam-radius);
  }
  .no-flags p {
    margin: 0.2em 0;
  }
  .no-flags p + p {
    color: var(--kam-muted);
  }
  .definitions {
    color: var(--kam-muted);
    font-size: 0.9em;
  }
  .definitions summary {
    cursor: pointer;
  }
  .definitions dl {
    margin: 0.3em 0 0;
  }
  .definitions dt {
    color: var(--kam-fg);
    font-weight: 600;
  }
  .definitions dd {
    margin: 0 0 0.3em;
  }
  @media (forced-colors: active) {
    .account.selected {
      border: 2px solid Highlight;
    }
    .plot:focus .account.focused {
      outline-color: Highlight;
    }
  }
`;
