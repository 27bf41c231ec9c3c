import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { openCampaign, type OpenCampaignResult } from '@haoma/compliance';
import type { JobName, JobPayloads } from '@haoma/jobs';
import { WORKER_SETTINGS } from '../boot/worker-settings';
import { ServiceEventsHandler, type ServiceEventResult } from './service-events.handler';

/**
 * The compliance queue: opening re-verification campaigns (tasks created in batches, resumable)
 * and fanning out service timeline rows (messages, carrier line operations).
 */
@Processor('compliance', WORKER_SETTINGS.compliance)
export class ComplianceProcessor extends WorkerHost {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly serviceEvents: ServiceEventsHandler,
  ) {
    super();
  }

  async process(job: Job): Promise<OpenCampaignResult | ServiceEventResult> {
    const name = job.name as JobName;
    switch (name) {
      case 'open-reverification-campaign':
        return openCampaign(
          this.dataSource,
          (job.data as JobPayloads['open-reverification-campaign']).campaignId,
        );
      case 'service-event-recorded':
        return this.serviceEvents.handle(job.data as JobPayloads['service-event-recorded']);
      default:
        throw new UnrecoverableError(`compliance: unknown job "${job.name}"`);
    }
  }
}
