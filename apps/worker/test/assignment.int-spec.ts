import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import { transitionOrder } from '@haoma/orders';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { OrderAssignmentHandler } from '../src/sales/order-assignment.handler';
import { insertCustomer, insertHeldOrder } from './order-fixtures';

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

// Round-robin assignment of paid orders (the order-event fan-out calls the handler for each
// timeline row): fair among active sales staff, different people for concurrent payments,
// once per order whatever the retries.
describe('assigning paid orders round-robin', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let handler: OrderAssignmentHandler;
  let customerId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 12 }).initialize();
    handler = new OrderAssignmentHandler(ds, testConfig(db.url));
    customerId = (await insertCustomer(ds)).id;
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });
  beforeEach(async () => {
    // Each test starts with no active sales staff.
    await ds.query(`UPDATE staff_members SET active = false`);
  });

  async function staff(role: 'sales' | 'reviewer' | 'admin', active = true): Promise<string> {
    const rows: { id: string }[] = await ds.query(
      `INSERT INTO staff_members (email, name, role, password_hash, active) VALUES ($1, $2, $3, 'x', $4) RETURNING id`,
      [`s-${randomBytes(5).toString('hex')}@haoma.test`, `Staff ${role}`, role, active],
    );
    return must(rows[0]).id;
  }

  /** An order taken through a real payment transition; returns the payload of its timeline row. */
  async function paidOrder() {
    const { orderId } = await insertHeldOrder(ds, {
      customerId,
      status: 'awaiting_payment',
      holdUntil: new Date(Date.now() + 3_600_000),
      outbox: 'none',
    });
    const result = await ds.transaction((m) =>
      transitionOrder(m, {
        orderId,
        event: 'payment_confirmed',
        actor: { kind: 'system', id: 'stripe' },
      }),
    );
    if (!result.changed) throw new Error('payment did not apply');
    return { orderId, orderEventId: result.orderEventId };
  }

  const assigneeOf = async (orderId: string): Promise<string | null> => {
    const rows: { assignee_id: string | null }[] = await ds.query(
      `SELECT assignee_id FROM orders WHERE id = $1`,
      [orderId],
    );
    return must(rows[0]).assignee_id;
  };

  it('gives paid orders to active sales staff in turn, least recently assigned first', async () => {
    const a = await staff('sales');
    const b = await staff('sales');
    const c = await staff('sales');
    await staff('sales', false);
    await staff('admin');
    await staff('reviewer');
    // c had an order a minute ago, a and b never: a and b (by id) come first, then c.
    await ds.query(`UPDATE staff_members SET last_assigned_at = now() - interval '1 minute' WHERE id = $1`, [
      c,
    ]);
    const neverAssigned = [a, b].sort();
    const got: string[] = [];
    for (let i = 0; i < 6; i++) {
      const payload = await paidOrder();
      const result = await handler.handle(payload);
      expect(result).toMatchObject({ outcome: 'assigned' });
      got.push(must(await assigneeOf(payload.orderId)));
    }
    expect(got).toEqual([...neverAssigned, c, ...neverAssigned, c]);
  });

  it('writes the timeline row, its outbox row and an audit row', async () => {
    const a = await staff('sales');
    const payload = await paidOrder();
    expect(await handler.handle(payload)).toEqual({ outcome: 'assigned', assigneeId: a });
    const events: { type: string; actor: string; data: Record<string, unknown> }[] = await ds.query(
      `SELECT type, actor, data FROM order_events WHERE order_id = $1 AND type = 'assigned'`,
      [payload.orderId],
    );
    expect(events).toEqual([
      {
        type: 'assigned',
        actor: 'system:assignment',
        data: { assigneeId: a, sourceEventId: payload.orderEventId, mode: 'round_robin' },
      },
    ]);
    const outbox: unknown[] = await ds.query(
      `SELECT 1 FROM outbox_messages WHERE job_name = 'order-event-recorded' AND payload ->> 'orderId' = $1`,
      [payload.orderId],
    );
    expect(outbox).toHaveLength(2); // the payment's and the assignment's
    const audit: { actor: string; action: string; before: unknown; after: unknown }[] = await ds.query(
      `SELECT actor, action, before, after FROM audit_log WHERE target_id = $1`,
      [payload.orderId],
    );
    expect(audit).toEqual([
      {
        actor: 'system:assignment',
        action: 'order.assigned',
        before: { assigneeId: null },
        after: { assigneeId: a },
      },
    ]);
    const order: { assigned_at: Date | null }[] = await ds.query(
      `SELECT assigned_at FROM orders WHERE id = $1`,
      [payload.orderId],
    );
    expect(must(order[0]).assigned_at).toBeInstanceOf(Date);
  });

  it('is idempotent: a retried or concurrent duplicate job assigns once', async () => {
    await staff('sales');
    await staff('sales');
    const payload = await paidOrder();
    const results = await Promise.all([
      handler.handle(payload),
      handler.handle(payload),
      handler.handle(payload),
    ]);
    expect(results.filter((r) => r.outcome === 'assigned')).toHaveLength(1);
    expect(await handler.handle(payload)).toEqual({ outcome: 'skipped', why: 'already_assigned' });
    const rows: unknown[] = await ds.query(
      `SELECT 1 FROM order_events WHERE order_id = $1 AND type = 'assigned'`,
      [payload.orderId],
    );
    expect(rows).toHaveLength(1);
  });

  it('gives concurrent payments to different people', async () => {
    const team = [await staff('sales'), await staff('sales'), await staff('sales'), await staff('sales')];
    const payloads = await Promise.all(team.map(() => paidOrder()));
    const results = await Promise.all(payloads.map((p) => handler.handle(p)));
    expect(results.every((r) => r.outcome === 'assigned')).toBe(true);
    const assignees = await Promise.all(payloads.map((p) => assigneeOf(p.orderId)));
    expect(new Set(assignees).size).toBe(team.length);
    expect([...assignees].sort()).toEqual([...team].sort());
  });

  it('ignores other timeline rows and orders that already have an owner', async () => {
    const a = await staff('sales');
    const payload = await paidOrder();
    const created: { id: string }[] = await ds.query(
      `SELECT id FROM order_events WHERE order_id = $1 AND type = 'created'`,
      [payload.orderId],
    );
    expect(await handler.handle({ orderId: payload.orderId, orderEventId: must(created[0]).id })).toEqual({
      outcome: 'skipped',
      why: 'not_a_payment',
    });
    await ds.query(`UPDATE orders SET assignee_id = $2 WHERE id = $1`, [payload.orderId, a]);
    expect(await handler.handle(payload)).toEqual({ outcome: 'skipped', why: 'already_assigned' });
    expect(await handler.handle({ orderId: payload.orderId, orderEventId: '999999999' })).toEqual({
      outcome: 'skipped',
      why: 'event_missing',
    });
  });

  it('leaves the order unassigned when there is no active sales staff', async () => {
    await staff('admin');
    await staff('sales', false);
    const payload = await paidOrder();
    expect(await handler.handle(payload)).toEqual({ outcome: 'no_sales_staff' });
    expect(await assigneeOf(payload.orderId)).toBeNull();
  });

  it('does nothing when ORDER_ASSIGNMENT is off', async () => {
    await staff('sales');
    const off = new OrderAssignmentHandler(ds, testConfig(db.url, { ORDER_ASSIGNMENT: 'off' }));
    const payload = await paidOrder();
    expect(await off.handle(payload)).toEqual({ outcome: 'off' });
    expect(await assigneeOf(payload.orderId)).toBeNull();
  });
});
