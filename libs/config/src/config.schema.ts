import { z } from 'zod';

/**
 * Every environment variable the shop reads, with its documented default. This file and
 * `load-config.ts` are the only code that looks at `process.env`.
 */
export const CONFIG_SCHEMA = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** PostgreSQL connection string; the source of truth. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgres://postgres@127.0.0.1:5432/haoma'),
  /** Redis connection string for BullMQ (ignored when QUEUE_BACKEND=postgres). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379/0'),
  /** Where BullMQ keeps its queues: `redis` (default) or `postgres` (BullMQ 6's PostgreSQL backend). */
  QUEUE_BACKEND: z.enum(['redis', 'postgres']).default('redis'),
  /** Key prefix (Redis) or schema (PostgreSQL) of the queues, so several environments can share a server. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,40}$/, 'lower-case letters, digits and _')
    .default('haoma'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public base URL printed at start and used in links. */
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  /** Largest number of database connections one process opens. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Statement timeout for API queries, in milliseconds: no query runs unbounded. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** How long a number stays held for one order, in minutes. */
  HOLD_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** How often the worker's sweeper releases expired holds, in seconds. */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /**
   * Requests one client (IP address) may make to the API in any 60 s; `/health` and `/docs`
   * are exempt. 600 leaves a browser plenty of room; 0 turns the limit off (benchmarks, a
   * gateway that limits already). Capped because the in-memory store keeps one timestamp
   * per counted request.
   */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(600),
} as const;

export const configSchema = z.object(CONFIG_SCHEMA);

export type AppConfig = z.infer<typeof configSchema>;
