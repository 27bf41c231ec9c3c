import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CustomerEntity } from './customer.entity';

/**
 * A company's real-name dossier, reusable for its next number (like a compliance bundle).
 * Its content lives in versions: an update is a new version, the history is kept.
 */
@Entity({ name: 'dossiers' })
@Index('dossiers_customer_idx', ['customerId', 'createdAt'])
export class DossierEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'dossiers_pkey' })
  id!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity)
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'dossiers_customer_id_fkey' })
  customer?: CustomerEntity;

  /** The company name of the latest version, for lists. */
  @Column({ name: 'company_name', type: 'varchar', length: 200 })
  companyName!: string;

  @Column({ name: 'current_version', type: 'integer', default: 1 })
  currentVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** When identity data was purged (retention over); the row stays as a tombstone. */
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true })
  purgedAt!: Date | null;
}
