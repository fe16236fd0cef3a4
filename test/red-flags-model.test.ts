/**
 * What `<kam-red-flags>` lists (src/components/red-flags/red-flags-model.ts): the `types` filter and its
 * toggles, the list's order under a filter, the KPI goals against the targets, the rows of `kam-flags`.
 * The feed: two quarters with every tier given, so the flags are those of the rules in src/analysis/flags.ts
 * at their default thresholds, worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { Portfolio } from '../src/analysis/portfolio.js';
import { parseFeed } from '../src/feed/parse.js';
import { formatters } from '../src/internal/format.js';
import { NO_TYPES, flagRows, kpiCheck, parseTypes, redFlagsModel, toggleType } from '../src/components/red-flags/red-flags-model.js';
import { summarySentence } from '../src/components/red-flags/red-flags-text.js';
import { FLAG_TYPES } from '../src/analysis/flags.js';

/*
 *   a  MVC → MVC   1,000 → 1,000                     none
 *   h  MVC → STC     500 → 400                       tier lost (severe), revenue going elsewhere −20% (warning)
 *   d  MVC → MGC   1,000 → 850                       revenue going elsewhere −15%, tier lost to MGC (warnings)
 *   g  STC → STC     100 → 100, goal revenue 150     goal missed (warning)
 * Listed: h (severe); d (850), g (100).
 */
const q1 = (tier: string, revenue: number) => [{ period: '2026-Q1', tier, revenue }];
const feed = parseFeed({
  version: 1,
  periods: { order: ['2026-Q1', '2026-Q2'], current: '2026-Q2' },
  accounts: [
    { id: 'a', name: 'Atlas', tier: 'MVC', revenue: 1000, history: q1('MVC', 1000) },
    { id: 'h', name: 'Hazel', tier: 'STC', revenue: 400, history: q1('MVC', 500) },
    { id: 'd', name: 'Delta', tier: 'MGC', revenue: 850, history: q1('MVC', 1000) },
    { id: 'g', name: 'Gum', tier: 'STC', revenue: 100, goals: { revenue: 150 }, history: q1('STC', 100) },
  ],
  kpis: [{ id: 'nps', value: 20, previous: 25 }],
});
const portfolio = new Portfolio(feed.accounts, {}, feed.columns, feed.history);
const f = formatters('en-US', 'USD');
const none = kpiCheck(portfolio, [], undefined);
const listed = (types?: string) => redFlagsModel(portfolio, none, types).items.map((item) => [item.account.id, item.severity, item.flags.map((flag) => flag.type)]);

describe('the types filter', () => {
  it('reads `types` in the order of the flag types, keeping unknown entries apart; unset or empty is every type, "none" is none', () => {
    expect(parseTypes('unhappy, tier-loss,bogus')).toEqual({ shown: ['unhappy', 'tier-loss'], unknown: ['bogus'] });
    expect(parseTypes(undefined).shown).toEqual([...FLAG_TYPES]);
    expect(parseTypes(' , ').shown).toEqual([...FLAG_TYPES]);
    expect(parseTypes(NO_TYPES)).toEqual({ shown: [], unknown: [] });
  });

  it('toggles one type off and on again, back to unset when every type shows, to "none" when none does', () => {
    const off = toggleType(FLAG_TYPES, 'unhappy');
    expect(off).toBe('revenue-elsewhere,roi-falling,key-account-loss,tier-loss,lost-key-account,goal-missed');
    expect(toggleType(parseTypes(off).shown, 'unhappy')).toBeUndefined();
    expect(toggleType(['tier-loss'], 'tier-loss')).toBe(NO_TYPES);
    expect(toggleType([], 'goal-missed')).toBe('goal-missed');
  });
});

describe('the list', () => {
  it('lists the flagged accounts most severe first, then by revenue', () => {
    expect(listed()).toEqual([
      ['h', 'severe', ['tier-loss', 'revenue-elsewhere']],
      ['d', 'warning', ['revenue-elsewhere', 'tier-loss']],
      ['g', 'warning', ['goal-missed']],
    ]);
    expect(summarySentence(f, redFlagsModel(portfolio, none, undefined))).toBe('3 of 4 accounts show red flags; 1 severe.');
  });

  it('under a type filter, an account is as severe as its shown flags and takes its place by revenue among those', () => {
    const model = redFlagsModel(portfolio, none, 'revenue-elsewhere,goal-missed');
    expect(listed('revenue-elsewhere,goal-missed')).toEqual([
      ['d', 'warning', ['revenue-elsewhere']],
      ['h', 'warning', ['revenue-elsewhere']],
      ['g', 'warning', ['goal-missed']],
    ]);
    expect(model.hidden).toBe(0);
    expect(redFlagsModel(portfolio, none, 'tier-loss').hidden).toBe(1);
  });
});

describe('KPI goals and the kam-flags rows', () => {
  it('checks no KPI without a target; takes the attribute over the feed, and says what it could not read', () => {
    expect(none).toEqual({ flags: [], targeted: [], ignored: [] });
    const missed = kpiCheck(portfolio, feed.kpis, 'nps:30,x');
    expect(missed.targeted).toEqual(['nps']);
    expect(missed.ignored).toEqual(['x']);
    expect(missed.flags.map(({ flag, kpi }) => [flag.type, flag.values.value, flag.values.target, kpi?.label])).toEqual([['goal-missed', 20, 30, 'Net Promoter Score']]);
    expect(kpiCheck(portfolio, feed.kpis, { nps: 15 }).flags).toEqual([]);
    expect(kpiCheck(portfolio, [{ id: 'nps', value: 20, previous: 25, target: 30 }], undefined).flags).toHaveLength(1);
  });

  it('says in the summary how many KPI goals are missed, also when no account is flagged', () => {
    const missed = kpiCheck(portfolio, feed.kpis, 'nps:30');
    expect(summarySentence(f, redFlagsModel(portfolio, missed, undefined))).toBe('3 of 4 accounts show red flags; 1 severe. 1 KPI goal missed.');
    const calm = portfolio.narrow(Uint32Array.from([0]));
    expect(summarySentence(f, redFlagsModel(calm, missed, undefined))).toBe('No account shows a red flag among 1 account; 1 KPI goal missed.');
    expect(summarySentence(f, redFlagsModel(calm, none, undefined))).toBe('No red flags among 1 account.');
  });

  it('gives one row per flag, in list order, and one per KPI goal missed', () => {
    const rows = flagRows(portfolio.flags(), kpiCheck(portfolio, feed.kpis, 'nps:30'), f);
    expect(rows.flags.map((row) => [row.id, row.name, row.type, row.severity])).toEqual([
      ['h', 'Hazel', 'tier-loss', 'severe'],
      ['h', 'Hazel', 'revenue-elsewhere', 'warning'],
      ['d', 'Delta', 'revenue-elsewhere', 'warning'],
      ['d', 'Delta', 'tier-loss', 'warning'],
      ['g', 'Gum', 'goal-missed', 'warning'],
    ]);
    expect(rows.flags[2]!.reason).toBe('Revenue fell 15.0% against 2026-Q1 (from $1,000 to $850).');
    expect(rows.kpiFlags).toEqual([
      { id: 'nps', name: 'Net Promoter Score', type: 'goal-missed', severity: 'warning', reason: 'Net Promoter Score of 20 is below its target of 30 for a second period (25 in the previous period).' },
    ]);
  });

  it('a filtered portfolio keeps the whole feed’s flags of its accounts', () => {
    const narrowed = portfolio.narrow(Uint32Array.from([1, 3]));
    expect(redFlagsModel(narrowed, none, undefined).items.map((item) => [item.account.id, item.flags.length])).toEqual([
      ['h', 2],
      ['g', 1],
    ]);
  });
});
