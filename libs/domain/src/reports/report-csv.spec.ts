import fc from 'fast-check';
import { CSV_BOM, csvCell, parseCsv, toCsv } from './report-csv';

describe('toCsv', () => {
  it('writes a BOM, the header and the rows with CRLF', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        { a: 1, b: 'x' },
        { a: null, b: '深圳,有限公司' },
      ],
    );
    expect(text).toBe(`${CSV_BOM}a,b\r\n1,x\r\n,"深圳,有限公司"\r\n`);
  });

  it.each([
    ['plain', 'plain'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-12.50', '-12.50'],
    [-3, '-3'],
    [true, 'true'],
    [null, ''],
  ])('writes %p as %p', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('reads back what it wrote', () => {
    const safeText = fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.tuple(safeText, safeText), { maxLength: 5 }), (pairs) => {
        const rows = pairs.map(([a, b]) => ({ a, b }));
        const parsed = parseCsv(toCsv(['a', 'b'], rows));
        expect(parsed).toEqual([['a', 'b'], ...pairs.map(([a, b]) => [a, b])]);
      }),
    );
  });
});
