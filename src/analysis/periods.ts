/**
 * A portfolio's periods: the feed's order of periods, oldest first and the current one last, and for each
 * period a portfolio of that period's figures under the same tier rules, so every figure of the kit (a
 * tier, the vital few, a KPI) can be read for any period by the same definition as now.
 *
 * Decisions:
 * - The current period is the portfolio itself. A past period's portfolio holds the accounts that have
 *   figures for it (period-figures.ts) and is ranked and tiered on those figures alone; a tier given for
 *   that period (a history point's `tier`) wins, as the account's `tier` does now.
 * - "This account in another period": `Period.rowOf[i]` is the row of the portfolio's account i in the
 *   period's portfolio (-1 when it has no figures for that period), `Period.members[row]` the way back.
 * - A narrowed portfolio (a filter, a selection) has its parent's periods narrowed the same way: each
 *   period keeps the ranks and tiers the whole feed has in it, with sums of the accounts shown.
 * - Each period is read and analysed when first asked for, and kept.
 */
import type { Portfolio } from './portfolio.js';

/** How many periods a history covers at most (a KPI's sparkline, a tier goal's counts), the current one included. */
export const HISTORY_PERIODS = 12;

/** One period of a portfolio. */
export class Period {
  private rows?: Int32Array;
  private made?: Uint32Array;

  constructor(
    /** Its label, as the feed names it ("2026-Q2"; "previous period" and "current period" when it names none). */
    readonly label: string,
    /** Its position among the periods, 0 = the oldest. */
    readonly index: number,
    /** True for the current period (whose portfolio is the one these periods belong to). */
    readonly current: boolean,
    /** The accounts with figures for the period, analysed on those figures. */
    readonly portfolio: Portfolio,
    /** How many accounts the owning portfolio has. */
    private readonly ownerCount: number,
    members?: Uint32Array,
  ) {
    this.made = members;
  }

  /** Per account of the period's portfolio: its index in the portfolio these periods belong to. */
  get members(): Uint32Array {
    if (!this.made) {
      // The current period: every account, as itself.
      this.made = new Uint32Array(this.ownerCount);
      for (let i = 0; i < this.made.length; i++) this.made[i] = i;
    }
    return this.made;
  }

  /** Per account of the portfolio these periods belong to: its row in the period's portfolio, -1 without figures for it. */
  get rowOf(): Int32Array {
    return (this.rows ??= rowsOf(this.members, this.ownerCount));
  }
}

/** How a portfolio's periods are made: the labels, and each past period on demand. */
export interface PeriodSource {
  labels: readonly string[];
  /** Past period p (0 = the oldest, labels.length - 2 at most): its portfolio and members. */
  past(p: number): { portfolio: Portfolio; members: Uint32Array };
}

/** Per member list, the row of each of `count` accounts (-1 for none). */
export function rowsOf(members: Uint32Array, count: number): Int32Array {
  const rowOf = new Int32Array(count).fill(-1);
  for (let r = 0; r < members.length; r++) rowOf[members[r]!] = r;
  return rowOf;
}

export class Periods {
  private readonly made = new Map<number, Period>();

  constructor(
    private readonly owner: Portfolio,
    private readonly source: PeriodSource,
  ) {}

  /** Every period's label, oldest first; the current period last. */
  get labels(): readonly string[] {
    return this.source.labels;
  }

  /** How many periods there are, the current one included (1 without history). */
  get count(): number {
    return this.source.labels.length;
  }

  /** Period k, 0 = the oldest, count - 1 = the current one. */
  at(k: number): Period {
    if (!(Number.isInteger(k) && k >= 0 && k < this.count)) throw new RangeError(`period ${k} of ${this.count}`);
    let period = this.made.get(k);
    if (!period) this.made.set(k, (period = this.make(k)));
    return period;
  }

  /** The current period (the owning portfolio). */
  current(): Period {
    return this.at(this.count - 1);
  }

  /** The period before the current one, when there is one. */
  previous(): Period | undefined {
    return this.count > 1 ? this.at(this.count - 2) : undefined;
  }

  /** The last `n` periods (fewer when there are fewer), oldest first, the current one last. */
  last(n: number): Period[] {
    const from = Math.max(0, this.count - n);
    return Array.from({ length: this.count - from }, (_, j) => this.at(from + j));
  }

  private make(k: number): Period {
    const label = this.source.labels[k]!;
    const n = this.owner.accounts.length;
    if (k === this.count - 1) return new Period(label, k, true, this.owner, n);
    const { portfolio, members } = this.source.past(k);
    return new Period(label, k, false, portfolio, n, members);
  }
}

/**
 * The periods of `parent` kept to the accounts at `indexes` of it (ascending): each period's portfolio is
 * the parent period's, narrowed to those of its accounts that are among them.
 */
export function narrowedSource(parent: Periods, indexes: Uint32Array, parentCount: number): PeriodSource {
  const position = new Int32Array(parentCount).fill(-1);
  for (let k = 0; k < indexes.length; k++) position[indexes[k]!] = k;
  return {
    labels: parent.labels,
    past(p) {
      const period = parent.at(p);
      const rows: number[] = [];
      const members: number[] = [];
      for (let r = 0; r < period.members.length; r++) {
        const at = position[period.members[r]!]!;
        if (at < 0) continue;
        rows.push(r);
        members.push(at);
      }
      return { portfolio: period.portfolio.narrow(Uint32Array.from(rows)), members: Uint32Array.from(members) };
    },
  };
}
