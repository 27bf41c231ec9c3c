import { bestGrouping, CARRIERS, DEFAULT_GRADING_RULES, formatNumber, type Carrier } from '@haoma/domain';
import type { NumberResponse, NumberSummaryResponse } from '../src/numbers/number.response';
import {
  hasTag,
  LUCKY_TAGS,
  SORTS,
  startDemoSearch,
  UNAVAILABLE,
  type Known,
  type SearchEnv,
} from './number-search.fixtures';

// A silver number graded by rule set 2, which names its grade differently.
const OLDER_RULES = '4001237788';

type Case = [name: string, query: Record<string, string | readonly string[]>, match: (n: Known) => boolean];

const has = (n: Known, digits: string) => n.window.includes(digits);

// Each filter alone, the expectation written from the wording (the window is the
// 7 digits after 400).
const SINGLE: Case[] = [
  ['block: one', { block: '4008' }, (n) => n.block === '4008'],
  ['block: several, comma-separated', { block: '4008,4001' }, (n) => ['4008', '4001'].includes(n.block)],
  ['block: several, repeated', { block: ['4006', '4000'] }, (n) => ['4006', '4000'].includes(n.block)],
  ['blocks (plural name)', { blocks: '4007' }, (n) => n.block === '4007'],
  ['carrier: one', { carrier: 'telecom' }, (n) => n.carrier === 'telecom'],
  ['carrier: several', { carrier: 'unicom,mobile' }, (n) => ['unicom', 'mobile'].includes(n.carrier)],
  ['startsWith without 400', { startsWith: '820' }, (n) => n.number.startsWith('400820')],
  ['startsWith with 400', { startsWith: '400912' }, (n) => n.number.startsWith('400912')],
  ['startsWith: a block digit only', { startsWith: '0' }, (n) => n.block === '4000'],
  ['startsWith: 9 digits', { startsWith: '400123' }, (n) => n.number.startsWith('400123')],
  ['startsWith: a whole number', { startsWith: '4009292888' }, (n) => n.number === '4009292888'],
  ['endsWith: 4 digits', { endsWith: '8888' }, (n) => n.number.endsWith('8888')],
  ['endsWith: 2 digits', { endsWith: '13' }, (n) => n.number.endsWith('13')],
  ['endsWith: 7 digits', { endsWith: '0521314' }, (n) => n.number.endsWith('0521314')],
  ['endsWith: a whole number', { endsWith: '4000521314' }, (n) => n.number === '4000521314'],
  ['contains: 3 digits', { contains: '888' }, (n) => has(n, '888')],
  ['contains: 4 digits', { contains: '5683' }, (n) => has(n, '5683')],
  ['contains: 6 digits', { contains: '356937' }, (n) => has(n, '356937')],
  ['contains: full-width digits', { contains: '５２０' }, (n) => has(n, '520')],
  ['mask with * runs', { mask: '400*88*8888' }, (n) => /^400[0-9]*88[0-9]*8888$/.test(n.number)],
  ['mask with ?', { mask: '4008??6666' }, (n) => /^4008[0-9]{2}6666$/.test(n.number)],
  ['mask with x for a digit', { mask: '400-9xx-x888' }, (n) => /^4009[0-9]{3}888$/.test(n.number)],
  ['mask: a leading *', { mask: '*1314' }, (n) => n.number.endsWith('1314')],
  ['mask: * in the middle', { mask: '4006*66' }, (n) => /^4006[0-9]*66$/.test(n.number)],
  ['pattern: tail:AABB', { pattern: 'tail:AABB' }, (n) => hasTag(n, 'tail', 'AABB')],
  ['pattern: middle:AAA', { pattern: 'middle:AAA' }, (n) => hasTag(n, 'middle', 'AAA')],
  ['pattern: any:ABAB', { pattern: 'any:ABAB' }, (n) => hasTag(n, 'any', 'ABAB')],
  ['pattern: a bare tag is any', { pattern: 'abcd' }, (n) => hasTag(n, 'any', 'ABCD')],
  ['pattern: tail:AAAAA+ (+ encoded)', { pattern: 'tail:AAAAA+' }, (n) => hasTag(n, 'tail', 'AAAAA+')],
  [
    'pattern: several, repeated (all must hold)',
    { pattern: ['tail:AAA', 'any:LUCKY8'] },
    (n) => hasTag(n, 'tail', 'AAA') && hasTag(n, 'any', 'LUCKY8'),
  ],
  [
    'pattern: several, comma-separated',
    { pattern: 'tail:AAA,middle:ABAB' },
    (n) => hasTag(n, 'tail', 'AAA') && hasTag(n, 'middle', 'ABAB'),
  ],
  ['grade: one', { grade: 'gold' }, (n) => n.grade === 'gold'],
  ['grade: several', { grade: 'platinum,diamond' }, (n) => ['platinum', 'diamond'].includes(n.grade)],
  ['minFee', { minFee: '500000' }, (n) => n.fee >= 500_000],
  ['maxFee', { maxFee: '80000' }, (n) => n.fee <= 80_000],
  ['minFee and maxFee', { minFee: '80000', maxFee: '3000000' }, (n) => n.fee >= 80_000 && n.fee <= 3_000_000],
  ['minFee between fees', { minFee: '80001' }, (n) => n.fee > 80_000],
  ['excludeDigits: 4', { excludeDigits: '4' }, (n) => !has(n, '4')],
  ['excludeDigits: 0 and 1', { excludeDigits: '0 1' }, (n) => !has(n, '0') && !has(n, '1')],
  ['excludeDigits: the digit of a block', { excludeDigits: '8' }, (n) => !has(n, '8')],
  ['lucky', { lucky: 'true' }, (n) => LUCKY_TAGS.some((tag) => hasTag(n, 'any', tag))],
  ['word', { word: 'LOVE' }, (n) => has(n, '5683')],
  ['word: lower case', { word: 'flower' }, (n) => has(n, '356937')],
  ['word: letters and digits', { word: '7-love' }, (n) => has(n, '75683')],
];

const COMBINED: Case[] = [
  [
    'block + endsWith + grade',
    { block: '4008', endsWith: '88', grade: 'silver' },
    (n) => n.block === '4008' && n.number.endsWith('88') && n.grade === 'silver',
  ],
  [
    'carrier + pattern + excludeDigits + maxFee',
    { carrier: 'unicom', pattern: 'tail:AABB', excludeDigits: '4', maxFee: '500000' },
    (n) => n.carrier === 'unicom' && hasTag(n, 'tail', 'AABB') && !has(n, '4') && n.fee <= 500_000,
  ],
  [
    'contains + lucky + minFee + blocks',
    { contains: '88', lucky: 'yes', minFee: '80000', block: '4006,4009' },
    (n) =>
      has(n, '88') &&
      LUCKY_TAGS.some((t) => hasTag(n, 'any', t)) &&
      n.fee >= 80_000 &&
      ['4006', '4009'].includes(n.block),
  ],
  [
    'endsWith + maxFee (grade and fee sorts alike)',
    { endsWith: '8888', maxFee: '0' },
    (n) => n.number.endsWith('8888') && n.fee === 0,
  ],
  [
    'endsWith + grade + fee range',
    { endsWith: '66', grade: 'silver,gold,platinum', minFee: '80000', maxFee: '500000' },
    (n) => n.number.endsWith('66') && ['silver', 'gold'].includes(n.grade),
  ],
  [
    'startsWith + contains + grade',
    { startsWith: '8', contains: '520', grade: 'silver,gold' },
    (n) => n.block === '4008' && has(n, '520') && ['silver', 'gold'].includes(n.grade),
  ],
  [
    'mask + excludeDigits + carrier',
    { mask: '400*6*6', excludeDigits: '4', carrier: 'unicom,telecom' },
    (n) => /^400[0-9]*6[0-9]*6$/.test(n.number) && !has(n, '4') && ['unicom', 'telecom'].includes(n.carrier),
  ],
  [
    'word + carrier',
    { word: 'LOVE', carrier: 'mobile,unicom' },
    (n) => has(n, '5683') && ['mobile', 'unicom'].includes(n.carrier),
  ],
  [
    'pattern + grade + lucky + excludeDigits',
    { pattern: 'any:AAA', grade: 'silver', lucky: '1', excludeDigits: '47' },
    (n) =>
      hasTag(n, 'any', 'AAA') &&
      n.grade === 'silver' &&
      LUCKY_TAGS.some((t) => hasTag(n, 'any', t)) &&
      !has(n, '4') &&
      !has(n, '7'),
  ],
  [
    'startsWith + endsWith + mask',
    { startsWith: '4001', endsWith: '8', mask: '400??????8' },
    (n) => n.block === '4001' && n.number.endsWith('8'),
  ],
];

describe('GET /api/v1/numbers: filters, sorts and what each result says', () => {
  let env: SearchEnv;

  beforeAll(async () => {
    env = await startDemoSearch(11_000, 'number-search-e2e', async ({ dataSource }) => {
      // Graded by an older rule set that named silver otherwise (as the lookup suite does).
      const renamed = {
        ...DEFAULT_GRADING_RULES,
        version: 2,
        grades: DEFAULT_GRADING_RULES.grades.map((g) =>
          g.code === 'silver' ? { ...g, name: 'Silver (2024)', nameZh: '银号（旧）' } : g,
        ),
      };
      await dataSource.query(`INSERT INTO grading_rule_sets (version, rules) VALUES (2, $1::jsonb)`, [
        JSON.stringify(renamed),
      ]);
      await dataSource.query(`UPDATE numbers SET grading_version = 2 WHERE number = $1`, [OLDER_RULES]);
    });
  }, 60_000);
  afterAll(() => env?.close());

  /** Compares up to `pages` pages of 100 with the brute-force result, in every sort. */
  async function expectSearch(query: Case[1], match: Case[2], pages = 3) {
    for (const sort of SORTS) {
      const expected = env.inventory.expected(match, sort, query);
      const { digits, complete } = await env.client.walk({ ...query, sort, limit: '100' }, pages);
      expect({ sort, digits }).toEqual({ sort, digits: expected.slice(0, pages * 100) });
      expect({ sort, complete }).toEqual({ sort, complete: expected.length <= pages * 100 });
    }
    const total = env.inventory.expected(match).length;
    expect(total).toBeGreaterThan(0);
    return total;
  }

  describe('each filter on its own', () => {
    it.each(SINGLE)('%s', async (_name, query, match) => {
      const total = await expectSearch(query, match);
      expect(total).toBeLessThan(env.inventory.available.length);
    });

    it('lucky=false filters nothing, and an absent filter is no filter', async () => {
      await expectSearch({ lucky: 'false' }, () => true, 2);
      await expectSearch({}, () => true, 2);
    });
  });

  describe('filters combined: every one must hold', () => {
    it.each(COMBINED)('%s', async (_name, query, match) => {
      await expectSearch(query, match);
    });
  });

  describe('sorts', () => {
    it('defaults to fee_asc, reads the sort in any case, and orders each sort exactly', async () => {
      const query = { pattern: 'any:G888', limit: '100' };
      expect(await env.client.digits(query)).toEqual(
        env.inventory.expected((n) => hasTag(n, 'any', 'G888'), 'fee_asc').slice(0, 100),
      );
      expect(await env.client.digits({ ...query, sort: 'FEE_DESC' })).toEqual(
        await env.client.digits({ ...query, sort: 'fee_desc' }),
      );
      // Best grade first; the cheapest of a grade first; the number breaks ties.
      const graded = (await env.client.page({ ...query, sort: 'grade_desc' })).items;
      const ranks = graded.map(
        (i) => DEFAULT_GRADING_RULES.grades.find((g) => g.code === i.grade.code)?.rank,
      );
      expect(ranks).toEqual([...ranks].sort((a = 0, b = 0) => b - a));
      expect(graded[0]?.grade.code).toBe('diamond');
    });

    it('relevance: tail matches first, then more matches, then the best grade', async () => {
      const query = { contains: '888', sort: 'relevance', limit: '100' };
      const match = (n: Known) => has(n, '888');
      const digits = await env.client.digits(query);
      expect(digits).toEqual(env.inventory.expected(match, 'relevance', query).slice(0, 100));
      // 10 points a match at the tail, 1 in the middle: every number ending 888 comes
      // before every number with 888 only in the middle.
      const tails = env.inventory.expected((n) => match(n) && n.number.endsWith('888'));
      expect(tails.length).toBeGreaterThan(10);
      expect(tails.length).toBeLessThan(100);
      expect(new Set(digits.slice(0, tails.length))).toEqual(new Set(tails));
      // Among the tails, 8888… (more occurrences) before a bare 888.
      expect(digits[0]).toMatch(/8888$/);
      // Without a text filter relevance is grade_desc.
      expect(await env.client.digits({ block: '4006', sort: 'relevance', limit: '100' })).toEqual(
        await env.client.digits({ block: '4006', sort: 'grade_desc', limit: '100' }),
      );
    });
  });

  describe('each result', () => {
    it('is described in full', async () => {
      const plan = env.planOf('gold');
      expect(await env.client.page({ startsWith: '4009292888' })).toEqual({
        items: [
          {
            digits: '4009292888',
            display: '400-929-2888',
            grouping: '3-4-3',
            patternDisplay: '400-9292-888',
            block: '4009',
            carrier: { code: 'telecom', name: 'China Telecom', nameZh: '中国电信' },
            grade: { code: 'gold', name: 'Gold', nameZh: '金号' },
            tags: [
              { tag: 'ABAB', position: 'middle' },
              { tag: 'AAA', position: 'tail' },
              { tag: 'G888', position: 'tail' },
              { tag: 'LUCKY8', position: 'tail' },
            ],
            explanation: 'tail group 888',
            selectionFee: { fen: 500_000, display: '¥5,000.00' },
            cheapestPlan: {
              id: plan?.id,
              code: 'business',
              version: 1,
              name: 'Business',
              nameZh: '商务套餐',
              annualFee: { fen: 600_000, display: '¥6,000.00' },
            },
          },
        ],
        limit: 20,
        nextCursor: null,
      });
    });

    it('carries the digits, forms, carrier, grade, tags, explanation, fee and plan of its number', async () => {
      const money = (fen: number) =>
        `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;
      const summary = (n: Known): NumberSummaryResponse => {
        const grade = DEFAULT_GRADING_RULES.grades.find((g) => g.code === n.grade);
        const plan = env.planOf(n.grade);
        return {
          digits: n.number,
          display: `${n.number.slice(0, 3)}-${n.number.slice(3, 6)}-${n.number.slice(6)}`,
          grouping: bestGrouping(n.number),
          patternDisplay: formatNumber(n.number, bestGrouping(n.number)),
          block: n.block,
          carrier: { ...CARRIERS[n.carrier as Carrier] },
          grade: { code: n.grade, name: grade?.name ?? '', nameZh: grade?.nameZh ?? '' },
          tags: n.tags.map((t) => ({ tag: t.split(':')[1] ?? '', position: t.split(':')[0] as 'tail' })),
          explanation: n.explanation,
          selectionFee: { fen: n.fee, display: money(n.fee) },
          cheapestPlan: plan
            ? expect.objectContaining({
                id: plan.id,
                code: plan.code,
                annualFee: { fen: plan.annualFeeFen, display: money(plan.annualFeeFen) },
              })
            : null,
        };
      };
      const seen = new Set<string>();
      const queries: Record<string, string>[] = [
        { sort: 'grade_desc' },
        { pattern: 'any:ABAB' },
        { contains: '520' },
        { excludeDigits: '4' },
      ];
      for (const query of queries) {
        for (const item of (await env.client.page({ ...query, limit: '100' })).items) {
          expect(item).toEqual(summary(env.inventory.get(item.digits)));
          seen.add(item.grade.code);
        }
      }
      expect([...seen].sort()).toEqual(['diamond', 'gold', 'platinum', 'silver', 'standard']);
    });

    it('describes each number exactly as GET /api/v1/numbers/{number} does', async () => {
      const numbers = ['4009292888', '4006888888', '4000556677', '4000521314', '4007775683', '4009208888'];
      for (const number of [...numbers, OLDER_RULES]) {
        const found = await env.client.finds(number);
        const lookup = await env.client.get<NumberResponse>(`/api/v1/numbers/${number}`);
        expect(lookup.status).toBe(200);
        const { availability, heldUntil, ...summary } = lookup.body;
        expect([availability, heldUntil]).toEqual(['available', null]);
        expect([number, found]).toEqual([number, summary]);
      }
    });

    it('can be bought now: held, locked, assigned, suspended, quarantined and retired numbers never appear', async () => {
      for (const number of Object.values(UNAVAILABLE).flat()) {
        expect([number, await env.client.finds(number)]).toEqual([number, undefined]);
      }
    });

    it('walking the whole inventory lists exactly the numbers that can be bought, each once', async () => {
      const walk = await env.client.walk({ limit: '100' });
      const expected = env.inventory.expected(() => true);
      expect(walk.digits.length).toBe(expected.length);
      expect(walk.digits).toEqual(expected);
      expect(expected.length).toBeLessThan(env.inventory.all.length - 1_000);
    });

    it('filters that are no filter (400, *, empty values) list the same', async () => {
      const query = 'startsWith=400&endsWith=&mask=*&contains=&block=,&limit=100';
      expect(await env.client.digits(query)).toEqual(env.inventory.expected(() => true).slice(0, 100));
    });

    it('reads tail:AAAAA+ with the + left unencoded (a space once decoded)', async () => {
      expect(await env.client.digits('pattern=tail:AAAAA+&limit=100')).toEqual(
        env.inventory.expected((n) => hasTag(n, 'tail', 'AAAAA+')).slice(0, 100),
      );
    });

    it('a number whose hold ran out is listed', async () => {
      expect((await env.client.finds('4009208888'))?.grade.code).toBe('gold');
      expect(await env.client.digits({ endsWith: '208888' })).toEqual(['4009208888']);
    });
  });
});
