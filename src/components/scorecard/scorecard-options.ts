/**
 * The scorecard's attributes as options: the KPI ids to show, the targets (read by internal/targets.ts), the tier goals, and the tiles
 * of the KPIs under them, so the element keeps one memo per step; and when a large feed's KPI trends
 * are derived (TrendsController).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseTierGoals, tierGoalProgress, type GoalProgress } from '../../analysis/tier-goals.js';
import { whenIdle } from '../../internal/idle.js';
import type { Portfolio } from '../../analysis/portfolio.js';
import type { Formatters } from '../../internal/format.js';
import { scorecardTiles, type ScorecardKpis, type ScorecardModel } from './scorecard-model.js';
import { toleranceOf } from './scorecard-status.js';
import { parseTargets } from '../../internal/targets.js';

/** KPI ids from the `kpis` attribute ("nps, churn"): trimmed, empty entries and repeats dropped; undefined when none. */
export function parseKpiIds(text: string | null | undefined): string[] | undefined {
  if (!text) return undefined;
  const ids = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
  return ids.length ? ids : undefined;
}

export { parseTargets, type Targets } from '../../internal/targets.js';

/** Progress towards the tier goals (`tier-goals`, `goal-period`) of the accounts the KPIs are derived over; none without goals. */
export function goalsOf(scope: Portfolio, goals: unknown, period: string | undefined): GoalProgress[] {
  return goals === undefined || goals === null ? [] : tierGoalProgress(scope, parseTierGoals(goals), period);
}

/** The tiles of the KPIs under the element's attributes. */
export function tilesOf(kpis: ScorecardKpis, goals: readonly GoalProgress[], ids: string | undefined, targets: unknown, tolerance: unknown, format: Formatters): ScorecardModel {
  return scorecardTiles(kpis, { ids: parseKpiIds(ids), targets: parseTargets(targets), tolerance: toleranceOf(tolerance), format, goals });
}

/** Above this many account-periods (accounts × past periods), a first paint derives the previous period only. */
export const QUICK_TRENDS_LIMIT = 200_000;

/**
 * When the KPIs' trends (every period's value, for the sparklines) are derived: at once for most feeds;
 * for a large feed with long history (100,000 accounts with 8 quarters: each past period costs about as
 * much as the current one), the first paint shows the values and their changes against the previous
 * period, and the sparklines follow at the first idle moment after it.
 */
export class TrendsController implements ReactiveController {
  /** The portfolio whose trends may be derived now. */
  private ready?: Portfolio;
  /** The portfolio whose first paint left its trends out, until they are derived. */
  private waiting?: Portfolio;
  private cancel?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** True when the KPIs of `portfolio` should leave their trends out for now. */
  previousOnly(portfolio: Portfolio): boolean {
    const large = portfolio.accounts.length * (portfolio.periods().count - 1) > QUICK_TRENDS_LIMIT;
    const later = large && portfolio !== this.ready;
    this.waiting = later ? portfolio : undefined;
    return later;
  }

  hostUpdated(): void {
    const waiting = this.waiting;
    if (!waiting || this.cancel) return;
    this.cancel = whenIdle(() => {
      this.cancel = undefined;
      this.ready = waiting;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.cancel?.();
    this.cancel = undefined;
  }
}
