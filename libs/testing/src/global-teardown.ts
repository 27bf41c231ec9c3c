import { onTestServer, runDatabasePrefix, testRunId } from './test-database';

/** After the run: drop its template and any database a suite did not drop (a failed afterAll). */
export default async function globalTeardown(): Promise<void> {
  const prefix = runDatabasePrefix(testRunId());
  await onTestServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
