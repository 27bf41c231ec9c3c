import type { EntityManager } from 'typeorm';

// The timeline events that end an order before a decision could be made.
const ENDING_EVENTS = ['cancel', 'documents_deadline_passed'];

/**
 * Follows an order's timeline row: when it cancelled the order, the order's undecided
 * submission is withdrawn (it leaves the reviewer queue). Idempotent: a second run finds
 * nothing open.
 */
export async function withdrawSubmissionsFor(
  manager: EntityManager,
  orderEventId: string,
  now: Date = new Date(),
): Promise<{ outcome: 'withdrawn'; submissionIds: string[] } | { outcome: 'none' }> {
  const events: { order_id: string; event: string | null }[] = await manager.query(
    `SELECT order_id, event FROM order_events WHERE id = $1 AND type = 'transition'`,
    [orderEventId],
  );
  const event = events[0];
  if (!event?.event || !ENDING_EVENTS.includes(event.event)) return { outcome: 'none' };
  const rows: { id: string }[] = await manager.query(
    `WITH withdrawn AS (
       UPDATE verification_submissions SET status = 'withdrawn', updated_at = $2
        WHERE order_id = $1 AND status IN ('prechecking', 'awaiting_review') RETURNING id)
     SELECT id FROM withdrawn`,
    [event.order_id, now],
  );
  return rows.length ? { outcome: 'withdrawn', submissionIds: rows.map((r) => r.id) } : { outcome: 'none' };
}
