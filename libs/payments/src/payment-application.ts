import type { EntityManager } from 'typeorm';
import type { OrderStatus, RefundReason } from '@haoma/domain';
import { actorLabel, OrderError, transitionOrder, type OrderActor } from '@haoma/orders';
import { recordRefund, refundedOrPending } from './refund-recording';

/** What applying a paid payment did to its order (stored in payments.outcome). */
export type PaymentOutcome =
  'locked' | 'reclaimed' | 'refunded_number_taken' | 'order_already_confirmed' | 'refunded_order_closed';

/** The payment being applied: marked paid by the caller, under the order's row lock. */
export interface PaidPayment {
  id: string;
  order_id: string;
  amount_fen: number;
}

export interface ApplyPaymentContext {
  /** Who confirms the payment: the provider (`system:stripe`) or staff (a bank transfer). */
  actor: OrderActor;
  /**
   * Who records the refund of a late payment whose number is gone: `late_payment_refunded`
   * is a system event, so staff recording a bank transfer name a system part here.
   */
  systemActor: OrderActor;
  /** DOCUMENTS_DEADLINE: the documents are due this long after payment. */
  documentsDeadlineMs: number;
  /** Extra facts for the timeline rows (the webhook event, the bank reference). */
  data?: Record<string, unknown>;
  now: Date;
}

export interface PaymentApplication {
  outcome: PaymentOutcome;
  /** The refund recorded when the money goes back (number taken, order closed). */
  refundId: string | null;
}

/**
 * Moves the order a payment paid, whoever confirmed it (a provider's webhook or staff
 * recording a bank transfer): awaiting payment → number locked; paid late → reclaimed, or
 * refunded in full and cancelled when the number is gone; already confirmed → nothing; closed
 * → refunded in full. The caller holds the order's row lock and has marked the payment paid.
 *
 * The one decision for every way of paying: the worker applies Stripe's and the sandbox's
 * payments with it, the API staff's recorded bank transfers.
 */
export async function applyPaidPayment(
  manager: EntityManager,
  payment: PaidPayment,
  orderStatus: OrderStatus,
  context: ApplyPaymentContext,
): Promise<PaymentApplication> {
  const documentsDueAt = new Date(context.now.getTime() + context.documentsDeadlineMs);
  const data = { paymentId: payment.id, ...context.data };
  const transition = (event: 'payment_confirmed' | 'late_payment_confirmed') =>
    transitionOrder(manager, {
      orderId: payment.order_id,
      event,
      actor: context.actor,
      data,
      set: { documentsDueAt },
      now: context.now,
    });
  switch (orderStatus) {
    case 'awaiting_payment':
      await transition('payment_confirmed');
      return { outcome: 'locked', refundId: null };
    case 'expired': {
      // The reclaim is refused without a failed statement (the number's update matches no
      // row), so the transaction goes on to the refund.
      const reclaimed = await transition('late_payment_confirmed').then(
        () => true,
        (error: unknown) => {
          if (error instanceof OrderError && error.code === 'ORDER_NUMBER_TAKEN') return false;
          throw error;
        },
      );
      if (reclaimed) return { outcome: 'reclaimed', refundId: null };
      const refundId = await refundRemaining(
        manager,
        payment,
        'number_taken',
        `refund:number_taken:${payment.id}`,
        actorLabel(context.actor),
      );
      await transitionOrder(manager, {
        orderId: payment.order_id,
        event: 'late_payment_refunded',
        actor: context.systemActor,
        data: { ...data, refundId },
        now: context.now,
      });
      return { outcome: 'refunded_number_taken', refundId };
    }
    case 'awaiting_documents':
    case 'under_review':
    case 'provisioning':
    case 'active':
      return { outcome: 'order_already_confirmed', refundId: null };
    case 'selecting':
    case 'cancelled':
    case 'ended': {
      const refundId = await refundRemaining(
        manager,
        payment,
        'cancelled_before_review',
        `refund:order_closed:${payment.id}`,
        actorLabel(context.actor),
      );
      return { outcome: 'refunded_order_closed', refundId };
    }
  }
}

/** Refunds what is left of `payment` (nothing recorded when nothing is left); returns the refund id. */
export async function refundRemaining(
  manager: EntityManager,
  payment: PaidPayment,
  reason: Extract<RefundReason, 'number_taken' | 'duplicate_payment' | 'cancelled_before_review'>,
  idempotencyKey: string,
  createdBy: string,
): Promise<string | null> {
  const remaining = payment.amount_fen - (await refundedOrPending(manager, payment.id));
  if (remaining <= 0) return null;
  const { refundId } = await recordRefund(manager, {
    paymentId: payment.id,
    orderId: payment.order_id,
    amountFen: remaining,
    reason,
    idempotencyKey,
    createdBy,
  });
  return refundId;
}
