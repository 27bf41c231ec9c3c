import type { EntityManager } from 'typeorm';
import type { DossierForm, FindingSeverity, SubmissionStatus } from '@haoma/domain';
import type { StoredFinding, StoredRejectionReason } from '@haoma/db';
import { versionDocuments, type DossierDocumentView } from './dossier-queries';
import { cursorText, decodePageCursor, encodePageCursor, type Page } from './page-cursor';
import { rejectionReasonView, type RejectionReasonView } from './submission-queries';
import { VerificationError } from './verification-errors';

export interface ReviewQueueItem {
  submissionId: string;
  orderId: string;
  orderNo: string;
  number: string;
  companyName: string;
  customerEmail: string;
  sequence: number;
  status: SubmissionStatus;
  worstSeverity: FindingSeverity | null;
  submittedAt: Date;
}

/** The reviewer queue: submissions in `status`, oldest first, keyset-paginated; undefined for a bad cursor. */
export async function listReviewQueue(
  manager: EntityManager,
  input: { status: SubmissionStatus; limit: number; cursor?: string },
): Promise<Page<ReviewQueueItem> | undefined> {
  const after = input.cursor === undefined ? null : decodePageCursor(input.cursor);
  if (after === undefined) return undefined;
  const rows: {
    id: string;
    order_id: string;
    order_no: string;
    number: string;
    company_name: string;
    email: string;
    sequence: number;
    status: SubmissionStatus;
    worst_severity: FindingSeverity | null;
    submitted_at: Date;
    cursor_at: string;
  }[] = await manager.query(
    `SELECT vs.id, vs.order_id, o.order_no, o.number, dv.company_name, c.email, vs.sequence, vs.status,
            vs.worst_severity, vs.submitted_at, ${cursorText('vs.submitted_at')} AS cursor_at
       FROM verification_submissions vs
       JOIN orders o ON o.id = vs.order_id
       JOIN dossier_versions dv ON dv.id = vs.dossier_version_id
       JOIN customers c ON c.id = vs.customer_id
      WHERE vs.status = $1
        AND ($2::timestamp IS NULL OR (vs.submitted_at AT TIME ZONE 'UTC', vs.id) > ($2::timestamp, $3::uuid))
      ORDER BY vs.submitted_at, vs.id LIMIT $4`,
    [input.status, after?.at ?? null, after?.id ?? null, input.limit + 1],
  );
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      submissionId: r.id,
      orderId: r.order_id,
      orderNo: String(r.order_no),
      number: r.number,
      companyName: r.company_name,
      customerEmail: r.email,
      sequence: r.sequence,
      status: r.status,
      worstSeverity: r.worst_severity,
      submittedAt: r.submitted_at,
    })),
    nextCursor:
      rows.length > input.limit && last ? encodePageCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}

export interface SubmissionDecisionView {
  id: string;
  sequence: number;
  status: SubmissionStatus;
  submittedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  reviewNote: string | null;
  rejectionReasons: RejectionReasonView[];
}

export interface ReviewDetail extends SubmissionDecisionView {
  orderId: string;
  findings: StoredFinding[];
  worstSeverity: FindingSeverity | null;
  precheckedAt: Date | null;
  dossier: { id: string; version: number; versionId: string; form: DossierForm | null };
  documents: (DossierDocumentView & { sha256: string; contentUrl: string })[];
  order: {
    id: string;
    orderNo: string;
    number: string;
    status: string;
    totalFen: number | null;
    documentsDueAt: Date | null;
    customer: { id: string; email: string; companyName: string };
  };
  /** The order's other submissions with their decisions, oldest first. */
  earlierSubmissions: SubmissionDecisionView[];
}

interface SubmissionRow {
  id: string;
  sequence: number;
  status: SubmissionStatus;
  submitted_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  review_note: string | null;
  rejection_reasons: StoredRejectionReason[];
}

const decisionView = (r: SubmissionRow): SubmissionDecisionView => ({
  id: r.id,
  sequence: r.sequence,
  status: r.status,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  reviewNote: r.review_note,
  rejectionReasons: r.rejection_reasons.map(rejectionReasonView),
});

/** Everything a reviewer looks at for one submission, side by side. */
export async function findReview(manager: EntityManager, submissionId: string): Promise<ReviewDetail> {
  const rows: (SubmissionRow & {
    order_id: string;
    findings: StoredFinding[];
    worst_severity: FindingSeverity | null;
    prechecked_at: Date | null;
    version_id: string;
    dossier_id: string;
    version: number;
    form: DossierForm;
    version_purged_at: Date | null;
    order_no: string;
    number: string;
    order_status: string;
    total_fen: number | null;
    documents_due_at: Date | null;
    customer_id: string;
    email: string;
    customer_company: string;
  })[] = await manager.query(
    `SELECT vs.id, vs.sequence, vs.status, vs.submitted_at, vs.decided_at, vs.decided_by, vs.review_note,
            vs.rejection_reasons, vs.order_id, vs.findings, vs.worst_severity, vs.prechecked_at,
            dv.id AS version_id, dv.dossier_id, dv.version, dv.form, dv.purged_at AS version_purged_at,
            o.order_no, o.number, o.status AS order_status, o.total_fen, o.documents_due_at,
            c.id AS customer_id, c.email, c.company_name AS customer_company
       FROM verification_submissions vs
       JOIN dossier_versions dv ON dv.id = vs.dossier_version_id
       JOIN orders o ON o.id = vs.order_id
       JOIN customers c ON c.id = vs.customer_id
      WHERE vs.id = $1`,
    [submissionId],
  );
  const r = rows[0];
  if (!r) throw new VerificationError('REVIEW_NOT_FOUND', 'No such submission.');
  const documents: { id: string; sha256: string }[] = await manager.query(
    `SELECT d.id, d.sha256 FROM dossier_version_documents dvd JOIN documents d ON d.id = dvd.document_id WHERE dvd.version_id = $1`,
    [r.version_id],
  );
  const sha = new Map(documents.map((d) => [d.id, d.sha256]));
  const earlier: SubmissionRow[] = await manager.query(
    `SELECT id, sequence, status, submitted_at, decided_at, decided_by, review_note, rejection_reasons
       FROM verification_submissions WHERE order_id = $1 AND id <> $2 ORDER BY sequence`,
    [r.order_id, r.id],
  );
  return {
    ...decisionView(r),
    orderId: r.order_id,
    findings: r.findings,
    worstSeverity: r.worst_severity,
    precheckedAt: r.prechecked_at,
    dossier: {
      id: r.dossier_id,
      version: r.version,
      versionId: r.version_id,
      form: r.version_purged_at ? null : r.form,
    },
    documents: (await versionDocuments(manager, r.version_id)).map((d) => ({
      ...d,
      sha256: sha.get(d.id) ?? '',
      contentUrl: `/api/v1/staff/documents/${d.id}/content`,
    })),
    order: {
      id: r.order_id,
      orderNo: String(r.order_no),
      number: r.number,
      status: r.order_status,
      totalFen: r.total_fen,
      documentsDueAt: r.documents_due_at,
      customer: { id: r.customer_id, email: r.email, companyName: r.customer_company },
    },
    earlierSubmissions: earlier.map(decisionView),
  };
}
