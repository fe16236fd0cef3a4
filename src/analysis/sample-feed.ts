/**
 * A seeded, deterministic generator of realistic B2B account feeds, for the demo, stories and tests.
 *
 * Decisions:
 * - Quarters: the current period is 2026-Q3 (asOf 2026-09-30); each account's `history` holds its
 *   figures for the eight quarters before it (2024-Q3 … 2026-Q2), every per-period field included. The
 *   account's own fields are its 2026-Q3 figures; `previousRevenue` is left out (the history gives it).
 * - What happens to an account over the nine quarters is its story (sample-stories.ts): steady, growing,
 *   shrinking, lost (revenue 0 from some quarter on), new (no figures before the quarter it was won), or
 *   not recorded for one quarter. Tiers move with the figures: growers enter the vital few, shrinkers and
 *   lost accounts leave it.
 * - Revenue per quarter is lognormal (median ~22.5k, sigma 1.7), so the top ~20% of accounts carry
 *   roughly 80% of it.
 * - Profit margin ~ Normal(14%, 9.5%) per account, drifting by quarter, so ~7% of active accounts lose
 *   money; a quarter without revenue carries the cost to serve as a loss.
 * - Potential is at least revenue for ~95% of accounts (headroom lognormal, ~20% have headroom >= revenue).
 * - Effort is hours per quarter, ~8 h × (revenue / 25k)^0.4 with noise; ~7% of small accounts are
 *   over-served (4-9× the effort) in every quarter, ~4% only this quarter (they moved into Over-served);
 *   ~2% have no effort recorded.
 * - Impact is absent (so the quadrant uses headroom) except on ~4% of accounts, where it is a money
 *   estimate from open opportunities (same unit as headroom).
 * - nps on ~70% of accounts and csat (whole 1-5) on ~60%, each answered in ~85% of their quarters; clv
 *   on ~85%, expanded on ~80%, referenceable on ~70%; a tier given by the feed (MGC, a strategic pick) on
 *   ~1%, in every quarter.
 * - Key accounts (about 100K or more a quarter, ~10%) carry `costToServe` in every quarter, so their ROI
 *   shows: the account team's hours at 150 plus 2% of revenue for service and logistics (no draw: the
 *   figure follows from effort and revenue). The largest (about 300K or more, ~5%) carry revenue and
 *   NPS `goals` for the current quarter: 5% over last quarter's revenue (in thousands), NPS 8.
 * - With its shrinkers, lost accounts, drifting margins and survey answers the sample raises every type
 *   of red flag (flags.ts) without accounts made for it (test/analysis/sample-feed.test.ts).
 * - Names: "<prefix> <core> <legal form>", the legal form matching the region. Names are kept distinct:
 *   when 3 draws all hit names already used, a number is appended ("Apex Logistics Inc. 2"); that only
 *   happens for large counts (thousands of accounts).
 */
import type { Account, HistoryPoint, Tier } from '../feed/schema.js';
import { createRandom, type Random } from './random.js';
import { QUARTER_COUNT, STORIES, type StoryTraits } from './sample-stories.js';

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

/** The sample's quarters, oldest first: eight of history, then the current one. */
export const SAMPLE_QUARTERS = ['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'] as const;

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

function segmentOf(yearly: number): string {
  if (yearly >= 2_000_000) return 'Enterprise';
  if (yearly >= 500_000) return 'Corporate';
  if (yearly >= 100_000) return 'Mid-market';
  return 'SMB';
}

/** A distinct account name in the region's style. */
function accountName(rng: Random, region: (typeof REGIONS)[number], used: Set<string>, nextSuffix: Map<string, number>): { name: string; industry: string } {
  let name = '';
  let industry = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const [core, ind] = rng.pick(CORES);
    name = `${rng.pick(PREFIXES)} ${core} ${rng.pick(LEGAL_FORMS[region])}`;
    industry = ind;
    if (!used.has(name)) break;
  }
  if (used.has(name)) {
    const base = name;
    let k = nextSuffix.get(base) ?? 2;
    while (used.has(`${base} ${k}`)) k++;
    nextSuffix.set(base, k + 1);
    name = `${base} ${k}`;
  }
  used.add(name);
  return { name, industry };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const whole = (v: number) => Math.round(v) + 0; // + 0 turns -0 into 0

/** What an account keeps over its quarters: its story's draws, made once. */
interface Traits {
  size: number;
  margin: number;
  headroom: number;
  belowPotential: boolean;
  effortScale: number;
  overServed: number;
  newlyOverServed: number;
  noEffort: boolean;
  ownImpact: boolean;
  nps?: number;
  csat: boolean;
  clv?: number;
  expanded: boolean;
  referenceable?: boolean;
  tier?: Tier;
  /** Carries costToServe (a key account). */
  costed: boolean;
  /** Carries goals for the current quarter. */
  goals: boolean;
}

/** Revenue per quarter from which an account carries its cost to serve, and from which it has goals. */
const COSTED_SIZE = 100_000;
const GOALS_SIZE = 300_000;
/** Cost to serve: hours at this rate, plus this share of revenue. */
const HOURLY_COST = 150;
const SERVICE_SHARE = 0.02;

function traitsOf(rng: Random, lost: boolean, story: StoryTraits): Traits {
  const size = story.size ?? Math.max(400, Math.round(rng.lognormal(Math.log(22_500), 1.7)));
  const small = size < 50_000;
  return {
    size,
    margin: rng.normal(0.14, 0.095),
    headroom: story.headroom ?? rng.lognormal(-0.6, 0.75),
    belowPotential: rng.chance(0.05),
    effortScale: rng.lognormal(0, 0.45),
    overServed: small && rng.chance(0.07) ? 4 + 5 * rng.next() : 1,
    newlyOverServed: !lost && small && rng.chance(0.05) ? 3 + 2 * rng.next() : 1,
    noEffort: rng.chance(0.02),
    ownImpact: rng.chance(0.04),
    ...(rng.chance(0.7) ? { nps: rng.weighted(NPS_VALUES, lost ? NPS_WEIGHTS_CHURNED : NPS_WEIGHTS) } : {}),
    csat: rng.chance(0.6),
    ...(rng.chance(0.85) ? { clv: 2.5 + 4.5 * rng.next() } : {}),
    expanded: rng.chance(0.8),
    ...(rng.chance(0.7) ? { referenceable: false } : {}),
    ...(rng.chance(0.01) ? { tier: 'MGC' as const } : {}),
    costed: size >= COSTED_SIZE,
    goals: size >= GOALS_SIZE,
  };
}

/** One quarter's figures of an account (`q` its index, `revenue` that quarter's, `before` the one before). */
function quarterFigures(rng: Random, t: Traits, q: number, revenue: number, before: number | undefined, peak: number): Omit<HistoryPoint, 'period'> {
  const current = q === QUARTER_COUNT - 1;
  const point: Omit<HistoryPoint, 'period'> = { revenue };
  const reference = Math.max(revenue, peak * 0.3);
  let effort = Math.max(1, whole(8 * Math.pow(reference / 25_000, 0.4) * t.effortScale * rng.lognormal(0, 0.15) * t.overServed));
  if (revenue === 0) effort = Math.max(1, whole(effort * 0.3));
  else if (current) effort = whole(effort * t.newlyOverServed);
  point.profit = revenue === 0 ? -whole(effort * 95) : whole(revenue * (t.margin + rng.normal(0, 0.02)));
  point.potential =
    revenue === 0 ? whole(peak * (0.3 + 0.7 * rng.next())) : t.belowPotential ? whole(revenue * (0.85 + 0.15 * rng.next())) : whole(revenue * (1 + t.headroom * (1 + rng.normal(0, 0.05))));
  if (t.costed) point.costToServe = whole(effort * HOURLY_COST + revenue * SERVICE_SHARE);
  if (!t.noEffort) point.effort = effort;
  if (t.ownImpact && revenue > 0) point.impact = whole(revenue * (0.1 + 1.4 * rng.next()));
  if (t.tier) point.tier = t.tier;
  if (t.nps !== undefined && rng.chance(0.85)) point.nps = clamp(Math.round(t.nps + rng.normal(revenue === 0 ? -1.5 : 0, 1)), 0, 10);
  if (t.csat && rng.chance(0.85)) point.csat = rng.weighted(CSAT_VALUES, CSAT_WEIGHTS);
  if (t.clv !== undefined) point.clv = whole(4 * peak * t.clv);
  if (t.expanded) point.expanded = revenue > 0 && rng.chance(before !== undefined && before > 0 && revenue / before - 1 >= 0.05 ? 0.6 : 0.12);
  if (t.referenceable !== undefined) {
    if (rng.chance(point.nps !== undefined && point.nps >= 9 ? 0.3 : 0.04)) t.referenceable = !t.referenceable && revenue > 0;
    point.referenceable = t.referenceable;
  }
  return point;
}

/** A large account's goals for the current quarter: revenue 5% over last quarter's, in thousands (none when it had no revenue then); NPS 8 when it is surveyed. */
function goalsOf(now: Omit<HistoryPoint, 'period'>, last: HistoryPoint | undefined): NonNullable<Account['goals']> {
  const goals: NonNullable<Account['goals']> = {};
  if (last && last.period === SAMPLE_QUARTERS[QUARTER_COUNT - 2] && last.revenue > 0) goals.revenue = Math.round((last.revenue * 1.05) / 1000) * 1000;
  if (now.nps !== undefined) goals.nps = 8;
  return goals;
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
  const weights = STORIES.map((s) => s.weight);

  for (let i = 0; i < count; i++) {
    const id = `ACC-${String(i + 1).padStart(5, '0')}`;
    const region = rng.weighted(REGIONS, REGION_WEIGHTS);
    const { name, industry } = accountName(rng, region, usedNames, nextSuffix);
    const story = rng.weighted(STORIES, weights);
    const path = story.path(rng);
    const traits = traitsOf(rng, path[QUARTER_COUNT - 1] === 0, story.traits?.(rng) ?? {});

    const history: HistoryPoint[] = [];
    let before: number | undefined;
    let peak = 0;
    let now: Omit<HistoryPoint, 'period'> = { revenue: 0 };
    for (let q = 0; q < QUARTER_COUNT; q++) {
      const multiple = path[q];
      if (multiple === undefined) {
        before = undefined;
        continue;
      }
      const revenue = whole(traits.size * multiple);
      peak = Math.max(peak, revenue);
      const figures = quarterFigures(rng, traits, q, revenue, before, peak);
      if (q === QUARTER_COUNT - 1) now = figures;
      else history.push({ period: SAMPLE_QUARTERS[q]!, ...figures });
      before = revenue;
    }

    const account: Account = { id, name, ...now };
    account.owner = OWNERS[rng.int(0, OWNERS.length - 1)]!;
    account.segment = segmentOf(4 * peak);
    account.region = region;
    account.industry = industry;
    account.country = rng.pick(COUNTRIES[region]);
    account.url = `https://crm.example.com/accounts/${id}`;
    const goals = traits.goals ? goalsOf(now, history.at(-1)) : {};
    if (Object.keys(goals).length) account.goals = goals;
    if (history.length) account.history = history;
    accounts[i] = account;
  }

  return {
    version: 1,
    currency: 'USD',
    asOf: '2026-09-30',
    periods: { current: SAMPLE_QUARTERS[QUARTER_COUNT - 1]!, previous: SAMPLE_QUARTERS[QUARTER_COUNT - 2]! },
    accounts,
  };
}

/**
 * The feed as written to demo/public/sample-feed.json: the envelope as 2-space JSON, one account per line
 * (its history inline), and a trailing newline.
 */
export function sampleFeedJson(feed: SampleFeed = generateSampleFeed()): string {
  const { accounts, ...envelope } = feed;
  const head = JSON.stringify(envelope, null, 2).replace(/\n}$/, '');
  const lines = accounts.map((account) => `    ${JSON.stringify(account)}`).join(',\n');
  return `${head},\n  "accounts": [\n${lines}\n  ]\n}\n`;
}
