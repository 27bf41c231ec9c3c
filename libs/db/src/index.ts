export * from './entities';
export { createDataSource, dataSourceOptions, type DatabaseOptions } from './data-source';
export { pendingSchemaChanges } from './schema-drift';
export { databaseNameOf, ensureDatabase, withDatabase } from './database-admin';
export { releaseExpiredHolds } from './repositories/number-holds';
export { DatabaseModule } from './database.module';
