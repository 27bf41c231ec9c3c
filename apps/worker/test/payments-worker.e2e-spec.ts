import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@haoma/config';
import { transitionOrder } from '@haoma/orders';
import { createStripeClient, ingestWebhookEvent, verifyStripeWebhook } from '@haoma/payments';
import {
  createTestDatabase,
  startStripeStandIn,
  testConfig,
  type StripeStandIn,
  type TestDatabase,
} from '@haoma/testing';
import { LostPaymentJobs } from '../src/payments/lost-payment-jobs';
import { WorkerModule } from '../src/worker.module';
import {
  insertAwaitingDocumentsOrder,
  insertCustomer,
  insertHeldOrder,
  orderState,
  waitFor,
} from './order-fixtures';
import {
  insertPaidPayment,
  insertPayment,
  insertRefund,
  sessionEvent,
  shuffled,
  storeEvent,
  type TestPayment,
} from './payment-fixtures';

const SECRET = 'whsec_worker_payments_test';

// The whole worker against the real `stripe` client and the Stripe stand-in: signed events
// stored as the webhook endpoint stores them, applied by the worker, receipts and refunds out.
describe('payments through the worker', () => {
  let db: TestDatabase;
  let standIn: StripeStandIn;
  let stripe: Stripe;
  let mailDir: string;
  let app: INestApplicationContext;
  let ds: DataSource;
  let customerId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    standIn = await startStripeStandIn();
    stripe = createStripeClient('sk_test_worker', standIn.url);
    mailDir = await mkdtemp(join(tmpdir(), 'haoma-payments-mail-'));
    const config: AppConfig = testConfig(db.url, {
      PAYMENTS_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_worker',
      STRIPE_WEBHOOK_SECRETS: SECRET,
      STRIPE_API_URL: standIn.url,
      CANCELLATION_FEE_FEN: '20000',
      SWEEP_INTERVAL_SECONDS: '3600',
      MAIL_DIR: mailDir,
    });
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    ds = app.get<DataSource>(getDataSourceToken());
    customerId = (await insertCustomer(ds)).id;
  });
  afterAll(async () => {
    await app?.close();
    await standIn?.close();
    await db?.drop();
    await rm(mailDir, { recursive: true, force: true });
  });

  const rows = (sql: string, params: unknown[]) => ds.query(sql, params);

  /** An order awaiting payment with a checkout session at the stand-in (and its payments row). */
  async function checkout(amountFen = 128_000): Promise<TestPayment & { number: string }> {
    const { orderId, number } = await insertHeldOrder(ds, {
      customerId,
      status: 'awaiting_payment',
      holdUntil: new Date(Date.now() + 3_600_000),
      outbox: 'none',
    });
    const lines = [
      { kind: 'plan', code: 'basic', version: 1, name: 'Basic plan', nameZh: '基础套餐', amountFen },
    ];
    await ds.query(`UPDATE orders SET total_fen = $2, price_lines = $3 WHERE id = $1`, [
      orderId,
      amountFen,
      JSON.stringify(lines),
    ]);
    const paymentId = randomUUID();
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      currency: 'cny',
      line_items: [
        {
          quantity: 1,
          price_data: { currency: 'cny', unit_amount: amountFen, product_data: { name: 'plan' } },
        },
      ],
      metadata: { orderId, paymentId },
      expires_at: Math.floor(Date.now() / 1000) + 3_600,
    });
    const payment = await insertPayment(ds, orderId, { amountFen, paymentId, sessionId: session.id });
    return { ...payment, number };
  }

  /** Signs and verifies `event` and stores it as the webhook endpoint does. */
  async function deliver(event: Record<string, unknown>): Promise<boolean> {
    const { body, headers } = standIn.signedDelivery(event, SECRET);
    const verified = verifyStripeWebhook(stripe.webhooks, Buffer.from(body), headers['stripe-signature'], [
      SECRET,
    ]);
    if (!verified.ok) throw new Error(verified.message);
    return (await ingestWebhookEvent(ds, 'stripe', verified.event)).duplicate;
  }

  const sentTemplates = async (orderId: string): Promise<string[]> =>
    (
      await rows(
        `SELECT template FROM notifications WHERE order_id = $1 AND status = 'sent' ORDER BY template`,
        [orderId],
      )
    ).map((r: { template: string }) => r.template);

  async function pay(payment: TestPayment): Promise<void> {
    const session = standIn.complete(payment.sessionId);
    await deliver(standIn.eventFor(session, 'checkout.session.completed'));
  }

  it('pays each order once, locks once, sends one receipt: 2 events × 3 deliveries, shuffled', async () => {
    const payments = await Promise.all([1, 2, 3].map(() => checkout()));
    const deliveries = payments.flatMap((payment) => {
      const session = standIn.complete(payment.sessionId);
      return ['checkout.session.completed', 'checkout.session.async_payment_succeeded'].flatMap((type) => {
        const event = standIn.eventFor(session, type);
        return [event, event, event];
      });
    });
    const duplicates = await Promise.all(shuffled(deliveries).map(deliver));
    expect(duplicates.filter((d) => !d)).toHaveLength(6);

    for (const payment of payments) {
      await waitFor(
        async () => ((await sentTemplates(payment.orderId)).length > 0 ? true : undefined),
        'the receipt',
      );
      const state = await orderState(ds, payment.orderId);
      expect(state).toMatchObject({ status: 'awaiting_documents', numberStatus: 'locked' });
      expect(state.transitions.map((t) => t.event)).toEqual(['payment_confirmed']);
      expect(
        await rows(`SELECT to_status FROM number_events WHERE order_id = $1`, [payment.orderId]),
      ).toEqual([{ to_status: 'locked' }]);
      const processed = await rows(
        `SELECT count(*)::int AS n FROM webhook_events WHERE object_id = $1 AND processed_at IS NOT NULL`,
        [payment.sessionId],
      );
      expect(processed).toEqual([{ n: 2 }]);
    }
    // Every job is done: still one receipt per order.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const payment of payments)
      expect(await sentTemplates(payment.orderId)).toEqual(['payment-confirmed']);
    const [receipt] = await rows(`SELECT id, body FROM notifications WHERE order_id = $1`, [
      payments[0]?.orderId,
    ]);
    expect(receipt.body).toContain('We received ¥1,280.00 for order');
    expect(receipt.body).toContain('Receipt:\n  · 基础套餐 Basic plan: ¥1,280.00\nTotal ¥1,280.00');
    const mail = await readFile(join(mailDir, `${receipt.id}.eml`), 'utf8');
    expect(mail).toContain(`Message-ID: <${receipt.id}@haoma>`);
  });

  it('refunds a late payment at Stripe when the number was taken, cancels the order and tells the customer', async () => {
    const payment = await checkout(99_900);
    // The hold ran out and another order took the number.
    await ds.query(`UPDATE orders SET status = 'expired' WHERE id = $1`, [payment.orderId]);
    const other = await insertHeldOrder(ds, {
      customerId: (await insertCustomer(ds)).id,
      holdUntil: new Date(Date.now() + 3_600_000),
      outbox: 'none',
    });
    await ds.query(
      `UPDATE numbers SET status = 'available', holder_order_id = NULL, held_until = NULL WHERE number = $1`,
      [other.number],
    );
    await ds.query(`UPDATE orders SET number = $2 WHERE id = $1`, [other.orderId, payment.number]);
    await ds.query(`UPDATE numbers SET holder_order_id = $2 WHERE number = $1`, [
      payment.number,
      other.orderId,
    ]);

    await pay(payment);
    await waitFor(
      async () => ((await sentTemplates(payment.orderId)).length === 3 ? true : undefined),
      'the cancellation and refund messages',
    );
    expect(await sentTemplates(payment.orderId)).toEqual([
      'late-payment-refunded',
      'refund-created',
      'refund-succeeded',
    ]);
    expect((await orderState(ds, payment.orderId)).status).toBe('cancelled');
    const [refund] = await rows(
      `SELECT status, amount_fen, provider_refund_id, idempotency_key FROM refunds WHERE order_id = $1`,
      [payment.orderId],
    );
    expect(refund).toMatchObject({
      status: 'succeeded',
      amount_fen: 99_900,
      idempotency_key: `refund:number_taken:${payment.paymentId}`,
    });
    const calls = standIn.requests.filter(
      (r) => r.path === '/v1/refunds' && r.idempotencyKey === refund.idempotency_key,
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toMatchObject({
      amount: '99900',
      payment_intent: standIn.sessions.get(payment.sessionId)?.payment_intent,
    });
    expect(await rows(`SELECT refunded_fen FROM payments WHERE id = $1`, [payment.paymentId])).toEqual([
      { refunded_fen: 99_900 },
    ]);

    // Stripe's own refund events follow: they change nothing more.
    const stripeRefund = standIn.refunds.get(refund.provider_refund_id);
    if (!stripeRefund) throw new Error('the stand-in has no such refund');
    await deliver(standIn.eventFor(stripeRefund, 'refund.created'));
    await deliver(standIn.eventFor(stripeRefund, 'refund.updated'));
    await waitFor(
      async () =>
        (
          await rows(`SELECT 1 FROM webhook_events WHERE object_id = $1 AND processed_at IS NULL`, [
            stripeRefund.id,
          ])
        ).length === 0
          ? true
          : undefined,
      'the refund events',
    );
    expect(await sentTemplates(payment.orderId)).toHaveLength(3);
  });

  it.each([
    ['awaiting_documents', 128_000],
    ['under_review', 108_000],
  ])('refunds a paid order cancelled from %s per policy (%i fen), once', async (from, amountFen) => {
    const payment = await checkout(128_000);
    await pay(payment);
    await waitFor(
      async () =>
        (await orderState(ds, payment.orderId)).status === 'awaiting_documents' ? true : undefined,
      'the payment',
    );
    if (from === 'under_review')
      await ds.query(`UPDATE orders SET status = 'under_review' WHERE id = $1`, [payment.orderId]);
    await ds.transaction((m) =>
      transitionOrder(m, {
        orderId: payment.orderId,
        event: 'cancel',
        actor: { kind: 'customer', id: customerId },
      }),
    );
    const [refund] = await waitFor(async () => {
      const found = await rows(
        `SELECT status, amount_fen, reason, idempotency_key FROM refunds WHERE order_id = $1`,
        [payment.orderId],
      );
      return found[0]?.status === 'succeeded' ? found : undefined;
    }, 'the refund');
    expect(refund).toMatchObject({
      amount_fen: amountFen,
      idempotency_key: expect.stringMatching(/^refund:cancel:\d+$/),
    });
    expect(standIn.requests.filter((r) => r.idempotencyKey === refund.idempotency_key)).toHaveLength(1);
    expect(
      await rows(`SELECT count(*)::int AS n FROM refunds WHERE order_id = $1`, [payment.orderId]),
    ).toEqual([{ n: 1 }]);
  });

  it('repairs payment jobs the queue lost: the event is applied, the refund sent', async () => {
    const payment = await checkout();
    standIn.complete(payment.sessionId);
    const webhookEventId = await storeEvent(ds, sessionEvent(payment, 'checkout.session.completed'));
    const paidOrder = await insertAwaitingDocumentsOrder(ds, customerId, new Date(Date.now() + 86_400_000));
    const paid = await insertPaidPayment(ds, paidOrder.orderId, 50_000);
    const { refundId } = await insertRefund(ds, paid, { amountFen: 50_000 });
    // Published two minutes ago to a queue that then lost them.
    await ds.query(
      `INSERT INTO outbox_messages (job_name, payload, published_at)
       VALUES ('apply-webhook-event', $1, now() - interval '2 minutes'),
              ('execute-refund', $2, now() - interval '2 minutes')`,
      [JSON.stringify({ webhookEventId }), JSON.stringify({ refundId })],
    );
    const repairs = app.get(LostPaymentJobs);
    expect(await repairs.repair()).toEqual({ events: 1, refunds: 1 });
    await waitFor(
      async () =>
        (await orderState(ds, payment.orderId)).status === 'awaiting_documents' ? true : undefined,
      'the repaired event',
    );
    // The refund went to the provider: its payment intent is unknown to the stand-in, which
    // refuses it for good — recorded as failed rather than retried forever.
    const [refund] = await waitFor(async () => {
      const found = await rows(`SELECT status FROM refunds WHERE id = $1`, [refundId]);
      return found[0]?.status === 'pending' ? undefined : found;
    }, 'the repaired refund');
    expect(refund).toEqual({ status: 'failed' });
    expect(
      standIn.requests.filter(
        (r) => r.path === '/v1/refunds' && r.body['payment_intent'] === paid.paymentIntentId,
      ),
    ).toHaveLength(1);
    // Nothing lost any more: nothing to repair.
    expect(await repairs.repair()).toEqual({ events: 0, refunds: 0 });
  });
});
