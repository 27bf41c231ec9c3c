import fc from 'fast-check';
import { formatFen, parseYuan } from './money';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [29, '¥0.29'],
    [100, '¥1.00'],
    [120000, '¥1,200.00'],
    [123456789, '¥1,234,567.89'],
    [-1050, '-¥10.50'],
  ])('%i fen → %s', (fen, shown) => expect(formatFen(fen)).toBe(shown));

  it('refuses a fraction of a fen', () => expect(() => formatFen(0.5)).toThrow(RangeError));
});

describe('parseYuan', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['1200', 120000],
    ['1,200.5', 120050],
    ['¥ 99.99', 9999],
    ['￥0.01', 1],
    ['1.234', NaN],
    ['abc', NaN],
    ['-5', NaN],
  ])('%j → %s fen', (text, fen) => expect(parseYuan(text)).toBe(fen));

  it('reads back what formatFen writes', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e13 }), (fen) => parseYuan(formatFen(fen)) === fen));
  });
});
