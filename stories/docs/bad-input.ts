/**
 * What the kit does with bad input, shown by running it: each example goes through parseFeed (JSON) or
 * parseCsvFeed (CSV) when the page renders, so the messages on the page are the kit's own.
 */
import { FeedError, describeProblem, parseCsvFeed, parseFeed, summarizeSkipped } from '../../src/feed/index.js';

export interface BadInput {
  what: string;
  input: string;
  csv?: { locale: string };
}

export interface Outcome {
  /** "rejected" (nothing is drawn), "partly" (bad accounts skipped or bad optional fields ignored, the rest drawn) or "accepted". */
  result: 'rejected' | 'partly' | 'accepted';
  message: string;
  problems: string[];
}

const account = (fields: string) => `{ "version": 1, "accounts": [{ "id": "A-1", "name": "Acme", "revenue": 1000 }, ${fields}] }`;

export const BAD_INPUTS: readonly BadInput[] = [
  { what: 'Text that is not JSON', input: '{ "version": 1, accounts: [] }' },
  { what: 'A JSON document that is a string', input: '"accounts"' },
  { what: 'A document that is not a feed', input: '{ "version": 2, "currency": "euro" }' },
  { what: 'Revenue written as "12k"', input: account('{ "id": "A-2", "name": "Bolt", "revenue": "12k" }') },
  { what: 'Revenue past the money bound (10^18)', input: account('{ "id": "A-2", "name": "Bolt", "revenue": 1e308 }') },
  { what: 'NPS outside 0-10, CSAT outside 1-5 (optional fields)', input: account('{ "id": "A-2", "name": "Bolt", "revenue": 5, "nps": 11, "csat": 0 }') },
  { what: 'An average NPS', input: account('{ "id": "A-2", "name": "Bolt", "revenue": 5, "nps": 7.5 }') },
  { what: 'A javascript: URL', input: account('{ "id": "A-2", "name": "Bolt", "revenue": 5, "url": "javascript:alert(1)" }') },
  { what: 'A repeated id', input: account('{ "id": " A-1 ", "name": "Acme again", "revenue": 5 }') },
  { what: 'Numbers as strings (CRM exports)', input: account('{ "id": "A-2", "name": "Bolt", "revenue": "1250.50", "nps": "9" }') },
  { what: 'Markup in a name', input: account('{ "id": "A-2", "name": "<img src=x onerror=alert(1)>", "revenue": 5 }') },
  {
    what: 'A history against the order of periods',
    input:
      '{ "version": 1, "accounts": [{ "id": "A-1", "name": "Acme", "revenue": 1000, "history": [{ "period": "2026-Q1", "revenue": 900 }, { "period": "2026-Q2", "revenue": 950 }] }, ' +
      '{ "id": "A-2", "name": "Bolt", "revenue": 5, "history": [{ "period": "2026-Q2", "revenue": 4 }, { "period": "2026-Q1", "revenue": 3 }] }] }',
  },
  { what: 'previousRevenue that disagrees with the history', input: account('{ "id": "A-2", "name": "Bolt", "revenue": 5, "previousRevenue": 7, "history": [{ "period": "2026-Q2", "revenue": 4 }] }') },
  { what: 'periods.order that repeats a period', input: '{ "version": 1, "periods": { "order": ["2026-Q1", "2026-Q2", "2026-Q1"] }, "accounts": [] }' },
  { what: 'CSV without a revenue column', input: 'id,name,Annual Revenue\nA-1,Acme,1000', csv: { locale: 'en-US' } },
  { what: 'CSV with a bad cell (de-DE numbers)', input: 'id,name,revenue,nps\nA-1,Acme,"1.234,50",9\nA-2,Bolt,12k,9\nA-3,Cobalt,"500,00",12', csv: { locale: 'de-DE' } },
];

export function outcomeOf({ input, csv }: BadInput): Outcome {
  try {
    const feed = csv ? parseCsvFeed(input, { locale: csv.locale }) : parseFeed(input);
    const skipped = summarizeSkipped(feed);
    const shown = `${feed.accounts.length} account${feed.accounts.length === 1 ? '' : 's'} drawn`;
    if (!skipped) return { result: 'accepted', message: `Accepted: ${shown}.`, problems: [] };
    return { result: 'partly', message: `${shown}, ${skipped.text}:`, problems: skipped.reasons };
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    return { result: 'rejected', message: `FeedError (${error.kind}): ${error.message}`, problems: error.problems.map(describeProblem) };
  }
}
