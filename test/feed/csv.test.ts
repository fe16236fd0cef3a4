import { describe, expect, it } from 'vitest';
import { localeNumberReader, looksLikeCsv, parseCsvFeed } from '../../src/feed/csv.js';
import { describeProblem } from '../../src/feed/errors.js';
import { mapJsonDocument, parseFieldMap } from '../../src/feed/field-map.js';

const salesforceExport = [
  'AccountId,Account Name,Annual Revenue,Prior Year Revenue,Owner.Name,Referenceable',
  '001A,"Acme, Inc.","$1,250,000.50","$1,000,000",Ada,Yes',
  '001B,Bolt GmbH,"(2,500)",,Bo,no',
  '001C,Cobalt,12k,5,Cy,',
  '001D,Delta,"750,000",,Di,maybe',
].join('\r\n');
const fieldMap = 'id=AccountId,name=Account Name,revenue=Annual Revenue,previousRevenue=Prior Year Revenue,owner=Owner.Name,referenceable=Referenceable';

describe('CSV feeds', () => {
  it('maps CRM columns to the contract and reads numbers as the locale writes them', () => {
    const feed = parseCsvFeed(salesforceExport, { fieldMap, currency: 'EUR' });
    expect(feed.currency).toBe('EUR');
    expect(feed.accounts).toEqual([{ id: '001A', name: 'Acme, Inc.', revenue: 1_250_000.5, previousRevenue: 1_000_000, owner: 'Ada', referenceable: true }]);
    // Bolt: "(2,500)" is -2500, below 0; Cobalt: "12k" is no number; Delta: "maybe" is no yes/no.
    expect(feed.skipped.map((s) => s.problems.map(describeProblem))).toEqual([
      ['row 3, column "Annual Revenue": expected a number >= 0, got -2500'],
      ['row 4, column "Annual Revenue": expected a number in en-US format such as 1,234.5, got "12k"'],
      ['row 5, column "Referenceable": expected true or false, got "maybe"'],
    ]);
  });

  it('reads German numbers under de-DE', () => {
    const feed = parseCsvFeed('id;name;revenue\n'.replace(/;/g, ',') + 'a,A,"1.234,50 €"\nb,B,"12,5"\n', { locale: 'de-DE' });
    expect(feed.accounts.map((a) => a.revenue)).toEqual([1234.5, 12.5]);
  });

  it('reads French numbers with narrow no-break spaces as groups', () => {
    const { read } = localeNumberReader('fr-FR');
    expect(read('1\u202f234,5')).toBe(1234.5);
    expect(read('12,5 %')).toBe(12.5);
    expect(read('1.234,5')).toBeUndefined();
  });

  it('rejects a file without the required columns, naming them', () => {
    expect(() => parseCsvFeed('AccountId,Name\n1,A\n')).toThrow('The CSV file has no "id" column for the account id. Name the column "id" or map it with field-map (id=Your Column). Columns: AccountId, Name.');
    expect(() => parseCsvFeed('', {})).toThrow('The CSV file has no header row');
  });

  it('names a mapped column the file does not have', () => {
    expect(() => parseCsvFeed(salesforceExport, { fieldMap: 'id=AccountId,name=Account Name,revenue=Revenue' })).toThrow(
      'field-map names a column the feed does not have (revenue=Revenue). The feed\'s columns: AccountId, Account Name, Annual Revenue, Prior Year Revenue, Owner.Name, Referenceable.',
    );
  });

  it('recognises CSV by extension or content type', () => {
    expect(looksLikeCsv('/export/accounts.csv?x=1', null)).toBe(true);
    expect(looksLikeCsv('/api/accounts', 'text/csv; charset=utf-8')).toBe(true);
    expect(looksLikeCsv('/api/accounts.json', 'application/json')).toBe(false);
  });
});

describe('field maps', () => {
  it('parses entries, quoted names and rejects unknown fields', () => {
    expect([...parseFieldMap('id=AccountId, name="Name, legal"')]).toEqual([
      ['id', 'AccountId'],
      ['name', 'Name, legal'],
    ]);
    expect(() => parseFieldMap('turnover=Revenue')).toThrow('field-map entry "turnover=Revenue": "turnover" is not a field of the feed contract.');
    expect(() => parseFieldMap('id=')).toThrow('field-map entry "id=": name the column after "=", as in "id=Account Name".');
  });

  it('maps nested JSON keys of CRM records', () => {
    const records = [{ Id: 'x', Name: 'X', Financials: { Revenue: 10 }, Owner: { Name: 'Ann' } }];
    expect(mapJsonDocument(records, parseFieldMap('id=Id,name=Name,revenue=Financials.Revenue,owner=Owner.Name'))).toEqual([{ id: 'x', name: 'X', revenue: 10, owner: 'Ann' }]);
    expect(() => mapJsonDocument(records, parseFieldMap('id=Id,name=Name,revenue=Revenue'))).toThrow('field-map names a key the feed does not have (revenue=Revenue). The feed\'s keys: Id, Name, Financials, Owner.');
  });
});
