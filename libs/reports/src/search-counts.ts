import type { EntityManager } from 'typeorm';

const HOUR_MS = 3_600_000;

/**
 * The hour bucket of an instant (UTC hours: China is a whole 8 hours off UTC, so they are
 * China's hours too).
 */
export const searchHourOf = (at: Date): Date => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);

/**
 * Adds batched search counts to `search_counts` in one statement: one row per hour,
 * incremented (`searches += n`), so API instances flushing at once never lose a count.
 */
export async function addSearchCounts(
  manager: EntityManager,
  counts: ReadonlyMap<number, number>,
): Promise<void> {
  const hours: string[] = [];
  const searches: number[] = [];
  for (const [hour, n] of counts) {
    if (n <= 0) continue;
    hours.push(new Date(hour).toISOString());
    searches.push(n);
  }
  if (!hours.length) return;
  await manager.query(
    `INSERT INTO search_counts (hour, searches)
     SELECT h, n FROM unnest($1::timestamptz[], $2::bigint[]) AS t(h, n)
     ON CONFLICT (hour) DO UPDATE SET searches = search_counts.searches + EXCLUDED.searches`,
    [hours, searches],
  );
}

/** Searches counted in [start, end). */
export async function searchesBetween(manager: EntityManager, start: Date, end: Date): Promise<number> {
  const rows: { n: string | null }[] = await manager.query(
    `SELECT sum(searches) AS n FROM search_counts WHERE hour >= $1 AND hour < $2`,
    [start, end],
  );
  return Number(rows[0]?.n ?? 0);
}
