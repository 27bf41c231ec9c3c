import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { releaseExpiredHolds } from '@haoma/db';
import type { JobName } from '@haoma/jobs';

/** Housekeeping that keeps the inventory true whatever else failed. */
@Processor('maintenance')
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async process(job: Job): Promise<{ released: number }> {
    const name = job.name as JobName;
    switch (name) {
      case 'release-expired-holds': {
        const released = await releaseExpiredHolds(this.dataSource.manager, 'system:sweeper');
        if (released.length) this.logger.log(`released ${released.length} expired holds`);
        return { released: released.length };
      }
      default:
        throw new UnrecoverableError(`maintenance: unknown job "${job.name}"`);
    }
  }
}
