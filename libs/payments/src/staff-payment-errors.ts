/** Refusals of the staff payment actions (bank transfers, refunds); the API maps each code to a status. */
export const STAFF_PAYMENT_ERROR_CODES = [
  'ORDER_NOT_FOUND',
  /** The order is not awaiting payment nor expired (not signed, paid already, closed). */
  'ORDER_NOT_PAYABLE',
  /** The transfer's amount is not the order's total. */
  'PAYMENT_AMOUNT_MISMATCH',
  /** A bank transfer with this reference is recorded already. */
  'BANK_TRANSFER_DUPLICATE',
  /**
   * Nothing was paid for the order: there is nothing to refund; or a refund staff may not
   * settle (settled already, or a provider's); or an Idempotency-Key reused for another amount.
   */
  'REFUND_NOT_ALLOWED',
  /** No refund has this id (settling a refund). */
  'REFUND_NOT_FOUND',
  /** More than what is left of the payment (paid minus refunded and pending refunds). */
  'REFUND_EXCEEDS_PAID',
] as const;
export type StaffPaymentErrorCode = (typeof STAFF_PAYMENT_ERROR_CODES)[number];

export class StaffPaymentError extends Error {
  constructor(
    readonly code: StaffPaymentErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'StaffPaymentError';
  }
}
