import { DataSource } from 'typeorm';
import { withDatabase } from '@haoma/config';
import { MIGRATIONS, MIGRATIONS_TABLE } from '@haoma/migrations';
import {
  TEST_DATABASE_URL,
  dropDatabase,
  newTestRunId,
  onTestServer,
  runStartedAt,
  templateDatabase,
} from './test-database';

/** A run older than this is over (interrupted): its databases may go. */
const STALE_AFTER_MS = 6 * 3600_000;

/**
 * Once per Jest project run: migrate a fresh template database that every suite of this run
 * clones, and drop what runs interrupted long ago left behind. Databases of a run going on
 * elsewhere (same server, another process) are never touched.
 */
export default async function globalSetup(): Promise<void> {
  const runId = newTestRunId();
  process.env['HAOMA_TEST_RUN'] = runId;
  const base = new URL(TEST_DATABASE_URL).pathname.slice(1);
  await onTestServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${base}\\_%`],
    );
    for (const { datname } of rows) {
      const started = runStartedAt(datname);
      if (started !== undefined && Date.now() - started > STALE_AFTER_MS) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
      }
    }
  });
  const template = templateDatabase(runId);
  await dropDatabase(template);
  await onTestServer((client) => client.query(`CREATE DATABASE "${template}"`));
  // Migrations only, no entities: the testing library stays below the db library.
  const dataSource = new DataSource({
    type: 'postgres',
    url: withDatabase(TEST_DATABASE_URL, template),
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
