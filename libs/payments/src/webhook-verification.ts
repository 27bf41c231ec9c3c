import type Stripe from 'stripe';

/** Stripe's default: a signed delivery older than this is refused (replay protection). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The fields of a provider event the ingest stores; the rest stays in the payload. */
export interface VerifiedWebhookEvent {
  id: string;
  type: string;
  /** `data.object.id`: the session, refund or charge the event is about. */
  objectId: string | null;
  payload: Record<string, unknown>;
}

export type WebhookFailure = 'signature_invalid' | 'timestamp_stale' | 'malformed';

export type WebhookVerification =
  { ok: true; event: VerifiedWebhookEvent } | { ok: false; failure: WebhookFailure; message: string };

export interface VerifyOptions {
  toleranceSeconds?: number;
  now?: Date;
}

/**
 * Verifies a Stripe delivery: the `Stripe-Signature` header against each secret in turn
 * (several are valid while one is rotated), then the timestamp's age, and only then parses
 * the body. A missing or unmatched signature and a stale timestamp are refusals; a body
 * that is signed but is not an event object is `malformed`.
 */
export function verifyStripeWebhook(
  webhooks: Stripe['webhooks'],
  rawBody: Buffer,
  header: string | undefined,
  secrets: readonly string[],
  options: VerifyOptions = {},
): WebhookVerification {
  const signature = webhooks.signature;
  if (!signature) throw new Error('the Stripe client has no signature helper');
  if (!header) return { ok: false, failure: 'signature_invalid', message: 'No Stripe-Signature header.' };
  const matched = secrets.some((secret) => {
    try {
      // Tolerance 0 checks the signature only: the age is checked below, after a match.
      return signature.verifyHeader(rawBody, header, secret, 0);
    } catch {
      return false;
    }
  });
  if (!matched)
    return { ok: false, failure: 'signature_invalid', message: 'The signature matches no signing secret.' };

  const timestamp = Number(/(?:^|,)\s*t=(\d+)/.exec(header)?.[1]);
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  if (!Number.isFinite(timestamp) || nowSeconds - timestamp > tolerance)
    return { ok: false, failure: 'timestamp_stale', message: 'The signature timestamp is too old.' };

  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { ok: false, failure: 'malformed', message: 'The body is not JSON.' };
  }
  const event = asEvent(parsed);
  return event
    ? { ok: true, event }
    : { ok: false, failure: 'malformed', message: 'The body is not a Stripe event (id, type, data.object).' };
}

function asEvent(value: unknown): VerifiedWebhookEvent | null {
  if (!isRecord(value)) return null;
  const { id, type, data } = value;
  if (typeof id !== 'string' || id.length === 0 || id.length > 255) return null;
  if (typeof type !== 'string' || type.length === 0 || type.length > 100) return null;
  if (!isRecord(data) || !isRecord(data['object'])) return null;
  const objectId = data['object']['id'];
  return {
    id,
    type,
    objectId: typeof objectId === 'string' && objectId.length <= 255 ? objectId : null,
    payload: value,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
