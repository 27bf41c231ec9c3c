import { ApiProperty } from '@nestjs/swagger';
import { CARRIER_CODES, GRADE_CODES, ORDER_STATUSES } from '@haoma/domain';
import { StaffPriceLineResponse } from '../common/staff-price-line.response';

export class StaffRefResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) email!: string;
}

export class PipelineCustomerResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) companyName!: string;
  @ApiProperty({ type: String }) email!: string;
}

export class DeadlineResponse {
  @ApiProperty({ type: String, enum: ['hold', 'documents'] }) kind!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

export class PipelineItemResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, example: '1042' }) orderNo!: string;
  @ApiProperty({ type: String, example: '4008208888' }) number!: string;
  @ApiProperty({ type: String, enum: ORDER_STATUSES }) status!: string;
  @ApiProperty({ type: PipelineCustomerResponse }) customer!: PipelineCustomerResponse;
  @ApiProperty({ type: StaffRefResponse, nullable: true }) assignee!: StaffRefResponse | null;
  @ApiProperty({ type: String, enum: GRADE_CODES }) grade!: string;
  @ApiProperty({ type: String, enum: CARRIER_CODES }) carrier!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'fen' }) totalFen!: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) statusChangedAt!: string;
  @ApiProperty({ type: Number }) timeInStatusSeconds!: number;
  @ApiProperty({ type: DeadlineResponse, nullable: true }) nextDeadline!: DeadlineResponse | null;
  @ApiProperty({ type: Boolean, description: 'The deadline of the current status has passed' })
  overdue!: boolean;
}

export class PipelinePageResponse {
  @ApiProperty({ type: PipelineItemResponse, isArray: true }) items!: PipelineItemResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class BoardColumnResponse {
  @ApiProperty({ type: String, enum: ORDER_STATUSES }) status!: string;
  @ApiProperty({ type: Number }) count!: number;
  @ApiProperty({ type: Number, nullable: true }) medianSecondsInStatus!: number | null;
  @ApiProperty({ type: Number, nullable: true }) oldestSecondsInStatus!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) oldestSince!: string | null;
}

export class BoardResponse {
  @ApiProperty({ type: String, format: 'date-time', description: 'The instant the aging is measured at' })
  asOf!: string;
  @ApiProperty({ type: Number }) total!: number;
  @ApiProperty({ type: BoardColumnResponse, isArray: true }) columns!: BoardColumnResponse[];
}

export class StaffOrderCustomerResponse extends PipelineCustomerResponse {
  @ApiProperty({ type: String }) contactName!: string;
  @ApiProperty({ type: String }) mobile!: string;
}

export class StaffAssigneeResponse extends StaffRefResponse {
  @ApiProperty({ type: Boolean }) active!: boolean;
}

export class StaffOrderResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) orderNo!: string;
  @ApiProperty({ type: String }) number!: string;
  @ApiProperty({ type: String, enum: ORDER_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) statusChangedAt!: string;
  @ApiProperty({ type: Number }) timeInStatusSeconds!: number;
  @ApiProperty({ type: String, enum: GRADE_CODES }) grade!: string;
  @ApiProperty({ type: String, enum: CARRIER_CODES }) carrier!: string;
  @ApiProperty({ type: StaffOrderCustomerResponse }) customer!: StaffOrderCustomerResponse;
  @ApiProperty({ type: StaffAssigneeResponse, nullable: true }) assignee!: StaffAssigneeResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) assignedAt!: string | null;
  @ApiProperty({ type: Number }) selectionFeeFen!: number;
  @ApiProperty({ type: StaffPriceLineResponse, isArray: true }) priceLines!: StaffPriceLineResponse[];
  @ApiProperty({ type: Number, nullable: true }) totalFen!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) pricedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) holdUntil!: string | null;
  @ApiProperty({ type: Number }) holdExtensions!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) documentsDueAt!: string | null;
  @ApiProperty({ type: DeadlineResponse, nullable: true }) nextDeadline!: DeadlineResponse | null;
  @ApiProperty({ type: Boolean }) overdue!: boolean;
  @ApiProperty({ type: String, nullable: true }) closedReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class ActivityEntryResponse {
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({
    type: String,
    description:
      'order.<timeline type> (order.transition, order.assigned, …), note, payment.created|paid, refund.requested|succeeded|failed, ' +
      'notification.sent|failed, document.uploaded|attached, submission.submitted|prechecked|approved|rejected|withdrawn, ' +
      'carrier.created|submitted|approved|rejected|…',
  })
  kind!: string;
  @ApiProperty({ type: String, nullable: true, description: 'customer:<id>, staff:<id> or system:<part>' })
  actor!: string | null;
  @ApiProperty({ type: String }) summary!: string;
  @ApiProperty({ type: Object }) data!: Record<string, unknown>;
}

export class ActivityPageResponse {
  @ApiProperty({ type: ActivityEntryResponse, isArray: true }) items!: ActivityEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class AssigneeResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) previousAssigneeId!: string | null;
  @ApiProperty({ type: Boolean, description: 'false when the order already had this assignee' })
  changed!: boolean;
}

export class NoteResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) orderId!: string;
  @ApiProperty({ type: StaffRefResponse }) author!: StaffRefResponse;
  @ApiProperty({ type: String }) body!: string;
  @ApiProperty({ type: StaffRefResponse, isArray: true }) mentions!: StaffRefResponse[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class NoteCreatedResponse extends NoteResponse {
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'One per mentioned member but the author',
  })
  notificationIds!: string[];
}

export class NotesPageResponse {
  @ApiProperty({ type: NoteResponse, isArray: true }) items!: NoteResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
