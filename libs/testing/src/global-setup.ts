import { Client } from 'pg';
import { createDataSource, withDatabase } from '@haoma/db';
import { TEMPLATE_DATABASE, TEST_DATABASE_URL, dropDatabase } from './test-database';

/**
 * Once per Jest run: migrate a fresh template database that every suite clones, and drop
 * databases that earlier, interrupted runs left behind.
 */
export default async function globalSetup(): Promise<void> {
  const client = new Client({ connectionString: withDatabase(TEST_DATABASE_URL, 'postgres') });
  await client.connect();
  try {
    const base = new URL(TEST_DATABASE_URL).pathname.slice(1);
    const stale = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2`,
      [`${base}\\_%`, TEMPLATE_DATABASE],
    );
    for (const { datname } of stale.rows) {
      // A database of a run still going on (another Jest process) would be in use: skip it.
      await client.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
  await dropDatabase(TEMPLATE_DATABASE);
  const admin = new Client({ connectionString: withDatabase(TEST_DATABASE_URL, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`).finally(() => admin.end());
  const dataSource = createDataSource({ url: withDatabase(TEST_DATABASE_URL, TEMPLATE_DATABASE), poolSize: 1 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
