import { Logger } from '@nestjs/common';
import type Stripe from 'stripe';
import type { DataSource } from 'typeorm';
import type {
  CheckoutSession,
  CreateCheckoutInput,
  PaymentProvider,
  RefundInput,
  RefundResult,
} from './payment-provider';
import { deliverSignedEvent, sandboxId, sandboxRefundEvent } from './sandbox-events';

export interface SandboxSettings {
  /** Our own webhook endpoint, for the refund events; null sends none (no API to reach). */
  webhookUrl: string | null;
  /** The secret refund events are signed with (the first webhook secret). */
  secret: string;
  /** Signs the events (a Stripe client's `webhooks`; no call reaches Stripe). */
  webhooks: Stripe['webhooks'];
}

/**
 * Payments without Stripe: a session is only our payments row, its page is served by the
 * API (`/sandbox/checkout/<paymentId>`), and refunds succeed at once. Events are signed and
 * posted to our own webhook so everything after the page follows Stripe's code path.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox' as const;
  private readonly logger = new Logger('SandboxPayments');

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SandboxSettings,
  ) {}

  /** The session id of a payment: one session per payments row. */
  static sessionIdOf(paymentId: string): string {
    return `cs_sandbox_${paymentId.replace(/-/g, '')}`;
  }

  /** The sandbox page is served by the API, at the origin the success URL points to. */
  createCheckout(input: CreateCheckoutInput): Promise<CheckoutSession> {
    const origin = new URL(input.successUrl).origin;
    return Promise.resolve({
      providerSessionId: SandboxPaymentProvider.sessionIdOf(input.paymentId),
      checkoutUrl: `${origin}/sandbox/checkout/${input.paymentId}`,
      status: 'open',
      paymentStatus: 'unpaid',
      providerPaymentId: null,
      amountFen: input.amountFen,
      expiresAt: input.expiresAt,
    });
  }

  async retrieveCheckout(providerSessionId: string): Promise<CheckoutSession> {
    const rows: SandboxRow[] = await this.dataSource.query(
      `SELECT status, checkout_url, provider_payment_id, amount_fen, expires_at
         FROM payments WHERE provider = 'sandbox' AND provider_session_id = $1`,
      [providerSessionId],
    );
    const row = rows[0];
    if (!row) throw new Error(`no sandbox session ${providerSessionId}`);
    return {
      providerSessionId,
      checkoutUrl: row.checkout_url,
      status:
        row.status === 'open'
          ? 'open'
          : row.status === 'paid' || row.status === 'failed'
            ? 'complete'
            : 'expired',
      paymentStatus: row.status === 'paid' ? 'paid' : 'unpaid',
      providerPaymentId: row.provider_payment_id,
      amountFen: row.amount_fen,
      expiresAt: row.expires_at,
    };
  }

  /** Nothing to do at a provider: the caller marks the row; the page refuses rows that are not open. */
  async expireCheckout(providerSessionId: string): Promise<CheckoutSession> {
    const session = await this.retrieveCheckout(providerSessionId);
    return session.status === 'open' ? { ...session, status: 'expired' } : session;
  }

  /** Succeeds at once; the `refund.created` event follows through the webhook, like Stripe's. */
  refund(input: RefundInput): Promise<RefundResult> {
    const providerRefundId = sandboxId('re', input.idempotencyKey);
    const { webhookUrl, webhooks, secret } = this.settings;
    if (webhookUrl) {
      const event = sandboxRefundEvent({
        providerRefundId,
        providerPaymentId: input.providerPaymentId,
        paymentId: input.paymentId,
        amountFen: input.amountFen,
        reason: input.reason,
      });
      // After the caller has stored the refund id, as Stripe's event would arrive; a lost
      // event loses nothing, since the refund is already reported as succeeded.
      setTimeout(() => {
        deliverSignedEvent(webhooks, webhookUrl, event, secret).catch((error: unknown) =>
          this.logger.warn(`refund event not delivered: ${String(error)}`),
        );
      }, 250).unref();
    }
    return Promise.resolve({ providerRefundId, status: 'succeeded' });
  }
}

interface SandboxRow {
  status: string;
  checkout_url: string | null;
  provider_payment_id: string | null;
  amount_fen: number;
  expires_at: Date | null;
}
