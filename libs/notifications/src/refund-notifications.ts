import type { EntityManager } from 'typeorm';
import type { NotificationTemplateId } from './notification-templates';
import { recordMessage } from './record-messages';
import { notificationContext, renderNotification } from './render-notification';

/** The messages a refund sends: when it is started, and when the provider settles it. */
export const REFUND_TEMPLATES = [
  'refund-created',
  'refund-succeeded',
  'refund-failed',
] as const satisfies readonly NotificationTemplateId[];
export type RefundTemplateId = (typeof REFUND_TEMPLATES)[number];

// Why a refund exists (refunds.reason), as the customer reads it: both languages, since one
// email carries both.
const REASON_TEXT: Record<string, string> = {
  number_taken: '号码已被其他客户选购 / the number was taken by another customer',
  duplicate_payment: '订单重复付款 / the order was paid twice',
  cancelled_before_review:
    '订单在审核开始前取消，全额退款 / the order was cancelled before review: full refund',
  cancelled_after_review:
    '订单在审核开始后取消，扣除取消手续费 / the order was cancelled after review started: less the cancellation fee',
  staff: '客服办理 / issued by our staff',
};

/** The dedupe key of the message `template` for refund `refundId`: one message each, ever. */
export function refundDedupeKey(refundId: string, template: RefundTemplateId): string {
  return `refund:${refundId}:${template}`;
}

/** The customer's wording of a refund reason code. */
export function refundReasonText(reason: string): string {
  return REASON_TEXT[reason] ?? reason;
}

interface RefundRow {
  order_id: string;
  amount_fen: number;
  reason: string;
  order_no: string;
  number: string;
  hold_until: Date | null;
  documents_due_at: Date | null;
  total_fen: number | null;
  email: string;
  contact_name: string;
  company_name: string;
}

/**
 * Records, in the caller's transaction, the customer's message `template` about one refund
 * (its amount and reason). Deduplicated by `refund:<id>:<template>`: returns the new
 * notification's id, or null when the refund does not exist or the message was recorded
 * before. The caller enqueues the send (an outbox row in the same transaction).
 */
export async function recordRefundNotification(
  manager: EntityManager,
  refundId: string,
  template: RefundTemplateId,
): Promise<string | null> {
  const rows: RefundRow[] = await manager.query(
    `SELECT r.order_id, r.amount_fen, r.reason, o.order_no, o.number, o.hold_until, o.documents_due_at,
            o.total_fen, c.email, c.contact_name, c.company_name
       FROM refunds r
       JOIN orders o ON o.id = r.order_id
       JOIN customers c ON c.id = o.customer_id
      WHERE r.id = $1`,
    [refundId],
  );
  const row = rows[0];
  if (!row) return null;
  const context = notificationContext({
    contactName: row.contact_name,
    companyName: row.company_name,
    orderNo: row.order_no,
    number: row.number,
    holdUntil: row.hold_until,
    documentsDueAt: row.documents_due_at,
    totalFen: row.total_fen,
    reason: refundReasonText(row.reason),
    amountFen: row.amount_fen,
  });
  const { subject, text } = renderNotification(template, context);
  return recordMessage(manager, row.order_id, {
    dedupeKey: refundDedupeKey(refundId, template),
    template,
    recipient: row.email,
    subject,
    body: text,
  });
}
