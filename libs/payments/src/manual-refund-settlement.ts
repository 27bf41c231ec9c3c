import type { EntityManager } from 'typeorm';
import type { RefundStatus } from '@haoma/db';
import { settleRefund } from './refund-settlement';
import { StaffPaymentError } from './staff-payment-errors';
import { settlementOf } from './staff-refund';

export interface ManualRefundSettlementResult {
  refundId: string;
  paymentId: string;
  orderId: string;
  amountFen: number;
  /** The payment's refunded_fen before and after (its succeeded refunds). */
  refundedBeforeFen: number;
  refundedAfterFen: number;
}

interface LockedRefund {
  id: string;
  payment_id: string;
  order_id: string;
  amount_fen: number;
  status: RefundStatus;
  provider: string;
  refunded_fen: number;
}

/**
 * Staff paid a refund back from the company account (a bank-transfer payment: no provider
 * can): the pending refund is marked succeeded with the worker's own settlement code (status,
 * succeeded_at, the payment's refunded_fen, the customer's message), under the refund's row
 * lock, so two settlements at once settle it once. Unknown → REFUND_NOT_FOUND; settled
 * already, or a provider's refund (the provider settles those) → REFUND_NOT_ALLOWED.
 */
export async function settleManualRefund(
  manager: EntityManager,
  refundId: string,
): Promise<ManualRefundSettlementResult> {
  const rows: LockedRefund[] = await manager.query(
    `SELECT r.id, r.payment_id, r.order_id, r.amount_fen, r.status, p.provider, p.refunded_fen
       FROM refunds r JOIN payments p ON p.id = r.payment_id
      WHERE r.id = $1
        FOR UPDATE OF r`,
    [refundId],
  );
  const refund = rows[0];
  if (!refund) throw new StaffPaymentError('REFUND_NOT_FOUND', 'No such refund.');
  if (settlementOf(refund.provider) !== 'manual')
    throw new StaffPaymentError(
      'REFUND_NOT_ALLOWED',
      `A refund of a ${refund.provider} payment is settled by the provider, not by staff.`,
      { refundId, provider: refund.provider, status: refund.status },
    );
  const change = await settleRefund(manager, refund, 'succeeded');
  if (!change.changed)
    throw new StaffPaymentError(
      'REFUND_NOT_ALLOWED',
      `The refund is ${refund.status}: only a pending refund is settled.`,
      {
        refundId,
        provider: refund.provider,
        status: refund.status,
      },
    );
  const after: { refunded_fen: number }[] = await manager.query(
    `SELECT refunded_fen FROM payments WHERE id = $1`,
    [refund.payment_id],
  );
  return {
    refundId,
    paymentId: refund.payment_id,
    orderId: refund.order_id,
    amountFen: refund.amount_fen,
    refundedBeforeFen: refund.refunded_fen,
    refundedAfterFen: after[0]?.refunded_fen ?? refund.refunded_fen,
  };
}
