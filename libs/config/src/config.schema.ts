import { z } from 'zod';
import { durationList, durationMs } from './duration';

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
  /** How long a number stays held for one order (a duration: `30m`, `90s`), in ms once parsed. */
  HOLD_TTL: durationMs('30m', '10s', '24h'),
  /** How much one extension adds to a hold. */
  HOLD_EXTENSION: durationMs('15m', '10s', '24h'),
  /** How many times a customer may extend one hold. */
  HOLD_MAX_EXTENSIONS: z.coerce.number().int().min(0).max(10).default(1),
  /** Holds (orders not yet paid) one customer may have at once; stops squatting bots. */
  MAX_HOLDS: z.coerce.number().int().min(1).max(100).default(3),
  /** Secret that signs access tokens (HMAC-SHA256); required in production. */
  AUTH_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** Lifetime of an access token. */
  ACCESS_TOKEN_TTL: durationMs('15m', '10s', '24h'),
  /** Absolute lifetime of a login session, however often its refresh token rotates. */
  SESSION_TTL: durationMs('30d', '1m', '365d'),
  /** Failed logins in a row before an account is locked for a while. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** First lock-out; each further failure doubles it, up to LOGIN_LOCKOUT_MAX. */
  LOGIN_LOCKOUT: durationMs('1m', '1s', '24h'),
  LOGIN_LOCKOUT_MAX: durationMs('15m', '1s', '7d'),
  /** Login attempts one client (IP address) may make per minute, on top of the account lock-out. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(20),
  /** SMTP server for email (`smtp://user:pass@host:587`); unset writes each message to MAIL_DIR. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Haoma 号码 <no-reply@haoma.local>'),
  /** Folder that receives messages (one .eml file each) when no SMTP server is configured. */
  MAIL_DIR: z.string().min(1).default('.data/mail'),
  /** How often the outbox relay looks for rows a NOTIFY did not announce, in ms. */
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  /**
   * Who takes payments: `stripe` (needs STRIPE_SECRET_KEY) or `sandbox` (a local checkout page
   * that posts signed events to the webhook; refused in production). Default: stripe when a
   * key is set, else sandbox.
   */
  PAYMENTS_PROVIDER: z.enum(['stripe', 'sandbox']).optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'a Stripe secret key (sk_…)')
    .optional(),
  /** Webhook signing secrets, comma-separated: several are accepted while one is rotated. */
  STRIPE_WEBHOOK_SECRETS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^whsec_[A-Za-z0-9+/=_-]+$/, 'whsec_…')).min(1))
    .optional(),
  /** Where the Stripe client sends API calls (a local stand-in in tests); default Stripe's own. */
  STRIPE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** How long a customer has to submit documents once paid. */
  DOCUMENTS_DEADLINE: durationMs('15d', '1m', '365d'),
  /** Reminders before the document deadline, as durations before it (`7d,3d,1d`). */
  DOCUMENT_REMINDERS: durationList('7d,3d,1d'),
  /** After a rejection the customer has at least this long to resubmit (the deadline moves out if needed). */
  DOCUMENTS_RESUBMIT_WINDOW: durationMs('7d', '1m', '365d'),
  /** Largest document a customer may upload, in bytes (5 MB by default). */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .max(100 * 1_048_576)
    .default(5 * 1_048_576),
  /** Documents one customer may keep stored at once (attached or not). */
  UPLOAD_QUOTA_FILES: z.coerce.number().int().min(1).max(10_000).default(200),
  /** Bytes one customer may keep stored at once. */
  UPLOAD_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(1_048_576)
    .default(500 * 1_048_576),
  /** Uploads not attached to a dossier version within this long are deleted. */
  UPLOAD_ORPHAN_TTL: durationMs('24h', '1m', '30d'),
  /** Folder where document storage keeps the bytes; never under a served path. */
  DOCUMENTS_DIR: z.string().min(1).default('.data/documents'),
  /** Numbers one company (USCC) may hold before a multi-number proof (多号证明) is required. */
  MAX_NUMBERS_PER_COMPANY: z.coerce.number().int().min(1).max(1_000).default(3),
  /** An ID card must stay valid at least this long after submission. */
  ID_MIN_VALIDITY: durationMs('183d', '0s', '3650d'),
  /**
   * Which carrier gateway the worker submits to: `sandbox` (a local stand-in the worker
   * starts, refused in production) or `http` (CARRIER_API_URL).
   */
  CARRIER_PROVIDER: z.enum(['sandbox', 'http']).default('sandbox'),
  CARRIER_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  CARRIER_API_KEY: z.string().min(8).optional(),
  /** How long one call to the carrier may take before it counts as a (transient) failure. */
  CARRIER_TIMEOUT: durationMs('10s', '100ms', '5m'),
  /** First retry delay after a failed carrier call; doubles each time up to CARRIER_RETRY_MAX. */
  CARRIER_RETRY_BASE: durationMs('5s', '10ms', '1h'),
  CARRIER_RETRY_MAX: durationMs('10m', '10ms', '24h'),
  /** How often the worker asks the carrier about an application under review. */
  CARRIER_POLL_INTERVAL: durationMs('1m', '10ms', '24h'),
  /** Sandbox carrier: its port (0 picks a free one), review delay and failure rates (0..1). */
  CARRIER_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  CARRIER_SANDBOX_DELAY: durationMs('20s', '0s', '7d'),
  CARRIER_SANDBOX_REJECT_RATE: z.coerce.number().min(0).max(1).default(0.1),
  CARRIER_SANDBOX_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0.1),
  CARRIER_SANDBOX_TIMEOUT_RATE: z.coerce.number().min(0).max(1).default(0.02),
  /** A suspended service is terminated (销户) this long after suspension unless re-verified. */
  SUSPENSION_TERMINATE_AFTER: durationMs('90d', '1s', '3650d'),
  /** A terminated service's number rests this long before it returns to sale. */
  QUARANTINE_PERIOD: durationMs('90d', '0s', '3650d'),
  /** Identity records are kept this long after a service ends (MIIT Order 25: 2 years), then purged. */
  IDENTITY_RETENTION: durationMs('730d', '1m', '36500d'),
  /** Reminders before each compliance step (an expiry, a re-verification deadline, a termination). */
  COMPLIANCE_REMINDERS: durationList('30d,7d,1d'),
  /**
   * How newly paid orders get their salesperson: `round_robin` among active sales staff (the
   * one assigned least recently goes next), or `off` (assigned by hand).
   */
  ORDER_ASSIGNMENT: z.enum(['round_robin', 'off']).default('round_robin'),
  /** Kept from a refund when a paid order is cancelled after review started (fen). */
  CANCELLATION_FEE_FEN: z.coerce.number().int().min(0).max(100_000_000).default(20_000),
  /** How long the worker waits for running jobs on SIGTERM before handing them back. */
  SHUTDOWN_GRACE: durationMs('20s', '1s', '10m'),
  /** How often the worker's sweeper handles overdue deadlines (holds, documents) and re-enqueues jobs the queue lost, in seconds. */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /**
   * Requests one client (IP address) may make to the API in any 60 s; `/health` and `/docs`
   * are exempt. 600 leaves a browser plenty of room; 0 turns the limit off (benchmarks, a
   * gateway that limits already). Capped because the in-memory store keeps one timestamp
   * per counted request.
   */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(600),
} as const;

export const configSchema = z.object(CONFIG_SCHEMA).superRefine((config, ctx) => {
  if (config.NODE_ENV === 'production' && !config.AUTH_SECRET)
    ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'required in production' });
  const provider = config.PAYMENTS_PROVIDER ?? (config.STRIPE_SECRET_KEY ? 'stripe' : 'sandbox');
  if (provider === 'sandbox' && config.NODE_ENV === 'production')
    ctx.addIssue({
      code: 'custom',
      path: ['PAYMENTS_PROVIDER'],
      message: 'the sandbox cannot take payments in production',
    });
  if (config.CARRIER_PROVIDER === 'sandbox' && config.NODE_ENV === 'production')
    ctx.addIssue({
      code: 'custom',
      path: ['CARRIER_PROVIDER'],
      message: 'the sandbox carrier cannot activate numbers in production',
    });
  if (config.CARRIER_PROVIDER === 'http' && !config.CARRIER_API_URL)
    ctx.addIssue({
      code: 'custom',
      path: ['CARRIER_API_URL'],
      message: 'required when CARRIER_PROVIDER=http',
    });
  if (provider === 'stripe' && !config.STRIPE_SECRET_KEY)
    ctx.addIssue({
      code: 'custom',
      path: ['STRIPE_SECRET_KEY'],
      message: 'required when PAYMENTS_PROVIDER=stripe',
    });
  if (provider === 'stripe' && !config.STRIPE_WEBHOOK_SECRETS)
    ctx.addIssue({
      code: 'custom',
      path: ['STRIPE_WEBHOOK_SECRETS'],
      message: 'required when PAYMENTS_PROVIDER=stripe',
    });
});

export type AppConfig = z.infer<typeof configSchema>;

/** The payment provider in effect (PAYMENTS_PROVIDER, else stripe when a key is set, else the sandbox). */
export function paymentsProviderOf(config: AppConfig): 'stripe' | 'sandbox' {
  return config.PAYMENTS_PROVIDER ?? (config.STRIPE_SECRET_KEY ? 'stripe' : 'sandbox');
}
