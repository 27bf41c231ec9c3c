/**
 * How much of a payment goes back to the customer, by why it is refunded. Pure: the worker
 * creates the refunds row from the decision, with an idempotency key of its own.
 */
import type { OrderStatus } from '../orders/order-workflow';

/** Why a refund exists (the refunds.reason column). */
export const REFUND_REASONS = [
  /** Paid after the hold expired, and someone else had the number by then. */
  'number_taken',
  /** A second checkout session was paid for an order another payment already paid. */
  'duplicate_payment',
  /** Cancelled (or the documents deadline passed) before review started: everything back. */
  'cancelled_before_review',
  /** Cancelled once review had started: the cancellation fee is kept. */
  'cancelled_after_review',
  /** Issued by staff by hand. */
  'staff',
] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

/** Statuses in which a cancellation refunds everything: the order is paid but nobody has worked on it yet. */
export const FULL_REFUND_STATUSES = ['awaiting_documents'] as const satisfies readonly OrderStatus[];

/** Paid statuses in which a cancellation keeps the cancellation fee: review or provisioning has started. */
export const FEE_REFUND_STATUSES = ['under_review', 'provisioning'] as const satisfies readonly OrderStatus[];

export interface CancellationRefundInput {
  /** The order's status just before it was cancelled (the transition's `from`). */
  readonly fromStatus: OrderStatus;
  /** What the paid payment charged, in fen. */
  readonly paidFen: number;
  /** What has been refunded of it already (payments.refunded_fen plus pending refunds), in fen. */
  readonly alreadyRefundedFen: number;
  /** CANCELLATION_FEE_FEN. */
  readonly cancellationFeeFen: number;
}

export interface RefundDecision {
  readonly amountFen: number;
  /** What is kept of the payment by this decision (0 for a full refund). */
  readonly keptFen: number;
  readonly reason: RefundReason;
}

/**
 * The refund owed when a paid order is cancelled: everything before review starts, everything
 * minus the cancellation fee after; never negative, never more than what is left of the
 * payment. Null when nothing is owed (not a paid status, or nothing left to refund).
 */
export function cancellationRefund(input: CancellationRefundInput): RefundDecision | null {
  assertFen(input.paidFen, 'paidFen');
  assertFen(input.alreadyRefundedFen, 'alreadyRefundedFen');
  assertFen(input.cancellationFeeFen, 'cancellationFeeFen');
  const remaining = Math.max(0, input.paidFen - input.alreadyRefundedFen);
  let decision: RefundDecision;
  if ((FULL_REFUND_STATUSES as readonly string[]).includes(input.fromStatus)) {
    decision = {
      amountFen: remaining,
      keptFen: input.paidFen - remaining,
      reason: 'cancelled_before_review',
    };
  } else if ((FEE_REFUND_STATUSES as readonly string[]).includes(input.fromStatus)) {
    const owed = Math.max(0, input.paidFen - input.cancellationFeeFen);
    const amountFen = Math.min(owed, remaining);
    decision = { amountFen, keptFen: input.paidFen - amountFen, reason: 'cancelled_after_review' };
  } else {
    return null;
  }
  return decision.amountFen > 0 ? decision : null;
}

/**
 * A refund of everything left of a payment that should not have been taken (`number_taken`,
 * `duplicate_payment`); null when nothing is left.
 */
export function fullRefund(
  paidFen: number,
  alreadyRefundedFen: number,
  reason: Extract<RefundReason, 'number_taken' | 'duplicate_payment' | 'staff'>,
): RefundDecision | null {
  assertFen(paidFen, 'paidFen');
  assertFen(alreadyRefundedFen, 'alreadyRefundedFen');
  const amountFen = Math.max(0, paidFen - alreadyRefundedFen);
  return amountFen > 0 ? { amountFen, keptFen: paidFen - amountFen, reason } : null;
}

function assertFen(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer number of fen, got ${value}`);
}
