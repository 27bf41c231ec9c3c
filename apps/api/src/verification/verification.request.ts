import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { REJECTION_REASON_CODES, SUBMISSION_STATUSES, type SubmissionStatus } from '@haoma/domain';
import { PageQuery } from '../common/page.request';

const MAX_DOCUMENTS = 30;

/** A dossier's content and its documents (uploaded first with POST /api/v1/documents). */
export class DossierVersionRequest {
  @ApiProperty({
    type: Object,
    description:
      'The DossierForm: company {name, uscc, licenceExpiresOn|null}, legalRepresentative {name, idNumber, idExpiresOn|null}, ' +
      'handler {name, idNumber, mobile, idExpiresOn|null}|null, destinations [{number, ownerName, ownerIdNumber}] (1–10), ' +
      'industry {regulated, licenceNumber?, licenceExpiresOn?}, undertakingSigned: true, undertakingSignerName',
  })
  @IsObject()
  form!: Record<string, unknown>;

  @ApiProperty({
    type: String,
    isArray: true,
    format: 'uuid',
    description: 'Ids of the customer’s own uploaded documents',
  })
  @IsArray()
  @ArrayMaxSize(MAX_DOCUMENTS)
  @IsUUID('all', { each: true })
  documentIds!: string[];
}

export class NewDossierVersionRequest extends DossierVersionRequest {
  @ApiProperty({
    type: Number,
    minimum: 1,
    description: 'The version you edited: must still be the current one',
  })
  @IsInt()
  @Min(1)
  baseVersion!: number;
}

export class SubmitDossierRequest {
  @ApiProperty({ type: String, format: 'uuid' })
  @IsUUID('all')
  dossierId!: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, description: 'Defaults to the current version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ListDossiersQuery extends PageQuery {}

export class ReviewQueueQuery extends PageQuery {
  @ApiPropertyOptional({ type: String, enum: SUBMISSION_STATUSES, default: 'awaiting_review' })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES)
  status?: SubmissionStatus;
}

export class ApproveRequest {
  @ApiPropertyOptional({
    type: String,
    maxLength: 2000,
    description: 'For colleagues; not shown to the customer',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RejectionReasonRequest {
  @ApiProperty({ type: String, example: 'business_licence', description: 'A document kind or a form field' })
  @IsString()
  @MaxLength(100)
  target!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  documentId?: string;

  @ApiProperty({ type: String, enum: REJECTION_REASON_CODES })
  @IsIn(REJECTION_REASON_CODES)
  code!: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: 500,
    description: 'Your words to the customer; the code’s text when absent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  text?: string;
}

export class RejectRequest extends ApproveRequest {
  @ApiProperty({ type: RejectionReasonRequest, isArray: true, description: 'At least one' })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => RejectionReasonRequest)
  reasons!: RejectionReasonRequest[];
}
