import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { JOB_QUEUE, JobProducer, SCHEDULED_JOBS, type JobName } from '@haoma/jobs';

/**
 * Registers the recurring jobs. Schedulers live in the queue backend, so timers survive a
 * restart; upserting at every boot is idempotent and applies a changed interval.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(
    private readonly producer: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private intervalMs(job: JobName): number {
    switch (job) {
      case 'release-expired-holds':
        return this.config.SWEEP_INTERVAL_SECONDS * 1_000;
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const job of SCHEDULED_JOBS) {
      const every = this.intervalMs(job);
      await this.producer.queue(JOB_QUEUE[job]).upsertJobScheduler(job, { every }, { name: job, data: {} });
      this.logger.log(`scheduled ${job} every ${every / 1000} s`);
    }
  }
}
