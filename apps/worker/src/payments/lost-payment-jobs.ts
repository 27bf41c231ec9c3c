import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JobPayloads } from '@haoma/jobs';
import { LOST_AFTER_MS, LostJobRecovery } from '../maintenance/lost-jobs';
import { outboxJobId } from '../outbox/outbox-publisher';

const LIMIT = 500;

export interface PaymentRepairReport {
  /** Stored provider events whose `apply-webhook-event` job was lost or given up on. */
  events: number;
  /** Refunds never sent to the provider whose `execute-refund` job was lost or given up on. */
  refunds: number;
}

/**
 * Repairs, from the facts in PostgreSQL, payment work a queue lost (Redis flushed or restored)
 * or gave up on (a provider down for longer than the retries): a stored event still
 * unprocessed, a refund still pending without a provider id, a minute after their outbox row
 * was published. The job is added again under its original id (or the failed one retried);
 * running it twice is harmless, both jobs being idempotent. For the sweeper.
 */
@Injectable()
export class LostPaymentJobs {
  private readonly logger = new Logger(LostPaymentJobs.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lostJobs: LostJobRecovery,
  ) {}

  async repair(now: Date = new Date()): Promise<PaymentRepairReport> {
    const since = new Date(now.getTime() - LOST_AFTER_MS);
    // One outbox row per event or refund: the first one that announced it.
    const events: { id: string; payload: JobPayloads['apply-webhook-event'] }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (w.id) m.id, m.payload FROM outbox_messages m
         JOIN webhook_events w ON w.id = m.payload->>'webhookEventId'
        WHERE m.job_name = 'apply-webhook-event' AND m.published_at <= $1 AND w.processed_at IS NULL
        ORDER BY w.id, m.id
        LIMIT $2`,
      [since, LIMIT],
    );
    const refunds: { id: string; payload: JobPayloads['execute-refund'] }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (r.id) m.id, m.payload FROM outbox_messages m
         JOIN refunds r ON r.id::text = m.payload->>'refundId'
         -- Bank transfers are paid back by staff: their refunds stay pending on purpose.
         JOIN payments p ON p.id = r.payment_id AND p.provider IN ('stripe', 'sandbox')
        WHERE m.job_name = 'execute-refund' AND m.published_at <= $1
          AND r.status = 'pending' AND r.provider_refund_id IS NULL
        ORDER BY r.id, m.id
        LIMIT $2`,
      [since, LIMIT],
    );
    let repairedEvents = 0;
    for (const row of events)
      if (
        (await this.lostJobs.ensureJob('apply-webhook-event', row.payload, outboxJobId(String(row.id)))) !==
        'present'
      )
        repairedEvents += 1;
    let repairedRefunds = 0;
    for (const row of refunds)
      if (
        (await this.lostJobs.ensureJob('execute-refund', row.payload, outboxJobId(String(row.id)))) !==
        'present'
      )
        repairedRefunds += 1;
    if (repairedEvents + repairedRefunds > 0)
      this.logger.warn(`payment jobs repaired: ${repairedEvents} events, ${repairedRefunds} refunds`);
    return { events: repairedEvents, refunds: repairedRefunds };
  }
}
