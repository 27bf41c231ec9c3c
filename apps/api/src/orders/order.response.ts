import { ApiProperty } from '@nestjs/swagger';
import { AGREEMENT_KINDS, ORDER_EVENT_TYPES } from '@haoma/db';
import { ORDER_EVENTS, ORDER_NEXT_STEP, ORDER_STATUSES, type OrderStatus } from '@haoma/domain';
import { MoneyResponse } from '../catalog/money.response';
import { NumberSuggestionResponse } from '../numbers/search/number-search.response';

const NEXT_STEPS = [...new Set(Object.values(ORDER_NEXT_STEP).map((s) => s.step))];

export class OrderNumberResponse {
  @ApiProperty({ type: String, example: '4008208888' })
  digits!: string;

  @ApiProperty({ type: String, example: '400-820-8888' })
  display!: string;
}

/** What the customer does next, and by when. */
export class NextStepResponse {
  @ApiProperty({ type: String, enum: NEXT_STEPS, example: 'choose_plan_and_sign' })
  step!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The hold’s end while unpaid, the document deadline while awaiting documents, else null',
  })
  deadline!: string | null;
}

export class PriceLineResponse {
  @ApiProperty({ type: String, enum: ['selection_fee', 'plan', 'feature'] })
  kind!: string;

  @ApiProperty({ type: String, example: 'business' })
  code!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Catalog version priced from; null for the fee' })
  version!: number | null;

  @ApiProperty({ type: String, example: 'Business' })
  name!: string;

  @ApiProperty({ type: String, example: '商务套餐' })
  nameZh!: string;

  @ApiProperty({ type: () => MoneyResponse })
  amount!: MoneyResponse;
}

export class PriceResponse {
  @ApiProperty({
    type: () => PriceLineResponse,
    isArray: true,
    description: 'Selection fee, the plan’s first year (plans are prepaid annually), then each feature',
  })
  lines!: PriceLineResponse[];

  @ApiProperty({ type: () => MoneyResponse })
  total!: MoneyResponse;

  @ApiProperty({ type: String, format: 'date-time' })
  pricedAt!: string;
}

export class SignatureResponse {
  @ApiProperty({ type: String, enum: AGREEMENT_KINDS })
  agreementKind!: string;

  @ApiProperty({ type: Number, example: 1 })
  agreementVersion!: number;

  @ApiProperty({ type: String, description: 'sha256 of the text signed', example: 'ab12…' })
  agreementSha256!: string;

  @ApiProperty({ type: String, example: '李伟' })
  signerName!: string;

  @ApiProperty({ type: String, example: '总经理' })
  signerTitle!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  signedAt!: string;
}

export class TimelineActorResponse {
  @ApiProperty({ type: String, enum: ['customer', 'staff', 'system'] })
  kind!: string;

  @ApiProperty({
    type: String,
    description: 'Account id, or the part of the system (`hold-timer`, `sweeper`)',
  })
  id!: string;
}

/** One entry of an order's history: its creation, a status change, or a step within a status. */
export class TimelineEntryResponse {
  @ApiProperty({ type: String, enum: ORDER_EVENT_TYPES })
  type!: string;

  @ApiProperty({
    type: String,
    enum: ORDER_EVENTS,
    nullable: true,
    description: 'The workflow event of a transition',
  })
  event!: string | null;

  @ApiProperty({ type: String, enum: ORDER_STATUSES, nullable: true })
  from!: string | null;

  @ApiProperty({ type: String, enum: ORDER_STATUSES, nullable: true })
  to!: string | null;

  @ApiProperty({ type: () => TimelineActorResponse })
  actor!: TimelineActorResponse;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;
}

/** An order as lists show it. */
export class OrderSummaryResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, description: 'Human order number', example: '1024' })
  orderNo!: string;

  @ApiProperty({ type: () => OrderNumberResponse })
  number!: OrderNumberResponse;

  @ApiProperty({ type: String, enum: ORDER_STATUSES, example: 'selecting' })
  status!: OrderStatus;

  @ApiProperty({ type: () => NextStepResponse })
  nextStep!: NextStepResponse;

  @ApiProperty({ type: String, description: 'The number’s grade when it was held', example: 'gold' })
  grade!: string;

  @ApiProperty({ type: () => MoneyResponse, nullable: true, description: 'Null until a plan is chosen' })
  total!: MoneyResponse | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  holdUntil!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
}

/** One order in full: price breakdown, signatures and timeline. */
export class OrderResponse extends OrderSummaryResponse {
  @ApiProperty({ type: String, format: 'date-time' })
  statusChangedAt!: string;

  @ApiProperty({ type: () => MoneyResponse, description: 'One-off fee for the number, kept from hold time' })
  selectionFee!: MoneyResponse;

  @ApiProperty({ type: () => PriceResponse, nullable: true, description: 'Null until a plan is chosen' })
  price!: PriceResponse | null;

  @ApiProperty({ type: Number, description: 'How many more times the hold can be extended', example: 1 })
  holdExtensionsLeft!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  documentsDueAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the order ended (expired, cancelled)' })
  closedReason!: string | null;

  @ApiProperty({ type: () => SignatureResponse, isArray: true })
  signatures!: SignatureResponse[];

  @ApiProperty({ type: () => TimelineEntryResponse, isArray: true, description: 'Oldest first' })
  timeline!: TimelineEntryResponse[];
}

export class OrderListResponse {
  @ApiProperty({ type: () => OrderSummaryResponse, isArray: true, description: 'Newest first' })
  items!: OrderSummaryResponse[];

  @ApiProperty({ type: Number, example: 20 })
  limit!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}

/** The 409 answer to a number that cannot be held: when it may free up, and numbers like it. */
export class NumberUnavailableErrorResponse {
  @ApiProperty({ type: Number, example: 409 })
  statusCode!: number;

  @ApiProperty({ type: String, enum: ['NUMBER_UNAVAILABLE'] })
  code!: 'NUMBER_UNAVAILABLE';

  @ApiProperty({ type: String })
  message!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the hold on it ends unless that order goes ahead; null when sold or retired',
  })
  heldUntil!: string | null;

  @ApiProperty({ type: () => NumberSuggestionResponse, isArray: true })
  suggestions!: NumberSuggestionResponse[];
}
