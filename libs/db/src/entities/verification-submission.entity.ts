import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  OPEN_SUBMISSION_STATUSES,
  SUBMISSION_STATUSES,
  type FindingSeverity,
  type SubmissionStatus,
} from '@haoma/domain';
import { DossierVersionEntity } from './dossier-version.entity';
import { OrderEntity } from './order.entity';

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** One automatic pre-check finding, as stored. */
export interface StoredFinding {
  code: string;
  severity: FindingSeverity;
  /** The form field or document kind it concerns (`company.uscc`, `documents.business_licence`). */
  field: string;
  message: string;
  /** e.g. the other accounts that used the same credential, for the reviewer. */
  details?: Record<string, unknown>;
}

/** One reviewer's reason for rejecting, per document (or per form field). */
export interface StoredRejectionReason {
  /** A document kind or a form field. */
  target: string;
  documentId?: string | null;
  code: string;
  text: string;
}

/**
 * A dossier version submitted for an order: what the pre-check found and what the reviewer
 * decided, by whom and when. A rejected order's resubmission is a new row (`sequence` + 1);
 * the database allows one undecided submission per order.
 */
@Entity({ name: 'verification_submissions' })
@Index('verification_submissions_order_sequence_key', ['orderId', 'sequence'], { unique: true })
@Index('verification_submissions_open_order_key', ['orderId'], {
  unique: true,
  where: `"status" IN (${sqlList(OPEN_SUBMISSION_STATUSES)})`,
})
@Index('verification_submissions_queue_idx', ['status', 'submittedAt'])
@Check('verification_submissions_status_check', `"status" IN (${sqlList(SUBMISSION_STATUSES)})`)
@Check(
  'verification_submissions_decision_check',
  `("status" IN ('approved', 'rejected')) = ("decided_at" IS NOT NULL AND "decided_by" IS NOT NULL)`,
)
@Check('verification_submissions_sequence_check', `"sequence" >= 1`)
export class VerificationSubmissionEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'verification_submissions_pkey' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity)
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'verification_submissions_order_id_fkey' })
  order?: OrderEntity;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @Column({ name: 'dossier_version_id', type: 'uuid' })
  dossierVersionId!: string;

  @ManyToOne(() => DossierVersionEntity)
  @JoinColumn({
    name: 'dossier_version_id',
    foreignKeyConstraintName: 'verification_submissions_dossier_version_id_fkey',
  })
  dossierVersion?: DossierVersionEntity;

  @Column({ name: 'sequence', type: 'integer' })
  sequence!: number;

  @Column({ name: 'status', type: 'varchar', length: 16, default: 'prechecking' })
  status!: SubmissionStatus;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'findings', type: 'jsonb', default: () => "'[]'" })
  findings!: StoredFinding[];

  /** Highest severity found (`error`, `warning`, `info`), NULL when clean or not yet checked. */
  @Column({ name: 'worst_severity', type: 'varchar', length: 8, nullable: true })
  worstSeverity!: FindingSeverity | null;

  @Column({ name: 'prechecked_at', type: 'timestamptz', nullable: true })
  precheckedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'rejection_reasons', type: 'jsonb', default: () => "'[]'" })
  rejectionReasons!: StoredRejectionReason[];

  /** The reviewer's note to colleagues (not shown to the customer). */
  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
