import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@haoma/config';
import { DatabaseModule } from '@haoma/db';
import { DocumentStorageModule } from '@haoma/documents';
import { QueueModule } from '@haoma/jobs';
import { NotificationsModule } from '@haoma/notifications';
import { PaymentsModule } from '@haoma/payments';
import { BackofficeWorkerModule } from './backoffice/backoffice-worker.module';
import { GracefulShutdown } from './boot/graceful-shutdown';
import { CarrierWorkerModule } from './carrier/carrier-worker.module';
import { ComplianceWorkerModule } from './compliance/compliance-worker.module';
import { DocumentsWorkerModule } from './documents/documents-worker.module';
import { SalesWorkerModule } from './sales/sales-worker.module';
import { VerificationWorkerModule } from './verification/verification-worker.module';
import { JobSchedules } from './boot/job-schedules';
import { ProcessorCoverageCheck } from './boot/processor-coverage';
import { QueueEventsLog } from './boot/queue-events-log';
import { DeadlineSweeper } from './maintenance/deadline-sweeper';
import { LostJobRecovery } from './maintenance/lost-jobs';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { OverdueOrders } from './maintenance/overdue-orders';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { OrderNotificationsHandler } from './notifications/order-notifications.handler';
import { HoldExpiryHandler } from './orders/hold-expiry.handler';
import { OrdersProcessor } from './orders/orders.processor';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { CancellationRefundHandler } from './payments/cancellation-refund.handler';
import { LostPaymentJobs } from './payments/lost-payment-jobs';
import { PaymentsProcessor } from './payments/payments.processor';
import { RefundExecutionHandler } from './payments/refund-execution.handler';
import { WebhookEventHandler } from './payments/webhook-event.handler';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ applicationName: 'haoma-worker', statementTimeout: false }),
        QueueModule.forRoot(),
        DocumentStorageModule,
        NotificationsModule,
        PaymentsModule,
        DiscoveryModule,
        DocumentsWorkerModule,
        VerificationWorkerModule,
        CarrierWorkerModule,
        ComplianceWorkerModule,
        SalesWorkerModule,
        BackofficeWorkerModule,
      ],
      providers: [
        MaintenanceProcessor,
        OrdersProcessor,
        NotificationsProcessor,
        PaymentsProcessor,
        DeadlineSweeper,
        OverdueOrders,
        LostJobRecovery,
        HoldExpiryHandler,
        OrderNotificationsHandler,
        WebhookEventHandler,
        RefundExecutionHandler,
        CancellationRefundHandler,
        LostPaymentJobs,
        OutboxRelay,
        ProcessorCoverageCheck,
        JobSchedules,
        GracefulShutdown,
        QueueEventsLog,
      ],
    };
  }
}
