import { describe, expect, it } from 'vitest';
import { describeFilter, matchingIndexes, parseFilter } from '../../src/feed/filter.js';
import { parseFeed } from '../../src/feed/parse.js';

const feed = parseFeed([
  { id: 'a', name: 'A', revenue: 1, segment: 'Corporate', region: 'EMEA' },
  { id: 'b', name: 'B', revenue: 2, segment: 'corporate ', region: 'APAC' },
  { id: 'c', name: 'C', revenue: 3, segment: 'SMB', region: 'EMEA' },
  { id: 'd', name: 'D', revenue: 4, region: 'EMEA' },
]);

describe('account filter', () => {
  it('keeps accounts matching every field, any of the values per field, case-insensitively', () => {
    const ids = (text: string) => [...matchingIndexes(feed.accounts, parseFilter(text), () => 'STC')].map((i) => feed.accounts[i]!.id);
    expect(ids('segment:Corporate')).toEqual(['a', 'b']);
    expect(ids('segment:corporate, region:EMEA')).toEqual(['a']);
    expect(ids('region:EMEA,region:APAC')).toEqual(['a', 'b', 'c', 'd']);
    expect(ids('segment:SMB,segment:Corporate,region:EMEA')).toEqual(['a', 'c']);
    expect(ids('owner:Nobody')).toEqual([]); // an account without the field never matches
  });

  it('keeps every account for an empty filter', () => {
    expect([...matchingIndexes(feed.accounts, parseFilter(''), () => 'STC')]).toEqual([0, 1, 2, 3]);
    expect([...matchingIndexes(feed.accounts, parseFilter(' , '), () => 'STC')]).toEqual([0, 1, 2, 3]);
  });

  it('matches tier against the tier it is given for each account (the portfolio’s: given or computed)', () => {
    const tiers = ['MVC', 'STC', 'mvc', 'BZ'];
    const ids = (text: string) => [...matchingIndexes(feed.accounts, parseFilter(text), (i) => tiers[i]!)].map((i) => feed.accounts[i]!.id);
    expect(ids('tier:MVC')).toEqual(['a', 'c']);
    expect(ids('tier:BZ,region:EMEA')).toEqual(['d']);
  });

  it('names the bad part of a filter', () => {
    expect(() => parseFilter('segment:Corporate,revenue:5')).toThrow('filter "revenue:5": "revenue" is not a field to filter on; use one of segment, region, owner, industry, country, tier.');
    expect(() => parseFilter('region:')).toThrow('filter "region:": give a value after the colon, as in "region:Corporate".');
  });

  it('describes itself in words', () => {
    expect(describeFilter(parseFilter('segment:Corporate,region:EMEA,region:APAC'))).toBe('segment Corporate; region EMEA or APAC');
  });
});
