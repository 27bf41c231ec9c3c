import { MIGRATIONS } from '@haoma/migrations';
import { createDataSource } from './data-source';

/** Applies every pending migration to the database at `url`; returns the names applied. */
export async function migrateDatabase(url: string, applicationName = 'haoma-migrate'): Promise<string[]> {
  const dataSource = createDataSource({ url, poolSize: 1, applicationName, migrations: MIGRATIONS });
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
