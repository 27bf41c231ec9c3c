import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { AuditContextInterceptor } from './audit-context.interceptor';
import { AuditController } from './audit.controller';
import { QueueDashboardController } from './queue-dashboard.controller';

/**
 * Operations: the audit context of every authenticated request (a global interceptor), the
 * audit log for admins, and the way into the queue dashboard (registered on Fastify by
 * registerQueueDashboard, since Bull Board is not a Nest controller).
 */
@Module({
  imports: [AuthModule],
  controllers: [AuditController, QueueDashboardController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: AuditContextInterceptor }],
})
export class OperationsApiModule {}
