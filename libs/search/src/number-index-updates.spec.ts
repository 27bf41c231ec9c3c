import {
  DEFAULT_GRADING_RULES,
  decodeCursor,
  encodeCursor,
  type GradeCode,
  type GradingRules,
} from '@haoma/domain';
import type { IndexRow } from './index-row';
import { NumberIndex, NumberIndexBuilder } from './number-index';
import { BY_FEE, FIXTURE_ROWS, numbers, q } from './number-index.fixture.spec-helper';

const fresh = (): NumberIndex => NumberIndex.build(FIXTURE_ROWS);
const row = (number: string, grade: GradeCode, selectionFeeFen: number, tags: string[] = []): IndexRow => ({
  number,
  grade,
  tags,
  selectionFeeFen,
  available: true,
});

describe('NumberIndex: keyset pages', () => {
  it('pages with a cursor and stops with none', () => {
    const index = fresh();
    const first = index.search(q({ limit: 4 }));
    expect(first.items.map((i) => i.number)).toEqual(BY_FEE.slice(0, 4));
    const second = index.search(q({ limit: 4, cursor: first.nextCursor }));
    expect(second.items.map((i) => i.number)).toEqual(BY_FEE.slice(4, 8));
    const third = index.search(q({ limit: 4, cursor: second.nextCursor }));
    expect(third).toEqual({ items: expect.any(Array) });
    expect(third.items.map((i) => i.number)).toEqual(BY_FEE.slice(8));
  });

  it('gives a cursor only when more follow', () => {
    const index = fresh();
    expect(index.search(q({ limit: 11 })).nextCursor).toBeUndefined();
    expect(index.search(q({ limit: 10 })).nextCursor).toBeDefined();
  });

  it('is not shifted by holds and releases between pages', () => {
    const index = fresh();
    const first = index.search(q({ limit: 4 }));
    expect(index.setAvailable('4000357123', false)).toBe(true); // on the first page, the cursor's row
    expect(index.setAvailable('4008813140', false)).toBe(true); // still to come
    expect(index.setAvailable('4007168168', true)).toBe(true); // released, still to come
    const second = index.search(q({ limit: 4, cursor: first.nextCursor }));
    expect(second.items.map((i) => i.number)).toEqual([
      '4000271111',
      '4006663333',
      '4009292888',
      '4000111222',
    ]);
    const third = index.search(q({ limit: 4, cursor: second.nextCursor }));
    expect(third.items.map((i) => i.number)).toEqual(['4001520520', '4007168168', '4008888888']);
    expect(index.availableCount).toBe(10);
  });

  it('pages backwards from a fee_desc cursor and across grades by grade_desc', () => {
    const index = fresh();
    const cursor = encodeCursor('fee_desc', { feeFen: 80_000, gradeRank: 1, number: '4008813140' });
    expect(numbers(index, q({ sort: 'fee_desc', cursor }))).toEqual([
      '4000357123',
      ...BY_FEE.slice(0, 3).reverse(),
    ]);
    const gold = encodeCursor('grade_desc', { feeFen: 500_000, gradeRank: 2, number: '4006663333' });
    expect(numbers(index, q({ sort: 'grade_desc', cursor: gold, limit: 3 }))).toEqual([
      '4009292888',
      '4000357123',
      '4008813140',
    ]);
  });
});

describe('NumberIndex: relevance pages', () => {
  const contains2 = { contains: '2', sort: 'relevance' } as const;

  it('pages by score with the score in the cursor, not shifted by holds and releases', () => {
    const index = fresh();
    const first = index.search(q({ ...contains2, limit: 3 }));
    expect(first.items.map((i) => i.number)).toEqual(['4000111222', '4000887322', '4001520520']);
    const cursor = decodeCursor(first.nextCursor ?? '', 'relevance');
    expect(cursor).toEqual({
      ok: true,
      key: { feeFen: 3_000_000, gradeRank: 3, number: '4001520520', score: 2 },
    });
    expect(index.setAvailable('4001520520', false)).toBe(true); // the cursor's row
    expect(index.setAvailable('4000271111', false)).toBe(true); // still to come
    expect(index.setAvailable('4000887322', false)).toBe(true); // already listed
    const second = index.search(q({ ...contains2, limit: 3, cursor: first.nextCursor }));
    expect(second.items.map((i) => i.number)).toEqual(['4009292888', '4000357123', '4006123456']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('merges a number moved to the pending segment by its score', () => {
    const index = fresh();
    const first = index.search(q({ ...contains2, limit: 2 }));
    // A new fee moves 4009292888 to the pending segment; a new number scores 10 + 1 like
    // the cursor's 4000887322, and comes after it by number.
    index.upsert(row('4009292888', 'gold', 600_000, ['middle:ABAB', 'tail:AAA']));
    index.upsert(row('4000990022', 'standard', 0));
    expect(index.pendingCount).toBe(2);
    expect(numbers(index, q({ ...contains2, cursor: first.nextCursor }))).toEqual([
      '4000990022',
      '4001520520',
      '4009292888',
      '4000271111',
      '4000357123',
      '4006123456',
    ]);
  });

  it('refuses a cursor of another sort, and pages one of a higher or lower score sensibly', () => {
    const index = fresh();
    const grade = encodeCursor('grade_desc', { feeFen: 0, gradeRank: 0, number: '4000887322' });
    expect(() => index.search(q({ ...contains2, cursor: grade }))).toThrow(RangeError);
    // endsWith=0: every match scores 10, so a cursor scoring more lies before them all,
    // one scoring less after them all.
    const endsWith0 = { endsWith: '0', sort: 'relevance' } as const;
    const key = { feeFen: 0, gradeRank: 0, number: '4000000000' };
    const above = encodeCursor('relevance', { ...key, score: 11 });
    const below = encodeCursor('relevance', { ...key, score: 9 });
    expect(numbers(index, q({ ...endsWith0, cursor: above }))).toEqual(['4001520520', '4008813140']);
    expect(numbers(index, q({ ...endsWith0, cursor: below }))).toEqual([]);
    const same = encodeCursor('relevance', {
      feeFen: 3_000_000,
      gradeRank: 3,
      number: '4001520520',
      score: 10,
    });
    expect(numbers(index, q({ ...endsWith0, cursor: same }))).toEqual(['4008813140']);
  });
});

describe('NumberIndex: updates', () => {
  it('changes tags and grade in place when the fee stays', () => {
    const index = fresh();
    index.upsert(row('4000887322', 'silver', 0, ['tail:ABAB', 'middle:LUCKY8']));
    expect(index.pendingCount).toBe(0);
    expect(numbers(index, q({ patterns: [{ tag: 'ABAB', position: 'tail' }] }))).toEqual(['4000887322']);
    expect(numbers(index, q({ lucky: true, maxFeeFen: 0 }))).toEqual(['4000887322']);
    expect(numbers(index, q({ grades: ['standard'] }))).toEqual(['4006123456', '4009751364']);
    expect(index.get('4000887322')).toEqual(row('4000887322', 'silver', 0, ['middle:LUCKY8', 'tail:ABAB']));
  });

  it('moves a number whose fee changes, and adds new numbers, without disturbing pages', () => {
    const index = fresh();
    const first = index.search(q({ limit: 3 }));
    index.upsert(row('4000887322', 'gold', 900_000));
    index.upsert(row('4007778889', 'gold', 500_000));
    expect([index.size, index.pendingCount, index.availableCount]).toEqual([13, 2, 12]);
    const rest = index.search(q({ limit: 100, cursor: first.nextCursor }));
    expect(rest.items.map((i) => i.number)).toEqual([
      ...['4000357123', '4008813140', '4000271111', '4006663333', '4007778889', '4009292888'],
      ...['4000887322', '4000111222', '4001520520', '4008888888'],
    ]);
    expect(index.setAvailable('4007778889', false)).toBe(true);
    expect(numbers(index, q({ grades: ['gold'] }))).toEqual([
      '4000271111',
      '4006663333',
      '4009292888',
      '4000887322',
    ]);
    const rebuilt = index.rebuild();
    expect([rebuilt.size, rebuilt.pendingCount, rebuilt.availableCount]).toEqual([13, 0, 11]);
    expect(numbers(rebuilt, q({ limit: 100 }))).toEqual(numbers(index, q({ limit: 100 })));
  });

  it('removes numbers and ignores unknown ones', () => {
    const index = fresh();
    expect(index.remove('4008888888')).toBe(true);
    expect(index.remove('4008888888')).toBe(false);
    expect(index.setAvailable('4008888888', true)).toBe(false);
    expect(index.setAvailable('not a number', true)).toBe(false);
    expect(index.get('4008888888')).toBeUndefined();
    expect(numbers(index, q({ sort: 'fee_desc', limit: 1 }))).toEqual(['4001520520']);
    expect([index.size, index.availableCount]).toEqual([11, 10]);
    expect([...index.rows()].map((r) => r.number)).not.toContain('4008888888');
  });

  it('lists every row, held ones included', () => {
    const rows = [...fresh().rows()];
    expect(rows).toHaveLength(12);
    expect(rows.find((r) => r.number === '4007168168')).toMatchObject({
      available: false,
      grade: 'platinum',
    });
  });

  it('reports its memory', () => {
    const small = fresh().memoryBytes();
    expect(small).toBeGreaterThan(0);
    expect(NumberIndex.build(FIXTURE_ROWS, { denseLookup: true }).memoryBytes()).toBeGreaterThan(40_000_000);
  });
});

describe('NumberIndex: refusals and the planner', () => {
  it.each<[string, Partial<IndexRow>, string]>([
    ['a malformed number', { number: '400-888-8888' }, 'not a canonical 400 number: "400-888-8888"'],
    ['an unknown grade', { grade: 'bronze' as GradeCode }, '4008888888: unknown grade "bronze"'],
    ['an unknown tag', { tags: ['tail:ABCBA'] }, '4008888888: unknown tag "tail:ABCBA"'],
    ['a negative fee', { selectionFeeFen: -1 }, '4008888888: selection fee must be whole fen'],
    ['a fractional fee', { selectionFeeFen: 1.5 }, '4008888888: selection fee must be whole fen'],
  ])('refuses %s', (_, change, message) => {
    const builder = new NumberIndexBuilder();
    expect(() => builder.add({ ...row('4008888888', 'diamond', 0), ...change })).toThrow(message);
    expect(() => fresh().upsert({ ...row('4008888888', 'diamond', 0), ...change })).toThrow(RangeError);
  });

  it('refuses a number listed twice and a grade the rules do not define', () => {
    expect(() => NumberIndex.build([...FIXTURE_ROWS, FIXTURE_ROWS[0] as IndexRow])).toThrow(
      '4008888888 is listed twice',
    );
    const onlyStandard: GradingRules = {
      ...DEFAULT_GRADING_RULES,
      grades: DEFAULT_GRADING_RULES.grades.filter((g) => g.code === 'standard'),
    };
    expect(() => NumberIndex.build(FIXTURE_ROWS, { rules: onlyStandard })).toThrow(
      '4008888888: grade diamond is not in the grading rules',
    );
  });

  it('refuses queries the parser would not produce', () => {
    const index = fresh();
    expect(() => index.search(q({ limit: 0 }))).toThrow('limit must be 1..100');
    const cursor = encodeCursor('fee_desc', { feeFen: 0, gradeRank: 0, number: '4008000000' });
    expect(() => index.search(q({ cursor }))).toThrow(RangeError);
    expect(() => index.search(q({ mask: '400' }))).toThrow(RangeError);
  });

  it('enumerates when digits are pinned and scans otherwise', () => {
    const index = fresh();
    expect(index.explain(q({ contains: '8888888' }))).toEqual({ path: 'enumerate', candidates: 1 });
    expect(index.explain(q({ endsWith: '3140', blocks: ['4008'] }))).toEqual({
      path: 'enumerate',
      candidates: 100,
    });
    expect(index.explain(q({}))).toEqual({ path: 'scan', candidates: undefined });
    expect(index.explain(q({ contains: '1' }))).toMatchObject({ path: 'scan' });
  });
});
