import { ApiProperty } from '@nestjs/swagger';

export class AuditEntryResponse {
  @ApiProperty({ type: String, description: 'Increasing with each row appended' }) id!: string;
  @ApiProperty({ type: String, example: 'staff:6f1c…' }) actor!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'sales' }) actorRole!: string | null;
  @ApiProperty({ type: String, example: 'order.note_added' }) action!: string;
  @ApiProperty({ type: String, example: 'order' }) targetType!: string;
  @ApiProperty({ type: String, nullable: true }) targetId!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: 'The state before' })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true, description: 'The state after' })
  after!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'POST /api/v1/staff/orders/:id/notes' })
  request!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class AuditEntryListResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
