import type { EntityManager } from 'typeorm';

/** One message to record: to whom, rendered, and the key that makes it once-only. */
export interface MessageToRecord {
  /** Unique per cause and template: recording it again adds nothing. */
  dedupeKey: string;
  template: string;
  recipient: string;
  subject: string;
  body: string;
}

/**
 * Records messages about an order (or none) in the caller's transaction, each at most once
 * (notifications.dedupe_key is unique). Returns the ids newly recorded, and the ids of those
 * messages still waiting to be sent — also ones recorded by an earlier run that never sent
 * them, so a retried job enqueues what a crash left behind.
 */
export async function recordMessages(
  manager: EntityManager,
  orderId: string | null,
  messages: readonly MessageToRecord[],
): Promise<{ recorded: string[]; pending: string[] }> {
  if (messages.length === 0) return { recorded: [], pending: [] };
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO notifications (order_id, dedupe_key, template, recipient, subject, body)
     SELECT $1, m.key, m.template, m.recipient, m.subject, m.body
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
            AS m(key, template, recipient, subject, body)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [
      orderId,
      messages.map((m) => m.dedupeKey),
      messages.map((m) => m.template),
      messages.map((m) => m.recipient),
      messages.map((m) => m.subject),
      messages.map((m) => m.body),
    ],
  );
  const pending: { id: string }[] = await manager.query(
    `SELECT id FROM notifications WHERE dedupe_key = ANY($1) AND status = 'pending' ORDER BY dedupe_key`,
    [messages.map((m) => m.dedupeKey)],
  );
  return { recorded: inserted.map((row) => String(row.id)), pending: pending.map((row) => String(row.id)) };
}

/** Records one message once; returns its id when this call recorded it, else null. */
export async function recordMessage(
  manager: EntityManager,
  orderId: string | null,
  message: MessageToRecord,
): Promise<string | null> {
  const { recorded } = await recordMessages(manager, orderId, [message]);
  return recorded[0] ?? null;
}
