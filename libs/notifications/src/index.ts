export {
  NOTIFICATION_TEMPLATES,
  ORDER_EVENT_TEMPLATES,
  notifyingOrderEvents,
  templatesForOrderEvent,
  type NotificationContext,
  type NotificationTemplate,
  type NotificationTemplateId,
} from './notification-templates';
export {
  formatBeijingTime,
  formatFen,
  notificationContext,
  renderNotification,
  type OrderNotificationFacts,
  type RenderedNotification,
} from './render-notification';
export {
  MAIL_TRANSPORT,
  isPermanentMailError,
  messageIdOf,
  type MailMessage,
  type MailTransport,
} from './mail-transport';
export { FileMailTransport } from './file-mail.transport';
export { SmtpMailTransport } from './smtp-mail.transport';
export {
  orderEventDedupeKey,
  recordOrderEventNotifications,
  type OrderEventNotifications,
} from './order-notifications';
export {
  REFUND_TEMPLATES,
  recordRefundNotification,
  refundDedupeKey,
  refundReasonText,
  type RefundTemplateId,
} from './refund-notifications';
export { sendNotification, type SendNotificationResult } from './send-notification';
export { NotificationsModule, createMailTransport } from './notifications.module';
export {
  REMINDER_TEMPLATES,
  SERVICE_EVENT_TEMPLATES,
  recordReminderNotification,
  recordServiceEventNotifications,
  serviceEventDedupeKey,
  suspensionReasonText,
  type ReminderNotification,
  type ReminderTemplateId,
  type ServiceEventNotifications,
} from './service-notifications';
export { resendDedupeKey, resendNotification, type ResentNotification } from './resend-notification';
export { recordMessage, recordMessages, type MessageToRecord } from './record-messages';
