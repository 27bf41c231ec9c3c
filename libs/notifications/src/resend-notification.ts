import type { EntityManager } from 'typeorm';

export interface ResentNotification {
  id: string;
  originalId: string;
  dedupeKey: string;
  /** Which resend of the original this is (1 for the first). */
  attempt: number;
  recipient: string;
  template: string;
  /** The original's status when it was copied. */
  originalStatus: string;
}

/** The dedupe key of the `attempt`-th resend of notification `originalId`. */
export function resendDedupeKey(originalId: string, attempt: number): string {
  return `resend:${originalId}:${attempt}`;
}

/**
 * Records, in the caller's transaction, a copy of one of the order's messages (same
 * recipient, subject and body, as it was sent) to send again, keyed `resend:<original>:<n>`.
 * The original is locked, so two resends at once number themselves 1 and 2. Null when the
 * message is not the order's. The caller appends its `send-notification` job.
 */
export async function resendNotification(
  manager: EntityManager,
  command: { orderId: string; notificationId: string },
): Promise<ResentNotification | null> {
  const originals: { id: string; status: string; template: string; recipient: string }[] =
    await manager.query(
      `SELECT id, status, template, recipient FROM notifications WHERE id = $1 AND order_id = $2 FOR UPDATE`,
      [command.notificationId, command.orderId],
    );
  const original = originals[0];
  if (!original) return null;
  const counted: { n: number }[] = await manager.query(
    `SELECT count(*)::int AS n FROM notifications WHERE dedupe_key LIKE $1`,
    [`resend:${original.id}:%`],
  );
  const attempt = (counted[0]?.n ?? 0) + 1;
  const dedupeKey = resendDedupeKey(original.id, attempt);
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO notifications (order_id, dedupe_key, template, channel, recipient, subject, body)
     SELECT order_id, $2, template, channel, recipient, subject, body FROM notifications WHERE id = $1
     RETURNING id`,
    [original.id, dedupeKey],
  );
  return {
    id: String(inserted[0]?.id),
    originalId: original.id,
    dedupeKey,
    attempt,
    recipient: original.recipient,
    template: original.template,
    originalStatus: original.status,
  };
}
