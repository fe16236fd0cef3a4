/**
 * What the quadrant chart shows of a portfolio: the split of the shown accounts into the four quadrants,
 * their tiers (the portfolio's, so a point has the shape of the tier every other widget shows), the
 * scatter of the placed accounts, and the look-ups the chart makes in it (the point of an account, the
 * accounts of points, the points of a quadrant, the selected points). Pure (no DOM).
 *
 * Decisions:
 * - Without thresholds of its own the chart shows the portfolio's split: at the whole feed's medians,
 *   kept when a filter narrows the accounts, so a filtered chart splits where the unfiltered one does.
 * - A threshold of the widget's own replaces that axis' median; the other axis keeps the whole feed's.
 */
import type { Portfolio } from '../../analysis/portfolio.js';
import { QUADRANT_IDS, quadrants, type QuadrantId, type QuadrantResult } from '../../analysis/quadrant.js';
import { quadrantTrail, type QuadrantTrail } from '../../analysis/quadrant-trail.js';
import type { TierResult } from '../../analysis/tiers.js';
import type { Account } from '../../feed/schema.js';
import type { ScaleKind } from '../../internal/scale.js';
import { scatterOf, type Scatter } from './quadrant-scatter.js';

export interface QuadrantModel {
  portfolio: Portfolio;
  scale: ScaleKind;
  /** The shown accounts split into quadrants. */
  result: QuadrantResult;
  /** Every shown account's tier (the portfolio's). */
  tiers: TierResult;
  scatter: Scatter;
  /** Per account of the portfolio: its point in the scatter, -1 when it is not plotted. */
  pointOf: Int32Array;
  /** With `show-previous` and a previous period: where each point stood then. */
  trail?: QuadrantTrail;
}

/**
 * The split of the portfolio's accounts: the portfolio's own (the whole feed's medians) unless the
 * widget gives a threshold, which then replaces that axis' median.
 */
export function quadrantSplit(portfolio: Portfolio, effortThreshold?: number, impactThreshold?: number): QuadrantResult {
  const whole = portfolio.quadrants();
  if (effortThreshold === undefined && impactThreshold === undefined) return whole;
  const split = quadrants(portfolio.accounts, {
    columns: portfolio.columns,
    effortThreshold: effortThreshold ?? whole.effortThreshold ?? undefined,
    impactThreshold: impactThreshold ?? whole.impactThreshold ?? undefined,
  });
  return {
    ...split,
    thresholdSource: { effort: effortThreshold === undefined ? 'median' : 'given', impact: impactThreshold === undefined ? 'median' : 'given' },
  };
}

export function quadrantModel(portfolio: Portfolio, effortThreshold: number | undefined, impactThreshold: number | undefined, scale: ScaleKind, showPrevious = false): QuadrantModel {
  const result = quadrantSplit(portfolio, effortThreshold, impactThreshold);
  const tiers = portfolio.tiers();
  const scatter = scatterOf(result, tiers.tierIndex, scale);
  const pointOf = new Int32Array(portfolio.accounts.length).fill(-1);
  for (let k = 0; k < scatter.count; k++) pointOf[scatter.account[k]!] = k;
  const model: QuadrantModel = { portfolio, scale, result, tiers, scatter, pointOf };
  const trail = showPrevious ? quadrantTrail(portfolio, result) : undefined;
  if (trail) model.trail = trail;
  return model;
}

/** The account of point k. */
export function accountOfPoint(model: QuadrantModel, k: number): Account {
  return model.portfolio.accounts[model.scatter.account[k]!]!;
}

/** The point of the account with this id; -1 when it is not shown or not plotted. */
export function pointOfId(model: QuadrantModel, id: string): number {
  const i = model.portfolio.indexOf(id);
  return i < 0 ? -1 : model.pointOf[i]!;
}

/** Ids of the accounts of these points, in the points' order. */
export function idsOfPoints(model: QuadrantModel, points: readonly number[]): string[] {
  return points.map((k) => accountOfPoint(model, k).id);
}

/** The points of a quadrant, in point order. */
export function pointsOfQuadrant(model: QuadrantModel, id: QuadrantId): number[] {
  const { quadrant, count } = model.scatter;
  const q = QUADRANT_IDS.indexOf(id);
  const points: number[] = [];
  for (let k = 0; k < count; k++) if (quadrant[k] === q) points.push(k);
  return points;
}

/** The selected points as a mask by point; undefined when none of the selected accounts is plotted. */
export function selectionMask(model: QuadrantModel, ids: ReadonlySet<string>): Uint8Array | undefined {
  if (!ids.size) return undefined;
  const mask = new Uint8Array(model.scatter.count);
  let plotted = 0;
  for (const id of ids) {
    const k = pointOfId(model, id);
    if (k < 0) continue;
    mask[k] = 1;
    plotted++;
  }
  return plotted ? mask : undefined;
}
