import type { EntityManager } from 'typeorm';

/**
 * Returns expired holds to sale: numbers still `held` whose hold ran out. Only rows that
 * are still held and expired are touched, so a hold extended or converted meanwhile is
 * left alone. Returns the numbers released.
 */
export async function releaseExpiredHolds(manager: EntityManager, now: Date = new Date()): Promise<string[]> {
  const rows: { number: string }[] = await manager.query(
    // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
    `WITH released AS (
       UPDATE numbers
          SET status = 'available', holder_order_id = NULL, held_until = NULL,
              status_changed_at = $1, updated_at = $1
        WHERE status = 'held' AND held_until <= $1
        RETURNING number)
     SELECT number FROM released`,
    [now],
  );
  return rows.map((r) => r.number).sort();
}
