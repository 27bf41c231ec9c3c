import fc from 'fast-check';
import { appraise } from '../numbers/appraise';
import { wordToDigits } from '../numbers/keypad';
import { LUCKY_TAGS, type NumberQuery, type PatternFilterPosition } from './number-query';
import { parseNumberQuery } from './parse-query';
import { fitsPlacement, relevancePlacements, relevanceScore, type RelevanceRow } from './relevance';

const q = (filters: Partial<NumberQuery>): NumberQuery => ({ sort: 'relevance', limit: 20, ...filters });
const row = (number: string, tags: readonly string[] = appraise(number).tags): RelevanceRow => ({
  number,
  tags,
});

describe('relevanceScore', () => {
  // Worked out by hand: 10 per match at the tail (fixing the last digit), 1 per match elsewhere.
  it.each<[string, Partial<NumberQuery>, string, number]>([
    ['contains in the middle', { contains: '88' }, '4001288345', 1],
    ['contains at the tail', { contains: '88' }, '4001235988', 10],
    ['contains: every overlapping occurrence', { contains: '88' }, '4008888888', 10 + 5],
    ['contains: a longer run scores more', { contains: '88' }, '4001238888', 10 + 2],
    ['contains: no occurrence', { contains: '88' }, '4001234567', 0],
    ['contains: the 0 of 400 does not count', { contains: '00' }, '4001234567', 0],
    ['contains: all 7 digits', { contains: '1234567' }, '4001234567', 10],
    ['word: its keypad digits (TV = 88)', { word: 'TV' }, '4005881288', 10 + 1],
    ['endsWith', { endsWith: '88' }, '4001235988', 10],
    ['endsWith, not matched', { endsWith: '88' }, '4001235989', 0],
    ['startsWith a block', { startsWith: '4008' }, '4008123456', 1],
    ['startsWith the whole number: its last digit is fixed', { startsWith: '4008123456' }, '4008123456', 10],
    ['mask: a reading fixing the tail', { mask: '*1314' }, '4000521314', 10],
    ['mask: a reading leaving the tail free', { mask: '4008*' }, '4008123456', 1],
    ['mask: both readings of 400*88*8888', { mask: '400*88*8888' }, '4008888888', 20],
    ['mask: one reading of 400*88*8888', { mask: '400*88*8888' }, '4001888888', 10],
    ['mask: the other reading', { mask: '400*88*8888' }, '4008818888', 10],
    ['mask: a middle reading', { mask: '*88*' }, '4001881234', 1],
    ['pattern at the tail', { patterns: [{ tag: 'AAAA', position: 'any' }] }, '4000271111', 10],
    ['pattern in the middle', { patterns: [{ tag: 'AAAA', position: 'any' }] }, '4008888123', 1],
    [
      'pattern asked at the tail, found in the middle',
      { patterns: [{ tag: 'G888', position: 'tail' }] },
      '4008888123',
      0,
    ],
    ['lucky: tail G888 and tail LUCKY8', { lucky: true }, '4009292888', 20],
    ['lucky: middle LUCKY6', { lucky: true }, '4006663333', 1],
    ['lucky: tail and middle G520', { lucky: true }, '4001520520', 11],
    ['lucky: none', { lucky: true }, '4000887322', 0],
    [
      'filters add up: contains 8 (tail + 2 in the middle) and lucky (20)',
      { contains: '8', lucky: true },
      '4009292888',
      12 + 20,
    ],
    [
      'filters that are not about digits add nothing',
      { blocks: ['4009'], grades: ['gold'], minFeeFen: 1, excludeDigits: '7', contains: '888' },
      '4009292888',
      10,
    ],
    ['no text filter: 0', { blocks: ['4008'], carriers: ['telecom'], maxFeeFen: 0 }, '4008888888', 0],
  ])('%s', (_, filters, number, score) => {
    expect(relevanceScore(q(filters), row(number))).toBe(score);
  });

  // Every position a pattern filter names × every way the number may have the tag.
  it.each<[PatternFilterPosition, string[], number]>([
    ['tail', [], 0],
    ['tail', ['tail:ABAB'], 10],
    ['tail', ['middle:ABAB'], 0],
    ['tail', ['tail:ABAB', 'middle:ABAB'], 10],
    ['middle', [], 0],
    ['middle', ['tail:ABAB'], 0],
    ['middle', ['middle:ABAB'], 1],
    ['middle', ['tail:ABAB', 'middle:ABAB'], 1],
    ['any', [], 0],
    ['any', ['tail:ABAB'], 10],
    ['any', ['middle:ABAB'], 1],
    ['any', ['tail:ABAB', 'middle:ABAB'], 11],
  ])('pattern %s:ABAB on tags %j scores %i', (position, tags, score) => {
    const query = q({ patterns: [{ tag: 'ABAB', position }] });
    expect(relevanceScore(query, row('4001234567', [...tags, 'tail:AAAA', 'middle:AAAA']))).toBe(score);
  });

  // Every window over two digits: the count of occurrences, read with a regular expression.
  const windows = Array.from({ length: 128 }, (_, i) =>
    [...i.toString(2).padStart(7, '0')].map((bit) => (bit === '1' ? '8' : '1')).join(''),
  );
  it.each(['8', '88', '18', '888', '1881', '8888888'])(
    'contains %s over every window of 1s and 8s',
    (digits) => {
      for (const window of windows) {
        const starts = [...window.matchAll(new RegExp(`(?=${digits})`, 'g'))].map((m) => m.index);
        const expected = starts.reduce((sum, start) => sum + (start + digits.length === 7 ? 10 : 1), 0);
        expect([window, relevanceScore(q({ contains: digits }), row(`400${window}`, []))]).toEqual([
          window,
          expected,
        ]);
      }
    },
  );

  it.each(['400*88*8888', '*1*8', '4008*', '*8?', '400?1??818', '*0*88'])(
    'mask %s: a number scores exactly when it matches the glob (every window of 1s and 8s)',
    (mask) => {
      const glob = new RegExp(`^${mask.replace(/\?/g, '[0-9]').replace(/\*/g, '[0-9]*')}$`);
      for (const window of windows) {
        const number = `400${window}`;
        expect([number, relevanceScore(q({ mask }), row(number, [])) > 0]).toEqual([
          number,
          glob.test(number),
        ]);
      }
    },
  );
});

describe('relevancePlacements', () => {
  it('lists each filter as a group, each pattern filter apart', () => {
    const groups = relevancePlacements(
      q({
        startsWith: '4008',
        endsWith: '8',
        contains: '888888',
        patterns: [
          { tag: 'AAA', position: 'tail' },
          { tag: 'ABAB', position: 'any' },
        ],
      }),
    );
    expect(groups.map((g) => g.map((p) => [p.filter, p.digits ?? p.tag, p.position]))).toEqual([
      [['startsWith', '4008??????', 'middle']],
      [['endsWith', '400??????8', 'tail']],
      [
        ['contains', '400888888?', 'middle'],
        ['contains', '400?888888', 'tail'],
      ],
      [['patterns', 'AAA', 'tail']],
      [
        ['patterns', 'ABAB', 'tail'],
        ['patterns', 'ABAB', 'middle'],
      ],
    ]);
  });

  it('is empty without a text filter', () => {
    expect(relevancePlacements(q({ blocks: ['4008'], grades: ['gold'], excludeDigits: '4' }))).toEqual([]);
  });

  const numberArb = fc
    .string({ unit: fc.constantFrom(...'168'), minLength: 7, maxLength: 7 })
    .map((window) => `400${window}`);
  // One or two text filters: more rarely match anything.
  const rawArb = fc
    .tuple(
      fc.record({
        contains: fc.string({ unit: fc.constantFrom(...'168'), minLength: 1, maxLength: 3 }),
        endsWith: fc.string({ unit: fc.constantFrom(...'168'), minLength: 1, maxLength: 2 }),
        mask: fc.constantFrom('*8*', '400*6*8', '4008*', '*1?', '*88*8*'),
        word: fc.constantFrom('TV', 'MOM', 'N'),
        pattern: fc.constantFrom('AAA', 'tail:AAA', 'middle:ABAB', 'LUCKY8', 'G168'),
        lucky: fc.constant('true'),
      }),
      fc.subarray(['contains', 'endsWith', 'mask', 'word', 'pattern', 'lucky'], {
        minLength: 1,
        maxLength: 2,
      }),
    )
    .map(([all, chosen]) => Object.fromEntries(Object.entries(all).filter(([k]) => chosen.includes(k))));

  // The text filters read the obvious way (the index's reference reads them all).
  const glob = (mask: string) => new RegExp(`^${mask.replace(/\?/g, '[0-9]').replace(/\*/g, '[0-9]*')}$`);
  const hasTag = (r: RelevanceRow, position: PatternFilterPosition, tag: string) =>
    position === 'any'
      ? r.tags.includes(`tail:${tag}`) || r.tags.includes(`middle:${tag}`)
      : r.tags.includes(`${position}:${tag}`);
  const passes = (query: NumberQuery, r: RelevanceRow): boolean => {
    const window = r.number.slice(3);
    const word = query.word === undefined ? undefined : wordToDigits(query.word);
    return (
      (query.startsWith === undefined || r.number.startsWith(query.startsWith)) &&
      (query.endsWith === undefined || r.number.endsWith(query.endsWith)) &&
      (query.contains === undefined || window.includes(query.contains)) &&
      (query.mask === undefined || glob(query.mask).test(r.number)) &&
      (word === undefined || (word.ok && window.includes(word.digits))) &&
      (query.patterns ?? []).every((p) => hasTag(r, p.position, p.tag)) &&
      (query.lucky !== true || LUCKY_TAGS.some((tag) => hasTag(r, 'any', tag)))
    );
  };

  it('a number that passes the query fits some placement of every group, and only then', () => {
    let passed = 0;
    fc.assert(
      fc.property(rawArb, fc.array(numberArb, { minLength: 30, maxLength: 30 }), (raw, numbers) => {
        const parsed = parseNumberQuery(raw);
        fc.pre(parsed.ok);
        if (!parsed.ok) return;
        const groups = relevancePlacements(parsed.query);
        for (const number of numbers) {
          const r = row(number);
          const fitsEach = groups.every((group) => group.some((p) => fitsPlacement(r, p)));
          expect([number, fitsEach]).toEqual([number, passes(parsed.query, r)]);
          if (fitsEach) passed++;
        }
      }),
      { numRuns: 300 },
    );
    expect(passed).toBeGreaterThan(100);
  });
});
