import type { DataSource } from 'typeorm';
import type { AppConfig } from '@haoma/config';
import { createDataSource } from '@haoma/db';
import { recordOrderEventNotifications } from '@haoma/notifications';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { PaymentNotFoundYet } from '../src/payments/checkout-events';
import { WebhookEventHandler } from '../src/payments/webhook-event.handler';
import { insertCustomer, insertHeldOrder, orderState } from './order-fixtures';
import { insertPayment, sessionEvent, shuffled, storeEvent, stripeEvent } from './payment-fixtures';

// The `apply-webhook-event` job against the real database: exactly once whatever Stripe
// does (repeats, concurrency, order, two events for one session), late payments. Refund
// events: payments-refund-events.int-spec.ts.
describe('applying provider events', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let config: AppConfig;
  let handler: WebhookEventHandler;
  let customerId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig(db.url, { DOCUMENTS_DEADLINE: '15d' });
    ds = await createDataSource({ url: db.url, poolSize: 12 }).initialize();
    handler = new WebhookEventHandler(ds, config);
    customerId = (await insertCustomer(ds)).id;
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const awaitingPayment = () =>
    insertHeldOrder(ds, {
      customerId,
      status: 'awaiting_payment',
      holdUntil: new Date(Date.now() + 3_600_000),
      outbox: 'none',
    });
  const rows = (sql: string, params: unknown[]) => ds.query(sql, params);
  const one = async (sql: string, params: unknown[]) => (await ds.query(sql, params))[0];

  /** The order's hold ran out: expired, number released (and, with `takenBy`, held by another order). */
  async function expire(orderId: string, number: string, takenBy?: string): Promise<void> {
    await ds.query(`UPDATE orders SET status = 'expired', closed_reason = 'hold ran out' WHERE id = $1`, [
      orderId,
    ]);
    await ds.query(
      `UPDATE numbers SET status = 'available', holder_order_id = NULL, held_until = NULL WHERE number = $1`,
      [number],
    );
    if (takenBy) {
      const { orderId: otherId, number: itsOwn } = await insertHeldOrder(ds, {
        customerId: takenBy,
        holdUntil: new Date(Date.now() + 3_600_000),
        outbox: 'none',
      });
      // The other order takes over this number (its own fresh number goes back on sale).
      await ds.query(
        `UPDATE numbers SET status = 'available', holder_order_id = NULL, held_until = NULL WHERE number = $1`,
        [itsOwn],
      );
      await ds.query(`UPDATE orders SET number = $2 WHERE id = $1`, [otherId, number]);
      await ds.query(
        `UPDATE numbers SET status = 'held', holder_order_id = $2, held_until = now() + interval '1 hour' WHERE number = $1`,
        [number, otherId],
      );
    }
  }

  it('pays once, locks once, announces once: 2 distinct events × 3 deliveries, concurrent and shuffled', async () => {
    const orders = await Promise.all([1, 2, 3].map(() => awaitingPayment()));
    const runs: Promise<unknown>[] = [];
    const deliveries: string[] = [];
    for (const order of orders) {
      const payment = await insertPayment(ds, order.orderId);
      for (const type of [
        'checkout.session.completed',
        'checkout.session.async_payment_succeeded',
      ] as const) {
        const id = await storeEvent(ds, sessionEvent(payment, type));
        deliveries.push(id, id, id);
      }
    }
    for (const webhookEventId of shuffled(deliveries)) runs.push(handler.apply({ webhookEventId }));
    const results = await Promise.all(runs);
    expect(results.filter((r) => (r as { outcome: string }).outcome === 'applied')).toHaveLength(6);

    for (const { orderId, number } of orders) {
      const state = await orderState(ds, orderId);
      expect(state.status).toBe('awaiting_documents');
      expect(state.numberStatus).toBe('locked');
      expect(state.transitions.map((t) => [t.event, t.actor])).toEqual([
        ['payment_confirmed', 'system:stripe'],
      ]);
      const locks = await rows(`SELECT to_status FROM number_events WHERE number = $1`, [number]);
      expect(locks).toEqual([{ to_status: 'locked' }]);
      const announced = await rows(
        `SELECT id FROM outbox_messages WHERE job_name = 'order-event-recorded' AND payload->>'orderId' = $1`,
        [orderId],
      );
      expect(announced).toHaveLength(1);
      const order = await one(`SELECT documents_due_at FROM orders WHERE id = $1`, [orderId]);
      expect(order.documents_due_at.getTime() - Date.now()).toBeGreaterThan(15 * 86_400_000 - 60_000);
      const payment = await one(
        `SELECT status, provider_payment_id, paid_at, outcome FROM payments WHERE order_id = $1`,
        [orderId],
      );
      expect(payment).toMatchObject({ status: 'paid', outcome: 'locked' });
      expect(payment.provider_payment_id).toMatch(/^pi_for_cs_test_/);
      const outcomes: { outcome: string }[] = await rows(
        `SELECT outcome FROM webhook_events WHERE object_id = (SELECT provider_session_id FROM payments WHERE order_id = $1)`,
        [orderId],
      );
      expect(outcomes.map((o) => o.outcome).sort()).toEqual([
        expect.stringMatching(/^duplicate: payment .* already applied \(locked\)$/),
        'paid: locked',
      ]);
    }
    // The receipt is the notification of the one payment_confirmed row: one per order.
    const [event] = await rows(
      `SELECT id FROM order_events WHERE order_id = $1 AND event = 'payment_confirmed'`,
      [orders[0]?.orderId],
    );
    const recorded = await recordOrderEventNotifications(ds.manager, String(event.id));
    expect(recorded.recorded).toBe(1);
    const receipt = await one(`SELECT template, body FROM notifications WHERE order_id = $1`, [
      orders[0]?.orderId,
    ]);
    expect(receipt.template).toBe('payment-confirmed');
    expect(receipt.body).toContain('¥1,280.00');
  });

  it('skips an event applied before, and counts attempts', async () => {
    const { orderId } = await awaitingPayment();
    const payment = await insertPayment(ds, orderId);
    const id = await storeEvent(ds, sessionEvent(payment, 'checkout.session.completed'));
    expect(await handler.apply({ webhookEventId: id })).toEqual({
      outcome: 'applied',
      result: 'paid: locked',
    });
    expect(await handler.apply({ webhookEventId: id })).toEqual({
      outcome: 'skipped',
      reason: 'already processed: paid: locked',
    });
    expect(await one(`SELECT attempts FROM webhook_events WHERE id = $1`, [id])).toEqual({ attempts: 1 });
    expect(await handler.apply({ webhookEventId: 'stripe:evt_nope' })).toMatchObject({ outcome: 'skipped' });
  });

  it('records an async payment still pending, then its failure; the order keeps waiting for payment', async () => {
    const { orderId } = await awaitingPayment();
    const payment = await insertPayment(ds, orderId);
    const pending = await storeEvent(ds, sessionEvent(payment, 'checkout.session.completed', 'unpaid'));
    expect(await handler.apply({ webhookEventId: pending })).toEqual({
      outcome: 'applied',
      result: `pending: session ${payment.sessionId} completed unpaid`,
    });
    expect(await one(`SELECT status FROM payments WHERE id = $1`, [payment.paymentId])).toEqual({
      status: 'open',
    });
    const failed = await storeEvent(ds, sessionEvent(payment, 'checkout.session.async_payment_failed'));
    await handler.apply({ webhookEventId: failed });
    expect(await one(`SELECT status FROM payments WHERE id = $1`, [payment.paymentId])).toEqual({
      status: 'failed',
    });
    expect(await orderState(ds, orderId)).toMatchObject({
      status: 'awaiting_payment',
      numberStatus: 'held',
      transitions: [],
    });
  });

  it('expires an abandoned session, but never a paid one', async () => {
    const abandoned = await insertPayment(ds, (await awaitingPayment()).orderId);
    await handler.apply({
      webhookEventId: await storeEvent(ds, sessionEvent(abandoned, 'checkout.session.expired')),
    });
    expect(await one(`SELECT status FROM payments WHERE id = $1`, [abandoned.paymentId])).toEqual({
      status: 'expired',
    });

    const paid = await insertPayment(ds, (await awaitingPayment()).orderId);
    // Out of order: the session's expiry is handled before its payment, then after it.
    await handler.apply({
      webhookEventId: await storeEvent(ds, sessionEvent(paid, 'checkout.session.completed')),
    });
    const late = await handler.apply({
      webhookEventId: await storeEvent(ds, sessionEvent(paid, 'checkout.session.expired')),
    });
    expect(late).toEqual({ outcome: 'applied', result: `no change: payment ${paid.paymentId} is paid` });
    expect(await one(`SELECT status FROM payments WHERE id = $1`, [paid.paymentId])).toEqual({
      status: 'paid',
    });
  });

  it('reclaims the number of an expired order paid late while the number is still free', async () => {
    const { orderId, number } = await awaitingPayment();
    const payment = await insertPayment(ds, orderId);
    await expire(orderId, number);
    const result = await handler.apply({
      webhookEventId: await storeEvent(ds, sessionEvent(payment, 'checkout.session.completed')),
    });
    expect(result).toEqual({ outcome: 'applied', result: 'paid: reclaimed' });
    const state = await orderState(ds, orderId);
    expect(state).toMatchObject({ status: 'awaiting_documents', numberStatus: 'locked' });
    expect(state.transitions.map((t) => t.event)).toEqual(['late_payment_confirmed']);
    expect(await rows(`SELECT id FROM refunds WHERE order_id = $1`, [orderId])).toEqual([]);
  });

  it('refunds a late payment in full and cancels the order when someone else took the number', async () => {
    const { orderId, number } = await awaitingPayment();
    const payment = await insertPayment(ds, orderId, { amountFen: 99_900 });
    const other = await insertCustomer(ds);
    await expire(orderId, number, other.id);
    const events = [
      await storeEvent(ds, sessionEvent(payment, 'checkout.session.completed')),
      await storeEvent(ds, sessionEvent(payment, 'checkout.session.async_payment_succeeded')),
    ];
    await Promise.all(
      shuffled([...events, ...events]).map((webhookEventId) => handler.apply({ webhookEventId })),
    );

    const state = await orderState(ds, orderId);
    expect(state.status).toBe('cancelled');
    expect(state.transitions.map((t) => [t.event, t.actor])).toEqual([
      ['late_payment_refunded', 'system:stripe'],
    ]);
    // The number stays with the other order.
    expect(
      await one(`SELECT status, holder_order_id <> $2 AS other FROM numbers WHERE number = $1`, [
        number,
        orderId,
      ]),
    ).toEqual({ status: 'held', other: true });
    const refunds = await rows(
      `SELECT id, amount_fen, reason, status, idempotency_key FROM refunds WHERE order_id = $1`,
      [orderId],
    );
    expect(refunds).toEqual([
      {
        id: expect.any(String),
        amount_fen: 99_900,
        reason: 'number_taken',
        status: 'pending',
        idempotency_key: `refund:number_taken:${payment.paymentId}`,
      },
    ]);
    expect(
      await rows(
        `SELECT payload FROM outbox_messages WHERE job_name = 'execute-refund' AND payload->>'refundId' = $1`,
        [refunds[0].id],
      ),
    ).toHaveLength(1);
    expect(await one(`SELECT status, outcome FROM payments WHERE id = $1`, [payment.paymentId])).toEqual({
      status: 'paid',
      outcome: 'refunded_number_taken',
    });
    // The customer is told twice over: the order's cancellation and the refund started.
    const [event] = await rows(
      `SELECT id FROM order_events WHERE order_id = $1 AND event = 'late_payment_refunded'`,
      [orderId],
    );
    await recordOrderEventNotifications(ds.manager, String(event.id));
    const messages: { template: string; body: string }[] = await rows(
      `SELECT template, body FROM notifications WHERE order_id = $1 ORDER BY template`,
      [orderId],
    );
    expect(messages.map((m) => m.template)).toEqual(['late-payment-refunded', 'refund-created']);
    expect(messages[0]?.body).toContain('¥999.00');
    expect(messages[1]?.body).toContain('the number was taken by another customer');
  });

  it('refunds a second paid session of an order another payment already paid', async () => {
    const { orderId } = await awaitingPayment();
    const first = await insertPayment(ds, orderId, { status: 'superseded' });
    const second = await insertPayment(ds, orderId);
    await handler.apply({
      webhookEventId: await storeEvent(ds, sessionEvent(second, 'checkout.session.completed')),
    });
    const result = await handler.apply({
      webhookEventId: await storeEvent(ds, sessionEvent(first, 'checkout.session.completed')),
    });
    expect(result).toMatchObject({ result: expect.stringMatching(/^refunded: order .* was already paid/) });
    expect(await one(`SELECT status, outcome FROM payments WHERE id = $1`, [first.paymentId])).toEqual({
      status: 'superseded',
      outcome: 'refunded_duplicate_payment',
    });
    expect(
      await rows(`SELECT reason, amount_fen FROM refunds WHERE payment_id = $1`, [first.paymentId]),
    ).toEqual([{ reason: 'duplicate_payment', amount_fen: first.amountFen }]);
    expect((await orderState(ds, orderId)).transitions.map((t) => t.event)).toEqual(['payment_confirmed']);
  });

  it('refunds a payment for an order cancelled while the customer was paying', async () => {
    const { orderId, number } = await awaitingPayment();
    const payment = await insertPayment(ds, orderId);
    await ds.query(
      `UPDATE orders SET status = 'cancelled', closed_reason = 'changed my mind' WHERE id = $1`,
      [orderId],
    );
    await ds.query(
      `UPDATE numbers SET status = 'available', holder_order_id = NULL, held_until = NULL WHERE number = $1`,
      [number],
    );
    const result = await handler.apply({
      webhookEventId: await storeEvent(ds, sessionEvent(payment, 'checkout.session.completed')),
    });
    expect(result).toEqual({ outcome: 'applied', result: 'paid: refunded_order_closed' });
    expect(
      await rows(`SELECT reason, amount_fen FROM refunds WHERE payment_id = $1`, [payment.paymentId]),
    ).toEqual([{ reason: 'cancelled_before_review', amount_fen: payment.amountFen }]);
    expect((await orderState(ds, orderId)).status).toBe('cancelled');
  });

  it('retries a session that names our payment before its row is visible; ignores sessions that are not ours', async () => {
    const { orderId } = await awaitingPayment();
    const payment = await insertPayment(ds, orderId);
    const ghost = {
      ...payment,
      sessionId: 'cs_test_unknown',
      paymentId: '00000000-0000-4000-8000-000000000000',
    };
    const id = await storeEvent(ds, sessionEvent(ghost, 'checkout.session.completed'));
    await expect(handler.apply({ webhookEventId: id })).rejects.toBeInstanceOf(PaymentNotFoundYet);
    expect(await one(`SELECT processed_at, attempts FROM webhook_events WHERE id = $1`, [id])).toEqual({
      processed_at: null,
      attempts: 1,
    });
    const foreign = stripeEvent('checkout.session.completed', {
      id: 'cs_test_foreign',
      payment_status: 'paid',
    });
    expect(await handler.apply({ webhookEventId: await storeEvent(ds, foreign) })).toEqual({
      outcome: 'applied',
      result: 'ignored: unknown session cs_test_foreign',
    });
    expect((await orderState(ds, orderId)).status).toBe('awaiting_payment');
  });

  it.each(['customer.created', 'payment_intent.succeeded', 'checkout.session.async_payment_unknown'])(
    'marks %s processed and ignored',
    async (type) => {
      const id = await storeEvent(ds, stripeEvent(type, { id: 'obj_1' }));
      expect(await handler.apply({ webhookEventId: id })).toEqual({
        outcome: 'applied',
        result: `ignored: ${type}`,
      });
    },
  );
});
