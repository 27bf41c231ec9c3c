// Payments, refunds and provider events written straight into the tables, as the API's checkout
// and webhook endpoints would leave them, so that the worker's suites do not need the API.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { defined } from './order-fixtures';

export interface PaymentOptions {
  provider?: 'stripe' | 'sandbox';
  amountFen?: number;
  status?: 'open' | 'superseded';
  /** The provider's session id (a stand-in session), else a made-up one. */
  sessionId?: string;
  paymentId?: string;
}

export interface TestPayment {
  paymentId: string;
  orderId: string;
  sessionId: string;
  amountFen: number;
  provider: 'stripe' | 'sandbox';
}

/** An open checkout session (payments row) for `orderId`. */
export async function insertPayment(
  ds: DataSource,
  orderId: string,
  options: PaymentOptions = {},
): Promise<TestPayment> {
  const provider = options.provider ?? 'stripe';
  const amountFen = options.amountFen ?? 128_000;
  const sessionId = options.sessionId ?? `cs_test_${randomUUID().replace(/-/g, '')}`;
  const rows: { id: string }[] = await ds.query(
    `INSERT INTO payments (id, order_id, provider, provider_session_id, checkout_url, amount_fen, lines,
                           idempotency_key, status, expires_at, created_by)
     VALUES ($1, $2, $3, $4, 'https://checkout.example/pay', $5, '[]', $6, $7, now() + interval '1 hour', 'customer:test')
     RETURNING id`,
    [
      options.paymentId ?? randomUUID(),
      orderId,
      provider,
      sessionId,
      amountFen,
      `checkout:${sessionId}`,
      options.status ?? 'open',
    ],
  );
  return { paymentId: defined(rows[0], 'the payment').id, orderId, sessionId, amountFen, provider };
}

/** A paid payment, as the worker leaves one it applied. */
export async function insertPaidPayment(
  ds: DataSource,
  orderId: string,
  amountFen = 128_000,
): Promise<TestPayment & { paymentIntentId: string }> {
  const payment = await insertPayment(ds, orderId, { amountFen });
  const paymentIntentId = `pi_test_${randomUUID().replace(/-/g, '')}`;
  await ds.query(
    `UPDATE payments SET status = 'paid', paid_at = now(), applied_at = now(), outcome = 'locked',
                         provider_payment_id = $2 WHERE id = $1`,
    [payment.paymentId, paymentIntentId],
  );
  return { ...payment, paymentIntentId };
}

type SessionEventType =
  | 'checkout.session.completed'
  | 'checkout.session.async_payment_succeeded'
  | 'checkout.session.async_payment_failed'
  | 'checkout.session.expired';

/** A Stripe-shaped Checkout Session event about `payment`. */
export function sessionEvent(
  payment: TestPayment,
  type: SessionEventType,
  paymentStatus: 'paid' | 'unpaid' = type === 'checkout.session.async_payment_failed' ||
  type === 'checkout.session.expired'
    ? 'unpaid'
    : 'paid',
  metadataPaymentId: string = payment.paymentId,
): StripeishEvent {
  return stripeEvent(type, {
    id: payment.sessionId,
    object: 'checkout.session',
    amount_total: payment.amountFen,
    currency: 'cny',
    metadata: { orderId: payment.orderId, paymentId: metadataPaymentId },
    payment_intent: `pi_for_${payment.sessionId}`,
    payment_status: paymentStatus,
    status: type === 'checkout.session.expired' ? 'expired' : 'complete',
  });
}

/** A Stripe-shaped refund event. */
export function refundEvent(
  type: 'refund.created' | 'refund.updated' | 'refund.failed',
  refund: { providerRefundId: string; status: string; idempotencyKey?: string; failureReason?: string },
): StripeishEvent {
  return stripeEvent(type, {
    id: refund.providerRefundId,
    object: 'refund',
    amount: 1,
    status: refund.status,
    failure_reason: refund.failureReason ?? null,
    metadata: refund.idempotencyKey ? { idempotencyKey: refund.idempotencyKey } : {},
  });
}

export interface StripeishEvent {
  id: string;
  type: string;
  data: { object: Record<string, unknown> };
}

export function stripeEvent(type: string, object: Record<string, unknown>): StripeishEvent {
  return {
    id: `evt_test_${randomUUID().replace(/-/g, '')}`,
    type,
    data: { object },
  };
}

/** Stores `event` as the webhook endpoint does (`stripe:<event id>`); returns the row id. */
export async function storeEvent(ds: DataSource, event: StripeishEvent): Promise<string> {
  const id = `stripe:${event.id}`;
  await ds.query(
    `INSERT INTO webhook_events (id, provider, type, object_id, payload) VALUES ($1, 'stripe', $2, $3, $4)
     ON CONFLICT (id) DO NOTHING`,
    [id, event.type, String(event.data.object.id), JSON.stringify(event)],
  );
  return id;
}

/** A refund recorded for `payment` (pending, not yet sent to the provider unless `providerRefundId`). */
export async function insertRefund(
  ds: DataSource,
  payment: TestPayment,
  options: { amountFen?: number; providerRefundId?: string | null; reason?: string } = {},
): Promise<{ refundId: string; idempotencyKey: string }> {
  const idempotencyKey = `refund:test:${randomUUID()}`;
  const rows: { id: string }[] = await ds.query(
    `INSERT INTO refunds (payment_id, order_id, amount_fen, reason, provider_refund_id, idempotency_key, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, 'system:test') RETURNING id`,
    [
      payment.paymentId,
      payment.orderId,
      options.amountFen ?? payment.amountFen,
      options.reason ?? 'cancelled_before_review',
      options.providerRefundId ?? null,
      idempotencyKey,
    ],
  );
  return { refundId: defined(rows[0], 'the refund').id, idempotencyKey };
}

/** The array shuffled (Fisher–Yates), so deliveries arrive in no particular order. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
