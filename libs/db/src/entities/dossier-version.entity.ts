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
import { DossierEntity } from './dossier.entity';

/**
 * One version of a dossier, immutable once written. `form` holds everything the customer
 * filled in (company, legal representative, handler, destinations, industry); the columns
 * beside it repeat what the pre-check and the timers query (credential ids, expiry dates).
 * Purging identity data blanks `form` and the id columns and sets `purged_at`.
 */
@Entity({ name: 'dossier_versions' })
@Index('dossier_versions_dossier_version_key', ['dossierId', 'version'], { unique: true })
@Index('dossier_versions_uscc_idx', ['uscc'])
@Index('dossier_versions_legal_rep_idx', ['legalRepIdNumber'])
@Index('dossier_versions_handler_idx', ['handlerIdNumber'], { where: `"handler_id_number" IS NOT NULL` })
@Check('dossier_versions_version_check', `"version" >= 1`)
export class DossierVersionEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'dossier_versions_pkey' })
  id!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => DossierEntity)
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'dossier_versions_dossier_id_fkey' })
  dossier?: DossierEntity;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  /** The whole form as submitted (shape: DossierForm in libs/domain). */
  @Column({ name: 'form', type: 'jsonb' })
  form!: Record<string, unknown>;

  @Column({ name: 'company_name', type: 'varchar', length: 200 })
  companyName!: string;

  @Column({ name: 'uscc', type: 'varchar', length: 18, nullable: true })
  uscc!: string | null;

  @Column({ name: 'legal_rep_id_number', type: 'varchar', length: 18, nullable: true })
  legalRepIdNumber!: string | null;

  @Column({ name: 'handler_id_number', type: 'varchar', length: 18, nullable: true })
  handlerIdNumber!: string | null;

  /** NULL: long-term (长期) or purged. */
  @Column({ name: 'licence_expires_on', type: 'date', nullable: true })
  licenceExpiresOn!: string | null;

  @Column({ name: 'legal_rep_id_expires_on', type: 'date', nullable: true })
  legalRepIdExpiresOn!: string | null;

  @Column({ name: 'industry_licence_expires_on', type: 'date', nullable: true })
  industryLicenceExpiresOn!: string | null;

  /** `customer:<id>` or `staff:<id>`. */
  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true })
  purgedAt!: Date | null;
}
