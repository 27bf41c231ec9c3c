import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ServiceEntity } from './service.entity';

/**
 * The timeline of a live service, append-only: activation, every status change and
 * re-verification, and each reminder's step, with who caused it and when.
 */
@Entity({ name: 'service_events' })
@Index('service_events_service_idx', ['serviceId', 'id'])
export class ServiceEventEntity {
  @PrimaryGeneratedColumn('identity', {
    name: 'id',
    type: 'bigint',
    primaryKeyConstraintName: 'service_events_pkey',
  })
  id!: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  @ManyToOne(() => ServiceEntity)
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'service_events_service_id_fkey' })
  service?: ServiceEntity;

  @Column({ name: 'event', type: 'varchar', length: 40 })
  event!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus!: string;

  @Column({ name: 'actor', type: 'varchar', length: 100 })
  actor!: string;

  @Column({ name: 'reason', type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'data', type: 'jsonb', nullable: true })
  data!: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
