import type { EntityManager } from 'typeorm';
import { templatesForOrderEvent } from './notification-templates';
import { recordMessages } from './record-messages';
import { notificationContext, renderNotification } from './render-notification';

/** The notifications one order timeline row yields. */
export interface OrderEventNotifications {
  /** False when the timeline row does not exist (nothing to do). */
  found: boolean;
  /** Its notifications still to send (new ones, and ones an earlier run recorded but did not send). */
  pending: string[];
  /** How many this call recorded (0 when an earlier run already did). */
  recorded: number;
}

interface EventRow {
  id: string;
  order_id: string;
  type: string;
  event: string | null;
  reason: string | null;
  order_no: string;
  number: string;
  hold_until: Date | null;
  documents_due_at: Date | null;
  total_fen: number | null;
  price_lines: { name: string; nameZh: string; amountFen: number }[] | null;
  paid_fen: number | null;
  email: string;
  contact_name: string;
  company_name: string;
}

/** The dedupe key of the message `template` sent for timeline row `orderEventId`. */
export function orderEventDedupeKey(orderEventId: string, template: string): string {
  return `order-event:${orderEventId}:${template}`;
}

/**
 * Records, against the order, the customer's messages for one order timeline row (by the
 * templates of its type and event). Each message has the dedupe key
 * `order-event:<row id>:<template>`, so running this twice for one row (a retried or
 * duplicated job) records nothing new. Returns the ids of the row's messages not yet sent.
 */
export async function recordOrderEventNotifications(
  manager: EntityManager,
  orderEventId: string,
): Promise<OrderEventNotifications> {
  const rows: EventRow[] = await manager.query(
    `SELECT e.id, e.order_id, e.type, e.event, e.reason, o.order_no, o.number, o.hold_until,
            o.documents_due_at, o.total_fen, o.price_lines, c.email, c.contact_name, c.company_name,
            -- What the order's payment charged, for the receipt (one paid payment per order).
            (SELECT p.amount_fen FROM payments p WHERE p.order_id = o.id AND p.status = 'paid') AS paid_fen
       FROM order_events e
       JOIN orders o ON o.id = e.order_id
       JOIN customers c ON c.id = o.customer_id
      WHERE e.id = $1`,
    [orderEventId],
  );
  const row = rows[0];
  if (!row) return { found: false, pending: [], recorded: 0 };
  const templates = templatesForOrderEvent(row.type, row.event);
  if (templates.length === 0) return { found: true, pending: [], recorded: 0 };

  const context = notificationContext({
    contactName: row.contact_name,
    companyName: row.company_name,
    orderNo: row.order_no,
    number: row.number,
    holdUntil: row.hold_until,
    documentsDueAt: row.documents_due_at,
    totalFen: row.total_fen,
    // A transition's reason, or the one staff gave for a step within a status (a new deadline).
    reason: row.type === 'transition' || row.type === 'deadline_extended' ? row.reason : null,
    amountFen: row.paid_fen,
    lines: row.price_lines,
  });
  const messages = templates.map((template) => ({
    template,
    key: orderEventDedupeKey(String(row.id), template),
    ...renderNotification(template, context),
  }));
  const { recorded, pending } = await recordMessages(
    manager,
    row.order_id,
    messages.map((m) => ({ ...m, dedupeKey: m.key, recipient: row.email, body: m.text })),
  );
  return { found: true, pending, recorded: recorded.length };
}
