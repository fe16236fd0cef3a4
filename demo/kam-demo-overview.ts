/**
 * Demo-only element: a plain overview of the feed drawn on the kit's element base from the analysis
 * core (Pareto sentence, tier summary, KPIs). It shows the foundation working end to end until the
 * real widgets arrive; it is not part of the published kit.
 */
import { css, html } from 'lit';
import { KamElement } from '../src/internal/kam-element.js';
import { defineElement } from '../src/internal/define.js';
import { pareto, assignTiers, deriveKpis, type Kpi } from '../src/analysis/index.js';
import type { Feed } from '../src/feed/parse.js';
import type { Formatters } from '../src/internal/format.js';

function kpiValue(kpi: Kpi, f: Formatters): string {
  if (kpi.value === null) return 'not available';
  if (kpi.unit === 'percent') return f.percent(kpi.value);
  if (kpi.unit === 'currency') return f.moneyCompact(kpi.value);
  if (kpi.unit === 'score') return f.signedInteger(kpi.value);
  return f.number(kpi.value);
}

export class KamDemoOverview extends KamElement {
  static override styles = [
    ...KamElement.styles,
    css`
      .sentence {
        font-size: 1.1em;
        margin: 0 0 0.75em;
      }
      .cols {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr));
        gap: 1em;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-variant-numeric: tabular-nums;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding-bottom: 0.25em;
      }
      th,
      td {
        padding: 0.25em 0.5em;
        border-bottom: 1px solid var(--kam-grid);
        text-align: right;
      }
      th:first-child,
      td:first-child {
        text-align: left;
      }
      .swatch {
        display: inline-block;
        min-width: 2.6em;
        padding: 0 0.3em;
        border-radius: 3px;
        color: var(--kam-bg);
        font-weight: 600;
        text-align: center;
      }
      .na {
        color: var(--kam-muted);
      }
    `,
  ];

  protected override renderReady(feed: Feed) {
    const f = this.format;
    const p = pareto(feed.accounts);
    const tiers = assignTiers(feed.accounts);
    const kpis = deriveKpis(feed.accounts, { overrides: feed.kpis });
    const sentence = `${f.integer(p.vitalFew)} of ${f.integer(p.count)} accounts (${f.percent(p.vitalFewShare)}) produce ${f.percentWhole(p.cutoff)} of revenue.`;
    return html`
      <p class="sentence" part="summary">${sentence} Total revenue ${f.moneyCompact(p.total)}; the top 20% of accounts hold ${f.percent(p.top20Share)}.</p>
      <div class="cols">
        <table part="table">
          <caption>Tiers</caption>
          <thead><tr><th scope="col">Tier</th><th scope="col">Accounts</th><th scope="col">Revenue</th><th scope="col">Share</th><th scope="col">Profit</th><th scope="col">Effort share</th></tr></thead>
          <tbody>
            ${tiers.tiers.map(
              (t) => html`<tr>
                <th scope="row"><span class="swatch" style="background: var(--kam-tier-${t.tier.toLowerCase()})">${t.tier}</span> ${t.name}</th>
                <td>${f.integer(t.accounts)}</td>
                <td>${f.moneyCompact(t.revenue)}</td>
                <td>${f.percent(t.revenueShare)}</td>
                <td>${t.profit === null ? '–' : f.moneyCompact(t.profit)}</td>
                <td>${t.effortShare === null ? '–' : f.percent(t.effortShare)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        <table part="table">
          <caption>KPIs</caption>
          <thead><tr><th scope="col">Indicator</th><th scope="col">Value</th></tr></thead>
          <tbody>
            ${kpis.map(
              (k) => html`<tr title=${k.available ? k.definition : (k.unavailableReason ?? '')}>
                <th scope="row">${k.label}</th>
                <td class=${k.available ? '' : 'na'}>${kpiValue(k, f)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

defineElement('kam-demo-overview', KamDemoOverview);
