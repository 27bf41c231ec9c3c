import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { WebhookEventHandler } from '../src/payments/webhook-event.handler';
import { insertCustomer, insertHeldOrder, nextNumber } from './order-fixtures';
import {
  insertPaidPayment,
  insertRefund,
  refundEvent,
  shuffled,
  storeEvent,
  stripeEvent,
} from './payment-fixtures';

// The `apply-webhook-event` job for refund.* and charge.refunded: each refund settles once,
// whatever the order and repetition of Stripe's events.
describe('applying refund events', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let handler: WebhookEventHandler;
  let customerId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 8 }).initialize();
    handler = new WebhookEventHandler(ds, testConfig(db.url));
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

  it('settles a refund once, whatever the order and repetition of its events', async () => {
    const { orderId } = await awaitingPayment();
    await ds.query(`UPDATE orders SET status = 'awaiting_documents' WHERE id = $1`, [orderId]);
    const payment = await insertPaidPayment(ds, orderId, 50_000);
    const { refundId, idempotencyKey } = await insertRefund(ds, payment, { amountFen: 30_000 });
    const providerRefundId = `re_${refundId.slice(0, 8)}`;
    // The first event arrives before execute-refund stored the provider's id: found by key.
    const created = await storeEvent(
      ds,
      refundEvent('refund.created', { providerRefundId, status: 'pending', idempotencyKey }),
    );
    expect(await handler.apply({ webhookEventId: created })).toEqual({
      outcome: 'applied',
      result: `no change: refund ${refundId} is pending`,
    });
    const succeeded = await storeEvent(
      ds,
      refundEvent('refund.updated', { providerRefundId, status: 'succeeded' }),
    );
    const stale = await storeEvent(
      ds,
      refundEvent('refund.created', { providerRefundId, status: 'pending' }),
    );
    await Promise.all(
      shuffled([succeeded, succeeded, succeeded, stale]).map((webhookEventId) =>
        handler.apply({ webhookEventId }),
      ),
    );

    expect(await one(`SELECT status, provider_refund_id FROM refunds WHERE id = $1`, [refundId])).toEqual({
      status: 'succeeded',
      provider_refund_id: providerRefundId,
    });
    expect(await one(`SELECT refunded_fen FROM payments WHERE id = $1`, [payment.paymentId])).toEqual({
      refunded_fen: 30_000,
    });
    expect(await rows(`SELECT template FROM notifications WHERE order_id = $1`, [orderId])).toEqual([
      { template: 'refund-succeeded' },
    ]);
    expect(
      await rows(
        `SELECT id FROM outbox_messages WHERE job_name = 'send-notification'
                   AND payload->>'notificationId' IN (SELECT id::text FROM notifications WHERE order_id = $1)`,
        [orderId],
      ),
    ).toHaveLength(1);
  });

  it('records a failed refund with its reason and tells the customer; ignores refunds we never asked for', async () => {
    const { orderId } = await awaitingPayment();
    const payment = await insertPaidPayment(ds, orderId);
    const { refundId } = await insertRefund(ds, payment, { providerRefundId: `re_fail_${nextNumber()}` });
    const [{ provider_refund_id: providerRefundId }] = await rows(
      `SELECT provider_refund_id FROM refunds WHERE id = $1`,
      [refundId],
    );
    const failed = await storeEvent(
      ds,
      refundEvent('refund.failed', {
        providerRefundId,
        status: 'failed',
        failureReason: 'expired_or_canceled_card',
      }),
    );
    await handler.apply({ webhookEventId: failed });
    expect(await one(`SELECT status, failure_reason FROM refunds WHERE id = $1`, [refundId])).toEqual({
      status: 'failed',
      failure_reason: 'expired_or_canceled_card',
    });
    expect(await one(`SELECT refunded_fen FROM payments WHERE id = $1`, [payment.paymentId])).toEqual({
      refunded_fen: 0,
    });
    expect(await rows(`SELECT template FROM notifications WHERE order_id = $1`, [orderId])).toEqual([
      { template: 'refund-failed' },
    ]);

    const foreign = await storeEvent(
      ds,
      refundEvent('refund.updated', { providerRefundId: 're_dashboard', status: 'succeeded' }),
    );
    expect(await handler.apply({ webhookEventId: foreign })).toEqual({
      outcome: 'applied',
      result: 'ignored: unknown refund re_dashboard',
    });
  });

  it('applies the refunds a charge.refunded event lists', async () => {
    const { orderId } = await awaitingPayment();
    const payment = await insertPaidPayment(ds, orderId);
    const { refundId } = await insertRefund(ds, payment, { providerRefundId: `re_charge_${nextNumber()}` });
    const [{ provider_refund_id: id }] = await rows(`SELECT provider_refund_id FROM refunds WHERE id = $1`, [
      refundId,
    ]);
    const event = stripeEvent('charge.refunded', {
      id: 'ch_1',
      object: 'charge',
      refunds: { data: [{ id, object: 'refund', status: 'succeeded' }] },
    });
    expect(await handler.apply({ webhookEventId: await storeEvent(ds, event) })).toEqual({
      outcome: 'applied',
      result: `refund ${refundId} pending → succeeded`,
    });
    const bare = stripeEvent('charge.refunded', { id: 'ch_2', object: 'charge' });
    expect(await handler.apply({ webhookEventId: await storeEvent(ds, bare) })).toEqual({
      outcome: 'applied',
      result: 'ignored: charge.refunded without refunds',
    });
  });
});
