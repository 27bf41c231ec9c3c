import type { EntityManager } from 'typeorm';
import type { JobPayloads, OutboxJobName } from '@haoma/jobs';

/**
 * Records a job in the transactional outbox, inside the caller's transaction: it is
 * published (by the worker's relay, with the row id as job id) if and only if the change it
 * announces commits. `runAt` delays the job (hold expiry). Returns the outbox row id.
 */
export async function appendOutbox<N extends OutboxJobName>(
  manager: EntityManager,
  jobName: N,
  payload: JobPayloads[N],
  runAt: Date | null = null,
): Promise<string> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO outbox_messages (job_name, payload, run_at) VALUES ($1, $2, $3) RETURNING id`,
    [jobName, JSON.stringify(payload), runAt],
  );
  return String(rows[0]?.id);
}
