import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobProducer, QUEUE_NAMES } from '@haoma/jobs';
import { MaintenanceProcessor } from '../maintenance/maintenance.processor';
import { NotificationsProcessor } from '../notifications/notifications.processor';
import { OrdersProcessor } from '../orders/orders.processor';

// One line per source per window: an outage of the queue backend must not flood the log.
const ERROR_WINDOW_MS = 10_000;

/**
 * Logs what the queue workers and queues report: connection errors (the queue backend is
 * down; BullMQ reconnects by itself and no job is lost, since the outbox and the sweeper
 * work from PostgreSQL) and failed jobs. Without an error listener BullMQ prints every
 * reconnection failure with its stack trace.
 */
@Injectable()
export class QueueEventsLog implements OnApplicationBootstrap {
  private readonly logger = new Logger('Queues');
  private readonly lastError = new Map<string, number>();

  constructor(
    private readonly producer: JobProducer,
    private readonly maintenance: MaintenanceProcessor,
    private readonly orders: OrdersProcessor,
    private readonly notifications: NotificationsProcessor,
  ) {}

  onApplicationBootstrap(): void {
    for (const host of [this.maintenance, this.orders, this.notifications]) {
      const worker = host.worker;
      worker.on('error', (error) => this.error(`worker ${worker.name}`, error));
      worker.on('failed', (job, error) => this.failed(job, error));
    }
    for (const name of QUEUE_NAMES)
      this.producer.queue(name).on('error', (error) => this.error(`queue ${name}`, error));
  }

  private error(source: string, error: Error): void {
    const now = Date.now();
    if (now - (this.lastError.get(source) ?? 0) < ERROR_WINDOW_MS) return;
    this.lastError.set(source, now);
    this.logger.warn(`${source}: ${error.message} (retrying)`);
  }

  private failed(job: Job | undefined, error: Error): void {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const final = job.attemptsMade >= attempts || error.name === 'UnrecoverableError';
    const message = `${job.name} ${job.id} failed (attempt ${job.attemptsMade}/${attempts}): ${error.message}`;
    if (final) this.logger.error(`${message}; giving up`);
    else this.logger.warn(message);
  }
}
