/**
 * A red flag in words, with the caller's number formats (the flags themselves, and each type's label and
 * definition: flags.ts). One English sentence per flag, quoting its figures, for the red-flags list,
 * tooltips and exports.
 */
import { UNNAMED_CURRENT, UNNAMED_PREVIOUS } from '../feed/history.js';
import type { RedFlag } from './flags.js';

/** Plain number text without locale: at most 6 decimals, no trailing zeros. */
const plain = (value: number): string => String(Number(value.toFixed(6)));
const defaultMoney = (value: number): string => plain(Math.round(value));
const defaultPercent = (fraction: number): string => `${plain(Math.round(fraction * 1000) / 10)}%`;
const defaultNumber = (value: number): string => plain(Math.round(value * 10) / 10);

/** A period in a sentence: its label, or "the previous period" for a period the feed does not name (as internal/period-words.ts). */
function periodName(label: string | number | undefined): string {
  const text = String(label ?? '');
  if (text === '') return 'the previous period';
  return text === UNNAMED_PREVIOUS || text === UNNAMED_CURRENT ? `the ${text}` : text;
}

/**
 * One English sentence with the flag's figures. Money goes through `formatMoney` (feed currency), shares
 * and drops through `formatPercent` (a fraction: 0.2 = 20%), scores through `formatNumber`.
 */
export function flagText(
  flag: RedFlag,
  formatMoney: (value: number) => string = defaultMoney,
  formatPercent: (fraction: number) => string = defaultPercent,
  formatNumber: (value: number) => string = defaultNumber,
): string {
  const v = flag.values;
  const n = (key: string) => Number(v[key]);
  const money = (key: string) => formatMoney(n(key));
  const percent = (key: string) => formatPercent(n(key));
  const score = (key: string) => formatNumber(n(key));
  const then = periodName(v.period);
  switch (`${flag.type}/${flag.code}`) {
    case 'revenue-elsewhere/revenue-drop':
      return `Revenue fell ${percent('drop')} against ${then} (from ${money('previousRevenue')} to ${money('revenue')}).`;
    case 'revenue-elsewhere/falling':
      return `Revenue fell two periods in a row, ${percent('drop')} since ${periodName(v.earlierPeriod)} (from ${money('earlierRevenue')} to ${money('previousRevenue')} to ${money('revenue')}).`;
    case 'revenue-elsewhere/wallet-share':
      return `Share of wallet fell from ${percent('previousShare')} to ${percent('share')} of potential against ${then} (revenue ${money('revenue')} of ${money('potential')}).`;
    case 'roi-falling/roi-drop':
      return `ROI fell ${percent('drop')} against ${then} (from ${percent('previousRoi')} to ${percent('roi')} of the cost to serve).`;
    case 'key-account-loss/was-key':
      return `An ${String(v.tier)} in ${then} now at a loss: profit ${money('profit')} on revenue of ${money('revenue')}.`;
    case 'key-account-loss/given-key':
      return `Given the tier ${String(v.tier)} in the feed and at a loss: profit ${money('profit')} on revenue of ${money('revenue')}.`;
    case 'unhappy/detractor':
      return `NPS answer ${score('nps')}: a detractor's (0 to 6).`;
    case 'unhappy/nps-drop':
      return `NPS fell from ${score('previousNps')} to ${score('nps')} against ${then}.`;
    case 'unhappy/csat-drop':
      return `Satisfaction (CSAT) fell from ${score('previousCsat')} to ${score('csat')} against ${then}.`;
    case 'tier-loss/from-mvc':
      return `An MVC in ${then}, ${String(v.tier)} now.`;
    case 'lost-key-account/no-revenue':
      return `No revenue this period, after ${money('previousRevenue')} in ${then} as an ${String(v.previousTier)}.`;
    case 'goal-missed/revenue':
      return `Revenue of ${money('value')} is below its goal of ${money('goal')}.`;
    case 'goal-missed/profit':
      return `Profit of ${money('value')} is below its goal of ${money('goal')}.`;
    case 'goal-missed/nps':
      return `NPS of ${score('value')} is below its goal of ${score('goal')}.`;
    case 'goal-missed/csat':
      return `Satisfaction (CSAT) of ${score('value')} is below its goal of ${score('goal')}.`;
    case 'goal-missed/kpi': {
      const kpi = (key: string) => (v.unit === 'percent' ? percent(key) : v.unit === 'currency' ? money(key) : score(key));
      const side = v.better === 'lower' ? 'above' : 'below';
      return `${String(v.label)} of ${kpi('value')} is ${side} its target of ${kpi('target')} for a second period (${kpi('previous')} in ${then}).`;
    }
    default:
      return `${flag.type} (${flag.code}).`;
  }
}
