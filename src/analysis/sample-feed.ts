/**
 * A seeded, deterministic generator of realistic B2B account feeds, for the demo, stories and tests.
 *
 * Decisions:
 * - Fiscal years run Q4 to Q3: FY2025 = 2024-Q4 … 2025-Q3 (previous period), FY2026 = 2025-Q4 … 2026-Q3
 *   (current period, asOf 2026-09-30). `history` holds those 8 quarters, and the quarters of each year sum
 *   EXACTLY to previousRevenue and revenue (whole units; the last quarter of a year takes the rounding
 *   remainder). New accounts (no previousRevenue) only have the 4 current quarters.
 * - Revenue is lognormal (median ~90k, sigma 1.7), so the top ~20% of accounts carry roughly 80% of it.
 *   About 3% of accounts churned (revenue 0, previousRevenue > 0), about 5% are new (no previousRevenue).
 * - Profit margin ~ Normal(14%, 9.5%), so ~7% of active accounts lose money; churned accounts carry their
 *   cost to serve as a loss. Roughly 9-10% of accounts are below zero overall.
 * - Potential is at least revenue for ~95% of accounts (headroom lognormal, ~20% have headroom >= revenue).
 * - Effort is yearly hours, ~30 h × (revenue / 100k)^0.4 with noise; ~7% of small accounts are over-served
 *   (4-9× the effort); ~2% have no effort recorded.
 * - Impact is absent (so the quadrant uses headroom) except on ~4% of accounts, where it is a money
 *   estimate from open opportunities (same unit as headroom).
 * - nps on ~70% of accounts, csat (whole 1-5) on ~60%, clv on ~85%, expanded on ~80%, referenceable on
 *   ~70%, a tier given by the feed on ~1% (strategic picks marked MGC).
 * - Names: "<prefix> <core> <legal form>", the legal form matching the region. Names are kept distinct:
 *   when 3 draws all hit names already used, a number is appended ("Apex Logistics Inc. 2"); that only
 *   happens for large counts (thousands of accounts).
 * - Speed: 100,000 accounts take well under a second (about 0.7 s on a slow 2-vCPU machine).
 */
import type { Account } from '../feed/schema.js';
import { createRandom, type Random } from './random.js';

export interface SampleFeedOptions {
  /** Number of accounts, a whole number >= 0. Default 250. */
  count?: number;
  /** PRNG seed (any integer). Default 20261122. */
  seed?: number;
}

export interface SampleFeed {
  version: 1;
  currency: 'USD';
  asOf: string;
  periods: { current: string; previous: string };
  accounts: Account[];
}

export const SAMPLE_FEED_DEFAULTS = Object.freeze({ count: 250, seed: 20261122 });

export const SAMPLE_QUARTERS_PREVIOUS = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3'] as const;
export const SAMPLE_QUARTERS_CURRENT = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'] as const;

const PREFIXES = [
  'Northwind', 'Blue Harbor', 'Apex', 'Summit', 'Ironclad', 'Cedar', 'Silverline', 'Redwood', 'Granite',
  'Meridian', 'Harbor Point', 'Atlas', 'Lumen', 'Polaris', 'Evergreen', 'Crescent', 'Keystone', 'Orion',
  'Riverbend', 'Stonebridge', 'Vantage', 'Halcyon', 'Brightwater', 'Copperleaf', 'Falcon', 'Beacon',
  'Sterling', 'Westfield', 'Pinnacle', 'Nordic', 'Tidewater', 'Oakridge', 'Aurora', 'Clearview',
  'Highland', 'Bluestone', 'Kestrel', 'Trident', 'Juniper', 'Sequoia',
];

const CORES: ReadonlyArray<readonly [string, string]> = [
  ['Logistics', 'Transport & Logistics'], ['Freight', 'Transport & Logistics'],
  ['Foods', 'Food & Beverage'], ['Brewing', 'Food & Beverage'],
  ['Systems', 'Software'], ['Software', 'Software'], ['Analytics', 'Software'],
  ['Health', 'Healthcare'], ['Medical', 'Healthcare'], ['Pharma', 'Pharmaceuticals'],
  ['Energy', 'Energy & Utilities'], ['Power', 'Energy & Utilities'], ['Solar', 'Energy & Utilities'],
  ['Manufacturing', 'Industrial Manufacturing'], ['Machinery', 'Industrial Manufacturing'],
  ['Components', 'Industrial Manufacturing'], ['Plastics', 'Chemicals'], ['Chemicals', 'Chemicals'],
  ['Retail', 'Retail'], ['Outfitters', 'Retail'], ['Bank', 'Financial Services'],
  ['Capital', 'Financial Services'], ['Insurance', 'Insurance'], ['Telecom', 'Telecommunications'],
  ['Networks', 'Telecommunications'], ['Construction', 'Construction'], ['Builders', 'Construction'],
  ['Media', 'Media & Publishing'], ['Hotels', 'Hospitality'], ['Automotive', 'Automotive'],
  ['Motors', 'Automotive'], ['Aerospace', 'Aerospace & Defense'], ['Mining', 'Mining & Metals'],
  ['Steel', 'Mining & Metals'], ['Agritech', 'Agriculture'], ['Labs', 'Life Sciences'],
];

const REGIONS = ['EMEA', 'North America', 'APAC', 'LATAM'] as const;
const REGION_WEIGHTS = [38, 34, 18, 10];

const COUNTRIES: Record<(typeof REGIONS)[number], readonly string[]> = {
  EMEA: ['Germany', 'United Kingdom', 'France', 'Netherlands', 'Sweden', 'Spain', 'Italy', 'Switzerland', 'Poland', 'United Arab Emirates'],
  'North America': ['United States', 'United States', 'United States', 'Canada'],
  APAC: ['Japan', 'Australia', 'Singapore', 'India', 'South Korea'],
  LATAM: ['Brazil', 'Mexico', 'Chile', 'Colombia', 'Argentina'],
};

const LEGAL_FORMS: Record<(typeof REGIONS)[number], readonly string[]> = {
  EMEA: ['GmbH', 'AG', 'Ltd', 'plc', 'S.A.', 'B.V.', 'AB', 'SE'],
  'North America': ['Inc.', 'Corp.', 'LLC', 'Co.', 'Group'],
  APAC: ['Pte Ltd', 'Pty Ltd', 'K.K.', 'Holdings', 'Ltd'],
  LATAM: ['S.A.', 'S.A. de C.V.', 'Ltda.', 'S.A.S.'],
};

const OWNERS = [
  'Alex Morgan', 'Priya Natarajan', 'Jonas Weber', 'Mei Chen', 'Carlos Ortega', 'Fatima Haddad',
  'Tom Lindqvist', 'Grace Okafor',
];

// Weights for NPS answers 0..10 and CSAT ratings 1..5.
const NPS_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const NPS_WEIGHTS = [2, 1, 2, 2, 3, 5, 6, 14, 18, 25, 22];
const NPS_WEIGHTS_CHURNED = [8, 6, 8, 10, 12, 14, 14, 12, 8, 5, 3];
const CSAT_VALUES = [1, 2, 3, 4, 5];
const CSAT_WEIGHTS = [4, 8, 18, 42, 28];

function segmentOf(size: number): string {
  if (size >= 2_000_000) return 'Enterprise';
  if (size >= 500_000) return 'Corporate';
  if (size >= 100_000) return 'Mid-market';
  return 'SMB';
}

/** Split a whole-unit yearly amount into 4 whole-unit quarters following a growth trend; sums exactly. */
function quarters(rng: Random, total: number, trend: number): number[] {
  const weights: number[] = [];
  let sum = 0;
  for (let q = 0; q < 4; q++) {
    const w = Math.pow(1 + trend, q / 4) * (1 + rng.normal(0, 0.06));
    const positive = Math.max(0.2, w);
    weights.push(positive);
    sum += positive;
  }
  const out: number[] = [];
  let used = 0;
  for (let q = 0; q < 3; q++) {
    const v = Math.floor((total * weights[q]!) / sum);
    out.push(v);
    used += v;
  }
  out.push(total - used);
  return out;
}

export function generateSampleFeed(options: SampleFeedOptions = {}): SampleFeed {
  const count = options.count ?? SAMPLE_FEED_DEFAULTS.count;
  const seed = options.seed ?? SAMPLE_FEED_DEFAULTS.seed;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number >= 0, got ${String(count)}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${String(seed)}`);
  const rng = createRandom(seed);
  const usedNames = new Set<string>();
  const nextSuffix = new Map<string, number>(); // next free number per colliding name
  const accounts: Account[] = new Array<Account>(count);

  for (let i = 0; i < count; i++) {
    const id = `ACC-${String(i + 1).padStart(5, '0')}`;
    const region = rng.weighted(REGIONS, REGION_WEIGHTS);
    let name = '';
    let industry = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      const [core, ind] = rng.pick(CORES);
      name = `${rng.pick(PREFIXES)} ${core} ${rng.pick(LEGAL_FORMS[region])}`;
      industry = ind;
      if (!usedNames.has(name)) break;
    }
    if (usedNames.has(name)) {
      const base = name;
      let k = nextSuffix.get(base) ?? 2;
      while (usedNames.has(`${base} ${k}`)) k++;
      nextSuffix.set(base, k + 1);
      name = `${base} ${k}`;
    }
    usedNames.add(name);

    const size = Math.max(1500, Math.round(rng.lognormal(Math.log(90_000), 1.7)));
    const roll = rng.next();
    const churned = roll < 0.03;
    const isNew = !churned && roll < 0.08;
    const growth = Math.max(-0.7, rng.normal(0.07, 0.2));
    const revenue = churned ? 0 : size;
    const previousRevenue = churned ? size : isNew ? undefined : Math.round(size / (1 + growth));
    const reference = Math.max(revenue, previousRevenue ?? 0);

    let effort: number | undefined = Math.max(1, Math.round(30 * Math.pow(reference / 100_000, 0.4) * rng.lognormal(0, 0.45)));
    if (churned) effort = Math.max(1, Math.round(effort * 0.3));
    else if (reference < 200_000 && rng.chance(0.07)) effort = Math.round(effort * (4 + 5 * rng.next()));
    const margin = rng.normal(0.14, 0.095);
    const profit = churned ? -Math.round(effort * 95) : Math.round(revenue * margin) + 0; // + 0 turns -0 into 0
    if (rng.chance(0.02)) effort = undefined;

    const potential = churned
      ? Math.round(size * (0.3 + 0.7 * rng.next()))
      : rng.chance(0.05)
        ? Math.round(revenue * (0.85 + 0.15 * rng.next()))
        : Math.round(revenue * (1 + rng.lognormal(-0.6, 0.75)));
    const impact = !churned && rng.chance(0.04) ? Math.round(revenue * (0.1 + 1.4 * rng.next())) : undefined;

    const nps = rng.chance(0.7) ? rng.weighted(NPS_VALUES, churned ? NPS_WEIGHTS_CHURNED : NPS_WEIGHTS) : undefined;
    const csat = rng.chance(0.6) ? rng.weighted(CSAT_VALUES, CSAT_WEIGHTS) : undefined;
    const clv = rng.chance(0.85) ? Math.round(reference * (2.5 + 4.5 * rng.next())) : undefined;
    const grew = previousRevenue !== undefined && previousRevenue > 0 && revenue / previousRevenue - 1 >= 0.15;
    const expanded = rng.chance(0.8) ? revenue > 0 && rng.chance(grew || isNew ? 0.6 : 0.15) : undefined;
    const referenceable = rng.chance(0.7) ? rng.chance(nps !== undefined && nps >= 9 ? 0.45 : 0.08) : undefined;
    const tier = rng.chance(0.01) ? ('MGC' as const) : undefined;

    const history: { period: string; revenue: number }[] = [];
    const trend = previousRevenue ? Math.min(3, Math.max(-0.7, revenue / previousRevenue - 1)) : 0;
    if (previousRevenue !== undefined) {
      const q = quarters(rng, previousRevenue, trend);
      SAMPLE_QUARTERS_PREVIOUS.forEach((period, k) => history.push({ period, revenue: q[k]! }));
    }
    const current = churned ? [0, 0, 0, 0] : quarters(rng, revenue, isNew ? 1.5 : trend);
    SAMPLE_QUARTERS_CURRENT.forEach((period, k) => history.push({ period, revenue: current[k]! }));

    const account: Account = { id, name, revenue };
    if (previousRevenue !== undefined) account.previousRevenue = previousRevenue;
    account.profit = profit;
    account.potential = potential;
    if (effort !== undefined) account.effort = effort;
    if (impact !== undefined) account.impact = impact;
    if (tier !== undefined) account.tier = tier;
    if (nps !== undefined) account.nps = nps;
    if (csat !== undefined) account.csat = csat;
    if (clv !== undefined) account.clv = clv;
    if (expanded !== undefined) account.expanded = expanded;
    if (referenceable !== undefined) account.referenceable = referenceable;
    account.owner = OWNERS[rng.int(0, OWNERS.length - 1)]!;
    account.segment = segmentOf(reference);
    account.region = region;
    account.industry = industry;
    account.country = rng.pick(COUNTRIES[region]);
    account.url = `https://crm.example.com/accounts/${id}`;
    account.history = history;
    accounts[i] = account;
  }

  return {
    version: 1,
    currency: 'USD',
    asOf: '2026-09-30',
    periods: { current: 'FY2026', previous: 'FY2025' },
    accounts,
  };
}

/** The feed as written to demo/public/sample-feed.json: 2-space JSON with a trailing newline. */
export function sampleFeedJson(feed: SampleFeed = generateSampleFeed()): string {
  return `${JSON.stringify(feed, null, 2)}\n`;
}
