import type { EntityManager } from 'typeorm';
import {
  missingDocumentKinds,
  multiNumberProofRequired,
  type DocumentKind,
  type DossierForm,
} from '@haoma/domain';
import { appendOutbox, OrderError, transitionOrder } from '@haoma/orders';
import { companyNumberCount } from './precheck-facts';
import { VerificationError } from './verification-errors';
import type { VerificationSettings } from './verification-settings';

export interface SubmitCommand {
  customerId: string;
  orderId: string;
  dossierId: string;
  /** Defaults to the dossier's current version. */
  version?: number;
  settings: Pick<VerificationSettings, 'maxNumbersPerCompany'>;
  now?: Date;
}

export interface SubmitResult {
  submissionId: string;
  sequence: number;
  dossierVersionId: string;
}

interface VersionRow {
  id: string;
  form: DossierForm;
  purged_at: Date | null;
  dossier_purged_at: Date | null;
}

/**
 * Submits a dossier version for an order awaiting documents, in the caller's transaction:
 * records the submission (next sequence for the order, `prechecking`), moves the order to
 * review and queues the automatic pre-check. Refuses when a required document is missing
 * (DOSSIER_DOCUMENTS_INCOMPLETE, listing the kinds).
 */
export async function submitDossier(manager: EntityManager, command: SubmitCommand): Promise<SubmitResult> {
  const now = command.now ?? new Date();
  const orders: { status: string }[] = await manager.query(
    `SELECT status FROM orders WHERE id = $1 AND customer_id = $2 FOR UPDATE`,
    [command.orderId, command.customerId],
  );
  const order = orders[0];
  if (!order) throw new OrderError('ORDER_NOT_FOUND', 'No such order.');
  // Also under review: the open submission must be decided first (no-op is not an answer here).
  if (order.status !== 'awaiting_documents')
    throw new OrderError(
      'ORDER_TRANSITION_NOT_ALLOWED',
      `An order that is ${order.status} cannot take documents.`,
      {
        status: order.status,
        event: 'documents_submitted',
      },
    );

  const versions: VersionRow[] = await manager.query(
    `SELECT dv.id, dv.form, dv.purged_at, d.purged_at AS dossier_purged_at FROM dossiers d
       JOIN dossier_versions dv ON dv.dossier_id = d.id AND dv.version = coalesce($3::integer, d.current_version)
      WHERE d.id = $1 AND d.customer_id = $2`,
    [command.dossierId, command.customerId, command.version ?? null],
  );
  const version = versions[0];
  if (!version) throw new VerificationError('DOSSIER_NOT_FOUND', 'No such dossier or version.');
  if (version.purged_at || version.dossier_purged_at)
    throw new VerificationError('DOSSIER_PURGED', 'This dossier’s identity records were purged.');

  const kinds: { kind: DocumentKind }[] = await manager.query(
    `SELECT kind FROM dossier_version_documents WHERE version_id = $1`,
    [version.id],
  );
  const companyNumbers = await companyNumberCount(manager, version.form.company.uscc, command.orderId);
  const missing = missingDocumentKinds(
    version.form,
    kinds.map((k) => k.kind),
    {
      multiNumberProofRequired: multiNumberProofRequired(
        companyNumbers,
        command.settings.maxNumbersPerCompany,
      ),
    },
  );
  if (missing.length)
    throw new VerificationError('DOSSIER_DOCUMENTS_INCOMPLETE', `Documents missing: ${missing.join(', ')}.`, {
      missing,
    });

  const inserted: { id: string; sequence: number }[] = await manager.query(
    `INSERT INTO verification_submissions (order_id, customer_id, dossier_version_id, sequence, status, submitted_at, updated_at)
     SELECT $1, $2, $3, coalesce(max(sequence), 0) + 1, 'prechecking', $4, $4
       FROM verification_submissions WHERE order_id = $1
     RETURNING id, sequence`,
    [command.orderId, command.customerId, version.id, now],
  );
  const submission = inserted[0];
  if (!submission) throw new Error('submission not recorded');
  await transitionOrder(manager, {
    orderId: command.orderId,
    event: 'documents_submitted',
    actor: { kind: 'customer', id: command.customerId },
    data: { submissionId: submission.id, dossierVersionId: version.id },
    now,
  });
  await appendOutbox(manager, 'precheck-submission', { submissionId: submission.id });
  return { submissionId: submission.id, sequence: submission.sequence, dossierVersionId: version.id };
}
