import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { recordRefund, refundedOrPending } from './refund-recording';
import { StaffPaymentError } from './staff-payment-errors';

export interface StaffRefundCommand {
  orderId: string;
  staffId: string;
  amountFen: number;
}

/** How a refund reaches the customer: by the provider (the worker's job), or by staff (a bank transfer back). */
export type RefundSettlement = 'provider' | 'manual';

export interface StaffRefundResult {
  refundId: string;
  paymentId: string;
  provider: string;
  amountFen: number;
  /** Refunded or on its way back before this refund. */
  refundedBeforeFen: number;
  /** What is left of the payment to refund after this one. */
  remainingFen: number;
  settlement: RefundSettlement;
}

/**
 * The settlement of a refund of a payment by `provider`. The worker's `execute-refund` job
 * skips bank-transfer payments (there is no provider to call): staff send the money back from
 * the company account and the refund stays pending until they settle it.
 */
export function settlementOf(provider: string): RefundSettlement {
  return provider === 'bank_transfer' ? 'manual' : 'provider';
}

/**
 * A refund staff issue by hand (reason `staff`) of part or all of what is left of the order's
 * paid payment, in the caller's transaction under the order's and the payment's row locks (the
 * order's first, as everywhere): recorded with its `execute-refund` job and the customer's
 * message. Nothing paid → REFUND_NOT_ALLOWED; more than what is left → REFUND_EXCEEDS_PAID.
 */
export async function issueStaffRefund(
  manager: EntityManager,
  command: StaffRefundCommand,
): Promise<StaffRefundResult> {
  const orders: unknown[] = await manager.query(`SELECT 1 FROM orders WHERE id = $1 FOR UPDATE`, [
    command.orderId,
  ]);
  if (orders.length === 0) throw new StaffPaymentError('ORDER_NOT_FOUND', 'No such order.');
  const payments: { id: string; provider: string; amount_fen: number }[] = await manager.query(
    `SELECT id, provider, amount_fen FROM payments WHERE order_id = $1 AND status = 'paid' FOR UPDATE`,
    [command.orderId],
  );
  const payment = payments[0];
  if (!payment)
    throw new StaffPaymentError('REFUND_NOT_ALLOWED', 'Nothing was paid for this order: nothing to refund.');
  const refundedBeforeFen = await refundedOrPending(manager, payment.id);
  const leftFen = Math.max(0, payment.amount_fen - refundedBeforeFen);
  if (command.amountFen > leftFen)
    throw new StaffPaymentError(
      'REFUND_EXCEEDS_PAID',
      `At most ${leftFen} fen of the payment is left to refund.`,
      { paidFen: payment.amount_fen, refundedFen: refundedBeforeFen, remainingFen: leftFen },
    );
  const { refundId } = await recordRefund(manager, {
    paymentId: payment.id,
    orderId: command.orderId,
    amountFen: command.amountFen,
    reason: 'staff',
    // Each request is its own refund: two refunds of the same amount are two decisions.
    idempotencyKey: `refund:staff:${randomUUID()}`,
    createdBy: `staff:${command.staffId}`,
  });
  return {
    refundId,
    paymentId: payment.id,
    provider: payment.provider,
    amountFen: command.amountFen,
    refundedBeforeFen,
    remainingFen: leftFen - command.amountFen,
    settlement: settlementOf(payment.provider),
  };
}
