import { Module } from '@nestjs/common';
import { CarrierModule } from '@haoma/carrier';
import { ComplianceSweep } from './compliance-sweep';
import { ComplianceProcessor } from './compliance.processor';
import { LostServiceEventJobs } from './lost-service-event-jobs';
import { ServiceEventsHandler } from './service-events.handler';

/**
 * The compliance lifecycle of live services in the worker: the timers (called by the
 * sweeper), the compliance queue's processor, which tells the carrier (CARRIER_GATEWAY) about
 * suspensions, resumptions and terminations.
 */
@Module({
  imports: [CarrierModule],
  providers: [ComplianceSweep, ComplianceProcessor, ServiceEventsHandler, LostServiceEventJobs],
  exports: [ComplianceSweep],
})
export class ComplianceWorkerModule {}
