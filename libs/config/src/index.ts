export { CONFIG_SCHEMA, configSchema, paymentsProviderOf, type AppConfig } from './config.schema';
export { ConfigError, parseConfig, loadConfigOrExit } from './load-config';
export { APP_CONFIG, ConfigModule } from './config.module';
export { databaseNameOf, withDatabase } from './database-url';
export { parseDuration } from './duration';
