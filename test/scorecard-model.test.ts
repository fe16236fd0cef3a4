import { describe, expect, it } from 'vitest';
import type { Account } from '../src/feed/schema.js';
import { deriveKpis, parseTierGoals, tierGoalProgress } from '../src/analysis/index.js';
import { Portfolio } from '../src/analysis/portfolio.js';
import { formatters } from '../src/internal/format.js';
import { indexesOfIds } from '../src/internal/selection.js';
import { fitText, wrapLines as wrapText } from '../src/internal/text-fit.js';
import { columnsFor, sparkline } from '../src/components/scorecard/scorecard-layout.js';
import { atRiskLimit, kpiChange, kpiStatus, toleranceOf } from '../src/components/scorecard/scorecard-status.js';
import { baseSentence, baseShort, deltaWords, formatDelta, formatKpiValue, statusRule } from '../src/components/scorecard/scorecard-text.js';
import { chooseKpis, historyRows, scorecardModel, selectDetail, type ScorecardInput } from '../src/components/scorecard/scorecard-model.js';
import { parseKpiIds, parseTargets } from '../src/components/scorecard/scorecard-options.js';
import { parseFeed } from '../src/feed/parse.js';

const en = formatters('en-US', 'EUR');
const acc = (id: string, revenue: number, extra: Partial<Account> = {}): Account => ({ id, name: id, revenue, ...extra });

describe('status against a target (tolerance = fraction of the target)', () => {
  it('higher is better: on track at or above the target, at risk down to target − 5% of it, off track below', () => {
    // target 0.95, band 0.05 × 0.95 = 0.0475, limit 0.9025
    expect(atRiskLimit(0.95, 'higher', 0.05)).toBeCloseTo(0.9025, 12);
    expect(kpiStatus(0.96, 0.95, 'higher', 0.05)).toBe('on-track');
    expect(kpiStatus(0.95, 0.95, 'higher', 0.05)).toBe('on-track');
    expect(kpiStatus(0.94, 0.95, 'higher', 0.05)).toBe('at-risk');
    expect(kpiStatus(0.9025, 0.95, 'higher', 0.05)).toBe('at-risk');
    expect(kpiStatus(0.9, 0.95, 'higher', 0.05)).toBe('off-track');
  });

  it('lower is better (churn): on track at or below the target, at risk up to target + 5% of it, off track above', () => {
    // target 0.05, band 0.0025, limit 0.0525
    expect(atRiskLimit(0.05, 'lower', 0.05)).toBeCloseTo(0.0525, 12);
    expect(kpiStatus(0.04, 0.05, 'lower', 0.05)).toBe('on-track');
    expect(kpiStatus(0.05, 0.05, 'lower', 0.05)).toBe('on-track');
    expect(kpiStatus(0.052, 0.05, 'lower', 0.05)).toBe('at-risk');
    expect(kpiStatus(0.0525, 0.05, 'lower', 0.05)).toBe('at-risk');
    expect(kpiStatus(0.06, 0.05, 'lower', 0.05)).toBe('off-track');
  });

  it('tolerates float noise at the limits, scales the band by |target| (negative NPS targets) and honours tolerance 0', () => {
    expect(kpiStatus(0.1 + 0.2, 0.3, 'higher', 0.05)).toBe('on-track');
    expect(kpiStatus(0.1 + 0.2, 0.3, 'lower', 0.05)).toBe('on-track');
    // NPS target −10: band 0.5, limit −10.5
    expect(kpiStatus(-10.2, -10, 'higher', 0.05)).toBe('at-risk');
    expect(kpiStatus(-11, -10, 'higher', 0.05)).toBe('off-track');
    expect(kpiStatus(0.94, 0.95, 'higher', 0)).toBe('off-track');
    expect(kpiStatus(0.94, 0.95, 'higher', 0.2)).toBe('at-risk');
  });

  it('has no status without a target, and none without a value', () => {
    expect(kpiStatus(0.5, undefined, 'higher', 0.05)).toBe('no-target');
    expect(kpiStatus(null, 0.5, 'higher', 0.05)).toBe('not-available');
  });

  it('falls back to 5% for a negative or non-numeric tolerance', () => {
    expect(toleranceOf(0.2)).toBe(0.2);
    expect(toleranceOf(0)).toBe(0);
    expect(toleranceOf(-1)).toBe(0.05);
    expect(toleranceOf(Number.NaN)).toBe(0.05);
    expect(toleranceOf('0.1')).toBe(0.05);
  });

  it('words the rule for the detail', () => {
    expect(statusRule('higher', '95.0%', '90.3%', 0.05, en)).toBe(
      'On track at 95.0% or more; at risk from 90.3% (within 5.0% of the target); off track below 90.3%.',
    );
    expect(statusRule('lower', '5.0%', '5.3%', 0.05, en)).toBe(
      'On track at 5.0% or less; at risk up to 5.3% (within 5.0% of the target); off track above 5.3%.',
    );
  });
});

describe('change against the previous value', () => {
  it('is good or bad by the KPI direction', () => {
    expect(kpiChange(0.03, 0.04, 'lower')).toEqual({ delta: 0.03 - 0.04, direction: 'down', verdict: 'better' });
    expect(kpiChange(0.05, 0.04, 'lower')).toMatchObject({ direction: 'up', verdict: 'worse' });
    expect(kpiChange(30, 35, 'higher')).toEqual({ delta: -5, direction: 'down', verdict: 'worse' });
    expect(kpiChange(0.1 + 0.2, 0.3, 'higher')).toEqual({ delta: 0, direction: 'flat', verdict: 'same' });
    expect(kpiChange(0.3, undefined, 'higher')).toBeUndefined();
    expect(kpiChange(null, 0.3, 'higher')).toBeUndefined();
  });

  it('formats the delta in the unit: percentage points, compact money, NPS points', () => {
    expect(formatDelta('percent', kpiChange(0.052, 0.04, 'higher')!, en)).toBe('+1.2 pp');
    expect(formatDelta('percent', kpiChange(0.03, 0.04, 'lower')!, en)).toBe('−1.0 pp');
    expect(formatDelta('currency', kpiChange(700_000, 1_000_000, 'higher')!, en)).toBe('−€300K');
    expect(formatDelta('score', kpiChange(32, 27, 'higher')!, en)).toBe('+5');
    expect(formatDelta('number', kpiChange(3.1, 3.1, 'higher')!, en)).toBe('±0');
    expect(deltaWords('percent', kpiChange(0.03, 0.04, 'lower')!, en)).toBe('down 1.0 percentage points, better');
    expect(deltaWords('score', kpiChange(27, 32, 'higher')!, en)).toBe('down 5 points, worse');
  });
});

describe('values', () => {
  it('percent with one decimal, money compact (full in the detail), NPS signed', () => {
    expect(formatKpiValue('percent', 0.875, en)).toBe('87.5%');
    expect(formatKpiValue('currency', 1_950_000, en)).toBe('€1.95M');
    expect(formatKpiValue('currency', 1_950_000, en, true)).toBe('€1,950,000');
    expect(formatKpiValue('score', 25, en)).toBe('+25');
    expect(formatKpiValue('score', -12.4, en)).toBe('-12');
    expect(formatKpiValue('score', 0, en)).toBe('0');
    expect(formatKpiValue('percent', 0.875, formatters('de-DE', 'EUR'))).toBe('87,5\u00a0%'); // de-DE puts a no-break space before the sign
  });
});

describe('attributes', () => {
  it('kpis: trimmed ids in order, without repeats; empty means the default', () => {
    expect(parseKpiIds(' nps, churn ,,nps,custom-1 ')).toEqual(['nps', 'churn', 'custom-1']);
    expect(parseKpiIds('')).toBeUndefined();
    expect(parseKpiIds(' , ')).toBeUndefined();
    expect(parseKpiIds(undefined)).toBeUndefined();
  });

  it('targets: "id:number" text or an object; other entries are reported, not guessed', () => {
    const parsed = parseTargets('nps:50, churn:0.05,foo, csat:high,x:y:2');
    expect([...parsed.byId]).toEqual([
      ['nps', 50],
      ['churn', 0.05],
      ['x:y', 2],
    ]);
    expect(parsed.ignored).toEqual(['foo', 'csat:high']);
    expect([...parseTargets({ nps: 40, csat: '0.8', bad: 'x' }).byId]).toEqual([
      ['nps', 40],
      ['csat', 0.8],
    ]);
    expect(parseTargets(undefined).byId.size).toBe(0);
  });
});

describe('which KPIs are shown', () => {
  const kpis = deriveKpis([acc('a', 10, { previousRevenue: 8 })]); // no survey fields
  const missing = (id: string) => ({ ...kpis[0]!, id, label: id, value: null, available: false });

  it('by default every available KPI; the others are listed as hidden', () => {
    const { shown, hidden } = chooseKpis(kpis, undefined, missing);
    expect(shown.map((k) => k.id)).toEqual(['revenue-growth', 'retention', 'churn', 'nrr', 'top20-share']);
    expect(hidden.map((k) => k.id)).toEqual(['nps', 'csat', 'clv', 'upsell', 'referenceable', 'roi']);
  });

  it('the ids asked for, in that order, unknown ones as not available', () => {
    const { shown, hidden } = chooseKpis(kpis, ['nps', 'churn', 'pipeline'], missing);
    expect(shown.map((k) => [k.id, k.available])).toEqual([
      ['nps', false],
      ['churn', true],
      ['pipeline', false],
    ]);
    expect(hidden).toEqual([]);
  });

  it('every KPI when none is available (so the reasons show)', () => {
    const none = deriveKpis([acc('z', 0)]);
    expect(chooseKpis(none, undefined, missing).shown).toHaveLength(11);
  });
});

describe('layout', () => {
  it('one column at 280 px, up to a row of five at 1600 px, never more columns than tiles', () => {
    expect([280, 300, 480, 500, 800, 1000, 1200, 1600].map((w) => columnsFor(w, 10))).toEqual([1, 1, 2, 2, 3, 4, 5, 5]);
    expect(columnsFor(1600, 3)).toBe(3);
    expect(columnsFor(1600, 0)).toBe(1);
  });

  it('sparkline: oldest left, latest right, 1 px inset; a target widens the range', () => {
    expect(sparkline([0, 5, 10], 100, 24)).toEqual({ path: 'M1,23L50,12L99,1', last: { x: 99, y: 1 } });
    expect(sparkline([0, 5, 10], 100, 24, 20)).toEqual({ path: 'M1,23L50,17.5L99,12', last: { x: 99, y: 12 }, targetY: 1 });
    expect(sparkline([4, 4], 100, 24)!.path).toBe('M1,12L99,12');
    expect(sparkline([4], 100, 24)).toBeUndefined();
  });

  it('wraps text into lines, cutting the last allowed one', () => {
    // 100 px at 10 px: 17 characters a line
    expect(wrapText('KPIs of all 250 accounts: 3 on track.', 100, 10, 3)).toEqual(['KPIs of all 250', 'accounts: 3 on', 'track.']);
    expect(wrapText('KPIs of all 250 accounts: 3 on track.', 100, 10, 2)).toEqual(['KPIs of all 250', 'accounts: 3 on t…']);
  });

  it('fits text with an ellipsis', () => {
    expect(fitText('Customer lifetime value', 200, 12)).toBe('Customer lifetime value');
    expect(fitText('Customer lifetime value', 70, 12)).toBe('Customer…'); // 70 / (12 × 0.58) = 10.06 → 10 characters: 9 kept (the space trimmed), then the ellipsis
  });
});

describe('base: every figure traced to what it was computed over', () => {
  it('retention "87.5% = 35 of 40 accounts active last period are still active."', () => {
    const accounts = Array.from({ length: 40 }, (_, i) => acc(`a${i}`, i < 35 ? 10 : 0, { previousRevenue: 10 }));
    const retention = deriveKpis(accounts).find((k) => k.id === 'retention')!;
    expect(baseSentence(retention, en)).toBe('87.5% = 35 of 40 accounts active last period are still active.');
    expect(baseShort(retention, en)).toBe('35 of 40 accounts');
    const churn = deriveKpis(accounts).find((k) => k.id === 'churn')!;
    expect(baseSentence(churn, en)).toBe('12.5% = 5 of 40 accounts active last period have no revenue this period.');
  });

  it('NPS from promoters and detractors; money KPIs with their sums; unavailable with the reason', () => {
    const accounts = [
      acc('a', 120, { previousRevenue: 100, nps: 10, clv: 1000 }),
      acc('b', 0, { previousRevenue: 50, nps: 3 }),
      acc('c', 80, { nps: 8, clv: 500 }),
      acc('d', 50, { nps: 9 }),
    ];
    const k = new Map(deriveKpis(accounts).map((x) => [x.id, x]));
    expect(baseSentence(k.get('nps')!, en)).toBe('+25 = (2 promoters − 1 detractor) ÷ 4 respondents × 100.');
    expect(baseShort(k.get('nps')!, en)).toBe('4 respondents');
    expect(baseSentence(k.get('clv')!, en)).toBe('€750 = €1,500 total CLV ÷ 2 accounts with a CLV.');
    expect(baseSentence(k.get('top20-share')!, en)).toBe('48.0% = €120 of €250 revenue, held by the top 1 account (20%).');
    expect(baseSentence(k.get('csat')!, en)).toBe('Not available: No account has a satisfaction rating (csat).');
    expect(baseShort(k.get('csat')!, en)).toBe('No account has a satisfaction rating (csat).');
  });
});

describe('up-sell base: the denominator is the accounts with revenue and an expanded value', () => {
  it('names the accounts with revenue but no expanded value as left out', () => {
    // with revenue and a flag: a (true), c (false), d (true), e (true) → 3 of 4; f has revenue but no flag; b has no revenue
    const accounts = [
      acc('a', 120, { expanded: true }),
      acc('b', 0, { expanded: false }),
      acc('c', 80, { expanded: false }),
      acc('d', 50, { expanded: true }),
      acc('e', 30, { expanded: true }),
      acc('f', 60),
    ];
    const upsell = deriveKpis(accounts).find((k) => k.id === 'upsell')!;
    expect(baseSentence(upsell, en)).toBe('75.0% = 3 of 4 accounts with revenue and an expanded value expanded. 1 account with revenue but no expanded value is left out.');
    expect(baseShort(upsell, en)).toBe('3 of 4 accounts');
    const recorded = deriveKpis(accounts.slice(0, 5)).find((k) => k.id === 'upsell')!;
    expect(baseSentence(recorded, en)).toBe('75.0% = 3 of 4 accounts with revenue and an expanded value expanded.');
  });
});

describe('scorecardModel', () => {
  // a: active, retained; b: churned; c: previousRevenue 0 (not active last period); d: new.
  const accounts = [
    acc('a', 120, { previousRevenue: 100, nps: 10, csat: 5, segment: 'Corporate' }),
    acc('b', 0, { previousRevenue: 50, nps: 3, csat: 2, segment: 'SMB' }),
    acc('c', 80, { previousRevenue: 0, nps: 8, segment: 'Corporate' }),
    acc('d', 50, { nps: 9, segment: 'SMB' }),
  ];
  const whole = new Portfolio(accounts);
  /** The portfolio as the element hands it over: the whole feed's, narrowed to the accounts a filter keeps. */
  const shown = (kept: readonly Account[]) => whole.narrow(indexesOfIds(whole, kept.map((a) => a.id)));
  const input = (extra: Partial<ScorecardInput> = {}): ScorecardInput => ({
    portfolio: whole,
    overrides: [],
    selection: [],
    filter: undefined,
    ids: undefined,
    targets: parseTargets(''),
    tolerance: 0.05,
    format: en,
    ...extra,
  });

  it('summary: scope, status counts, then every KPI with value and status', () => {
    const card = scorecardModel(input({ ids: ['retention', 'churn', 'nps', 'csat'], targets: parseTargets('retention:0.6,churn:0.5,nps:30') }));
    // retention 1/2 = 50% vs 60% (limit 57%): off track; churn 1/2 = 50% vs 50%: on track; NPS (2 − 1) / 4 = +25 vs 30 (limit 28.5): off track.
    expect(card.headline).toBe('KPIs of all 4 accounts: 1 on track, 2 off track, 1 without a target.');
    expect(card.summary).toBe(
      'KPIs of all 4 accounts: 1 on track, 2 off track, 1 without a target. ' +
        'Logo retention 50.0%, off track (target 60.0%); Churn 50.0%, on track (target 50.0%); ' +
        'Net Promoter Score +25, off track (target +30); Customer satisfaction 50.0%, no target.',
    );
    expect(card.tiles.map((t) => t.status)).toEqual(['off-track', 'on-track', 'off-track', 'no-target']);
  });

  it('lists KPIs left out because they are not available', () => {
    const card = scorecardModel(input());
    expect(card.tiles.map((t) => t.id)).toEqual(['revenue-growth', 'retention', 'churn', 'nrr', 'nps', 'csat', 'top20-share']);
    expect(card.summary.endsWith(' Not available: Customer lifetime value, Up-sell / cross-sell rate, Referenceable accounts, Key-account ROI.')).toBe(true);
  });

  it('names the filter in force (the accounts arrive already filtered by the element)', () => {
    const corporate = accounts.filter((a) => a.segment === 'Corporate');
    const card = scorecardModel(input({ portfolio: shown(corporate), filter: 'segment:Corporate,region:EMEA,region:APAC' }));
    // clv, upsell and referenceable have no inputs in a or c
    expect(card.headline).toBe('KPIs of 2 accounts in segment Corporate; region EMEA or APAC: 7 KPIs, no targets set.');
    // growth over a and c: (120 + 80) / (100 + 0) − 1 = 100%
    expect(card.tiles.find((t) => t.id === 'revenue-growth')!.valueText).toBe('100.0%');
  });

  it('a selection scopes the KPIs to the selected accounts, and says how many of the selection are in the filter', () => {
    const two = scorecardModel(input({ selection: ['a', 'b'] }));
    expect(two.headline).toMatch(/^KPIs of 2 selected accounts:/);
    expect(two.accounts.map((a) => a.id)).toEqual(['a', 'b']);
    const inFilter = scorecardModel(input({ portfolio: shown([accounts[0]!, accounts[2]!]), selection: ['a', 'b'], filter: 'segment:Corporate' }));
    expect(inFilter.headline).toMatch(/^KPIs of 1 of 2 selected accounts in segment Corporate:/);
    expect(inFilter.accounts.map((a) => a.id)).toEqual(['a']);
  });

  it('a selection reads the portfolio narrowed to it: the top-20% share of the selected accounts, from the one ranking', () => {
    // selected a (120), b (0) and d (50), in any order: total 170; the top 20% of 3 accounts is 1 account, a: 120 / 170 = 70.6%
    const card = scorecardModel(input({ selection: ['d', 'b', 'a'], ids: ['top20-share'] }));
    expect(card.accounts.map((a) => a.id)).toEqual(['a', 'b', 'd']);
    expect(card.tiles[0]!.valueText).toBe('70.6%');
    expect(card.tiles[0]!.kpi.base).toMatchObject({ numerator: 120, denominator: 170, accounts: 1 });
  });

  it('a custom KPI named like a property of Object.prototype keeps its own label as the short one', () => {
    const overrides = ['constructor', 'toString', '__proto__'].map((id, i) => ({ id, label: `Custom ${i}`, value: i }));
    const card = scorecardModel(input({ overrides, ids: ['constructor', 'toString', '__proto__'] }));
    expect(card.tiles.map((t) => [t.id, t.shortLabel])).toEqual([
      ['constructor', 'Custom 0'],
      ['toString', 'Custom 1'],
      ['__proto__', 'Custom 2'],
    ]);
  });

  it('overrides win in the whole-feed view; a scoped view derives instead, keeps their targets and says so', () => {
    const overrides = [{ id: 'nps', value: 40, previous: 45, target: 50 }];
    const whole = scorecardModel(input({ overrides }));
    const nps = whole.tiles.find((t) => t.id === 'nps')!;
    expect([nps.valueText, nps.deltaText, nps.change!.verdict, nps.targetText, nps.targetSource, nps.status]).toEqual([
      '+40',
      '−5',
      'worse',
      '+50',
      'feed',
      'off-track',
    ]);
    expect(nps.baseShort).toBe('Reported in the feed');
    const scoped = scorecardModel(input({ overrides, portfolio: shown([accounts[1]!, accounts[3]!]), filter: 'segment:SMB' }));
    const derived = scoped.tiles.find((t) => t.id === 'nps')!;
    // b (3, detractor) and d (9, promoter): (1 − 1) / 2 = 0
    expect([derived.valueText, derived.targetText, derived.change]).toEqual(['0', '+50', undefined]);
    expect(scoped.notes[0]).toBe("KPIs reported in the feed cover every account, so this view derives each KPI from these accounts' own data.");
  });

  it('targets from the attribute win over targets in the feed; bad entries are noted', () => {
    const card = scorecardModel(input({ overrides: [{ id: 'nps', value: 40, target: 50 }], targets: parseTargets('nps:35,oops') }));
    expect(card.tiles.find((t) => t.id === 'nps')).toMatchObject({ target: 35, targetSource: 'attribute', status: 'on-track' });
    expect(card.notes).toEqual(['Targets ignored: "oops" (write id:number, e.g. nps:50,churn:0.05).']);
  });

  it('overrides only (no accounts): the feed-reported KPIs', () => {
    const card = scorecardModel(input({ portfolio: new Portfolio([]), overrides: [{ id: 'pipeline', label: 'Pipeline coverage', value: 3.1, unit: 'number', history: [2, 3.1] }] }));
    expect(card.headline).toBe('KPIs reported in the feed: 1 KPI, no targets set.');
    expect(card.tiles.map((t) => [t.id, t.valueText])).toEqual([['pipeline', '3.1']]);
    expect(card.tiles[0]!.spark).toBeDefined();
    expect(card.hidden).toEqual([]);
    expect(card.notes).toEqual(['The feed has no accounts, so only the KPIs it reports are shown.']);
  });

  it('kpis naming an unknown id shows it as not available, with why', () => {
    const tile = scorecardModel(input({ ids: ['pipeline'] })).tiles[0]!;
    expect([tile.valueText, tile.status, tile.baseShort]).toEqual([
      'Not available',
      'not-available',
      'No KPI with this id: the feed does not report it, and the scorecard derives only revenue-growth, retention, churn, nrr, nps, csat, clv, upsell, referenceable, top20-share, roi.',
    ]);
    expect(selectDetail(tile)).toEqual({ id: 'pipeline', value: null, target: null, status: 'not-available' });
  });

  // Yearly histories ending with the current year's point (exporters that list every period write it).
  // Growth now (132 + 60) / (110 + 50) − 1 = 20%; in FY2025 (110 + 50) / (100 + 40) − 1 = 14.3%.
  const yearly = parseFeed({
    version: 1,
    periods: { current: 'FY2026' },
    accounts: [
      acc('p', 132, { history: [{ period: 'FY2024', revenue: 100, nps: 9 }, { period: 'FY2025', revenue: 110 }, { period: 'FY2026', revenue: 132 }] }),
      acc('q', 60, { history: [{ period: 'FY2024', revenue: 40 }, { period: 'FY2025', revenue: 50 }, { period: 'FY2026', revenue: 60 }] }),
      acc('r', 10, { nps: 10 }),
    ],
  });
  const byYear = new Portfolio(yearly.accounts, {}, yearly.columns, yearly.history);

  it('previous values: every derived KPI of the previous period, with its change; the KPIs without one named once', () => {
    const card = scorecardModel(input({ portfolio: byYear, ids: ['revenue-growth', 'retention', 'nps'] }));
    const [growth, retention, nps] = card.tiles;
    expect([growth!.valueText, growth!.previousText, growth!.deltaText, growth!.deltaWords, growth!.kpi.previousPeriod]).toEqual([
      '20.0%',
      '14.3%',
      '+5.7 pp',
      'up 5.7 percentage points, better',
      'FY2025',
    ]);
    // p and q were active in FY2024 and FY2025 and still are: 100% then and now.
    expect([retention!.valueText, retention!.previousText, retention!.deltaText]).toEqual(['100.0%', '100.0%', '±0']);
    // NPS: r's 10 now; nobody answered in FY2025, so NPS has no previous value: no change on the tile, one note.
    expect(nps!.change).toBeUndefined();
    expect(nps!.previousNote).toBe('Not available for FY2025: No account has an NPS answer (nps).');
    expect(card.historyNote).toBe('No history for Net Promoter Score: no previous value or trend (the detail of each says why).');
    // Without any earlier period, one sentence for all.
    expect(scorecardModel(input({ ids: ['nps', 'csat'] })).historyNote).toBe(
      'No history: the feed gives no earlier period, so no KPI has a previous value or a trend.',
    );
    // a KPI without a value has no "previous" to speak of
    expect(scorecardModel(input({ ids: ['clv'] })).tiles[0]!.previousNote).toBeUndefined();
  });

  it("history rows: a derived KPI by period; a feed's history numbered oldest first", () => {
    const card = scorecardModel(input({ portfolio: byYear }));
    const growth = card.tiles.find((t) => t.id === 'revenue-growth')!;
    expect(historyRows(growth, en)).toEqual([
      { label: 'FY2025', value: '14.3%' },
      { label: 'FY2026', value: '20.0%' },
    ]);
    const feed = scorecardModel(input({ overrides: [{ id: 'nps', value: 40, history: [30, 35, 40] }] }));
    expect(historyRows(feed.tiles.find((t) => t.id === 'nps')!, en)).toEqual([
      { label: '1 (oldest)', value: '+30' },
      { label: '2', value: '+35' },
      { label: '3 (latest)', value: '+40' },
    ]);
  });

  it('tier goals: a tile per goal with the count now, by period, the goal as target and the goal sentence as base', () => {
    // MVC in every year: p and q (the vital few): 2, 2, 2. Goal 3 by FY2027, one year away: the flat trend does not reach it.
    const goals = tierGoalProgress(byYear, parseTierGoals('MVC:3'), 'FY2027');
    const card = scorecardModel(input({ portfolio: byYear, ids: ['nps'], goals }));
    const tile = card.tiles[1]!;
    expect([tile.id, tile.label, tile.valueText, tile.targetText, tile.status, tile.previousText]).toEqual(['goal-mvc', 'MVC accounts', '2', '3', 'off-track', '2']);
    expect(tile.baseShort).toBe('1 to go by FY2027, off course');
    expect(tile.baseSentence).toBe('MVC: 2 now, goal 3 by FY2027: 1 to go in 1 year; the count is not rising (±0 a year), so it does not reach the goal in time.');
    expect(historyRows(tile, en).map((r) => r.label)).toEqual(['FY2024', 'FY2025', 'FY2026']);
  });
});

