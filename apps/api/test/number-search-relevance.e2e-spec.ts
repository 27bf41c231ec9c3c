import { encodeCursor } from '@haoma/domain';
import {
  eventually,
  setStatus,
  startSearchEnv,
  type ErrorBody,
  type SearchEnv,
} from './number-search.fixtures';

// A dozen numbers whose relevance for contains=88 and lucky is worked out by hand: 10
// points for each match at the tail, 1 for each in the middle, then grade, fee, number.
// Grades and fees are appraise's: standard 0, silver 800 yuan, diamond 200,000.
const NUMBERS = [
  '4008888888', // diamond; 88 six times, once at the tail: 15; tail G888 + tail LUCKY8: 20
  '4000880088', // silver; 88 in the middle and at the tail: 11; tail LUCKY8: 10
  '4001886688', // silver; the same: 11; 10
  '4006881388', // silver; the same: 11; 10
  '4001235988', // standard; 88 at the tail: 10
  '4006512388', // standard; 10
  '4007123788', // standard; 10
  '4007888123', // silver; 88 twice in the middle: 2; middle G888 + middle LUCKY8: 2
  '4009188618', // silver; 88 in the middle: 1; tail LUCKY8: 10
  '4008812356', // standard; 1
  '4009881235', // standard; 1
  '4000567123', // silver; no 88, nothing lucky
];

const CONTAINS_88 = [
  '4008888888',
  '4000880088',
  '4001886688',
  '4006881388',
  '4001235988',
  '4006512388',
  '4007123788',
  '4007888123',
  '4009188618',
  '4008812356',
  '4009881235',
];

const LUCKY = ['4008888888', '4000880088', '4001886688', '4006881388', '4009188618', '4007888123'];

const GRADE_DESC = [
  '4008888888',
  '4000567123',
  '4000880088',
  '4001886688',
  '4006881388',
  '4007888123',
  '4009188618',
  '4001235988',
  '4006512388',
  '4007123788',
  '4008812356',
  '4009881235',
];

const base64url = (text: string) => Buffer.from(text, 'latin1').toString('base64url');
const unbase64url = (token: string) => Buffer.from(token, 'base64url').toString('latin1');

describe('GET /api/v1/numbers?sort=relevance', () => {
  let env: SearchEnv;

  beforeAll(async () => {
    env = await startSearchEnv(NUMBERS);
  }, 60_000);
  afterAll(() => env?.close());

  async function refused(query: string): Promise<string[] | undefined> {
    const { status, body } = await env.client.get<ErrorBody>('/api/v1/numbers', query);
    expect([query, status, body.code]).toEqual([query, 400, 'INVALID_QUERY']);
    return body.fields?.flatMap((f) => f.codes ?? []);
  }

  it('puts matches at the tail first, then more matches, then the best grade, fee and number', async () => {
    expect(await env.client.digits({ contains: '88', sort: 'relevance' })).toEqual(CONTAINS_88);
    expect(await env.client.digits({ word: 'tv', sort: 'RELEVANCE' })).toEqual(CONTAINS_88);
    expect(await env.client.digits({ lucky: 'true', sort: 'relevance' })).toEqual(LUCKY);
    // The other sorts on the same search, for contrast.
    expect(await env.client.digits({ contains: '88', sort: 'grade_desc' })).toEqual(
      GRADE_DESC.filter((n) => CONTAINS_88.includes(n)),
    );
  });

  it('is grade_desc without a text filter, and when every match scores the same', async () => {
    expect(await env.client.digits({ sort: 'relevance' })).toEqual(GRADE_DESC);
    expect(await env.client.digits({ endsWith: '88', sort: 'relevance' })).toEqual(
      GRADE_DESC.filter((n) => n.endsWith('88')),
    );
  });

  it('pages by the score in its cursor, each number once', async () => {
    const walk = await env.client.walk({ contains: '88', sort: 'relevance', limit: '3' });
    expect(walk).toEqual({ digits: CONTAINS_88, pages: 4, complete: true });
    const first = await env.client.page({ contains: '88', sort: 'relevance', limit: '4' });
    // The cursor is the last row's key: relevance,fee,rank,number,score.
    expect(
      unbase64url(first.nextCursor ?? '')
        .split('.')
        .slice(1, 6),
    ).toEqual(['relevance', '80000', '1', '4006881388', '11']);
    const rest = await env.client.digits({
      contains: '88',
      sort: 'relevance',
      limit: '100',
      cursor: first.nextCursor ?? '',
    });
    expect(rest).toEqual(CONTAINS_88.slice(4));
  });

  it('is not shifted by holds and releases between pages', async () => {
    const query = { contains: '88', sort: 'relevance', limit: '4' };
    const first = await env.client.page(query);
    expect(first.items.map((i) => i.digits)).toEqual(CONTAINS_88.slice(0, 4));
    // Held: the cursor's own number, one already listed and one still to come.
    const held = ['4006881388', '4000880088', '4006512388'];
    await setStatus(env.dataSource, env.inventory, held, 'held');
    await eventually(async () => {
      for (const number of held)
        expect([number, await env.client.finds(number)]).toEqual([number, undefined]);
    });
    try {
      const rest = await env.client.digits({ ...query, limit: '100', cursor: first.nextCursor ?? '' });
      expect(rest).toEqual(CONTAINS_88.slice(4).filter((n) => !held.includes(n)));
    } finally {
      await setStatus(env.dataSource, env.inventory, held, 'available');
      await eventually(async () => {
        for (const number of held) expect((await env.client.finds(number))?.digits).toBe(number);
      });
    }
  });

  it('refuses a cursor from another sort, and one from relevance in another sort', async () => {
    const relevance =
      (await env.client.page({ contains: '88', sort: 'relevance', limit: '2' })).nextCursor ?? '';
    const grade =
      (await env.client.page({ contains: '88', sort: 'grade_desc', limit: '2' })).nextCursor ?? '';
    expect(relevance).not.toBe('');
    expect(grade).not.toBe('');
    expect(await refused(`contains=88&sort=relevance&cursor=${grade}`)).toEqual(['INVALID_CURSOR']);
    for (const sort of ['fee_asc', 'fee_desc', 'grade_desc']) {
      expect(await refused(`contains=88&sort=${sort}&cursor=${relevance}`)).toEqual(['INVALID_CURSOR']);
    }
    expect(await refused(`contains=88&cursor=${relevance}`)).toEqual(['INVALID_CURSOR']);
  });

  it('refuses an edited cursor: its score changed, or negative with a valid checksum', async () => {
    const cursor =
      (await env.client.page({ contains: '88', sort: 'relevance', limit: '2' })).nextCursor ?? '';
    const text = unbase64url(cursor);
    const edited = text.replace(
      /\.(\d+)\.([0-9a-z]+)$/,
      (_, score: string, check: string) => `.${Number(score) + 1}.${check}`,
    );
    expect(edited).not.toBe(text);
    expect(await refused(`sort=relevance&cursor=${base64url(edited)}`)).toEqual(['INVALID_CURSOR']);
    const forged = encodeCursor('relevance', { feeFen: 0, gradeRank: 0, number: '4008888888', score: 5 });
    const negative = unbase64url(forged).split('.').slice(0, 6);
    negative[5] = '-5';
    const body = negative.join('.');
    let hash = 0x811c9dc5;
    for (let i = 0; i < body.length; i++) hash = Math.imul(hash ^ body.charCodeAt(i), 0x01000193);
    const reforged = base64url(`${body}.${(hash >>> 0).toString(36)}`);
    expect(await refused(`sort=relevance&cursor=${reforged}`)).toEqual(['INVALID_CURSOR']);
    // A well-formed cursor pages from where its key sorts: after every number scoring
    // more than 5, before those scoring less.
    expect(await env.client.digits({ sort: 'relevance', contains: '88', cursor: forged })).toEqual(
      CONTAINS_88.slice(7),
    );
  });

  it('documents relevance among the sorts', async () => {
    const { body } = await env.client.get<{
      paths: Record<string, { get?: { parameters?: { name: string; schema?: { enum?: string[] } }[] } }>;
    }>('/docs/openapi.json');
    const sort = body.paths['/api/v1/numbers']?.get?.parameters?.find((p) => p.name === 'sort');
    expect(sort?.schema?.enum).toEqual(['fee_asc', 'fee_desc', 'grade_desc', 'relevance']);
  });
});
