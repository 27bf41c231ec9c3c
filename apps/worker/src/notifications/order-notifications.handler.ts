import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobProducer, type JobPayloads } from '@haoma/jobs';
import { recordOrderEventNotifications } from '@haoma/notifications';

export type OrderNotificationsResult =
  { outcome: 'recorded'; recorded: number; enqueued: number } | { outcome: 'skipped'; reason: string };

/** The job id of a notification's send: one send job per notification, however often enqueued. */
export const notificationJobId = (notificationId: string): string => `notification-${notificationId}`;

/**
 * Fans an order's status change (or other timeline row) out to the customer's messages:
 * records them (deduplicated per row and template) and enqueues one send job each. A crash
 * after recording and before enqueueing is repaired by the job's retry, and failing that by
 * the sweeper, which re-enqueues notifications left pending.
 */
@Injectable()
export class OrderNotificationsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
  ) {}

  async handle(payload: JobPayloads['order-event-recorded']): Promise<OrderNotificationsResult> {
    const result = await recordOrderEventNotifications(this.dataSource.manager, payload.orderEventId);
    if (!result.found) return { outcome: 'skipped', reason: `no order event ${payload.orderEventId}` };
    await Promise.all(
      result.pending.map((notificationId) =>
        this.producer.add(
          'send-notification',
          { notificationId },
          { jobId: notificationJobId(notificationId) },
        ),
      ),
    );
    return { outcome: 'recorded', recorded: result.recorded, enqueued: result.pending.length };
  }
}
