import type { NumberSuggestionsResponse } from '../src/numbers/search/number-search.response';
import { setStatus, startSearchEnv, type ErrorBody, type SearchEnv } from './number-search.fixtures';

// A small inventory planted around 400-820-8888 (held: the customer cannot have it) and the
// word LOVE (5683), so that each kind of near match is there to be found, or not.
const WANTED = '4008208888';
const SAME_TAIL = ['4000208888', '4001208888', '4006208888', '4009208888']; // gold, 208888 in other blocks
const ONE_OFF_SILVER = ['4008208880', '4008208887']; // one digit off, silver
const ONE_OFF_GOLD = ['4008209888', '4008218888', '4008308888']; // one digit off, gold
const TAIL_AAAA = ['4001236666', '4006501111', '4007123333']; // gold, tail AAAA like 8888
const ENDS_LOVE = ['4007775683', '4009125683']; // standard
const HAS_LOVE = ['4000056830', '4001568300']; // standard
const NOT_NEAR = [
  '4008218887', // two digits off
  '4009888812', // AAAA, but in the middle
  '4006123789',
  '4000987650',
  '4006501112',
];
const HELD = [WANTED, '4007208888', '4008228888']; // held: same tail, one digit off

describe('GET /api/v1/numbers/suggest', () => {
  let env: SearchEnv;

  beforeAll(async () => {
    const numbers = [
      ...[SAME_TAIL, ONE_OFF_SILVER, ONE_OFF_GOLD, TAIL_AAAA, ENDS_LOVE, HAS_LOVE, NOT_NEAR, HELD].flat(),
    ];
    env = await startSearchEnv(numbers, ({ dataSource, inventory }) =>
      setStatus(dataSource, inventory, HELD, 'held'),
    );
  }, 60_000);
  afterAll(() => env?.close());

  async function suggest(query: string): Promise<[string, string][]> {
    const { status, body } = await env.client.get<NumberSuggestionsResponse>(
      '/api/v1/numbers/suggest',
      query,
    );
    expect([query, status]).toEqual([query, 200]);
    return body.items.map((i) => [i.digits, i.reason]);
  }

  describe('q as a whole number', () => {
    const all: [string, string][] = [
      ...SAME_TAIL.map((n): [string, string] => [n, 'same_tail']),
      ...[...ONE_OFF_SILVER, ...ONE_OFF_GOLD].map((n): [string, string] => [n, 'one_digit_off']),
      ...TAIL_AAAA.map((n): [string, string] => [n, 'same_pattern']),
    ];

    it('gives the same tail in other blocks, then one digit off, then the same pattern elsewhere', async () => {
      expect(await suggest(`q=${WANTED}&limit=50`)).toEqual(all);
    });

    it('stops at the limit (12 by default), cheapest first within a kind', async () => {
      expect(await suggest(`q=${WANTED}`)).toEqual(all.slice(0, 12));
      expect(await suggest(`q=${WANTED}&limit=5`)).toEqual(all.slice(0, 5));
      expect(await suggest(`q=${WANTED}&limit=1`)).toEqual(all.slice(0, 1));
    });

    it('reads the number in any form a customer writes it', async () => {
      for (const q of ['400-820-8888', '+86 400 820 8888', '(400) 820 8888', '４００８２０８８８８']) {
        expect([q, await suggest(`q=${encodeURIComponent(q)}&limit=50`)]).toEqual([q, all]);
      }
    });

    it('never suggests a held number, a number two digits off, or a pattern at another position', async () => {
      const suggested = (await suggest(`q=${WANTED}&limit=50`)).map(([n]) => n);
      for (const number of [...HELD, ...NOT_NEAR]) expect(suggested).not.toContain(number);
    });

    it('does not suggest the number asked for itself', async () => {
      const available = TAIL_AAAA[1] ?? '';
      const suggested = await suggest(`q=${available}&limit=50`);
      expect(suggested.map(([n]) => n)).not.toContain(available);
      const sameTag = ['4000208888', '4001208888', '4001236666', '4006208888', '4007123333'];
      sameTag.push('4008218888', '4008308888', '4009208888');
      expect(suggested).toEqual([
        ['4006501112', 'one_digit_off'],
        ...sameTag.map((n) => [n, 'same_pattern']),
      ]);
    });

    it('describes each suggestion as the search does, with its reason', async () => {
      const { body } = await env.client.get<NumberSuggestionsResponse>('/api/v1/numbers/suggest', {
        q: WANTED,
        limit: '50',
      });
      for (const item of body.items) {
        const { reason, ...summary } = item;
        expect([item.digits, summary]).toEqual([item.digits, await env.client.finds(item.digits)]);
        expect(['same_tail', 'one_digit_off', 'same_pattern']).toContain(reason);
      }
    });
  });

  describe('q as digits or letters', () => {
    const love: [string, string][] = [
      ...ENDS_LOVE.map((n): [string, string] => [n, 'same_tail']),
      ...HAS_LOVE.map((n): [string, string] => [n, 'contains']),
    ];

    it('digits: numbers ending with them, then numbers containing them', async () => {
      expect(await suggest('q=5683')).toEqual(love);
      expect(await suggest('q=56-83')).toEqual(love);
      expect(await suggest('q=208888')).toEqual(SAME_TAIL.map((n) => [n, 'same_tail']));
    });

    it('letters are spelled on the keypad', async () => {
      for (const q of ['LOVE', 'love', 'Lo-Ve', 'L O V E']) {
        expect([q, await suggest(`q=${encodeURIComponent(q)}`)]).toEqual([q, love]);
      }
    });

    it('full-width digits read as digits, as in the search', async () => {
      expect(await suggest(`q=${encodeURIComponent('５６８３')}`)).toEqual(love);
    });

    it('digits that no number has give an empty list, not an error', async () => {
      expect(await suggest('q=1234321')).toEqual([]);
    });
  });

  describe('bad q or limit: 400 INVALID_QUERY', () => {
    it.each([
      ['(nothing)', '', 'q', 'INVALID_DIGITS'],
      ['q=', 'q=', 'q', 'INVALID_DIGITS'],
      ['q=%20%20', 'q=%20%20', 'q', 'INVALID_DIGITS'],
      ['q=hello!', 'q=hello!', 'q', 'INVALID_DIGITS'],
      ['q=12345678', 'q=12345678', 'q', 'INVALID_DIGITS'],
      ['q=4005123456', 'q=4005123456', 'q', 'INVALID_DIGITS'],
      ['q of 10,000 digits', `q=${'8'.repeat(10_000)}`, 'q', 'INVALID_DIGITS'],
      ['q=%E7%88%B1', 'q=%E7%88%B1', 'q', 'INVALID_DIGITS'],
      ['q=8888&limit=0', 'q=8888&limit=0', 'limit', 'OUT_OF_RANGE'],
      ['q=8888&limit=51', 'q=8888&limit=51', 'limit', 'OUT_OF_RANGE'],
      ['q=8888&limit=ten', 'q=8888&limit=ten', 'limit', 'OUT_OF_RANGE'],
      ['q=8888&limit=1.5', 'q=8888&limit=1.5', 'limit', 'OUT_OF_RANGE'],
      ['q=8888&limit=1&limit=2', 'q=8888&limit=1&limit=2', 'limit', 'DUPLICATE_PARAMETER'],
    ])('%s', async (_label, query, field, code) => {
      const { status, body } = await env.client.get<ErrorBody>('/api/v1/numbers/suggest', query);
      expect([query, status]).toEqual([query, 400]);
      expect(body).toEqual({
        statusCode: 400,
        code: 'INVALID_QUERY',
        message: expect.any(String),
        fields: [{ field, errors: [expect.any(String)], codes: [code] }],
      });
    });

    it('a repeated q is refused with a 400, not a 500', async () => {
      const { status, body } = await env.client.get<ErrorBody>('/api/v1/numbers/suggest', 'q=8888&q=6666');
      expect([status, body.code]).toEqual([400, 'INVALID_QUERY']);
      expect(body.fields).toEqual([
        { field: 'q', errors: [expect.any(String)], codes: ['DUPLICATE_PARAMETER'] },
      ]);
    });

    it('an empty limit counts as no limit, as in the search', async () => {
      const { status } = await env.client.get<ErrorBody>('/api/v1/numbers/suggest', 'q=8888&limit=');
      expect(status).toBe(200);
    });
  });
});
