import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { recordRefund, refundedOrPending } from './refund-recording';
import { StaffPaymentError } from './staff-payment-errors';

export interface StaffRefundCommand {
  orderId: string;
  staffId: string;
  amountFen: number;
  /**
   * The client's Idempotency-Key (8–200 of [A-Za-z0-9_-], checked by the API): a repeat of the
   * request returns the refund it made. Without one, each request is its own refund.
   */
  idempotencyKey?: string;
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
  /** False: a repeat of an earlier request (same Idempotency-Key), answered with its refund. */
  created: boolean;
}

/** refunds.idempotency_key is at most this long. */
const MAX_KEY_LENGTH = 200;

/**
 * The refunds idempotency key of a staff refund: `refund:staff:<orderId>:<client key>`, or a
 * fresh one without a client key. A client key too long to fit is hashed
 * (`…:sha256:<hex>`; a client key has no `:`, so the two never collide).
 */
export function staffRefundKey(orderId: string, clientKey: string | undefined): string {
  if (clientKey === undefined) return `refund:staff:${randomUUID()}`;
  const key = `refund:staff:${orderId}:${clientKey}`;
  if (key.length <= MAX_KEY_LENGTH) return key;
  return `refund:staff:${orderId}:sha256:${createHash('sha256').update(clientKey).digest('hex')}`;
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
 * A repeat (the same client key for the order, looked up under the order's lock, so even two
 * at once) returns the first refund with `created: false`; the key reused for another amount
 * → REFUND_NOT_ALLOWED.
 */
export async function issueStaffRefund(
  manager: EntityManager,
  command: StaffRefundCommand,
): Promise<StaffRefundResult> {
  const orders: unknown[] = await manager.query(`SELECT 1 FROM orders WHERE id = $1 FOR UPDATE`, [
    command.orderId,
  ]);
  if (orders.length === 0) throw new StaffPaymentError('ORDER_NOT_FOUND', 'No such order.');
  const idempotencyKey = staffRefundKey(command.orderId, command.idempotencyKey);
  if (command.idempotencyKey !== undefined) {
    const repeat = await repeatedRefund(manager, idempotencyKey, command.amountFen);
    if (repeat) return repeat;
  }
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
  const { refundId, created } = await recordRefund(manager, {
    paymentId: payment.id,
    orderId: command.orderId,
    amountFen: command.amountFen,
    reason: 'staff',
    // Without a client key each request is its own refund: two refunds of the same amount are two decisions.
    idempotencyKey,
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
    created,
  };
}

/** The refund an earlier request with this key made, as that request's result stands now. */
async function repeatedRefund(
  manager: EntityManager,
  idempotencyKey: string,
  amountFen: number,
): Promise<StaffRefundResult | undefined> {
  const rows: {
    id: string;
    amount_fen: number;
    payment_id: string;
    provider: string;
    payment_fen: number;
  }[] = await manager.query(
    `SELECT r.id, r.amount_fen, r.payment_id, p.provider, p.amount_fen AS payment_fen
         FROM refunds r JOIN payments p ON p.id = r.payment_id
        WHERE r.idempotency_key = $1`,
    [idempotencyKey],
  );
  const refund = rows[0];
  if (!refund) return undefined;
  if (refund.amount_fen !== amountFen)
    throw new StaffPaymentError(
      'REFUND_NOT_ALLOWED',
      `This Idempotency-Key was used for a refund of ${refund.amount_fen} fen, not ${amountFen}.`,
      { refundId: refund.id, amountFen: refund.amount_fen },
    );
  const refundedOrPendingFen = await refundedOrPending(manager, refund.payment_id);
  return {
    refundId: refund.id,
    paymentId: refund.payment_id,
    provider: refund.provider,
    amountFen: refund.amount_fen,
    refundedBeforeFen: Math.max(0, refundedOrPendingFen - refund.amount_fen),
    remainingFen: Math.max(0, refund.payment_fen - refundedOrPendingFen),
    settlement: settlementOf(refund.provider),
    created: false,
  };
}
