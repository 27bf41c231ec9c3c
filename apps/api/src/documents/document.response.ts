import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_KINDS } from '@haoma/domain';
import type { StoredDocument } from '@haoma/documents';

/** One uploaded document as its owner sees it (never where or how it is stored). */
export class DocumentResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, enum: DOCUMENT_KINDS })
  kind!: string;

  @ApiProperty({
    type: String,
    enum: DOCUMENT_CONTENT_TYPES,
    description: 'Decided by the file’s magic bytes',
  })
  contentType!: string;

  @ApiProperty({ type: Number, example: 482_113 })
  sizeBytes!: number;

  @ApiProperty({ type: String, example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  sha256!: string;

  @ApiProperty({
    type: String,
    description: 'The uploaded file’s name, for display only',
    example: '营业执照.jpg',
  })
  originalName!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  uploadedAt!: string;

  @ApiProperty({
    type: Boolean,
    description:
      'Used by a dossier version: no longer deletable. Uploads not attached within UPLOAD_ORPHAN_TTL are deleted',
  })
  attached!: boolean;
}

/** A document as a reviewer sees it: also whose it is and when it was attached. */
export class StaffDocumentResponse extends DocumentResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  customerId!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  attachedAt!: string | null;
}

export class DocumentListResponse {
  @ApiProperty({ type: () => DocumentResponse, isArray: true, description: 'Newest first' })
  items!: DocumentResponse[];

  @ApiProperty({ type: Number, example: 20 })
  limit!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}

export function toDocumentResponse(document: StoredDocument): DocumentResponse {
  return {
    id: document.id,
    kind: document.kind,
    contentType: document.contentType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    originalName: document.originalName,
    uploadedAt: document.uploadedAt.toISOString(),
    attached: document.attachedAt !== null,
  };
}

export function toStaffDocumentResponse(document: StoredDocument): StaffDocumentResponse {
  return {
    ...toDocumentResponse(document),
    customerId: document.customerId,
    attachedAt: document.attachedAt?.toISOString() ?? null,
  };
}
