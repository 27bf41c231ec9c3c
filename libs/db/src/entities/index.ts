import { AuditEntryEntity } from './audit-entry.entity';
import { OrderNoteEntity } from './order-note.entity';
import { RegradeRunEntity } from './regrade-run.entity';
import { SearchCountEntity } from './search-count.entity';
import { CarrierApplicationEntity } from './carrier-application.entity';
import { DocumentEntity } from './document.entity';
import { DossierEntity } from './dossier.entity';
import { DossierVersionEntity } from './dossier-version.entity';
import { DossierVersionDocumentEntity } from './dossier-version-document.entity';
import { ReverificationCampaignEntity } from './reverification-campaign.entity';
import { ReverificationTaskEntity } from './reverification-task.entity';
import { ServiceEntity } from './service.entity';
import { ServiceEventEntity } from './service-event.entity';
import { VerificationSubmissionEntity } from './verification-submission.entity';
import { AgreementEntity } from './agreement.entity';
import { CustomerEntity } from './customer.entity';
import { FeatureEntity } from './feature.entity';
import { GradingRuleSetEntity } from './grading-rule-set.entity';
import { InventoryImportEntity } from './inventory-import.entity';
import { NumberEventEntity } from './number-event.entity';
import { NumberEntity } from './number.entity';
import { NotificationEntity } from './notification.entity';
import { OrderEventEntity } from './order-event.entity';
import { OrderSignatureEntity } from './order-signature.entity';
import { OrderEntity } from './order.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { PaymentEntity } from './payment.entity';
import { PlanEntity } from './plan.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { RefundEntity } from './refund.entity';
import { SessionEntity } from './session.entity';
import { StaffMemberEntity } from './staff-member.entity';
import { WebhookEventEntity } from './webhook-event.entity';

export {
  AuditEntryEntity,
  OrderNoteEntity,
  RegradeRunEntity,
  SearchCountEntity,
  CarrierApplicationEntity,
  DocumentEntity,
  DossierEntity,
  DossierVersionEntity,
  DossierVersionDocumentEntity,
  ReverificationCampaignEntity,
  ReverificationTaskEntity,
  ServiceEntity,
  ServiceEventEntity,
  VerificationSubmissionEntity,
  AgreementEntity,
  CustomerEntity,
  FeatureEntity,
  GradingRuleSetEntity,
  InventoryImportEntity,
  NumberEntity,
  NumberEventEntity,
  NotificationEntity,
  OrderEntity,
  OrderEventEntity,
  OrderSignatureEntity,
  OutboxMessageEntity,
  PaymentEntity,
  PlanEntity,
  RefreshTokenEntity,
  RefundEntity,
  SessionEntity,
  StaffMemberEntity,
  WebhookEventEntity,
};
export {
  PAYMENT_PROVIDERS,
  PAYMENT_STATUSES,
  type PaymentProvider,
  type PaymentStatus,
} from './payment.entity';
export { REFUND_STATUSES, type RefundStatus } from './refund.entity';
export { STAFF_ROLES, type StaffRole } from './staff-member.entity';
export { ACCOUNT_KINDS, type AccountKind } from './session.entity';
export { AGREEMENT_KINDS, type AgreementKind } from './agreement.entity';
export { ORDER_EVENT_TYPES, type OrderEventType } from './order-event.entity';
export type { OrderPriceLine } from './order.entity';
export { NOTIFICATION_STATUSES, type NotificationStatus } from './notification.entity';
export { NUMBER_STATUSES, HOLDING_STATUSES, type NumberStatus } from './number.entity';
export { IMPORT_STATUSES, type ImportStatus } from './inventory-import.entity';

export const ENTITIES = [
  NumberEntity,
  NumberEventEntity,
  PlanEntity,
  FeatureEntity,
  GradingRuleSetEntity,
  InventoryImportEntity,
  CustomerEntity,
  StaffMemberEntity,
  SessionEntity,
  RefreshTokenEntity,
  AgreementEntity,
  OrderEntity,
  OrderEventEntity,
  OrderSignatureEntity,
  OutboxMessageEntity,
  NotificationEntity,
  PaymentEntity,
  RefundEntity,
  WebhookEventEntity,
  DocumentEntity,
  DossierEntity,
  DossierVersionEntity,
  DossierVersionDocumentEntity,
  VerificationSubmissionEntity,
  CarrierApplicationEntity,
  ServiceEntity,
  ServiceEventEntity,
  ReverificationCampaignEntity,
  ReverificationTaskEntity,
  AuditEntryEntity,
  OrderNoteEntity,
  RegradeRunEntity,
  SearchCountEntity,
];
export type { StoredFinding, StoredRejectionReason } from './verification-submission.entity';
export type { CampaignSelection } from './reverification-campaign.entity';
