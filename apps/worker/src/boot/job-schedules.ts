import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { JOB_QUEUE, JobProducer, SCHEDULED_JOBS, type JobName } from '@haoma/jobs';

type ScheduledJob = (typeof SCHEDULED_JOBS)[number];

/**
 * Registers the recurring jobs. Schedulers live in the queue backend, so timers survive a
 * restart; upserting at every boot is idempotent and applies a changed interval. Because a
 * flushed Redis loses its schedulers too, a watchdog in the process checks them every
 * interval and re-creates a missing one (which runs at once). Each scheduled job also runs
 * once at boot, so a deadline that passed while the worker was stopped is handled promptly.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Worker');
  private watchdog: NodeJS.Timeout | undefined;
  private checking: Promise<unknown> | undefined;

  constructor(
    private readonly producer: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private intervalMs(job: ScheduledJob): number {
    switch (job) {
      case 'sweep-deadlines':
        return this.config.SWEEP_INTERVAL_SECONDS * 1_000;
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.removeRetiredSchedulers();
    for (const job of SCHEDULED_JOBS) {
      await this.upsert(job);
      await this.producer.add(job, {}, { jobId: `${job}-boot-${Date.now()}` });
      this.logger.log(`scheduled ${job} every ${this.intervalMs(job) / 1000} s (and once now)`);
    }
    const every = Math.min(...SCHEDULED_JOBS.map((job) => this.intervalMs(job)));
    this.watchdog = setInterval(() => {
      this.checking ??= this.ensureSchedulers().finally(() => (this.checking = undefined));
    }, every);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.watchdog);
    await this.checking;
  }

  /** Re-creates schedulers the backend lost (a flushed Redis); returns the jobs re-created. */
  async ensureSchedulers(): Promise<ScheduledJob[]> {
    const recreated: ScheduledJob[] = [];
    try {
      for (const job of SCHEDULED_JOBS) {
        if (await this.producer.queue(JOB_QUEUE[job]).getJobScheduler(job)) continue;
        await this.upsert(job);
        recreated.push(job);
        this.logger.warn(`the scheduler of ${job} was missing from the queue backend: re-created`);
      }
    } catch (error) {
      this.logger.warn(
        `cannot check the job schedulers: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return recreated;
  }

  private async upsert(job: ScheduledJob): Promise<void> {
    await this.producer
      .queue(JOB_QUEUE[job])
      .upsertJobScheduler(job, { every: this.intervalMs(job) }, { name: job, data: {} });
  }

  /** Schedulers of jobs that no longer exist (renamed), left in the backend by an older version. */
  private async removeRetiredSchedulers(): Promise<void> {
    const queues = new Set(SCHEDULED_JOBS.map((job) => JOB_QUEUE[job]));
    for (const queueName of queues) {
      const queue = this.producer.queue(queueName);
      for (const scheduler of await queue.getJobSchedulers()) {
        if ((SCHEDULED_JOBS as readonly JobName[]).includes(scheduler.key as JobName)) continue;
        await queue.removeJobScheduler(scheduler.key);
        this.logger.log(`removed the retired scheduler ${scheduler.key}`);
      }
    }
  }
}
