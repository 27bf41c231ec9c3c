import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_STATUSES, SUSPENSION_REASONS } from '@haoma/domain';

export class NextDeadlineResponse {
  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty({
    type: String,
    enum: ['suspend', 'terminate'],
    description: 'What happens then unless the customer acts',
  })
  action!: string;

  @ApiProperty({ type: String, enum: SUSPENSION_REASONS, nullable: true })
  reason!: string | null;
}

export class ServiceResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) orderId!: string;
  @ApiProperty({ type: String, example: '4008208888' }) number!: string;
  @ApiProperty({ type: String, example: '400-820-8888' }) numberDisplay!: string;
  @ApiProperty({ type: String }) carrier!: string;
  @ApiProperty({ type: String, enum: SERVICE_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) activatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) termEndsAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) verifiedAt!: string;
  @ApiProperty({ type: String, format: 'uuid' }) dossierId!: string;
  @ApiProperty({ type: Number }) dossierVersion!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) credentialsExpireAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) suspendedAt!: string | null;
  @ApiProperty({ type: String, enum: SUSPENSION_REASONS, nullable: true }) suspensionReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) terminatesAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) terminatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) quarantineUntil!: string | null;
  @ApiProperty({ type: NextDeadlineResponse, nullable: true }) nextDeadline!: NextDeadlineResponse | null;
}

export class StaffServiceResponse extends ServiceResponse {
  @ApiProperty({ type: String, format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) numberReleasedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordsPurgeAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordsPurgedAt!: string | null;
}

export class ServiceTimelineEntryResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String, example: 'suspended' }) event!: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus!: string | null;
  @ApiProperty({ type: String }) toStatus!: string;
  @ApiProperty({ type: String, description: 'customer, staff or system (staff see who)' }) actor!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: Object, nullable: true }) data!: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

export class TaskResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) campaignId!: string;
  @ApiProperty({ type: String }) campaignName!: string;
  @ApiProperty({ type: String, format: 'uuid' }) serviceId!: string;
  @ApiProperty({ type: String }) number!: string;
  @ApiProperty({ type: String, enum: ['open', 'completed', 'overdue'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', description: 'The supplement agreement to re-sign' })
  agreementId!: string;
}

export class ServiceDetailResponse extends ServiceResponse {
  @ApiProperty({ type: ServiceTimelineEntryResponse, isArray: true })
  timeline!: ServiceTimelineEntryResponse[];
  @ApiProperty({ type: TaskResponse, isArray: true }) tasks!: TaskResponse[];
}

export class StaffServiceDetailResponse extends StaffServiceResponse {
  @ApiProperty({ type: ServiceTimelineEntryResponse, isArray: true })
  timeline!: ServiceTimelineEntryResponse[];
  @ApiProperty({ type: TaskResponse, isArray: true }) tasks!: TaskResponse[];
}

export class ServiceListResponse {
  @ApiProperty({ type: ServiceResponse, isArray: true }) items!: ServiceResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class StaffServiceListResponse {
  @ApiProperty({ type: StaffServiceResponse, isArray: true }) items!: StaffServiceResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class TaskListResponse {
  @ApiProperty({ type: TaskResponse, isArray: true }) items!: TaskResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CampaignCountsResponse {
  @ApiProperty({ type: Number }) open!: number;
  @ApiProperty({ type: Number }) completed!: number;
  @ApiProperty({ type: Number }) overdue!: number;
}

export class CampaignResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: Object }) selection!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) deadline!: string;
  @ApiProperty({ type: String, format: 'uuid' }) agreementId!: string;
  @ApiProperty({ type: String, enum: ['opening', 'open', 'closed'] }) status!: string;
  @ApiProperty({ type: String }) createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: Number, nullable: true }) tasksTotal!: number | null;
  @ApiProperty({ type: Number }) tasksCreated!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100 }) percent!: number;
  @ApiProperty({ type: CampaignCountsResponse }) counts!: CampaignCountsResponse;
}

export class CampaignListResponse {
  @ApiProperty({ type: CampaignResponse, isArray: true }) items!: CampaignResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
