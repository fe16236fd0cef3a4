/**
 * The portfolio matrix (what <kam-tier-matrix> draws): from the accounts' tiers and their value and
 * growth-potential bands (bands.ts) to the cells (accounts, revenue and tiers of each band pair) and the
 * tier groups. Pure (no DOM).
 */
import type { BandAxis } from './bands.js';
import { TIER_ORDER } from './tiers.js';

/** A group of accounts (a cell or a tier): `members.subarray(start, end)` holds their input indices. */
export interface Group {
  start: number;
  end: number;
  count: number;
  revenue: number;
  /** Share of total revenue; 0 when total revenue is 0. */
  revenueShare: number;
}

export interface MatrixCell extends Group {
  valueBand: number;
  potentialBand: number;
  /** Accounts per tier, in the order MVC, MGC, STC, BZ. */
  tierCounts: [number, number, number, number];
}

export interface Matrix {
  value: BandAxis;
  potential: BandAxis;
  /** Cells by potential band, then value band: cell (p, v) is `cells[p * value.bands.length + v]`. */
  cells: MatrixCell[];
  /** Input indices grouped by cell. */
  cellMembers: Uint32Array;
  /** Cell index of each account. */
  cellOf: Uint16Array;
  /** The four tiers as groups (order MVC, MGC, STC, BZ) over `tierMembers`. */
  tiers: Group[];
  /** Input indices grouped by tier. */
  tierMembers: Uint32Array;
  /** Tier index of each account (0 MVC … 3 BZ). */
  tierOf: Uint8Array;
  totalRevenue: number;
}

/**
 * The matrix of accounts by value band and potential band, with revenue and tiers per cell and per tier.
 * `tierOf` is each account's tier index (0 MVC … 3 BZ), `revenue` its revenue (the revenue column).
 */
export function buildMatrix(tierOf: Uint8Array, revenue: Float64Array, value: BandAxis, potential: BandAxis): Matrix {
  const n = tierOf.length;
  const columns = value.bands.length;
  const cellCount = columns * potential.bands.length;
  const cellOf = new Uint16Array(n);
  // Each account's cell, and the accounts, revenue and tier counts per cell and per tier. Sums run in input
  // order, the order of the members within each group.
  const sums: GroupSums = {
    cellCounts: new Uint32Array(cellCount),
    cellRevenue: new Float64Array(cellCount),
    cellTiers: new Uint32Array(cellCount * 4),
    tierCounts: new Uint32Array(TIER_ORDER.length),
    tierRevenue: new Float64Array(TIER_ORDER.length),
  };
  const totalRevenue = sumGroups(value.bandOf, potential.bandOf, columns, tierOf, revenue, cellOf, sums);
  const { cellCounts, cellRevenue, cellTiers, tierCounts, tierRevenue } = sums;
  // The members of each cell and each tier, in input order (a counting sort on the counts above).
  const cellMembers = new Uint32Array(n);
  const tierMembers = new Uint32Array(n);
  placeMembers(cellOf, startsOf(cellCounts), cellMembers, tierOf, startsOf(tierCounts), tierMembers);
  const share = (r: number) => (totalRevenue === 0 ? 0 : r / totalRevenue);
  const cells: MatrixCell[] = [];
  for (let c = 0, start = 0; c < cellCount; start += cellCounts[c++]!) {
    const count = cellCounts[c]!;
    const sum = cellRevenue[c]!;
    const tierCountsOfCell: [number, number, number, number] = [cellTiers[c * 4]!, cellTiers[c * 4 + 1]!, cellTiers[c * 4 + 2]!, cellTiers[c * 4 + 3]!];
    cells.push({ valueBand: c % columns, potentialBand: Math.floor(c / columns), start, end: start + count, count, revenue: sum, revenueShare: share(sum), tierCounts: tierCountsOfCell });
  }
  let tierStart = 0;
  const tierGroups: Group[] = TIER_ORDER.map((_, t) => {
    const start = tierStart;
    const count = tierCounts[t]!;
    tierStart += count;
    return { start, end: start + count, count, revenue: tierRevenue[t]!, revenueShare: share(tierRevenue[t]!) };
  });
  return {
    value,
    potential,
    cells,
    cellMembers,
    cellOf,
    tiers: tierGroups,
    tierMembers,
    tierOf,
    totalRevenue,
  };
}

interface GroupSums {
  cellCounts: Uint32Array;
  cellRevenue: Float64Array;
  /** Per cell, its accounts per tier (cell c, tier t at c * 4 + t). */
  cellTiers: Uint32Array;
  tierCounts: Uint32Array;
  tierRevenue: Float64Array;
}

/** Each account's cell into `cellOf` and its figures into the sums per cell and per tier; returns the total revenue. */
function sumGroups(valueBand: Uint8Array, potentialBand: Uint8Array, columns: number, tierOf: Uint8Array, revenue: Float64Array, cellOf: Uint16Array, sums: GroupSums): number {
  const { cellCounts, cellRevenue, cellTiers, tierCounts, tierRevenue } = sums;
  let totalRevenue = 0;
  for (let i = 0; i < cellOf.length; i++) {
    const c = potentialBand[i]! * columns + valueBand[i]!;
    const t = tierOf[i]!;
    const r = revenue[i]!;
    cellOf[i] = c;
    totalRevenue += r;
    cellCounts[c]!++;
    cellRevenue[c]! += r;
    cellTiers[c * 4 + t]!++;
    tierCounts[t]!++;
    tierRevenue[t]! += r;
  }
  return totalRevenue;
}

/** Input indices grouped by cell and by tier (`cellNext`, `tierNext`: where each group starts; advanced). */
function placeMembers(cellOf: Uint16Array, cellNext: Uint32Array, cellMembers: Uint32Array, tierOf: Uint8Array, tierNext: Uint32Array, tierMembers: Uint32Array): void {
  for (let i = 0; i < cellOf.length; i++) {
    cellMembers[cellNext[cellOf[i]!]!++] = i;
    tierMembers[tierNext[tierOf[i]!]!++] = i;
  }
}

/** Where each group starts in a list grouped by these counts (prefix sums). */
function startsOf(counts: Uint32Array): Uint32Array {
  const starts = new Uint32Array(counts.length);
  for (let g = 1; g < counts.length; g++) starts[g] = starts[g - 1]! + counts[g - 1]!;
  return starts;
}

/** Selected accounts per cell (in `cells` order) and per tier. */
export interface SelectedCounts {
  cells: Uint32Array;
  tiers: Uint32Array;
}

/** Accounts with a selected id, per cell and per tier. */
export function selectedCounts(matrix: Matrix, indexes: Iterable<number>): SelectedCounts {
  const cells = new Uint32Array(matrix.cells.length);
  const tiers = new Uint32Array(TIER_ORDER.length);
  for (const i of indexes) {
    cells[matrix.cellOf[i]!]!++;
    tiers[matrix.tierOf[i]!]!++;
  }
  return { cells, tiers };
}
