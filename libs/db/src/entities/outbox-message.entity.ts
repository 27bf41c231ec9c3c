import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: a job to enqueue, written in the same transaction as the change it
 * announces. The worker's relay publishes each row to BullMQ with the row id as job id, so
 * losing Redis loses no event and publishing twice enqueues once.
 */
@Entity({ name: 'outbox_messages' })
@Index('outbox_messages_unpublished_idx', ['id'], { where: `"published_at" IS NULL` })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('identity', {
    name: 'id',
    type: 'bigint',
    primaryKeyConstraintName: 'outbox_messages_pkey',
  })
  id!: string;

  @Column({ name: 'job_name', type: 'varchar', length: 64 })
  jobName!: string;

  @Column({ name: 'payload', type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** Run no earlier than this (delayed jobs such as hold expiry); null runs at once. */
  @Column({ name: 'run_at', type: 'timestamptz', nullable: true })
  runAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
