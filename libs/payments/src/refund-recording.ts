import type { EntityManager } from 'typeorm';
import { recordRefundNotification } from '@haoma/notifications';
import { appendOutbox } from '@haoma/orders';

/** A refund to record: the amount and reason come from the policy (libs/domain payments) or from staff. */
export interface NewRefund {
  paymentId: string;
  orderId: string;
  amountFen: number;
  /** The refunds.reason category (REFUND_REASONS). */
  reason: string;
  /** Unique per cause (`refund:number_taken:<paymentId>`, `refund:staff:<uuid>`). */
  idempotencyKey: string;
  createdBy: string;
}

/**
 * Records a refund in the caller's transaction, with its `execute-refund` job and the
 * customer's "refund started" message in the outbox. The idempotency key is unique: recording
 * the same cause again returns the existing refund and adds nothing.
 *
 * Shared by the API (staff refunds, bank transfers paid for a number that is gone) and the
 * worker (cancellation refunds), so both record refunds the same way.
 */
export async function recordRefund(
  manager: EntityManager,
  refund: NewRefund,
): Promise<{ refundId: string; created: boolean }> {
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO refunds (payment_id, order_id, amount_fen, reason, idempotency_key, created_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id`,
    [
      refund.paymentId,
      refund.orderId,
      refund.amountFen,
      refund.reason,
      refund.idempotencyKey,
      refund.createdBy,
    ],
  );
  const refundId = inserted[0]?.id;
  if (!refundId) {
    const existing: { id: string }[] = await manager.query(
      `SELECT id FROM refunds WHERE idempotency_key = $1`,
      [refund.idempotencyKey],
    );
    return { refundId: String(existing[0]?.id), created: false };
  }
  await appendOutbox(manager, 'execute-refund', { refundId });
  const notificationId = await recordRefundNotification(manager, refundId, 'refund-created');
  if (notificationId) await appendOutbox(manager, 'send-notification', { notificationId });
  return { refundId, created: true };
}

/**
 * What of a payment is refunded or on its way back (pending and succeeded refunds): at most
 * the rest may still be refunded. Read under the payment's or the order's row lock.
 */
export async function refundedOrPending(manager: EntityManager, paymentId: string): Promise<number> {
  const rows: { fen: number }[] = await manager.query(
    `SELECT coalesce(sum(amount_fen), 0)::int AS fen FROM refunds
      WHERE payment_id = $1 AND status IN ('pending', 'succeeded')`,
    [paymentId],
  );
  return rows[0]?.fen ?? 0;
}
