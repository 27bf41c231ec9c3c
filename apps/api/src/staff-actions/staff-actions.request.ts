import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../common/page.request';

// Printable text without control characters, for names, references and reasons kept on records.
const PLAIN_TEXT = /^[^\p{Cc}]*\S[^\p{Cc}]*$/u;
// A bank reference: letters, digits and a few separators, as banks print them.
const BANK_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
// A duration: `<integer><unit>` with unit m, h or d (`12h`, `7d`).
const DURATION = /^\d{1,6}(m|h|d)$/;
const MAX_FEN = 100_000_000;

/** A bank transfer (对公转账) found on the company account. */
export class BankTransferRequest {
  @ApiProperty({
    type: Number,
    minimum: 1,
    example: 128_000,
    description: 'Must equal the order total (fen)',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen!: number;

  @ApiProperty({ type: String, maxLength: 200, example: '北京某某科技有限公司' })
  @IsString()
  @MaxLength(200)
  @Matches(PLAIN_TEXT, { message: 'payerName must be printable text' })
  payerName!: string;

  @ApiProperty({
    type: String,
    maxLength: 120,
    example: 'ICBC20261128-000123',
    description: 'The bank reference; unique among bank transfers',
  })
  @IsString()
  @MaxLength(120)
  @Matches(BANK_REFERENCE, { message: 'reference must be letters, digits, and . _ / -' })
  reference!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-11-27',
    description: 'The day the money arrived',
  })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'receivedOn must be a date (YYYY-MM-DD)' })
  receivedOn!: string;
}

/** A refund staff issue by hand. */
export class StaffRefundRequest {
  @ApiProperty({
    type: Number,
    minimum: 1,
    example: 20_000,
    description: 'At most what is left of the payment',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen!: number;

  @ApiProperty({ type: String, maxLength: 500, example: 'Goodwill: activation was two days late' })
  @IsString()
  @MaxLength(500)
  @Matches(PLAIN_TEXT, { message: 'reason must be printable text' })
  reason!: string;
}

/** Staff paid a bank-transfer refund back from the company account. */
export class RefundSettlementRequest {
  @ApiProperty({
    type: String,
    maxLength: 120,
    example: 'ICBC20261203-000456',
    description: 'The bank reference of the transfer back to the customer',
  })
  @IsString()
  @MaxLength(120)
  @Matches(BANK_REFERENCE, { message: 'reference must be letters, digits, and . _ / -' })
  reference!: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-03', description: 'The day the money left' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'settledOn must be a date (YYYY-MM-DD)' })
  settledOn!: string;
}

/** An Idempotency-Key header: 8–200 letters, digits, `_` and `-`. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,200}$/;

/** Why staff act (a cancellation). */
export class StaffCancelRequest {
  @ApiProperty({ type: String, maxLength: 500, example: 'Customer asked by phone' })
  @IsString()
  @MaxLength(500)
  @Matches(PLAIN_TEXT, { message: 'reason must be printable text' })
  reason!: string;
}

/**
 * A new deadline: `until` (a time) or `by` (a duration added to the current deadline), exactly
 * one of them (the service refuses both or neither), and why.
 */
export class DeadlineExtensionRequest {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'The new deadline; or give `by`' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'until must be an ISO 8601 time' })
  until?: string;

  @ApiPropertyOptional({
    type: String,
    example: '7d',
    description: 'How much later than the current deadline: `<n>m`, `<n>h` or `<n>d`; or give `until`',
  })
  @IsOptional()
  @IsString()
  @Matches(DURATION, { message: 'by must be a duration like 12h or 7d' })
  by?: string;

  @ApiProperty({ type: String, maxLength: 500, example: 'Business licence renewal in progress' })
  @IsString()
  @MaxLength(500)
  @Matches(PLAIN_TEXT, { message: 'reason must be printable text' })
  reason!: string;
}

export class StaffNotificationsQuery extends PageQuery {}
