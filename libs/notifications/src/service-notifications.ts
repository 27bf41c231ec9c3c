import type { EntityManager } from 'typeorm';
import type { SuspensionReason } from '@haoma/domain';
import type { NotificationTemplateId } from './notification-templates';
import { recordMessage, recordMessages } from './record-messages';
import { notificationContext, renderNotification } from './render-notification';

/**
 * Which templates each service timeline row (`service_events.event`) sends to the customer.
 * Rows not listed send nothing. In these templates `{documentsDueAt}` is the deadline the
 * message is about: the date by which (renewed) documents must be in.
 */
export const SERVICE_EVENT_TEMPLATES: Readonly<Record<string, readonly NotificationTemplateId[]>> = {
  // The order's own `number-activated` message announces it (one email, not two).
  activated: [],
  suspended: ['service-suspended'],
  resumed: ['service-resumed'],
  terminated: ['service-terminated'],
  reverification_requested: ['reverification-requested'],
  // Shown on the timeline; the customer did it themselves or it concerns no action of theirs.
  reverified: [],
  number_released: [],
  records_purged: [],
};

/** The reminders the compliance timers send, one per step kind. */
export const REMINDER_TEMPLATES = [
  'documents-reminder',
  'expiry-reminder',
  'reverification-reminder',
  'termination-reminder',
] as const satisfies readonly NotificationTemplateId[];
export type ReminderTemplateId = (typeof REMINDER_TEMPLATES)[number];

// A suspension reason as the customer reads it, both languages (one email carries both).
const SUSPENSION_REASON_TEXT: Record<SuspensionReason, string> = {
  licence_expired: '营业执照或行业许可证已过期 / the business or industry licence has expired',
  id_expired: '法定代表人身份证已过期 / the legal representative’s ID has expired',
  regulator_flag: '监管部门要求核查 / the regulator asked for the line to be checked',
  reverification_overdue: '未在截止时间前完成重新认证 / the re-verification was not completed in time',
};

/** The customer's wording of a suspension reason code (the code itself when unknown). */
export function suspensionReasonText(reason: string): string {
  return Object.hasOwn(SUSPENSION_REASON_TEXT, reason)
    ? SUSPENSION_REASON_TEXT[reason as SuspensionReason]
    : reason;
}

/** The dedupe key of the message `template` sent for service timeline row `serviceEventId`. */
export function serviceEventDedupeKey(serviceEventId: string, template: string): string {
  return `service-event:${serviceEventId}:${template}`;
}

/** The notifications one service timeline row yields (as OrderEventNotifications). */
export interface ServiceEventNotifications {
  found: boolean;
  pending: string[];
  recorded: number;
}

interface ServiceEventRow {
  id: string;
  event: string;
  reason: string | null;
  data: Record<string, unknown> | null;
  order_id: string;
  number: string;
  suspension_reason: string | null;
  order_no: string;
  email: string;
  contact_name: string;
  company_name: string;
}

const dateOf = (value: unknown): Date | null =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : null;

/**
 * Records the customer's messages for one service timeline row, deduplicated by
 * `service-event:<row id>:<template>` (a retried or duplicated job records nothing new), and
 * returns the ids of the row's messages not yet sent. The deadline a message names comes from
 * the row's data (`terminatesAt` of a suspension, `dueAt` of a re-verification request).
 */
export async function recordServiceEventNotifications(
  manager: EntityManager,
  serviceEventId: string,
): Promise<ServiceEventNotifications> {
  const rows: ServiceEventRow[] = await manager.query(
    `SELECT e.id, e.event, e.reason, e.data, s.order_id, s.number, s.suspension_reason, o.order_no,
            c.email, c.contact_name, c.company_name
       FROM service_events e
       JOIN services s ON s.id = e.service_id
       JOIN orders o ON o.id = s.order_id
       JOIN customers c ON c.id = s.customer_id
      WHERE e.id = $1`,
    [serviceEventId],
  );
  const row = rows[0];
  if (!row) return { found: false, pending: [], recorded: 0 };
  const templates = SERVICE_EVENT_TEMPLATES[row.event] ?? [];
  if (templates.length === 0) return { found: true, pending: [], recorded: 0 };

  const suspensionReason =
    typeof row.data?.['suspensionReason'] === 'string' ? row.data['suspensionReason'] : null;
  const reason =
    row.event === 'suspended' && suspensionReason
      ? [suspensionReasonText(suspensionReason), row.reason].filter(Boolean).join('; ')
      : row.reason;
  const context = notificationContext({
    contactName: row.contact_name,
    companyName: row.company_name,
    orderNo: row.order_no,
    number: row.number,
    holdUntil: null,
    documentsDueAt: dateOf(row.data?.['terminatesAt']) ?? dateOf(row.data?.['dueAt']),
    totalFen: null,
    reason,
  });
  const messages = templates.map((template) => ({
    template,
    key: serviceEventDedupeKey(String(row.id), template),
    ...renderNotification(template, context),
  }));
  const { recorded, pending } = await recordMessages(
    manager,
    row.order_id,
    messages.map((m) => ({ ...m, dedupeKey: m.key, recipient: row.email, body: m.text })),
  );
  return { found: true, pending, recorded: recorded.length };
}

/** One reminder before a compliance step, about the order (and its line) `orderId`. */
export interface ReminderNotification {
  template: ReminderTemplateId;
  orderId: string;
  /** Unique per step, deadline and offset: the same reminder is recorded once, ever. */
  dedupeKey: string;
  /** When the step happens. */
  dueAt: Date;
  /** What the step is about, as the customer reads it (e.g. which credential expires). */
  reason?: string | null;
}

/**
 * Records one reminder in the caller's transaction; returns the new notification's id, or
 * null when the order does not exist or this reminder was recorded before (its dedupe key).
 */
export async function recordReminderNotification(
  manager: EntityManager,
  reminder: ReminderNotification,
): Promise<string | null> {
  const rows: {
    order_no: string;
    number: string;
    email: string;
    contact_name: string;
    company_name: string;
  }[] = await manager.query(
    `SELECT o.order_no, o.number, c.email, c.contact_name, c.company_name
         FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = $1`,
    [reminder.orderId],
  );
  const row = rows[0];
  if (!row) return null;
  const context = notificationContext({
    contactName: row.contact_name,
    companyName: row.company_name,
    orderNo: row.order_no,
    number: row.number,
    holdUntil: null,
    documentsDueAt: reminder.dueAt,
    totalFen: null,
    reason: reminder.reason ?? null,
  });
  const { subject, text } = renderNotification(reminder.template, context);
  return recordMessage(manager, reminder.orderId, {
    dedupeKey: reminder.dedupeKey,
    template: reminder.template,
    recipient: row.email,
    subject,
    body: text,
  });
}
