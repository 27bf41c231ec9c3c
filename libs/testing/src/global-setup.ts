import { DataSource } from 'typeorm';
import { withDatabase } from '@haoma/config';
import { MIGRATIONS, MIGRATIONS_TABLE } from '@haoma/migrations';
import { TEMPLATE_DATABASE, TEST_DATABASE_URL, dropDatabase, onTestServer } from './test-database';

/**
 * Once per Jest project run: migrate a fresh template database that every suite clones,
 * and drop the test databases that earlier, interrupted runs left behind.
 */
export default async function globalSetup(): Promise<void> {
  const base = new URL(TEST_DATABASE_URL).pathname.slice(1);
  await onTestServer(async (client) => {
    const stale = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2`,
      [`${base}\\_%`, TEMPLATE_DATABASE],
    );
    for (const { datname } of stale.rows) {
      // A database still in use belongs to a run going on elsewhere: leave it.
      await client.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
    }
  });
  await dropDatabase(TEMPLATE_DATABASE);
  await onTestServer((client) => client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`));
  // Migrations only, no entities: the testing library stays below the db library.
  const dataSource = new DataSource({
    type: 'postgres',
    url: withDatabase(TEST_DATABASE_URL, TEMPLATE_DATABASE),
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
