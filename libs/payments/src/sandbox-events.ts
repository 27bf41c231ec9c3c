import { createHash } from 'node:crypto';
import type Stripe from 'stripe';

/** What the sandbox knows of a payment when it plays Stripe's part. */
export interface SandboxSessionFacts {
  paymentId: string;
  orderId: string;
  providerSessionId: string;
  amountFen: number;
  expiresAt: Date | null;
}

/** The customer's choice on the sandbox checkout page. */
export type SandboxOutcome = 'pay' | 'fail' | 'abandon';

/** What the sandbox knows of a refund. */
export interface SandboxRefundFacts {
  providerRefundId: string;
  providerPaymentId: string | null;
  paymentId: string;
  amountFen: number;
  reason: string;
}

/** A deterministic id, so pressing a button twice delivers the same event twice (a duplicate), not two. */
export function sandboxId(prefix: string, ...parts: string[]): string {
  return `${prefix}_sandbox_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;
}

/** The PaymentIntent id a paid sandbox session reports. */
export function sandboxPaymentIntentId(paymentId: string): string {
  return sandboxId('pi', paymentId);
}

const SESSION_EVENT_OF: Record<SandboxOutcome, string> = {
  pay: 'checkout.session.completed',
  fail: 'checkout.session.async_payment_failed',
  abandon: 'checkout.session.expired',
};

/** A Stripe-shaped Checkout Session event for the customer's choice (`pay` is paid at once). */
export function sandboxSessionEvent(facts: SandboxSessionFacts, outcome: SandboxOutcome, now = new Date()) {
  const type = SESSION_EVENT_OF[outcome];
  const session = {
    id: facts.providerSessionId,
    object: 'checkout.session',
    mode: 'payment',
    currency: 'cny',
    amount_total: facts.amountFen,
    client_reference_id: facts.orderId,
    metadata: { orderId: facts.orderId, paymentId: facts.paymentId },
    payment_intent: outcome === 'abandon' ? null : sandboxPaymentIntentId(facts.paymentId),
    payment_status: outcome === 'pay' ? 'paid' : 'unpaid',
    status: outcome === 'abandon' ? 'expired' : 'complete',
    expires_at: facts.expiresAt ? Math.floor(facts.expiresAt.getTime() / 1000) : null,
    url: null,
    livemode: false,
  };
  return stripeEvent(sandboxId('evt', facts.paymentId, type), type, session, now);
}

/** The `refund.created` event Stripe sends for a refund that succeeded at once. */
export function sandboxRefundEvent(facts: SandboxRefundFacts, now = new Date()) {
  const refund = {
    id: facts.providerRefundId,
    object: 'refund',
    amount: facts.amountFen,
    currency: 'cny',
    payment_intent: facts.providerPaymentId,
    status: 'succeeded',
    reason: 'requested_by_customer',
    metadata: { paymentId: facts.paymentId, reason: facts.reason },
    created: Math.floor(now.getTime() / 1000),
  };
  return stripeEvent(
    sandboxId('evt', facts.providerRefundId, 'refund.created'),
    'refund.created',
    refund,
    now,
  );
}

function stripeEvent(id: string, type: string, object: Record<string, unknown>, now: Date) {
  return {
    id,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(now.getTime() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  };
}

/**
 * Signs `event` with `secret` as Stripe does (the library's own test helper) and POSTs it
 * to `webhookUrl`: the same endpoint and code path as Stripe's deliveries. Returns the status.
 */
export async function deliverSignedEvent(
  webhooks: Stripe['webhooks'],
  webhookUrl: string,
  event: object,
  secret: string,
): Promise<number> {
  const payload = JSON.stringify(event);
  const signature = webhooks.generateTestHeaderString({ payload, secret });
  const response = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
    body: payload,
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return response.status;
}
