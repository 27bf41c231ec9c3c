import type { EntityManager } from 'typeorm';
import type { RefundStatus } from '@haoma/db';
import { recordRefundNotification, type RefundTemplateId } from '@haoma/notifications';
import { appendOutbox } from '@haoma/orders';

/**
 * How every refund is settled, whoever settles it: the worker (the provider's answer or
 * event) and staff (a bank-transfer refund paid back by hand). Here, in the library, so that
 * the API and the worker settle refunds with the same code.
 */

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

/**
 * A provider's refund status in our vocabulary (`requires_action` is still under way); null
 * for a status we do not know, which the caller ignores rather than guess.
 */
export function refundEventStatusOf(providerStatus: string | null): RefundStatus | null {
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

/** What settling a refund did (`changed: false`: a repeat or a stale status, nothing written). */
export interface RefundStatusChange {
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
): Promise<RefundStatusChange> {
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
