import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A feature add-on (功能) version; versioned like plans so an order keeps its price. */
@Entity({ name: 'features' })
@Index('features_code_version_key', ['code', 'version'], { unique: true })
@Index('features_current_code_key', ['code'], { unique: true, where: `"retired_at" IS NULL` })
@Check('features_fee_check', `"annual_fee_fen" >= 0 AND "version" > 0`)
export class FeatureEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'features_pkey' })
  id!: string;

  @Column({ name: 'code', type: 'varchar', length: 32 })
  code!: string;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh!: string;

  @Column({ name: 'description', type: 'text' })
  description!: string;

  @Column({ name: 'annual_fee_fen', type: 'integer' })
  annualFeeFen!: number;

  /** Codes of features that cannot be combined with this one (e.g. ringback tone vs IVR). */
  @Column({ name: 'excludes', type: 'text', array: true, default: () => "'{}'" })
  excludes!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
