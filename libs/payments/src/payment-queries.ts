import type { EntityManager } from 'typeorm';
import type { OrderPriceLine } from '@haoma/db';
import { PaymentError } from './payment-errors';

/** A refund as the customer sees it. */
export interface RefundView {
  id: string;
  amountFen: number;
  status: string;
  reason: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A payment (a checkout session or a bank transfer) as the customer sees it, with its refunds. */
export interface PaymentView {
  id: string;
  orderId: string;
  provider: string;
  status: string;
  amountFen: number;
  currency: string;
  refundedFen: number;
  lines: OrderPriceLine[];
  /** Where to pay, while the session is open. */
  checkoutUrl: string | null;
  expiresAt: Date | null;
  paidAt: Date | null;
  createdAt: Date;
  refunds: RefundView[];
}

export interface PaymentPage {
  items: PaymentView[];
  nextCursor: string | null;
}

interface PaymentRow {
  id: string;
  order_id: string;
  provider: string;
  status: string;
  amount_fen: number;
  currency: string;
  refunded_fen: number;
  lines: OrderPriceLine[];
  checkout_url: string | null;
  expires_at: Date | null;
  paid_at: Date | null;
  created_at: Date;
  created_us: string;
}

/** A cursor that is not one of ours. */
export class InvalidPaymentCursorError extends Error {}

/**
 * One page of an order's payments, newest first, each with its refunds; only the owner's
 * order (ORDER_NOT_FOUND otherwise, as for an id that does not exist).
 */
export async function listOrderPayments(
  manager: EntityManager,
  query: { orderId: string; customerId: string; limit: number; cursor?: string | undefined },
): Promise<PaymentPage> {
  const owned: unknown[] = await manager.query(`SELECT 1 FROM orders WHERE id = $1 AND customer_id = $2`, [
    query.orderId,
    query.customerId,
  ]);
  if (owned.length === 0) throw new PaymentError('ORDER_NOT_FOUND', 'No such order.');
  const after = query.cursor ? decodePaymentCursor(query.cursor) : null;
  const rows: PaymentRow[] = await manager.query(
    `SELECT id, order_id, provider, status, amount_fen, currency, refunded_fen, lines, checkout_url,
            expires_at, paid_at, created_at, created_us
       FROM (SELECT *, (extract(epoch FROM created_at) * 1000000)::bigint AS created_us
               FROM payments WHERE order_id = $1) p
      WHERE $2::bigint IS NULL OR (created_us, id) < ($2::bigint, $3::uuid)
      ORDER BY created_us DESC, id DESC
      LIMIT $4`,
    [query.orderId, after?.us ?? null, after?.id ?? null, query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  const refunds = await refundsOf(
    manager,
    page.map((row) => row.id),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      id: row.id,
      orderId: row.order_id,
      provider: row.provider,
      status: row.status,
      amountFen: row.amount_fen,
      currency: row.currency.trim(),
      refundedFen: row.refunded_fen,
      lines: row.lines,
      checkoutUrl: row.status === 'open' ? row.checkout_url : null,
      expiresAt: row.expires_at,
      paidAt: row.paid_at,
      createdAt: row.created_at,
      refunds: refunds.get(row.id) ?? [],
    })),
    nextCursor:
      rows.length > query.limit && last ? encodePaymentCursor({ us: last.created_us, id: last.id }) : null,
  };
}

async function refundsOf(manager: EntityManager, paymentIds: string[]): Promise<Map<string, RefundView[]>> {
  const byPayment = new Map<string, RefundView[]>();
  if (paymentIds.length === 0) return byPayment;
  const rows: {
    id: string;
    payment_id: string;
    amount_fen: number;
    status: string;
    reason: string;
    created_at: Date;
    updated_at: Date;
  }[] = await manager.query(
    `SELECT id, payment_id, amount_fen, status, reason, created_at, updated_at
       FROM refunds WHERE payment_id = ANY($1::uuid[]) ORDER BY created_at, id`,
    [paymentIds],
  );
  for (const row of rows) {
    const list = byPayment.get(row.payment_id) ?? [];
    list.push({
      id: row.id,
      amountFen: row.amount_fen,
      status: row.status,
      reason: row.reason,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
    byPayment.set(row.payment_id, list);
  }
  return byPayment;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodePaymentCursor(cursor: { us: string; id: string }): string {
  return Buffer.from(JSON.stringify([cursor.us, cursor.id])).toString('base64url');
}

export function decodePaymentCursor(text: string): { us: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [us, id] = value as unknown[];
      if (typeof us === 'string' && /^\d{1,18}$/.test(us) && typeof id === 'string' && UUID.test(id))
        return { us, id };
    }
  } catch {
    // fall through: not ours
  }
  throw new InvalidPaymentCursorError('cursor is not one this list handed out');
}

/** What the sandbox checkout page shows and acts on. */
export interface SandboxPaymentView {
  id: string;
  orderId: string;
  orderNo: string;
  number: string;
  provider: string;
  providerSessionId: string;
  status: string;
  amountFen: number;
  lines: OrderPriceLine[];
  expiresAt: Date | null;
}

/** A payment by id (any customer's: the sandbox page is reached by its unguessable id, like Stripe's). */
export async function findPaymentForCheckoutPage(
  manager: EntityManager,
  paymentId: string,
): Promise<SandboxPaymentView | null> {
  const rows: {
    id: string;
    order_id: string;
    order_no: string;
    number: string;
    provider: string;
    provider_session_id: string;
    status: string;
    amount_fen: number;
    lines: OrderPriceLine[];
    expires_at: Date | null;
  }[] = await manager.query(
    `SELECT p.id, p.order_id, o.order_no, o.number, p.provider, p.provider_session_id, p.status,
            p.amount_fen, p.lines, p.expires_at
       FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.id = $1`,
    [paymentId],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        orderId: row.order_id,
        orderNo: String(row.order_no),
        number: row.number,
        provider: row.provider,
        providerSessionId: row.provider_session_id,
        status: row.status,
        amountFen: row.amount_fen,
        lines: row.lines,
        expiresAt: row.expires_at,
      }
    : null;
}
