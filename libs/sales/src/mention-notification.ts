import { formatNumber } from '@haoma/domain';

/** The template id stored on mention notifications. */
export const MENTION_TEMPLATE = 'staff-note-mention';

/** The dedupe key of one mention: a note notifies each person it mentions once. */
export const mentionDedupeKey = (noteId: string, staffId: string) => `note:${noteId}:${staffId}`;

export interface MentionFacts {
  recipientName: string;
  authorName: string;
  orderId: string;
  orderNo: string;
  number: string;
  body: string;
}

/**
 * The message a mentioned staff member receives, in Chinese then English like the customer
 * templates (libs/notifications), with the note quoted in full and the order's staff path.
 */
export function renderMention(facts: MentionFacts): { subject: string; body: string } {
  const number = formatNumber(facts.number);
  const quoted = facts.body
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const path = `/api/v1/staff/orders/${facts.orderId}`;
  return {
    subject: `${facts.authorName} 在订单 ${facts.orderNo} 的备注中提到了您 / ${facts.authorName} mentioned you on order ${facts.orderNo}`,
    body: [
      `${facts.recipientName}，您好：`,
      `${facts.authorName} 在订单 ${facts.orderNo}（号码 ${number}）的备注中提到了您：`,
      '',
      quoted,
      '',
      `查看订单：${path}`,
      '',
      '---',
      '',
      `Hello ${facts.recipientName},`,
      `${facts.authorName} mentioned you in a note on order ${facts.orderNo} (number ${number}):`,
      '',
      quoted,
      '',
      `Open the order: ${path}`,
    ].join('\n'),
  };
}
