import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/feed/schema.js';
import { KPI_IDS, Portfolio, deriveKpis, pareto, portfolioKpis, type Kpi } from '../../src/analysis/index.js';
import type { Feed } from '../../src/feed/parse.js';

const portfolioKpisOf = (feed: Feed) => portfolioKpis(new Portfolio(feed.accounts, {}, feed.columns, feed.history));

const acc = (id: string, revenue: number, extra: Partial<Account> = {}): Account => ({ id, name: id, revenue, ...extra });

// Hand-computed feed. "Active last period" = previousRevenue > 0: a, b, e.
const feed: Account[] = [
  acc('a', 120, { previousRevenue: 100, nps: 10, csat: 5, clv: 1000, expanded: true, referenceable: true }),
  acc('b', 0, { previousRevenue: 50, nps: 3, csat: 2, expanded: false, referenceable: false }), // churned
  acc('c', 80, { previousRevenue: 0, nps: 8, csat: 4, clv: 500, expanded: false }), // not active last period
  acc('d', 50, { nps: 9, expanded: true }), // new: no previousRevenue
  acc('e', 30, { previousRevenue: 40, csat: 3, referenceable: false, expanded: true }),
];

const byId = (kpis: Kpi[]) => new Map(kpis.map((k) => [k.id, k]));

describe('deriveKpis: definitions on a hand-computed feed', () => {
  const kpis = deriveKpis(feed);
  const k = byId(kpis);

  it('returns the KPIs in a fixed order, all derived', () => {
    expect(kpis.map((x) => x.id)).toEqual([...KPI_IDS]);
    expect(KPI_IDS).toEqual(['revenue-growth', 'retention', 'churn', 'nrr', 'nps', 'csat', 'clv', 'upsell', 'referenceable', 'top20-share', 'roi']);
    expect(kpis.every((x) => x.source === 'derived')).toBe(true);
    // Every one available but ROI: no account of this feed has a cost to serve.
    expect(kpis.filter((x) => !x.available).map((x) => x.id)).toEqual(['roi']);
  });

  it('revenue growth: (120 + 0 + 80 + 30) / (100 + 50 + 0 + 40) − 1 over the accounts with previousRevenue', () => {
    expect(k.get('revenue-growth')).toMatchObject({ value: 230 / 190 - 1, unit: 'percent', better: 'higher' });
    expect(k.get('revenue-growth')!.base).toEqual({ numerator: 230, denominator: 190, unit: 'currency', accounts: 4 });
  });

  it('retention: 2 of the 3 accounts active last period still have revenue; churn is the other 1', () => {
    expect(k.get('retention')).toMatchObject({ value: 2 / 3, base: { numerator: 2, denominator: 3, unit: 'accounts', accounts: 3 } });
    expect(k.get('churn')).toMatchObject({ value: 1 / 3, better: 'lower', base: { numerator: 1, denominator: 3 } });
    expect(k.get('churn')!.value).toBeCloseTo(1 - k.get('retention')!.value!, 15);
  });

  it('NRR: revenue of last period’s accounts (120 + 0 + 30) over their previous revenue (190)', () => {
    expect(k.get('nrr')).toMatchObject({ value: 150 / 190, base: { numerator: 150, denominator: 190, unit: 'currency' } });
  });

  it('NPS: 2 promoters (10, 9), 1 passive (8), 1 detractor (3) of 4 -> 50% − 25% = 25', () => {
    expect(k.get('nps')).toMatchObject({ value: 25, unit: 'score', parts: { promoters: 2, passives: 1, detractors: 1 } });
  });

  it('CSAT: ratings 5, 2, 4, 3 -> 2 of 4 satisfied', () => {
    expect(k.get('csat')).toMatchObject({ value: 0.5, base: { numerator: 2, denominator: 4 } });
  });

  it('CLV: average of 1000 and 500 over the accounts that have it', () => {
    expect(k.get('clv')).toMatchObject({ value: 750, unit: 'currency', base: { numerator: 1500, denominator: 2, accounts: 2 } });
  });

  it('up-sell: 3 of the 4 accounts with revenue and an expanded flag expanded (b has no revenue)', () => {
    expect(k.get('upsell')).toMatchObject({ value: 0.75, base: { numerator: 3, denominator: 4 } });
  });

  it('up-sell: an account with revenue but no expanded value is left out of the denominator, not counted as "did not expand"', () => {
    // f has revenue 60 and no expanded field: still 3 of 4 (not 3 of 5 = 60%)
    const upsell = deriveKpis([...feed, acc('f', 60)]).find((x) => x.id === 'upsell')!;
    expect(upsell).toMatchObject({ value: 0.75, base: { numerator: 3, denominator: 4, accounts: 4 } });
    expect(upsell.parts).toEqual({ expanded: 3, notExpanded: 1, unrecorded: 1 });
    expect(upsell.definition).toBe(
      'Accounts with revenue above 0 that expanded (expanded = true: bought more or another product this period), as a share of the accounts with revenue above 0 that have an expanded value (true or false). Accounts with revenue but no expanded value are left out: unknown is not "did not expand".',
    );
    expect(upsell.formula).toBe('expanded ÷ accounts with revenue > 0 and an expanded value');
  });

  it('referenceable: 1 of the 3 accounts where it is recorded', () => {
    expect(k.get('referenceable')).toMatchObject({ value: 1 / 3, base: { numerator: 1, denominator: 3 } });
  });

  it('top-20% share: ceil(5 / 5) = 1 account holds 120 of 280', () => {
    expect(k.get('top20-share')).toMatchObject({ value: 120 / 280, base: { numerator: 120, denominator: 280, accounts: 1 } });
  });

  it('every KPI explains itself', () => {
    for (const x of kpis) {
      expect(x.label.length).toBeGreaterThan(2);
      expect(x.definition.length).toBeGreaterThan(20);
      expect(x.formula.length).toBeGreaterThan(3);
    }
    expect(k.get('retention')!.formula).toBe('retained ÷ active last period');
  });
});

describe('deriveKpis: missing inputs are not available, never 0', () => {
  it('a feed without survey, CLV, expansion or reference fields', () => {
    const k = byId(deriveKpis([acc('a', 10, { previousRevenue: 8 }), acc('b', 5, { previousRevenue: 5 })]));
    for (const id of ['nps', 'csat', 'clv', 'upsell', 'referenceable']) {
      const kpi = k.get(id)!;
      expect(kpi.value).toBeNull();
      expect(kpi.available).toBe(false);
      expect(kpi.base).toBeUndefined();
    }
    expect(k.get('nps')!.unavailableReason).toBe('No account has an NPS answer (nps).');
    expect(k.get('csat')!.unavailableReason).toBe('No account has a satisfaction rating (csat).');
    expect(k.get('upsell')!.unavailableReason).toBe('No account has the expanded field.');
    expect(k.get('retention')).toMatchObject({ value: 1, available: true });
  });

  it('no previous revenue at all: growth, retention, churn, NRR unavailable', () => {
    const k = byId(deriveKpis([acc('a', 10), acc('b', 5)]));
    for (const id of ['revenue-growth', 'retention', 'churn', 'nrr']) {
      expect(k.get(id)).toMatchObject({ value: null, available: false, unavailableReason: 'No account has a previous revenue (previousRevenue, or a history).' });
    }
  });

  it('previousRevenue only 0: growth is undefined, nobody was active last period', () => {
    const k = byId(deriveKpis([acc('a', 10, { previousRevenue: 0 })]));
    expect(k.get('revenue-growth')!.available).toBe(false);
    expect(k.get('revenue-growth')!.unavailableReason).toBe('The previous revenue is 0 for every account that has one, so growth is undefined.');
    expect(k.get('retention')!.unavailableReason).toBe('No account had revenue in the previous period.');
  });

  it('expanded only on accounts without revenue: up-sell unavailable', () => {
    const k = byId(deriveKpis([acc('a', 0, { expanded: false }), acc('b', 10)]));
    expect(k.get('upsell')!.unavailableReason).toBe('No account with revenue above 0 has the expanded field.');
  });

  it('empty feed and all-zero revenue: top-20% share unavailable', () => {
    expect(byId(deriveKpis([])).get('top20-share')!.unavailableReason).toBe('There are no accounts.');
    expect(byId(deriveKpis([acc('a', 0)])).get('top20-share')!.unavailableReason).toBe('Total revenue is 0.');
  });
});

describe('deriveKpis: overrides from the feed', () => {
  it('an override with a derived id wins entirely, keeping the derived texts when it has no label', () => {
    const k = byId(deriveKpis(feed, { overrides: [{ id: 'nps', value: 42, target: 50, previous: 38, history: [30, 38] }] }));
    expect(k.get('nps')).toEqual({
      id: 'nps',
      label: 'Net Promoter Score',
      value: 42,
      available: true,
      unit: 'score',
      better: 'higher',
      definition: deriveKpis(feed).find((x) => x.id === 'nps')!.definition,
      formula: '% promoters − % detractors',
      base: undefined,
      previous: 38,
      target: 50,
      history: [30, 38],
      source: 'feed',
    });
  });

  it('a relabelled override is described as reported by the feed; unit and direction fall back to the derived ones', () => {
    const k = byId(deriveKpis(feed, { overrides: [{ id: 'churn', label: 'Gross churn', value: 0.05 }] }));
    expect(k.get('churn')).toMatchObject({ label: 'Gross churn', value: 0.05, unit: 'percent', better: 'lower', source: 'feed' });
    expect(k.get('churn')!.definition).toMatch(/feed/);
  });

  it('makes an unavailable KPI available', () => {
    const k = byId(deriveKpis([acc('a', 1)], { overrides: [{ id: 'csat', value: 0.9 }] }));
    expect(k.get('csat')).toMatchObject({ value: 0.9, available: true, source: 'feed' });
    expect(k.get('csat')!.unavailableReason).toBeUndefined();
  });

  it('unknown ids are appended in order; the last override for an id wins', () => {
    const kpis = deriveKpis(feed, {
      overrides: [
        { id: 'meetings', label: 'QBRs held', value: 12 },
        { id: 'nps', value: 1 },
        { id: 'pipeline', value: 3, unit: 'currency' },
        { id: 'nps', value: 2 },
      ],
    });
    expect(kpis.map((x) => x.id)).toEqual([...KPI_IDS, 'meetings', 'pipeline']);
    expect(kpis.find((x) => x.id === 'nps')!.value).toBe(2);
    expect(kpis.at(-2)).toMatchObject({ label: 'QBRs held', unit: 'number', better: 'higher', source: 'feed' });
    expect(kpis.at(-1)).toMatchObject({ label: 'pipeline', unit: 'currency' });
  });
});

describe('KPIs by period: the same definitions on each period\'s figures', () => {
  // Periods P1, P2, P3, then the current period (the accounts' own fields).
  //   a: in every period, growing 100, 110, 120, 150.
  //   b: revenue 50, 40, then 0 in P3 and now: lost in P3 (an explicit 0 is "no revenue", not unknown).
  //   c: new in P3 (30), 60 now; no point for P1 or P2: not in those periods' figures.
  //   d: 20 in P1, missing from P2 (unknown, not 0), 25 in P3, 20 now.
  //   e: new now, no history at all.
  const pt = (period: string, revenue: number, extra: Partial<Account> = {}) => ({ period, revenue, ...extra });
  const accounts: Account[] = [
    acc('a', 150, {
      nps: 9, csat: 5, clv: 1200, expanded: true, referenceable: true,
      history: [
        pt('P1', 100, { nps: 9, csat: 5, clv: 1000, expanded: false, referenceable: true }),
        pt('P2', 110, { nps: 10, csat: 4, expanded: true }),
        pt('P3', 120, { nps: 8, csat: 4, expanded: true, referenceable: true }),
      ],
    }),
    acc('b', 0, { history: [pt('P1', 50, { nps: 3 }), pt('P2', 40, { nps: 5, csat: 2 }), pt('P3', 0)] }),
    acc('c', 60, { nps: 10, history: [pt('P3', 30, { nps: 9 })] }),
    acc('d', 20, { nps: 2, history: [pt('P1', 20), pt('P3', 25)] }),
    acc('e', 40),
  ];
  const k = byId(deriveKpis(accounts));

  it('revenue growth: now (150 + 0 + 60 + 20) / (120 + 0 + 30 + 25) − 1 over a, b, c, d; P3 (120 + 0) / (110 + 40) − 1 over a, b (c is new, d unknown in P2); P2 (110 + 40) / (100 + 50) − 1', () => {
    const growth = k.get('revenue-growth')!;
    expect(growth.value).toBeCloseTo(230 / 175 - 1, 15);
    expect(growth.base).toEqual({ numerator: 230, denominator: 175, unit: 'currency', accounts: 4 });
    expect(growth).toMatchObject({ previous: 120 / 150 - 1, previousPeriod: 'P3', historyPeriods: ['P2', 'P3', 'current period'] });
    // P1 has no period before it: growth is not available there, so the history starts at P2.
    expect(growth.history).toEqual([0, 120 / 150 - 1, 230 / 175 - 1]);
  });

  it('retention and churn: now a, c, d were active in P3 and all still are; in P3, of a and b (active in P2), b was lost', () => {
    expect(k.get('retention')).toMatchObject({ value: 1, previous: 0.5, history: [1, 0.5, 1] });
    expect(k.get('churn')).toMatchObject({ value: 0, previous: 0.5, history: [0, 0.5, 0] });
    expect(k.get('nrr')).toMatchObject({ value: 230 / 175, previous: 120 / 150, history: [1, 0.8, 230 / 175] });
  });

  it('NPS: P1 a 9, b 3 → 0; P2 a 10, b 5 → 0; P3 a 8, c 9 → 50; now a 9, c 10, d 2 → (2 − 1) ÷ 3 × 100', () => {
    expect(k.get('nps')).toMatchObject({ value: (1 / 3) * 100, previous: 50, history: [0, 0, 50, (1 / 3) * 100], historyPeriods: ['P1', 'P2', 'P3', 'current period'] });
  });

  it('CSAT, up-sell, referenceable, top-20% share: by period', () => {
    expect(k.get('csat')).toMatchObject({ value: 1, previous: 1, history: [1, 0.5, 1, 1] }); // P2: a 4, b 2
    expect(k.get('upsell')).toMatchObject({ value: 1, previous: 1, history: [0, 1, 1, 1] }); // a expanded from P2 on
    // Nobody's reference status is known in P2: the history is the run of periods since.
    expect(k.get('referenceable')).toMatchObject({ value: 1, previous: 1, history: [1, 1], historyPeriods: ['P3', 'current period'] });
    // ceil(n / 5) = 1 account in every period: the largest over the period's total.
    expect(k.get('top20-share')).toMatchObject({ value: 150 / 270, previous: 120 / 175, history: [100 / 170, 110 / 150, 120 / 175, 150 / 270] });
  });

  it('a KPI not available in the previous period has no previous value and says why', () => {
    const clv = k.get('clv')!;
    expect(clv).toMatchObject({ value: 1200, available: true });
    expect(clv.previous).toBeUndefined();
    expect(clv.history).toBeUndefined();
    expect(clv.previousUnavailableReason).toBe('Not available for P3: No account has a customer lifetime value (clv).');
  });

  it('without any earlier period, every available KPI says so', () => {
    for (const kpi of deriveKpis([acc('a', 10, { nps: 9 }), acc('b', 5)])) {
      if (!kpi.available) continue;
      expect(kpi.previous).toBeUndefined();
      expect(kpi.previousUnavailableReason).toBe('The feed has no earlier period (no history, no previousRevenue).');
    }
  });

  it('previousRevenue alone gives the previous period its revenue, so retention has a value then only when the period before it is known', () => {
    const retention = byId(deriveKpis([acc('a', 12, { previousRevenue: 10 }), acc('b', 0, { previousRevenue: 5 })])).get('retention')!;
    expect(retention).toMatchObject({ value: 0.5, available: true });
    expect(retention.previousUnavailableReason).toBe('Not available for previous period: No account has a previous revenue (previousRevenue, or a history).');
  });

  it('a history goes back at most 12 periods, the current one included', () => {
    const history = Array.from({ length: 20 }, (_, p) => ({ period: `M${p + 1}`, revenue: 10, nps: 9 }));
    const nps = byId(deriveKpis([acc('a', 10, { nps: 9, history })])).get('nps')!;
    expect(nps.history).toHaveLength(12);
    expect(nps.historyPeriods![0]).toBe('M10');
  });

  it('an override keeps its own previous value and history', () => {
    const nps = byId(deriveKpis(accounts, { overrides: [{ id: 'nps', value: 40, previous: 45, history: [30, 45, 40] }] })).get('nps')!;
    expect(nps).toMatchObject({ value: 40, previous: 45, history: [30, 45, 40], source: 'feed' });
    expect(nps.historyPeriods).toBeUndefined();
    const csat = byId(deriveKpis(accounts, { overrides: [{ id: 'csat', value: 0.8 }] })).get('csat')!;
    expect(csat.previousUnavailableReason).toBe('The feed reports no previous value for this KPI.');
  });
});

describe('top-20% share', () => {
  it('fractional revenue: the same value as the Pareto ranking, to the last bit', () => {
    const accounts = [0.1, 0.2, 0.3, 1e-7, 123.456, 7.7, 0.3, 99.99, 5e3, 0.07, 1 / 3].map((r, i) => acc(`a${i}`, r));
    const share = deriveKpis(accounts).find((x) => x.id === 'top20-share')!;
    const p = pareto(accounts);
    // ceil(11 / 5) = 3 accounts: 5000, 123.456, 99.99
    expect(share.base).toEqual({ numerator: 5000 + 123.456 + 99.99, denominator: p.total, unit: 'currency', accounts: 3 });
    expect(share.value).toBe(p.top20Share);
  });
});

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const moneyArb = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e7, noNaN: true }));
const periodArb = fc.constantFrom('P1', 'P2', 'P3', 'P4');
const accountArb = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 4 }),
    name: fc.string({ maxLength: 3 }),
    revenue: moneyArb,
    previousRevenue: maybe(moneyArb),
    nps: maybe(fc.integer({ min: 0, max: 10 })),
    csat: maybe(fc.double({ min: 1, max: 5, noNaN: true })),
    clv: maybe(moneyArb),
    profit: maybe(fc.integer({ min: -1000, max: 1000 })),
    costToServe: maybe(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 }))),
    expanded: maybe(fc.boolean()),
    referenceable: maybe(fc.boolean()),
    history: maybe(fc.array(fc.record({ period: periodArb, revenue: moneyArb }), { maxLength: 5 })),
  },
  { requiredKeys: ['id', 'name', 'revenue'] },
);
const accountsArb = fc.array(accountArb, { maxLength: 30 });

describe('deriveKpis: properties', () => {
  it('churn + retention = 1 whenever they are available; rates lie in [0, 1]; NPS in [−100, 100]', () => {
    fc.assert(
      fc.property(accountsArb, (accounts) => {
        const k = byId(deriveKpis(accounts));
        const retention = k.get('retention')!;
        const churn = k.get('churn')!;
        expect(churn.available).toBe(retention.available);
        if (retention.available) expect(retention.value! + churn.value!).toBeCloseTo(1, 12);
        for (const id of ['retention', 'churn', 'csat', 'upsell', 'referenceable', 'top20-share']) {
          const value = k.get(id)!.value;
          if (value !== null) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        }
        const nps = k.get('nps')!.value;
        if (nps !== null) {
          expect(nps).toBeGreaterThanOrEqual(-100);
          expect(nps).toBeLessThanOrEqual(100);
        }
        const growth = k.get('revenue-growth')!.value;
        if (growth !== null) expect(growth).toBeGreaterThanOrEqual(-1);
      }),
    );
  });

  it('"not available" exactly when the inputs are absent, and then with a reason and no value', () => {
    fc.assert(
      fc.property(accountsArb, (accounts) => {
        const k = byId(deriveKpis(accounts));
        const some = (test: (a: Account) => boolean) => accounts.some(test);
        const has = (v: unknown) => v !== undefined;
        // The previous revenue as the feed settles it: previousRevenue, or the history's previous period.
        const previous = [...new Portfolio(accounts).columns.previousRevenue];
        const known = previous.filter((v) => !Number.isNaN(v));
        const expected: Record<string, boolean> = {
          'revenue-growth': known.reduce((s, v) => s + v, 0) > 0,
          retention: known.some((v) => v > 0),
          churn: known.some((v) => v > 0),
          nrr: known.some((v) => v > 0),
          nps: some((a) => has(a.nps)),
          csat: some((a) => has(a.csat)),
          clv: some((a) => has(a.clv)),
          upsell: some((a) => a.revenue > 0 && has(a.expanded)),
          referenceable: some((a) => has(a.referenceable)),
          'top20-share': some((a) => a.revenue > 0),
          // ROI: the accounts with both a cost and a profit cost more than 0 together.
          roi: accounts.filter((a) => has(a.costToServe) && has(a.profit)).reduce((sum, a) => sum + a.costToServe!, 0) > 0,
        };
        for (const id of KPI_IDS) {
          const kpi = k.get(id)!;
          expect({ id, available: kpi.available }).toEqual({ id, available: expected[id] });
          expect(kpi.value === null).toBe(!kpi.available);
          expect(!!kpi.unavailableReason).toBe(!kpi.available);
          // an available KPI has a previous value or says why not; an unavailable one has neither
          expect(kpi.previous !== undefined || !!kpi.previousUnavailableReason).toBe(kpi.available);
        }
      }),
    );
  });

  it('top-20% share equals the Pareto ranking to the last bit', () => {
    fc.assert(
      fc.property(accountsArb, (accounts) => {
        const share = byId(deriveKpis(accounts)).get('top20-share')!;
        const p = pareto(accounts);
        if (share.available) {
          expect(share.value).toBe(p.top20Share);
          expect(share.base).toMatchObject({ denominator: p.total, accounts: p.top20Count });
        }
      }),
    );
  });
});

describe('the churn example of docs/feed.md', () => {
  it('is a valid feed whose retention is what the page says: 50% now, 100% in 2026-Q2', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseFeed } = await import('../../src/feed/parse.js');
    const page = readFileSync(new URL('../../docs/feed.md', import.meta.url), 'utf8');
    const section = page.slice(page.indexOf('## Periods and history'));
    const json = /```json\n([\s\S]*?)\n```/.exec(section)![1]!;
    const feed = parseFeed(json);
    expect(feed.ignoredFields).toEqual([]);
    const k = byId(portfolioKpisOf(feed));
    expect(k.get('retention')).toMatchObject({ value: 0.5, previous: 1, previousPeriod: '2026-Q2' });
    expect(k.get('churn')).toMatchObject({ value: 0.5, previous: 0 });
  });
});
