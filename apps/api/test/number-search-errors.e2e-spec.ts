import { encodeCursor, QUERY_ERROR_CODES, type QueryErrorCode } from '@haoma/domain';
import { generated, startSearchEnv, type ErrorBody, type SearchEnv } from './number-search.fixtures';

// One request per code that a client can provoke, with the parameter it is reported under.
// MASK_TOO_BROAD is left out: a 10-digit mask has at most C(7,3) = 35 readings, under the
// limit of 64 (the parser keeps the code as a guard against a change of its rules).
const UNREACHABLE: readonly QueryErrorCode[] = ['MASK_TOO_BROAD'];

const REFUSED: [QueryErrorCode, string, string][] = [
  ['UNKNOWN_PARAMETER', 'price=1', 'price'],
  ['UNKNOWN_PARAMETER', 'block[]=4008', 'block[]'],
  ['UNKNOWN_PARAMETER', '__proto__=1', '__proto__'],
  ['DUPLICATE_PARAMETER', 'startsWith=820&startsWith=821', 'startsWith'],
  ['DUPLICATE_PARAMETER', 'minFee=1&minFeeFen=2', 'minFeeFen'],
  ['DUPLICATE_PARAMETER', 'sort=fee_asc&sort=fee_desc', 'sort'],
  ['INVALID_DIGITS', 'contains=12a4', 'contains'],
  ['INVALID_DIGITS', 'startsWith=--', 'startsWith'],
  ['INVALID_DIGITS', 'endsWith=８８８８x', 'endsWith'],
  ['INVALID_DIGITS', 'excludeDigits=four', 'excludeDigits'],
  ['TOO_LONG', 'contains=12345678', 'contains'],
  ['TOO_LONG', 'startsWith=40082088888', 'startsWith'],
  ['TOO_LONG', 'endsWith=40082088888', 'endsWith'],
  ['TOO_LONG', 'word=FLOWERSS', 'word'],
  ['TOO_LONG', `contains=${'8'.repeat(201)}`, 'contains'],
  ['UNKNOWN_BLOCK', 'block=4005', 'block'],
  ['UNKNOWN_BLOCK', 'blocks=4008,4002', 'blocks'],
  ['UNKNOWN_BLOCK', 'startsWith=5', 'startsWith'],
  ['UNKNOWN_BLOCK', 'endsWith=5123456', 'endsWith'],
  ['UNKNOWN_CARRIER', 'carrier=vodafone', 'carrier'],
  ['UNKNOWN_GRADE', 'grade=gold,bronze', 'grade'],
  ['INVALID_PATTERN', 'pattern=top:AABB', 'pattern'],
  ['INVALID_PATTERN', 'pattern=tail:AA:BB', 'pattern'],
  ['UNKNOWN_PATTERN', 'pattern=tail:AXBY', 'pattern'],
  ['INVALID_INTEGER', 'minFee=1.5', 'minFee'],
  ['INVALID_INTEGER', 'maxFee=1e6', 'maxFee'],
  ['INVALID_INTEGER', 'limit=ten', 'limit'],
  ['OUT_OF_RANGE', 'limit=101', 'limit'],
  ['OUT_OF_RANGE', 'minFee=-1', 'minFee'],
  ['OUT_OF_RANGE', 'maxFee=2147483648', 'maxFee'],
  ['INVALID_BOOLEAN', 'lucky=maybe', 'lucky'],
  ['INVALID_WORD', 'word=hello!', 'word'],
  ['INVALID_WORD', 'word=爱', 'word'],
  ['UNKNOWN_SORT', 'sort=price', 'sort'],
  ['INVALID_MASK', 'mask=400-88a-8888', 'mask'],
  ['MASK_TOO_SHORT', 'mask=4008??888', 'mask'],
  ['MASK_TOO_LONG', 'mask=40088888888', 'mask'],
  ['MASK_TOO_LONG', 'mask=4008*8888888', 'mask'],
  ['INVALID_CURSOR', 'cursor=not-a-cursor', 'cursor'],
  ['NOT_400', 'endsWith=12345678', 'endsWith'],
  ['NOT_400', 'mask=5*', 'mask'],
  ['BLOCKS_CONFLICT_CARRIERS', 'block=4008&carrier=mobile', 'block'],
  ['NO_MATCHING_BLOCK', 'startsWith=4001&carrier=telecom', 'startsWith'],
  ['NO_MATCHING_BLOCK', 'mask=4001??????&block=4008', 'mask'],
  ['NO_MATCHING_BLOCK', 'endsWith=1234567&block=4008', 'endsWith'],
  ['MASK_CONFLICTS_STARTS_WITH', 'mask=4008??????&startsWith=4009', 'mask'],
  ['MASK_CONFLICTS_ENDS_WITH', 'mask=400???8888&endsWith=1234', 'mask'],
  ['STARTS_WITH_CONFLICTS_ENDS_WITH', 'startsWith=4008123456&endsWith=99', 'startsWith'],
  ['FEE_RANGE_EMPTY', 'minFee=800000&maxFee=80000', 'minFee'],
  ['EXCLUDED_DIGIT_REQUIRED', 'contains=88&excludeDigits=8', 'excludeDigits'],
  ['EXCLUDED_DIGIT_REQUIRED', 'word=LOVE&excludeDigits=5', 'excludeDigits'],
  ['EXCLUDED_DIGIT_REQUIRED', 'block=4008&excludeDigits=8', 'excludeDigits'],
];

const base64url = (text: string) => Buffer.from(text, 'latin1').toString('base64url');
const unbase64url = (token: string) => Buffer.from(token, 'base64url').toString('latin1');

describe('GET /api/v1/numbers: bad input', () => {
  let env: SearchEnv;

  beforeAll(async () => {
    env = await startSearchEnv(generated(['4008', '4009', '4001'], 400, 'number-search-errors-e2e'));
  }, 60_000);
  afterAll(() => env?.close());

  async function refused(query: string): Promise<ErrorBody> {
    const { status, body } = await env.client.get<ErrorBody>('/api/v1/numbers', query);
    expect([query, status]).toEqual([query, 400]);
    expect(body).toEqual({
      statusCode: 400,
      code: 'INVALID_QUERY',
      message: expect.stringMatching(/^Invalid search: /),
      fields: expect.any(Array),
    });
    return body;
  }

  it.each(REFUSED)('%s: %s', async (code, query, field) => {
    expect((await refused(query)).fields).toEqual([{ field, errors: [expect.any(String)], codes: [code] }]);
  });

  it('has a case for every code a request can provoke', () => {
    const covered = new Set(REFUSED.map(([code]) => code));
    expect([...covered].sort()).toEqual(QUERY_ERROR_CODES.filter((c) => !UNREACHABLE.includes(c)).sort());
  });

  it('reports every parameter at fault at once, under the name the client used', async () => {
    const { fields } = await refused('foo=1&grades=bronze&limit=0&blocks=4005');
    expect(fields).toHaveLength(4);
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'foo', errors: [expect.any(String)], codes: ['UNKNOWN_PARAMETER'] },
        { field: 'grades', errors: [expect.any(String)], codes: ['UNKNOWN_GRADE'] },
        { field: 'limit', errors: [expect.any(String)], codes: ['OUT_OF_RANGE'] },
        { field: 'blocks', errors: [expect.any(String)], codes: ['UNKNOWN_BLOCK'] },
      ]),
    );
    expect((await refused('grade=bronze,tin')).fields).toEqual([
      {
        field: 'grade',
        errors: [expect.any(String), expect.any(String)],
        codes: ['UNKNOWN_GRADE', 'UNKNOWN_GRADE'],
      },
    ]);
  });

  describe('cursors', () => {
    let cursor: string;
    beforeAll(async () => {
      cursor = (await env.client.page({ limit: '5' })).nextCursor ?? '';
      expect(cursor).not.toBe('');
    });

    it('refuses a cursor that was edited, cut short or padded', async () => {
      const text = unbase64url(cursor);
      const edited = text.replace(
        /\.(400\d{7})\./,
        (_, n: string) => `.${n.slice(0, 9)}${(Number(n[9]) + 1) % 10}.`,
      );
      expect(edited).not.toBe(text);
      for (const bad of [
        base64url(edited),
        cursor.slice(0, -3),
        `${cursor}AA`,
        cursor.toUpperCase(),
        `${cursor}==`,
      ]) {
        expect([bad, (await refused(`cursor=${encodeURIComponent(bad)}`)).fields?.[0]?.codes]).toEqual([
          bad,
          ['INVALID_CURSOR'],
        ]);
      }
    });

    it('refuses a cursor from another sort', async () => {
      for (const sort of ['fee_desc', 'grade_desc', 'relevance']) {
        expect((await refused(`sort=${sort}&cursor=${cursor}`)).fields).toEqual([
          { field: 'cursor', errors: [expect.any(String)], codes: ['INVALID_CURSOR'] },
        ]);
      }
      for (const sort of ['grade_desc', 'relevance']) {
        const other = (await env.client.page({ sort, contains: '1', limit: '5' })).nextCursor ?? '';
        expect(other).not.toBe('');
        expect([sort, (await refused(`cursor=${other}`)).fields?.[0]?.codes]).toEqual([
          sort,
          ['INVALID_CURSOR'],
        ]);
      }
    });

    it('refuses a cursor that names no number, or whose fee is negative, even with a valid checksum', async () => {
      // The checksum only guards against accidents; the parser still checks what it reads.
      const forged = encodeCursor('fee_asc', { feeFen: 0, gradeRank: 0, number: '4008000000' });
      const payload = unbase64url(forged).split('.');
      const reforge = (parts: string[]) => {
        const body = parts.slice(0, 5).join('.');
        let hash = 0x811c9dc5;
        for (let i = 0; i < body.length; i++) hash = Math.imul(hash ^ body.charCodeAt(i), 0x01000193);
        return base64url(`${body}.${(hash >>> 0).toString(36)}`);
      };
      expect(reforge(payload)).toBe(forged);
      for (const parts of [
        [payload[0], payload[1], '-5', payload[3], payload[4]],
        [payload[0], payload[1], payload[2], payload[3], '8008000000'],
        [payload[0], payload[1], '1e3', payload[3], payload[4]],
      ]) {
        const bad = reforge(parts.map(String));
        expect([parts, (await refused(`cursor=${bad}`)).fields?.[0]?.codes]).toEqual([
          parts,
          ['INVALID_CURSOR'],
        ]);
      }
    });
  });

  describe('absurd input: a 4xx with a code, never a 500', () => {
    it('very long values and names', async () => {
      expect((await refused(`contains=${'8'.repeat(10_000)}`)).fields?.[0]?.codes).toEqual(['TOO_LONG']);
      expect((await refused(`${'q'.repeat(5_000)}=1`)).fields?.[0]?.codes).toEqual(['UNKNOWN_PARAMETER']);
      expect((await refused(`cursor=${'A'.repeat(400)}`)).fields?.[0]?.codes).toEqual(['TOO_LONG']);
      // Past what the HTTP server reads: refused before the API, but not with a 5xx.
      const { status } = await env.client.get('/api/v1/numbers', `contains=${'8'.repeat(100_000)}`);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    });

    it('a list parameter repeated a thousand times is one list', async () => {
      const repeated = Array.from({ length: 1_000 }, (_, i) => `block=${i % 2 ? '4008' : '4009'}`).join('&');
      expect(await env.client.digits(`${repeated}&limit=100`)).toEqual(
        await env.client.digits('block=4008,4009&limit=100'),
      );
      for (const name of ['contains', 'limit', 'cursor', 'word', 'lucky']) {
        expect((await refused(`${name}=1&${name}=2`)).fields?.[0]?.codes).toEqual(['DUPLICATE_PARAMETER']);
      }
    });

    it('full-width digits read as digits; empty values as absent', async () => {
      const pairs = [
        ['startsWith=８２０&limit=５０', 'startsWith=820&limit=50'],
        ['endsWith=８８&minFee=８００００', 'endsWith=88&minFee=80000'],
        ['mask=４００＊８８＊&excludeDigits=４', 'mask=400*88*&excludeDigits=4'],
        ['startsWith=&endsWith=&contains=&grade=&lucky=&word=&cursor=&limit=', ''],
      ];
      for (const [odd, plain] of pairs) {
        const [a, b] = [await env.client.page(odd ?? ''), await env.client.page(plain ?? '')];
        expect([odd, a]).toEqual([odd, b]);
      }
    });

    it('control characters, broken encodings and odd names', async () => {
      const queries = [
        'startsWith=%00',
        'contains=%E4%00',
        'word=%FF%FE',
        'mask=%',
        'block=%F0%9F%98%80',
        'grade=%0A',
        'limit=-0',
        'limit=1%2E0',
        'minFee=99999999999999999999999',
        'constructor=1',
        'toString=x',
        '=1',
        '&&&',
        'pattern=:',
        'pattern=tail:',
        'sort=',
        'lucky=TRUE',
      ];
      for (const query of queries) {
        const { status, body } = await env.client.get<ErrorBody>('/api/v1/numbers', query);
        expect([query, status === 200 || status === 400]).toEqual([query, true]);
        if (status === 400) {
          expect([query, body.code]).toEqual([
            query,
            expect.stringMatching(/^(INVALID_QUERY|MALFORMED_REQUEST)$/),
          ]);
          for (const field of body.fields ?? []) {
            for (const code of field.codes ?? []) expect(QUERY_ERROR_CODES).toContain(code);
          }
        }
      }
    });

    it('any junk in any parameter is a 200 or a coded 400', async () => {
      const names = ['block', 'carrier', 'startsWith', 'endsWith', 'contains', 'mask', 'pattern', 'grade'];
      names.push('minFee', 'maxFee', 'excludeDigits', 'lucky', 'word', 'sort', 'limit', 'cursor');
      const junk = [
        '0',
        '-',
        '?',
        '*',
        '**',
        '*?*',
        '4'.repeat(200),
        'null',
        '[]',
        '{}',
        ' ',
        '١٢٣',
        '𝟠𝟠',
        "'",
        '+',
      ];
      for (const name of names) {
        for (const value of junk) {
          const query = new URLSearchParams({ [name]: value }).toString();
          const { status, body } = await env.client.get<ErrorBody>('/api/v1/numbers', query);
          expect([query, status === 200 || (status === 400 && body.code === 'INVALID_QUERY')]).toEqual([
            query,
            true,
          ]);
        }
      }
    });
  });

  it('documents the 400 with every code', async () => {
    const { body } = await env.client.get<{ paths: Record<string, { get?: { description?: string } }> }>(
      '/docs/openapi.json',
    );
    const description = body.paths['/api/v1/numbers']?.get?.description ?? '';
    for (const code of QUERY_ERROR_CODES) expect(description).toContain(code);
  });
});
