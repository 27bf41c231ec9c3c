import Stripe from 'stripe';
import { refundEventStatusOf } from './refund-settlement';
import type {
  CheckoutSession,
  CreateCheckoutInput,
  PaymentProvider,
  RefundInput,
  RefundResult,
} from './payment-provider';

/** Methods offered on every session: cards, Alipay and WeChat Pay (web QR code). */
export const CHECKOUT_PAYMENT_METHODS = ['card', 'alipay', 'wechat_pay'] as const;

/**
 * Stripe Checkout in CNY through the real `stripe` client: one line item per price line,
 * the order and payment ids in the metadata (session and PaymentIntent), the caller's
 * idempotency key on every write.
 */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe' as const;

  constructor(private readonly stripe: Stripe) {}

  async createCheckout(input: CreateCheckoutInput): Promise<CheckoutSession> {
    const metadata = { orderId: input.orderId, paymentId: input.paymentId, orderNo: input.orderNo };
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        currency: 'cny',
        // API 2026-09-30 removed `payment_method_types` from session creation; this is its
        // successor (a filter on the methods the account has enabled).
        allowed_payment_method_types: [...CHECKOUT_PAYMENT_METHODS],
        payment_method_options: { wechat_pay: { client: 'web' } },
        // Free lines (a 0-fen add-on) are shown on our receipt but not sent: Checkout
        // charges what is owed, and a zero line adds nothing to pay.
        line_items: input.lines
          .filter((line) => line.amountFen > 0)
          .map((line) => ({
            quantity: 1,
            price_data: {
              currency: 'cny',
              unit_amount: line.amountFen,
              product_data: { name: line.label.slice(0, 250) },
            },
          })),
        client_reference_id: input.orderId,
        metadata,
        payment_intent_data: { metadata },
        expires_at: Math.floor(input.expiresAt.getTime() / 1000),
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
        ...(input.customerEmail ? { customer_email: input.customerEmail } : {}),
      },
      { idempotencyKey: input.idempotencyKey },
    );
    return toCheckoutSession(session);
  }

  async retrieveCheckout(providerSessionId: string): Promise<CheckoutSession> {
    return toCheckoutSession(await this.stripe.checkout.sessions.retrieve(providerSessionId));
  }

  async expireCheckout(providerSessionId: string): Promise<CheckoutSession> {
    try {
      return toCheckoutSession(await this.stripe.checkout.sessions.expire(providerSessionId));
    } catch (error) {
      // Only open sessions can be expired: one already complete or expired is reported as it is.
      if (error instanceof Stripe.errors.StripeInvalidRequestError) {
        const session = await this.retrieveCheckout(providerSessionId);
        if (session.status !== 'open') return session;
      }
      throw error;
    }
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    if (!input.providerPaymentId)
      throw new Error(`payment ${input.paymentId} has no Stripe PaymentIntent to refund`);
    const refund = await this.stripe.refunds.create(
      {
        payment_intent: input.providerPaymentId,
        amount: input.amountFen,
        metadata: { paymentId: input.paymentId, reason: input.reason, idempotencyKey: input.idempotencyKey },
      },
      { idempotencyKey: input.idempotencyKey },
    );
    return { providerRefundId: refund.id, status: refundStatusOf(refund.status) };
  }
}

/** Stripe's refund statuses in the refunds table's vocabulary (`requires_action`, or unknown, is still pending). */
export function refundStatusOf(status: string | null): RefundResult['status'] {
  return refundEventStatusOf(status) ?? 'pending';
}

const SESSION_STATUSES = ['open', 'complete', 'expired'] as const;
const PAYMENT_STATUSES = ['paid', 'unpaid', 'no_payment_required'] as const;

function toCheckoutSession(session: Stripe.Checkout.Session): CheckoutSession {
  const intent = session.payment_intent;
  return {
    providerSessionId: session.id,
    checkoutUrl: session.url ?? null,
    status: SESSION_STATUSES.find((status) => status === session.status) ?? 'open',
    paymentStatus: PAYMENT_STATUSES.find((status) => status === session.payment_status) ?? 'unpaid',
    providerPaymentId: typeof intent === 'string' ? intent : (intent?.id ?? null),
    amountFen: session.amount_total ?? 0,
    expiresAt: session.expires_at ? new Date(session.expires_at * 1000) : null,
  };
}
