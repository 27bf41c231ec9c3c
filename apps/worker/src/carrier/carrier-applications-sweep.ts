import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobProducer } from '@haoma/jobs';
import { LOST_AFTER_MS } from '../maintenance/lost-jobs';
import { outboxJobId } from '../outbox/outbox-publisher';

const LIMIT = 500;

interface DueApplication {
  id: string;
  attempts: number;
  next_attempt_at: Date;
  /** The latest outbox row that carried its job, and whether the relay published it. */
  outbox_id: string | null;
  published: boolean | null;
}

/**
 * Re-enqueues, from the facts in PostgreSQL, carrier applications whose next attempt is more
 * than a minute overdue because their job is gone (Redis flushed or restored, a job given up
 * on). The job scheduled last (outbox row → job `outbox-<id>`) is looked up first: still in
 * the queue, it is left alone; failed, it is retried; gone, it is added again under its id.
 * When it ran and left no successor, a job `carrier-<application>-<attempts>-<due>` is added
 * (deterministic, so repeated sweeps add it once). Running a job twice is harmless: the
 * handler skips jobs ahead of the row's time and compare-and-sets its result. For the sweeper.
 */
@Injectable()
export class CarrierApplicationsSweep {
  private readonly logger = new Logger(CarrierApplicationsSweep.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
  ) {}

  async requeueDue(now: Date): Promise<number> {
    const rows: DueApplication[] = await this.dataSource.query(
      `SELECT a.id, a.attempts, a.next_attempt_at, m.id AS outbox_id, m.published_at IS NOT NULL AS published
         FROM carrier_applications a
         LEFT JOIN LATERAL (
           SELECT id, published_at FROM outbox_messages
            WHERE job_name = 'process-carrier-application' AND payload->>'applicationId' = a.id::text
            ORDER BY id DESC LIMIT 1) m ON true
        WHERE a.status IN ('pending', 'submitted') AND a.next_attempt_at < $1
        ORDER BY a.next_attempt_at
        LIMIT $2`,
      [new Date(now.getTime() - LOST_AFTER_MS), LIMIT],
    );
    let requeued = 0;
    for (const row of rows) {
      // Not published yet: the relay will.
      if (row.outbox_id !== null && !row.published) continue;
      const candidates = [
        ...(row.outbox_id !== null ? [outboxJobId(String(row.outbox_id))] : []),
        `carrier-${row.id}-${row.attempts}-${row.next_attempt_at.getTime()}`,
      ];
      for (const jobId of candidates) {
        const outcome = await this.ensure(row.id, jobId);
        if (outcome === 'ran') continue; // ran and left no successor: try the next id
        if (outcome !== 'present') {
          requeued += 1;
          this.logger.warn(
            `carrier application ${row.id}: job ${jobId} ${outcome} (it was lost or had failed)`,
          );
        }
        break;
      }
    }
    return requeued;
  }

  /** Job `jobId` in the queue: left alone if waiting, retried if failed, added if gone. */
  private async ensure(
    applicationId: string,
    jobId: string,
  ): Promise<'present' | 'ran' | 'retried' | 'added'> {
    const queue = this.producer.queue('carrier');
    const job = await queue.getJob(jobId);
    if (!job) {
      await this.producer.add('process-carrier-application', { applicationId }, { jobId });
      return 'added';
    }
    const state = await job.getState();
    if (state === 'failed') {
      await job.retry('failed');
      return 'retried';
    }
    return state === 'completed' ? 'ran' : 'present';
  }
}
