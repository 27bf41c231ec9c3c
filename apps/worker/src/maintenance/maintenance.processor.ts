import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobName } from '@haoma/jobs';
import { WORKER_SETTINGS } from '../boot/worker-settings';
import { DeadlineSweeper, type SweepReport } from './deadline-sweeper';

/** Housekeeping that keeps deadlines and inventory true whatever else failed. */
@Processor('maintenance', WORKER_SETTINGS.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  constructor(private readonly sweeper: DeadlineSweeper) {
    super();
  }

  async process(job: Job): Promise<SweepReport> {
    const name = job.name as JobName;
    switch (name) {
      case 'sweep-deadlines':
        return this.sweeper.sweep();
      default:
        throw new UnrecoverableError(`maintenance: unknown job "${job.name}"`);
    }
  }
}
