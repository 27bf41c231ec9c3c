import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseNameOf, withDatabase } from '@haoma/config';

/** The server and base name the tests use; never the demo database. */
export const TEST_DATABASE_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/haoma_test';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/15';
const BASE = databaseNameOf(TEST_DATABASE_URL);

/**
 * This Jest run's id: the start time (base 36, so names sort and age can be read back) and
 * the pid. The global setup makes it and hands it to the workers through the environment,
 * so concurrent runs on one server never drop each other's databases.
 */
export function testRunId(): string {
  const id = process.env['HAOMA_TEST_RUN'];
  if (!id)
    throw new Error('HAOMA_TEST_RUN is not set: run the tests through Jest (its global setup sets it)');
  return id;
}

export function newTestRunId(now = Date.now()): string {
  return `${now.toString(36)}_${process.pid}`;
}

/** Names of this run's databases: `<base>_r<run>_…`. */
export const runDatabasePrefix = (runId: string): string => `${BASE}_r${runId}`;
export const templateDatabase = (runId: string): string => `${runDatabasePrefix(runId)}_tpl`;

/** When a run whose databases are named with `prefix` started, or undefined for other names. */
export function runStartedAt(name: string): number | undefined {
  const match = new RegExp(`^${BASE}_r([0-9a-z]+)_`).exec(name);
  return match?.[1] === undefined ? undefined : parseInt(match[1], 36);
}

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
  const runId = testRunId();
  const name = `${runDatabasePrefix(runId)}_${randomBytes(4).toString('hex')}`;
  await onTestServer((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase(runId)}"`));
  return { name, url: withDatabase(TEST_DATABASE_URL, name), drop: () => dropDatabase(name) };
}
