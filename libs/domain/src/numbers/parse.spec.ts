import fc from 'fast-check';
import { BLOCKS } from './blocks';
import { formatNumber, GROUPINGS } from './format';
import { isCanonicalNumber, parseNumber, PARSE_ERROR_CODES, type ParseErrorCode } from './parse';

const numberArb = fc
  .tuple(
    fc.constantFrom(...BLOCKS.map((b) => b.block)),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
  )
  .map(([block, rest]) => block + rest);

// ASCII digits, spaces, hyphens, dots, parentheses and plus → their full-width forms.
const toFullWidth = (text: string): string =>
  text.replace(/[0-9\-.()+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

describe('parseNumber: accepted forms', () => {
  it.each([
    ['400-123-4567', '4001234567'],
    ['400 123 4567', '4001234567'],
    ['4001234567', '4001234567'],
    ['400.123.4567', '4001234567'],
    ['(400) 123-4567', '4001234567'],
    ['4001-234-567', '4001234567'],
    ['400-1234-567', '4001234567'],
    ['+86 400 123 4567', '4001234567'],
    ['+86-400-123-4567', '4001234567'],
    ['+864001234567', '4001234567'],
    ['+86 (400) 888-8888', '4008888888'],
    ['(+86) 400 888 8888', '4008888888'],
    ['0086 400 123 4567', '4001234567'],
    ['0086-4001234567', '4001234567'],
    ['86 400 123 4567', '4001234567'],
    ['864001234567', '4001234567'],
    ['４００－１２３－４５６７', '4001234567'],
    ['４００\u3000８８８\u3000８８８８', '4008888888'],
    ['＋８６\u3000４００\u3000６１２\u3000３４５６', '4006123456'],
    ['（４００）１２３．４５６７', '4001234567'],
    ['  400-123-4567 \n', '4001234567'],
    ['\t400\u00a0900\u2009 1234\r\n', '4009001234'],
    ['400‐123–4567', '4001234567'],
    ['400—123−4567', '4001234567'],
    ['\ufeff4001234567', '4001234567'],
    ['400\u200b123\u200b4567', '4001234567'],
  ])('%j → %s', (input, digits) => {
    expect(parseNumber(input)).toEqual({ ok: true, digits });
  });
});

describe('parseNumber: rejections', () => {
  it.each<[string, ParseErrorCode, string]>([
    ['', 'EMPTY', 'Enter a 400 number.'],
    ['   ', 'EMPTY', 'Enter a 400 number.'],
    ['\u3000-\u3000', 'EMPTY', 'Enter a 400 number.'],
    ['()', 'EMPTY', 'Enter a 400 number.'],
    ['+', 'EMPTY', 'Enter a 400 number.'],
    ['400-123-456a', 'INVALID_CHARACTER', '"a" at position 12 is not allowed in a phone number.'],
    ['400/123/4567', 'INVALID_CHARACTER', '"/" at position 4 is not allowed in a phone number.'],
    ['400-FLOWERS', 'INVALID_CHARACTER', '"F" at position 5 is not allowed in a phone number.'],
    ['400😀1234567', 'INVALID_CHARACTER', '"😀" at position 4 is not allowed in a phone number.'],
    ['(400 123 4567', 'INVALID_CHARACTER', '"(" at position 1 opens a parenthesis that is never closed.'],
    ['400) 123 4567', 'INVALID_CHARACTER', '")" at position 4 closes a parenthesis that was not opened.'],
    ['((400)) 1234567', 'INVALID_CHARACTER', '"(" at position 2 opens a parenthesis inside another.'],
    [
      '400+1234567',
      'INVALID_CHARACTER',
      '"+" at position 4 is a plus sign that does not start a country code.',
    ],
    [
      '++86 4001234567',
      'INVALID_CHARACTER',
      '"+" at position 2 is a plus sign that does not start a country code.',
    ],
    [
      '+1 400 123 4567',
      'INVALID_COUNTRY_CODE',
      'Only numbers in China (country code +86) can be 400 numbers.',
    ],
    [
      '001 400 123 4567',
      'INVALID_COUNTRY_CODE',
      'Only numbers in China (country code +86) can be 400 numbers.',
    ],
    [
      '+852 4001234567',
      'INVALID_COUNTRY_CODE',
      'Only numbers in China (country code +86) can be 400 numbers.',
    ],
    ['800-123-4567', 'NOT_400', 'A 400 number starts with 400; this one starts with 800.'],
    ['1234567890', 'NOT_400', 'A 400 number starts with 400; this one starts with 123.'],
    ['5', 'NOT_400', 'A 400 number starts with 400; this one starts with 5.'],
    ['86 400 123 456', 'NOT_400', 'A 400 number starts with 400; this one starts with 864.'],
    ['+86 800 123 4567', 'NOT_400', 'A 400 number starts with 400; this one starts with 800.'],
    ['400-123-456', 'TOO_SHORT', 'A 400 number has 10 digits; this one has 9.'],
    ['40', 'TOO_SHORT', 'A 400 number has 10 digits; this one has 2.'],
    ['+86', 'TOO_SHORT', 'A 400 number has 10 digits; this one has 0.'],
    ['400-123-45678', 'TOO_LONG', 'A 400 number has 10 digits; this one has 11.'],
    ['0086 400 123 45678', 'TOO_LONG', 'A 400 number has 10 digits; this one has 11.'],
    ['4002-123-456', 'UNKNOWN_BLOCK', 'Block 4002 is not a 400 block we know of.'],
    ['400-555-1234', 'UNKNOWN_BLOCK', 'Block 4005 is not a 400 block we know of.'],
  ])('%j → %s', (input, reason, message) => {
    expect(parseNumber(input)).toEqual({ ok: false, reason, message });
  });

  it('covers every reason code', () => {
    expect([...PARSE_ERROR_CODES].sort()).toEqual(
      [
        'EMPTY',
        'INVALID_CHARACTER',
        'INVALID_COUNTRY_CODE',
        'NOT_400',
        'TOO_LONG',
        'TOO_SHORT',
        'UNKNOWN_BLOCK',
      ].sort(),
    );
  });

  it('checks the block against the table it is given', () => {
    expect(parseNumber('4002123456', [{ block: '4002', carrier: 'telecom' }])).toEqual({
      ok: true,
      digits: '4002123456',
    });
    expect(parseNumber('4008123456', [])).toMatchObject({ ok: false, reason: 'UNKNOWN_BLOCK' });
  });
});

describe('isCanonicalNumber', () => {
  it.each([
    ['4008888888', true],
    ['400888888', false],
    ['40088888888', false],
    ['5008888888', false],
    ['400888888x', false],
    ['400-888-888', false],
  ])('%j → %s', (digits, expected) => {
    expect(isCanonicalNumber(digits)).toBe(expected);
  });
});

describe('parseNumber: properties', () => {
  it('parse ∘ format is the identity, for every grouping and separator', () => {
    fc.assert(
      fc.property(
        numberArb,
        fc.constantFrom(...GROUPINGS),
        fc.constantFrom('-', ' ', '.', ''),
        (d, g, sep) => {
          expect(parseNumber(formatNumber(d, g, sep))).toEqual({ ok: true, digits: d });
        },
      ),
    );
  });

  it('reads international and full-width forms of every formatted number', () => {
    fc.assert(
      fc.property(numberArb, fc.constantFrom(...GROUPINGS), (d, g) => {
        const formatted = formatNumber(d, g);
        for (const input of [`+86 ${formatted}`, `0086-${formatted}`, toFullWidth(`+86 (${formatted})`)]) {
          expect(parseNumber(input)).toEqual({ ok: true, digits: d });
        }
      }),
    );
  });

  it('never throws and returns canonical digits or a known reason', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (input) => {
        const result = parseNumber(input);
        if (result.ok) expect(isCanonicalNumber(result.digits)).toBe(true);
        else {
          expect(PARSE_ERROR_CODES).toContain(result.reason);
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
