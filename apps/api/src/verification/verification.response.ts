import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_KINDS, FINDING_SEVERITIES, SUBMISSION_STATUSES } from '@haoma/domain';

// OpenAPI shapes of the verification answers (the services return the libs' plain views).

export class DossierDocumentResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ type: String, example: 'image/jpeg' }) contentType!: string;
  @ApiProperty({ type: Number }) sizeBytes!: number;
  @ApiProperty({ type: String }) originalName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt!: string;
}

export class DossierVersionResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: Number }) version!: number;
  @ApiProperty({ type: Object, nullable: true, description: 'The DossierForm; null once purged' }) form!:
    object | null;
  @ApiProperty({ type: DossierDocumentResponse, isArray: true }) documents!: DossierDocumentResponse[];
  @ApiProperty({ type: String, example: 'customer:…' }) createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) purgedAt!: string | null;
}

export class DossierSummaryResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) companyName!: string;
  @ApiProperty({ type: Number }) currentVersion!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: Boolean }) purged!: boolean;
}

export class DossierVersionSummaryResponse {
  @ApiProperty({ type: Number }) version!: number;
  @ApiProperty({ type: String }) companyName!: string;
  @ApiProperty({ type: String }) createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class DossierResponse extends DossierSummaryResponse {
  @ApiProperty({ type: DossierVersionResponse }) current!: DossierVersionResponse;
  @ApiProperty({ type: DossierVersionSummaryResponse, isArray: true, description: 'Newest first' })
  versions!: DossierVersionSummaryResponse[];
}

export class DossierListResponse {
  @ApiProperty({ type: DossierSummaryResponse, isArray: true }) items!: DossierSummaryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class FindingResponse {
  @ApiProperty({ type: String, example: 'DOCUMENTS_MISSING' }) code!: string;
  @ApiProperty({ type: String, enum: FINDING_SEVERITIES }) severity!: string;
  @ApiProperty({ type: String, example: 'company.uscc' }) field!: string;
  @ApiProperty({ type: String }) message!: string;
  @ApiPropertyOptional({
    type: Object,
    description: 'Reviewers only: e.g. the other accounts using a credential',
  })
  details?: object;
}

export class LocalisedTextResponse {
  @ApiProperty({ type: String }) zh!: string;
  @ApiProperty({ type: String }) en!: string;
}

export class RejectionReasonResponse {
  @ApiProperty({ type: String, example: 'business_licence' }) target!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) documentId!: string | null;
  @ApiProperty({ type: String, example: 'SEAL_MISSING' }) code!: string;
  @ApiProperty({ type: LocalisedTextResponse }) text!: LocalisedTextResponse;
}

export class SubmissionResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: Number }) sequence!: number;
  @ApiProperty({ type: String, enum: SUBMISSION_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'uuid' }) dossierId!: string;
  @ApiProperty({ type: Number }) dossierVersion!: number;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) precheckedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: FindingResponse, isArray: true, description: 'Errors to fix only' })
  findings!: FindingResponse[];
  @ApiProperty({ type: RejectionReasonResponse, isArray: true }) rejectionReasons!: RejectionReasonResponse[];
}

export class SubmissionListResponse {
  @ApiProperty({ type: SubmissionResponse, isArray: true, description: 'Oldest first' })
  items!: SubmissionResponse[];
}

export class ReviewQueueItemResponse {
  @ApiProperty({ type: String, format: 'uuid' }) submissionId!: string;
  @ApiProperty({ type: String, format: 'uuid' }) orderId!: string;
  @ApiProperty({ type: String }) orderNo!: string;
  @ApiProperty({ type: String }) number!: string;
  @ApiProperty({ type: String }) companyName!: string;
  @ApiProperty({ type: String }) customerEmail!: string;
  @ApiProperty({ type: Number }) sequence!: number;
  @ApiProperty({ type: String, enum: SUBMISSION_STATUSES }) status!: string;
  @ApiProperty({ type: String, enum: FINDING_SEVERITIES, nullable: true }) worstSeverity!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt!: string;
}

export class ReviewQueueResponse {
  @ApiProperty({ type: ReviewQueueItemResponse, isArray: true }) items!: ReviewQueueItemResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ReviewResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: Number }) sequence!: number;
  @ApiProperty({ type: String, enum: SUBMISSION_STATUSES }) status!: string;
  @ApiProperty({ type: FindingResponse, isArray: true }) findings!: FindingResponse[];
  @ApiProperty({ type: Object, description: 'id, version, versionId, form (the DossierForm)' })
  dossier!: object;
  @ApiProperty({
    type: Object,
    isArray: true,
    description: 'Each with contentUrl: /api/v1/staff/documents/<id>/content',
  })
  documents!: object[];
  @ApiProperty({ type: Object, description: 'Order summary with its customer' }) order!: object;
  @ApiProperty({
    type: Object,
    isArray: true,
    description: 'The order’s other submissions and their decisions',
  })
  earlierSubmissions!: object[];
}

export class ApprovalResponse {
  @ApiProperty({ type: String, enum: ['approved'] }) status!: 'approved';
  @ApiProperty({ type: String, format: 'uuid' }) carrierApplicationId!: string;
}

export class RejectionResponse {
  @ApiProperty({ type: String, enum: ['rejected'] }) status!: 'rejected';
  @ApiProperty({ type: String, format: 'date-time' }) documentsDueAt!: string;
}
