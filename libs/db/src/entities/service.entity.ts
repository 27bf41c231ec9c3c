import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  LIVE_SERVICE_STATUSES,
  SERVICE_STATUSES,
  SUSPENSION_REASONS,
  type ServiceStatus,
  type SuspensionReason,
} from '@haoma/domain';
import { CustomerEntity } from './customer.entity';
import { DossierVersionEntity } from './dossier-version.entity';
import { NumberEntity } from './number.entity';
import { OrderEntity } from './order.entity';

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A live 400 line, created when the carrier activates an order: `active → suspended →
 * terminated`. The partial unique index on `number` is the database's promise that a number
 * has at most one live service. The timer columns are what the compliance sweeper acts on:
 * `terminates_at` while suspended, `quarantine_until` and `records_purge_at` once terminated.
 */
@Entity({ name: 'services' })
@Index('services_order_key', ['orderId'], { unique: true })
@Index('services_live_number_key', ['number'], {
  unique: true,
  where: `"status" IN (${sqlList(LIVE_SERVICE_STATUSES)})`,
})
@Index('services_customer_idx', ['customerId', 'activatedAt'])
@Index('services_status_idx', ['status', 'verifiedAt'])
@Index('services_terminates_idx', ['terminatesAt'], { where: `"status" = 'suspended'` })
@Index('services_quarantine_idx', ['quarantineUntil'], {
  where: `"status" = 'terminated' AND "number_released_at" IS NULL`,
})
@Index('services_purge_idx', ['recordsPurgeAt'], {
  where: `"status" = 'terminated' AND "records_purged_at" IS NULL`,
})
@Check('services_status_check', `"status" IN (${sqlList(SERVICE_STATUSES)})`)
@Check(
  'services_suspension_reason_check',
  `"suspension_reason" IS NULL OR "suspension_reason" IN (${sqlList(SUSPENSION_REASONS)})`,
)
@Check(
  'services_suspended_check',
  `("status" = 'suspended') = ("suspended_at" IS NOT NULL AND "suspension_reason" IS NOT NULL AND "terminates_at" IS NOT NULL)`,
)
@Check(
  'services_terminated_check',
  `("status" = 'terminated') = ("terminated_at" IS NOT NULL AND "quarantine_until" IS NOT NULL AND "records_purge_at" IS NOT NULL)`,
)
export class ServiceEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'services_pkey' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity)
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'services_order_id_fkey' })
  order?: OrderEntity;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity)
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'services_customer_id_fkey' })
  customer?: CustomerEntity;

  @Column({ name: 'number', type: 'varchar', length: 10, collation: 'C' })
  number!: string;

  @ManyToOne(() => NumberEntity)
  @JoinColumn({ name: 'number', foreignKeyConstraintName: 'services_number_fkey' })
  numberRow?: NumberEntity;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  /** The dossier version the line was last verified with (its expiry dates drive suspensions). */
  @Column({ name: 'dossier_version_id', type: 'uuid' })
  dossierVersionId!: string;

  @ManyToOne(() => DossierVersionEntity)
  @JoinColumn({ name: 'dossier_version_id', foreignKeyConstraintName: 'services_dossier_version_id_fkey' })
  dossierVersion?: DossierVersionEntity;

  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId!: string | null;

  @Column({ name: 'carrier', type: 'varchar', length: 16 })
  carrier!: string;

  @Column({ name: 'carrier_reference', type: 'varchar', length: 100, nullable: true })
  carrierReference!: string | null;

  @Column({ name: 'status', type: 'varchar', length: 16, default: 'active' })
  status!: ServiceStatus;

  @Column({ name: 'activated_at', type: 'timestamptz' })
  activatedAt!: Date;

  /** End of the plan term paid for. */
  @Column({ name: 'term_ends_at', type: 'timestamptz' })
  termEndsAt!: Date;

  /** Last successful verification (activation or re-verification). */
  @Column({ name: 'verified_at', type: 'timestamptz' })
  verifiedAt!: Date;

  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  @Column({ name: 'suspension_reason', type: 'varchar', length: 32, nullable: true })
  suspensionReason!: SuspensionReason | null;

  /** Suspended: when the line is terminated unless re-verified. */
  @Column({ name: 'terminates_at', type: 'timestamptz', nullable: true })
  terminatesAt!: Date | null;

  @Column({ name: 'terminated_at', type: 'timestamptz', nullable: true })
  terminatedAt!: Date | null;

  /** Terminated: the number rests in quarantine until then, then returns to sale. */
  @Column({ name: 'quarantine_until', type: 'timestamptz', nullable: true })
  quarantineUntil!: Date | null;

  @Column({ name: 'number_released_at', type: 'timestamptz', nullable: true })
  numberReleasedAt!: Date | null;

  /** Terminated: identity records are kept until then (2 years by default), then purged. */
  @Column({ name: 'records_purge_at', type: 'timestamptz', nullable: true })
  recordsPurgeAt!: Date | null;

  @Column({ name: 'records_purged_at', type: 'timestamptz', nullable: true })
  recordsPurgedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
