import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { dataSourceOptions } from './data-source';

/** The DataSource for a Nest app, from the validated config. */
@Module({})
export class DatabaseModule {
  static forRoot(options: { applicationName: string; statementTimeout: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            dataSourceOptions({
              url: config.DATABASE_URL,
              poolSize: config.DATABASE_POOL_SIZE,
              applicationName: options.applicationName,
              ...(options.statementTimeout
                ? { statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS }
                : {}),
            }),
        }),
      ],
    };
  }
}
