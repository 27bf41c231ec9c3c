import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobsOptions } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB_QUEUE, JobProducer, type JobName, type JobPayloads } from '@haoma/jobs';
import { notifyingOrderEvents } from '@haoma/notifications';
import { notificationJobId } from '../notifications/order-notifications.handler';
import { OUTBOX_JOB_OPTIONS, outboxJobId } from '../outbox/outbox-publisher';

/** Work older than this without its effect in PostgreSQL is taken as lost by the queue. */
export const LOST_AFTER_MS = 60_000;
// Status changes are looked at for a day after publishing: a lost queue is noticed by the
// next sweep, so older ones would only cost the sweep time.
const LIMIT = 500;

export type EnsureJobOutcome = 'added' | 'retried' | 'present';

/**
 * Repairs what a queue that lost its data (Redis flushed, restored from an old snapshot)
 * would otherwise never do, from the facts in PostgreSQL:
 * - status changes whose `order-event-recorded` job was published but never recorded the
 *   customer's messages;
 * - notifications recorded but still pending a minute later (their send job is gone).
 * Deadlines need no repair here: the sweeper reads them from the orders themselves.
 * A job still in the queue (waiting behind a backlog, retrying) is left alone; a failed one
 * is retried; a missing one is added again under its original id.
 */
@Injectable()
export class LostJobRecovery {
  private readonly logger = new Logger(LostJobRecovery.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
  ) {}

  async requeueTransitions(now: Date = new Date()): Promise<number> {
    const { events, types } = notifyingOrderEvents();
    const rows: { id: string; payload: JobPayloads['order-event-recorded'] }[] = await this.dataSource.query(
      `SELECT m.id, m.payload FROM outbox_messages m
         JOIN order_events e ON e.id = CASE WHEN m.payload->>'orderEventId' ~ '^[0-9]{1,18}$'
                                            THEN (m.payload->>'orderEventId')::bigint END
        WHERE m.job_name = 'order-event-recorded'
          AND m.published_at <= $1 AND m.published_at > $1::timestamptz - interval '1 day'
          AND ((e.type = 'transition' AND e.event = ANY($2)) OR e.type = ANY($3))
          AND NOT EXISTS (SELECT 1 FROM notifications n
                           WHERE n.order_id = e.order_id
                             AND starts_with(n.dedupe_key, 'order-event:' || e.id || ':'))
        ORDER BY m.id
        LIMIT $4`,
      [new Date(now.getTime() - LOST_AFTER_MS), events, types, LIMIT],
    );
    return this.ensureAll(
      'order-event-recorded',
      rows.map((row) => [row.payload, outboxJobId(String(row.id))]),
      OUTBOX_JOB_OPTIONS['order-event-recorded'],
    );
  }

  async requeuePendingNotifications(now: Date = new Date()): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notifications WHERE status = 'pending' AND created_at <= $1 ORDER BY created_at LIMIT $2`,
      [new Date(now.getTime() - LOST_AFTER_MS), LIMIT],
    );
    return this.ensureAll(
      'send-notification',
      rows.map((row) => [{ notificationId: row.id }, notificationJobId(row.id)]),
    );
  }

  /** Makes sure job `jobId` is in its queue and not given up on. */
  async ensureJob<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    jobId: string,
    options: JobsOptions = {},
  ): Promise<EnsureJobOutcome> {
    const job = await this.producer.queue(JOB_QUEUE[name]).getJob(jobId);
    if (!job) {
      await this.producer.add(name, payload, { ...options, jobId });
      return 'added';
    }
    if ((await job.getState()) === 'failed') {
      await job.retry('failed');
      return 'retried';
    }
    return 'present';
  }

  private async ensureAll<N extends JobName>(
    name: N,
    jobs: [JobPayloads[N], string][],
    options?: JobsOptions,
  ): Promise<number> {
    let repaired = 0;
    for (const [payload, jobId] of jobs) {
      const outcome = await this.ensureJob(name, payload, jobId, options);
      if (outcome !== 'present') {
        repaired += 1;
        this.logger.warn(
          `${name} ${jobId} was ${outcome === 'added' ? 'lost by the queue: added again' : 'failed: retried'}`,
        );
      }
    }
    return repaired;
  }
}
