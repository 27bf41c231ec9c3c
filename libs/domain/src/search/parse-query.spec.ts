import type { BlockInfo } from '../numbers/blocks';
import { encodeCursor } from './cursor';
import type { NumberQuery, RawNumberQuery } from './number-query';
import { parseNumberQuery } from './parse-query';

const parsed = (raw: RawNumberQuery): NumberQuery => {
  const result = parseNumberQuery(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.query;
};
const defaults = { sort: 'fee_asc', limit: 20 } as const;

describe('parseNumberQuery: accepted parameters', () => {
  it.each<[string, RawNumberQuery, Partial<NumberQuery>]>([
    ['nothing', {}, {}],
    ['blank values as absent', { startsWith: '', contains: '  ', block: ',' }, {}],
    ['undefined values as absent', { startsWith: undefined }, {}],
    ['one block', { block: '4008' }, { blocks: ['4008'] }],
    ['blocks as a comma list, sorted', { block: '4009, 4008' }, { blocks: ['4008', '4009'] }],
    ['blocks repeated and plural', { blocks: ['4009', '4008,4009'] }, { blocks: ['4008', '4009'] }],
    ['blocks with a Chinese comma', { block: '4008，4000' }, { blocks: ['4000', '4008'] }],
    ['full-width block', { block: '４００８' }, { blocks: ['4008'] }],
    ['carriers in code order', { carrier: 'Mobile,telecom' }, { carriers: ['telecom', 'mobile'] }],
    ['startsWith after 400', { startsWith: '888' }, { startsWith: '400888' }],
    ['startsWith with 400', { startsWith: '4008881' }, { startsWith: '4008881' }],
    ['startsWith full number', { startsWith: '400-888-8888' }, { startsWith: '4008888888' }],
    ['startsWith full-width', { startsWith: '４００８' }, { startsWith: '4008' }],
    ['startsWith still typing 40', { startsWith: '40' }, {}],
    ['startsWith 400 alone', { startsWith: '400' }, {}],
    ['endsWith', { endsWith: '8888' }, { endsWith: '8888' }],
    ['endsWith with separators', { endsWith: '88 88' }, { endsWith: '8888' }],
    ['endsWith of 10 digits', { endsWith: '4008881234' }, { endsWith: '8881234' }],
    ['endsWith of 8 digits', { endsWith: '08881234' }, { endsWith: '8881234' }],
    ['contains', { contains: '520' }, { contains: '520' }],
    ['contains of 7', { contains: '８８８８８８８' }, { contains: '8888888' }],
    ['mask', { mask: '400*88*8888' }, { mask: '400*88*8888' }],
    ['mask with x and repeated stars', { mask: '4008**xx6666' }, { mask: '4008*??6666' }],
    ['mask full-width', { mask: '４００８？？６６６６' }, { mask: '4008??6666' }],
    ['pattern with position', { pattern: 'tail:AABB' }, { patterns: [{ tag: 'AABB', position: 'tail' }] }],
    ['pattern without position', { pattern: 'aabb' }, { patterns: [{ tag: 'AABB', position: 'any' }] }],
    [
      'patterns sorted by value, deduplicated',
      { pattern: ['tail:ABC', 'middle:AAAA,tail:ABC'] },
      {
        patterns: [
          { tag: 'AAAA', position: 'middle' },
          { tag: 'ABC', position: 'tail' },
        ],
      },
    ],
    [
      'a + tag whose + became a space',
      { pattern: 'tail:AAAAA ' },
      { patterns: [{ tag: 'AAAAA+', position: 'tail' }] },
    ],
    ['a + tag', { pattern: 'Tail:abcde+' }, { patterns: [{ tag: 'ABCDE+', position: 'tail' }] }],
    ['grades in code order', { grade: 'Gold,standard' }, { grades: ['standard', 'gold'] }],
    ['fees', { minFee: '0', maxFee: '500000' }, { minFeeFen: 0, maxFeeFen: 500_000 }],
    [
      'fees under their fen names',
      { minFeeFen: '80000', maxFeeFen: '+80000' },
      { minFeeFen: 80_000, maxFeeFen: 80_000 },
    ],
    ['excludeDigits sorted, distinct', { excludeDigits: '7447' }, { excludeDigits: '47' }],
    ['lucky', { lucky: 'true' }, { lucky: true }],
    ['lucky 1', { lucky: '1' }, { lucky: true }],
    ['lucky false as no filter', { lucky: 'false' }, {}],
    ['word', { word: 'flowers' }, { word: 'FLOWERS' }],
    ['word with digits and a hyphen', { word: 'go-88' }, { word: 'GO-88' }],
    ['sort', { sort: 'grade_desc' }, { sort: 'grade_desc' }],
    ['sort relevance, in any case', { sort: 'Relevance' }, { sort: 'relevance' }],
    ['limit', { limit: '100' }, { limit: 100 }],
    ['limit of 1', { limit: '1' }, { limit: 1 }],
  ])('%s', (_, raw, expected) => {
    expect(parsed(raw)).toEqual({ ...defaults, ...expected });
  });

  it('keeps a cursor of the same sort', () => {
    const cursor = encodeCursor('fee_desc', { feeFen: 0, gradeRank: 0, number: '4008000000' });
    expect(parsed({ sort: 'fee_desc', cursor })).toEqual({ sort: 'fee_desc', limit: 20, cursor });
  });

  it('keeps a relevance cursor with relevance, with or without text filters', () => {
    const cursor = encodeCursor('relevance', { feeFen: 0, gradeRank: 2, number: '4008000000', score: 11 });
    expect(parsed({ sort: 'relevance', cursor })).toEqual({ sort: 'relevance', limit: 20, cursor });
    expect(parsed({ sort: 'relevance', contains: '88', cursor })).toEqual({
      sort: 'relevance',
      limit: 20,
      contains: '88',
      cursor,
    });
  });

  it('combines every filter', () => {
    expect(
      parsed({
        carrier: 'telecom',
        block: '4008',
        startsWith: '4008',
        endsWith: '88',
        contains: '6',
        mask: '400*6*88',
        pattern: 'LUCKY8',
        grade: 'silver,gold',
        minFee: '1',
        maxFee: '600000',
        excludeDigits: '4',
        lucky: 'yes',
        word: 'N',
        sort: 'fee_desc',
        limit: '5',
      }),
    ).toEqual({
      blocks: ['4008'],
      carriers: ['telecom'],
      startsWith: '4008',
      endsWith: '88',
      contains: '6',
      mask: '400*6*88',
      patterns: [{ tag: 'LUCKY8', position: 'any' }],
      grades: ['silver', 'gold'],
      minFeeFen: 1,
      maxFeeFen: 600_000,
      excludeDigits: '4',
      lucky: true,
      word: 'N',
      sort: 'fee_desc',
      limit: 5,
    });
  });

  it('checks blocks against the table it is given', () => {
    const blocks: BlockInfo[] = [{ block: '4005', carrier: 'unicom' }];
    expect(parseNumberQuery({ block: '4005', startsWith: '5' }, { blocks })).toEqual({
      ok: true,
      query: { ...defaults, blocks: ['4005'], startsWith: '4005' },
    });
    expect(parseNumberQuery({ block: '4008' }, { blocks })).toMatchObject({
      ok: false,
      errors: [{ field: 'block', code: 'UNKNOWN_BLOCK' }],
    });
  });
});
