import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '@haoma/config';
import { MIGRATIONS } from '@haoma/migrations';
import { createDataSource, pendingSchemaChanges } from '@haoma/db';

/**
 * Writes a migration with the SQL that brings the database at DATABASE_URL (migrated) in
 * line with the entities. The file is a draft to review, then list in migrations/index.ts.
 */
export async function migrationGenerateCommand(config: AppConfig, name: string | undefined): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('usage: migration-generate <PascalCaseName>');
  const dataSource = createDataSource({ url: config.DATABASE_URL, poolSize: 2, migrations: MIGRATIONS });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const { up, down } = await pendingSchemaChanges(dataSource);
    if (up.length === 0) {
      process.stdout.write('entities and migrations agree: nothing to generate\n');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const lines = (queries: string[]) =>
      queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
    const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down.slice().reverse())}
  }
}
`;
    const dir = join(process.cwd(), 'migrations');
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${timestamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
    await writeFile(file, source);
    process.stdout.write(`wrote ${file}\nreview it, then add ${className} to migrations/index.ts\n`);
  } finally {
    await dataSource.destroy();
  }
}
