import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@haoma/config';
import { DatabaseModule } from '@haoma/db';
import { QueueModule } from '@haoma/jobs';
import { NotificationsModule } from '@haoma/notifications';
import { GracefulShutdown } from './boot/graceful-shutdown';
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

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ applicationName: 'haoma-worker', statementTimeout: false }),
        QueueModule.forRoot(),
        NotificationsModule,
        DiscoveryModule,
      ],
      providers: [
        MaintenanceProcessor,
        OrdersProcessor,
        NotificationsProcessor,
        DeadlineSweeper,
        OverdueOrders,
        LostJobRecovery,
        HoldExpiryHandler,
        OrderNotificationsHandler,
        OutboxRelay,
        ProcessorCoverageCheck,
        JobSchedules,
        GracefulShutdown,
        QueueEventsLog,
      ],
    };
  }
}
