import type { EntityManager } from 'typeorm';
import { appendOutbox } from '@haoma/orders';

/**
 * Records the carrier application for an approved submission, inside the caller's
 * transaction (the reviewer's approval), with the job that submits it. The application's id
 * is the idempotency key the carrier sees. Approving the same submission twice records one
 * application (unique per submission). Returns the application id.
 */
export async function createCarrierApplication(
  manager: EntityManager,
  input: { orderId: string; submissionId: string; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO carrier_applications (order_id, submission_id, carrier, status, next_attempt_at, created_at, updated_at)
     SELECT o.id, $2, n.carrier, 'pending', $3, $3, $3
       FROM orders o JOIN numbers n ON n.number = o.number
      WHERE o.id = $1
     ON CONFLICT (submission_id) DO NOTHING
     RETURNING id`,
    [input.orderId, input.submissionId, now],
  );
  const created = rows[0];
  if (!created) {
    const existing: { id: string }[] = await manager.query(
      `SELECT id FROM carrier_applications WHERE submission_id = $1`,
      [input.submissionId],
    );
    if (!existing[0]) throw new Error(`order ${input.orderId} not found for its carrier application`);
    return existing[0].id;
  }
  await appendOutbox(manager, 'process-carrier-application', { applicationId: created.id });
  return created.id;
}
