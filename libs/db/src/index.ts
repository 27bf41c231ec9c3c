export * from './entities';
export { createDataSource, dataSourceOptions, type DatabaseOptions } from './data-source';
export { pendingSchemaChanges } from './schema-drift';
export { ensureDatabase } from './database-admin';
export { releaseExpiredHolds } from './repositories/number-holds';
export { DatabaseModule } from './database.module';
export { migrateDatabase } from './migrate-database';
