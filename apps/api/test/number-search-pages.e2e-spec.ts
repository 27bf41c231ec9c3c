import {
  compare,
  eventually,
  hasTag,
  setStatus,
  SORTS,
  startDemoSearch,
  type Known,
  type SearchEnv,
  type Sort,
} from './number-search.fixtures';

describe('GET /api/v1/numbers: keyset pagination', () => {
  let env: SearchEnv;

  beforeAll(async () => {
    env = await startDemoSearch(11_000, 'number-search-pages-e2e');
  }, 60_000);
  afterAll(() => env?.close());

  it.each(SORTS)('walking every page (%s) gives the whole sorted result once', async (sort) => {
    const match = (n: Known) => n.block === '4009' && hasTag(n, 'any', 'AABB');
    const query = { block: '4009', pattern: 'AABB' };
    const expected = env.inventory.expected(match, sort, query);
    const walk = await env.client.walk({ ...query, sort, limit: '7' });
    expect(walk.digits).toEqual(expected);
    expect(walk.pages).toBe(Math.ceil(expected.length / 7));
    expect(new Set(walk.digits).size).toBe(walk.digits.length);
  });

  it.each(SORTS)('walks a result of thousands by 100 (%s)', async (sort) => {
    const match = (n: Known) => n.grade !== 'standard';
    const query = { grade: 'silver,gold,platinum,diamond' };
    const walk = await env.client.walk({ ...query, sort, limit: '100' });
    expect(walk.digits).toEqual(env.inventory.expected(match, sort, query));
    expect(walk.digits.length).toBeGreaterThan(1_000);
  });

  it('gives a cursor only when more follow', async () => {
    const query = { endsWith: '8888' };
    const expected = env.inventory.expected((n) => n.number.endsWith('8888'));
    const all = await env.client.page({ ...query, limit: String(expected.length) });
    expect(all.items.map((i) => i.digits)).toEqual(expected);
    expect(all.nextCursor).toBeNull();
    const first = await env.client.page({ ...query, limit: String(expected.length - 1) });
    expect(first.nextCursor).toEqual(expect.any(String));
    const last = await env.client.page({ ...query, limit: '100', cursor: first.nextCursor ?? '' });
    expect(last).toEqual({
      items: [expect.objectContaining({ digits: expected.at(-1) })],
      limit: 100,
      nextCursor: null,
    });
  });

  it('limit: 1 and 100 are the bounds, 20 the default, 101 and 0 are refused', async () => {
    const all = env.inventory.expected(() => true);
    const one = await env.client.page({ limit: '1' });
    expect(one.items.map((i) => i.digits)).toEqual(all.slice(0, 1));
    expect(one.limit).toBe(1);
    expect(await env.client.digits({ limit: '1', cursor: one.nextCursor ?? '' })).toEqual(all.slice(1, 2));
    const hundred = await env.client.page({ limit: '100' });
    expect([hundred.limit, hundred.items.map((i) => i.digits)]).toEqual([100, all.slice(0, 100)]);
    const byDefault = await env.client.page({});
    expect([byDefault.limit, byDefault.items.map((i) => i.digits)]).toEqual([20, all.slice(0, 20)]);
    for (const limit of ['101', '0']) {
      const { status, body } = await env.client.get('/api/v1/numbers', { limit });
      expect([limit, status, body]).toEqual([
        limit,
        400,
        expect.objectContaining({
          code: 'INVALID_QUERY',
          fields: [{ field: 'limit', errors: [expect.any(String)], codes: ['OUT_OF_RANGE'] }],
        }),
      ]);
    }
  });

  it('a cursor goes on with another limit and with the sort named or left to its default', async () => {
    const expected = env.inventory.expected((n) => n.grade === 'gold');
    const first = await env.client.page({ grade: 'gold', limit: '10' });
    const cursor = first.nextCursor ?? '';
    expect(await env.client.digits({ grade: 'gold', limit: '25', cursor })).toEqual(expected.slice(10, 35));
    expect(await env.client.digits({ grade: 'gold', limit: '25', cursor, sort: 'fee_asc' })).toEqual(
      expected.slice(10, 35),
    );
  });

  // Between pages other shoppers hold numbers not yet listed and release numbers held
  // before the walk began. Keyset pages must list every number whose availability did not
  // change exactly once, never a number held before its page, and a released number
  // exactly when it sorts after the page it was released behind.
  describe('under concurrent holds', () => {
    // Relevance with a text filter, so that scores differ from number to number.
    const searches: Record<Sort, { query: Record<string, string>; match: (n: Known) => boolean }> = {
      fee_asc: gradedWithout7(),
      fee_desc: gradedWithout7(),
      grade_desc: gradedWithout7(),
      relevance: {
        query: { block: '4009', grade: 'silver,gold', contains: '8' },
        match: (n) => n.block === '4009' && ['silver', 'gold'].includes(n.grade) && n.window.includes('8'),
      },
    };
    function gradedWithout7() {
      return {
        query: { block: '4009', grade: 'silver,gold', excludeDigits: '7' },
        match: (n: Known) =>
          n.block === '4009' && ['silver', 'gold'].includes(n.grade) && !n.window.includes('7'),
      };
    }

    async function settle(held: readonly string[], released: readonly string[]) {
      await eventually(async () => {
        for (const number of held)
          expect([number, await env.client.finds(number)]).toEqual([number, undefined]);
        for (const number of released) expect((await env.client.finds(number))?.digits).toBe(number);
      });
    }

    it.each(SORTS)('%s', async (sort: Sort) => {
      const { query, match } = searches[sort];
      const order = compare(sort, query);
      // Numbers held before the walk, to be released during it: every 9th match.
      const pool = env.inventory.expected(match, sort, query).filter((_, i) => i % 9 === 4);
      await setStatus(env.dataSource, env.inventory, pool, 'held');
      await settle(pool, []);
      const atStart = env.inventory.expected(match, sort, query);
      expect(atStart.length).toBeGreaterThan(150);

      const listed: string[] = [];
      const heldAhead: string[] = [];
      const releasedAhead: string[] = [];
      const releasedBehind: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await env.client.page({ ...query, sort, limit: '40', ...(cursor ? { cursor } : {}) });
        const digits = page.items.map((i) => i.digits);
        for (const number of digits)
          expect([number, env.inventory.isAvailable(number)]).toEqual([number, true]);
        listed.push(...digits);
        cursor = page.nextCursor;
        pages++;
        const last = env.inventory.get(listed.at(-1) ?? '');
        const isAhead = (number: string) => order(env.inventory.get(number), last) > 0;
        // Hold the 2nd and 5th numbers the next pages would list; release two of the pool.
        const upcoming = env.inventory
          .expected(match, sort, query)
          .filter((n) => isAhead(n) && !releasedAhead.includes(n));
        const hold = [upcoming[1], upcoming[4]].filter((n): n is string => n !== undefined);
        const release = pool.splice(pages % 2 === 0 ? 0 : -1, 1).concat(pool.splice(pool.length >> 1, 1));
        if (hold.length > 0) await setStatus(env.dataSource, env.inventory, hold, 'held');
        if (release.length > 0) await setStatus(env.dataSource, env.inventory, release, 'available');
        await settle(hold, release);
        heldAhead.push(...hold);
        for (const number of release) (isAhead(number) ? releasedAhead : releasedBehind).push(number);
      } while (cursor !== null);

      expect(pages).toBeGreaterThan(5);
      expect(releasedAhead.length).toBeGreaterThan(0);
      expect(releasedBehind.length).toBeGreaterThan(0);
      expect(new Set(listed).size).toBe(listed.length);
      const unchanged = atStart.filter((n) => !heldAhead.includes(n));
      const expected = [...unchanged, ...releasedAhead].map((n) => env.inventory.get(n)).sort(order);
      expect(listed).toEqual(expected.map((n) => n.number));
      for (const number of [...heldAhead, ...releasedBehind]) expect(listed).not.toContain(number);

      // Give the next sort the same inventory.
      const restore = [...heldAhead, ...pool];
      await setStatus(env.dataSource, env.inventory, restore, 'available');
      await settle([], restore);
    });
  });
});
