import type { WorkerOptions } from 'bullmq';
import type { QueueName } from '@haoma/jobs';

/**
 * How each queue's BullMQ worker runs. Jobs here are short and never hold the event loop
 * (one transaction, one email), so locks are short too — renewed every 2.5 s while a job
 * runs: a worker killed mid-job (kill -9, a lost machine) has its jobs handed to another
 * worker within about lockDuration + 2 × stalledInterval (~10 s) instead of BullMQ's default
 * minute. A job may be found stalled twice before it fails (two restarts during a slow
 * send); running one again is harmless, every processor being idempotent.
 */
const COMMON = { lockDuration: 5_000, stalledInterval: 2_500, maxStalledCount: 2 } as const;

export const WORKER_SETTINGS = {
  // Hold expiries must keep up with many holds created at once (the lateness benchmark).
  orders: { ...COMMON, concurrency: 8 },
  notifications: { ...COMMON, concurrency: 4 },
  maintenance: { ...COMMON, concurrency: 1 },
  // Each payment job is one short transaction (or one provider call for a refund); rows are
  // locked per event and per order, so running several at once is safe.
  payments: { ...COMMON, concurrency: 4 },
  // One pre-check is a handful of indexed queries and one update.
  verification: { ...COMMON, concurrency: 4 },
  // Each job is one call to the carrier (bounded by CARRIER_TIMEOUT) and one short transaction.
  carrier: { ...COMMON, lockDuration: 30_000, concurrency: 4 },
  compliance: { ...COMMON, concurrency: 2 },
  // Imports and re-grades are long (minutes) and resumable: one at a time, a long lock.
  backoffice: { ...COMMON, lockDuration: 60_000, concurrency: 1 },
} as const satisfies Record<QueueName, Partial<Omit<WorkerOptions, 'connection'>>>;
