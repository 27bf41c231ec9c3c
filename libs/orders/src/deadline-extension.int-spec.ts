import type { DataSource } from 'typeorm';
import type { OrderStatus } from '@haoma/domain';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { DeadlineExtensionError, extendOrderDeadline, MAX_DEADLINE_EXTENSION_MS } from './deadline-extension';
import { OrderError } from './order-errors';
import { eventsOf, insertCustomer, numberRow, orderRow, outboxOf, placeOrder } from './orders.spec-helper';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('staff deadline extensions', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let customerId: string;
  const now = new Date();
  const staff = { kind: 'staff' as const, id: '00000000-0000-4000-8000-0000000000aa' };

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
    customerId = await insertCustomer(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const place = (status: OrderStatus) =>
    placeOrder(ds, {
      status,
      customerId,
      holdUntil: new Date(now.getTime() + HOUR),
      documentsDueAt: status === 'awaiting_documents' ? new Date(now.getTime() + 2 * DAY) : null,
    });
  const extend = (orderId: string, change: { until?: Date; byMs?: number }) =>
    ds.transaction((manager) =>
      extendOrderDeadline(manager, { orderId, actor: staff, reason: 'licence renewal', now, ...change }),
    );
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => (e instanceof DeadlineExtensionError || e instanceof OrderError ? e.code : e),
    );

  it('moves the documents deadline with a deadline_extended row and its outbox job', async () => {
    const { orderId } = await place('awaiting_documents');
    const result = await extend(orderId, { byMs: 3 * DAY });
    const to = new Date(now.getTime() + 5 * DAY);
    expect(result).toMatchObject({ kind: 'documents', status: 'awaiting_documents', to });
    expect((await orderRow(ds, orderId)) as unknown).toMatchObject({ documents_due_at: to });
    const events = await eventsOf(ds, orderId);
    expect(events.at(-1)).toMatchObject({
      id: result.orderEventId,
      type: 'deadline_extended',
      actor: `staff:${staff.id}`,
      data: {
        kind: 'documents',
        from: new Date(now.getTime() + 2 * DAY).toISOString(),
        to: to.toISOString(),
      },
    });
    const outbox = await outboxOf(ds, orderId);
    expect(outbox.map((o) => o.job_name)).toEqual(['order-event-recorded']);
    expect(outbox[0]?.payload).toEqual({ orderId, orderEventId: result.orderEventId });
  });

  it.each<OrderStatus>(['selecting', 'awaiting_payment'])(
    'moves the hold of a %s order and its number, with a new expire-hold job',
    async (status) => {
      const { orderId, number } = await place(status);
      const until = new Date(now.getTime() + 2 * DAY);
      const result = await extend(orderId, { until });
      expect(result).toMatchObject({ kind: 'hold', to: until });
      expect(await orderRow(ds, orderId)).toMatchObject({ hold_until: until, hold_extensions: 0 });
      expect(await numberRow(ds, number)).toMatchObject({ status: 'held', held_until: until });
      expect((await eventsOf(ds, orderId)).at(-1)).toMatchObject({
        type: 'hold_extended',
        actor: `staff:${staff.id}`,
        data: { kind: 'hold', to: until.toISOString() },
      });
      const jobs = await outboxOf(ds, orderId);
      expect(jobs.map((o) => o.job_name).sort()).toEqual(['expire-hold', 'order-event-recorded']);
      expect(jobs.find((o) => o.job_name === 'expire-hold')?.run_at).toEqual(until);
    },
  );

  it.each<OrderStatus>(['under_review', 'provisioning', 'active', 'expired', 'cancelled', 'ended'])(
    'refuses a %s order (no deadline staff may move)',
    async (status) => {
      const { orderId } = await place(status);
      expect(await refusal(extend(orderId, { byMs: DAY }))).toBe('DEADLINE_NOT_EXTENDABLE');
      expect(await outboxOf(ds, orderId)).toEqual([]);
    },
  );

  it('refuses a deadline not later than the current one, in the past, or beyond 90 days', async () => {
    const { orderId } = await place('awaiting_documents');
    const current = new Date(now.getTime() + 2 * DAY);
    expect(await refusal(extend(orderId, { until: current }))).toBe('DEADLINE_NOT_EXTENDABLE');
    expect(await refusal(extend(orderId, { until: new Date(current.getTime() - HOUR) }))).toBe(
      'DEADLINE_NOT_EXTENDABLE',
    );
    const tooFar = new Date(now.getTime() + MAX_DEADLINE_EXTENSION_MS + 1);
    expect(await refusal(extend(orderId, { until: tooFar }))).toBe('DEADLINE_NOT_EXTENDABLE');
    // Exactly 90 days out is allowed.
    const limit = new Date(now.getTime() + MAX_DEADLINE_EXTENSION_MS);
    await expect(extend(orderId, { until: limit })).resolves.toMatchObject({ to: limit });
  });

  it('refuses a hold whose number an operator released, changing nothing', async () => {
    const { orderId, number } = await place('awaiting_payment');
    await ds.query(
      `UPDATE numbers SET status = 'available', holder_order_id = NULL, held_until = NULL WHERE number = $1`,
      [number],
    );
    expect(await refusal(extend(orderId, { byMs: DAY }))).toBe('DEADLINE_NOT_EXTENDABLE');
    expect(await orderRow(ds, orderId)).toMatchObject({ hold_until: new Date(now.getTime() + HOUR) });
  });

  it('answers ORDER_NOT_FOUND for an unknown order', async () => {
    expect(await refusal(extend('00000000-0000-4000-8000-000000000000', { byMs: DAY }))).toBe(
      'ORDER_NOT_FOUND',
    );
  });
});
