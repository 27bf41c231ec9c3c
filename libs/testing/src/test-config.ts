import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type AppConfig } from '@haoma/config';
import { TEST_REDIS_URL } from './test-database';

/**
 * A configuration for one test: its own database, and its own queue prefix so that suites
 * sharing the Redis server never see each other's jobs.
 */
export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): AppConfig {
  return parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
    API_HOST: '127.0.0.1',
    API_PORT: '0',
    LOG_LEVEL: 'error',
    RATE_LIMIT_PER_MINUTE: '0',
    LOGIN_RATE_LIMIT_PER_MINUTE: '0',
    AUTH_SECRET: 'test-secret-test-secret-test-secret-x',
    // Each test's documents in a folder of its own.
    DOCUMENTS_DIR: join(tmpdir(), `haoma-documents-${randomBytes(5).toString('hex')}`),
    // The sandbox carrier answers at once and never fails unless a test asks it to.
    CARRIER_SANDBOX_DELAY: '0s',
    CARRIER_SANDBOX_REJECT_RATE: '0',
    CARRIER_SANDBOX_FAILURE_RATE: '0',
    CARRIER_SANDBOX_TIMEOUT_RATE: '0',
    ...overrides,
  });
}
