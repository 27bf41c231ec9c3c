import type { DataSource } from 'typeorm';
import type { AppConfig } from '@haoma/config';
import { createDataSource } from '@haoma/db';
import type { PaymentProvider, RefundInput, RefundResult } from '@haoma/payments';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { CancellationRefundHandler } from '../src/payments/cancellation-refund.handler';
import { RefundExecutionHandler } from '../src/payments/refund-execution.handler';
import { insertAwaitingDocumentsOrder, insertCustomer } from './order-fixtures';
import { insertPaidPayment, insertPayment, insertRefund } from './payment-fixtures';

/** A provider that records refund requests and answers as told (Stripe-like: idempotent by key). */
class RecordingProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  readonly requests: RefundInput[] = [];
  answer: RefundResult['status'] = 'pending';
  failWith: unknown;
  private readonly byKey = new Map<string, RefundResult>();

  async refund(input: RefundInput): Promise<RefundResult> {
    this.requests.push(input);
    if (this.failWith) throw this.failWith;
    const known = this.byKey.get(input.idempotencyKey);
    if (known) return known;
    const result = {
      providerRefundId: `re_${this.byKey.size + 1}_${input.paymentId.slice(0, 8)}`,
      status: this.answer,
    };
    this.byKey.set(input.idempotencyKey, result);
    return result;
  }
  createCheckout(): never {
    throw new Error('not used');
  }
  retrieveCheckout(): never {
    throw new Error('not used');
  }
  expireCheckout(): never {
    throw new Error('not used');
  }
}

// Refunds: the one a cancellation owes (per policy, once per timeline row), and asking the
// provider for a recorded refund with its idempotency key.
describe('refunds', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let config: AppConfig;
  let customerId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig(db.url, { CANCELLATION_FEE_FEN: '20000' });
    ds = await createDataSource({ url: db.url, poolSize: 8 }).initialize();
    customerId = (await insertCustomer(ds)).id;
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const rows = (sql: string, params: unknown[]) => ds.query(sql, params);

  /** A paid order cancelled from `from` (its timeline row); returns the row id. */
  async function cancelledOrder(from: string, event = 'cancel', paid = true) {
    const { orderId } = await insertAwaitingDocumentsOrder(ds, customerId, new Date(Date.now() + 86_400_000));
    const payment = paid ? await insertPaidPayment(ds, orderId, 128_000) : await insertPayment(ds, orderId);
    await ds.query(`UPDATE orders SET status = 'cancelled', closed_reason = 'test' WHERE id = $1`, [orderId]);
    const [row] = await ds.query(
      `INSERT INTO order_events (order_id, type, event, from_status, to_status, actor)
       VALUES ($1, 'transition', $2, $3, 'cancelled', 'customer:test') RETURNING id`,
      [orderId, event, from],
    );
    return { orderId, payment, orderEventId: String(row.id) };
  }

  describe('on cancellation', () => {
    let handler: CancellationRefundHandler;
    beforeAll(() => {
      handler = new CancellationRefundHandler(ds, config);
    });

    it.each([
      ['awaiting_documents', 'cancel', 128_000, 'cancelled_before_review'],
      ['awaiting_documents', 'documents_deadline_passed', 128_000, 'cancelled_before_review'],
      ['under_review', 'cancel', 108_000, 'cancelled_after_review'],
      ['provisioning', 'cancel', 108_000, 'cancelled_after_review'],
    ])('from %s (%s) refunds %i fen once', async (from, event, amountFen, reason) => {
      const { orderId, orderEventId, payment } = await cancelledOrder(from, event);
      const results = await Promise.all([1, 2, 3].map(() => handler.handle({ orderId, orderEventId })));
      expect(results.map((r) => r.outcome)).toEqual(['refund', 'refund', 'refund']);
      expect(results.filter((r) => r.outcome === 'refund' && r.created)).toHaveLength(1);
      const refunds = await rows(
        `SELECT id, amount_fen, reason, status, idempotency_key FROM refunds WHERE payment_id = $1`,
        [payment.paymentId],
      );
      expect(refunds).toEqual([
        {
          id: expect.any(String),
          amount_fen: amountFen,
          reason,
          status: 'pending',
          idempotency_key: `refund:cancel:${orderEventId}`,
        },
      ]);
      expect(
        await rows(
          `SELECT id FROM outbox_messages WHERE job_name = 'execute-refund' AND payload->>'refundId' = $1`,
          [refunds[0].id],
        ),
      ).toHaveLength(1);
      const [message] = await rows(`SELECT template, body FROM notifications WHERE order_id = $1`, [orderId]);
      expect(message.template).toBe('refund-created');
      expect(message.body).toContain(`¥${(amountFen / 100).toLocaleString('en-US')}.00`);
    });

    it('refunds nothing for an unpaid order, another timeline row, or what was refunded already', async () => {
      const unpaid = await cancelledOrder('awaiting_payment', 'cancel', false);
      expect(await handler.handle(unpaid)).toEqual({ outcome: 'none', reason: 'the order was not paid' });

      const paid = await cancelledOrder('awaiting_documents');
      const [other] = await rows(
        `INSERT INTO order_events (order_id, type, event, from_status, to_status, actor)
         VALUES ($1, 'transition', 'late_payment_refunded', 'expired', 'cancelled', 'system:stripe') RETURNING id`,
        [paid.orderId],
      );
      expect(await handler.handle({ orderId: paid.orderId, orderEventId: String(other.id) })).toEqual({
        outcome: 'none',
        reason: 'not a cancellation',
      });
      // Refunded in full already (the late payment's own refund): nothing left to give.
      await insertRefund(ds, paid.payment);
      expect(await handler.handle(paid)).toEqual({
        outcome: 'none',
        reason: 'nothing owed when cancelled from awaiting_documents',
      });
      expect(
        await rows(`SELECT id FROM refunds WHERE payment_id = $1`, [paid.payment.paymentId]),
      ).toHaveLength(1);
    });
  });

  describe('execution', () => {
    it('asks the provider once with the refund’s key, stores its id, and settles what it answers', async () => {
      const provider = new RecordingProvider();
      provider.answer = 'succeeded';
      const handler = new RefundExecutionHandler(ds, provider);
      const { orderId } = await insertAwaitingDocumentsOrder(
        ds,
        customerId,
        new Date(Date.now() + 86_400_000),
      );
      const payment = await insertPaidPayment(ds, orderId, 50_000);
      const { refundId, idempotencyKey } = await insertRefund(ds, payment, {
        amountFen: 20_000,
        reason: 'number_taken',
      });

      const result = await handler.execute({ refundId });
      expect(result).toMatchObject({ outcome: 'requested', status: 'succeeded' });
      expect(provider.requests).toEqual([
        {
          paymentId: payment.paymentId,
          providerPaymentId: payment.paymentIntentId,
          amountFen: 20_000,
          idempotencyKey,
          reason: 'number_taken',
        },
      ]);
      const [refund] = await rows(`SELECT status, provider_refund_id FROM refunds WHERE id = $1`, [refundId]);
      expect(refund).toEqual({ status: 'succeeded', provider_refund_id: expect.stringMatching(/^re_/) });
      expect(await rows(`SELECT refunded_fen FROM payments WHERE id = $1`, [payment.paymentId])).toEqual([
        { refunded_fen: 20_000 },
      ]);
      expect(await rows(`SELECT template FROM notifications WHERE order_id = $1`, [orderId])).toEqual([
        { template: 'refund-succeeded' },
      ]);
      // Run again (a duplicated job): nothing sent.
      expect(await handler.execute({ refundId })).toMatchObject({ outcome: 'skipped' });
      expect(provider.requests).toHaveLength(1);
    });

    it('leaves a pending answer pending, retries transient failures, records a refusal as failed', async () => {
      const provider = new RecordingProvider();
      const handler = new RefundExecutionHandler(ds, provider);
      const { orderId } = await insertAwaitingDocumentsOrder(
        ds,
        customerId,
        new Date(Date.now() + 86_400_000),
      );
      const payment = await insertPaidPayment(ds, orderId);

      const pending = await insertRefund(ds, payment, { amountFen: 1_000 });
      await handler.execute({ refundId: pending.refundId });
      expect(await rows(`SELECT status FROM refunds WHERE id = $1`, [pending.refundId])).toEqual([
        { status: 'pending' },
      ]);

      const flaky = await insertRefund(ds, payment, { amountFen: 1_000 });
      provider.failWith = Object.assign(new Error('socket hang up'), { type: 'StripeConnectionError' });
      await expect(handler.execute({ refundId: flaky.refundId })).rejects.toThrow('socket hang up');
      expect(
        await rows(`SELECT status, provider_refund_id FROM refunds WHERE id = $1`, [flaky.refundId]),
      ).toEqual([{ status: 'pending', provider_refund_id: null }]);

      provider.failWith = Object.assign(new Error('Charge ch_1 has already been refunded.'), {
        type: 'StripeInvalidRequestError',
        statusCode: 400,
      });
      expect(await handler.execute({ refundId: flaky.refundId })).toEqual({
        outcome: 'refused',
        reason: 'Charge ch_1 has already been refunded.',
      });
      expect(
        await rows(`SELECT status, failure_reason FROM refunds WHERE id = $1`, [flaky.refundId]),
      ).toEqual([{ status: 'failed', failure_reason: 'Charge ch_1 has already been refunded.' }]);
      expect(await rows(`SELECT template FROM notifications WHERE order_id = $1`, [orderId])).toEqual([
        { template: 'refund-failed' },
      ]);
    });

    it('does not send a refund of another provider’s payment', async () => {
      const provider = new RecordingProvider();
      const handler = new RefundExecutionHandler(ds, provider);
      const { orderId } = await insertAwaitingDocumentsOrder(
        ds,
        customerId,
        new Date(Date.now() + 86_400_000),
      );
      const payment = await insertPayment(ds, orderId, { provider: 'sandbox' });
      const { refundId } = await insertRefund(ds, payment);
      expect(await handler.execute({ refundId })).toEqual({
        outcome: 'skipped',
        reason: 'payment is a sandbox payment',
      });
      expect(provider.requests).toEqual([]);
    });
  });
});
