import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/feed/schema.js';
import { KPI_IDS, deriveKpis, pareto, revenueHistory, type Kpi } from '../../src/analysis/index.js';

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
    expect(KPI_IDS).toEqual(['revenue-growth', 'retention', 'churn', 'nrr', 'nps', 'csat', 'clv', 'upsell', 'referenceable', 'top20-share']);
    expect(kpis.every((x) => x.source === 'derived' && x.available)).toBe(true);
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

  it('no previousRevenue at all: growth, retention, churn, NRR unavailable', () => {
    const k = byId(deriveKpis([acc('a', 10), acc('b', 5)]));
    for (const id of ['revenue-growth', 'retention', 'churn', 'nrr']) {
      expect(k.get(id)).toMatchObject({ value: null, available: false, unavailableReason: 'No account has previousRevenue.' });
    }
  });

  it('previousRevenue only 0: growth is undefined, nobody was active last period', () => {
    const k = byId(deriveKpis([acc('a', 10, { previousRevenue: 0 })]));
    expect(k.get('revenue-growth')!.available).toBe(false);
    expect(k.get('revenue-growth')!.unavailableReason).toMatch(/previousRevenue is 0/);
    expect(k.get('retention')!.unavailableReason).toBe('No account has previousRevenue above 0.');
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

describe('revenueHistory and growth history', () => {
  it('sums revenue per period, oldest first, even when a later account has an earlier period', () => {
    const accounts = [
      acc('p', 20, { history: [{ period: '2025-Q3', revenue: 10 }, { period: '2025-Q4', revenue: 20 }] }),
      acc('q', 10, {
        history: [
          { period: '2025-Q2', revenue: 5 },
          { period: '2025-Q3', revenue: 10 },
          { period: '2025-Q4', revenue: 10 },
        ],
      }),
    ];
    expect(revenueHistory(accounts)).toEqual([
      { period: '2025-Q2', revenue: 5 },
      { period: '2025-Q3', revenue: 20 },
      { period: '2025-Q4', revenue: 30 },
    ]);
    expect(revenueHistory([acc('x', 1)])).toEqual([]);
  });

  it('revenue growth carries period-over-period growth, from the last zero period on', () => {
    const history = [
      { period: 'P1', revenue: 0 },
      { period: 'P2', revenue: 10 },
      { period: 'P3', revenue: 15 },
      { period: 'P4', revenue: 12 },
    ];
    const growth = deriveKpis([acc('a', 12, { previousRevenue: 10, history })]).find((x) => x.id === 'revenue-growth')!;
    expect(growth.history).toEqual([0.5, 12 / 15 - 1]);
    const single = deriveKpis([acc('a', 12, { previousRevenue: 10, history: [{ period: 'P1', revenue: 3 }] })]);
    expect(single.find((x) => x.id === 'revenue-growth')!.history).toBeUndefined();
  });
});

describe('previous values: derived where the data allows, else the reason', () => {
  // Yearly histories named like the feed's periods. Current growth over p, q: (132 + 60) / (110 + 50) − 1 = 20%.
  // Previous (FY2025 over FY2024, accounts listing both): (110 + 50) / (100 + 40) − 1 = 160 / 140 − 1 = 14.29%.
  const yearly = [
    acc('p', 132, { previousRevenue: 110, history: [{ period: 'FY2024', revenue: 100 }, { period: 'FY2025', revenue: 110 }, { period: 'FY2026', revenue: 132 }] }),
    acc('q', 60, { previousRevenue: 50, history: [{ period: 'FY2024', revenue: 40 }, { period: 'FY2025', revenue: 50 }, { period: 'FY2026', revenue: 60 }] }),
    acc('r', 20, { history: [{ period: 'FY2026', revenue: 20 }] }), // new: lists neither FY2024 nor FY2025
  ];
  const growth = (accounts: Account[], previous?: string) =>
    deriveKpis(accounts, previous === undefined ? {} : { periods: { previous } }).find((x) => x.id === 'revenue-growth')!;

  it('revenue growth of the previous period, from the histories, when the feed names that period', () => {
    const g = growth(yearly, 'FY2025');
    expect(g.value).toBe(192 / 160 - 1);
    expect(g.previous).toBe(160 / 140 - 1);
    expect(g.previousUnavailableReason).toBeUndefined();
  });

  it('only accounts listing the period right before the previous one count (a gap in a history leaves it out)', () => {
    const gap = acc('s', 90, { previousRevenue: 80, history: [{ period: 'FY2023', revenue: 70 }, { period: 'FY2025', revenue: 80 }] });
    expect(growth([...yearly, gap], 'FY2025').previous).toBe(160 / 140 - 1);
  });

  it('says why there is no previous growth', () => {
    expect(growth(yearly).previousUnavailableReason).toBe(
      'The feed does not name its previous period (periods.previous), so account histories cannot give its growth.',
    );
    // quarterly histories (as in the sample feed) do not list a yearly label
    expect(growth(yearly, '2025').previousUnavailableReason).toBe('No account history lists the previous period (2025).');
    expect(growth(yearly, 'FY2024').previousUnavailableReason).toBe('No account history lists a period right before FY2024.');
    const zero = [acc('z', 10, { previousRevenue: 5, history: [{ period: 'A', revenue: 0 }, { period: 'B', revenue: 5 }] })];
    expect(growth(zero, 'B').previousUnavailableReason).toBe('Revenue in A is 0, so the growth of B is undefined.');
  });

  it('every other derived KPI has no previous value and says why; a KPI that is not available has neither', () => {
    const kpis = deriveKpis(feed, { periods: { previous: 'FY2025' } });
    for (const kpi of kpis) {
      expect(kpi.previous).toBeUndefined();
      expect(kpi.previousUnavailableReason!.length).toBeGreaterThan(20);
    }
    expect(byId(kpis).get('nps')!.previousUnavailableReason).toBe("The feed holds only each account's latest NPS answer.");
    expect(byId(kpis).get('retention')!.previousUnavailableReason).toMatch(/^Not derived: it needs the accounts active two periods back/);
    const none = byId(deriveKpis([acc('a', 10)]));
    expect(none.get('nps')).not.toHaveProperty('previousUnavailableReason');
    expect(none.get('nps')).not.toHaveProperty('previous');
  });

  it('an override brings its previous value, or says the feed reports none', () => {
    const k = byId(deriveKpis(feed, { overrides: [{ id: 'nps', value: 40, previous: 45 }, { id: 'csat', value: 0.8 }] }));
    expect(k.get('nps')).toMatchObject({ previous: 45 });
    expect(k.get('nps')!.previousUnavailableReason).toBeUndefined();
    expect(k.get('csat')!.previousUnavailableReason).toBe('The feed reports no previous value for this KPI.');
  });
});

describe('top-20% share without a full ranking', () => {
  it('fractional revenue: the same value as the Pareto ranking, to the last bit', () => {
    const accounts = [0.1, 0.2, 0.3, 1e-7, 123.456, 7.7, 0.3, 99.99, 5e3, 0.07, 1 / 3].map((r, i) => acc(`a${i}`, r));
    const share = deriveKpis(accounts).find((x) => x.id === 'top20-share')!;
    const p = pareto(accounts);
    // ceil(11 / 5) = 3 accounts: 5000, 123.456, 99.99
    expect(share.base).toEqual({ numerator: 5000 + 123.456 + 99.99, denominator: p.total, unit: 'currency', accounts: 3 });
    expect(share.value).toBe(p.top20Share);
  });

  it('reuses a Pareto result for the same accounts', () => {
    const p = pareto(feed);
    expect(deriveKpis(feed, { shares: p }).find((x) => x.id === 'top20-share')).toEqual(deriveKpis(feed).find((x) => x.id === 'top20-share'));
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
    expanded: maybe(fc.boolean()),
    referenceable: maybe(fc.boolean()),
    history: maybe(fc.array(fc.record({ period: periodArb, revenue: moneyArb }), { maxLength: 5 })),
  },
  { requiredKeys: ['id', 'name', 'revenue'] },
);
const accountsArb = fc.array(accountArb, { maxLength: 30 });

/** The history rule of the module comment, written plainly (one map lookup per point), to check the fast path against. */
function plainRevenueHistory(accounts: readonly Account[]): { period: string; revenue: number }[] {
  const order: string[] = [];
  const sums = new Map<string, number>();
  for (const a of accounts) {
    const h = a.history ?? [];
    h.forEach((point, i) => {
      if (!sums.has(point.period)) {
        const later = h.slice(i + 1).find((q) => sums.has(q.period));
        order.splice(later ? order.indexOf(later.period) : order.length, 0, point.period);
        sums.set(point.period, 0);
      }
      sums.set(point.period, sums.get(point.period)! + point.revenue);
    });
  }
  return order.map((period) => ({ period, revenue: sums.get(period)! }));
}

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
        const withPrevious = accounts.filter((a) => has(a.previousRevenue));
        const expected: Record<string, boolean> = {
          'revenue-growth': withPrevious.reduce((s, a) => s + a.previousRevenue!, 0) > 0,
          retention: some((a) => (a.previousRevenue ?? 0) > 0),
          churn: some((a) => (a.previousRevenue ?? 0) > 0),
          nrr: some((a) => (a.previousRevenue ?? 0) > 0),
          nps: some((a) => has(a.nps)),
          csat: some((a) => has(a.csat)),
          clv: some((a) => has(a.clv)),
          upsell: some((a) => a.revenue > 0 && has(a.expanded)),
          referenceable: some((a) => has(a.referenceable)),
          'top20-share': some((a) => a.revenue > 0),
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

  it('top-20% share equals the Pareto ranking to the last bit; revenue history equals the plain rule', () => {
    fc.assert(
      fc.property(accountsArb, (accounts) => {
        const share = byId(deriveKpis(accounts)).get('top20-share')!;
        const p = pareto(accounts);
        if (share.available) {
          expect(share.value).toBe(p.top20Share);
          expect(share.base).toMatchObject({ denominator: p.total, accounts: p.top20Count });
        }
        expect(revenueHistory(accounts)).toEqual(plainRevenueHistory(accounts));
      }),
    );
  });
});
