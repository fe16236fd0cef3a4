import { describe, expect, it } from 'vitest';
import { toCsv, type CsvColumn } from '../src/internal/export.js';

type Note = { id: string; note: string };
const columns: CsvColumn<Note>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'note', value: (row) => row.note },
];

describe('CSV export', () => {
  it('keeps line breaks inside a cell as they are (CRLF, LF, CR), quoted; only the rows end in CRLF', () => {
    const csv = toCsv(columns, [
      { id: '1', note: 'a\r\nb' },
      { id: '2', note: 'line 1\nline 2' },
      { id: '3', note: 'x\ry' },
    ]);
    expect(csv).toBe('\uFEFFid,note\r\n1,"a\r\nb"\r\n2,"line 1\nline 2"\r\n3,"x\ry"\r\n');
  });

  it('quotes a cell holding a quote, a comma or a line break (RFC 4180), its quotes doubled, and no other', () => {
    expect(toCsv(columns, [{ id: 'a b', note: 'say "hi", then go' }, { id: "it's", note: ' spaced ' }])).toBe(
      '\uFEFFid,note\r\na b,"say ""hi"", then go"\r\nit\'s, spaced \r\n',
    );
  });

  it('writes a header row alone for no rows', () => {
    expect(toCsv(columns, [])).toBe('\uFEFFid,note\r\n');
  });
});
