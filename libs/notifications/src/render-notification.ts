import { formatNumber } from '@haoma/domain';
import {
  NOTIFICATION_TEMPLATES,
  type NotificationContext,
  type NotificationTemplateId,
} from './notification-templates';

/** A rendered message: what is stored in `notifications` and sent. */
export interface RenderedNotification {
  subject: string;
  text: string;
}

/** The facts about an order (and its customer) that messages mention. */
export interface OrderNotificationFacts {
  contactName: string;
  companyName: string;
  orderNo: string | number;
  number: string;
  holdUntil: Date | null;
  documentsDueAt: Date | null;
  totalFen: number | null;
  reason: string | null;
  /** The money the message is about (a payment, a refund), when it is about money. */
  amountFen?: number | null;
  /** The order's price lines, for receipts. */
  lines?: readonly { name: string; nameZh: string; amountFen: number }[] | null;
}

const UNKNOWN = '—';
const SIGNATURE = '好码 Haoma';

const beijing = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-05-01 14:30`, Beijing time (customers read times in Asia/Shanghai). */
export function formatBeijingTime(at: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    beijing.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Integer fen as yuan, `¥1,280.00`: integer arithmetic, no float rounding. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Formats order facts for the templates. */
export function notificationContext(facts: OrderNotificationFacts): NotificationContext {
  return {
    contactName: facts.contactName,
    companyName: facts.companyName,
    orderNo: String(facts.orderNo),
    number: formatNumber(facts.number),
    holdUntil: facts.holdUntil ? formatBeijingTime(facts.holdUntil) : UNKNOWN,
    documentsDueAt: facts.documentsDueAt ? formatBeijingTime(facts.documentsDueAt) : UNKNOWN,
    total: facts.totalFen === null ? UNKNOWN : formatFen(facts.totalFen),
    reason: facts.reason?.trim() || UNKNOWN,
    amount: facts.amountFen === null || facts.amountFen === undefined ? UNKNOWN : formatFen(facts.amountFen),
    lines: facts.lines?.length
      ? facts.lines.map((line) => `  · ${line.nameZh} ${line.name}: ${formatFen(line.amountFen)}`).join('\n')
      : UNKNOWN,
  };
}

function fill(templateId: string, text: string, context: NotificationContext): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!Object.hasOwn(context, key))
      throw new Error(`notification template "${templateId}" uses unknown placeholder {${key}}`);
    return context[key as keyof NotificationContext];
  });
}

/**
 * Renders a template into one bilingual message: the subject `中文 / English`, the body the
 * Chinese greeting and text, then the English ones. Throws on a placeholder the context does
 * not have (a template defect, caught by the template tests).
 */
export function renderNotification(
  templateId: NotificationTemplateId,
  context: NotificationContext,
): RenderedNotification {
  const template = NOTIFICATION_TEMPLATES[templateId];
  const subject = `${fill(templateId, template.subject.zh, context)} / ${fill(templateId, template.subject.en, context)}`;
  const text = [
    `${context.contactName}，您好：`,
    '',
    fill(templateId, template.body.zh, context),
    '',
    '----',
    '',
    `Dear ${context.contactName},`,
    '',
    fill(templateId, template.body.en, context),
    '',
    `— ${SIGNATURE}`,
    '',
  ].join('\n');
  return { subject, text };
}
