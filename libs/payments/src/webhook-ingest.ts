import type { DataSource } from 'typeorm';
import type { VerifiedWebhookEvent } from './webhook-verification';

export interface IngestResult {
  /** `<provider>:<event id>`, the webhook_events key. */
  webhookEventId: string;
  /** True when the event was stored before: nothing was done this time. */
  duplicate: boolean;
}

/**
 * Stores a verified provider event under its own id and, only when it is new, queues its
 * application through the outbox — in one statement, so atomically and in one round trip
 * (ingest is what a burst of Stripe deliveries hits): a redelivery inserts nothing and
 * returns no row. Nothing here touches the queue (Redis may be down; the worker's relay
 * publishes when it can). Every event type is stored, known or not: the worker records
 * unknown ones as ignored, so support can see everything Stripe sent.
 */
export async function ingestWebhookEvent(
  dataSource: DataSource,
  provider: string,
  event: VerifiedWebhookEvent,
): Promise<IngestResult> {
  const webhookEventId = `${provider}:${event.id}`;
  const queued: unknown[] = await dataSource.query(
    `WITH stored AS (
       INSERT INTO webhook_events (id, provider, type, object_id, payload)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id)
     INSERT INTO outbox_messages (job_name, payload)
     SELECT 'apply-webhook-event', jsonb_build_object('webhookEventId', id) FROM stored
     RETURNING id`,
    [webhookEventId, provider, event.type, event.objectId, JSON.stringify(event.payload)],
  );
  return { webhookEventId, duplicate: queued.length === 0 };
}
