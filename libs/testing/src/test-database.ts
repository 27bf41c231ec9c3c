import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseNameOf, withDatabase } from '@haoma/config';

/** The server and base name the tests use; never the demo database. */
export const TEST_DATABASE_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/haoma_test';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/15';
export const TEMPLATE_DATABASE = `${databaseNameOf(TEST_DATABASE_URL)}_template`;

/** Runs `fn` on a connection to the test server's `postgres` database. */
export async function onTestServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(TEST_DATABASE_URL, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await onTestServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database cloned from the migrated template (made once per run by the global
 * setup): each suite gets its own, so suites never see each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${databaseNameOf(TEST_DATABASE_URL)}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onTestServer((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`));
  return { name, url: withDatabase(TEST_DATABASE_URL, name), drop: () => dropDatabase(name) };
}
