import fc from 'fast-check';
import { fenToYuan } from './report-money';
import { rate, wholeSeconds } from './report-ratio';

describe('fenToYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [120_000, '1200.00'],
    [123_456, '1234.56'],
    [-1_050, '-10.50'],
    [-5, '-0.05'],
  ])('%i fen is %s yuan', (fen, yuan) => expect(fenToYuan(fen)).toBe(yuan));

  it('reads back to the same fen, always with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        const yuan = fenToYuan(fen);
        expect(yuan).toMatch(/^-?\d+\.\d{2}$/);
        expect(Math.round(Number(yuan) * 100)).toBe(fen);
      }),
    );
  });

  it('refuses a fraction of a fen', () => expect(() => fenToYuan(1.5)).toThrow());
});

describe('rate', () => {
  it.each([
    [1, 3, 0.3333],
    [2, 3, 0.6667],
    [0, 5, 0],
    [5, 5, 1],
    [3, 0, null],
  ])('%i / %i is %s', (part, whole, expected) => expect(rate(part, whole)).toBe(expected));

  it('stays within 0..1 for a part of the whole', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (whole, f) => {
          const r = rate(Math.floor(whole * f), whole) as number;
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('rounds seconds', () => {
    expect(wholeSeconds(1.5)).toBe(2);
    expect(wholeSeconds(null)).toBeNull();
  });
});
