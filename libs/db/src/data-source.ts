import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS_TABLE } from '@haoma/migrations';
import { ENTITIES } from './entities';

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** Per-statement limit in ms; unset for the CLI's long imports. */
  statementTimeoutMs?: number;
  applicationName?: string;
  /** Only the CLI and the test setup run migrations; the apps never do. */
  migrations?: DataSourceOptions['migrations'];
}

/**
 * The options of the one DataSource used by the apps, the CLI and the tests. The schema
 * is never synchronized: migrations are the only way it changes.
 */
export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: options.migrations ?? [],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'haoma',
      ...(options.statementTimeoutMs === undefined ? {} : { statement_timeout: options.statementTimeoutMs }),
    },
  };
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}
