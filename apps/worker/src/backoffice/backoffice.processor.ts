import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { WORKER_SETTINGS } from '../boot/worker-settings';

/** SKELETON: inventory imports and re-grades, owned by the admin helper. */
@Processor('backoffice', WORKER_SETTINGS.backoffice)
export class BackofficeProcessor extends WorkerHost {
  async process(job: Job): Promise<never> {
    throw new UnrecoverableError(`backoffice: unknown job "${job.name}"`);
  }
}
