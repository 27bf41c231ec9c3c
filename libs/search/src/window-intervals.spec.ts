import fc from 'fast-check';
import { WINDOW_SPACE } from './index-row';
import { MAX_INTERVALS, windowIntervals } from './window-intervals';

const t = (pattern: string): Int8Array => Int8Array.from(pattern, (c) => (c === '?' ? -1 : Number(c)));
const ALL = 0x3ff;
const BLOCK_DIGITS = (1 << 0) | (1 << 1) | (1 << 6) | (1 << 7) | (1 << 8) | (1 << 9);

describe('windowIntervals', () => {
  it.each<[string, number, string[] | undefined, [number, number][] | undefined]>([
    ['no restriction', ALL, undefined, undefined],
    [
      'the six blocks',
      BLOCK_DIGITS,
      undefined,
      [
        [0, 2_000_000],
        [6_000_000, 10_000_000],
      ],
    ],
    ['one block', 1 << 8, undefined, [[8_000_000, 9_000_000]]],
    ['a prefix', ALL, ['888????'], [[8_880_000, 8_890_000]]],
    ['a prefix outside the blocks', 1 << 9, ['888????'], []],
    ['templates without prefix', ALL, ['???8888', '8??????'], undefined],
    [
      'two prefixes',
      ALL,
      ['12?????', '8??????'],
      [
        [1_200_000, 1_300_000],
        [8_000_000, 9_000_000],
      ],
    ],
    ['adjacent prefixes merge', ALL, ['1??????', '2??????'], [[1_000_000, 3_000_000]]],
    ['a whole number', ALL, ['8881234'], [[8_881_234, 8_881_235]]],
  ])('%s', (_, blockDigits, templates, expected) => {
    expect(windowIntervals(blockDigits, templates?.map(t))).toEqual(expected);
  });

  it('gives up past the fragment limit', () => {
    const templates = Array.from({ length: MAX_INTERVALS + 1 }, (_, i) =>
      t(String(i * 3).padStart(3, '0') + '????'),
    );
    expect(windowIntervals(ALL, templates)).toBeUndefined();
  });

  it('contains exactly the windows the blocks and some template prefix allow', () => {
    const templateArb = fc
      .array(fc.constantFrom('?', '0', '1', '8'), { minLength: 7, maxLength: 7 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: ALL }),
        fc.option(fc.array(templateArb, { minLength: 1, maxLength: 4 })),
        fc.array(fc.integer({ min: 0, max: WINDOW_SPACE - 1 }), { maxLength: 30 }),
        (blockDigits, templates, windows) => {
          const intervals = windowIntervals(blockDigits, templates?.map(t));
          fc.pre(intervals !== undefined);
          for (const window of windows) {
            const digits = String(window).padStart(7, '0');
            const prefixOk =
              templates === null ||
              templates.some((tp) => {
                const fixed = tp.length - tp.replace(/^[0-9]+/, '').length;
                return digits.startsWith(tp.slice(0, fixed));
              });
            const expected = (blockDigits & (1 << Number(digits[0]))) !== 0 && prefixOk;
            expect(intervals?.some(([from, to]) => window >= from && window < to)).toBe(expected);
          }
        },
      ),
    );
  });
});
