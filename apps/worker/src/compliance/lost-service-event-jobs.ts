import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobProducer, type JobPayloads } from '@haoma/jobs';
import { SERVICE_EVENT_TEMPLATES } from '@haoma/notifications';
import { LOST_AFTER_MS } from '../maintenance/lost-jobs';
import { outboxJobId } from '../outbox/outbox-publisher';

const LIMIT = 500;

/**
 * Re-enqueues `service-event-recorded` jobs a lost queue (Redis flushed) dropped: published
 * over a minute ago, for a timeline row that sends messages, and no message recorded. Added
 * under the outbox job id, so a job still in the queue is not duplicated; a failed one is retried.
 */
@Injectable()
export class LostServiceEventJobs {
  private readonly logger = new Logger(LostServiceEventJobs.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
  ) {}

  async requeue(now: Date): Promise<number> {
    const notifying = Object.entries(SERVICE_EVENT_TEMPLATES)
      .filter(([, templates]) => templates.length > 0)
      .map(([event]) => event);
    const rows: { id: string; payload: JobPayloads['service-event-recorded'] }[] =
      await this.dataSource.query(
        `SELECT m.id, m.payload FROM outbox_messages m
         JOIN service_events e ON e.id = CASE WHEN m.payload->>'serviceEventId' ~ '^[0-9]{1,18}$'
                                              THEN (m.payload->>'serviceEventId')::bigint END
        WHERE m.job_name = 'service-event-recorded'
          AND m.published_at <= $1 AND m.published_at > $1::timestamptz - interval '1 day'
          AND e.event = ANY($2)
          AND NOT EXISTS (SELECT 1 FROM notifications n WHERE starts_with(n.dedupe_key, 'service-event:' || e.id || ':'))
        ORDER BY m.id
        LIMIT $3`,
        [new Date(now.getTime() - LOST_AFTER_MS), notifying, LIMIT],
      );
    let repaired = 0;
    const queue = this.producer.queue('compliance');
    for (const row of rows) {
      const jobId = outboxJobId(String(row.id));
      const job = await queue.getJob(jobId);
      if (!job) {
        await this.producer.add('service-event-recorded', row.payload, { jobId });
        repaired += 1;
      } else if ((await job.getState()) === 'failed') {
        await job.retry('failed');
        repaired += 1;
      }
    }
    if (repaired) this.logger.warn(`${repaired} service-event-recorded jobs lost by the queue: added again`);
    return repaired;
  }
}
