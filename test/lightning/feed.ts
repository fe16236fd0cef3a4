/**
 * What the tab's Apex method returns in the bench: eight accounts, small enough to reason about by hand.
 * Revenue 1,000,000 in all; Atlas, Borealis and Cirrus hold 500,000 + 200,000 + 100,000 = 80% of it.
 */
export const tabFeed = {
  version: 1,
  currency: 'EUR',
  accounts: [
    { id: 'atlas', name: 'Atlas', revenue: 500_000, previousRevenue: 400_000, potential: 900_000, effort: 120, nps: 9, csat: 5 },
    { id: 'borealis', name: 'Borealis', revenue: 200_000, previousRevenue: 220_000, potential: 600_000, effort: 80, nps: 7, csat: 4 },
    { id: 'cirrus', name: 'Cirrus', revenue: 100_000, previousRevenue: 90_000, potential: 150_000, effort: 60, nps: 3, csat: 3 },
    { id: 'delta', name: 'Delta', revenue: 80_000, previousRevenue: 80_000, potential: 400_000, effort: 10, nps: 10, csat: 5 },
    { id: 'eddy', name: 'Eddy', revenue: 60_000, previousRevenue: 50_000, potential: 70_000, effort: 90, nps: 6, csat: 2 },
    { id: 'fjord', name: 'Fjord', revenue: 30_000, previousRevenue: 35_000, potential: 200_000, effort: 5, nps: 8, csat: 4 },
    { id: 'gale', name: 'Gale', revenue: 20_000, previousRevenue: 10_000, potential: 25_000, effort: 40, nps: 2, csat: 1 },
    { id: 'haze', name: 'Haze', revenue: 10_000, previousRevenue: 12_000, potential: 15_000, effort: 30, nps: 9, csat: 4 },
  ],
};
