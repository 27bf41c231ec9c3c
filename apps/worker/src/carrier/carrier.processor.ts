import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobName, JobPayloads } from '@haoma/jobs';
import { WORKER_SETTINGS } from '../boot/worker-settings';
import { CarrierApplicationHandler, type CarrierApplicationResult } from './carrier-application.handler';

/** Carrier provisioning: applications submitted, followed up, and their decisions applied. */
@Processor('carrier', WORKER_SETTINGS.carrier)
export class CarrierProcessor extends WorkerHost {
  constructor(private readonly applications: CarrierApplicationHandler) {
    super();
  }

  async process(job: Job): Promise<CarrierApplicationResult> {
    const name = job.name as JobName;
    switch (name) {
      case 'process-carrier-application':
        return this.applications.process(job.data as JobPayloads['process-carrier-application']);
      default:
        throw new UnrecoverableError(`carrier: unknown job "${job.name}"`);
    }
  }
}
