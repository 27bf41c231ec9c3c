import type { EntityManager } from 'typeorm';
import { cursorText, decodeFeedCursor, encodeFeedCursor, type SortOrder } from './pipeline-cursor';
import { requireOrder } from './order-detail';
import type { Page } from './pipeline-queries';
import { SalesError } from './sales-errors';

/** One thing that happened to an order, from whichever table records it. */
export interface ActivityEntry {
  at: Date;
  /** `order.transition`, `order.assigned`, `note`, `payment.paid`, `refund.succeeded`, … */
  kind: string;
  /** `customer:<id>`, `staff:<id>`, `system:<part>`, or null where the source does not say. */
  actor: string | null;
  summary: string;
  data: Record<string, unknown>;
}

/**
 * Every source as rows of (at, kind, id, actor, summary, data), all for order $1. Each source
 * row may yield several entries (a payment is created, then paid); `kind:id` is unique, which
 * with `at` gives the feed a total order for keyset pages.
 */
const FEED_SQL = `
  SELECT e.created_at AS at, 'order.' || e.type AS kind, e.id::text AS id, e.actor,
         CASE WHEN e.type = 'transition' THEN e.from_status || ' → ' || e.to_status || ' (' || e.event || ')'
              ELSE e.type END || COALESCE(': ' || e.reason, '') AS summary,
         jsonb_build_object('orderEventId', e.id::text, 'event', e.event, 'fromStatus', e.from_status,
                            'toStatus', e.to_status, 'reason', e.reason, 'data', e.data) AS data
    FROM order_events e WHERE e.order_id = $1
  UNION ALL
  SELECT n.created_at, 'note', n.id::text, 'staff:' || n.author_id, left(n.body, 200),
         jsonb_build_object('noteId', n.id::text, 'authorName', s.name, 'body', n.body, 'mentions', to_jsonb(n.mentions))
    FROM order_notes n JOIN staff_members s ON s.id = n.author_id WHERE n.order_id = $1
  UNION ALL
  SELECT p.created_at, 'payment.created', p.id::text, p.created_by,
         p.provider || ' payment of ' || p.amount_fen || ' fen opened',
         jsonb_build_object('paymentId', p.id, 'provider', p.provider, 'amountFen', p.amount_fen, 'status', p.status)
    FROM payments p WHERE p.order_id = $1
  UNION ALL
  SELECT p.paid_at, 'payment.paid', p.id::text, 'system:payments',
         p.provider || ' payment of ' || p.amount_fen || ' fen paid',
         jsonb_build_object('paymentId', p.id, 'provider', p.provider, 'amountFen', p.amount_fen,
                            'outcome', p.outcome, 'refundedFen', p.refunded_fen)
    FROM payments p WHERE p.order_id = $1 AND p.paid_at IS NOT NULL
  UNION ALL
  SELECT r.created_at, 'refund.requested', r.id::text, r.created_by,
         'refund of ' || r.amount_fen || ' fen requested (' || r.reason || ')',
         jsonb_build_object('refundId', r.id, 'paymentId', r.payment_id, 'amountFen', r.amount_fen, 'reason', r.reason)
    FROM refunds r WHERE r.order_id = $1
  UNION ALL
  SELECT r.updated_at, 'refund.' || r.status, r.id::text, 'system:payments',
         'refund of ' || r.amount_fen || ' fen ' || r.status || COALESCE(': ' || r.failure_reason, ''),
         jsonb_build_object('refundId', r.id, 'amountFen', r.amount_fen, 'status', r.status,
                            'failureReason', r.failure_reason)
    FROM refunds r WHERE r.order_id = $1 AND r.status IN ('succeeded', 'failed')
  UNION ALL
  SELECT COALESCE(m.sent_at, m.created_at), 'notification.' || m.status, m.id::text, 'system:notifications',
         m.template || ' to ' || m.recipient || ' ' || m.status,
         jsonb_build_object('notificationId', m.id, 'template', m.template, 'recipient', m.recipient,
                            'subject', m.subject, 'attempts', m.attempts, 'lastError', m.last_error)
    FROM notifications m WHERE m.order_id = $1 AND m.status IN ('sent', 'failed')
  UNION ALL
  SELECT d.uploaded_at, 'document.uploaded', d.id::text, 'customer:' || d.customer_id,
         d.kind || ' uploaded (' || d.original_name || ')',
         jsonb_build_object('documentId', d.id, 'kind', d.kind, 'contentType', d.content_type, 'sizeBytes', d.size_bytes)
    FROM documents d WHERE d.id IN (SELECT dvd.document_id FROM verification_submissions vs
                                      JOIN dossier_version_documents dvd ON dvd.version_id = vs.dossier_version_id
                                     WHERE vs.order_id = $1)
  UNION ALL
  SELECT d.attached_at, 'document.attached', d.id::text, 'customer:' || d.customer_id,
         d.kind || ' attached to a dossier',
         jsonb_build_object('documentId', d.id, 'kind', d.kind)
    FROM documents d WHERE d.attached_at IS NOT NULL
     AND d.id IN (SELECT dvd.document_id FROM verification_submissions vs
                    JOIN dossier_version_documents dvd ON dvd.version_id = vs.dossier_version_id
                   WHERE vs.order_id = $1)
  UNION ALL
  SELECT vs.submitted_at, 'submission.submitted', vs.id::text, 'customer:' || vs.customer_id,
         'dossier submitted (submission ' || vs.sequence || ')',
         jsonb_build_object('submissionId', vs.id, 'sequence', vs.sequence, 'dossierVersionId', vs.dossier_version_id)
    FROM verification_submissions vs WHERE vs.order_id = $1
  UNION ALL
  SELECT vs.prechecked_at, 'submission.prechecked', vs.id::text, 'system:precheck',
         'pre-check done (worst finding: ' || COALESCE(vs.worst_severity, 'none') || ')',
         jsonb_build_object('submissionId', vs.id, 'worstSeverity', vs.worst_severity, 'findings', vs.findings)
    FROM verification_submissions vs WHERE vs.order_id = $1 AND vs.prechecked_at IS NOT NULL
  UNION ALL
  SELECT vs.decided_at, 'submission.' || vs.status, vs.id::text, vs.decided_by,
         'submission ' || vs.sequence || ' ' || vs.status || COALESCE(': ' || vs.review_note, ''),
         jsonb_build_object('submissionId', vs.id, 'status', vs.status, 'reviewNote', vs.review_note,
                            'rejectionReasons', vs.rejection_reasons)
    FROM verification_submissions vs WHERE vs.order_id = $1 AND vs.decided_at IS NOT NULL
  UNION ALL
  SELECT ca.created_at, 'carrier.created', ca.id::text, 'system:carrier',
         'carrier application to ' || ca.carrier || ' created',
         jsonb_build_object('applicationId', ca.id, 'carrier', ca.carrier, 'submissionId', ca.submission_id)
    FROM carrier_applications ca WHERE ca.order_id = $1
  UNION ALL
  SELECT ca.submitted_at, 'carrier.submitted', ca.id::text, 'system:carrier',
         'application submitted to ' || ca.carrier || COALESCE(' (' || ca.carrier_reference || ')', ''),
         jsonb_build_object('applicationId', ca.id, 'carrierReference', ca.carrier_reference, 'attempts', ca.attempts)
    FROM carrier_applications ca WHERE ca.order_id = $1 AND ca.submitted_at IS NOT NULL
  UNION ALL
  SELECT ca.decided_at, 'carrier.' || ca.status, ca.id::text, 'system:carrier',
         'carrier ' || ca.carrier || ' ' || ca.status,
         jsonb_build_object('applicationId', ca.id, 'status', ca.status, 'rejectionReasons', ca.rejection_reasons,
                            'carrierReference', ca.carrier_reference)
    FROM carrier_applications ca WHERE ca.order_id = $1 AND ca.decided_at IS NOT NULL`;

/**
 * The order's activity: timeline rows, notes, payments, refunds, notifications sent or given
 * up on, the documents of its submissions, review steps and carrier applications, merged in
 * time order (oldest first by default) and keyset-paginated across all sources at once.
 */
export async function listActivity(
  manager: EntityManager,
  input: { orderId: string; order: SortOrder; limit: number; cursor?: string },
): Promise<Page<ActivityEntry>> {
  const after = input.cursor === undefined ? null : decodeFeedCursor(input.cursor);
  if (after === undefined || (after && after.order !== input.order))
    throw new SalesError('INVALID_QUERY', 'The cursor is not one this feed handed out for this order.');
  await requireOrder(manager, input.orderId);
  const dir = input.order === 'asc' ? 'ASC' : 'DESC';
  const cmp = input.order === 'asc' ? '>' : '<';
  const rows: {
    at: Date;
    kind: string;
    id: string;
    actor: string | null;
    summary: string | null;
    data: Record<string, unknown>;
    cursor_at: string;
  }[] = await manager.query(
    `SELECT f.*, ${cursorText('f.at')} AS cursor_at
       FROM (${FEED_SQL}) f
      WHERE $2::timestamp IS NULL
         OR (f.at AT TIME ZONE 'UTC', (f.kind || ':' || f.id) COLLATE "C") ${cmp} ($2::timestamp, $3::text)
      ORDER BY f.at ${dir}, (f.kind || ':' || f.id) COLLATE "C" ${dir}
      LIMIT $4`,
    [input.orderId, after?.at ?? null, after?.key ?? null, input.limit + 1],
  );
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      at: r.at,
      kind: r.kind,
      actor: r.actor,
      summary: r.summary ?? r.kind,
      data: r.data,
    })),
    nextCursor:
      rows.length > input.limit && last
        ? encodeFeedCursor({ order: input.order, at: last.cursor_at, key: `${last.kind}:${last.id}` })
        : null,
  };
}
