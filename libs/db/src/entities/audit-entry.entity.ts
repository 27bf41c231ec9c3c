import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit log: every staff action, who (and in which role), what, on what, the state
 * before and after, when and from where. Append-only: a trigger (migration) refuses UPDATE
 * and DELETE, so not even the application can rewrite it.
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_created_idx', ['createdAt', 'id'])
@Index('audit_log_actor_idx', ['actorId', 'createdAt'])
@Index('audit_log_target_idx', ['targetType', 'targetId', 'createdAt'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', {
    name: 'id',
    type: 'bigint',
    primaryKeyConstraintName: 'audit_log_pkey',
  })
  id!: string;

  /** `staff:<id>`, or `system:<part>` for a job acting on staff's behalf. */
  @Column({ name: 'actor', type: 'varchar', length: 100 })
  actor!: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true })
  actorRole!: string | null;

  /** What was done, a stable dotted name (`order.note_added`, `number.price_overridden`). */
  @Column({ name: 'action', type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32 })
  targetType!: string;

  @Column({ name: 'target_id', type: 'varchar', length: 100, nullable: true })
  targetId!: string | null;

  @Column({ name: 'before', type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ name: 'after', type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ name: 'ip', type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  /** The HTTP request it came from (`POST /api/v1/staff/orders/:id/notes`), when it came from one. */
  @Column({ name: 'request', type: 'varchar', length: 300, nullable: true })
  request!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
