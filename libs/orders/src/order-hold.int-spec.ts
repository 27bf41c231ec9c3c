import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { extendHold } from './hold-extension';
import { OrderError } from './order-errors';
import { holdNumber } from './order-hold';
import { findOrder } from './order-queries';
import { transitionOrder } from './order-transitions';
import {
  eventsOf,
  insertCustomer,
  insertNumber,
  nextNumber,
  numberRow,
  orderRow,
  outboxOf,
  TEST_HOLD_SETTINGS as settings,
} from './orders.spec-helper';

const MINUTE = 60_000;

describe('holds', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 10 }).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const hold = (customerId: string, number: string, now = new Date()) =>
    holdNumber(ds, { customerId, number, settings, now });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => (e instanceof OrderError ? { code: e.code, ...e.details } : e),
    );

  describe('createHold', () => {
    it('opens a selecting order and holds the number, with history, timeline and the expiry job', async () => {
      const customerId = await insertCustomer(ds);
      const number = nextNumber();
      await insertNumber(ds, number, { grade: 'gold', feeFen: 880_000 });
      const now = new Date('2031-01-01T00:00:00.000Z');
      const { orderId, holdUntil } = await hold(customerId, number, now);

      expect(holdUntil).toEqual(new Date(now.getTime() + 30 * MINUTE));
      expect(await orderRow(ds, orderId)).toMatchObject({
        customer_id: customerId,
        number,
        status: 'selecting',
        grade: 'gold',
        selection_fee_fen: 880_000,
        hold_until: holdUntil,
        hold_extensions: 0,
        total_fen: null,
      });
      expect(await numberRow(ds, number)).toEqual({
        status: 'held',
        holder_order_id: orderId,
        held_until: holdUntil,
      });
      const numberEvents: unknown[] = await ds.query(
        `SELECT from_status, to_status, order_id, actor FROM number_events WHERE number = $1`,
        [number],
      );
      expect(numberEvents).toEqual([
        { from_status: 'available', to_status: 'held', order_id: orderId, actor: `customer:${customerId}` },
      ]);
      expect(await eventsOf(ds, orderId)).toEqual([
        expect.objectContaining({ type: 'created', to_status: 'selecting', actor: `customer:${customerId}` }),
      ]);
      const created = (await eventsOf(ds, orderId))[0];
      expect(await outboxOf(ds, orderId)).toEqual([
        expect.objectContaining({
          job_name: 'expire-hold',
          payload: { orderId, holdUntil: holdUntil.toISOString() },
          run_at: holdUntil,
        }),
        // Tells the customer the number is held (from the `created` timeline row).
        expect.objectContaining({
          job_name: 'order-event-recorded',
          payload: { orderId, orderEventId: String(created?.id) },
          run_at: null,
        }),
      ]);
    });

    it.each([
      ['held', { code: 'NUMBER_UNAVAILABLE', heldUntil: expect.any(String) }],
      ['locked', { code: 'NUMBER_UNAVAILABLE', heldUntil: null }],
      ['assigned', { code: 'NUMBER_UNAVAILABLE', heldUntil: null }],
      ['quarantine', { code: 'NUMBER_UNAVAILABLE', heldUntil: null }],
      ['retired', { code: 'NUMBER_UNAVAILABLE', heldUntil: null }],
    ])('refuses a %s number', async (status, expected) => {
      const customerId = await insertCustomer(ds);
      const number = nextNumber();
      const heldUntil = new Date(Date.now() + 10 * MINUTE);
      await insertNumber(ds, number, { status, heldUntil });
      const result = await refusal(hold(customerId, number));
      expect(result).toMatchObject(expected);
      expect(result).toMatchObject(expected);
      if (status === 'held') expect(result).toMatchObject({ heldUntil: heldUntil.toISOString() });
      expect(await ds.query(`SELECT 1 FROM orders WHERE number = $1`, [number])).toEqual([]);
    });

    it('refuses a number that is not in the inventory', async () => {
      const customerId = await insertCustomer(ds);
      expect(await refusal(hold(customerId, '4009999999'))).toMatchObject({ code: 'NUMBER_NOT_FOUND' });
    });

    it('expires a hold that ran out but was not swept yet, then holds the number', async () => {
      const first = await insertCustomer(ds);
      const second = await insertCustomer(ds);
      const number = nextNumber();
      await insertNumber(ds, number);
      const start = new Date();
      const old = await hold(first, number, start);
      const later = new Date(start.getTime() + 31 * MINUTE);
      const fresh = await hold(second, number, later);

      expect(await orderRow(ds, old.orderId)).toMatchObject({ status: 'expired' });
      expect(await eventsOf(ds, old.orderId)).toEqual([
        expect.objectContaining({ type: 'created' }),
        expect.objectContaining({ type: 'transition', event: 'hold_expired', actor: 'system:hold-timer' }),
      ]);
      expect(await numberRow(ds, number)).toMatchObject({ status: 'held', holder_order_id: fresh.orderId });
    });

    it('maps a live order still claiming the number to NUMBER_UNAVAILABLE and writes nothing', async () => {
      const customerId = await insertCustomer(ds);
      const number = nextNumber();
      await insertNumber(ds, number);
      const first = await hold(customerId, number);
      // An operator put the number back on sale while the order is still live.
      await ds.query(
        `UPDATE numbers SET status = 'available', holder_order_id = NULL, held_until = NULL WHERE number = $1`,
        [number],
      );
      const other = await insertCustomer(ds);
      expect(await refusal(hold(other, number))).toMatchObject({
        code: 'NUMBER_UNAVAILABLE',
        heldUntil: null,
      });
      expect(await numberRow(ds, number)).toMatchObject({ status: 'available', holder_order_id: null });
      const orders: { id: string }[] = await ds.query(`SELECT id FROM orders WHERE number = $1`, [number]);
      expect(orders.map((o) => o.id)).toEqual([first.orderId]);
    });

    it('allows MAX_HOLDS live holds per customer; cancelled and run-out ones do not count', async () => {
      const customerId = await insertCustomer(ds);
      const numbers = Array.from({ length: 6 }, () => nextNumber());
      for (const n of numbers) await insertNumber(ds, n);
      const now = new Date();
      const held: { orderId: string }[] = [];
      for (const n of numbers.slice(0, 3)) held.push(await hold(customerId, n, now));
      expect(await refusal(hold(customerId, numbers[3] as string, now))).toMatchObject({
        code: 'HOLD_LIMIT_REACHED',
        maxHolds: 3,
      });

      await ds.transaction((m) =>
        transitionOrder(m, {
          orderId: held[0]?.orderId as string,
          event: 'cancel',
          actor: { kind: 'customer', id: customerId },
          now,
        }),
      );
      await hold(customerId, numbers[3] as string, now);
      expect(await refusal(hold(customerId, numbers[4] as string, now))).toMatchObject({
        code: 'HOLD_LIMIT_REACHED',
      });
      // Past the deadline of the first holds, they no longer count even before any sweep.
      const later = new Date(now.getTime() + 31 * MINUTE);
      await expect(hold(customerId, numbers[4] as string, later)).resolves.toBeDefined();
    });

    it('gives a contested number to exactly one of many concurrent customers', async () => {
      const number = nextNumber();
      await insertNumber(ds, number);
      const customers = await Promise.all(Array.from({ length: 30 }, () => insertCustomer(ds)));
      const results = await Promise.all(customers.map((c) => refusal(hold(c, number))));
      const winners = results.filter((r) => r === undefined);
      expect(winners).toHaveLength(1);
      expect(
        results.filter((r) => (r as { code?: string } | undefined)?.code === 'NUMBER_UNAVAILABLE'),
      ).toHaveLength(29);
      const live: unknown[] = await ds.query(
        `SELECT id FROM orders WHERE number = $1 AND status = 'selecting'`,
        [number],
      );
      expect(live).toHaveLength(1);
    });

    it('counts one customer’s concurrent holds one at a time: exactly MAX_HOLDS succeed', async () => {
      const customerId = await insertCustomer(ds);
      const numbers = Array.from({ length: 8 }, () => nextNumber());
      for (const n of numbers) await insertNumber(ds, n);
      const results = await Promise.all(numbers.map((n) => refusal(hold(customerId, n))));
      expect(results.filter((r) => r === undefined)).toHaveLength(3);
      expect(
        results.filter((r) => (r as { code?: string } | undefined)?.code === 'HOLD_LIMIT_REACHED'),
      ).toHaveLength(5);
      const held: { n: number }[] = await ds.query(
        `SELECT count(*)::int AS n FROM numbers WHERE status = 'held' AND number = ANY ($1)`,
        [numbers],
      );
      expect(held[0]?.n).toBe(3);
    });

    it('answers with the order exactly as it reads back', async () => {
      const customerId = await insertCustomer(ds);
      const number = nextNumber();
      await insertNumber(ds, number, { grade: 'silver', feeFen: 50_000 });
      const { orderId, order } = await hold(customerId, number);
      expect(order).toEqual(await findOrder(ds.manager, { orderId, customerId }));
    });
  });

  describe('extendHold', () => {
    async function heldOrder(now = new Date()) {
      const customerId = await insertCustomer(ds);
      const number = nextNumber();
      await insertNumber(ds, number);
      const held = await hold(customerId, number, now);
      return { customerId, number, ...held };
    }
    const extend = (orderId: string, customerId: string, now = new Date()) =>
      ds.transaction((m) => extendHold(m, { orderId, customerId, settings, now }));

    it('extends once by HOLD_EXTENSION, moving the order and the number together', async () => {
      const now = new Date();
      const { orderId, customerId, number, holdUntil } = await heldOrder(now);
      const result = await extend(orderId, customerId, new Date(now.getTime() + MINUTE));
      const extended = new Date(holdUntil.getTime() + 15 * MINUTE);
      expect(result).toEqual({ holdUntil: extended, extensionsLeft: 0 });
      expect(await orderRow(ds, orderId)).toMatchObject({ hold_until: extended, hold_extensions: 1 });
      expect(await numberRow(ds, number)).toMatchObject({ status: 'held', held_until: extended });
      expect((await eventsOf(ds, orderId)).map((e) => e.type)).toEqual(['created', 'hold_extended']);
      const jobs = await outboxOf(ds, orderId);
      expect(jobs.map((j) => [j.job_name, j.run_at])).toEqual([
        ['expire-hold', holdUntil],
        ['order-event-recorded', null],
        ['expire-hold', extended],
        ['order-event-recorded', null],
      ]);

      expect(await refusal(extend(orderId, customerId))).toMatchObject({
        code: 'HOLD_EXTENSION_LIMIT',
        maxExtensions: 1,
      });
      expect(await orderRow(ds, orderId)).toMatchObject({ hold_until: extended, hold_extensions: 1 });
    });

    it('refuses a hold that already ran out', async () => {
      const now = new Date();
      const { orderId, customerId } = await heldOrder(now);
      const late = new Date(now.getTime() + 30 * MINUTE);
      expect(await refusal(extend(orderId, customerId, late))).toMatchObject({ code: 'ORDER_HOLD_EXPIRED' });
    });

    it('refuses an order that no longer holds its number', async () => {
      const { orderId, customerId } = await heldOrder();
      await ds.transaction((m) =>
        transitionOrder(m, { orderId, event: 'cancel', actor: { kind: 'customer', id: customerId } }),
      );
      expect(await refusal(extend(orderId, customerId))).toMatchObject({ code: 'ORDER_NOT_EDITABLE' });
    });

    it('hides another customer’s order', async () => {
      const { orderId } = await heldOrder();
      const stranger = await insertCustomer(ds);
      expect(await refusal(extend(orderId, stranger))).toMatchObject({ code: 'ORDER_NOT_FOUND' });
    });

    it('keeps the extended hold from being expired by the old timer', async () => {
      const now = new Date();
      const { orderId, customerId, holdUntil } = await heldOrder(now);
      await extend(orderId, customerId, now);
      // The first expire-hold job fires at the original deadline: the guard refuses it.
      await expect(
        ds.transaction((m) =>
          transitionOrder(m, {
            orderId,
            event: 'hold_expired',
            actor: { kind: 'system', id: 'hold-timer' },
            now: holdUntil,
          }),
        ),
      ).rejects.toMatchObject({ code: 'ORDER_HOLD_NOT_DUE' });
    });
  });
});
