import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  IsObject,
} from 'class-validator';
import {
  SERVICE_STATUSES,
  SUSPENSION_REASONS,
  type ServiceStatus,
  type SuspensionReason,
} from '@haoma/domain';
import { PageQuery } from '../common/page.request';

// Printable text without control characters, for names and reasons kept on records.
const PLAIN_TEXT = /^[^\p{Cc}]*\S[^\p{Cc}]*$/u;

export class StaffServicesQuery extends PageQuery {
  @ApiPropertyOptional({ type: String, enum: SERVICE_STATUSES })
  @IsOptional()
  @IsIn(SERVICE_STATUSES)
  status?: ServiceStatus;

  @ApiPropertyOptional({ type: String, enum: SUSPENSION_REASONS })
  @IsOptional()
  @IsIn(SUSPENSION_REASONS)
  suspensionReason?: SuspensionReason;

  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    maximum: 3650,
    description: 'Only lines with a step due within N days',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  dueWithinDays?: number;
}

/** The dossier (and version; the current one when omitted) a line is re-verified with. */
export class ReverifyRequest {
  @ApiProperty({ type: String, format: 'uuid' })
  @IsUUID()
  dossierId!: string;

  @ApiPropertyOptional({ type: Number, minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CompleteTaskRequest extends ReverifyRequest {
  @ApiProperty({
    type: String,
    format: 'uuid',
    description: 'The campaign’s supplement agreement (re-signed)',
  })
  @IsUUID()
  agreementId!: string;

  @ApiProperty({ type: String, maxLength: 100, example: '张三' })
  @IsString()
  @MaxLength(100)
  @Matches(PLAIN_TEXT, { message: 'signerName must be printable text' })
  signerName!: string;

  @ApiProperty({ type: String, maxLength: 100, example: '法定代表人' })
  @IsString()
  @MaxLength(100)
  @Matches(PLAIN_TEXT, { message: 'signerTitle must be printable text' })
  signerTitle!: string;
}

/** Why staff act on a line (kept on its timeline). */
export class StaffReasonRequest {
  @ApiProperty({ type: String, maxLength: 500, example: 'MIIT notice 2026-114' })
  @IsString()
  @MaxLength(500)
  @Matches(PLAIN_TEXT, { message: 'reason must be printable text' })
  reason!: string;
}

export class CampaignSelectionRequest {
  @ApiProperty({ type: String, enum: ['all', 'verified_before', 'services'] })
  @IsIn(['all', 'verified_before', 'services'])
  kind!: 'all' | 'verified_before' | 'services';

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'verified_before: lines verified before then',
  })
  @ValidateIf((o: CampaignSelectionRequest) => o.kind === 'verified_before')
  @IsDateString()
  before?: string;

  @ApiPropertyOptional({ type: String, isArray: true, description: 'services: the lines' })
  @ValidateIf((o: CampaignSelectionRequest) => o.kind === 'services')
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  serviceIds?: string[];
}

export class CreateCampaignRequest {
  @ApiProperty({ type: String, maxLength: 200, example: '2026 re-verification' })
  @IsString()
  @MaxLength(200)
  @Matches(PLAIN_TEXT, { message: 'name must be printable text' })
  name!: string;

  @ApiProperty({ type: CampaignSelectionRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignSelectionRequest)
  selection!: CampaignSelectionRequest;

  @ApiProperty({ type: String, format: 'date-time', description: 'In the future' })
  @IsDateString()
  deadline!: string;
}
