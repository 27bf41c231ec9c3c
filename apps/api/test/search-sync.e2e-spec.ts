import { appraise } from '@haoma/domain';
import { importNumbers } from '@haoma/inventory';
import { createTestDatabase, testConfig } from '@haoma/testing';
import { Client } from 'pg';
import { createApiApp } from '../src/app';
import type { NumberSuggestionsResponse } from '../src/numbers/search/number-search.response';
import {
  compare,
  eventually,
  generated,
  hasTag,
  setStatus,
  startSearchEnv,
  type Known,
  type SearchEnv,
} from './number-search.fixtures';

// The API keeps its in-memory index in line with the numbers table through the table's
// notifications: each test changes rows behind the API's back and polls the search (a
// deadline of a few seconds, never a fixed sleep) until it answers as the table says.
const PLANTED = ['4009292888', '4006888888', '4000556677', '4001237788', '4008000888', '4008000899'];

describe('the search follows the numbers table without a restart', () => {
  let env: SearchEnv;

  beforeAll(async () => {
    // 68,000 numbers: the index maps them with its dense array, as in production.
    env = await startSearchEnv([
      ...generated(['4008', '4009', '4006', '4001'], 17_000, 'sync-e2e'),
      ...PLANTED,
    ]);
  }, 60_000);
  afterAll(() => env?.close());

  const found = (number: string) => env.client.finds(number);
  const shown = (number: string) =>
    eventually(async () => expect((await found(number))?.digits).toBe(number));
  const hidden = (number: string) => eventually(async () => expect(await found(number)).toBeUndefined());

  /** The first pages of a query, in each sort, are the brute-force answer. */
  async function answersAsTheTable(query: Record<string, string>, match: (n: Known) => boolean) {
    for (const sort of ['fee_asc', 'fee_desc', 'grade_desc'] as const) {
      const expected = env.inventory.expected(match, sort).slice(0, 100);
      expect({ sort, digits: await env.client.digits({ ...query, sort, limit: '100' }) }).toEqual({
        sort,
        digits: expected,
      });
    }
  }

  it('a hold hides the number, its release shows it again', async () => {
    const [number = ''] = PLANTED;
    await setStatus(env.dataSource, env.inventory, [number], 'held');
    await hidden(number);
    await answersAsTheTable({ endsWith: '888' }, (n) => n.number.endsWith('888'));
    await setStatus(env.dataSource, env.inventory, [number], 'available');
    await shown(number);
    await answersAsTheTable({ endsWith: '888' }, (n) => n.number.endsWith('888'));
  });

  it('every status that takes a number off sale hides it; back to available shows it', async () => {
    const number = PLANTED[2] ?? '';
    for (const status of ['locked', 'assigned', 'suspended', 'quarantine', 'retired'] as const) {
      await setStatus(env.dataSource, env.inventory, [number], status);
      await hidden(number);
      await setStatus(env.dataSource, env.inventory, [number], 'available');
      await shown(number);
    }
  });

  it('a thousand holds in one statement are all applied', async () => {
    const many = env.inventory.expected((n) => n.block === '4006' && n.grade === 'standard').slice(0, 1_000);
    await setStatus(env.dataSource, env.inventory, many, 'held');
    const match = (n: Known) => n.block === '4006' && n.grade === 'standard';
    await eventually(() => answersAsTheTable({ block: '4006', grade: 'standard' }, match));
    await setStatus(env.dataSource, env.inventory, many, 'available');
    await eventually(() => answersAsTheTable({ block: '4006', grade: 'standard' }, match));
  });

  it('a new fee moves the number in fee order and the fee filters follow it', async () => {
    const number = env.inventory.expected((n) => n.block === '4009' && n.fee === 0)[5] ?? '';
    await env.dataSource.query(`UPDATE numbers SET selection_fee_fen = 123456 WHERE number = $1`, [number]);
    await eventually(async () =>
      expect((await found(number))?.selectionFee).toEqual({ fen: 123_456, display: '¥1,234.56' }),
    );
    expect(await env.client.digits({ minFee: '123456', maxFee: '123456' })).toEqual([number]);
    expect(await env.client.digits({ minFee: '80001', limit: '1' })).toEqual([number]);
    expect(await env.client.digits({ maxFee: '499999', sort: 'fee_desc', limit: '1' })).toEqual([number]);
    expect(await env.client.digits({ maxFee: '0', startsWith: number })).toEqual([]);

    // Held and released again while it sits apart from the other rows of its old fee.
    await env.dataSource.query(
      `UPDATE numbers SET status = 'held', holder_order_id = gen_random_uuid(),
                          held_until = now() + interval '30 minutes' WHERE number = $1`,
      [number],
    );
    await hidden(number);
    await env.dataSource.query(
      `UPDATE numbers SET status = 'available', holder_order_id = NULL, held_until = NULL,
                          selection_fee_fen = 0 WHERE number = $1`,
      [number],
    );
    await eventually(async () => expect((await found(number))?.selectionFee.fen).toBe(0));
    await answersAsTheTable({ block: '4009', maxFee: '0' }, (n) => n.block === '4009' && n.fee === 0);
  });

  it('a new grade and tags are searchable at once', async () => {
    const number = PLANTED[3] ?? ''; // silver, tail AABB
    await env.dataSource.query(
      `UPDATE numbers SET grade = 'platinum', tags = '{tail:AABBCC}' WHERE number = $1`,
      [number],
    );
    const exactly = (query: Record<string, string>) => env.client.digits({ ...query, startsWith: number });
    await eventually(async () => expect(await exactly({ grade: 'platinum' })).toEqual([number]));
    expect((await found(number))?.grade.code).toBe('platinum');
    expect(await exactly({ pattern: 'tail:AABBCC', sort: 'grade_desc' })).toEqual([number]);
    expect(await exactly({ pattern: 'tail:AABB' })).toEqual([]);
    expect(await exactly({ grade: 'silver' })).toEqual([]);
    const a = appraise(number);
    await env.dataSource.query(`UPDATE numbers SET grade = $2, tags = $3 WHERE number = $1`, [
      number,
      a.grade,
      a.tags,
    ]);
    await eventually(async () =>
      expect(await exactly({ pattern: 'tail:AABB', grade: 'silver' })).toEqual([number]),
    );
  });

  it('numbers imported while the API runs become searchable', async () => {
    const fresh = [...generated(['4007', '4000'], 300, 'sync-import-e2e'), '4007777777', '4000123321'];
    const summary = await importNumbers(env.db.url, fresh, { source: 'e2e', startedBy: 'test' });
    expect(summary.added).toBe(fresh.length);
    env.inventory.add(fresh);
    await shown('4007777777');
    await shown('4000123321');
    await answersAsTheTable({ carrier: 'mobile,unicom' }, (n) =>
      ['4007', '4000', '4001', '4006'].includes(n.block),
    );
    await answersAsTheTable(
      { block: '4007,4000', pattern: 'any:AAA' },
      (n) => ['4007', '4000'].includes(n.block) && hasTag(n, 'any', 'AAA'),
    );
  });

  it('a walk across an import neither repeats nor skips the numbers it already had', async () => {
    const match = (n: Known) => n.block === '4001' && n.grade === 'gold';
    const before = env.inventory.expected(match, 'fee_desc');
    expect(before.length).toBeGreaterThan(20);
    const query = { block: '4001', grade: 'gold', sort: 'fee_desc', limit: String(before.length >> 1) };
    const first = await env.client.page(query);
    // Two new gold numbers: in fee_desc the higher one sorts before the first page's end,
    // the lower one after it, so only the lower one can still be listed.
    const fresh = ['4001020000', '4001987777'];
    await importNumbers(env.db.url, fresh, { source: 'e2e', startedBy: 'test' });
    env.inventory.add(fresh);
    await shown('4001987777');
    const rest = await env.client.walk({ ...query, cursor: first.nextCursor ?? '' });
    const listed = [...first.items.map((i) => i.digits), ...rest.digits];
    expect(fresh.map((n) => env.inventory.get(n).grade)).toEqual(['gold', 'gold']);
    const expected = [...before, '4001020000'].map((n) => env.inventory.get(n)).sort(compare('fee_desc'));
    expect(listed).toEqual(expected.map((n) => n.number));
  });

  it('a row that turns unreadable is left out, and the search keeps following the table', async () => {
    const [odd = '', held = '', later = ''] = env.inventory.expected(
      (n) => n.block === '4008' && n.grade === 'silver',
    );
    await env.dataSource.query(`UPDATE numbers SET grade = 'mythic' WHERE number = $1`, [odd]);
    await setStatus(env.dataSource, env.inventory, [held], 'held');
    await hidden(held);
    await hidden(odd);
    await setStatus(env.dataSource, env.inventory, [later], 'held');
    await hidden(later);
    await env.dataSource.query(`UPDATE numbers SET grade = 'silver' WHERE number = $1`, [odd]);
    await setStatus(env.dataSource, env.inventory, [held, later], 'available');
    await shown(odd);
    await shown(held);
    await shown(later);
  });

  it('a hold that runs out makes the number searchable by itself; an extended one stays hidden', async () => {
    const [expiring = '', extended = ''] = env.inventory.expected(
      (n) => n.block === '4008' && n.grade === 'gold',
    );
    await env.dataSource.query(
      `UPDATE numbers SET status = 'held', holder_order_id = gen_random_uuid(),
              held_until = now() + CASE WHEN number = $1 THEN interval '1500 ms' ELSE interval '1 second' END
        WHERE number IN ($1, $2)`,
      [expiring, extended],
    );
    await hidden(expiring);
    await hidden(extended);
    await env.dataSource.query(
      `UPDATE numbers SET held_until = now() + interval '30 minutes' WHERE number = $1`,
      [extended],
    );
    // Nobody releases it in the table: the API times the hold out.
    await shown(expiring);
    const [row] = (await env.dataSource.query(`SELECT status FROM numbers WHERE number = $1`, [
      expiring,
    ])) as { status: string }[];
    expect(row?.status).toBe('held');
    // The extended hold's first end has passed too, and the check that freed `expiring` ran after it.
    expect(await found(extended)).toBeUndefined();
    await setStatus(env.dataSource, env.inventory, [expiring, extended], 'available');
    await shown(extended);
  });

  it('a hold that has already run out when it is written never hides the number', async () => {
    const [lapsed = '', barrier = ''] = env.inventory.expected(
      (n) => n.block === '4009' && n.grade === 'silver',
    );
    await setStatus(env.dataSource, env.inventory, [lapsed], 'expired');
    await setStatus(env.dataSource, env.inventory, [barrier], 'held');
    // Notifications arrive in commit order: once the barrier is hidden, `lapsed` was applied.
    await hidden(barrier);
    expect((await found(lapsed))?.digits).toBe(lapsed);
    await setStatus(env.dataSource, env.inventory, [lapsed, barrier], 'available');
    await shown(barrier);
  });

  it('a number deleted from the table disappears from the search and the suggestions', async () => {
    const [gone = '', barrier = ''] = env.inventory.expected(
      (n) => n.block === '4006' && n.grade === 'silver',
    );
    await env.dataSource.query(`DELETE FROM numbers WHERE number = $1`, [gone]);
    await setStatus(env.dataSource, env.inventory, [barrier], 'held');
    await hidden(barrier);
    expect(await found(gone)).toBeUndefined();
    const neighbour = `${gone.slice(0, 9)}${(Number(gone[9]) + 1) % 10}`;
    const { body } = await env.client.get<NumberSuggestionsResponse>('/api/v1/numbers/suggest', {
      q: neighbour,
      limit: '50',
    });
    expect(body.items.map((i) => i.digits)).not.toContain(gone);
  });
});

describe('a row the index cannot read', () => {
  it('neither stops the API from starting nor hides the other numbers', async () => {
    const db = await createTestDatabase();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await importNumbers(db.url, ['4009292888', '4006888888'], { source: 'e2e', startedBy: 'test' });
      // A grade neither the rules nor the index know (the lookup suite has the same row).
      await client.query(
        `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version)
         VALUES ('4007000001', '4007', 'mobile', 'mythic', '{}', 'standard number', 0, 1)`,
      );
      const app = await createApiApp(testConfig(db.url));
      try {
        await app.listen(0, '127.0.0.1');
        const response = await fetch(`${await app.getUrl()}/api/v1/numbers?sort=fee_desc`);
        expect(response.status).toBe(200);
        const body = (await response.json()) as { items: { digits: string }[] };
        expect(body.items.map((i) => i.digits)).toEqual(expect.arrayContaining(['4006888888', '4009292888']));
      } finally {
        await app.close();
      }
    } finally {
      await client.end();
      await db.drop();
    }
  });
});
