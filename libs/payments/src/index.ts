export {
  PAYMENT_PROVIDER,
  type CheckoutLine,
  type CheckoutProviderName,
  type CheckoutSession,
  type CreateCheckoutInput,
  type PaymentProvider,
  type RefundInput,
  type RefundResult,
} from './payment-provider';
export { PaymentError, PAYMENT_ERROR_CODES, type PaymentErrorCode } from './payment-errors';
export { PaymentsModule, createPaymentProvider, sandboxWebhookUrlOf } from './payments.module';
export { StripePaymentProvider, CHECKOUT_PAYMENT_METHODS, refundStatusOf } from './stripe-payment.provider';
export { SandboxPaymentProvider, type SandboxSettings } from './sandbox-payment.provider';
export {
  deliverSignedEvent,
  sandboxId,
  sandboxPaymentIntentId,
  sandboxRefundEvent,
  sandboxSessionEvent,
  type SandboxOutcome,
  type SandboxRefundFacts,
  type SandboxSessionFacts,
} from './sandbox-events';
export {
  SANDBOX_WEBHOOK_SECRET,
  createStripeClient,
  stripeClientOf,
  webhookSecretsOf,
} from './stripe-client';
export {
  verifyStripeWebhook,
  WEBHOOK_TOLERANCE_SECONDS,
  type VerifiedWebhookEvent,
  type VerifyOptions,
  type WebhookFailure,
  type WebhookVerification,
} from './webhook-verification';
export { ingestWebhookEvent, type IngestResult } from './webhook-ingest';
export { startCheckout, type CheckoutCommand, type CheckoutResult } from './checkout';
export {
  findPaymentForCheckoutPage,
  InvalidPaymentCursorError,
  listOrderPayments,
  type PaymentPage,
  type PaymentView,
  type RefundView,
  type SandboxPaymentView,
} from './payment-queries';
export {
  StaffPaymentError,
  STAFF_PAYMENT_ERROR_CODES,
  type StaffPaymentErrorCode,
} from './staff-payment-errors';
export { recordRefund, refundedOrPending, type NewRefund } from './refund-recording';
export {
  applyPaidPayment,
  refundRemaining,
  type ApplyPaymentContext,
  type PaidPayment,
  type PaymentApplication,
  type PaymentOutcome,
} from './payment-application';
export { recordBankTransfer, type BankTransferCommand, type BankTransferResult } from './bank-transfer';
export {
  issueStaffRefund,
  settlementOf,
  type RefundSettlement,
  type StaffRefundCommand,
  type StaffRefundResult,
} from './staff-refund';
export { listStaffOrderPayments, type StaffPaymentView, type StaffRefundView } from './staff-payment-queries';
export { refundEventStatusOf, settleRefund, type RefundStatusChange } from './refund-settlement';
export { settleManualRefund, type ManualRefundSettlementResult } from './manual-refund-settlement';
