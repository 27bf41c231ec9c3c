// The search benchmark's database: every number of the six blocks, imported the way
// `npm run inventory -- import` does it, with a deterministic ~5 % held (see bench/SEARCH.md).
import { Client } from 'pg';
import { withDatabase } from '@haoma/config';
import { seedCatalog } from '@haoma/catalog';
import { createDataSource, migrateDatabase } from '@haoma/db';
import { BLOCKS } from '@haoma/domain';
import { BLOCK_SIZE, importNumbersInWorker } from '@haoma/inventory';

export const SEARCH_BENCH_DATABASE = 'haoma_bench_search';
export const BLOCK_CODES: readonly string[] = BLOCKS.map((b) => b.block).sort();
export const INVENTORY_SIZE = BLOCK_CODES.length * BLOCK_SIZE;

// Which numbers are held, from a hash of the number (stable across runs, not tied to any
// digit pattern): 5 % held by a running hold, 0.5 % by a hold that has run out but was not
// swept yet (for sale again: the API and the floor must both count it as available).
const HASH = `abs(hashtext("number")::bigint)`;
const HELD_WHERE = `${HASH} % 1000 < 50`;
const EXPIRED_WHERE = `${HASH} % 1000 BETWEEN 50 AND 54`;
const HOLD_DAYS = 30;

export interface BenchDatabaseInfo {
  url: string;
  rows: number;
  held: number;
  expiredHolds: number;
  available: number;
  /** What was done: `reused`, or `built` with the seconds the import took. */
  built: boolean;
  importSeconds: number | null;
}

type Log = (message: string) => void;

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'haoma-bench-search-setup' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(serverUrl: string): Promise<boolean> {
  return withClient(withDatabase(serverUrl, 'postgres'), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      SEARCH_BENCH_DATABASE,
    ]);
    return (rowCount ?? 0) > 0;
  });
}

async function migrateAndSeed(url: string): Promise<void> {
  await migrateDatabase(url, 'haoma-bench-search-setup');
  const dataSource = createDataSource({ url, poolSize: 1, applicationName: 'haoma-bench-search-setup' });
  await dataSource.initialize();
  try {
    await seedCatalog(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

interface Counts {
  rows: number;
  held: number;
  expired: number;
  available: number;
  /** Earliest end of a running hold, ms since the epoch (null: none). */
  soonestHoldEndMs: number | null;
}

async function counts(url: string): Promise<Counts> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{
      rows: number;
      held: number;
      expired: number;
      available: number;
      soonest: string | null;
    }>(`SELECT count(*)::int AS rows,
               count(*) FILTER (WHERE status = 'held' AND held_until > now())::int AS held,
               count(*) FILTER (WHERE status = 'held' AND held_until <= now())::int AS expired,
               count(*) FILTER (WHERE status = 'available')::int AS available,
               (extract(epoch FROM min(held_until) FILTER (WHERE held_until > now())) * 1000)::bigint::text AS soonest
          FROM numbers`);
    const row = rows[0];
    if (!row) throw new Error('count query returned no row');
    return {
      rows: row.rows,
      held: row.held,
      expired: row.expired,
      available: row.available,
      soonestHoldEndMs: row.soonest === null ? null : Number(row.soonest),
    };
  });
}

async function importAll(url: string, log: Log): Promise<number> {
  const started = process.hrtime.bigint();
  for (const block of BLOCK_CODES) {
    const summary = await importNumbersInWorker(
      url,
      { kind: 'generate', options: { block, count: BLOCK_SIZE } },
      { source: `bench:search:${block}`, startedBy: 'bench' },
    );
    if (summary.rejected > 0 || summary.added + summary.skipped !== BLOCK_SIZE) {
      throw new Error(`import of block ${block} went wrong: ${JSON.stringify(summary)}`);
    }
    log(`imported block ${block}: ${summary.added} added in ${(summary.durationMs / 1000).toFixed(1)} s`);
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

// Both CHECKs of a hold: status 'held' needs a holder and an expiry. The update trigger
// announces each row to the API's listener; no API listens to this database while it runs.
async function holdSome(url: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query('BEGIN');
    await client.query(
      `UPDATE numbers SET status = 'held', holder_order_id = gen_random_uuid(),
              held_until = now() + interval '${HOLD_DAYS} days', status_changed_at = now()
        WHERE status = 'available' AND ${HELD_WHERE}`,
    );
    await client.query(
      `UPDATE numbers SET status = 'held', holder_order_id = gen_random_uuid(),
              held_until = now() - interval '1 hour', status_changed_at = now()
        WHERE status = 'available' AND ${EXPIRED_WHERE}`,
    );
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE numbers');
  });
}

// Running holds must outlast the run, or the API would free them (and the floor too) mid-way.
async function extendHolds(url: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(
      `UPDATE numbers SET held_until = now() + interval '${HOLD_DAYS} days'
        WHERE status = 'held' AND held_until > now()`,
    );
    await client.query('VACUUM ANALYZE numbers');
  });
}

/**
 * A populated bench database on the server of `serverUrl`: reused when it holds the whole
 * inventory, else (or with `fresh`) dropped, migrated, seeded, imported and partly held.
 */
export async function prepareBenchDatabase(
  serverUrl: string,
  fresh: boolean,
  log: Log,
): Promise<BenchDatabaseInfo> {
  const url = withDatabase(serverUrl, SEARCH_BENCH_DATABASE);
  let importSeconds: number | null = null;
  let built = false;
  if (!fresh && (await databaseExists(serverUrl))) {
    await migrateAndSeed(url);
    const found = await counts(url);
    const ok = found.rows === INVENTORY_SIZE && found.held > 0 && found.expired > 0;
    if (ok) {
      if (found.soonestHoldEndMs !== null && found.soonestHoldEndMs < Date.now() + 24 * 3600_000) {
        log('extending the holds');
        await extendHolds(url);
      }
      log(`reusing ${SEARCH_BENCH_DATABASE} (${found.rows} numbers; --fresh rebuilds it)`);
    } else {
      log(`${SEARCH_BENCH_DATABASE} is incomplete (${found.rows} numbers): rebuilding`);
      fresh = true;
    }
  } else {
    fresh = true;
  }
  if (fresh) {
    const admin = withDatabase(serverUrl, 'postgres');
    await withClient(admin, (c) =>
      c.query(`DROP DATABASE IF EXISTS "${SEARCH_BENCH_DATABASE}" WITH (FORCE)`),
    );
    await withClient(admin, (c) => c.query(`CREATE DATABASE "${SEARCH_BENCH_DATABASE}"`));
    await migrateAndSeed(url);
    log(`importing ${INVENTORY_SIZE} numbers into ${SEARCH_BENCH_DATABASE}`);
    importSeconds = await importAll(url, log);
    log('holding ~5 % of them');
    await holdSome(url);
    built = true;
  }
  const found = await counts(url);
  if (found.rows !== INVENTORY_SIZE)
    throw new Error(`expected ${INVENTORY_SIZE} numbers, found ${found.rows}`);
  return {
    url,
    rows: found.rows,
    held: found.held,
    expiredHolds: found.expired,
    available: found.available,
    built,
    importSeconds,
  };
}
