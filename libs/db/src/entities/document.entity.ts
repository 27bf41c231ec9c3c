import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import {
  DOCUMENT_CONTENT_TYPES,
  DOCUMENT_KINDS,
  type DocumentContentType,
  type DocumentKind,
} from '@haoma/domain';
import { CustomerEntity } from './customer.entity';

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * One uploaded file of a real-name dossier. The bytes live in document storage under
 * `storage_key` (a generated name, never the customer's); this row keeps what was checked:
 * the type from the magic bytes, the size and the sha256. A document not attached to a
 * dossier version within a day is deleted, row and bytes.
 */
@Entity({ name: 'documents' })
@Index('documents_customer_idx', ['customerId', 'uploadedAt'])
@Index('documents_storage_key_key', ['storageKey'], { unique: true })
@Index('documents_unattached_idx', ['uploadedAt'], { where: `"attached_at" IS NULL` })
@Index('documents_sha256_idx', ['sha256'])
@Check('documents_kind_check', `"kind" IN (${sqlList(DOCUMENT_KINDS)})`)
@Check('documents_content_type_check', `"content_type" IN (${sqlList(DOCUMENT_CONTENT_TYPES)})`)
@Check('documents_size_check', `"size_bytes" > 0`)
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'documents_pkey' })
  id!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity)
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'documents_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ name: 'kind', type: 'varchar', length: 32 })
  kind!: DocumentKind;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType!: DocumentContentType;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ name: 'sha256', type: 'char', length: 64 })
  sha256!: string;

  /** Where storage keeps the bytes: generated, never derived from the upload's name. */
  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey!: string;

  /** The name the customer's file had, cleaned, only for display. */
  @Column({ name: 'original_name', type: 'varchar', length: 255 })
  originalName!: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;

  /** When it was first attached to a dossier version; NULL for an upload not (yet) used. */
  @Column({ name: 'attached_at', type: 'timestamptz', nullable: true })
  attachedAt!: Date | null;
}
