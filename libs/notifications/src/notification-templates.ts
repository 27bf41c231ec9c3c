import type { OrderEvent } from '@haoma/domain';
import type { OrderEventType } from '@haoma/db';

/** One language's version of a message. */
interface LocalisedText {
  zh: string;
  en: string;
}

/**
 * A message as data: subject and plain-text body, each in Simplified Chinese and English
 * (one email carries both). `{name}` placeholders are filled from a NotificationContext.
 */
export interface NotificationTemplate {
  subject: LocalisedText;
  body: LocalisedText;
}

/** What a template may refer to; every value is already formatted for display. */
export interface NotificationContext {
  contactName: string;
  companyName: string;
  orderNo: string;
  /** The number as shown, `400-123-4567`. */
  number: string;
  /** Times are Beijing time, `2026-05-01 14:30`; `—` when unknown. */
  holdUntil: string;
  documentsDueAt: string;
  /** The order total, `¥1,280.00`; `—` before the order is priced. */
  total: string;
  /** Why it happened (reviewer's or carrier's reasons, cancellation reason, refund reason). */
  reason: string;
  /** The money a payment message is about (paid, refunded), `¥1,280.00`; `—` when none. */
  amount: string;
  /** The order's price lines, one per line (`  · 套餐 Plan: ¥980.00`); `—` before pricing. */
  lines: string;
}

/** Every message the shop sends, by template id (the id is stored on each notification). */
export const NOTIFICATION_TEMPLATES = {
  'order-held': {
    subject: { zh: '号码 {number} 已为您保留', en: 'Number {number} is held for you' },
    body: {
      zh: '号码 {number} 已为您的订单 {orderNo} 保留至 {holdUntil}（北京时间）。请在此之前选择套餐与功能、签署协议并完成付款；逾期未付款，号码将自动释放。',
      en: 'Number {number} is held for your order {orderNo} until {holdUntil} (Beijing time). Choose a plan and features, sign the agreements and pay before then; after that the number is released automatically.',
    },
  },
  'hold-extended': {
    subject: { zh: '号码 {number} 的保留已延长', en: 'Your hold on {number} was extended' },
    body: {
      zh: '订单 {orderNo} 中号码 {number} 的保留已延长至 {holdUntil}（北京时间）。',
      en: 'The hold on number {number} (order {orderNo}) now runs until {holdUntil} (Beijing time).',
    },
  },
  'order-signed': {
    subject: { zh: '协议已签署，请完成付款', en: 'Agreements signed: please pay for {number}' },
    body: {
      zh: '订单 {orderNo}（号码 {number}）的服务协议和400业务补充协议已签署。应付金额 {total}，请在 {holdUntil}（北京时间）前完成付款；逾期未付款，号码将自动释放。',
      en: 'The service agreement and the 400 supplement agreement of order {orderNo} (number {number}) are signed. Please pay {total} before {holdUntil} (Beijing time); after that the number is released automatically.',
    },
  },
  'hold-expired': {
    subject: { zh: '号码 {number} 的保留已到期', en: 'Your hold on {number} has expired' },
    body: {
      zh: '订单 {orderNo} 中号码 {number} 的保留已于 {holdUntil}（北京时间）到期，订单已关闭，该号码已重新开放选购。如仍需要，请重新下单。',
      en: 'The hold on number {number} (order {orderNo}) ran out at {holdUntil} (Beijing time). The order is closed and the number is back on sale; place a new order if you still want it.',
    },
  },
  'payment-confirmed': {
    subject: { zh: '付款成功，号码 {number} 已锁定', en: 'Payment received: number {number} is yours' },
    body: {
      zh: '我们已收到订单 {orderNo} 的付款 {amount}，号码 {number} 已锁定给您。\n\n收据：\n{lines}\n合计 {total}\n\n请在 {documentsDueAt}（北京时间）前提交实名认证材料。',
      en: 'We received {amount} for order {orderNo}; number {number} is now locked to you.\n\nReceipt:\n{lines}\nTotal {total}\n\nPlease submit the real-name verification documents before {documentsDueAt} (Beijing time).',
    },
  },
  'late-payment-refunded': {
    subject: {
      zh: '号码 {number} 已被他人选购，付款将全额退还',
      en: 'Number {number} was taken: your payment will be refunded',
    },
    body: {
      zh: '订单 {orderNo} 的付款 {amount} 到账时，号码 {number} 的保留已经到期，并已被其他客户选购。订单已取消，付款将全额原路退还，退款进度将另行通知。欢迎重新选购其他号码。',
      en: 'The payment of {amount} for order {orderNo} arrived after the hold on number {number} had expired, and another customer has taken the number since. The order is cancelled and the payment will be refunded in full to where it came from; we will tell you when the refund is through. You are welcome to choose another number.',
    },
  },
  'refund-created': {
    subject: { zh: '订单 {orderNo} 退款处理中', en: 'Refund started for order {orderNo}' },
    body: {
      zh: '我们已为订单 {orderNo}（号码 {number}）发起退款 {amount}，原因：{reason}。款项将原路退回，到账时间以支付渠道为准。',
      en: 'We have started a refund of {amount} for order {orderNo} (number {number}). Reason: {reason}. The money goes back to where it came from; how long it takes depends on the payment method.',
    },
  },
  'refund-succeeded': {
    subject: { zh: '订单 {orderNo} 退款成功', en: 'Refund completed for order {orderNo}' },
    body: {
      zh: '订单 {orderNo}（号码 {number}）的退款 {amount} 已成功退回。',
      en: 'The refund of {amount} for order {orderNo} (number {number}) has gone through.',
    },
  },
  'refund-failed': {
    subject: { zh: '订单 {orderNo} 退款未成功', en: 'Refund failed for order {orderNo}' },
    body: {
      zh: '订单 {orderNo}（号码 {number}）的退款 {amount} 未能完成。我们的客服将尽快与您联系，另行安排退款。',
      en: 'The refund of {amount} for order {orderNo} (number {number}) could not be completed. Our support team will contact you shortly to arrange it another way.',
    },
  },
  'documents-received': {
    subject: { zh: '实名认证材料已收到', en: 'Documents received for {number}' },
    body: {
      zh: '订单 {orderNo}（号码 {number}）的实名认证材料已收到，正在审核，结果将另行通知。',
      en: 'We received the verification documents of order {orderNo} (number {number}). They are being reviewed; we will tell you the result.',
    },
  },
  'documents-rejected': {
    subject: { zh: '实名认证材料需要修改', en: 'Your documents for {number} need changes' },
    body: {
      zh: '订单 {orderNo}（号码 {number}）的实名认证材料未通过审核：{reason}。请在 {documentsDueAt}（北京时间）前修改后重新提交。',
      en: 'The verification documents of order {orderNo} (number {number}) were not accepted: {reason}. Please correct and resubmit them before {documentsDueAt} (Beijing time).',
    },
  },
  'review-approved': {
    subject: { zh: '审核通过，号码 {number} 开通中', en: 'Approved: number {number} is being activated' },
    body: {
      zh: '订单 {orderNo} 的实名认证已通过审核，号码 {number} 已提交运营商开通，开通后将另行通知。',
      en: 'The verification of order {orderNo} is approved and number {number} has been submitted to the carrier for activation. We will tell you when it is live.',
    },
  },
  'carrier-rejected': {
    subject: {
      zh: '运营商退回了号码 {number} 的开通申请',
      en: 'The carrier returned the application for {number}',
    },
    body: {
      zh: '运营商退回了订单 {orderNo}（号码 {number}）的开通申请：{reason}。请在 {documentsDueAt}（北京时间）前补充材料后重新提交。',
      en: 'The carrier returned the application of order {orderNo} (number {number}): {reason}. Please complete the documents and resubmit them before {documentsDueAt} (Beijing time).',
    },
  },
  'number-activated': {
    subject: { zh: '号码 {number} 已开通', en: 'Number {number} is live' },
    body: {
      zh: '订单 {orderNo} 的号码 {number} 已开通，可以使用了。请在证照到期前及时更新实名认证材料，以免停机。感谢您选择好码。',
      en: 'Number {number} of order {orderNo} is active and ready to use. Please renew your verification documents before they expire to avoid suspension. Thank you for choosing Haoma.',
    },
  },
  'order-cancelled': {
    subject: { zh: '订单 {orderNo} 已取消', en: 'Order {orderNo} is cancelled' },
    body: {
      zh: '订单 {orderNo}（号码 {number}）已取消：{reason}。如已付款，我们将按退款政策退款。',
      en: 'Order {orderNo} (number {number}) is cancelled: {reason}. If you paid, we refund you according to the refund policy.',
    },
  },
  'documents-deadline-extended': {
    subject: {
      zh: '订单 {orderNo} 的材料提交期限已延长',
      en: 'More time for the documents of order {orderNo}',
    },
    body: {
      zh: '订单 {orderNo}（号码 {number}）的实名认证材料提交期限已延长至 {documentsDueAt}（北京时间）。说明：{reason}',
      en: 'The deadline for the verification documents of order {orderNo} (number {number}) is now {documentsDueAt} (Beijing time). Note: {reason}',
    },
  },
  'documents-overdue': {
    subject: {
      zh: '订单 {orderNo} 因逾期未提交材料已取消',
      en: 'Order {orderNo} cancelled: documents overdue',
    },
    body: {
      zh: '订单 {orderNo}（号码 {number}）未在 {documentsDueAt}（北京时间）前提交实名认证材料，订单已取消，号码已释放。我们将按退款政策退款。',
      en: 'The verification documents of order {orderNo} (number {number}) were not submitted by {documentsDueAt} (Beijing time), so the order is cancelled and the number released. We refund you according to the refund policy.',
    },
  },
  'documents-reminder': {
    subject: {
      zh: '请尽快提交号码 {number} 的实名认证材料',
      en: 'Reminder: documents for {number} are due soon',
    },
    body: {
      zh: '订单 {orderNo}（号码 {number}）的实名认证材料尚未提交，截止时间为 {documentsDueAt}（北京时间）。逾期未提交，订单将被取消，号码将被释放。',
      en: 'The verification documents of order {orderNo} (number {number}) are still missing; they are due by {documentsDueAt} (Beijing time). After that the order is cancelled and the number released.',
    },
  },
  'service-suspended': {
    subject: { zh: '号码 {number} 已停机', en: 'The line {number} is suspended' },
    body: {
      zh: '号码 {number}（订单 {orderNo}）已停机，原因：{reason}。如未在 {documentsDueAt}（北京时间）前完成实名认证，号码将被销户。',
      en: 'The line {number} (order {orderNo}) is suspended. Reason: {reason}. Unless it is re-verified by {documentsDueAt} (Beijing time), the line will be terminated.',
    },
  },
  'service-resumed': {
    subject: { zh: '号码 {number} 已恢复服务', en: 'The line {number} is active again' },
    body: {
      zh: '号码 {number}（订单 {orderNo}）已恢复服务：{reason}。',
      en: 'The line {number} (order {orderNo}) is active again: {reason}.',
    },
  },
  'service-terminated': {
    subject: { zh: '号码 {number} 已销户', en: 'The line {number} is terminated' },
    body: {
      zh: '号码 {number}（订单 {orderNo}）已销户：{reason}。号码将在冷冻期后重新开放选购；实名资料将按规定保存两年后删除。',
      en: 'The line {number} (order {orderNo}) is terminated: {reason}. The number rests in quarantine before it returns to sale; identity records are kept as the law requires, then deleted.',
    },
  },
  'reverification-requested': {
    subject: { zh: '请为号码 {number} 重新进行实名认证', en: 'Please re-verify the line {number}' },
    body: {
      zh: '根据监管要求，请在 {documentsDueAt}（北京时间）前为号码 {number}（订单 {orderNo}）重新签署400业务补充协议并确认或更新实名认证资料。逾期未完成，号码将被停机。',
      en: 'As the regulator requires, please re-sign the 400 supplement agreement and confirm or update the verification dossier of the line {number} (order {orderNo}) by {documentsDueAt} (Beijing time). Otherwise the line will be suspended.',
    },
  },
  'expiry-reminder': {
    subject: { zh: '号码 {number} 的实名证照即将到期', en: 'Credentials of {number} expire soon' },
    body: {
      zh: '号码 {number}（订单 {orderNo}）的实名认证证照（{reason}）将于 {documentsDueAt}（北京时间）到期。请在此之前更新资料，否则号码将被停机。',
      en: 'A credential of the line {number} (order {orderNo}) ({reason}) expires at {documentsDueAt} (Beijing time). Please update the dossier before then, or the line will be suspended.',
    },
  },
  'reverification-reminder': {
    subject: { zh: '提醒：号码 {number} 的重新认证即将截止', en: 'Reminder: re-verify {number} soon' },
    body: {
      zh: '号码 {number}（订单 {orderNo}）的重新实名认证将于 {documentsDueAt}（北京时间）截止，逾期未完成，号码将被停机。',
      en: 'The re-verification of the line {number} (order {orderNo}) is due by {documentsDueAt} (Beijing time); after that the line will be suspended.',
    },
  },
  'termination-reminder': {
    subject: { zh: '提醒：号码 {number} 即将销户', en: 'Reminder: the line {number} will be terminated' },
    body: {
      zh: '已停机的号码 {number}（订单 {orderNo}）将于 {documentsDueAt}（北京时间）销户，原因：{reason}。请在此之前完成实名认证以恢复服务。',
      en: 'The suspended line {number} (order {orderNo}) will be terminated at {documentsDueAt} (Beijing time). Reason for the suspension: {reason}. Re-verify before then to restore it.',
    },
  },
} as const satisfies Record<string, NotificationTemplate>;

/** The id of a template: `hold-expired`, `order-signed`, … */
export type NotificationTemplateId = keyof typeof NOTIFICATION_TEMPLATES;

/**
 * Which templates each order timeline row sends to the customer: a status transition by its
 * workflow event, other rows by their type. Exhaustive over the workflow's events, so a new
 * event does not compile until someone decides what it tells the customer.
 */
export const ORDER_EVENT_TEMPLATES: {
  transition: Record<OrderEvent, readonly NotificationTemplateId[]>;
  other: Record<Exclude<OrderEventType, 'transition'>, readonly NotificationTemplateId[]>;
} = {
  transition: {
    sign: ['order-signed'],
    hold_expired: ['hold-expired'],
    payment_confirmed: ['payment-confirmed'],
    late_payment_confirmed: ['payment-confirmed'],
    late_payment_refunded: ['late-payment-refunded'],
    documents_submitted: ['documents-received'],
    documents_deadline_passed: ['documents-overdue'],
    review_rejected: ['documents-rejected'],
    review_approved: ['review-approved'],
    carrier_rejected: ['carrier-rejected'],
    carrier_activated: ['number-activated'],
    // The service's own timeline tells the customer (service-event-recorded).
    service_terminated: [],
    cancel: ['order-cancelled'],
  },
  other: {
    created: ['order-held'],
    hold_extended: ['hold-extended'],
    // Within-status steps the customer just took and sees on screen.
    priced: [],
    signed: [],
    // Staff steps: who follows the order is internal; a new deadline is the customer's news.
    assigned: [],
    deadline_extended: ['documents-deadline-extended'],
  },
};

/** The templates an order timeline row (its type, and its workflow event for a transition) sends. */
export function templatesForOrderEvent(
  type: string,
  event: string | null,
): readonly NotificationTemplateId[] {
  if (type === 'transition')
    return event !== null && Object.hasOwn(ORDER_EVENT_TEMPLATES.transition, event)
      ? ORDER_EVENT_TEMPLATES.transition[event as OrderEvent]
      : [];
  return Object.hasOwn(ORDER_EVENT_TEMPLATES.other, type)
    ? ORDER_EVENT_TEMPLATES.other[type as Exclude<OrderEventType, 'transition'>]
    : [];
}

/** Timeline rows that send at least one message: transition events, and the other row types. */
export function notifyingOrderEvents(): { events: string[]; types: string[] } {
  const sends = ([, templates]: [string, readonly NotificationTemplateId[]]) => templates.length > 0;
  return {
    events: Object.entries(ORDER_EVENT_TEMPLATES.transition)
      .filter(sends)
      .map(([event]) => event),
    types: Object.entries(ORDER_EVENT_TEMPLATES.other)
      .filter(sends)
      .map(([type]) => type),
  };
}
