import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobName, JobPayloads } from '@haoma/jobs';
import { WORKER_SETTINGS } from '../boot/worker-settings';
import {
  OrderNotificationsHandler,
  type OrderNotificationsResult,
} from '../notifications/order-notifications.handler';
import {
  CancellationRefundHandler,
  type CancellationRefundResult,
} from '../payments/cancellation-refund.handler';
import { CarrierOrderEvents } from '../carrier/carrier-order-events.handler';
import { OrderAssignmentHandler } from '../sales/order-assignment.handler';
import { SubmissionOrderEvents } from '../verification/submission-order-events.handler';
import { HoldExpiryHandler, type HoldExpiryResult } from './hold-expiry.handler';

/** The order workflow's asynchronous steps: hold timers, and fanning status changes out. */
@Processor('orders', WORKER_SETTINGS.orders)
export class OrdersProcessor extends WorkerHost {
  constructor(
    private readonly holdExpiry: HoldExpiryHandler,
    private readonly notifications: OrderNotificationsHandler,
    private readonly cancellationRefunds: CancellationRefundHandler,
    private readonly submissions: SubmissionOrderEvents,
    private readonly carrier: CarrierOrderEvents,
    private readonly assignment: OrderAssignmentHandler,
  ) {
    super();
  }

  async process(job: Job): Promise<
    | HoldExpiryResult
    | (OrderNotificationsResult & {
        refund: CancellationRefundResult;
        submissions: { outcome: string };
        carrier: { outcome: string };
        assignment: { outcome: string };
      })
  > {
    const name = job.name as JobName;
    switch (name) {
      case 'expire-hold':
        return this.holdExpiry.expire(job.data as JobPayloads['expire-hold']);
      case 'order-event-recorded': {
        const payload = job.data as JobPayloads['order-event-recorded'];
        // The refund first: its "refund started" message is recorded with it.
        const refund = await this.cancellationRefunds.handle(payload);
        // An order that ended while under review or at the carrier takes its submission and
        // carrier application with it.
        const submissions = await this.submissions.handle(payload);
        const carrier = await this.carrier.handle(payload);
        // A newly paid order gets its salesperson.
        const assignment = await this.assignment.handle(payload);
        return { ...(await this.notifications.handle(payload)), refund, submissions, carrier, assignment };
      }
      default:
        throw new UnrecoverableError(`orders: unknown job "${job.name}"`);
    }
  }
}
