import type { EntityManager } from 'typeorm';
import type { OrderPriceLine } from '@haoma/db';
import type { OrderStatus } from '@haoma/domain';
import { applyPaidPayment, type PaymentOutcome } from './payment-application';
import { StaffPaymentError } from './staff-payment-errors';

/** A bank transfer (对公转账) staff found on the company account and record against an order. */
export interface BankTransferCommand {
  orderId: string;
  staffId: string;
  amountFen: number;
  payerName: string;
  /** The bank's reference of the transfer: unique among bank transfers. */
  reference: string;
  /** The day the money arrived (YYYY-MM-DD). */
  receivedOn: string;
  documentsDeadlineMs: number;
  now?: Date;
}

export interface BankTransferResult {
  paymentId: string;
  outcome: PaymentOutcome;
  refundId: string | null;
  /** The order's status before and after. */
  from: OrderStatus;
  to: OrderStatus;
  /**
   * Checkout sessions of the order still open at the provider: left alone. Should the customer
   * still pay one, the worker finds the order paid and refunds that payment as a duplicate.
   */
  openCheckoutPaymentIds: string[];
}

// The statuses a bank transfer may pay: as a checkout session, awaiting payment, or paid late.
const PAYABLE: readonly OrderStatus[] = ['awaiting_payment', 'expired'];

/**
 * Records a bank transfer as the order's paid payment and moves the order exactly as a
 * provider's payment would (applyPaidPayment), in the caller's transaction and under the
 * order's row lock. The amount must be the order's total. The reference is unique per
 * provider in the database (payments_provider_session_key): a transfer recorded twice, even by
 * two requests at once, is one payment; the second is BANK_TRANSFER_DUPLICATE.
 */
export async function recordBankTransfer(
  manager: EntityManager,
  command: BankTransferCommand,
): Promise<BankTransferResult> {
  const now = command.now ?? new Date();
  const orders: {
    id: string;
    status: OrderStatus;
    total_fen: number | null;
    price_lines: OrderPriceLine[];
  }[] = await manager.query(
    `SELECT id, status, total_fen, price_lines FROM orders WHERE id = $1 FOR UPDATE`,
    [command.orderId],
  );
  const order = orders[0];
  if (!order) throw new StaffPaymentError('ORDER_NOT_FOUND', 'No such order.');

  // Checked under the order's lock: a concurrent request for the same order has committed by now.
  const existing: { id: string; order_id: string }[] = await manager.query(
    `SELECT id, order_id FROM payments WHERE provider = 'bank_transfer' AND provider_session_id = $1`,
    [command.reference],
  );
  if (existing[0]) throw duplicate(command.reference, existing[0]);
  if (!PAYABLE.includes(order.status) || order.total_fen === null)
    throw new StaffPaymentError(
      'ORDER_NOT_PAYABLE',
      `An order that is ${order.status} cannot be paid by bank transfer.`,
      { status: order.status },
    );
  if (command.amountFen !== order.total_fen)
    throw new StaffPaymentError(
      'PAYMENT_AMOUNT_MISMATCH',
      `The transfer must be the order's total of ${order.total_fen} fen; it is ${command.amountFen} fen.`,
      { expectedFen: order.total_fen, amountFen: command.amountFen },
    );

  const createdBy = `staff:${command.staffId}`;
  // A reference another order's transfer took meanwhile (its transaction committed while this
  // insert waited on the unique index) inserts nothing: a clean refusal, no failed statement.
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO payments (order_id, provider, provider_session_id, provider_payment_id, amount_fen, currency,
                           lines, idempotency_key, status, paid_at, created_by, created_at, updated_at)
     VALUES ($1, 'bank_transfer', $2, $2, $3, 'CNY', $4, $5, 'paid', $6, $7, $6, $6)
     ON CONFLICT (provider, provider_session_id) DO NOTHING
     RETURNING id`,
    [
      order.id,
      command.reference,
      command.amountFen,
      JSON.stringify(order.price_lines),
      `bank_transfer:${command.reference}`.slice(0, 200),
      now,
      createdBy,
    ],
  );
  const paymentId = inserted[0]?.id;
  if (!paymentId) {
    const taken: { id: string; order_id: string }[] = await manager.query(
      `SELECT id, order_id FROM payments WHERE provider = 'bank_transfer' AND provider_session_id = $1`,
      [command.reference],
    );
    throw duplicate(command.reference, taken[0]);
  }

  const applied = await applyPaidPayment(
    manager,
    { id: paymentId, order_id: order.id, amount_fen: command.amountFen },
    order.status,
    {
      actor: { kind: 'staff', id: command.staffId },
      systemActor: { kind: 'system', id: 'bank_transfer' },
      documentsDeadlineMs: command.documentsDeadlineMs,
      data: {
        provider: 'bank_transfer',
        reference: command.reference,
        payerName: command.payerName,
        receivedOn: command.receivedOn,
        recordedBy: createdBy,
      },
      now,
    },
  );
  await manager.query(`UPDATE payments SET applied_at = $2, outcome = $3 WHERE id = $1`, [
    paymentId,
    now,
    applied.outcome,
  ]);
  const after: { status: OrderStatus }[] = await manager.query(`SELECT status FROM orders WHERE id = $1`, [
    order.id,
  ]);
  const open: { id: string }[] = await manager.query(
    `SELECT id FROM payments WHERE order_id = $1 AND status = 'open' ORDER BY created_at`,
    [order.id],
  );
  return {
    paymentId,
    outcome: applied.outcome,
    refundId: applied.refundId,
    from: order.status,
    to: after[0]?.status ?? order.status,
    openCheckoutPaymentIds: open.map((row) => row.id),
  };
}

function duplicate(reference: string, payment: { id: string; order_id: string } | undefined) {
  return new StaffPaymentError(
    'BANK_TRANSFER_DUPLICATE',
    `A bank transfer with reference ${reference} is recorded already.`,
    payment ? { paymentId: payment.id, orderId: payment.order_id } : {},
  );
}
