import { ApiProperty } from '@nestjs/swagger';
import { PAYMENT_STATUSES, REFUND_STATUSES } from '@haoma/db';
import { MoneyResponse } from '../catalog/money.response';
import { PriceLineResponse } from '../orders/order.response';

/** The answer to POST /orders/{id}/checkout: where to pay, until when, how much. */
export class CheckoutResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  paymentId!: string;

  @ApiProperty({ type: String, enum: ['stripe', 'sandbox'] })
  provider!: string;

  @ApiProperty({ type: String, description: 'The hosted checkout page to send the customer to' })
  checkoutUrl!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'The session stops accepting payment then' })
  expiresAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'The hold’s end (extended to cover the session)',
  })
  holdUntil!: string;

  @ApiProperty({ type: () => MoneyResponse })
  amount!: MoneyResponse;

  @ApiProperty({ type: String, example: 'CNY' })
  currency!: string;
}

export class RefundResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: () => MoneyResponse })
  amount!: MoneyResponse;

  @ApiProperty({ type: String, enum: REFUND_STATUSES })
  status!: string;

  @ApiProperty({ type: String, example: 'cancelled_before_review' })
  reason!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

export class PaymentResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, enum: ['stripe', 'sandbox', 'bank_transfer'] })
  provider!: string;

  @ApiProperty({ type: String, enum: PAYMENT_STATUSES })
  status!: string;

  @ApiProperty({ type: () => MoneyResponse })
  amount!: MoneyResponse;

  @ApiProperty({ type: () => MoneyResponse })
  refunded!: MoneyResponse;

  @ApiProperty({ type: String, example: 'CNY' })
  currency!: string;

  @ApiProperty({
    type: () => PriceLineResponse,
    isArray: true,
    description: 'The lines this payment charges',
  })
  lines!: PriceLineResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Where to pay, while the session is open' })
  checkoutUrl!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  paidAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: () => RefundResponse, isArray: true })
  refunds!: RefundResponse[];
}

export class PaymentListResponse {
  @ApiProperty({ type: () => PaymentResponse, isArray: true, description: 'Newest first' })
  items!: PaymentResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}

/** The answer to a webhook delivery: stored (or known already); applied later by the worker. */
export class WebhookReceiptResponse {
  @ApiProperty({ type: Boolean, example: true })
  received!: boolean;

  @ApiProperty({ type: Boolean, description: 'The event was received before; nothing was done this time' })
  duplicate!: boolean;
}
