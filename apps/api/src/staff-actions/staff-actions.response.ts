import { ApiProperty } from '@nestjs/swagger';
import { StaffPriceLineResponse } from '../common/staff-price-line.response';

export class StaffRefundResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: Number }) amountFen!: number;
  @ApiProperty({ type: String, enum: ['pending', 'succeeded', 'failed', 'cancelled'] }) status!: string;
  @ApiProperty({ type: String, example: 'staff' }) reason!: string;
  @ApiProperty({ type: String, nullable: true }) failureReason!: string | null;
  @ApiProperty({ type: String, example: 'staff:…' }) createdBy!: string;
  @ApiProperty({
    type: String,
    enum: ['provider', 'manual'],
    description: '`manual`: a bank-transfer payment; staff pay it back from the company account',
  })
  settlement!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class StaffPaymentResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, enum: ['stripe', 'sandbox', 'bank_transfer'] }) provider!: string;
  @ApiProperty({ type: String, description: 'Checkout session id, or the bank reference' })
  providerSessionId!: string;
  @ApiProperty({ type: String, nullable: true }) providerPaymentId!: string | null;
  @ApiProperty({ type: String, enum: ['open', 'paid', 'failed', 'expired', 'superseded'] }) status!: string;
  @ApiProperty({ type: Number }) amountFen!: number;
  @ApiProperty({ type: String, example: 'CNY' }) currency!: string;
  @ApiProperty({ type: Number }) refundedFen!: number;
  @ApiProperty({ type: [StaffPriceLineResponse] }) lines!: StaffPriceLineResponse[];
  @ApiProperty({ type: String, nullable: true, example: 'locked' }) outcome!: string | null;
  @ApiProperty({ type: String }) createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) appliedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [StaffRefundResponse] }) refunds!: StaffRefundResponse[];
}

export class StaffPaymentListResponse {
  @ApiProperty({ type: [StaffPaymentResponse] }) items!: StaffPaymentResponse[];
}

export class BankTransferResponse {
  @ApiProperty({ type: String, format: 'uuid' }) orderId!: string;
  @ApiProperty({ type: String, example: 'awaiting_payment' }) previousStatus!: string;
  @ApiProperty({ type: String, example: 'awaiting_documents' }) orderStatus!: string;
  @ApiProperty({
    type: String,
    enum: ['locked', 'reclaimed', 'refunded_number_taken'],
    description: 'What the payment did: number locked, reclaimed after expiry, or refunded (number taken)',
  })
  outcome!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) refundId!: string | null;
  @ApiProperty({ type: StaffPaymentResponse }) payment!: StaffPaymentResponse;
  @ApiProperty({ type: [String], description: 'Checkout sessions still open for the order (left open)' })
  openCheckoutPaymentIds!: string[];
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class StaffRefundIssuedResponse {
  @ApiProperty({ type: String, format: 'uuid' }) orderId!: string;
  @ApiProperty({ type: String, format: 'uuid' }) paymentId!: string;
  @ApiProperty({ type: StaffRefundResponse }) refund!: StaffRefundResponse;
  @ApiProperty({ type: Number, description: 'Left of the payment to refund after this refund' })
  remainingFen!: number;
  @ApiProperty({
    type: Boolean,
    description:
      'False: a repeat of an earlier request with the same Idempotency-Key, answered with its refund',
  })
  created!: boolean;
}

export class StaffRefundSettledResponse {
  @ApiProperty({ type: String, format: 'uuid' }) orderId!: string;
  @ApiProperty({ type: String, format: 'uuid' }) paymentId!: string;
  @ApiProperty({ type: StaffRefundResponse }) refund!: StaffRefundResponse;
  @ApiProperty({ type: Number, description: "The payment's refunded amount, this refund included" })
  refundedFen!: number;
}

export class StaffOrderStateResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) orderNo!: string;
  @ApiProperty({ type: String }) number!: string;
  @ApiProperty({ type: String }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) holdUntil!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) documentsDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedReason!: string | null;
}

export class DeadlineExtensionResponse {
  @ApiProperty({ type: String, enum: ['documents', 'hold'] }) kind!: string;
  @ApiProperty({ type: String, format: 'date-time' }) from!: string;
  @ApiProperty({ type: String, format: 'date-time' }) to!: string;
  @ApiProperty({ type: StaffOrderStateResponse }) order!: StaffOrderStateResponse;
}

export class StaffNotificationResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) template!: string;
  @ApiProperty({ type: String, example: 'email' }) channel!: string;
  @ApiProperty({ type: String }) recipient!: string;
  @ApiProperty({ type: String }) subject!: string;
  @ApiProperty({ type: String }) body!: string;
  @ApiProperty({ type: String, enum: ['pending', 'sent', 'failed'] }) status!: string;
  @ApiProperty({ type: Number }) attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String }) dedupeKey!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class StaffNotificationListResponse {
  @ApiProperty({ type: [StaffNotificationResponse] }) items!: StaffNotificationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ResendNotificationResponse {
  @ApiProperty({ type: String, format: 'uuid' }) originalId!: string;
  @ApiProperty({ type: Number, description: 'Which resend of the original this is' }) attempt!: number;
  @ApiProperty({ type: StaffNotificationResponse }) notification!: StaffNotificationResponse;
}
