import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { MaintenanceProcessor } from '../maintenance/maintenance.processor';
import { NotificationsProcessor } from '../notifications/notifications.processor';
import { OrdersProcessor } from '../orders/orders.processor';

/**
 * On shutdown (SIGTERM) every queue worker stops taking jobs at once, and the jobs already
 * running get SHUTDOWN_GRACE to finish. Jobs still running then are abandoned: their locks
 * lapse and BullMQ's stalled-job check hands them to the next worker, which re-runs them
 * (every processor is idempotent). Runs before the queue and database connections close.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');
  /** True once running jobs were abandoned at the end of the grace period. */
  handedBack = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly maintenance: MaintenanceProcessor,
    private readonly orders: OrdersProcessor,
    private readonly notifications: NotificationsProcessor,
  ) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const workers: Worker[] = [this.maintenance, this.orders, this.notifications].flatMap((host) => {
      try {
        return [host.worker];
      } catch {
        return []; // never started (boot failed before the workers were created)
      }
    });
    this.logger.log(
      `${signal ?? 'shutdown'}: no new jobs; waiting up to ${this.config.SHUTDOWN_GRACE / 1000} s for running ones`,
    );
    const drained = Promise.all(workers.map((worker) => worker.pause()));
    const grace = new AbortController();
    const finished = await Promise.race([
      drained.then(
        () => true,
        () => true,
      ),
      sleep(this.config.SHUTDOWN_GRACE, false, { signal: grace.signal }).catch(() => false),
    ]);
    grace.abort();
    if (!finished) {
      this.handedBack = true;
      this.logger.warn('grace period over: running jobs are handed back to the queue');
    }
    await Promise.all(workers.map((worker) => worker.close(!finished)));
    this.logger.log('queue workers closed');
  }
}
