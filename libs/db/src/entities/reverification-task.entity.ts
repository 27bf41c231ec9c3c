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
import { TASK_STATUSES, type TaskStatus } from '@haoma/domain';
import { ReverificationCampaignEntity } from './reverification-campaign.entity';
import { ServiceEntity } from './service.entity';

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * One service's part in a campaign: the customer re-signs the current supplement agreement
 * and confirms or updates the dossier by `due_at`, or the service is suspended.
 */
@Entity({ name: 'reverification_tasks' })
@Index('reverification_tasks_campaign_service_key', ['campaignId', 'serviceId'], { unique: true })
@Index('reverification_tasks_customer_idx', ['customerId', 'status'])
@Index('reverification_tasks_service_idx', ['serviceId', 'status'])
@Index('reverification_tasks_due_idx', ['dueAt'], { where: `"status" = 'open'` })
@Check('reverification_tasks_status_check', `"status" IN (${sqlList(TASK_STATUSES)})`)
@Check('reverification_tasks_completed_check', `("status" = 'completed') = ("completed_at" IS NOT NULL)`)
export class ReverificationTaskEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'reverification_tasks_pkey' })
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => ReverificationCampaignEntity)
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'reverification_tasks_campaign_id_fkey' })
  campaign?: ReverificationCampaignEntity;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  @ManyToOne(() => ServiceEntity)
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'reverification_tasks_service_id_fkey' })
  service?: ServiceEntity;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @Column({ name: 'status', type: 'varchar', length: 16, default: 'open' })
  status!: TaskStatus;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** The dossier version confirmed or newly written. */
  @Column({ name: 'dossier_version_id', type: 'uuid', nullable: true })
  dossierVersionId!: string | null;

  /** The supplement agreement version re-signed, and by whom. */
  @Column({ name: 'agreement_id', type: 'uuid', nullable: true })
  agreementId!: string | null;

  @Column({ name: 'signer_name', type: 'varchar', length: 100, nullable: true })
  signerName!: string | null;

  @Column({ name: 'signer_title', type: 'varchar', length: 100, nullable: true })
  signerTitle!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
