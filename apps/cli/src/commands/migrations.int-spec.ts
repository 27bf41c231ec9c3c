import { DataSource } from 'typeorm';
import { createDataSource, pendingSchemaChanges } from '@haoma/db';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { MIGRATIONS } from '@haoma/migrations';

// Lives with the CLI, which owns migrate and migration-generate (and may import every layer).
describe('migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource({ url: db.url, poolSize: 2, migrations: MIGRATIONS });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('agree with the entities: a generated migration would be empty', async () => {
    const { up } = await pendingSchemaChanges(dataSource);
    expect(up).toEqual([]);
  });

  it('are all applied and listed in order', async () => {
    const applied = await dataSource.query(`SELECT name FROM typeorm_migrations ORDER BY id`);
    expect(applied.map((r: { name: string }) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('revert down to nothing and apply again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'`,
    );
    expect(tables).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await pendingSchemaChanges(dataSource)).up).toEqual([]);
  });
});
