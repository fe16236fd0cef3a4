import { describe, expect, it } from 'vitest';
import { describeIgnored, parseFeed } from '../../src/feed/index.js';
import { NO_POINT, PREVIOUS_REVENUE_ONLY } from '../../src/feed/history.js';

const acc = (id: string, revenue: number, extra: Record<string, unknown> = {}) => ({ id, name: id, revenue, ...extra });
const points = (...list: [string, number][]) => list.map(([period, revenue]) => ({ period, revenue }));
const ignored = (feed: ReturnType<typeof parseFeed>) => feed.ignoredFields.map(describeIgnored);

describe('the order of periods', () => {
  it('is the order in which the accounts list them when the feed gives none', () => {
    const feed = parseFeed([acc('a', 3, { history: points(['Q2', 2], ['Q3', 3]) }), acc('b', 1, { history: points(['Q1', 1], ['Q2', 1]) })]);
    // Q1 is new: it goes right before Q2, the next period b lists that is already known.
    expect(feed.history.periods).toEqual(['Q1', 'Q2', 'Q3']);
    expect(feed.history.current).toBe('current period');
    expect(feed.ignoredFields).toEqual([]);
  });

  it('is periods.order when the feed gives it; the current period, when listed, is not a past period', () => {
    const feed = parseFeed({
      version: 1,
      periods: { order: ['Q1', 'Q2', 'Q3', 'Q4'], current: 'Q4' },
      accounts: [acc('a', 3, { history: points(['Q3', 3]) }), acc('b', 1, { history: points(['Q1', 1]) })],
    });
    expect(feed.history.periods).toEqual(['Q1', 'Q2', 'Q3']);
    expect(feed.history.current).toBe('Q4');
    expect([...feed.history.pointAt[0]!]).toEqual([NO_POINT, 0]);
    expect([...feed.history.pointAt[1]!]).toEqual([NO_POINT, NO_POINT]); // Q2: nobody's figures
    expect([...feed.history.pointAt[2]!]).toEqual([0, NO_POINT]);
  });

  it('keeps periods.previous last among the past periods', () => {
    const feed = parseFeed({ version: 1, periods: { previous: 'FY2025' }, accounts: [acc('a', 3, { history: points(['FY2023', 1], ['FY2024', 2]) }), acc('b', 4, { previousRevenue: 2 })] });
    expect(feed.history.periods).toEqual(['FY2023', 'FY2024', 'FY2025']);
  });

  it('a history that contradicts the order is left out of its account and reported; the account keeps its figures', () => {
    const feed = parseFeed([
      acc('a', 3, { history: points(['Q1', 1], ['Q2', 2]) }),
      acc('b', 5, { history: points(['Q2', 1], ['Q1', 2]) }),
      acc('c', 5, { history: points(['Q1', 1], ['Q1', 2]) }),
    ]);
    expect(feed.accounts.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect('history' in feed.accounts[1]!).toBe(false);
    expect(ignored(feed)).toEqual([
      `accounts[1].history: lists "Q1" after "Q2", against the feed's order of periods ("Q1" comes first); the history is left out (ignored)`,
      'accounts[2].history: lists the period "Q1" twice; the history is left out (ignored)',
    ]);
  });

  it('with periods.order, a period it does not list, or one after the named previous period, contradicts it', () => {
    const ordered = parseFeed({ version: 1, periods: { order: ['Q1', 'Q2'] }, accounts: [acc('a', 1, { history: points(['Q0', 1]) })] });
    expect(ignored(ordered)).toEqual(['accounts[0].history: lists the period "Q0", which periods.order does not list; the history is left out (ignored)']);
    const afterPrevious = parseFeed({ version: 1, periods: { previous: 'Q2' }, accounts: [acc('a', 1, { history: points(['Q2', 1], ['Q3', 1]) })] });
    expect(ignored(afterPrevious)).toEqual(['accounts[0].history: lists "Q3" after the previous period "Q2"; the history is left out (ignored)']);
  });

  it('a point for the current period may close a history; the account’s own fields are that period’s figures', () => {
    const feed = parseFeed({ version: 1, periods: { current: 'Q3' }, accounts: [acc('a', 30, { history: points(['Q1', 10], ['Q2', 20], ['Q3', 99]) })] });
    expect(feed.ignoredFields).toEqual([]);
    expect(feed.history.periods).toEqual(['Q1', 'Q2']);
    const early = parseFeed({ version: 1, periods: { current: 'Q3' }, accounts: [acc('a', 30, { history: points(['Q3', 10], ['Q2', 20]) })] });
    expect(ignored(early)).toEqual(['accounts[0].history: lists "Q2" after the current period "Q3"; the history is left out (ignored)']);
  });

  it('periods that contradict themselves are envelope problems', () => {
    const problems = (periods: object) => {
      try {
        parseFeed({ version: 1, periods, accounts: [] });
        return [];
      } catch (error) {
        return (error as { problems: { path: string; message: string }[] }).problems.map((p) => `${p.path}: ${p.message}`);
      }
    };
    expect(problems({ order: ['Q1', 'Q2', 'Q1'] })).toEqual(['periods.order[2]: repeats the period "Q1" of periods.order[0]']);
    expect(problems({ order: ['Q1', 'Q3', 'Q2'], current: 'Q3' })).toEqual(['periods.order: expected the current period "Q3" last, got it at position 2 of 3']);
    expect(problems({ order: ['Q1', 'Q2', 'Q3'], previous: 'Q1', current: 'Q3' })).toEqual([
      'periods.order: expected the previous period "Q1" right before the current one, got it at position 1 of 3',
    ]);
    expect(problems({ order: ['Q1'], previous: 'Q0' })).toEqual(['periods.previous: expected a period of periods.order, got "Q0"']);
    expect(problems({ current: 'Q1', previous: 'Q1' })).toEqual(['periods.previous: expected a period other than the current one, got "Q1"']);
  });
});

describe('previousRevenue and the history', () => {
  it('previousRevenue alone is the revenue of the previous period (the last past period)', () => {
    const feed = parseFeed([acc('a', 3, { history: points(['Q1', 1], ['Q2', 2]) }), acc('b', 5, { previousRevenue: 4 })]);
    expect([...feed.history.pointAt[1]!]).toEqual([1, PREVIOUS_REVENUE_ONLY]);
    expect([...feed.columns.previousRevenue]).toEqual([2, 4]); // a's from its history
    expect(feed.accounts[0]).not.toHaveProperty('previousRevenue'); // the account object is not written
  });

  it('without any history, previousRevenue makes one past period, named by periods.previous or "previous period"', () => {
    expect(parseFeed([acc('a', 3, { previousRevenue: 2 })]).history.periods).toEqual(['previous period']);
    expect(parseFeed({ version: 1, periods: { previous: 'FY2025' }, accounts: [acc('a', 3, { previousRevenue: 2 })] }).history.periods).toEqual(['FY2025']);
    expect(parseFeed([acc('a', 3)]).history.periods).toEqual([]);
  });

  it('when both are given and disagree, the history wins and previousRevenue is ignored with the reason', () => {
    const feed = parseFeed([acc('a', 3, { previousRevenue: 7, history: points(['Q1', 1], ['Q2', 2]) }), acc('b', 5, { previousRevenue: 2, history: points(['Q2', 2]) })]);
    expect(ignored(feed)).toEqual([`accounts[0].previousRevenue: expected the revenue of the history's previous period "Q2" (2), got 7; the history's figure is used (ignored)`]);
    expect(feed.accounts[0]).not.toHaveProperty('previousRevenue');
    expect(feed.accounts[1]).toHaveProperty('previousRevenue', 2);
    expect([...feed.columns.previousRevenue]).toEqual([2, 2]);
  });

  it('an account whose history stops before the previous period has no figure for it, unless previousRevenue gives one', () => {
    const feed = parseFeed([acc('a', 3, { history: points(['Q1', 1], ['Q2', 2]) }), acc('b', 5, { history: points(['Q1', 4]) })]);
    expect([...feed.history.pointAt[1]!]).toEqual([1, NO_POINT]);
    expect(Number.isNaN(feed.columns.previousRevenue[1])).toBe(true);
  });
});

describe('a previous period the feed names but nobody has figures for', () => {
  it('is no period (without periods.order)', () => {
    const feed = parseFeed({ version: 1, periods: { current: 'Q3', previous: 'Q2' }, accounts: [acc('a', 3)] });
    expect(feed.history.periods).toEqual([]);
    const listed = parseFeed({ version: 1, periods: { current: 'Q3', previous: 'Q2' }, accounts: [acc('a', 3, { history: points(['Q1', 1]) })] });
    expect(listed.history.periods).toEqual(['Q1']); // a's Q1 is its last figure; Q2 has none
  });
});
