import fc from 'fast-check';
import { BLOCKS } from '../numbers/blocks';
import { expandMask, MASK_ERROR_CODES, MaskError, MAX_MASK_EXPANSIONS, tryExpandMask } from './mask';
import { QUERY_ERROR_CODES } from './query-errors';

// The glob read the slow, obvious way.
const globMatches = (mask: string, number: string): boolean =>
  new RegExp(`^${mask.replace(/\?/g, '[0-9]').replace(/\*/g, '[0-9]*')}$`).test(number);
const expansionMatches = (expansion: string, number: string): boolean =>
  [...expansion].every((c, i) => c === '?' || c === number[i]);

const numberArb = fc
  .tuple(
    fc.constantFrom(...BLOCKS.map((b) => b.block)),
    fc.string({ unit: fc.constantFrom(...'0189'), minLength: 6, maxLength: 6 }),
  )
  .map(([block, rest]) => block + rest);
const maskArb = fc
  .array(fc.constantFrom('?', '*', '0', '1', '8', '9', '4', '00'), { minLength: 1, maxLength: 12 })
  .map((tokens) => tokens.join(''));

describe('expandMask', () => {
  it.each([
    ['400*88*8888', ['40088?8888', '400?888888']],
    ['4008??6666', ['4008??6666']],
    ['*8888', ['400???8888']],
    ['*', ['400???????']],
    ['400*', ['400???????']],
    ['**8888', ['400???8888']],
    ['4008888888', ['4008888888']],
    ['??????????', ['400???????']],
    // The 0 can be the one of 400, which covers every other reading.
    ['*0*8888', ['400???8888']],
    ['*08*8888', ['4008??8888', '40008?8888', '400?088888']],
  ])('%s → %j', (mask, expansions) => {
    expect(expandMask(mask)).toEqual(expansions);
  });

  it.each([
    ['400-888-8888', 'INVALID_MASK'],
    ['', 'INVALID_MASK'],
    ['4008??666', 'MASK_TOO_SHORT'],
    ['40088886666?', 'MASK_TOO_LONG'],
    ['400*88888888', 'MASK_TOO_LONG'],
    ['8888*', 'NOT_400'],
    ['5??????????'.slice(0, 10), 'NOT_400'],
  ])('%j is refused with %s', (mask, code) => {
    expect(tryExpandMask(mask)).toMatchObject({ ok: false, code });
    expect(() => expandMask(mask)).toThrow(MaskError);
    try {
      expandMask(mask);
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
      expect((error as MaskError).code).toBe(code);
    }
  });

  it('refuses a mask with more readings than the bound', () => {
    expect(tryExpandMask('*8*8*8*')).toMatchObject({ ok: true });
    expect(tryExpandMask('*8*8*8*', 34)).toEqual({
      ok: false,
      code: 'MASK_TOO_BROAD',
      message: 'The mask can be read 35 ways (at most 34); fix more digits or use fewer *.',
    });
  });

  it('uses codes that are query error codes', () => {
    for (const code of MASK_ERROR_CODES) expect(QUERY_ERROR_CODES).toContain(code);
  });

  it('stands for exactly the 400 numbers the glob matches', () => {
    fc.assert(
      fc.property(maskArb, fc.array(numberArb, { maxLength: 20 }), (mask, numbers) => {
        const result = tryExpandMask(mask);
        fc.pre(result.ok);
        if (!result.ok) return;
        for (const number of numbers) {
          expect(result.masks.some((m) => expansionMatches(m, number))).toBe(globMatches(mask, number));
        }
        for (const expansion of result.masks) {
          // Each expansion's own digits (free ones as 0 and as 9) match the glob.
          expect(globMatches(mask, expansion.replace(/\?/g, '0'))).toBe(true);
          expect(globMatches(mask, expansion.replace(/\?/g, '9'))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives distinct 10-character masks starting 400, never more than the bound', () => {
    fc.assert(
      fc.property(maskArb, (mask) => {
        const result = tryExpandMask(mask);
        if (!result.ok) return;
        expect(new Set(result.masks).size).toBe(result.masks.length);
        expect(result.masks.length).toBeLessThanOrEqual(MAX_MASK_EXPANSIONS);
        for (const m of result.masks) expect(m).toMatch(/^400[0-9?]{7}$/);
      }),
    );
  });

  it('is total on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (mask) => {
        const result = tryExpandMask(mask);
        if (!result.ok) expect(MASK_ERROR_CODES).toContain(result.code);
      }),
    );
  });
});
