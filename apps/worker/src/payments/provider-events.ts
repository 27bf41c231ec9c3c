// Readers for the parts of a stored provider event the worker acts on. The payload was verified
// (signature) before it was stored, but it is still JSON from outside: every field is read
// defensively and a missing one is null, never a crash.

/** A webhook_events row as the worker reads it. */
export interface StoredEvent {
  id: string;
  provider: string;
  type: string;
  payload: unknown;
  processed_at: Date | null;
  outcome: string | null;
}

/** The checkout session an event is about. */
export interface SessionFacts {
  sessionId: string;
  paymentStatus: string | null;
  /** The PaymentIntent (`pi_…`), once Stripe made one. */
  paymentIntentId: string | null;
  /** Our payments row id, as we put it in the session's metadata. */
  metadataPaymentId: string | null;
  metadataOrderId: string | null;
  amountTotal: number | null;
}

/** A refund an event is about. */
export interface RefundFacts {
  providerRefundId: string;
  /** Stripe's status: pending, requires_action, succeeded, failed, canceled. */
  status: string | null;
  failureReason: string | null;
  /** Our refunds row id, when the refund's metadata carries it. */
  metadataRefundId: string | null;
  /** Our refund's idempotency key, as the provider puts it in the refund's metadata. */
  metadataIdempotencyKey: string | null;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
// An expandable field: the id, or the expanded object's id.
const idOf = (value: unknown): string | null => text(value) ?? (isObject(value) ? text(value.id) : null);

/** The event's object (`data.object` of a Stripe event). */
export function eventObject(payload: unknown): Json | null {
  if (!isObject(payload)) return null;
  const data = payload.data;
  return isObject(data) && isObject(data.object) ? data.object : null;
}

export function sessionFacts(payload: unknown): SessionFacts | null {
  const session = eventObject(payload);
  const sessionId = text(session?.id);
  if (!session || !sessionId) return null;
  const metadata = isObject(session.metadata) ? session.metadata : {};
  return {
    sessionId,
    paymentStatus: text(session.payment_status),
    paymentIntentId: idOf(session.payment_intent),
    metadataPaymentId: text(metadata.paymentId),
    metadataOrderId: text(metadata.orderId),
    amountTotal: typeof session.amount_total === 'number' ? session.amount_total : null,
  };
}

function refundFactsOf(refund: Json): RefundFacts | null {
  const providerRefundId = text(refund.id);
  if (!providerRefundId) return null;
  const metadata = isObject(refund.metadata) ? refund.metadata : {};
  return {
    providerRefundId,
    status: text(refund.status),
    failureReason: text(refund.failure_reason),
    metadataRefundId: text(metadata.refundId),
    metadataIdempotencyKey: text(metadata.idempotencyKey),
  };
}

/**
 * The refunds an event reports: the refund of a `refund.*` event, or the refunds a
 * `charge.refunded` charge lists (recent API versions list none: their `refund.*` events
 * carry the news instead).
 */
export function refundFacts(type: string, payload: unknown): RefundFacts[] {
  const object = eventObject(payload);
  if (!object) return [];
  if (type !== 'charge.refunded') {
    const facts = refundFactsOf(object);
    return facts ? [facts] : [];
  }
  const list = isObject(object.refunds) && Array.isArray(object.refunds.data) ? object.refunds.data : [];
  return list.filter(isObject).flatMap((refund) => {
    const facts = refundFactsOf(refund);
    return facts ? [facts] : [];
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `value` when it is a uuid (a metadata id we can look up safely), else null. */
export const uuidOrNull = (value: string | null): string | null => (value && UUID.test(value) ? value : null);
