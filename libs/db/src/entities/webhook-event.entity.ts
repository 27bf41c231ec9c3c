import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A provider event as received, stored under the provider's own id before anything is done
 * with it: a redelivery is a no-op insert, and the worker applies each stored event once.
 */
@Entity({ name: 'webhook_events' })
@Index('webhook_events_unprocessed_idx', ['receivedAt'], { where: `"processed_at" IS NULL` })
export class WebhookEventEntity {
  /** `<provider>:<event id>`, e.g. `stripe:evt_…`. */
  @PrimaryColumn({
    name: 'id',
    type: 'varchar',
    length: 300,
    primaryKeyConstraintName: 'webhook_events_pkey',
  })
  id!: string;

  @Column({ name: 'provider', type: 'varchar', length: 16 })
  provider!: string;

  @Column({ name: 'type', type: 'varchar', length: 100 })
  type!: string;

  /** The object the event is about (checkout session, refund, charge id), for lookups. */
  @Column({ name: 'object_id', type: 'varchar', length: 255, nullable: true })
  objectId!: string | null;

  @Column({ name: 'payload', type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;

  /** What applying it did (`applied`, `ignored: <why>`, `duplicate`), for support. */
  @Column({ name: 'outcome', type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts!: number;
}
