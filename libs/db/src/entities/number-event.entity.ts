import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The history of a number's status: every change after import, with who made it, why and
 * for which order. Append-only.
 */
@Entity({ name: 'number_events' })
@Index('number_events_number_idx', ['number', 'createdAt'])
export class NumberEventEntity {
  @PrimaryGeneratedColumn('identity', {
    name: 'id',
    type: 'bigint',
    primaryKeyConstraintName: 'number_events_pkey',
  })
  id!: string;

  @Column({ name: 'number', type: 'varchar', length: 10, collation: 'C' })
  number!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16 })
  fromStatus!: string;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus!: string;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId!: string | null;

  /** A staff account, a customer, or `system:<part>` for the worker. */
  @Column({ name: 'actor', type: 'varchar', length: 100 })
  actor!: string;

  @Column({ name: 'reason', type: 'text', nullable: true })
  reason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
