import type { EntityManager } from 'typeorm';
import type { OrderPriceLine } from '@haoma/db';
import { settlementOf, type RefundSettlement } from './staff-refund';
import { StaffPaymentError } from './staff-payment-errors';

/** A refund as staff see it: who issued it and how it is settled. */
export interface StaffRefundView {
  id: string;
  amountFen: number;
  status: string;
  reason: string;
  failureReason: string | null;
  createdBy: string;
  settlement: RefundSettlement;
  createdAt: Date;
  updatedAt: Date;
}

/** A payment as staff see it: the provider's ids (a bank transfer's reference), who recorded it, its outcome. */
export interface StaffPaymentView {
  id: string;
  provider: string;
  /** The checkout session id, or a bank transfer's reference. */
  providerSessionId: string;
  providerPaymentId: string | null;
  status: string;
  amountFen: number;
  currency: string;
  refundedFen: number;
  lines: OrderPriceLine[];
  outcome: string | null;
  createdBy: string;
  expiresAt: Date | null;
  paidAt: Date | null;
  appliedAt: Date | null;
  createdAt: Date;
  refunds: StaffRefundView[];
}

/**
 * Every payment of an order (any customer's), oldest first, each with its refunds. An order
 * has a handful (one per checkout session or transfer), so the list is not paged.
 */
export async function listStaffOrderPayments(
  manager: EntityManager,
  orderId: string,
): Promise<StaffPaymentView[]> {
  const orders: unknown[] = await manager.query(`SELECT 1 FROM orders WHERE id = $1`, [orderId]);
  if (orders.length === 0) throw new StaffPaymentError('ORDER_NOT_FOUND', 'No such order.');
  const payments: {
    id: string;
    provider: string;
    provider_session_id: string;
    provider_payment_id: string | null;
    status: string;
    amount_fen: number;
    currency: string;
    refunded_fen: number;
    lines: OrderPriceLine[];
    outcome: string | null;
    created_by: string;
    expires_at: Date | null;
    paid_at: Date | null;
    applied_at: Date | null;
    created_at: Date;
  }[] = await manager.query(
    `SELECT id, provider, provider_session_id, provider_payment_id, status, amount_fen, currency, refunded_fen,
            lines, outcome, created_by, expires_at, paid_at, applied_at, created_at
       FROM payments WHERE order_id = $1 ORDER BY created_at, id`,
    [orderId],
  );
  const refunds: {
    id: string;
    payment_id: string;
    amount_fen: number;
    status: string;
    reason: string;
    failure_reason: string | null;
    created_by: string;
    created_at: Date;
    updated_at: Date;
  }[] = await manager.query(
    `SELECT id, payment_id, amount_fen, status, reason, failure_reason, created_by, created_at, updated_at
       FROM refunds WHERE order_id = $1 ORDER BY created_at, id`,
    [orderId],
  );
  return payments.map((p) => ({
    id: p.id,
    provider: p.provider,
    providerSessionId: p.provider_session_id,
    providerPaymentId: p.provider_payment_id,
    status: p.status,
    amountFen: p.amount_fen,
    currency: p.currency.trim(),
    refundedFen: p.refunded_fen,
    lines: p.lines,
    outcome: p.outcome,
    createdBy: p.created_by,
    expiresAt: p.expires_at,
    paidAt: p.paid_at,
    appliedAt: p.applied_at,
    createdAt: p.created_at,
    refunds: refunds
      .filter((r) => r.payment_id === p.id)
      .map((r) => ({
        id: r.id,
        amountFen: r.amount_fen,
        status: r.status,
        reason: r.reason,
        failureReason: r.failure_reason,
        createdBy: r.created_by,
        settlement: settlementOf(p.provider),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      })),
  }));
}
