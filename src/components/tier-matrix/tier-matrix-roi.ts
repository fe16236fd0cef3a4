/**
 * What each tier returns, in the tier matrix: cost to serve, profit and ROI (profit / cost to serve) per
 * tier and over all, as a line under the matrix, a figure of each tier block and a table above the table
 * view. The figures are the portfolio's (`portfolio.roi()`, analysis/roi.ts); this module only words them.
 *
 * Decisions:
 * - ROI is written as a percentage (1.5 = "150%": the profit is one and a half times the cost to serve).
 * - An unknown figure is "—" with the reason beside it: no account of the tier has a cost to serve, its
 *   costs sum to 0, or none of its accounts with a cost has a profit figure.
 * - When only some accounts of a tier have a cost and a profit, ROI is of those accounts, and the line
 *   says how many ("3 of 5 accounts").
 * - Without any cost in the feed the line says what would give one (`costToServe`, or `effort` with
 *   `cost-per-effort`) instead of four dashes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RoiResult, TierRoi } from '../../analysis/roi.js';
import { TIER_ORDER } from '../../analysis/tiers.js';
import type { Formatters } from '../../internal/format.js';

/** What stands for an unknown figure. */
export const UNKNOWN = '—';

/** Why a tier's ROI is unknown; '' when it is known. */
export function roiUnknownReason(roi: TierRoi): string {
  if (roi.roi !== null) return '';
  if (roi.accounts === 0) return 'no accounts';
  if (roi.costAccounts === 0) return 'no cost to serve';
  if (roi.profit === null) return 'no profit figure';
  return 'cost to serve is 0';
}

/** "150%" or "—". */
export function roiFigure(f: Formatters, roi: number | null): string {
  return roi === null ? UNKNOWN : f.percentShort(roi);
}

/** A tier's ROI in a few words, for its block in the summary: "ROI 150% on $20K cost", "ROI — (no cost to serve)". */
export function tierRoiFigure(f: Formatters, roi: TierRoi): string {
  if (roi.roi === null) return `ROI ${UNKNOWN} (${roiUnknownReason(roi)})`;
  const some = roi.pairs < roi.accounts ? `, ${f.integer(roi.pairs)} of ${f.integer(roi.accounts)} accounts` : '';
  return `ROI ${roiFigure(f, roi.roi)} on ${f.moneyCompact(roi.pairedCost!)} cost${some}`;
}

/** Whether the feed gives any account a cost to serve (else ROI is not a figure of this feed). */
export function hasCosts(result: RoiResult): boolean {
  return result.total.costAccounts > 0;
}

/**
 * The line under the matrix: "Return on the cost to serve: MVC 150%, MGC 80%, STC 12%, BZ −40%; all
 * accounts 95% (profit $1.2M on $1.3M cost)." or what is missing for it.
 */
export function roiSentence(f: Formatters, result: RoiResult): string {
  if (!hasCosts(result)) {
    return `ROI per tier: ${UNKNOWN}. No account has a cost to serve: give costToServe in the feed, or effort with cost-per-effort (the cost of one unit of effort).`;
  }
  const tiers = TIER_ORDER.map((tier, t) => {
    const roi = result.tiers[t]!;
    return roi.accounts === 0 ? undefined : `${tier} ${roi.roi === null ? `${UNKNOWN} (${roiUnknownReason(roi)})` : roiFigure(f, roi.roi)}`;
  }).filter((text) => text !== undefined);
  const { total } = result;
  const all =
    total.roi === null
      ? `all accounts ${UNKNOWN} (${roiUnknownReason(total)})`
      : `all accounts ${roiFigure(f, total.roi)} (profit ${f.moneyCompact(total.profit!)} on ${f.moneyCompact(total.pairedCost!)} cost)`;
  const some = total.pairs < total.accounts ? ` Figures of the ${f.integer(total.pairs)} of ${f.integer(total.accounts)} accounts with a cost to serve and a profit.` : '';
  return `Return on the cost to serve (profit / cost): ${tiers.join(', ')}; ${all}.${some}`;
}

/** The tooltip facts of a tier: its cost to serve and ROI. */
export function roiFacts(f: Formatters, roi: TierRoi): [string, string][] {
  return [
    ['Cost to serve', roi.cost === null ? UNKNOWN : f.money(roi.cost)],
    ['ROI', roi.roi === null ? `${UNKNOWN} (${roiUnknownReason(roi)})` : roiFigure(f, roi.roi)],
  ];
}

/** The table of cost, profit and ROI per tier and over all, above the account table; nothing when no account has a cost. */
export function roiTable(f: Formatters, result: RoiResult): TemplateResult | typeof nothing {
  if (!hasCosts(result)) return nothing;
  const row = (label: string, roi: TierRoi) => html`<tr>
    <th scope="row">${label}</th>
    <td class="num">${f.integer(roi.accounts)}</td>
    <td class="num">${f.integer(roi.costAccounts)}</td>
    <td class="num">${roi.cost === null ? UNKNOWN : f.money(roi.cost)}</td>
    <td class="num">${roi.profit === null ? UNKNOWN : f.money(roi.profit)}</td>
    <td class="num">${roiFigure(f, roi.roi)}${roi.roi === null ? html` <span class="why">(${roiUnknownReason(roi)})</span>` : nothing}</td>
  </tr>`;
  return html`<div class="table-scroll roi-table" part="roi-table" tabindex="0" role="region" aria-label="ROI by tier">
    <table>
      <caption>Return on the cost to serve by tier: ROI = profit ÷ cost to serve of the accounts with both figures</caption>
      <thead>
        <tr>
          <th scope="col">Tier</th>
          <th scope="col" class="num">Accounts</th>
          <th scope="col" class="num">With a cost</th>
          <th scope="col" class="num">Cost to serve</th>
          <th scope="col" class="num">Profit</th>
          <th scope="col" class="num">ROI</th>
        </tr>
      </thead>
      <tbody>
        ${TIER_ORDER.map((tier, t) => row(tier, result.tiers[t]!))} ${row('All accounts', result.total)}
      </tbody>
    </table>
  </div>`;
}
