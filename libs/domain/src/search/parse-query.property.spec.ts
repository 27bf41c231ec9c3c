import fc from 'fast-check';
import { BLOCKS, CARRIER_CODES } from '../numbers/blocks';
import { GRADE_CODES } from '../numbers/grading';
import { PATTERN_TAGS } from '../numbers/pattern-tags';
import { tryExpandMask } from './mask';
import { MAX_SEARCH_LIMIT, NUMBER_SORTS, type NumberQuery, type RawNumberQuery } from './number-query';
import { parseNumberQuery } from './parse-query';
import { QUERY_ERROR_CODES } from './query-errors';
import { SEARCH_PARAMETERS } from './query-parameters';

const NAMES = Object.values(SEARCH_PARAMETERS).flat();
const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789８'), maxLength: max });

// Values that are often valid for some parameter, and junk.
const valueArb = fc.oneof(
  digits(11),
  fc.constantFrom(...BLOCKS.map((b) => b.block), ...CARRIER_CODES, ...GRADE_CODES, ...NUMBER_SORTS),
  fc.constantFrom(...PATTERN_TAGS).map((tag) => `tail:${tag}`),
  fc.constantFrom('true', 'false', '0', '20', '100', '400*88*8888', '4008??6666', 'LOVE', '-1', ''),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const rawArb: fc.Arbitrary<RawNumberQuery> = fc.dictionary(
  fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 8 })),
  fc.oneof(valueArb, fc.array(valueArb, { maxLength: 3 }), fc.constant(undefined)),
  { maxKeys: 6 },
);

// The query as a client would send it back.
function toRaw(query: NumberQuery): RawNumberQuery {
  const raw: Record<string, string> = { sort: query.sort, limit: String(query.limit) };
  const put = (name: string, value: string | number | boolean | undefined): void => {
    if (value !== undefined) raw[name] = String(value);
  };
  put('block', query.blocks?.join(','));
  put('carrier', query.carriers?.join(','));
  put('startsWith', query.startsWith);
  put('endsWith', query.endsWith);
  put('contains', query.contains);
  put('mask', query.mask);
  put('pattern', query.patterns?.map((p) => `${p.position}:${p.tag}`).join(','));
  put('grade', query.grades?.join(','));
  put('minFee', query.minFeeFen);
  put('maxFee', query.maxFeeFen);
  put('excludeDigits', query.excludeDigits);
  put('lucky', query.lucky);
  put('word', query.word);
  put('cursor', query.cursor);
  return raw;
}

function expectNormalised(query: NumberQuery): void {
  expect(query.limit).toBeGreaterThanOrEqual(1);
  expect(query.limit).toBeLessThanOrEqual(MAX_SEARCH_LIMIT);
  expect(NUMBER_SORTS).toContain(query.sort);
  if (query.startsWith !== undefined) expect(query.startsWith).toMatch(/^400[0-9]{1,7}$/);
  if (query.endsWith !== undefined) expect(query.endsWith).toMatch(/^[0-9]{1,7}$/);
  if (query.contains !== undefined) expect(query.contains).toMatch(/^[0-9]{1,7}$/);
  if (query.mask !== undefined) expect(tryExpandMask(query.mask).ok).toBe(true);
  if (query.excludeDigits !== undefined) {
    expect(query.excludeDigits).toBe([...new Set(query.excludeDigits)].sort().join(''));
  }
  for (const value of Object.values(query)) expect(value).not.toBeUndefined();
}

describe('parseNumberQuery: properties', () => {
  it('is total: a normalised query or coded errors, never an exception', () => {
    fc.assert(
      fc.property(rawArb, (raw) => {
        const result = parseNumberQuery(raw);
        if (result.ok) expectNormalised(result.query);
        else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) {
            expect(QUERY_ERROR_CODES).toContain(error.code);
            expect(error.message).toMatch(/\S/);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('does not throw on values a lenient query-string parser might produce', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...NAMES), fc.anything()), (raw) => {
        expect(() => parseNumberQuery(raw as unknown as RawNumberQuery)).not.toThrow();
      }),
    );
  });

  it('reads its own output back unchanged', () => {
    fc.assert(
      fc.property(rawArb, (raw) => {
        const result = parseNumberQuery(raw);
        fc.pre(result.ok);
        if (!result.ok) return;
        expect(parseNumberQuery(toRaw(result.query))).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every digit string of 1–7 as contains and endsWith', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 6 }), (d) => {
        expect(parseNumberQuery({ contains: d })).toEqual({
          ok: true,
          query: { contains: d, sort: 'fee_asc', limit: 20 },
        });
        expect(parseNumberQuery({ endsWith: d })).toEqual({
          ok: true,
          query: { endsWith: d, sort: 'fee_asc', limit: 20 },
        });
      }),
    );
  });
});

describe('parseNumberQuery: values that are not text', () => {
  it.each([
    ['an object whose toString is broken', { toString: false }],
    ['a nested object', { a: '1' }],
    ['null', null],
    ['a symbol', Symbol('x')],
  ])('refuses %s with a 400-style error, never a throw', (_label, value) => {
    const result = parseNumberQuery({ block: value } as unknown as RawNumberQuery);
    expect(result.ok).toBe(false);
  });
});
