import type { JobsOptions } from 'bullmq';
import type { DataSource } from 'typeorm';
import { OUTBOX_JOBS, type JobPayloads, type OutboxJobName } from '@haoma/jobs';

/** Where the relay puts jobs: the typed JobProducer, or a stand-in in tests. */
export interface OutboxSink {
  add<N extends OutboxJobName>(name: N, payload: JobPayloads[N], options?: JobsOptions): Promise<unknown>;
}

export interface OutboxBatchOptions {
  batchSize: number;
  /** How long the queue may take to accept the batch before the claim is rolled back. */
  publishTimeoutMs: number;
}

export interface OutboxBatchResult {
  /** Rows published (added to the queue and marked). */
  published: number;
  /** Rows whose job name the outbox may not carry: marked so they do not block, and logged. */
  unknown: { id: string; jobName: string }[];
}

interface OutboxRow {
  id: string;
  job_name: string;
  payload: Record<string, unknown>;
  run_at: Date | null;
}

/**
 * Queue options per outbox job. Hold timers run before everything else in their queue: a
 * burst of status changes (thousands of holds expiring together) must not make the next
 * hold expire late; the customer's email can wait a few seconds.
 */
export const OUTBOX_JOB_OPTIONS: Partial<Record<OutboxJobName, JobsOptions>> = {
  'order-event-recorded': { priority: 10 },
};

/** The job id of an outbox row: deterministic, so publishing a row twice enqueues it once. */
export const outboxJobId = (id: string): string => `outbox-${id}`;

const isOutboxJob = (name: string): name is OutboxJobName =>
  (OUTBOX_JOBS as readonly string[]).includes(name);

/**
 * Publishes one batch of unpublished outbox rows, oldest first. The rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so concurrent relays (two workers) take different rows; each is
 * added to its queue with job id `outbox-<id>` (delayed until `run_at`), and only when every
 * add succeeded are the rows marked published, in the same transaction. A crash or timeout
 * in between rolls the claim back and the rows are added again later under the same job ids,
 * which the queue drops as duplicates: nothing is lost and nothing runs twice.
 */
export async function publishOutboxBatch(
  dataSource: DataSource,
  sink: OutboxSink,
  options: OutboxBatchOptions,
): Promise<OutboxBatchResult> {
  return dataSource.transaction(async (manager) => {
    const rows: OutboxRow[] = await manager.query(
      `SELECT id, job_name, payload, run_at FROM outbox_messages
        WHERE published_at IS NULL
        ORDER BY id
        LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [options.batchSize],
    );
    if (rows.length === 0) return { published: 0, unknown: [] };

    const now = Date.now();
    const unknown = rows
      .filter((row) => !isOutboxJob(row.job_name))
      .map((row) => ({ id: String(row.id), jobName: row.job_name }));
    const adds = rows.flatMap((row) =>
      isOutboxJob(row.job_name)
        ? [
            sink.add(row.job_name, row.payload as JobPayloads[typeof row.job_name], {
              ...OUTBOX_JOB_OPTIONS[row.job_name],
              jobId: outboxJobId(String(row.id)),
              ...(row.run_at ? { delay: Math.max(0, row.run_at.getTime() - now) } : {}),
            }),
          ]
        : [],
    );
    await withTimeout(
      Promise.all(adds),
      options.publishTimeoutMs,
      'the queue did not accept the outbox batch',
    );

    await manager.query(`UPDATE outbox_messages SET published_at = now() WHERE id = ANY($1::bigint[])`, [
      rows.map((row) => row.id),
    ]);
    return { published: rows.length - unknown.length, unknown };
  });
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    // A late rejection of the abandoned adds must not surface as an unhandled rejection.
    work.catch(() => undefined);
  }
}
