import type { DataSource } from 'typeorm';

/**
 * The SQL a generated migration would contain for this DataSource: empty when the entities
 * and the migrations agree.
 */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query) };
}
