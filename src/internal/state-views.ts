/**
 * The views every widget shows when it has nothing to draw yet: loading (a quiet skeleton), idle (no
 * input), empty, error (with every problem and a Retry for network errors), and the notice for skipped
 * accounts and ignored fields. Messages are specific: they say what happened and what to do.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { inlineStyle } from './style-directive.js';
import { describeProblem, type FeedError } from '../feed/errors.js';
import { describeIgnored, type IgnoredField, type SkippedItem } from '../feed/parse.js';

const MAX_LISTED = 8;

export const stateStyles = css`
  .state {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    padding: 1em;
    min-height: 8em;
    justify-content: center;
    border: 1px solid var(--kam-border);
    border-radius: var(--kam-radius);
    background: var(--kam-bg);
  }
  .state h2 {
    font-size: 1em;
    margin: 0;
  }
  .state p {
    margin: 0;
    color: var(--kam-muted);
  }
  .state.error {
    border-color: var(--kam-error);
    background: var(--kam-error-bg);
  }
  .state.error h2 {
    color: var(--kam-error);
  }
  .state ul {
    margin: 0;
    padding-left: 1.2em;
    max-height: 10em;
    overflow: auto;
  }
  .state li,
  .notice li {
    overflow-wrap: anywhere;
  }
  .skeleton {
    display: grid;
    grid-template-columns: repeat(12, 1fr);
    align-items: end;
    gap: 4px;
    height: 6em;
  }
  .skeleton span {
    background: var(--kam-skeleton);
    border-radius: 2px;
    animation: kam-pulse 1.6s ease-in-out infinite;
  }
  @keyframes kam-pulse {
    50% {
      opacity: 0.55;
    }
  }
  button.retry {
    align-self: flex-start;
    font: inherit;
    padding: 0.3em 0.9em;
    border-radius: var(--kam-radius);
    border: 1px solid var(--kam-border);
    background: var(--kam-bg);
    color: var(--kam-fg);
    cursor: pointer;
  }
  button:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--kam-focus);
    outline-offset: 2px;
  }
  .notice {
    margin: 0 0 0.5em;
    padding: 0.35em 0.75em;
    border-radius: var(--kam-radius);
    background: var(--kam-warning-bg);
    color: var(--kam-fg);
    border: 1px solid var(--kam-warning);
    font-size: 0.9em;
  }
  .notice summary {
    cursor: pointer;
  }
  .notice ul {
    margin: 0.35em 0 0;
    padding-left: 1.2em;
    max-height: 8em;
    overflow: auto;
  }
`;

export function loadingView(waitingFor?: string): TemplateResult {
  const text = waitingFor ? `Waiting for ${waitingFor} on this page…` : 'Loading accounts…';
  const heights = [92, 70, 55, 44, 36, 30, 25, 21, 18, 15, 12, 10];
  return html`<div class="state loading" part="state state-loading" role="status">
    <div class="skeleton" aria-hidden="true">${heights.map((h) => html`<span .style=${inlineStyle({ height: `${h}%` })}></span>`)}</div>
    <p>${text}</p>
  </div>`;
}

export function idleView(): TemplateResult {
  return html`<div class="state idle" part="state state-idle" role="status">
    <h2>No data yet</h2>
    <p>Give this element a feed: the <code>src</code> attribute (a URL), the <code>data</code> property, a <code>feed</code> attribute naming a &lt;kam-feed&gt;, or an inline <code>&lt;script type="application/json"&gt;</code> child.</p>
  </div>`;
}

export function emptyView(skipped: number, filter?: string): TemplateResult {
  const detail = filter
    ? `No account matches the filter "${filter}".`
    : skipped > 0
      ? `All ${skipped} account${skipped === 1 ? '' : 's'} in the feed broke the contract and were skipped; the reasons are listed above.`
      : 'The feed is valid but has no accounts.';
  return html`<div class="state empty" part="state state-empty" role="status">
    <h2>No accounts to show</h2>
    <p>${detail}</p>
  </div>`;
}

export function errorView(error: FeedError, onRetry: () => void): TemplateResult {
  const listed = error.problems.slice(0, MAX_LISTED);
  const more = error.problems.length - listed.length;
  const title = error.kind === 'invalid' || error.kind === 'not-json' ? 'This feed cannot be shown' : 'The feed could not be loaded';
  return html`<div class="state error" part="state state-error" role="alert">
    <h2>${title}</h2>
    <p>${error.message}</p>
    ${listed.length
      ? html`<ul aria-label="Problems">
          ${listed.map((p) => html`<li>${describeProblem(p)}</li>`)}
          ${more > 0 ? html`<li>…and ${more} more</li>` : nothing}
        </ul>`
      : nothing}
    ${error.retryable ? html`<button class="retry" part="retry-button" @click=${onRetry}>Retry</button>` : nothing}
  </div>`;
}

/**
 * The notice of what the feed left out: "3 accounts skipped, 2 fields ignored", opening to the reasons
 * (the skipped entries first, then the ignored fields). Nothing when nothing was left out.
 */
export function skippedNotice(skipped: readonly SkippedItem[], noun = 'account', ignored: readonly IgnoredField[] = []): TemplateResult | typeof nothing {
  if (!skipped.length && !ignored.length) return nothing;
  const lines = [...skipped.map((item) => item.problems.map(describeProblem).join('; ')), ...ignored.map(describeIgnored)];
  const listed = lines.slice(0, MAX_LISTED);
  const more = lines.length - listed.length;
  const parts = skipped.length ? [`${skipped.length} ${noun}${skipped.length === 1 ? '' : 's'} skipped`] : [];
  if (ignored.length) parts.push(`${ignored.length} field${ignored.length === 1 ? '' : 's'} ignored`);
  return html`<details class="notice" part="skipped-notice">
    <summary>${parts.join(', ')}</summary>
    <ul>
      ${listed.map((line) => html`<li>${line}</li>`)}
      ${more > 0 ? html`<li>…and ${more} more</li>` : nothing}
    </ul>
  </details>`;
}

/** Shown over a feed whose background refresh failed: the data is the last good load, and says from when and when the next try is. */
export function staleNotice(
  stale: { error: FeedError; failedAt: Date; nextTryAt?: Date } | undefined,
  loadedAt: Date | undefined,
  locale: string,
  onRetry: () => void,
): TemplateResult | typeof nothing {
  if (!stale) return nothing;
  const time = loadedAt ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(loadedAt) : 'an earlier load';
  const next = stale.nextTryAt;
  // Seconds matter for a retry that is near; the date only when it falls on another day.
  const nextDay = next && next.toDateString() !== stale.failedAt.toDateString();
  const nextTime = next && new Intl.DateTimeFormat(locale, nextDay ? { dateStyle: 'medium', timeStyle: 'medium' } : { timeStyle: 'medium' }).format(next);
  return html`<div class="notice stale" part="stale-notice" role="status">
    Showing data from ${time}; the last refresh failed: ${stale.error.message}${nextTime ? ` Next try at ${nextTime}.` : nothing}
    <button class="retry" part="retry-button" @click=${onRetry}>Refresh now</button>
  </div>`;
}
