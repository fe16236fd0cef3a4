import { describe, expect, it } from 'vitest';
import { DISPLAY_LENGTH, FeedError, MAX_MONEY, describeIgnored, displayText, parseFeed, summarizeSkipped } from '../../src/feed/index.js';
import { pareto } from '../../src/analysis/pareto.js';

const ok = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `Account ${id}`, revenue: 100, ...extra });

describe('values as the field means them', () => {
  it('nps takes decimals from 0 to 10: an account average such as 7.5 is kept as it is', () => {
    const feed = parseFeed([ok('A-1', { nps: 7.5 }), ok('A-2', { nps: '9.25' }), ok('A-3', { nps: 0 }), ok('A-4', { nps: 10 }), ok('A-5', { nps: 10.5 })]);
    expect(feed.accounts.map((a) => a.nps)).toEqual([7.5, 9.25, 0, 10, undefined]);
    expect(feed.ignoredFields.map(describeIgnored)).toEqual(['accounts[4].nps: expected a number from 0 to 10, got 10.5 (ignored)']);
  });

  it('money is bounded by 10^18 in either direction; the bound itself is taken', () => {
    expect(MAX_MONEY).toBe(1e18);
    const feed = parseFeed([
      ok('A-1', { revenue: 1e18, profit: -1e18 }),
      ok('A-2', { revenue: 1.5e18 }),
      ok('A-3', { potential: '2e18', profit: -1.01e18 }),
    ]);
    expect(feed.accounts.map((a) => a.id)).toEqual(['A-1', 'A-3']);
    expect(summarizeSkipped(feed)?.reasons).toEqual([
      'accounts[1].revenue: expected an amount of at most 10^18 (either sign), got 1500000000000000000',
      'accounts[2].profit: expected an amount of at most 10^18 (either sign), got -1010000000000000000 (ignored)',
      'accounts[2].potential: expected an amount of at most 10^18 (either sign), got "2e18" (ignored)',
    ]);
  });

  it('so totals stay finite: 1,000 accounts at the bound have a total of 10^21 and the first a share of 1/1000', () => {
    const feed = parseFeed(Array.from({ length: 1000 }, (_, i) => ok(`A-${i}`, { revenue: MAX_MONEY })));
    const ranking = pareto(feed.accounts, { columns: feed.columns });
    expect(ranking.total).toBe(1e21);
    expect(ranking.cumulative[0]).toBe(0.001);
    expect(ranking.cumulative[999]).toBe(1);
  });

  it('a feed whose effort adds up past the largest number is rejected with one message naming the field and its largest value', () => {
    let error: unknown;
    try {
      parseFeed([ok('A-1', { effort: 1e308 }), ok('A-2', { effort: 1e308 }), ok('A-3', { effort: 5 })]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).kind).toBe('invalid');
    expect((error as FeedError).message).toBe(
      'The account feed cannot be shown: the effort figures add up to more than the largest number the kit can compute with (about 1.8e308); ' +
        'the largest is 1e+308, of the account "A-1". Check the unit of effort.',
    );
    expect((error as FeedError).problems).toHaveLength(1);
    // One such value alone is a valid total.
    expect(parseFeed([ok('A-1', { effort: 1e308 }), ok('A-2', { effort: 5 })]).accounts).toHaveLength(2);
  });

  it('impact counts in either direction (sums of absolute values)', () => {
    expect(() => parseFeed([ok('A-1', { impact: 1e308 }), ok('A-2', { impact: -1e308 })])).toThrow(/the impact figures add up/);
  });

  it('text is kept whole in the data; what is drawn is its first DISPLAY_LENGTH characters', () => {
    const name = 'N'.repeat(10_000_000);
    const feed = parseFeed([ok('A-1', { name })]);
    expect(feed.accounts[0]!.name).toBe(name);
    expect(DISPLAY_LENGTH).toBe(200);
    const shown = displayText(name);
    expect(shown).toHaveLength(200);
    expect(shown.endsWith('…')).toBe(true);
    expect(displayText('Acme')).toBe('Acme');
    expect(displayText('x'.repeat(200))).toBe('x'.repeat(200));
    // A character pair (here an emoji) is never cut in two: both halves go.
    const pairs = `${'x'.repeat(198)}😀😀`;
    expect(displayText(pairs)).toBe(`${'x'.repeat(198)}…`);
  });
});
