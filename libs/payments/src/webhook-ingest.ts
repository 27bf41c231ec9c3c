import type { DataSource } from 'typeorm';
import { appendOutbox } from '@haoma/orders';
import type { VerifiedWebhookEvent } from './webhook-verification';

export interface IngestResult {
  /** `<provider>:<event id>`, the webhook_events key. */
  webhookEventId: string;
  /** True when the event was stored before: nothing was done this time. */
  duplicate: boolean;
}

/**
 * Stores a verified provider event under its own id and, only when it is new, queues its
 * application through the outbox, in one transaction: a redelivery is a no-op, and nothing
 * here touches the queue (Redis may be down; the worker's relay publishes when it can).
 * Every event type is stored, known or not: the worker records unknown ones as ignored, so
 * support can see everything Stripe sent.
 */
export async function ingestWebhookEvent(
  dataSource: DataSource,
  provider: string,
  event: VerifiedWebhookEvent,
): Promise<IngestResult> {
  const webhookEventId = `${provider}:${event.id}`;
  return dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO webhook_events (id, provider, type, object_id, payload)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [webhookEventId, provider, event.type, event.objectId, JSON.stringify(event.payload)],
    );
    if (inserted.length === 0) return { webhookEventId, duplicate: true };
    await appendOutbox(manager, 'apply-webhook-event', { webhookEventId });
    return { webhookEventId, duplicate: false };
  });
}
