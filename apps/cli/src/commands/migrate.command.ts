import { Client } from 'pg';
import { runMigrations as runQueueMigrations } from 'bullmq';
import type { AppConfig } from '@haoma/config';
import { ensureDatabase, migrateDatabase } from '@haoma/db';

/** Creates the database if needed and applies every pending migration. */
export async function migrateCommand(config: AppConfig): Promise<void> {
  if (await ensureDatabase(config.DATABASE_URL)) process.stdout.write('created database\n');
  const applied = await migrateDatabase(config.DATABASE_URL);
  process.stdout.write(
    applied.length ? applied.map((m) => `applied ${m}\n`).join('') : 'migrations: up to date\n',
  );
  if (config.QUEUE_BACKEND === 'postgres') {
    // BullMQ's own tables, in their own schema: created here, never at a worker's boot.
    const client = new Client({ connectionString: config.DATABASE_URL });
    await client.connect();
    try {
      const version = await runQueueMigrations(client, config.QUEUE_PREFIX);
      process.stdout.write(`queue schema "${config.QUEUE_PREFIX}": version ${version}\n`);
    } finally {
      await client.end();
    }
  }
}
