import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A version of the vanity grading rules (data, see libs/domain). Exactly one is active;
 * the importer grades with it and stamps its version on each number.
 */
@Entity({ name: 'grading_rule_sets' })
@Index('grading_rule_sets_active_key', ['active'], { unique: true, where: `"active"` })
export class GradingRuleSetEntity {
  @PrimaryColumn({ primaryKeyConstraintName: 'grading_rule_sets_pkey', name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'rules', type: 'jsonb' })
  rules!: unknown;

  @Column({ name: 'active', type: 'boolean', default: false })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
