import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A plan (套餐) version. Plans are versioned, never edited: a new price is a new row with
 * the next version, and an order points at the row it was priced from.
 */
@Entity({ name: 'plans' })
@Index('plans_code_version_key', ['code', 'version'], { unique: true })
@Index('plans_current_code_key', ['code'], { unique: true, where: `"retired_at" IS NULL` })
@Check('plans_money_check', `"annual_fee_fen" >= 0 AND "per_minute_fen" > 0 AND "monthly_minimum_fen" >= 0`)
@Check('plans_term_check', `"term_months" > 0 AND "included_minutes" >= 0 AND "version" > 0`)
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'plans_pkey' })
  id!: string;

  @Column({ name: 'code', type: 'varchar', length: 32 })
  code!: string;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh!: string;

  @Column({ name: 'annual_fee_fen', type: 'integer' })
  annualFeeFen!: number;

  @Column({ name: 'term_months', type: 'integer' })
  termMonths!: number;

  @Column({ name: 'per_minute_fen', type: 'integer' })
  perMinuteFen!: number;

  @Column({ name: 'included_minutes', type: 'integer' })
  includedMinutes!: number;

  @Column({ name: 'monthly_minimum_fen', type: 'integer' })
  monthlyMinimumFen!: number;

  /** Number grades this plan may be sold with (a dearer number needs a dearer plan). */
  @Column({ name: 'allowed_grades', type: 'text', array: true })
  allowedGrades!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
