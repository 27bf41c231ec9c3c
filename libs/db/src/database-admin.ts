import { Client } from 'pg';
import { databaseNameOf, withDatabase } from '@haoma/config';

/** Creates the URL's database when it does not exist yet (connecting to `postgres`). Returns true if created. */
export async function ensureDatabase(url: string, template?: string): Promise<boolean> {
  const name = databaseNameOf(url);
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return false;
    const templateClause = template ? ` TEMPLATE "${databaseNameOf(withDatabase(url, template))}"` : '';
    try {
      await client.query(`CREATE DATABASE "${name}"${templateClause}`);
    } catch (error) {
      // Another process created it between our check and our CREATE: that is what we wanted.
      if ((error as { code?: string }).code === '42P04') return false;
      throw error;
    }
    return true;
  } finally {
    await client.end();
  }
}
