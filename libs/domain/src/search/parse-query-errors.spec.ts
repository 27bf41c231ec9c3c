import { encodeCursor } from './cursor';
import type { RawNumberQuery } from './number-query';
import { parseNumberQuery } from './parse-query';
import { QUERY_ERROR_CODES, type QueryErrorCode } from './query-errors';

type Case = [string, RawNumberQuery, string, QueryErrorCode];

const otherSortCursor = encodeCursor('fee_desc', { feeFen: 0, gradeRank: 0, number: '4008000000' });
// relevance and grade_desc order alike when no text filter is given, yet their cursors differ.
const relevanceCursor = encodeCursor('relevance', {
  feeFen: 0,
  gradeRank: 0,
  number: '4008000000',
  score: 0,
});
const gradeCursor = encodeCursor('grade_desc', { feeFen: 0, gradeRank: 0, number: '4008000000' });

// One parameter wrong on its own.
const FIELD_CASES: Case[] = [
  ['an unknown parameter', { page: '2' }, 'page', 'UNKNOWN_PARAMETER'],
  ['a parameter given twice', { contains: ['8', '9'] }, 'contains', 'DUPLICATE_PARAMETER'],
  ['a parameter under two names', { minFee: '1', minFeeFen: '2' }, 'minFeeFen', 'DUPLICATE_PARAMETER'],
  ['a value too long to read', { word: 'A'.repeat(201) }, 'word', 'TOO_LONG'],
  ['letters in startsWith', { startsWith: '888a' }, 'startsWith', 'INVALID_DIGITS'],
  ['only separators in endsWith', { endsWith: '--' }, 'endsWith', 'INVALID_DIGITS'],
  ['a ? in contains', { contains: '8?8' }, 'contains', 'INVALID_DIGITS'],
  ['letters in excludeDigits', { excludeDigits: 'four' }, 'excludeDigits', 'INVALID_DIGITS'],
  ['startsWith past 10 digits', { startsWith: '40088888888' }, 'startsWith', 'TOO_LONG'],
  ['endsWith past 10 digits', { endsWith: '40088888888' }, 'endsWith', 'TOO_LONG'],
  ['contains longer than the 7 digits after 400', { contains: '88888888' }, 'contains', 'TOO_LONG'],
  ['a word spelling more than 7 digits', { word: 'FLOWERSS' }, 'word', 'TOO_LONG'],
  ['an unknown block', { block: '4005' }, 'block', 'UNKNOWN_BLOCK'],
  ['a block of 3 digits', { blocks: '400' }, 'blocks', 'UNKNOWN_BLOCK'],
  ['startsWith in an unknown block', { startsWith: '5' }, 'startsWith', 'UNKNOWN_BLOCK'],
  ['endsWith of 7 in an unknown block', { endsWith: '2888888' }, 'endsWith', 'UNKNOWN_BLOCK'],
  ['an unknown carrier', { carrier: 'telecom,tietong' }, 'carrier', 'UNKNOWN_CARRIER'],
  ['an unknown grade', { grade: 'bronze' }, 'grade', 'UNKNOWN_GRADE'],
  ['an unknown pattern position', { pattern: 'head:AABB' }, 'pattern', 'INVALID_PATTERN'],
  ['a pattern with two colons', { pattern: 'tail:AA:BB' }, 'pattern', 'INVALID_PATTERN'],
  ['an unknown pattern tag', { patterns: 'tail:ABCBA' }, 'patterns', 'UNKNOWN_PATTERN'],
  ['a fee with decimals', { minFee: '1.5' }, 'minFee', 'INVALID_INTEGER'],
  ['a fee in words', { maxFee: 'cheap' }, 'maxFee', 'INVALID_INTEGER'],
  ['a negative fee', { minFee: '-1' }, 'minFee', 'OUT_OF_RANGE'],
  ['a fee beyond the column', { maxFee: '2147483648' }, 'maxFee', 'OUT_OF_RANGE'],
  ['limit 0', { limit: '0' }, 'limit', 'OUT_OF_RANGE'],
  ['limit 101', { limit: '101' }, 'limit', 'OUT_OF_RANGE'],
  ['limit not a number', { limit: 'ten' }, 'limit', 'INVALID_INTEGER'],
  ['lucky maybe', { lucky: 'maybe' }, 'lucky', 'INVALID_BOOLEAN'],
  ['a word with punctuation', { word: 'hi!' }, 'word', 'INVALID_WORD'],
  ['an unknown sort', { sort: 'score' }, 'sort', 'UNKNOWN_SORT'],
  ['a mask with letters', { mask: '400abc8888' }, 'mask', 'INVALID_MASK'],
  ['a mask without * short of 10', { mask: '4008??666' }, 'mask', 'MASK_TOO_SHORT'],
  ['a mask fixing more than 10', { mask: '400*88888888' }, 'mask', 'MASK_TOO_LONG'],
  ['garbage as cursor', { cursor: 'garbage' }, 'cursor', 'INVALID_CURSOR'],
  ['a cursor of another sort', { cursor: otherSortCursor }, 'cursor', 'INVALID_CURSOR'],
  [
    'a relevance cursor for grade_desc',
    { sort: 'grade_desc', cursor: relevanceCursor },
    'cursor',
    'INVALID_CURSOR',
  ],
  [
    'a grade_desc cursor for relevance',
    { sort: 'relevance', cursor: gradeCursor },
    'cursor',
    'INVALID_CURSOR',
  ],
];

// Parameters valid alone that no number can satisfy together.
const CONTRADICTION_CASES: Case[] = [
  ['endsWith that cannot follow 400', { endsWith: '5008881234' }, 'endsWith', 'NOT_400'],
  ['a mask no 400 number matches', { mask: '8888*' }, 'mask', 'NOT_400'],
  [
    'blocks none of which the carriers run',
    { block: '4006,4000', carrier: 'telecom' },
    'block',
    'BLOCKS_CONFLICT_CARRIERS',
  ],
  ['startsWith outside the blocks', { startsWith: '4008', block: '4009' }, 'startsWith', 'NO_MATCHING_BLOCK'],
  [
    'startsWith outside the carriers',
    { startsWith: '8', carrier: 'mobile' },
    'startsWith',
    'NO_MATCHING_BLOCK',
  ],
  [
    'endsWith of 7 outside the blocks',
    { endsWith: '8123456', block: '4009' },
    'endsWith',
    'NO_MATCHING_BLOCK',
  ],
  ['a mask outside the blocks', { mask: '4008*8888', block: '4000' }, 'mask', 'NO_MATCHING_BLOCK'],
  ['a mask and startsWith', { mask: '4008??6666', startsWith: '4009' }, 'mask', 'MASK_CONFLICTS_STARTS_WITH'],
  [
    'a mask and a longer startsWith',
    { mask: '400*6666', startsWith: '40081235' },
    'mask',
    'MASK_CONFLICTS_STARTS_WITH',
  ],
  ['a mask and endsWith', { mask: '4008??6666', endsWith: '8888' }, 'mask', 'MASK_CONFLICTS_ENDS_WITH'],
  [
    'startsWith and endsWith overlapping',
    { startsWith: '4008888', endsWith: '123456' },
    'startsWith',
    'STARTS_WITH_CONFLICTS_ENDS_WITH',
  ],
  ['minFee above maxFee', { minFee: '500000', maxFee: '80000' }, 'minFee', 'FEE_RANGE_EMPTY'],
  [
    'excluding a digit contains needs',
    { contains: '148', excludeDigits: '4' },
    'excludeDigits',
    'EXCLUDED_DIGIT_REQUIRED',
  ],
  [
    'excluding a digit endsWith needs',
    { endsWith: '8884', excludeDigits: '04' },
    'excludeDigits',
    'EXCLUDED_DIGIT_REQUIRED',
  ],
  [
    'excluding a digit startsWith needs after 400',
    { startsWith: '40085', excludeDigits: '5' },
    'excludeDigits',
    'EXCLUDED_DIGIT_REQUIRED',
  ],
  [
    'excluding a digit the word spells',
    { word: 'GO', excludeDigits: '4' },
    'excludeDigits',
    'EXCLUDED_DIGIT_REQUIRED',
  ],
  [
    'excluding a digit every mask reading fixes',
    { mask: '400*88*8888', excludeDigits: '8' },
    'excludeDigits',
    'EXCLUDED_DIGIT_REQUIRED',
  ],
  ['excluding every block digit', { excludeDigits: '016789' }, 'excludeDigits', 'EXCLUDED_DIGIT_REQUIRED'],
  [
    'excluding the block digit of the chosen block',
    { block: '4008', excludeDigits: '8' },
    'excludeDigits',
    'EXCLUDED_DIGIT_REQUIRED',
  ],
];

describe('parseNumberQuery: refusals', () => {
  it.each([...FIELD_CASES, ...CONTRADICTION_CASES])('%s', (_, raw, field, code) => {
    const result = parseNumberQuery(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([[field, code]]);
    expect(result.errors[0]?.message).toMatch(/\S/);
  });

  it('refuses a mask with more readings than allowed', () => {
    expect(parseNumberQuery({ mask: '*8*8*8*' }, { maxMaskExpansions: 34 })).toMatchObject({
      ok: false,
      errors: [{ field: 'mask', code: 'MASK_TOO_BROAD' }],
    });
  });

  it('has a case for every error code', () => {
    const covered = new Set([...FIELD_CASES, ...CONTRADICTION_CASES].map(([, , , code]) => code));
    covered.add('MASK_TOO_BROAD'); // the test above: no 10-digit mask reaches the default bound
    expect([...QUERY_ERROR_CODES].filter((code) => !covered.has(code))).toEqual([]);
  });

  it('reports every invalid parameter at once, contradictions only when each is valid', () => {
    const result = parseNumberQuery({ contains: 'x', limit: '0', minFee: '5', maxFee: '1', foo: '' });
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { field: 'foo', code: 'UNKNOWN_PARAMETER' },
        { field: 'contains', code: 'INVALID_DIGITS' },
        { field: 'limit', code: 'OUT_OF_RANGE' },
      ],
    });
  });

  it('explains what is wrong in words', () => {
    expect(parseNumberQuery({ contains: '148', excludeDigits: '4' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'excludeDigits',
          code: 'EXCLUDED_DIGIT_REQUIRED',
          message: 'contains needs the digit(s) 4 that excludeDigits rules out.',
        },
      ],
    });
    expect(parseNumberQuery({ block: '4006', carrier: 'telecom' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'block',
          code: 'BLOCKS_CONFLICT_CARRIERS',
          message: 'None of blocks 4006 belongs to telecom.',
        },
      ],
    });
  });

  it('accepts what only looks contradictory', () => {
    // 400?888888 starts 4009; the mask's 4 and 0 can be the ones of 400.
    expect(parseNumberQuery({ mask: '400*88*8888', startsWith: '4009' }).ok).toBe(true);
    expect(parseNumberQuery({ mask: '*4*0*', excludeDigits: '4' }).ok).toBe(true);
    // Some blocks survive the exclusion.
    expect(parseNumberQuery({ excludeDigits: '01678' }).ok).toBe(true);
    expect(parseNumberQuery({ startsWith: '4008', endsWith: '8888888' }).ok).toBe(true);
  });
});
