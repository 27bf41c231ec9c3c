import type { EntityManager } from 'typeorm';

/** Published outbox rows are kept this long (to investigate, and to repair lost jobs), then deleted. */
export const OUTBOX_RETENTION_MS = 7 * 24 * 3600_000;
const DELETE_BATCH = 5_000;

/**
 * Deletes outbox rows published before `before`, in batches so that no statement holds many
 * locks or runs long. Unpublished rows are never deleted, however old. Returns the count.
 */
export async function pruneOutbox(manager: EntityManager, before: Date): Promise<number> {
  let deleted = 0;
  for (;;) {
    const [, count]: [unknown, number] = await manager.query(
      `DELETE FROM outbox_messages WHERE id IN (
         SELECT id FROM outbox_messages WHERE published_at < $1 ORDER BY id LIMIT $2)`,
      [before, DELETE_BATCH],
    );
    deleted += count;
    if (count < DELETE_BATCH) return deleted;
  }
}
