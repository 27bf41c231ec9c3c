import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrderEntity } from './order.entity';

export const ORDER_EVENT_TYPES = [
  'created',
  'transition',
  'priced',
  'hold_extended',
  'signed',
  // Staff steps within a status (issue 7): who follows the order, a moved deadline.
  'assigned',
  'deadline_extended',
] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/**
 * The timeline of an order, append-only: its creation, every status transition (written in
 * the same transaction as the status change), and the customer's steps within a status.
 */
@Entity({ name: 'order_events' })
@Index('order_events_order_idx', ['orderId', 'id'])
export class OrderEventEntity {
  @PrimaryGeneratedColumn('identity', {
    name: 'id',
    type: 'bigint',
    primaryKeyConstraintName: 'order_events_pkey',
  })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'order_events_order_id_fkey' })
  order?: OrderEntity;

  @Column({ name: 'type', type: 'varchar', length: 32 })
  type!: OrderEventType;

  /** The workflow event of a transition (`sign`, `hold_expired`, …). */
  @Column({ name: 'event', type: 'varchar', length: 40, nullable: true })
  event!: string | null;

  @Column({ name: 'from_status', type: 'varchar', length: 24, nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 24, nullable: true })
  toStatus!: string | null;

  /** `customer:<id>`, `staff:<id>`, or `system:<part>`. */
  @Column({ name: 'actor', type: 'varchar', length: 100 })
  actor!: string;

  @Column({ name: 'reason', type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'data', type: 'jsonb', nullable: true })
  data!: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
