import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * A message sent (or to send) to a customer or staff member, recorded against its order.
 * `dedupe_key` (the event that caused it + the template) is unique: one event never yields
 * two messages, however often its job runs.
 */
@Entity({ name: 'notifications' })
@Index('notifications_dedupe_key_key', ['dedupeKey'], { unique: true })
@Index('notifications_order_idx', ['orderId', 'createdAt'])
// The sweeper looks for notifications a lost queue never sent.
@Index('notifications_pending_idx', ['createdAt'], { where: `"status" = 'pending'` })
@Check('notifications_status_check', `"status" IN ('pending', 'sent', 'failed')`)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'notifications_pkey' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId!: string | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey!: string;

  @Column({ name: 'template', type: 'varchar', length: 64 })
  template!: string;

  @Column({ name: 'channel', type: 'varchar', length: 16, default: 'email' })
  channel!: string;

  @Column({ name: 'recipient', type: 'varchar', length: 254 })
  recipient!: string;

  @Column({ name: 'subject', type: 'text' })
  subject!: string;

  @Column({ name: 'body', type: 'text' })
  body!: string;

  @Column({ name: 'status', type: 'varchar', length: 16, default: 'pending' })
  status!: NotificationStatus;

  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** `smtp` or `file` (the local mail folder). */
  @Column({ name: 'transport', type: 'varchar', length: 16, nullable: true })
  transport!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
