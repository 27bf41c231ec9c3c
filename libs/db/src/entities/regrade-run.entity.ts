import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One re-grade of the inventory under a grading rule set, run as a job in batches with its
 * progress here (`graded` of `total`). Numbers already sold keep the price they were sold at
 * (orders keep their own grade and fee); overridden fees are kept.
 */
@Entity({ name: 'regrade_runs' })
@Index('regrade_runs_started_idx', ['startedAt'])
@Index('regrade_runs_running_key', ['status'], { unique: true, where: `"status" = 'running'` })
@Check('regrade_runs_status_check', `"status" IN ('running', 'succeeded', 'failed')`)
@Check('regrade_runs_progress_check', `"graded" >= 0 AND "changed" >= 0 AND "changed" <= "graded"`)
export class RegradeRunEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'regrade_runs_pkey' })
  id!: string;

  /** The grading_rule_sets version applied. */
  @Column({ name: 'grading_version', type: 'integer' })
  gradingVersion!: number;

  @Column({ name: 'status', type: 'varchar', length: 16, default: 'running' })
  status!: string;

  @Column({ name: 'total', type: 'integer', nullable: true })
  total!: number | null;

  @Column({ name: 'graded', type: 'integer', default: 0 })
  graded!: number;

  /** Numbers whose grade or fee changed. */
  @Column({ name: 'changed', type: 'integer', default: 0 })
  changed!: number;

  /** Keyset position (the last number graded), so a restarted job continues. */
  @Column({ name: 'last_number', type: 'varchar', length: 10, nullable: true, collation: 'C' })
  lastNumber!: string | null;

  @Column({ name: 'error', type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'started_by', type: 'varchar', length: 100 })
  startedBy!: string;

  @CreateDateColumn({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
