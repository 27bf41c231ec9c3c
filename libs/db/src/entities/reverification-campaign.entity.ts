import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '@haoma/domain';

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** Which services a campaign asks to re-verify. */
export type CampaignSelection =
  { kind: 'all' } | { kind: 'verified_before'; before: string } | { kind: 'services'; serviceIds: string[] };

/**
 * A re-verification campaign (the 2016 clean-up): staff choose services and a deadline; a
 * job creates one task per service, with progress (`tasks_created` of `tasks_total`).
 */
@Entity({ name: 'reverification_campaigns' })
@Index('reverification_campaigns_created_idx', ['createdAt'])
@Check('reverification_campaigns_status_check', `"status" IN (${sqlList(CAMPAIGN_STATUSES)})`)
@Check(
  'reverification_campaigns_progress_check',
  `"tasks_created" >= 0 AND ("tasks_total" IS NULL OR "tasks_created" <= "tasks_total")`,
)
export class ReverificationCampaignEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'reverification_campaigns_pkey' })
  id!: string;

  @Column({ name: 'name', type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'selection', type: 'jsonb' })
  selection!: CampaignSelection;

  @Column({ name: 'deadline', type: 'timestamptz' })
  deadline!: Date;

  /** The supplement agreement version customers re-sign. */
  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Column({ name: 'status', type: 'varchar', length: 16, default: 'opening' })
  status!: CampaignStatus;

  @Column({ name: 'tasks_total', type: 'integer', nullable: true })
  tasksTotal!: number | null;

  @Column({ name: 'tasks_created', type: 'integer', default: 0 })
  tasksCreated!: number;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
