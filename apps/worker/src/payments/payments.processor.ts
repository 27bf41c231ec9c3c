import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobName, JobPayloads } from '@haoma/jobs';
import { WORKER_SETTINGS } from '../boot/worker-settings';
import { RefundExecutionHandler, type RefundExecutionResult } from './refund-execution.handler';
import { WebhookEventHandler, type WebhookEventResult } from './webhook-event.handler';

/** Payments: provider events applied exactly once, and refunds asked of the provider. */
@Processor('payments', WORKER_SETTINGS.payments)
export class PaymentsProcessor extends WorkerHost {
  constructor(
    private readonly webhookEvents: WebhookEventHandler,
    private readonly refunds: RefundExecutionHandler,
  ) {
    super();
  }

  async process(job: Job): Promise<WebhookEventResult | RefundExecutionResult> {
    const name = job.name as JobName;
    switch (name) {
      case 'apply-webhook-event':
        return this.webhookEvents.apply(job.data as JobPayloads['apply-webhook-event']);
      case 'execute-refund':
        return this.refunds.execute(job.data as JobPayloads['execute-refund']);
      default:
        throw new UnrecoverableError(`payments: unknown job "${job.name}"`);
    }
  }
}
