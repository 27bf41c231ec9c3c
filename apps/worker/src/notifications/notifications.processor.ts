import { Inject } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { JobName, JobPayloads } from '@haoma/jobs';
import {
  MAIL_TRANSPORT,
  isPermanentMailError,
  sendNotification,
  type MailTransport,
  type SendNotificationResult,
} from '@haoma/notifications';
import { WORKER_SETTINGS } from '../boot/worker-settings';

/** Sends recorded notifications through the configured transport (SMTP or the mail folder). */
@Processor('notifications', WORKER_SETTINGS.notifications)
export class NotificationsProcessor extends WorkerHost {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {
    super();
  }

  async process(job: Job): Promise<SendNotificationResult> {
    const name = job.name as JobName;
    if (name !== 'send-notification')
      throw new UnrecoverableError(`notifications: unknown job "${job.name}"`);
    const { notificationId } = job.data as JobPayloads['send-notification'];
    try {
      return await sendNotification(this.dataSource.manager, this.transport, notificationId, {
        finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
      });
    } catch (error) {
      // Recorded as failed already: retrying a refused message cannot help.
      if (isPermanentMailError(error))
        throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
}
