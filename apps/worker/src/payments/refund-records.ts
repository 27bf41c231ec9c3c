import type { EntityManager } from 'typeorm';
import type { RefundStatus } from '@haoma/db';
import { recordRefundNotification, type RefundTemplateId } from '@haoma/notifications';
import { appendOutbox } from '@haoma/orders';

/** A refund to record: the amount and reason come from the policy (libs/domain payments). */
export interface NewRefund {
  paymentId: string;
  orderId: string;
  amountFen: number;
  reason: string;
  /** Unique per cause (`refund:number_taken:<paymentId>`, `refund:cancel:<orderEventId>`). */
  idempotencyKey: string;
  createdBy: string;
}

/**
 * Records a refund in the caller's transaction, with its `execute-refund` job and the
 * customer's "refund started" message in the outbox. The idempotency key is unique: recording
 * the same cause again returns the existing refund and adds nothing.
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
  await notifyRefund(manager, refundId, 'refund-created');
  return { refundId, created: true };
}

/**
 * What of a payment is refunded or on its way back (pending and succeeded refunds): the
 * policy refunds at most the rest. Read under the payment's or the order's row lock.
 */
export async function refundedOrPending(manager: EntityManager, paymentId: string): Promise<number> {
  const rows: { fen: number }[] = await manager.query(
    `SELECT coalesce(sum(amount_fen), 0)::int AS fen FROM refunds
      WHERE payment_id = $1 AND status IN ('pending', 'succeeded')`,
    [paymentId],
  );
  return rows[0]?.fen ?? 0;
}

/** A refund's life: settled once, except that Stripe may report a succeeded refund failed later. */
const NEXT_STATUSES: Record<RefundStatus, readonly RefundStatus[]> = {
  pending: ['succeeded', 'failed', 'cancelled'],
  succeeded: ['failed'],
  failed: [],
  cancelled: [],
};

const STATUS_TEMPLATE: Partial<Record<RefundStatus, RefundTemplateId>> = {
  succeeded: 'refund-succeeded',
  failed: 'refund-failed',
};

/** Stripe's refund status in our vocabulary (`requires_action` is still under way). */
export function refundStatusOf(providerStatus: string | null): RefundStatus | null {
  switch (providerStatus) {
    case 'pending':
    case 'requires_action':
      return 'pending';
    case 'succeeded':
      return 'succeeded';
    case 'failed':
      return 'failed';
    case 'canceled':
    case 'cancelled':
      return 'cancelled';
    default:
      return null;
  }
}

export interface RefundSettlement {
  refundId: string;
  from: RefundStatus;
  to: RefundStatus;
  changed: boolean;
}

/**
 * Moves a refund (locked by the caller) to `to` when its life allows it, keeps the payment's
 * `refunded_fen` equal to its succeeded refunds, and records the customer's message for the
 * new status. Anything else (a repeat, an older status arriving late) changes nothing.
 */
export async function settleRefund(
  manager: EntityManager,
  refund: { id: string; payment_id: string; status: RefundStatus },
  to: RefundStatus,
  failureReason: string | null = null,
): Promise<RefundSettlement> {
  const base = { refundId: refund.id, from: refund.status, to };
  if (!NEXT_STATUSES[refund.status].includes(to)) return { ...base, changed: false };
  await manager.query(
    `UPDATE refunds SET status = $2, failure_reason = coalesce($3, failure_reason), updated_at = now(),
            succeeded_at = CASE WHEN $2::varchar = 'succeeded' THEN now() ELSE succeeded_at END
      WHERE id = $1`,
    [refund.id, to, failureReason],
  );
  await manager.query(
    `UPDATE payments p
        SET refunded_fen = (SELECT coalesce(sum(amount_fen), 0) FROM refunds r
                             WHERE r.payment_id = p.id AND r.status = 'succeeded'),
            updated_at = now()
      WHERE p.id = $1`,
    [refund.payment_id],
  );
  const template = STATUS_TEMPLATE[to];
  if (template) await notifyRefund(manager, refund.id, template);
  return { ...base, changed: true };
}

async function notifyRefund(manager: EntityManager, refundId: string, template: RefundTemplateId) {
  const notificationId = await recordRefundNotification(manager, refundId, template);
  if (notificationId) await appendOutbox(manager, 'send-notification', { notificationId });
}
