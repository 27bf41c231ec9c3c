import type { EntityManager } from 'typeorm';
import { recordAudit } from '@haoma/audit';
import { createCarrierApplication } from '@haoma/carrier';
import {
  DOCUMENT_KINDS,
  isRejectionReasonCode,
  REJECTION_REASONS,
  rejectionReasonText,
  type RejectionReasonCode,
} from '@haoma/domain';
import { transitionOrder } from '@haoma/orders';
import { VerificationError } from './verification-errors';
import type { VerificationSettings } from './verification-settings';

export interface RejectionReasonInput {
  /** A document kind or a form field (`company.uscc`). */
  target: string;
  documentId?: string | null;
  code: string;
  /** The reviewer's own words; the code's default text when absent. */
  text?: string | null;
}

interface DecisionCommand {
  submissionId: string;
  staffId: string;
  note?: string | null;
  now?: Date;
}

const FIELD_PATH = /^[A-Za-z][A-Za-z0-9_.[\]]{0,99}$/;

/** Locks the submission for a decision: it must have been pre-checked and not yet decided. */
async function lockForDecision(manager: EntityManager, submissionId: string) {
  const rows: { id: string; order_id: string; status: string; dossier_version_id: string }[] =
    await manager.query(
      `SELECT id, order_id, status, dossier_version_id FROM verification_submissions WHERE id = $1 FOR UPDATE`,
      [submissionId],
    );
  const submission = rows[0];
  if (!submission) throw new VerificationError('REVIEW_NOT_FOUND', 'No such submission.');
  if (submission.status === 'prechecking')
    throw new VerificationError('REVIEW_NOT_READY', 'The automatic pre-check has not finished yet.');
  if (submission.status !== 'awaiting_review')
    throw new VerificationError(
      'REVIEW_ALREADY_DECIDED',
      `This submission is ${submission.status} already.`,
      {
        status: submission.status,
      },
    );
  return submission;
}

/**
 * Approves a submission, in the caller's transaction: records who and when, moves the order
 * to provisioning, files the carrier application (with its job) and appends the audit row.
 */
export async function approveSubmission(
  manager: EntityManager,
  command: DecisionCommand,
): Promise<{ carrierApplicationId: string }> {
  const now = command.now ?? new Date();
  const submission = await lockForDecision(manager, command.submissionId);
  await manager.query(
    `UPDATE verification_submissions
        SET status = 'approved', decided_by = $2, decided_at = $3, review_note = $4, updated_at = $3
      WHERE id = $1 AND status = 'awaiting_review'`,
    [submission.id, `staff:${command.staffId}`, now, command.note ?? null],
  );
  await transitionOrder(manager, {
    orderId: submission.order_id,
    event: 'review_approved',
    actor: { kind: 'staff', id: command.staffId },
    data: { submissionId: submission.id },
    now,
  });
  const carrierApplicationId = await createCarrierApplication(manager, {
    orderId: submission.order_id,
    submissionId: submission.id,
    now,
  });
  await recordAudit(manager, {
    action: 'submission.approved',
    targetType: 'submission',
    targetId: submission.id,
    before: { status: submission.status },
    after: { status: 'approved', orderId: submission.order_id, carrierApplicationId, noted: !!command.note },
  });
  return { carrierApplicationId };
}

/**
 * Rejects a submission with at least one reason per document or field, in the caller's
 * transaction: the order goes back to awaiting documents with the reasons on its timeline
 * (the customer's notification quotes them), and at least DOCUMENTS_RESUBMIT_WINDOW to
 * resubmit. The audit row keeps the reasons' targets and codes but not their text nor the
 * reviewer's note: those may quote identity data, which the retention purge must be able to
 * erase, and the audit log is append-only.
 */
export async function rejectSubmission(
  manager: EntityManager,
  command: DecisionCommand & {
    reasons: readonly RejectionReasonInput[];
    settings: Pick<VerificationSettings, 'resubmitWindowMs'>;
  },
): Promise<{ documentsDueAt: Date }> {
  const now = command.now ?? new Date();
  const reasons = checkedReasons(command.reasons);
  const submission = await lockForDecision(manager, command.submissionId);
  const documentIds = reasons.map((r) => r.documentId).filter((id): id is string => !!id);
  if (documentIds.length) {
    const known: { document_id: string }[] = await manager.query(
      `SELECT document_id FROM dossier_version_documents WHERE version_id = $1 AND document_id = ANY($2::uuid[])`,
      [submission.dossier_version_id, documentIds],
    );
    if (new Set(known.map((k) => k.document_id)).size !== new Set(documentIds).size)
      throw new VerificationError(
        'REVIEW_REASONS_REQUIRED',
        'A reason names a document that is not in this submission.',
      );
  }
  await manager.query(
    `UPDATE verification_submissions
        SET status = 'rejected', decided_by = $2, decided_at = $3, review_note = $4, rejection_reasons = $5, updated_at = $3
      WHERE id = $1 AND status = 'awaiting_review'`,
    [submission.id, `staff:${command.staffId}`, now, command.note ?? null, JSON.stringify(reasons)],
  );
  const orders: { documents_due_at: Date | null }[] = await manager.query(
    `SELECT documents_due_at FROM orders WHERE id = $1`,
    [submission.order_id],
  );
  const window = now.getTime() + command.settings.resubmitWindowMs;
  const documentsDueAt = new Date(Math.max(orders[0]?.documents_due_at?.getTime() ?? 0, window));
  await transitionOrder(manager, {
    orderId: submission.order_id,
    event: 'review_rejected',
    actor: { kind: 'staff', id: command.staffId },
    reason: reasonText(reasons),
    data: { submissionId: submission.id, reasons },
    set: { documentsDueAt },
    now,
  });
  await recordAudit(manager, {
    action: 'submission.rejected',
    targetType: 'submission',
    targetId: submission.id,
    before: { status: submission.status },
    after: {
      status: 'rejected',
      orderId: submission.order_id,
      reasons: reasons.map((r) => ({ target: r.target, code: r.code })),
      documentsDueAt: documentsDueAt.toISOString(),
      noted: !!command.note,
    },
  });
  return { documentsDueAt };
}

/** The reasons as stored: a known code, a target, and the reviewer's text ('' for the default). */
function checkedReasons(
  reasons: readonly RejectionReasonInput[],
): { target: string; documentId: string | null; code: RejectionReasonCode; text: string }[] {
  if (!reasons.length)
    throw new VerificationError(
      'REVIEW_REASONS_REQUIRED',
      'Give at least one reason the customer can act on.',
    );
  return reasons.map((r) => {
    const target = r.target.trim();
    if (!isRejectionReasonCode(r.code))
      throw new VerificationError('REVIEW_REASONS_REQUIRED', `Unknown reason code "${r.code}".`, {
        codes: Object.keys(REJECTION_REASONS),
      });
    if (!(DOCUMENT_KINDS as readonly string[]).includes(target) && !FIELD_PATH.test(target))
      throw new VerificationError(
        'REVIEW_REASONS_REQUIRED',
        `"${r.target}" is neither a document kind nor a form field.`,
      );
    return { target, documentId: r.documentId ?? null, code: r.code, text: r.text?.trim() ?? '' };
  });
}

/** The timeline's reason: each target with its text in Chinese and English. */
function reasonText(reasons: ReturnType<typeof checkedReasons>): string {
  return reasons
    .map((r) => {
      const zh = rejectionReasonText(r.code, 'zh', r.text);
      const en = rejectionReasonText(r.code, 'en', r.text);
      return zh === en ? `${r.target}: ${zh}` : `${r.target}: ${zh} / ${en}`;
    })
    .join('\n');
}
