import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import {
  markTasksOverdue,
  purgeIdentityRecords,
  recordDueReminders,
  releaseQuarantined,
  suspendExpired,
  terminateDue,
  type TimerContext,
} from '@haoma/compliance';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@haoma/documents';
import { complianceWindowsFrom, type ComplianceWindows } from '@haoma/domain';
import { JobProducer } from '@haoma/jobs';
import { notificationJobId } from '../notifications/order-notifications.handler';
import { LostServiceEventJobs } from './lost-service-event-jobs';

/** What one pass of the compliance timers did. */
export type ComplianceSweepReport = Record<string, number>;

/**
 * Every compliance timer, read from PostgreSQL on each sweep (so a timer holds when the worker
 * was down or Redis lost its jobs): (a) suspensions on expired credentials, (b) overdue
 * re-verification tasks, (c) terminations, (d) quarantine releases, (e) identity-record
 * purges, (f) reminders before each step; then the lost `service-event-recorded` jobs are
 * re-enqueued. Each step is compare-and-set under a row lock, so two sweepers, a restart or a
 * repeated pass do each thing once.
 */
@Injectable()
export class ComplianceSweep {
  private readonly logger = new Logger(ComplianceSweep.name);
  private readonly windows: ComplianceWindows;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly producer: JobProducer,
    private readonly lostJobs: LostServiceEventJobs,
  ) {
    this.windows = complianceWindowsFrom(config);
  }

  async sweep(now: Date): Promise<ComplianceSweepReport> {
    const ctx: TimerContext = {
      dataSource: this.dataSource,
      windows: this.windows,
      now,
      onError: (step, id, error) =>
        this.logger.error(
          `${step} of ${id} failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
    };
    const suspended = await suspendExpired(ctx);
    const overdue = await markTasksOverdue(ctx);
    const terminated = await terminateDue(ctx);
    const released = await releaseQuarantined(ctx);
    const purged = await purgeIdentityRecords(ctx, this.storage);
    const reminders = await recordDueReminders(this.dataSource, this.windows, now);
    // A failed add is repaired by the sweeper's pending-notification recovery a minute later.
    await Promise.allSettled(
      reminders.notificationIds.map((notificationId) =>
        this.producer.add(
          'send-notification',
          { notificationId },
          { jobId: notificationJobId(notificationId) },
        ),
      ),
    );
    const serviceEventsRequeued = await this.lostJobs.requeue(now).catch((error: unknown) => {
      this.logger.warn(
        `service events not re-enqueued: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 0;
    });
    const failed = suspended.failed + overdue.failed + terminated.failed + released.failed + purged.failed;
    return {
      suspendedOnExpiry: suspended.done,
      tasksOverdue: overdue.done,
      terminated: terminated.done,
      numbersReleased: released.done,
      recordsPurged: purged.done,
      purgesDeferred: purged.deferred,
      documentReminders: reminders.counts.documents,
      expiryReminders: reminders.counts.expiry,
      reverificationReminders: reminders.counts.reverification,
      terminationReminders: reminders.counts.termination,
      serviceEventsRequeued,
      failed,
    };
  }
}
