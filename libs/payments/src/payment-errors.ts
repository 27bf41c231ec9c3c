/** Refusals of the payment use cases; the API maps each code to a status. */
export const PAYMENT_ERROR_CODES = [
  'ORDER_NOT_FOUND',
  'ORDER_HOLD_EXPIRED',
  /** The order is not awaiting payment (not signed yet, paid already, closed). */
  'ORDER_NOT_PAYABLE',
  /** The previous session was completed at the provider: its payment is being applied. */
  'PAYMENT_IN_PROGRESS',
  /** The provider could not be reached or refused the request; retrying is safe. */
  'PAYMENT_PROVIDER_UNAVAILABLE',
  'PAYMENT_NOT_FOUND',
  /** The session is no longer open (paid, failed, expired or replaced). */
  'PAYMENT_NOT_OPEN',
] as const;
export type PaymentErrorCode = (typeof PAYMENT_ERROR_CODES)[number];

export class PaymentError extends Error {
  constructor(
    readonly code: PaymentErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'PaymentError';
  }
}
