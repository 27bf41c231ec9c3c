import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { withAuditContext, type AuditContext } from './audit-context';
import { encodeAuditCursor, InvalidAuditCursorError } from './audit-cursor';
import { listAuditEntries } from './audit-queries';
import { recordAudit } from './record-audit';

let db: TestDatabase;
let ds: DataSource;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
});

afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

const staff = (id: string): AuditContext => ({
  actor: `staff:${id}`,
  actorId: id,
  actorRole: 'sales',
  ip: '203.0.113.7',
  userAgent: 'jest',
  request: 'POST /api/v1/staff/orders/:id/notes',
});

const count = async (): Promise<number> =>
  Number(((await ds.query(`SELECT count(*) AS n FROM audit_log`)) as { n: string }[])[0]?.n);

describe('recordAudit', () => {
  it('takes who and from where from the audit context, in the caller’s transaction', async () => {
    const actorId = randomUUID();
    const targetId = randomUUID();
    await withAuditContext(staff(actorId), () =>
      ds.transaction((m) =>
        recordAudit(m, {
          action: 'order.note_added',
          targetType: 'order',
          targetId,
          before: null,
          after: { body: 'called the customer' },
        }),
      ),
    );
    const page = await listAuditEntries(ds.manager, { targetId, limit: 10 });
    expect(page.items).toEqual([
      expect.objectContaining({
        actor: `staff:${actorId}`,
        actorId,
        actorRole: 'sales',
        action: 'order.note_added',
        targetType: 'order',
        targetId,
        before: null,
        after: { body: 'called the customer' },
        ip: '203.0.113.7',
        userAgent: 'jest',
        request: 'POST /api/v1/staff/orders/:id/notes',
      }),
    ]);
  });

  it('commits or rolls back with the change it describes', async () => {
    const targetId = randomUUID();
    await expect(
      ds.transaction(async (m) => {
        await recordAudit(m, { action: 'order.cancelled', targetType: 'order', targetId });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await listAuditEntries(ds.manager, { targetId, limit: 10 })).items).toEqual([]);
  });

  it('records a system actor when there is no context', async () => {
    const targetId = randomUUID();
    await recordAudit(ds.manager, { action: 'number.regraded', targetType: 'number', targetId });
    const [row] = (await listAuditEntries(ds.manager, { targetId, limit: 1 })).items;
    expect(row).toMatchObject({ actor: 'system:unknown', actorId: null, request: null });
  });
});

describe('the audit log is append-only', () => {
  beforeAll(async () => {
    await recordAudit(
      ds.manager,
      { action: 'test.row', targetType: 'test', targetId: '1' },
      staff(randomUUID()),
    );
  });

  it.each([
    ['UPDATE', `UPDATE audit_log SET action = 'rewritten'`],
    ['UPDATE of one row', `UPDATE audit_log SET after = '{}' WHERE id = (SELECT max(id) FROM audit_log)`],
    ['DELETE', `DELETE FROM audit_log`],
    ['TRUNCATE', `TRUNCATE audit_log`],
  ])('refuses %s, even to the application’s own role', async (_name, sql) => {
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(ds.query(sql)).rejects.toThrow(/audit_log is append-only/);
    expect(await count()).toBe(before);
    expect(await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'rewritten'`)).toEqual([
      { n: 0 },
    ]);
  });
});

describe('listAuditEntries', () => {
  const alice = randomUUID();
  const bob = randomUUID();
  const order = randomUUID();
  let times: Date[];

  beforeAll(async () => {
    // 5 rows by alice on one order, 2 by bob on a number; two of alice's share a transaction.
    // A pause of 2 ms between transactions keeps their times apart at millisecond precision
    // (what a Date holds), so the time filter's boundaries below are exact.
    const pause = () => ds.query(`SELECT pg_sleep(0.002)`);
    await ds.transaction(async (m) => {
      await recordAudit(m, { action: 'order.assigned', targetType: 'order', targetId: order }, staff(alice));
      await recordAudit(
        m,
        { action: 'order.note_added', targetType: 'order', targetId: order },
        staff(alice),
      );
    });
    for (const action of ['order.note_added', 'order.cancelled', 'order.refunded']) {
      await pause();
      await recordAudit(ds.manager, { action, targetType: 'order', targetId: order }, staff(alice));
    }
    await pause();
    for (const action of ['number.retired', 'number.unretired'])
      await recordAudit(ds.manager, { action, targetType: 'number', targetId: '4008208888' }, staff(bob));
    times = (
      (await ds.query(`SELECT created_at FROM audit_log WHERE actor_id IN ($1, $2) ORDER BY id`, [
        alice,
        bob,
      ])) as { created_at: Date }[]
    ).map((r) => r.created_at);
  });

  it('filters by actor, action, target and time; newest first', async () => {
    const byAlice = await listAuditEntries(ds.manager, { actorId: alice, limit: 50 });
    expect(byAlice.items.map((e) => e.action)).toEqual([
      'order.refunded',
      'order.cancelled',
      'order.note_added',
      'order.note_added',
      'order.assigned',
    ]);
    expect(
      (await listAuditEntries(ds.manager, { actorId: alice, action: 'order.note_added', limit: 50 })).items,
    ).toHaveLength(2);
    expect(
      (
        await listAuditEntries(ds.manager, { targetType: 'number', targetId: '4008208888', limit: 50 })
      ).items.map((e) => e.actorId),
    ).toEqual([bob, bob]);
    const [from, to] = [times[2], times[5]];
    if (!from || !to) throw new Error('fixture rows missing');
    const window = await listAuditEntries(ds.manager, { actorId: alice, from, to, limit: 50 });
    expect(window.items.map((e) => e.action)).toEqual([
      'order.refunded',
      'order.cancelled',
      'order.note_added',
    ]);
  });

  it('pages without skipping or repeating a row, however small the page', async () => {
    const all = (await listAuditEntries(ds.manager, { targetId: order, limit: 100 })).items.map((e) => e.id);
    expect(all).toHaveLength(5);
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listAuditEntries(ds.manager, {
          targetId: order,
          limit,
          ...(cursor ? { cursor } : {}),
        });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all);
    }
  });

  it('refuses a cursor it did not hand out', async () => {
    for (const cursor of ['nonsense', encodeAuditCursor({ at: 'yesterday', id: '1' }), 'YTF8eA'])
      await expect(listAuditEntries(ds.manager, { limit: 5, cursor })).rejects.toBeInstanceOf(
        InvalidAuditCursorError,
      );
  });
});
