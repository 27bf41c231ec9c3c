import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import {
  decideTransition,
  ORDER_EVENTS,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  type OrderActorKind,
  type OrderEvent,
  type OrderStatus,
} from '@haoma/domain';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { OrderError } from './order-errors';
import { transitionOrder } from './order-transitions';
import {
  eventsOf,
  insertCustomer,
  NUMBER_STATUS_OF,
  numberRow,
  orderRow,
  outboxOf,
  placeOrder,
} from './orders.spec-helper';

const NOW = new Date('2031-03-01T08:00:00.000Z');
const actorFor = (kind: OrderActorKind, customerId: string) => ({
  kind,
  id: kind === 'customer' ? customerId : kind === 'staff' ? '00000000-0000-4000-8000-000000000001' : 'test',
});

describe('transitionOrder', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let customerId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
    customerId = await insertCustomer(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  // Every event from every status, by an actor the event allows, with its guard satisfied.
  const cases = ORDER_STATUSES.flatMap((status) => ORDER_EVENTS.map((event) => [status, event] as const));

  it.each(cases)('%s + %s', async (status: OrderStatus, event: OrderEvent) => {
    const actorKind = ORDER_TRANSITIONS[event].actors[0];
    const holdUntil = new Date(NOW.getTime() + (event === 'hold_expired' ? -1_000 : 600_000));
    const { orderId, number } = await placeOrder(ds, {
      status,
      customerId,
      holdUntil,
      documentsDueAt: new Date(NOW.getTime() - 1_000),
    });
    const decision = decideTransition(status, event, actorKind);
    const run = ds.transaction((m) =>
      transitionOrder(m, { orderId, event, actor: actorFor(actorKind, customerId), now: NOW }),
    );

    if (decision.kind === 'refused') {
      await expect(run).rejects.toMatchObject({ code: decision.code });
    } else if (decision.kind === 'already_there') {
      await expect(run).resolves.toEqual({ changed: false, status });
    } else {
      const result = await run;
      expect(result).toMatchObject({ changed: true, from: status, to: decision.to });
      const order = await orderRow(ds, orderId);
      expect(order?.status).toBe(decision.to);
      const timeline = await eventsOf(ds, orderId);
      expect(timeline).toEqual([
        expect.objectContaining({
          type: 'transition',
          event,
          from_status: status,
          to_status: decision.to,
          actor: `${actorKind}:${actorFor(actorKind, customerId).id}`,
        }),
      ]);
      const outbox = await outboxOf(ds, orderId);
      expect(outbox).toEqual([
        expect.objectContaining({
          job_name: 'order-event-recorded',
          payload: { orderId, orderEventId: String(timeline[0]?.id) },
          run_at: null,
        }),
      ]);
      const numberAfter = await numberRow(ds, number);
      expect(numberAfter?.status).toBe(NUMBER_STATUS_OF[decision.to]);
      expect(numberAfter?.holder_order_id).toBe(
        ['available', 'quarantine'].includes(NUMBER_STATUS_OF[decision.to]) ? null : orderId,
      );
      const numberEvents: unknown[] = await ds.query(`SELECT * FROM number_events WHERE order_id = $1`, [
        orderId,
      ]);
      expect(numberEvents).toHaveLength(decision.number === 'none' ? 0 : 1);
      if (decision.to === 'expired' || decision.to === 'cancelled') expect(order?.closed_reason).toBeTruthy();
      return;
    }
    // Refused or no-op: nothing moved, nothing recorded.
    expect((await orderRow(ds, orderId))?.status).toBe(status);
    expect((await numberRow(ds, number))?.status).toBe(NUMBER_STATUS_OF[status]);
    expect(await eventsOf(ds, orderId)).toEqual([]);
    expect(await outboxOf(ds, orderId)).toEqual([]);
  });

  it.each([
    ['sign', { totalFen: null }, 'ORDER_PLAN_REQUIRED'],
    ['sign', { holdUntil: new Date(NOW.getTime() - 1) }, 'ORDER_HOLD_EXPIRED'],
    ['hold_expired', { holdUntil: new Date(NOW.getTime() + 1) }, 'ORDER_HOLD_NOT_DUE'],
  ] as const)('guards %s: %j → %s', async (event, patch, code) => {
    const { orderId } = await placeOrder(ds, {
      status: 'selecting',
      customerId,
      holdUntil: new Date(NOW.getTime() + 60_000),
      ...patch,
    });
    const actor = actorFor(ORDER_TRANSITIONS[event].actors[0], customerId);
    await expect(
      ds.transaction((m) => transitionOrder(m, { orderId, event, actor, now: NOW })),
    ).rejects.toMatchObject({ code });
    expect(await eventsOf(ds, orderId)).toEqual([]);
  });

  it('hides another customer’s order from a customer actor', async () => {
    const { orderId } = await placeOrder(ds, { status: 'selecting', customerId, holdUntil: NOW });
    const stranger = await insertCustomer(ds);
    await expect(
      ds.transaction((m) =>
        transitionOrder(m, { orderId, event: 'cancel', actor: { kind: 'customer', id: stranger }, now: NOW }),
      ),
    ).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect((await orderRow(ds, orderId))?.status).toBe('selecting');
  });

  it('writes nothing when the surrounding transaction fails afterwards', async () => {
    const { orderId, number } = await placeOrder(ds, {
      status: 'selecting',
      customerId,
      holdUntil: new Date(NOW.getTime() + 60_000),
    });
    await expect(
      ds.transaction(async (m) => {
        const result = await transitionOrder(m, {
          orderId,
          event: 'cancel',
          actor: { kind: 'customer', id: customerId },
          now: NOW,
        });
        expect(result.changed).toBe(true);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect((await orderRow(ds, orderId))?.status).toBe('selecting');
    expect((await numberRow(ds, number))?.status).toBe('held');
    expect(await eventsOf(ds, orderId)).toEqual([]);
    expect(await outboxOf(ds, orderId)).toEqual([]);
  });

  it('refuses to lock a number the order no longer holds, and changes nothing', async () => {
    const { orderId, number } = await placeOrder(ds, {
      status: 'awaiting_payment',
      customerId,
      holdUntil: new Date(NOW.getTime() + 60_000),
    });
    // An operator released the number behind the order's back.
    await ds.query(
      `UPDATE numbers SET status = 'available', holder_order_id = NULL, held_until = NULL WHERE number = $1`,
      [number],
    );
    const error: unknown = await ds
      .transaction((m) =>
        transitionOrder(m, {
          orderId,
          event: 'payment_confirmed',
          actor: { kind: 'system', id: 'stripe' },
          now: NOW,
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrderError);
    expect(error).toMatchObject({ code: 'ORDER_TRANSITION_NOT_ALLOWED' });
    expect((await orderRow(ds, orderId))?.status).toBe('awaiting_payment');
    expect(await outboxOf(ds, orderId)).toEqual([]);
  });

  it('lets a late payment reclaim a free number, and refuses when another order took it', async () => {
    const free = await placeOrder(ds, { status: 'expired', customerId, holdUntil: NOW });
    const late = {
      event: 'late_payment_confirmed',
      actor: { kind: 'system', id: 'stripe' },
      now: NOW,
    } as const;
    await ds.transaction((m) => transitionOrder(m, { orderId: free.orderId, ...late }));
    expect(await numberRow(ds, free.number)).toMatchObject({
      status: 'locked',
      holder_order_id: free.orderId,
    });

    const taken = await placeOrder(ds, { status: 'expired', customerId, holdUntil: NOW });
    await ds.query(`UPDATE numbers SET status = 'retired' WHERE number = $1`, [taken.number]);
    await expect(
      ds.transaction((m) => transitionOrder(m, { orderId: taken.orderId, ...late })),
    ).rejects.toMatchObject({ code: 'ORDER_NUMBER_TAKEN' });
    expect((await orderRow(ds, taken.orderId))?.status).toBe('expired');
  });
});
