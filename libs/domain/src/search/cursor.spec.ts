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
});
const sortArb = fc.constantFrom(...NUMBER_SORTS);
const key = (feeFen: number, gradeRank: number, number: string): SortKey => ({ feeFen, gradeRank, number });

describe('cursor', () => {
  it('round-trips the key for its own sort', () => {
    fc.assert(
      fc.property(sortArb, keyArb, (sort, k) => {
        const cursor = encodeCursor(sort, k);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeCursor(cursor, sort)).toEqual({ ok: true, key: k });
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
        if (result.ok) expect(result.key).toEqual(k);
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
  ])('orders %s', (sort, expected) => {
    const shuffled = [dearOfLowerGrade, cheapLater, dear, cheap];
    expect([...shuffled].sort((a, b) => compareSortKeys(sort, a, b))).toEqual(expected);
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
