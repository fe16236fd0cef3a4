/**
 * An account's tier in the previous period: the tiers of the previous period's portfolio (periods.ts: the
 * same rule on that period's figures, a tier given for the period winning), read for the accounts of a
 * portfolio, and in words. Its own small file, so a chart that shows the previous tier does not carry the
 * tier movement (tier-movement.ts) or the tier rule's sentences (tier-text.ts) with it.
 */
import { NO_TIER } from '../feed/columns.js';
import type { Portfolio } from './portfolio.js';
import { TIER_ORDER } from './tiers.js';

/**
 * Per account of `portfolio`: its tier in the previous period (index into TIER_ORDER), NO_TIER without
 * figures then; undefined without a previous period. A narrowed portfolio (a filter, a selection) reads
 * the tiers the whole feed has in that period, kept to its accounts.
 */
export function previousTiers(portfolio: Portfolio): Uint8Array | undefined {
  const previous = portfolio.periods().previous();
  if (!previous) return undefined;
  const tiers = previous.portfolio.tiers().tierIndex;
  const out = new Uint8Array(portfolio.accounts.length);
  for (let i = 0; i < out.length; i++) {
    const row = previous.rowOf[i]!;
    out[i] = row < 0 ? NO_TIER : tiers[row]!;
  }
  return out;
}

/** An account's tier in the previous period, from previousTiers(): "MGC", or "new" without figures then. */
export function previousTierText(tier: number): string {
  return TIER_ORDER[tier] ?? 'new';
}
