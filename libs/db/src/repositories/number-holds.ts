import type { EntityManager } from 'typeorm';
import { HOLDING_ORDER_STATUSES } from '@haoma/domain';

const holdingStatuses = HOLDING_ORDER_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * Returns orphaned expired holds to sale: numbers still `held` whose hold ran out and whose
 * holder is not an order still holding them (no such order, or one already closed), each
 * change recorded in number_events with the order that held it. A number whose order still
 * holds it is left to that order's expiry (the transition service), so number and order
 * always change together. Rows are locked and re-checked in the same statement, so a hold
 * extended or converted meanwhile is left alone, and two sweepers never release (or record)
 * the same number twice. Returns the numbers released.
 */
export async function releaseExpiredHolds(
  manager: EntityManager,
  actor: string,
  now: Date = new Date(),
): Promise<string[]> {
  const rows: { number: string }[] = await manager.query(
    `WITH expired AS (
       SELECT number, holder_order_id FROM numbers n
        WHERE status = 'held' AND held_until <= $1
          AND NOT EXISTS (SELECT 1 FROM orders o
                           WHERE o.id = n.holder_order_id AND o.status IN (${holdingStatuses}))
        FOR UPDATE OF n SKIP LOCKED),
     released AS (
       UPDATE numbers n
          SET status = 'available', holder_order_id = NULL, held_until = NULL,
              status_changed_at = $1, updated_at = $1
         FROM expired e
        WHERE n.number = e.number
        RETURNING n.number, e.holder_order_id),
     recorded AS (
       INSERT INTO number_events (number, from_status, to_status, order_id, actor, reason, created_at)
       SELECT number, 'held', 'available', holder_order_id, $2, 'hold expired', $1 FROM released)
     SELECT number FROM released`,
    [now, actor],
  );
  return rows.map((r) => r.number).sort();
}
