/**
 * Every queue, every job, and each job's payload, in one place: a job without a queue, or
 * a queue without a job, does not compile. Payloads carry ids only; processors reload state.
 */
export const QUEUE_NAMES = ['maintenance'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobPayloads {
  /** Sweeper: releases numbers whose hold has run out (a safety net under the order timers). */
  'release-expired-holds': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE = {
  'release-expired-holds': 'maintenance',
} as const satisfies Record<JobName, QueueName>;

/** Jobs that run on a schedule, registered (idempotently) by the worker at boot. */
export const SCHEDULED_JOBS = ['release-expired-holds'] as const satisfies readonly JobName[];
