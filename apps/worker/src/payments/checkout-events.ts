import type { EntityManager } from 'typeorm';
import { applyPaidPayment, refundRemaining } from '@haoma/payments';
import type { OrderStatus } from '@haoma/domain';
import type { OrderActor } from '@haoma/orders';
import type { SessionFacts } from './provider-events';

/** What applying a checkout event needs besides the event. */
export interface CheckoutContext {
  webhookEventId: string;
  /** DOCUMENTS_DEADLINE: the documents are due this long after payment. */
  documentsDeadlineMs: number;
  now: Date;
}

interface PaymentRow {
  id: string;
  order_id: string;
  provider: 'stripe' | 'sandbox';
  status: string;
  amount_fen: number;
  applied_at: Date | null;
  outcome: string | null;
}

/**
 * Thrown when a session carrying our payment id in its metadata has no payments row (yet):
 * the job is retried rather than the money forgotten.
 */
export class PaymentNotFoundYet extends Error {}

/** The payment a session belongs to, or why there is none. */
async function findPayment(
  manager: EntityManager,
  session: SessionFacts,
): Promise<PaymentRow | { ignored: string }> {
  const rows: PaymentRow[] = await manager.query(
    `SELECT id, order_id, provider, status, amount_fen, applied_at, outcome FROM payments
      WHERE provider_session_id = $1 AND provider IN ('stripe', 'sandbox')`,
    [session.sessionId],
  );
  const payment = rows.length > 1 ? rows.find((row) => row.id === session.metadataPaymentId) : rows[0];
  if (!payment) {
    if (session.metadataPaymentId)
      throw new PaymentNotFoundYet(`no payment for session ${session.sessionId}`);
    // A session created by something else on the same Stripe account.
    return { ignored: `unknown session ${session.sessionId}` };
  }
  if (session.metadataPaymentId && session.metadataPaymentId !== payment.id)
    return {
      ignored: `session ${session.sessionId} is payment ${payment.id}, metadata says ${session.metadataPaymentId}`,
    };
  return payment;
}

/**
 * A session was paid. Locks the order, then the payment (the order's lock first, everywhere,
 * so the cancellation refund cannot interleave), marks the payment paid once, and moves the
 * order: paid → number locked; paid late → reclaimed, or refunded and cancelled when the
 * number is gone; paid for an order another payment already paid, or that was closed
 * meanwhile → refunded in full. A payment applied before is a duplicate: nothing changes.
 */
export async function applySessionPaid(
  manager: EntityManager,
  session: SessionFacts,
  context: CheckoutContext,
): Promise<string> {
  const found = await findPayment(manager, session);
  if ('ignored' in found) return `ignored: ${found.ignored}`;
  const orders: { status: OrderStatus }[] = await manager.query(
    `SELECT status FROM orders WHERE id = $1 FOR UPDATE`,
    [found.order_id],
  );
  const orderStatus = orders[0]?.status;
  const [payment] = (await manager.query(
    `SELECT id, order_id, provider, status, amount_fen, applied_at, outcome FROM payments WHERE id = $1 FOR UPDATE`,
    [found.id],
  )) as PaymentRow[];
  if (!payment || !orderStatus) throw new Error(`payment ${found.id} or its order vanished`);
  if (payment.status === 'paid' || payment.applied_at)
    return `duplicate: payment ${payment.id} already applied (${payment.outcome ?? payment.status})`;

  const actor: OrderActor = { kind: 'system', id: payment.provider };
  const refundBy = `system:${payment.provider}`;
  const otherPaid: { id: string }[] = await manager.query(
    `SELECT id FROM payments WHERE order_id = $1 AND status = 'paid' AND id <> $2`,
    [payment.order_id, payment.id],
  );
  if (otherPaid.length > 0) {
    // Two sessions paid for one order: only one may be `paid` (unique index); this one is
    // recorded as applied, superseded, and given back.
    await manager.query(
      `UPDATE payments
          SET status = CASE WHEN status = 'open' THEN 'superseded' ELSE status END,
              provider_payment_id = coalesce($2, provider_payment_id),
              applied_at = $3, outcome = 'refunded_duplicate_payment', updated_at = $3
        WHERE id = $1`,
      [payment.id, session.paymentIntentId, context.now],
    );
    await refundRemaining(
      manager,
      payment,
      'duplicate_payment',
      `refund:duplicate_payment:${payment.id}`,
      refundBy,
    );
    return `refunded: order ${payment.order_id} was already paid by payment ${otherPaid[0]?.id}`;
  }

  await manager.query(
    `UPDATE payments
        SET status = 'paid', paid_at = $3, applied_at = $3, provider_payment_id = coalesce($2, provider_payment_id),
            updated_at = $3
      WHERE id = $1 AND status <> 'paid'`,
    [payment.id, session.paymentIntentId, context.now],
  );
  const { outcome } = await applyPaidPayment(manager, payment, orderStatus, {
    actor,
    systemActor: actor,
    documentsDeadlineMs: context.documentsDeadlineMs,
    data: { webhookEventId: context.webhookEventId },
    now: context.now,
  });
  await manager.query(`UPDATE payments SET outcome = $2 WHERE id = $1`, [payment.id, outcome]);
  return `paid: ${outcome}`;
}

/**
 * A session ended unpaid (`failed`: the async payment was declined; `expired`: abandoned).
 * The payment takes that status only while open; the order is left alone — it stays awaiting
 * payment while its hold lasts, and the customer may start a new checkout.
 */
export async function applySessionClosed(
  manager: EntityManager,
  session: SessionFacts,
  status: 'failed' | 'expired',
  now: Date,
): Promise<string> {
  const found = await findPayment(manager, session).catch((error: unknown) => {
    // Nothing was paid: a session we cannot find is not worth retrying for.
    if (error instanceof PaymentNotFoundYet) return { ignored: error.message };
    throw error;
  });
  if ('ignored' in found) return `ignored: ${found.ignored}`;
  // TypeORM answers an UPDATE with [rows, rowCount].
  const [, updated] = (await manager.query(
    `UPDATE payments SET status = $2, updated_at = $3 WHERE id = $1 AND status = 'open'`,
    [found.id, status, now],
  )) as [unknown[], number];
  return updated > 0 ? `payment ${found.id} ${status}` : `no change: payment ${found.id} is ${found.status}`;
}
