/** Providers that run a checkout for us; `bank_transfer` is recorded by staff, not a provider. */
export type CheckoutProviderName = 'stripe' | 'sandbox';

/** One priced line of the order, charged as one line item (amounts in fen, CNY). */
export interface CheckoutLine {
  /** Shown to the customer on the checkout page. */
  label: string;
  amountFen: number;
}

/** What a checkout is created from; amounts and lines are computed by the server. */
export interface CreateCheckoutInput {
  /** Our payments row id (put in the session's metadata). */
  paymentId: string;
  orderId: string;
  /** The human order number, shown on the checkout page. */
  orderNo: string;
  amountFen: number;
  lines: CheckoutLine[];
  /** When the session stops accepting payment (≥ 30 min from now for Stripe). */
  expiresAt: Date;
  /** Sent to the provider so a retried create returns the same session. */
  idempotencyKey: string;
  customerEmail?: string;
  successUrl: string;
  cancelUrl: string;
}

/** A checkout session as the provider reports it. */
export interface CheckoutSession {
  providerSessionId: string;
  /** The page where the customer pays. */
  checkoutUrl: string | null;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  /** The provider's payment (PaymentIntent `pi_…`) once there is one. */
  providerPaymentId: string | null;
  amountFen: number;
  expiresAt: Date | null;
}

/** A refund request; `idempotencyKey` is the refunds row's key so a retry never refunds twice. */
export interface RefundInput {
  paymentId: string;
  /** The provider's payment id (`pi_…`); null for sandbox payments that never had one. */
  providerPaymentId: string | null;
  amountFen: number;
  idempotencyKey: string;
  reason: string;
}

/** The provider's answer to a refund request (the refunds row's status vocabulary). */
export interface RefundResult {
  providerRefundId: string;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
}

/**
 * The one interface every way of paying goes through (Stripe Checkout, the local sandbox),
 * so the order transitions do not depend on the provider.
 */
export interface PaymentProvider {
  readonly name: CheckoutProviderName;
  /** Creates a hosted checkout session for an order (idempotent on `idempotencyKey`). */
  createCheckout(input: CreateCheckoutInput): Promise<CheckoutSession>;
  /** Reads a session back from the provider. */
  retrieveCheckout(providerSessionId: string): Promise<CheckoutSession>;
  /** Stops a session from accepting payment; a session that is no longer open is left as is. */
  expireCheckout(providerSessionId: string): Promise<CheckoutSession>;
  /** Refunds (part of) a paid payment. */
  refund(input: RefundInput): Promise<RefundResult>;
}

/** Nest injection token for the configured {@link PaymentProvider}. */
export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');
