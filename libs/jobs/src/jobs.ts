/**
 * Every queue, every job, and each job's payload, in one place: a job without a queue, or
 * a queue without a job, does not compile. Payloads carry ids only; processors reload state
 * and skip when the row is no longer in the state the job expects.
 */
export const QUEUE_NAMES = [
  'maintenance',
  'orders',
  'notifications',
  'payments',
  'verification',
  'carrier',
  'compliance',
  'backoffice',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobPayloads {
  /**
   * Sweeper: finds every overdue deadline in PostgreSQL (expired holds, and later document
   * deadlines) and handles it, so a deadline is honoured even when its delayed job was lost.
   */
  'sweep-deadlines': Record<string, never>;
  /** The hold of an order runs out at `holdUntil` (ISO time); delayed until then. */
  'expire-hold': { orderId: string; holdUntil: string };
  /**
   * A row was added to an order's timeline (order_events: its creation, a status change, a
   * hold extension); fans out the notifications it calls for.
   */
  'order-event-recorded': { orderId: string; orderEventId: string };
  /** Sends one recorded notification (notifications row). */
  'send-notification': { notificationId: string };
  /** Applies one stored provider event (webhook_events row `id`) exactly once. */
  'apply-webhook-event': { webhookEventId: string };
  /** Asks the provider for one recorded refund (refunds row), with its idempotency key. */
  'execute-refund': { refundId: string };
  /** Runs the automatic pre-check of one verification submission (findings stored on it). */
  'precheck-submission': { submissionId: string };
  /** Submits one carrier application, or asks the carrier about it, whichever its status calls for. */
  'process-carrier-application': { applicationId: string };
  /** Creates the tasks of one re-verification campaign in batches, with progress on the campaign row. */
  'open-reverification-campaign': { campaignId: string };
  /**
   * A row was added to a live service's timeline (service_events: activation, suspension,
   * resumption, termination, reminders); fans out the notifications it calls for.
   */
  'service-event-recorded': { serviceId: string; serviceEventId: string };
  /** Imports one uploaded CSV of numbers (inventory_imports row), with progress on the row. */
  'import-inventory': { importId: string };
  /** Re-grades the inventory under the active grading rules (regrade_runs row), in resumable batches. */
  'regrade-inventory': { runId: string };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE = {
  'sweep-deadlines': 'maintenance',
  'expire-hold': 'orders',
  'order-event-recorded': 'orders',
  'send-notification': 'notifications',
  'apply-webhook-event': 'payments',
  'execute-refund': 'payments',
  'precheck-submission': 'verification',
  'process-carrier-application': 'carrier',
  'open-reverification-campaign': 'compliance',
  'service-event-recorded': 'compliance',
  'import-inventory': 'backoffice',
  'regrade-inventory': 'backoffice',
} as const satisfies Record<JobName, QueueName>;

/** Jobs that run on a schedule, registered (idempotently) by the worker at boot. */
export const SCHEDULED_JOBS = ['sweep-deadlines'] as const satisfies readonly JobName[];

/** Jobs that the transactional outbox may carry (published by the worker's relay). */
export const OUTBOX_JOBS = [
  'expire-hold',
  'order-event-recorded',
  'send-notification',
  'apply-webhook-event',
  'execute-refund',
  'precheck-submission',
  'process-carrier-application',
  'open-reverification-campaign',
  'service-event-recorded',
  'import-inventory',
  'regrade-inventory',
] as const satisfies readonly JobName[];
export type OutboxJobName = (typeof OUTBOX_JOBS)[number];
