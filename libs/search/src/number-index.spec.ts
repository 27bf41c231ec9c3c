import { DEFAULT_GRADING_RULES, type GradingRules, type NumberQuery } from '@haoma/domain';
import { NumberIndex } from './number-index';
import { BY_FEE, FIXTURE_ROWS, numbers, q } from './number-index.fixture.spec-helper';

const index = NumberIndex.build(FIXTURE_ROWS);

describe('NumberIndex.search: every filter on a worked example', () => {
  it.each<[string, Partial<NumberQuery>, string[]]>([
    ['no filter: available only, cheapest first', {}, BY_FEE],
    ['fee_desc: the exact reverse', { sort: 'fee_desc' }, [...BY_FEE].reverse()],
    [
      'grade_desc: best grade, then cheapest, then number',
      { sort: 'grade_desc' },
      [
        ...['4008888888', '4000111222', '4001520520'],
        ...['4000271111', '4006663333', '4009292888', '4000357123', '4008813140'],
        ...['4000887322', '4006123456', '4009751364'],
      ],
    ],
    ['one block', { blocks: ['4000'] }, ['4000887322', '4000357123', '4000271111', '4000111222']],
    [
      'two blocks, fee_desc',
      { blocks: ['4008', '4009'], sort: 'fee_desc' },
      ['4008888888', '4009292888', '4008813140', '4009751364'],
    ],
    [
      'a carrier: its blocks',
      { carriers: ['unicom'] },
      ['4000887322', '4006123456', '4000357123', '4000271111', '4006663333', '4000111222'],
    ],
    ['a carrier whose other number is held', { carriers: ['mobile'] }, ['4001520520']],
    ['startsWith a block', { startsWith: '4000' }, ['4000887322', '4000357123', '4000271111', '4000111222']],
    ['startsWith 6 digits', { startsWith: '400888' }, ['4008888888']],
    ['endsWith 3', { endsWith: '888' }, ['4009292888', '4008888888']],
    ['endsWith 4', { endsWith: '3140' }, ['4008813140']],
    ['contains 3', { contains: '520' }, ['4001520520']],
    ['contains 2, anywhere after 400', { contains: '12' }, ['4006123456', '4000357123', '4000111222']],
    ['contains only after 400', { contains: '4000' }, []],
    ['mask with two stars', { mask: '400*88*8888' }, ['4008888888']],
    ['mask over a block', { mask: '4000*1*' }, ['4000357123', '4000271111', '4000111222']],
    ['mask with ?', { mask: '400?1??222' }, ['4000111222']],
    ['tail pattern', { patterns: [{ tag: 'AAAA', position: 'tail' }] }, ['4000271111', '4006663333']],
    ['pattern anywhere', { patterns: [{ tag: 'G888', position: 'any' }] }, ['4009292888', '4008888888']],
    ['middle pattern', { patterns: [{ tag: 'AAAA', position: 'middle' }] }, []],
    [
      'two patterns, both required',
      {
        patterns: [
          { tag: 'ABCABC', position: 'tail' },
          { tag: 'G520', position: 'middle' },
        ],
      },
      ['4001520520'],
    ],
    ['the HAS4 tag', { patterns: [{ tag: 'HAS4', position: 'tail' }] }, ['4009751364']],
    [
      'grades',
      { grades: ['silver', 'gold'] },
      ['4000357123', '4008813140', '4000271111', '4006663333', '4009292888'],
    ],
    [
      'fee range, fee_desc',
      { minFeeFen: 80_000, maxFeeFen: 500_000, sort: 'fee_desc' },
      ['4009292888', '4006663333', '4000271111', '4008813140', '4000357123'],
    ],
    ['fee range between fees', { minFeeFen: 1, maxFeeFen: 79_999 }, []],
    [
      'excludeDigits 4',
      { excludeDigits: '4' },
      BY_FEE.filter((n) => !['4006123456', '4009751364', '4008813140'].includes(n)),
    ],
    [
      'excludeDigits 0: the 0 of 400 does not count, block 4000 does',
      { excludeDigits: '0' },
      ['4006123456', '4009751364', '4006663333', '4009292888', '4008888888'],
    ],
    ['lucky', { lucky: true }, ['4008813140', '4006663333', '4009292888', '4001520520', '4008888888']],
    ['word TUV → 888', { word: 'TUV' }, ['4009292888', '4008888888']],
    ['word MOM → 666', { word: 'MOM' }, ['4006663333']],
    [
      'carrier + lucky, by grade',
      { carriers: ['telecom'], lucky: true, sort: 'grade_desc' },
      ['4008888888', '4009292888', '4008813140'],
    ],
    [
      'contains + excludeDigits + fee range',
      { contains: '1', excludeDigits: '4', maxFeeFen: 500_000, sort: 'fee_desc' },
      ['4000271111', '4000357123'],
    ],
    ['limit', { limit: 2, sort: 'fee_desc' }, ['4008888888', '4001520520']],
    // Relevance: 10 per match at the tail, 1 per match in the middle, then grade_desc.
    [
      'relevance, contains 2: the standard 4000887322 (tail 22) before platinum 4001520520',
      { contains: '2', sort: 'relevance' },
      [
        '4000111222', // 10 + 2: tail 2 and two more in 222
        '4000887322', // 10 + 1
        '4001520520', // 2 in the middle twice, platinum
        '4009292888', // the same, gold
        '4000271111', // 1, gold
        '4000357123', // 1, silver
        '4006123456', // 1, standard
      ],
    ],
    [
      'relevance, lucky: tail groups and counts first',
      { lucky: true, sort: 'relevance' },
      [
        '4008888888', // tail G888 + tail LUCKY8: 20, diamond
        '4009292888', // the same 20, gold
        '4001520520', // tail G520 + middle G520: 11
        '4006663333', // middle LUCKY6: 1, gold
        '4008813140', // middle G1314: 1, silver
      ],
    ],
    [
      'relevance, pattern any:G520 and a fee bound',
      { patterns: [{ tag: 'G520', position: 'any' }], maxFeeFen: 3_000_000, sort: 'relevance' },
      ['4001520520'],
    ],
    [
      'relevance, endsWith: every match scores the same, so grade_desc',
      { endsWith: '0', sort: 'relevance' },
      ['4001520520', '4008813140'],
    ],
    [
      'relevance without a text filter is grade_desc',
      { sort: 'relevance', excludeDigits: '5' },
      ['4008888888', '4000111222', '4000271111', '4006663333', '4009292888', '4008813140', '4000887322'],
    ],
  ])('%s', (_, filters, expected) => {
    for (const plan of ['auto', 'scan', 'enumerate'] as const) {
      expect(index.search(q(filters), { plan }).items.map((i) => i.number)).toEqual(expected);
    }
  });

  it('returns each number with its grade, sorted tags, fee and availability', () => {
    expect(index.search(q({ contains: '520' })).items).toEqual([
      {
        number: '4001520520',
        grade: 'platinum',
        tags: ['middle:G520', 'tail:ABCABC', 'tail:G520'],
        selectionFeeFen: 3_000_000,
        available: true,
      },
    ]);
  });

  it('orders grade_desc by the ranks of the rules it was built with', () => {
    const reversed: GradingRules = {
      ...DEFAULT_GRADING_RULES,
      grades: DEFAULT_GRADING_RULES.grades.map((g) => ({ ...g, rank: -g.rank })),
    };
    const byReversedRank = NumberIndex.build(FIXTURE_ROWS, { rules: reversed });
    expect(numbers(byReversedRank, q({ sort: 'grade_desc', limit: 4 }))).toEqual([
      '4000887322',
      '4006123456',
      '4009751364',
      '4000357123',
    ]);
  });

  it('breaks relevance ties by the ranks of the rules it was built with', () => {
    const reversed: GradingRules = {
      ...DEFAULT_GRADING_RULES,
      grades: DEFAULT_GRADING_RULES.grades.map((g) => ({ ...g, rank: -g.rank })),
    };
    const byReversedRank = NumberIndex.build(FIXTURE_ROWS, { rules: reversed });
    for (const plan of ['auto', 'scan', 'enumerate'] as const) {
      expect(
        byReversedRank.search(q({ sort: 'relevance', lucky: true }), { plan }).items.map((i) => i.number),
      ).toEqual([
        '4009292888', // 20, gold now above diamond
        '4008888888',
        '4001520520', // 11
        '4008813140', // 1, silver now above gold
        '4006663333',
      ]);
    }
  });

  it('maps carriers to blocks with the table it was built with', () => {
    const custom = NumberIndex.build(FIXTURE_ROWS, { blocks: [{ block: '4006', carrier: 'mobile' }] });
    expect(numbers(custom, q({ carriers: ['mobile'] }))).toEqual(['4006123456', '4006663333']);
    // Numbers of blocks missing from the table are still found without a block filter.
    expect(numbers(custom, q({}))).toEqual(BY_FEE);
  });
});
