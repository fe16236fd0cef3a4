import { describe, expect, it } from 'vitest';
import { parseFeed, parseFeedFormat, readFeed } from '../../src/feed/index.js';

describe('readFeed', () => {
  it('reads CSV text when format is csv, JSON text or a document otherwise, mapped first', () => {
    const map = 'id=Id,name=Name,revenue=Revenue';
    expect(readFeed('Id,Name,Revenue\nq,Q,"$1,000"', { format: 'csv', fieldMap: map }).accounts).toEqual([{ id: 'q', name: 'Q', revenue: 1000 }]);
    expect(readFeed('[{"Id":"q","Name":"Q","Revenue":1000}]', { fieldMap: map }).accounts).toEqual([{ id: 'q', name: 'Q', revenue: 1000 }]);
    // A value that is not text is a document, whatever the format.
    expect(readFeed({ version: 1, accounts: [{ Id: 'q', Name: 'Q', Revenue: 5 }] }, { format: 'csv', fieldMap: map }).accounts).toEqual([{ id: 'q', name: 'Q', revenue: 5 }]);
  });

  it('uses a feed parseFeed returned as it is (already in contract terms: no map applies)', () => {
    const feed = parseFeed([{ id: 'a', name: 'A', revenue: 1 }]);
    expect(readFeed(feed, { fieldMap: 'id=AccountId' })).toBe(feed);
  });

  it('words a bad field map and a mapped key the records lack', () => {
    expect(() => readFeed([], { fieldMap: 'turnover=Revenue' })).toThrow('field-map entry "turnover=Revenue": "turnover" is not a field of the feed contract.');
    expect(() => readFeed([{ Id: 'a' }], { fieldMap: 'id=AccountId' })).toThrow("field-map names a key the feed does not have (id=AccountId). The feed's keys: Id.");
  });
});

describe('parseFeedFormat', () => {
  it('takes json and csv in any case, nothing for unset, and names the formats otherwise', () => {
    expect([parseFeedFormat('CSV'), parseFeedFormat(' json '), parseFeedFormat(''), parseFeedFormat(null)]).toEqual(['csv', 'json', undefined, undefined]);
    expect(() => parseFeedFormat('xml')).toThrow('format="xml" is not a feed format: use format="json" or format="csv" (or leave it out to go by the file).');
  });
});
