import type { EntityManager } from 'typeorm';
import {
  customerVisibleFindings,
  isRejectionReasonCode,
  rejectionReasonText,
  type Finding,
  type FindingSeverity,
  type SubmissionStatus,
} from '@haoma/domain';
import type { StoredFinding, StoredRejectionReason } from '@haoma/db';
import { OrderError } from '@haoma/orders';

/** A rejection reason as people read it: the code, what it concerns, and the text in both languages. */
export interface RejectionReasonView {
  target: string;
  documentId: string | null;
  code: string;
  text: { zh: string; en: string };
}

export interface CustomerSubmissionView {
  id: string;
  sequence: number;
  status: SubmissionStatus;
  dossierId: string;
  dossierVersion: number;
  submittedAt: Date;
  precheckedAt: Date | null;
  decidedAt: Date | null;
  /** Only the errors the customer must fix: reviewer-only warnings never appear here. */
  findings: { code: string; severity: FindingSeverity; field: string; message: string }[];
  rejectionReasons: RejectionReasonView[];
}

export function rejectionReasonView(r: StoredRejectionReason): RejectionReasonView {
  const text = isRejectionReasonCode(r.code)
    ? { zh: rejectionReasonText(r.code, 'zh', r.text), en: rejectionReasonText(r.code, 'en', r.text) }
    : { zh: r.text, en: r.text };
  return { target: r.target, documentId: r.documentId ?? null, code: r.code, text };
}

/** The submissions of one of the customer's orders, oldest first (ORDER_NOT_FOUND for another's). */
export async function listOrderSubmissions(
  manager: EntityManager,
  input: { customerId: string; orderId: string },
): Promise<CustomerSubmissionView[]> {
  const orders: unknown[] = await manager.query(`SELECT 1 FROM orders WHERE id = $1 AND customer_id = $2`, [
    input.orderId,
    input.customerId,
  ]);
  if (!orders.length) throw new OrderError('ORDER_NOT_FOUND', 'No such order.');
  const rows: {
    id: string;
    sequence: number;
    status: SubmissionStatus;
    dossier_id: string;
    version: number;
    submitted_at: Date;
    prechecked_at: Date | null;
    decided_at: Date | null;
    findings: StoredFinding[];
    rejection_reasons: StoredRejectionReason[];
  }[] = await manager.query(
    `SELECT vs.id, vs.sequence, vs.status, dv.dossier_id, dv.version, vs.submitted_at, vs.prechecked_at, vs.decided_at,
            vs.findings, vs.rejection_reasons
       FROM verification_submissions vs JOIN dossier_versions dv ON dv.id = vs.dossier_version_id
      WHERE vs.order_id = $1 ORDER BY vs.sequence`,
    [input.orderId],
  );
  return rows.map((r) => ({
    id: r.id,
    sequence: r.sequence,
    status: r.status,
    dossierId: r.dossier_id,
    dossierVersion: r.version,
    submittedAt: r.submitted_at,
    precheckedAt: r.prechecked_at,
    decidedAt: r.decided_at,
    findings: customerVisibleFindings(r.findings as Finding[]),
    rejectionReasons: r.rejection_reasons.map(rejectionReasonView),
  }));
}
