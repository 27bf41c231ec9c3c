import fc from 'fast-check';
import { DEFAULT_GRADING_RULES, type GradingRules } from '../numbers/grading';
import { compareSortKeys, decodeCursor, encodeCursor, gradeRanks, type SortKey } from './cursor';
import { NUMBER_SORTS, type NumberSort } from './number-query';

const keyArb: fc.Arbitrary<SortKey> = fc.record({
  feeFen: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  gradeRank: fc.integer({ min: -1000, max: 1000 }),
  number: fc
    .string({ unit: fc.constantFrom(...'0123456789'), minLength: 7, maxLength: 7 })
    .map((rest) => `400${rest}`),
  score: fc.integer({ min: 0, max: 10_000 }),
});
const sortArb = fc.constantFrom(...NUMBER_SORTS);
const key = (feeFen: number, gradeRank: number, number: string, score?: number): SortKey =>
  score === undefined ? { feeFen, gradeRank, number } : { feeFen, gradeRank, number, score };
// What a cursor of `sort` keeps of a key: only relevance carries the score.
const kept = (sort: NumberSort, { score, ...rest }: SortKey): SortKey =>
  sort === 'relevance' ? { ...rest, score: score ?? 0 } : rest;

describe('cursor', () => {
  it('round-trips the key for its own sort', () => {
    fc.assert(
      fc.property(sortArb, keyArb, (sort, k) => {
        const cursor = encodeCursor(sort, k);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeCursor(cursor, sort)).toEqual({ ok: true, key: kept(sort, k) });
      }),
    );
  });

  it('is refused by another sort', () => {
    fc.assert(
      fc.property(sortArb, sortArb, keyArb, (sort, other, k) => {
        fc.pre(sort !== other);
        expect(decodeCursor(encodeCursor(sort, k), other)).toMatchObject({
          ok: false,
          code: 'INVALID_CURSOR',
        });
      }),
    );
  });

  it('refuses an edited cursor (or reads the very same key when only padding bits changed)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(sortArb, keyArb, fc.nat(), fc.constantFrom(...alphabet), (sort, k, at, char) => {
        const cursor = encodeCursor(sort, k);
        const i = at % cursor.length;
        fc.pre(cursor[i] !== char);
        const edited = cursor.slice(0, i) + char + cursor.slice(i + 1);
        const result = decodeCursor(edited, sort);
        if (result.ok) expect(result.key).toEqual(kept(sort, k));
        else expect(result.code).toBe('INVALID_CURSOR');
      }),
    );
  });

  it.each([
    ['', 'empty'],
    ['not a cursor', 'spaces'],
    ['%%%%', 'not base64url'],
    ['A', 'a lone base64 character'],
    [btoa('c1.fee_asc.0.0.4008888888.0').replace(/=+$/, ''), 'a wrong checksum'],
    [btoa('hello'), 'padding'],
    ['x'.repeat(500), 'too long'],
  ])('refuses %j (%s)', (cursor) => {
    expect(decodeCursor(cursor, 'fee_asc')).toMatchObject({ ok: false, code: 'INVALID_CURSOR' });
  });

  // Payloads with a valid checksum: what the decoder reads must still make sense.
  const forged = (...fields: (string | number)[]): string => {
    const payload = ['c1', ...fields].join('.');
    let hash = 0x811c9dc5;
    for (let i = 0; i < payload.length; i++) hash = Math.imul(hash ^ payload.charCodeAt(i), 0x01000193);
    return btoa(`${payload}.${(hash >>> 0).toString(36)}`).replace(/=+$/, '');
  };

  it('reads the relevance layout: fee, rank, number, score', () => {
    expect(forged('relevance', 100, 2, '4008000001', 21)).toBe(
      encodeCursor('relevance', key(100, 2, '4008000001', 21)),
    );
    expect(decodeCursor(forged('relevance', 100, 2, '4008000001', 21), 'relevance')).toEqual({
      ok: true,
      key: key(100, 2, '4008000001', 21),
    });
    // Other sorts keep their layout without a score, so their cursors stay valid.
    expect(forged('grade_desc', 100, 2, '4008000001')).toBe(
      encodeCursor('grade_desc', key(100, 2, '4008000001', 21)),
    );
  });

  it.each<[string, (string | number)[]]>([
    ['a relevance cursor without its score', ['relevance', 0, 0, '4008000001']],
    ['a negative score', ['relevance', 0, 0, '4008000001', -1]],
    ['a score that is no integer', ['relevance', 0, 0, '4008000001', '1.5']],
    ['an empty score', ['relevance', 0, 0, '4008000001', '']],
    ['a score on another sort', ['grade_desc', 0, 0, '4008000001', 3]],
  ])('refuses %s, even with a valid checksum', (_, fields) => {
    const sort = fields[0] as NumberSort;
    expect(decodeCursor(forged(...fields), sort)).toMatchObject({ ok: false, code: 'INVALID_CURSOR' });
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), sortArb, (cursor, sort) => {
        expect(decodeCursor(cursor, sort).ok).toBe(false);
      }),
    );
  });
});

describe('compareSortKeys', () => {
  const cheap = key(0, 0, '4008000001');
  const cheapLater = key(0, 0, '4008000002');
  const dear = key(500_000, 2, '4000000001');
  const dearOfLowerGrade = key(600_000, 1, '4000000000');

  it.each<[NumberSort, SortKey[]]>([
    ['fee_asc', [cheap, cheapLater, dear, dearOfLowerGrade]],
    ['fee_desc', [dearOfLowerGrade, dear, cheapLater, cheap]],
    ['grade_desc', [dear, dearOfLowerGrade, cheap, cheapLater]],
    ['relevance', [dear, dearOfLowerGrade, cheap, cheapLater]],
  ])('orders %s', (sort, expected) => {
    const shuffled = [dearOfLowerGrade, cheapLater, dear, cheap];
    expect([...shuffled].sort((a, b) => compareSortKeys(sort, a, b))).toEqual(expected);
  });

  it('orders relevance by score first, then as grade_desc', () => {
    const scored = [
      key(0, 0, '4008000002', 1),
      key(600_000, 1, '4000000000', 10),
      key(0, 0, '4008000001', 1),
      key(500_000, 2, '4000000001', 1),
      key(0, 0, '4008000003'),
    ];
    expect([...scored].sort((a, b) => compareSortKeys('relevance', a, b))).toEqual([
      key(600_000, 1, '4000000000', 10),
      key(500_000, 2, '4000000001', 1),
      key(0, 0, '4008000001', 1),
      key(0, 0, '4008000002', 1),
      key(0, 0, '4008000003'),
    ]);
  });

  it('is a total order: antisymmetric and zero only for equal keys', () => {
    fc.assert(
      fc.property(sortArb, keyArb, keyArb, (sort, a, b) => {
        const ab = compareSortKeys(sort, a, b);
        expect(Math.sign(ab)).toBe(-Math.sign(compareSortKeys(sort, b, a)));
        if (a.number !== b.number) expect(ab).not.toBe(0);
      }),
    );
  });

  it('reads grade ranks from the rules', () => {
    expect([...gradeRanks()]).toEqual(DEFAULT_GRADING_RULES.grades.map((g) => [g.code, g.rank]));
    const standard = DEFAULT_GRADING_RULES.grades.filter((g) => g.code === 'standard');
    const custom: GradingRules = {
      ...DEFAULT_GRADING_RULES,
      grades: standard.map((g) => ({ ...g, rank: 7 })),
    };
    expect(gradeRanks(custom).get('standard')).toBe(7);
    expect(gradeRanks(custom).has('gold')).toBe(false);
  });
});
