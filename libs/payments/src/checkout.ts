import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  CHECKOUT_MIN_LIFETIME_MS,
  checkoutIdempotencyKey,
  checkoutWindow,
  isReusableSession,
} from '@haoma/domain';
import type { OrderPriceLine } from '@haoma/db';
import { moveHold } from '@haoma/orders';
import { PaymentError } from './payment-errors';
import type { CreateCheckoutInput, PaymentProvider } from './payment-provider';

export interface CheckoutCommand {
  orderId: string;
  customerId: string;
  provider: PaymentProvider;
  /** Where the customer comes back to (the storefront's origin). */
  publicUrl: string;
  now?: Date;
}

export interface CheckoutResult {
  paymentId: string;
  provider: string;
  checkoutUrl: string;
  expiresAt: Date;
  amountFen: number;
  currency: string;
  /** The order's hold after the checkout (extended when it ended too soon for the session). */
  holdUntil: Date;
}

interface OrderRow {
  id: string;
  order_no: string;
  status: string;
  number: string;
  hold_until: Date | null;
  total_fen: number | null;
  price_lines: OrderPriceLine[];
  email: string;
}

interface OpenPaymentRow {
  id: string;
  provider: string;
  provider_session_id: string;
  checkout_url: string | null;
  amount_fen: number;
  expires_at: Date | null;
  idempotency_key: string;
  lines: OrderPriceLine[];
}

type Prepared =
  { kind: 'ready'; result: CheckoutResult } | { kind: 'create'; input: CreateCheckoutInput; holdUntil: Date };

/** A session being created has this placeholder id until the provider answers. */
const PENDING_SESSION = 'pending:';

/**
 * Starts (or resumes) paying an order: hands out the order's open session when its amount
 * still matches, else expires it at the provider, marks it superseded and creates a new one.
 * The payments row is committed before the provider is called, so a retry after a failure
 * repeats the same request with the same idempotency key and gets the same session.
 */
export async function startCheckout(
  dataSource: DataSource,
  command: CheckoutCommand,
): Promise<CheckoutResult> {
  const now = command.now ?? new Date();
  const prepared = await dataSource.transaction((manager) => prepareCheckout(manager, command, now));
  if (prepared.kind === 'ready') return prepared.result;

  const session = await callProvider(() => command.provider.createCheckout(prepared.input));
  if (!session.checkoutUrl) throw new Error(`provider session ${session.providerSessionId} has no URL`);
  // Several concurrent requests may get here for one row: they carry the same session.
  await dataSource.query(
    `UPDATE payments SET provider_session_id = $2, checkout_url = $3, updated_at = now()
      WHERE id = $1 AND status = 'open' AND checkout_url IS NULL`,
    [prepared.input.paymentId, session.providerSessionId, session.checkoutUrl],
  );
  return {
    paymentId: prepared.input.paymentId,
    provider: command.provider.name,
    checkoutUrl: session.checkoutUrl,
    expiresAt: prepared.input.expiresAt,
    amountFen: prepared.input.amountFen,
    currency: 'CNY',
    holdUntil: prepared.holdUntil,
  };
}

async function prepareCheckout(
  manager: EntityManager,
  command: CheckoutCommand,
  now: Date,
): Promise<Prepared> {
  const order = await lockPayableOrder(manager, command.orderId, command.customerId, now);
  const amountFen = order.total_fen ?? 0;
  if (amountFen <= 0) throw new PaymentError('ORDER_NOT_PAYABLE', 'The order has nothing to pay.');
  const holdUntil = order.hold_until as Date;

  const open = await openPayment(manager, order.id);
  if (open) {
    const created = open.checkout_url !== null && open.provider === command.provider.name;
    if (
      created &&
      isReusableSession({ amountFen: open.amount_fen, expiresAt: open.expires_at }, amountFen, now)
    )
      return { kind: 'ready', result: resultOf(open, holdUntil) };
    const retryable =
      !created &&
      open.provider === command.provider.name &&
      open.amount_fen === amountFen &&
      open.expires_at !== null &&
      open.expires_at.getTime() - now.getTime() > CHECKOUT_MIN_LIFETIME_MS + 30_000;
    if (retryable) return { kind: 'create', input: inputOf(open, order, command), holdUntil };
    await supersede(manager, open, command.provider);
  }

  const window = checkoutWindow(holdUntil, now);
  if (window.extended) await extendHoldForCheckout(manager, order, window.holdUntil, now);
  const attempts: { count: string }[] = await manager.query(
    `SELECT count(*) AS count FROM payments WHERE order_id = $1`,
    [order.id],
  );
  const row: OpenPaymentRow = {
    id: randomUUID(),
    provider: command.provider.name,
    provider_session_id: '',
    checkout_url: null,
    amount_fen: amountFen,
    expires_at: window.expiresAt,
    idempotency_key: checkoutIdempotencyKey(order.id, amountFen, Number(attempts[0]?.count ?? 0)),
    lines: order.price_lines,
  };
  row.provider_session_id = `${PENDING_SESSION}${row.id}`;
  await manager.query(
    `INSERT INTO payments (id, order_id, provider, provider_session_id, amount_fen, currency, lines,
                           idempotency_key, status, expires_at, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'CNY', $6, $7, 'open', $8, $9, $10, $10)`,
    [
      row.id,
      order.id,
      row.provider,
      row.provider_session_id,
      amountFen,
      JSON.stringify(row.lines),
      row.idempotency_key,
      row.expires_at,
      `customer:${command.customerId}`,
      now,
    ],
  );
  return { kind: 'create', input: inputOf(row, order, command), holdUntil: window.holdUntil };
}

async function lockPayableOrder(
  manager: EntityManager,
  orderId: string,
  customerId: string,
  now: Date,
): Promise<OrderRow> {
  const rows: OrderRow[] = await manager.query(
    `SELECT o.id, o.order_no, o.status, o.number, o.hold_until, o.total_fen, o.price_lines, c.email
       FROM orders o JOIN customers c ON c.id = o.customer_id
      WHERE o.id = $1 AND o.customer_id = $2 FOR UPDATE OF o`,
    [orderId, customerId],
  );
  const order = rows[0];
  // Another customer's order is as unknown as an id that does not exist.
  if (!order) throw new PaymentError('ORDER_NOT_FOUND', 'No such order.');
  if (order.status !== 'awaiting_payment')
    throw new PaymentError('ORDER_NOT_PAYABLE', `An order that is ${order.status} cannot be paid.`, {
      status: order.status,
    });
  if (!order.hold_until || order.hold_until.getTime() <= now.getTime())
    throw new PaymentError('ORDER_HOLD_EXPIRED', 'The hold on this number has run out.');
  return order;
}

async function openPayment(manager: EntityManager, orderId: string): Promise<OpenPaymentRow | null> {
  const rows: OpenPaymentRow[] = await manager.query(
    `SELECT id, provider, provider_session_id, checkout_url, amount_fen, expires_at, idempotency_key, lines
       FROM payments WHERE order_id = $1 AND status = 'open'`,
    [orderId],
  );
  return rows[0] ?? null;
}

/**
 * Replaces the open session: expired at the provider first, so the customer cannot pay the
 * old amount, unless it was completed there meanwhile (its payment is on its way: refuse).
 */
async function supersede(
  manager: EntityManager,
  open: OpenPaymentRow,
  provider: PaymentProvider,
): Promise<void> {
  if (open.checkout_url !== null && open.provider === provider.name) {
    const session = await callProvider(() => provider.expireCheckout(open.provider_session_id));
    if (session.status === 'complete')
      throw new PaymentError(
        'PAYMENT_IN_PROGRESS',
        'The previous checkout was completed; its payment is being applied.',
        { paymentId: open.id },
      );
  }
  await manager.query(
    `UPDATE payments SET status = 'superseded', updated_at = now() WHERE id = $1 AND status = 'open'`,
    [open.id],
  );
}

/**
 * Moves the hold so the session can live Stripe's 30 minutes: order and number together,
 * with a timeline row and a new delayed `expire-hold` job. Not one of the customer's extensions.
 */
async function extendHoldForCheckout(
  manager: EntityManager,
  order: OrderRow,
  holdUntil: Date,
  now: Date,
): Promise<void> {
  const moved = await moveHold(manager, {
    orderId: order.id,
    number: order.number,
    from: order.hold_until as Date,
    to: holdUntil,
    actor: { kind: 'system', id: 'checkout' },
    reason: `hold extended until ${holdUntil.toISOString()} to cover the checkout session (30 min minimum)`,
    data: { checkout: true },
    now,
  });
  if (!moved) throw new PaymentError('ORDER_HOLD_EXPIRED', 'The number is no longer held for this order.');
  order.hold_until = holdUntil;
}

function inputOf(row: OpenPaymentRow, order: OrderRow, command: CheckoutCommand): CreateCheckoutInput {
  const back = `${command.publicUrl.replace(/\/$/, '')}/orders/${order.id}`;
  return {
    paymentId: row.id,
    orderId: order.id,
    orderNo: String(order.order_no),
    amountFen: row.amount_fen,
    lines: row.lines.map((line) => ({ label: `${line.nameZh} ${line.name}`, amountFen: line.amountFen })),
    expiresAt: row.expires_at as Date,
    idempotencyKey: row.idempotency_key,
    customerEmail: order.email,
    successUrl: `${back}?checkout=success`,
    cancelUrl: `${back}?checkout=cancelled`,
  };
}

function resultOf(row: OpenPaymentRow, holdUntil: Date): CheckoutResult {
  return {
    paymentId: row.id,
    provider: row.provider,
    checkoutUrl: row.checkout_url as string,
    expiresAt: row.expires_at as Date,
    amountFen: row.amount_fen,
    currency: 'CNY',
    holdUntil,
  };
}

/** Provider failures become a retryable refusal; our own refusals pass through. */
async function callProvider<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PaymentError) throw error;
    const refusal = new PaymentError(
      'PAYMENT_PROVIDER_UNAVAILABLE',
      'The payment provider did not answer; try again.',
    );
    // Kept for the logs, not for the client: a provider's message can name our account.
    refusal.cause = error;
    throw refusal;
  }
}
