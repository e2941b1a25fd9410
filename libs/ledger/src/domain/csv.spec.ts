import { readCsv } from './csv';

const cells = (text: string): ReadonlyArray<ReadonlyArray<string>> => readCsv(text).records.map((r) => r.cells);

describe('readCsv', () => {
  it('splits records on LF, CRLF and a lone CR', () => {
    expect(cells('a,b\nc,d\r\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('a quoted field keeps commas, doubled quotes and line breaks', () => {
    expect(cells('"a,b","say ""hi""","two\r\nlines"\r\nx')).toEqual([['a,b', 'say "hi"', 'two\nlines'], ['x']]);
  });

  it('keeps empty cells, leading and trailing', () => {
    expect(cells(',a,\n')).toEqual([['', 'a', '']]);
    expect(cells('""')).toEqual([['']]);
  });

  it('numbers records by the physical line they start on', () => {
    expect(readCsv('h\n"1\n2"\nx\n\ny').records.map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
  });

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(cells('12" pipe,b')).toEqual([['12" pipe', 'b']]);
  });

  it('reports a quote never closed and text after a closing quote', () => {
    expect(readCsv('a\n"open,b\nc').errors).toEqual([{ line: 2, code: 'CSV_UNTERMINATED_QUOTE', message: 'line 2: a quoted field is never closed' }]);
    const bad = readCsv('"a"b,c');
    expect(bad.errors.map((e) => e.code)).toEqual(['CSV_MALFORMED_QUOTE']);
    expect(bad.records[0].cells).toEqual(['ab', 'c']);
  });

  it('an empty text has no records', () => {
    expect(readCsv('').records).toEqual([]);
  });
});
