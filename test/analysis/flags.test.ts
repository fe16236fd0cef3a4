import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/parse.js';
import { DEFAULT_FLAG_RULES, FLAG_META, FLAG_TYPES, Portfolio, accountFlags, flagText, kpiGoalFlags, type FlagRules, type Kpi, type RedFlag } from '../../src/analysis/index.js';

/*
 * Three quarters, 2026-Q3 the current one. Tiers are given (in the points for 2026-Q2, and now), so the
 * fixture does not depend on the tier rule; every figure not named is the same in both quarters. Every
 * account from drop to noprofit is a key account (MGC); smalldrop and grumpy are not (STC).
 *   drop       revenue 1000 -> 800: down 20% >= 10%                                   revenue-elsewhere/revenue-drop
 *   slide      revenue 1000 (Q1) -> 950 -> 900: down 5.3% now, 10% over both          revenue-elsewhere/falling
 *   dip        revenue 1000 (Q1) -> 960 -> 910: 9% over both                          no flag
 *   wallet     revenue 500 of potential 800 (62.5%) -> of 1000 (50%): 12.5 points     revenue-elsewhere/wallet-share
 *   roi        profit 50 / cost 100 (50%) -> 30 / 100 (30%): ROI down 40% >= 20%      roi-falling/roi-drop
 *   free       profit 50 -> 30 at cost 0: no ROI                                      no flag
 *   noprofit   no profit at all                                                       no flag
 *   lossmaker  MVC in Q2 and now, profit 100 -> -50                                   key-account-loss/was-key (severe), no roi-falling
 *   detractor  MGC, NPS 5 now                                                         unhappy/detractor
 *   npsdrop    MGC, NPS 9 -> 7                                                        unhappy/nps-drop
 *   csatdrop   MVC, CSAT 5 -> 4                                                       unhappy/csat-drop
 *   grumpy     STC, NPS 3 (not a key account)                                         no flag
 *   smalldrop  STC, revenue 1000 -> 500 (not a key account)                           no flag
 *   fallen     MVC in Q2, STC now                                                     tier-loss (severe)
 *   slipped    MVC in Q2, MGC now                                                     tier-loss (warning)
 *   gone       MGC in Q2 with 2000, revenue 0 now (and profit -100, NPS 2)            lost-key-account alone (severe)
 *   goals      goals revenue 1200, nps 8, csat 4; revenue 1000, NPS 9, CSAT 3         goal-missed/revenue, goal-missed/csat
 */
type Point = Record<string, unknown>;
const account = (id: string, tier: string, then: Point, now: Point, { q1, ...extra }: Point = {}) => ({
  id,
  name: id,
  tier,
  ...now,
  ...extra,
  history: [...(q1 ? [{ period: '2026-Q1', ...(q1 as Point) }] : []), { period: '2026-Q2', tier, ...then }],
});
const steady = { profit: 10 };
const accounts = [
  account('drop', 'MGC', { revenue: 1000, ...steady }, { revenue: 800, ...steady }),
  account('slide', 'MGC', { revenue: 950, ...steady }, { revenue: 900, ...steady }, { q1: { revenue: 1000, tier: 'MGC' } }),
  account('dip', 'MGC', { revenue: 960, ...steady }, { revenue: 910, ...steady }, { q1: { revenue: 1000, tier: 'MGC' } }),
  account('wallet', 'MGC', { revenue: 500, potential: 800, ...steady }, { revenue: 500, potential: 1000, ...steady }),
  account('roi', 'MGC', { revenue: 500, profit: 50, costToServe: 100 }, { revenue: 500, profit: 30, costToServe: 100 }),
  account('free', 'MGC', { revenue: 350, profit: 50, costToServe: 0 }, { revenue: 350, profit: 30, costToServe: 0 }),
  account('noprofit', 'MGC', { revenue: 300 }, { revenue: 300 }),
  account('lossmaker', 'MVC', { revenue: 3000, profit: 100, costToServe: 200 }, { revenue: 3000, profit: -50, costToServe: 200 }),
  account('detractor', 'MGC', { revenue: 700, ...steady }, { revenue: 700, nps: 5, ...steady }),
  account('npsdrop', 'MGC', { revenue: 1100, nps: 9, ...steady }, { revenue: 1100, nps: 7, ...steady }),
  account('csatdrop', 'MVC', { revenue: 1500, csat: 5, ...steady }, { revenue: 1500, csat: 4, ...steady }),
  account('grumpy', 'STC', { revenue: 200, ...steady }, { revenue: 200, nps: 3, ...steady }),
  account('smalldrop', 'STC', { revenue: 1000, ...steady }, { revenue: 500, ...steady }),
  account('fallen', 'STC', { revenue: 2500, tier: 'MVC', ...steady }, { revenue: 2500, ...steady }),
  account('slipped', 'MGC', { revenue: 2000, tier: 'MVC', ...steady }, { revenue: 2000, ...steady }),
  account('gone', 'MGC', { revenue: 2000, ...steady }, { revenue: 0, profit: -100, nps: 2 }),
  account('goals', 'STC', { revenue: 1000, nps: 9, csat: 3, ...steady }, { revenue: 1000, nps: 9, csat: 3, ...steady }, { goals: { revenue: 1200, nps: 8, csat: 4 } }),
];
const feed = parseFeed({ version: 1, periods: { order: ['2026-Q1', '2026-Q2', '2026-Q3'], current: '2026-Q3' }, accounts });
const portfolioWith = (flags: Partial<FlagRules> = {}) => new Portfolio(feed.accounts, { flags: { ...DEFAULT_FLAG_RULES, ...flags } }, feed.columns, feed.history);
const portfolio = portfolioWith();
const result = portfolio.flags();
const byId = (id: string) => result.accounts.find((entry) => entry.account.id === id)?.flags ?? [];
const at = (id: string) => portfolio.indexOf(id);
const flag = (id: string, type: RedFlag['type'], severity: RedFlag['severity'], code: string, values: RedFlag['values']): RedFlag => ({ type, severity, index: at(id), code, values });

describe('the fixture', () => {
  it('is read whole: every field kept, three quarters', () => {
    expect(feed.ignoredFields).toEqual([]);
    expect(portfolio.periods().labels).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  });
});

describe('accountFlags: each type and code, with its figures', () => {
  it('revenue going elsewhere: down 10% or more against the previous period', () => {
    expect(byId('drop')).toEqual([flag('drop', 'revenue-elsewhere', 'warning', 'revenue-drop', { revenue: 800, previousRevenue: 1000, drop: 0.19999999999999996, period: '2026-Q2' })]);
  });

  it('revenue going elsewhere: down two periods in a row, by 10% or more over both', () => {
    expect(byId('slide')).toEqual([
      flag('slide', 'revenue-elsewhere', 'warning', 'falling', { revenue: 900, previousRevenue: 950, earlierRevenue: 1000, drop: 1 - 900 / 1000, period: '2026-Q2', earlierPeriod: '2026-Q1' }),
    ]);
    expect(byId('dip')).toEqual([]); // 1000 -> 960 -> 910: 9%
  });

  it('revenue going elsewhere: share of wallet down 5 points or more', () => {
    expect(byId('wallet')).toEqual([
      flag('wallet', 'revenue-elsewhere', 'warning', 'wallet-share', { share: 0.5, previousShare: 0.625, revenue: 500, potential: 1000, previousRevenue: 500, previousPotential: 800, period: '2026-Q2' }),
    ]);
  });

  it('ROI falling: ROI down by a fifth or more; none at zero cost or without profit', () => {
    expect(byId('roi')).toEqual([flag('roi', 'roi-falling', 'warning', 'roi-drop', { roi: 0.3, previousRoi: 0.5, drop: (0.5 - 0.3) / 0.5, period: '2026-Q2' })]);
    expect(byId('free')).toEqual([]);
    expect(byId('noprofit')).toEqual([]);
  });

  it('key account at a loss: an MVC of last period with profit below zero now (severe), and no ROI flag beside it (its ROI fell too)', () => {
    expect(byId('lossmaker')).toEqual([flag('lossmaker', 'key-account-loss', 'severe', 'was-key', { profit: -50, revenue: 3000, tier: 'MVC', period: '2026-Q2' })]);
  });

  it('unhappy key account: a detractor, NPS down 2 points, CSAT down half a point; not for other accounts', () => {
    expect(byId('detractor')).toEqual([flag('detractor', 'unhappy', 'warning', 'detractor', { nps: 5 })]);
    expect(byId('npsdrop')).toEqual([flag('npsdrop', 'unhappy', 'warning', 'nps-drop', { nps: 7, previousNps: 9, period: '2026-Q2' })]);
    expect(byId('csatdrop')).toEqual([flag('csatdrop', 'unhappy', 'warning', 'csat-drop', { csat: 4, previousCsat: 5, period: '2026-Q2' })]);
    expect(byId('grumpy')).toEqual([]);
  });

  it('tier loss: an MVC of last period lower now, severe below MGC', () => {
    expect(byId('fallen')).toEqual([flag('fallen', 'tier-loss', 'severe', 'from-mvc', { previousTier: 'MVC', tier: 'STC', period: '2026-Q2' })]);
    expect(byId('slipped')).toEqual([flag('slipped', 'tier-loss', 'warning', 'from-mvc', { previousTier: 'MVC', tier: 'MGC', period: '2026-Q2' })]);
  });

  it('lost key account: a key account of last period without revenue now, that flag alone', () => {
    expect(byId('gone')).toEqual([flag('gone', 'lost-key-account', 'severe', 'no-revenue', { previousRevenue: 2000, previousTier: 'MGC', period: '2026-Q2' })]);
  });

  it('not for an account that is not a key account: revenue halved, a detractor', () => {
    expect(byId('smalldrop')).toEqual([]);
    expect(byId('grumpy')).toEqual([]);
  });

  it('goal missed: one flag per goal of the account the figure is below, key account or not', () => {
    expect(byId('goals')).toEqual([flag('goals', 'goal-missed', 'warning', 'revenue', { goal: 1200, value: 1000 }), flag('goals', 'goal-missed', 'warning', 'csat', { goal: 4, value: 3 })]);
  });
});

describe('accountFlags: order, levels and counts', () => {
  it('lists the flagged accounts most severe first, then by revenue, then by name', () => {
    expect(result.accounts.map((entry) => entry.account.id)).toEqual([
      'lossmaker', // severe, 3000
      'fallen', // severe, 2500
      'gone', // severe, 0
      'slipped', // 2000
      'csatdrop', // 1500
      'npsdrop', // 1100
      'goals', // 1000
      'slide', // 900
      'drop', // 800
      'detractor', // 700
      'roi', // 500, 'roi' before 'wallet'
      'wallet', // 500
    ]);
    expect(result.accounts.slice(0, 3).every((entry) => entry.severity === 'severe')).toBe(true);
  });

  it('gives each account its level and position, counts accounts per type and the severe ones', () => {
    expect([...result.level]).toEqual(accounts.map(({ id }) => (['lossmaker', 'fallen', 'gone'].includes(id) ? 2 : result.accounts.some((e) => e.account.id === id) ? 1 : 0)));
    expect(result.position[at('lossmaker')]).toBe(0);
    expect(result.position[at('wallet')]).toBe(11);
    expect(result.position[at('dip')]).toBe(-1);
    expect(result.counts).toEqual({ 'revenue-elsewhere': 3, 'roi-falling': 1, 'key-account-loss': 1, unhappy: 3, 'tier-loss': 2, 'lost-key-account': 1, 'goal-missed': 1 });
    expect(result.severe).toBe(3);
  });

  it('puts an account’s severe flags first, then its flags in the order of the types', () => {
    const both = parseFeed({
      version: 1,
      periods: { order: ['2026-Q2', '2026-Q3'], current: '2026-Q3' },
      accounts: [
        { id: 'x', name: 'x', revenue: 50, profit: 5, nps: 4, tier: 'STC', history: [{ period: '2026-Q2', revenue: 100, profit: 5, tier: 'MVC' }] },
        { id: 'y', name: 'y', revenue: 900, profit: 5, tier: 'STC', history: [{ period: '2026-Q2', revenue: 900, profit: 5, tier: 'STC' }] },
      ],
    });
    const flags = new Portfolio(both.accounts, {}, both.columns, both.history).flags().accounts[0]!.flags;
    expect(flags.map((f) => `${f.severity} ${f.type}/${f.code}`)).toEqual(['severe tier-loss/from-mvc', 'warning revenue-elsewhere/revenue-drop', 'warning unhappy/detractor']);
  });

  it('is cached on the portfolio', () => {
    expect(portfolio.flags()).toBe(result);
  });
});

describe('accountFlags: thresholds as options', () => {
  it('revenueDrop: a 25% threshold leaves the 20% drop and the 10% slide', () => {
    const flags = accountFlags(portfolioWith({ revenueDrop: 0.25 }));
    expect(flags.accounts.find((e) => e.account.id === 'drop')).toBeUndefined();
    expect(flags.accounts.find((e) => e.account.id === 'slide')).toBeUndefined();
    expect(flags.counts['revenue-elsewhere']).toBe(1); // wallet
  });

  it('walletDrop, roiDrop, npsDrop, csatDrop: each above the fixture’s fall leaves its flag', () => {
    const flags = accountFlags(portfolioWith({ walletDrop: 0.13, roiDrop: 0.41, npsDrop: 3, csatDrop: 1.5 }));
    const ids = flags.accounts.map((e) => e.account.id);
    for (const id of ['wallet', 'roi', 'npsdrop', 'csatdrop']) expect(ids).not.toContain(id);
    expect(ids).toContain('detractor');
  });

  it('reaching a threshold exactly is enough (float error tolerated)', () => {
    const flags = accountFlags(portfolioWith({ walletDrop: 0.125, roiDrop: 0.4, npsDrop: 2, csatDrop: 1 }));
    const ids = flags.accounts.map((e) => e.account.id);
    for (const id of ['wallet', 'roi', 'npsdrop', 'csatdrop']) expect(ids).toContain(id);
  });

  it('has documented defaults', () => {
    expect(DEFAULT_FLAG_RULES).toEqual({ revenueDrop: 0.1, walletDrop: 0.05, roiDrop: 0.2, npsDrop: 2, csatDrop: 0.5 });
    expect(portfolio.rules.flags).toEqual(DEFAULT_FLAG_RULES);
  });
});

describe('accountFlags: edge cases', () => {
  it('without history: only what needs no previous period (a given key tier at a loss, a detractor, a goal)', () => {
    const alone = parseFeed({
      version: 1,
      accounts: [
        { id: 'a', name: 'a', revenue: 100, profit: -5, tier: 'MGC' },
        { id: 'b', name: 'b', revenue: 90, profit: 5, tier: 'MVC', nps: 6 },
        { id: 'c', name: 'c', revenue: 80, profit: -1, goals: { profit: 0 } },
        { id: 'd', name: 'd', revenue: 70, nps: 0, tier: 'STC' }, // not a key account
      ],
    });
    const flags = new Portfolio(alone.accounts, {}, alone.columns, alone.history).flags();
    expect(flags.accounts.map((e) => e.flags)).toEqual([
      [{ type: 'key-account-loss', severity: 'severe', index: 0, code: 'given-key', values: { profit: -5, revenue: 100, tier: 'MGC', period: '' } }],
      [{ type: 'unhappy', severity: 'warning', index: 1, code: 'detractor', values: { nps: 6 } }],
      [{ type: 'goal-missed', severity: 'warning', index: 2, code: 'profit', values: { goal: 0, value: -1 } }],
    ]);
  });

  it('an empty portfolio has no flags', () => {
    const flags = new Portfolio([]).flags();
    expect(flags).toMatchObject({ accounts: [], severe: 0 });
    expect(flags.level).toHaveLength(0);
  });

  it('no profit, no potential, no survey answers: no flag but revenue', () => {
    const bare = parseFeed({
      version: 1,
      periods: { order: ['2026-Q2', '2026-Q3'], current: '2026-Q3' },
      accounts: [{ id: 'a', name: 'a', revenue: 100, tier: 'MVC', history: [{ period: '2026-Q2', revenue: 100, tier: 'MVC' }] }],
    });
    expect(new Portfolio(bare.accounts, {}, bare.columns, bare.history).flags().accounts).toEqual([]);
  });
});

describe('a narrowed portfolio', () => {
  it('keeps the whole feed’s flags of its accounts, in the same order, indexed among its accounts', () => {
    const indexes = Uint32Array.from([at('drop'), at('dip'), at('slipped'), at('gone')]);
    const narrowed = portfolio.narrow(indexes).flags();
    expect(narrowed.accounts.map((e) => [e.account.id, e.index])).toEqual([
      ['gone', 3],
      ['slipped', 2],
      ['drop', 0],
    ]);
    expect(narrowed.accounts[1]!.flags).toEqual([{ ...byId('slipped')[0]!, index: 2 }]);
    expect([...narrowed.level]).toEqual([1, 0, 1, 2]);
    expect([...narrowed.position]).toEqual([2, -1, 1, 0]);
    expect(narrowed.counts).toEqual({ 'revenue-elsewhere': 1, 'roi-falling': 0, 'key-account-loss': 0, unhappy: 0, 'tier-loss': 1, 'lost-key-account': 1, 'goal-missed': 0 });
    expect(narrowed.severe).toBe(1);
  });

  it('a filter never changes a flag: slipped alone is still an MVC of last period', () => {
    const alone = portfolio.narrow(Uint32Array.from([at('slipped')])).flags();
    expect(alone.accounts[0]!.flags).toEqual([{ ...byId('slipped')[0]!, index: 0 }]);
  });
});

describe('kpiGoalFlags', () => {
  const kpi = (id: string, value: number | null, previous: number | undefined, better: 'higher' | 'lower', target?: number): Kpi => ({
    id,
    label: id.toUpperCase(),
    value,
    available: value !== null,
    unit: 'percent',
    better,
    definition: '',
    formula: '',
    source: 'derived',
    previousPeriod: '2026-Q2',
    ...(previous === undefined ? {} : { previous }),
    ...(target === undefined ? {} : { target }),
  });

  it('flags a KPI off its target now and in the previous period, for the portfolio (index -1)', () => {
    const flags = kpiGoalFlags([kpi('nrr', 0.92, 0.95, 'higher'), kpi('churn', 0.1, 0.12, 'lower')], { nrr: 1, churn: 0.08 });
    expect(flags).toEqual([
      { type: 'goal-missed', severity: 'warning', index: -1, code: 'kpi', values: { kpi: 'nrr', label: 'NRR', unit: 'percent', better: 'higher', value: 0.92, previous: 0.95, target: 1, period: '2026-Q2' } },
      { type: 'goal-missed', severity: 'warning', index: -1, code: 'kpi', values: { kpi: 'churn', label: 'CHURN', unit: 'percent', better: 'lower', value: 0.1, previous: 0.12, target: 0.08, period: '2026-Q2' } },
    ]);
  });

  it('not when one of the two periods is on target, without a previous value or a value, or without a target', () => {
    const flags = kpiGoalFlags(
      [kpi('a', 0.9, 1, 'higher'), kpi('b', 1, 0.9, 'higher'), kpi('c', 0.9, undefined, 'higher'), kpi('d', null, 0.9, 'higher'), kpi('e', 0.9, 0.9, 'higher'), kpi('f', 0.08, 0.08, 'lower')],
      { a: 1, b: 1, c: 1, d: 1, f: 0.08 },
    );
    expect(flags).toEqual([]);
  });

  it('takes the KPI’s own target when the map has none, the map’s over it', () => {
    expect(kpiGoalFlags([kpi('a', 0.9, 0.9, 'higher', 0.95)], {}).map((f) => f.values.target)).toEqual([0.95]);
    expect(kpiGoalFlags([kpi('a', 0.9, 0.9, 'higher', 0.95)], { a: 0.85 })).toEqual([]);
  });
});

describe('flagText', () => {
  const money = (v: number) => `€${v}`;
  const percent = (f: number) => `${Math.round(f * 100)}%`;
  const text = (id: string, n = 0) => flagText(byId(id)[n]!, money, percent);

  it('words each code with its figures', () => {
    expect(text('drop')).toBe('Revenue fell 20% against 2026-Q2 (from €1000 to €800).');
    expect(text('slide')).toBe('Revenue fell two periods in a row, 10% since 2026-Q1 (from €1000 to €950 to €900).');
    expect(text('wallet')).toBe('Share of wallet fell from 63% to 50% of potential against 2026-Q2 (revenue €500 of €1000).');
    expect(text('roi')).toBe('ROI fell 40% against 2026-Q2 (from 50% to 30% of the cost to serve).');
    expect(text('lossmaker')).toBe('An MVC in 2026-Q2 now at a loss: profit €-50 on revenue of €3000.');
    expect(text('detractor')).toBe("NPS answer 5: a detractor's (0 to 6).");
    expect(text('npsdrop')).toBe('NPS fell from 9 to 7 against 2026-Q2.');
    expect(text('csatdrop')).toBe('Satisfaction (CSAT) fell from 5 to 4 against 2026-Q2.');
    expect(text('fallen')).toBe('An MVC in 2026-Q2, STC now.');
    expect(text('gone')).toBe('No revenue this period, after €2000 in 2026-Q2 as an MGC.');
    expect(text('goals')).toBe('Revenue of €1000 is below its goal of €1200.');
    expect(text('goals', 1)).toBe('Satisfaction (CSAT) of 3 is below its goal of 4.');
  });

  it('words the issue’s example with the caller’s formats', () => {
    const flag: RedFlag = { type: 'revenue-elsewhere', severity: 'warning', index: 0, code: 'revenue-drop', values: { revenue: 980_000, previousRevenue: 1_200_000, drop: 0.18333, period: '2026-Q2' } };
    const eur = (v: number) => `€${v / 1e6}M`;
    expect(flagText(flag, eur, percent)).toBe('Revenue fell 18% against 2026-Q2 (from €1.2M to €0.98M).');
  });

  it('a given key tier, a profit goal, a KPI, and a period the feed does not name', () => {
    const given: RedFlag = { type: 'key-account-loss', severity: 'severe', index: 0, code: 'given-key', values: { profit: -5, revenue: 100, tier: 'MGC', period: '' } };
    expect(flagText(given, money)).toBe('Given the tier MGC in the feed and at a loss: profit €-5 on revenue of €100.');
    const unnamed: RedFlag = { type: 'unhappy', severity: 'warning', index: 0, code: 'nps-drop', values: { nps: 4, previousNps: 8, period: 'previous period' } };
    expect(flagText(unnamed)).toBe('NPS fell from 8 to 4 against the previous period.');
    const [nrr] = kpiGoalFlags([{ id: 'nrr', label: 'Net revenue retention', value: 0.92, previous: 0.95, target: 1, better: 'higher', unit: 'percent', available: true, definition: '', formula: '', source: 'derived', previousPeriod: '2026-Q2' }], {});
    expect(flagText(nrr!, money, percent)).toBe('Net revenue retention of 92% is below its target of 100% for a second period (95% in 2026-Q2).');
  });

  it('every type has a label and a definition', () => {
    for (const type of FLAG_TYPES) {
      expect(FLAG_META[type].label).not.toBe('');
      expect(FLAG_META[type].definition.length).toBeGreaterThan(20);
    }
  });
});
