import type { EntityManager } from 'typeorm';

/**
 * Returns expired holds to sale: numbers still `held` whose hold ran out, each change
 * recorded in number_events with the order that held it. Rows are locked and re-checked in
 * the same statement, so a hold extended or converted meanwhile is left alone, and two
 * sweepers never release (or record) the same number twice. Returns the numbers released.
 */
export async function releaseExpiredHolds(
  manager: EntityManager,
  actor: string,
  now: Date = new Date(),
): Promise<string[]> {
  const rows: { number: string }[] = await manager.query(
    `WITH expired AS (
       SELECT number, holder_order_id FROM numbers
        WHERE status = 'held' AND held_until <= $1
        FOR UPDATE SKIP LOCKED),
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
