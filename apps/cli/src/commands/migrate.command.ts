import { Client } from 'pg';
import { runMigrations as runQueueMigrations } from 'bullmq';
import type { AppConfig } from '@haoma/config';
import { MIGRATIONS } from '@haoma/migrations';
import { createDataSource, ensureDatabase } from '@haoma/db';

/** Creates the database if needed and applies every pending migration. */
export async function migrateCommand(config: AppConfig): Promise<void> {
  if (await ensureDatabase(config.DATABASE_URL)) process.stdout.write('created database\n');
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: 2,
    applicationName: 'haoma-migrate',
    migrations: MIGRATIONS,
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      applied.length ? applied.map((m) => `applied ${m.name}\n`).join('') : 'migrations: up to date\n',
    );
  } finally {
    await dataSource.destroy();
  }
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
