import { describe, expect, it, vi } from 'vitest';
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
    const feed = parseCsvFeed(salesforceExport, { fieldMap, currency: 'USD' });
    expect(feed.currency).toBe('USD');
    // Delta: "maybe" is no yes/no, but referenceable is optional: Delta is kept without it.
    expect(feed.accounts).toEqual([
      { id: '001A', name: 'Acme, Inc.', revenue: 1_250_000.5, previousRevenue: 1_000_000, owner: 'Ada', referenceable: true },
      { id: '001D', name: 'Delta', revenue: 750_000, owner: 'Di' },
    ]);
    expect(feed.ignoredFields).toEqual([{ index: 3, id: '001D', path: 'row 5, column "Referenceable"', reason: 'expected true or false, got "maybe"' }]);
    // Bolt: "(2,500)" is -2500, below 0; Cobalt: "12k" is no number. Revenue is required: both are skipped.
    expect(feed.skipped.map((s) => s.problems.map(describeProblem))).toEqual([
      ['row 3, column "Annual Revenue": expected a number >= 0, got -2500'],
      ['row 4, column "Annual Revenue": expected a number in en-US format such as 1,234.5, got "12k"'],
    ]);
  });

  it('reads German numbers under de-DE, amounts in the feed currency', () => {
    const file = 'id,name,revenue\na,A,"1.234,50 €"\nb,B,"12,5"\nc,C,"EUR 2.000"\nd,D,"12.5"\n';
    const feed = parseCsvFeed(file, { locale: 'de-DE', currency: 'EUR' });
    expect(feed.currency).toBe('EUR');
    expect(feed.accounts.map((a) => a.revenue)).toEqual([1234.5, 12.5, 2000]);
    // "12.5" is no de-DE number (a group has three digits), and must not slip through as the numeric string 12.5.
    expect(feed.skipped.map((s) => s.problems.map(describeProblem))).toEqual([['row 5, column "revenue": expected a number in de-DE format such as 1.234,5, got "12.5"']]);
    // The same file read as USD (the default): euros are not dollars.
    expect(parseCsvFeed(file, { locale: 'de-DE' }).skipped[0]!.problems.map(describeProblem)).toEqual([
      'row 2, column "revenue": expected an amount in USD written like 1.234,5 or 1.234,50\u00a0$, got "1.234,50 €"', // Intl puts a no-break space before the sign
    ]);
  });

  it('reads French numbers with narrow no-break spaces (or typed spaces) as groups', () => {
    const { read } = localeNumberReader('fr-FR');
    expect(read('1\u202f234,5')).toBe(1234.5);
    expect(read('1 234 567,5')).toBe(1234567.5);
    expect(read('1.234,5')).toBeUndefined();
    expect(read('12 34')).toBeUndefined(); // a group has three digits
  });

  it('reads Indian and Swiss grouping', () => {
    expect(localeNumberReader('en-IN').read('12,34,567.5')).toBe(1234567.5);
    expect(localeNumberReader('en-IN').read('1,234,567.5')).toBeUndefined();
    expect(localeNumberReader('de-CH').read("1'234.5")).toBe(1234.5);
    expect(localeNumberReader('de-CH').read('1’234.5')).toBe(1234.5);
  });

  it('reads an amount marked once with the currency code or symbol, before or after the number, and signs', () => {
    const { read, readAmount } = localeNumberReader('en-US', 'USD');
    expect(['$1,234.50', '1,234.50 USD', 'USD 1,234.50', '1234.5'].map(readAmount)).toEqual([1234.5, 1234.5, 1234.5, 1234.5]);
    expect(['-$1,234.50', '$-1,234.50', '($1,234.50)', '−1,234.5', '(1,234.5)'].map(readAmount)).toEqual([-1234.5, -1234.5, -1234.5, -1234.5, -1234.5]);
    expect(readAmount('+12')).toBe(12);
    expect(read('$12')).toBeUndefined(); // a plain number (effort, nps, ...) takes no currency
  });

  it('rejects what is not a number or an amount in the feed currency, saying why', () => {
    const { readAmount, read, explain } = localeNumberReader('en-US', 'USD');
    for (const cell of ['12ABC', '12 ABC', '50 %', '12%', '1$2', '$$12', '$12$', '--12', '-(12)', '€12', '12 EUR', '12k', '1,23', '1e3', '']) {
      expect(readAmount(cell), cell).toBeUndefined();
    }
    expect(read('50')).toBe(50);
    expect(read('50 %')).toBeUndefined();
    expect(explain('50 %', true)).toBe('expected an amount in USD, not a percentage, got "50 %"');
    expect(explain('50 %', false)).toBe('expected a number, not a percentage, got "50 %"');
    expect(explain('€12', true)).toBe('expected an amount in USD written like 1,234.5 or $1,234.50, got "€12"');
    expect(explain('12 EUR', true)).toBe('expected an amount in USD written like 1,234.5 or $1,234.50, got "12 EUR"');
    expect(explain('$5', false)).toBe('expected a number without a currency, got "$5"');
    expect(explain('12ABC', true)).toBe('expected a number in en-US format such as 1,234.5, got "12ABC"'); // ABC is no ISO 4217 code
  });

  it('names the row and the column of every rejected number', () => {
    const file = [
      'id,name,revenue,nps,profit,effort,csat',
      'a,A,12ABC,9,1,1,4',
      'b,B,100,50 %,1,1,4',
      'c,C,100,9,€ 12,1,4',
      'd,D,100,9,1,$5,4',
      'e,E,100,9,1,1,"4,5"',
      'f,F,"$1,000",9,"(1,000)",2,4.5',
    ].join('\n');
    const feed = parseCsvFeed(file);
    // Only revenue is required: the rows with a bad optional cell are kept without that field.
    expect(feed.accounts.map((a) => a.id)).toEqual(['b', 'c', 'd', 'e', 'f']);
    expect(feed.accounts.at(-1)).toEqual({ id: 'f', name: 'F', revenue: 1000, nps: 9, profit: -1000, effort: 2, csat: 4.5 });
    expect(feed.accounts[0]).toEqual({ id: 'b', name: 'B', revenue: 100, profit: 1, effort: 1, csat: 4 });
    expect(feed.skipped.map((s) => s.problems.map(describeProblem))).toEqual([
      ['row 2, column "revenue": expected a number in en-US format such as 1,234.5, got "12ABC"'],
    ]);
    expect(feed.ignoredFields.map((f) => describeProblem({ path: f.path, message: f.reason }))).toEqual([
      'row 3, column "nps": expected a number, not a percentage, got "50 %"',
      'row 4, column "profit": expected an amount in USD written like 1,234.5 or $1,234.50, got "€ 12"',
      'row 5, column "effort": expected a number without a currency, got "$5"',
      'row 6, column "csat": expected a number in en-US format such as 1,234.5, got "4,5"',
    ]);
  });

  it('rejects dollar amounts in a euro file', () => {
    const feed = parseCsvFeed(salesforceExport, { fieldMap, currency: 'EUR' });
    expect(feed.skipped[0]!.problems.map(describeProblem)).toEqual([
      'row 2, column "Annual Revenue": expected an amount in EUR written like 1,234.5 or €1,234.50, got "$1,250,000.50"',
      'row 2, column "Prior Year Revenue": expected an amount in EUR written like 1,234.5 or €1,234.50, got "$1,000,000"',
    ]);
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

  it('reads only the records\' own keys: names Object.prototype has are keys the feed does not have', () => {
    const records = [{ Id: 'x', Name: 'X', Rev: 10, Owner: { Name: 'Ann' } }];
    for (const name of ['constructor', 'toString', '__proto__', 'Owner.constructor', 'Name.length']) {
      expect(() => mapJsonDocument(records, parseFieldMap(`id=Id,name=${name},revenue=Rev`))).toThrow(
        `field-map names a key the feed does not have (name=${name}). The feed's keys: Id, Name, Rev, Owner.`,
      );
    }
    // A record that does have such a key is read as any other.
    const own = JSON.parse('[{ "Id": "y", "constructor": "Yew", "Rev": 3 }]') as unknown[];
    expect(mapJsonDocument(own, parseFieldMap('id=Id,name=constructor,revenue=Rev'))).toEqual([{ id: 'y', name: 'Yew', revenue: 3 }]);
    expect(() => parseCsvFeed('Id,Name,Rev\nx,X,10\n', { fieldMap: 'id=Id,name=constructor,revenue=Rev' })).toThrow(
      "field-map names a column the feed does not have (name=constructor). The feed's columns: Id, Name, Rev.",
    );
  });
});

describe('CSV under a strict Content-Security-Policy', () => {
  it('parses without compiling code from strings (no new Function)', () => {
    const original = globalThis.Function;
    vi.stubGlobal('Function', function () {
      throw new EvalError('Evaluating a string as JavaScript violates the Content Security Policy');
    });
    try {
      expect(parseCsvFeed('id,name,revenue\na,A,1\nb,B\n').accounts).toEqual([{ id: 'a', name: 'A', revenue: 1 }]);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(globalThis.Function).toBe(original);
  });
});
