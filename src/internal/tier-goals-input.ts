/**
 * Where an element's tier goals come from: its own `tier-goals` and `goal-period`, else those of the
 * `<kam-feed>` it is linked to, so a page sets the goals once for every widget that shows them.
 */
import type { FeedProvider } from './feed-state.js';

export interface GoalsHost {
  tierGoals?: string | Readonly<Record<string, number>>;
  goalPeriod?: string;
}

/** The goals in force for `host`: its own, else its linked feed's (each attribute on its own). */
export function goalsInForce(host: GoalsHost, provider: (FeedProvider & GoalsHost) | undefined): GoalsHost {
  return { tierGoals: host.tierGoals ?? provider?.tierGoals, goalPeriod: host.goalPeriod ?? provider?.goalPeriod };
}
