/**
 * When a checkout session expires and what the hold must cover for it. Stripe refuses a
 * session that expires sooner than 30 minutes or later than 24 hours from its creation, so
 * a hold about to run out is extended first (by the system, not counted against the
 * customer's extensions), and the session never outlives the hold.
 */

/** Stripe's shortest checkout session. */
export const CHECKOUT_MIN_LIFETIME_MS = 30 * 60_000;
/** Stripe's longest checkout session. */
export const CHECKOUT_MAX_LIFETIME_MS = 24 * 60 * 60_000;
/**
 * A hold ending sooner than this is extended to it before a session is created: Stripe's
 * minimum plus a minute for the clock skew and the time the request takes.
 */
export const CHECKOUT_HOLD_MARGIN_MS = CHECKOUT_MIN_LIFETIME_MS + 60_000;
/** An open session expiring sooner than this is not handed out again: a new one is made. */
export const CHECKOUT_REUSE_MARGIN_MS = 5 * 60_000;

export interface CheckoutWindow {
  /** The hold's end after the checkout (the same as before unless `extended`). */
  readonly holdUntil: Date;
  readonly extended: boolean;
  /** The session's `expires_at`, whole seconds, never after the hold. */
  readonly expiresAt: Date;
}

/**
 * The session expiry for a hold ending at `holdUntil`: the hold's end (whole seconds) when
 * it is at least {@link CHECKOUT_HOLD_MARGIN_MS} away, else the hold is extended to now plus
 * that margin; capped at Stripe's 24 hours (minus a minute).
 */
export function checkoutWindow(holdUntil: Date, now: Date): CheckoutWindow {
  const minimum = now.getTime() + CHECKOUT_HOLD_MARGIN_MS;
  const extended = holdUntil.getTime() < minimum;
  // Whole seconds, rounded up when extending, so the stored hold equals what the session gets.
  const end = extended ? new Date(Math.ceil(minimum / 1000) * 1000) : holdUntil;
  const latest = now.getTime() + CHECKOUT_MAX_LIFETIME_MS - 60_000;
  const expiresAt = new Date(Math.floor(Math.min(end.getTime(), latest) / 1000) * 1000);
  return { holdUntil: end, extended, expiresAt };
}

/**
 * The idempotency key of a checkout session: the order, the amount and how many sessions
 * the order had before, so a retried request gets the same session, a changed amount a new
 * one, and a new attempt after a failed, expired or superseded session a new one too.
 */
export function checkoutIdempotencyKey(orderId: string, amountFen: number, attempt: number): string {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new RangeError(`bad amount ${amountFen}`);
  if (!Number.isSafeInteger(attempt) || attempt < 0) throw new RangeError(`bad attempt ${attempt}`);
  return `checkout:${orderId}:${amountFen}:${attempt}`;
}

/** Whether an open session can be handed out again rather than replaced. */
export function isReusableSession(
  session: { amountFen: number; expiresAt: Date | null },
  amountFen: number,
  now: Date,
): boolean {
  return (
    session.amountFen === amountFen &&
    session.expiresAt !== null &&
    session.expiresAt.getTime() - now.getTime() >= CHECKOUT_REUSE_MARGIN_MS
  );
}
