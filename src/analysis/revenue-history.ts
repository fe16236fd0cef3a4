/** Revenue summed per period over the accounts' histories, in the feed's order of periods. */
import type { Account, HistoryPoint } from '../feed/schema.js';
import { revenueOf } from './numbers.js';

export type Previous = { previous: number } | { previousUnavailableReason: string };

export interface RevenuePoint {
  period: string;
  revenue: number;
}

/** Revenue summed per period over account histories (see the module comment for the order and the speed-up). */
export class PeriodSums {
  private readonly order: string[] = [];
  private readonly slot = new Map<string, number>(); // period -> index into sums
  private readonly sums: number[] = [];
  /** The history added last and the slots of its points (consecutive accounts usually list the same periods). */
  private last: readonly HistoryPoint[] = [];
  private readonly lastSlots: number[] = [];
  /** For the previous period's growth: by the period listed right before `previousLabel`, the two revenues. */
  private readonly pairs = new Map<string, { previous: number; before: number }>();

  constructor(private readonly previousLabel: string | undefined) {}

  add(history: readonly HistoryPoint[]): void {
    const last = this.last;
    const slots = this.lastSlots;
    for (let i = 0; i < history.length; i++) {
      const point = history[i];
      if (!point || typeof point.period !== 'string') {
        slots[i] = -1;
        continue;
      }
      const period = point.period;
      // slots[i] still holds the slot of the last history's point i: it is overwritten just below.
      const k = i < last.length && last[i]?.period === period ? slots[i]! : this.slotOf(history, i);
      slots[i] = k;
      const revenue = revenueOf(point.revenue);
      this.sums[k]! += revenue;
      if (period === this.previousLabel && i > 0) this.addPair(history[i - 1], revenue);
    }
    this.last = history;
  }

  private slotOf(history: readonly HistoryPoint[], i: number): number {
    const period = history[i]!.period;
    let k = this.slot.get(period);
    if (k !== undefined) return k;
    k = this.sums.length;
    this.sums.push(0);
    // Place a new period before the next period this account lists that is already known.
    let at = -1;
    for (let j = i + 1; j < history.length && at < 0; j++) {
      const later = history[j]?.period;
      if (later !== undefined && this.slot.has(later)) at = this.order.indexOf(later);
    }
    if (at < 0) this.order.push(period);
    else this.order.splice(at, 0, period);
    this.slot.set(period, k);
    return k;
  }

  private addPair(before: HistoryPoint | undefined, previous: number): void {
    if (!before || typeof before.period !== 'string') return;
    let pair = this.pairs.get(before.period);
    if (!pair) this.pairs.set(before.period, (pair = { previous: 0, before: 0 }));
    pair.previous += previous;
    pair.before += revenueOf(before.revenue);
  }

  points(): RevenuePoint[] {
    return this.order.map((period) => ({ period, revenue: this.sums[this.slot.get(period)!]! }));
  }

  /** Revenue growth of the previous period, or why it cannot be derived (module comment). */
  previousGrowth(): Previous {
    const label = this.previousLabel;
    if (label === undefined) {
      return { previousUnavailableReason: 'The feed does not name its previous period (periods.previous), so account histories cannot give its growth.' };
    }
    const at = this.order.indexOf(label);
    if (at < 0) return { previousUnavailableReason: `No account history lists the previous period (${label}).` };
    const before = this.order[at - 1];
    const pair = before === undefined ? undefined : this.pairs.get(before);
    if (before === undefined || !pair) return { previousUnavailableReason: `No account history lists a period right before ${label}.` };
    if (pair.before === 0) return { previousUnavailableReason: `Revenue in ${before} is 0, so the growth of ${label} is undefined.` };
    return { previous: pair.previous / pair.before - 1 };
  }
}

/** Revenue summed per period across account histories, oldest first (see the module comment for the order). */
export function revenueHistory(accounts: readonly Account[]): RevenuePoint[] {
  const sums = new PeriodSums(undefined);
  for (const account of accounts) if (Array.isArray(account.history)) sums.add(account.history);
  return sums.points();
}

/** Period-over-period growth of a revenue series; only from the last period with zero revenue onward. */
export function growthSeries(points: readonly RevenuePoint[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1]!.revenue;
    if (prev > 0) out.push(points[i]!.revenue / prev - 1);
    else out.length = 0; // growth from 0 is undefined: keep only the computable trailing run
  }
  return out;
}

