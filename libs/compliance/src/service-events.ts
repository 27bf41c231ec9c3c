import type { EntityManager } from 'typeorm';
import { appendOutbox } from '@haoma/orders';

/** One row of a service's timeline. */
export interface ServiceEventRecord {
  serviceId: string;
  event: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  reason?: string | null;
  data?: Record<string, unknown> | null;
  at: Date;
}

/**
 * Appends a row to a service's timeline and, in the same transaction, the outbox row that
 * announces it (`service-event-recorded`: the customer's messages, the carrier's line).
 * Returns the row id.
 */
export async function recordServiceEvent(
  manager: EntityManager,
  record: ServiceEventRecord,
): Promise<string> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO service_events (service_id, event, from_status, to_status, actor, reason, data, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      record.serviceId,
      record.event,
      record.fromStatus,
      record.toStatus,
      record.actor,
      record.reason ?? null,
      record.data ? JSON.stringify(record.data) : null,
      record.at,
    ],
  );
  const serviceEventId = String(rows[0]?.id);
  await appendOutbox(manager, 'service-event-recorded', { serviceId: record.serviceId, serviceEventId });
  return serviceEventId;
}
