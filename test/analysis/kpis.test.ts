import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/feed/schema.js';
import { KPI_IDS, deriveKpis, revenueHistory, type Kpi } from '../../src/analysis/index.js';

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
