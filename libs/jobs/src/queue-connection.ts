import type { QueueOptions } from 'bullmq';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { AppConfig } from '@haoma/config';

/** Redis connection options from a redis:// or rediss:// URL. */
export function redisConnectionOf(url: string): {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls?: Record<string, never>;
} {
  const u = new URL(url);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0)
    throw new Error(`REDIS_URL: database "${u.pathname.slice(1)}" is not a number`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * The one place the BullMQ connection is built. `QUEUE_BACKEND=postgres` switches the whole
 * process to BullMQ's PostgreSQL backend (queues in their own schema of the shop's database),
 * so a small shop can run without Redis.
 */
export function queueConnectionOptions(config: AppConfig): QueueOptions {
  if (config.QUEUE_BACKEND === 'postgres') {
    setDefaultBackendFactory(createPostgresBackend);
    return {
      connection: { connectionString: config.DATABASE_URL, schema: config.QUEUE_PREFIX, max: 5 },
      prefix: config.QUEUE_PREFIX,
    } as unknown as QueueOptions;
  }
  setDefaultBackendFactory(undefined);
  return { connection: redisConnectionOf(config.REDIS_URL), prefix: config.QUEUE_PREFIX };
}
