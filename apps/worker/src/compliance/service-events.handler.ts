import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { CARRIER_GATEWAY, CarrierRequestError, type CarrierGateway } from '@haoma/carrier';
import { JobProducer, type JobPayloads } from '@haoma/jobs';
import { recordServiceEventNotifications } from '@haoma/notifications';
import { notificationJobId } from '../notifications/order-notifications.handler';

export type ServiceEventResult =
  | { outcome: 'handled'; recorded: number; enqueued: number; carrier: CarrierOutcome }
  | { outcome: 'skipped'; reason: string };

type CarrierOutcome = 'suspended' | 'resumed' | 'terminated' | 'not-needed' | 'superseded' | 'no-gateway';

// Which carrier line operation each timeline row calls for.
const LINE_OPERATION: Record<string, 'suspend' | 'resume' | 'terminate'> = {
  suspended: 'suspend',
  resumed: 'resume',
  terminated: 'terminate',
};

/**
 * Handles one service timeline row: records the customer's messages and enqueues their sends
 * (deduplicated: a retry records nothing new), then tells the carrier about a suspension,
 * resumption or termination. Line operations are idempotent at the carrier; a row the line has
 * moved past (a resumption processed before the suspension it lifted) is not sent, so the
 * carrier ends where we are. CarrierUnavailableError is thrown for the queue to retry with
 * backoff; a refusal (4xx) will not get better and fails the job for good.
 */
@Injectable()
export class ServiceEventsHandler {
  private readonly logger = new Logger(ServiceEventsHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    // From CarrierModule (CARRIER_PROVIDER): a line's status change always reaches the carrier.
    @Inject(CARRIER_GATEWAY) private readonly carrier: CarrierGateway,
  ) {}

  async handle(payload: JobPayloads['service-event-recorded']): Promise<ServiceEventResult> {
    const notifications = await recordServiceEventNotifications(
      this.dataSource.manager,
      payload.serviceEventId,
    );
    if (!notifications.found)
      return { outcome: 'skipped', reason: `no service event ${payload.serviceEventId}` };
    await Promise.all(
      notifications.pending.map((notificationId) =>
        this.producer.add(
          'send-notification',
          { notificationId },
          { jobId: notificationJobId(notificationId) },
        ),
      ),
    );
    const carrier = await this.tellCarrier(payload.serviceEventId);
    return {
      outcome: 'handled',
      recorded: notifications.recorded,
      enqueued: notifications.pending.length,
      carrier,
    };
  }

  private async tellCarrier(serviceEventId: string): Promise<CarrierOutcome> {
    const rows: {
      event: string;
      to_status: string;
      status: string;
      carrier_reference: string | null;
      reason: string | null;
      suspension_reason: string | null;
    }[] = await this.dataSource.query(
      `SELECT e.event, e.to_status, s.status, s.carrier_reference, e.reason, s.suspension_reason
           FROM service_events e JOIN services s ON s.id = e.service_id WHERE e.id = $1`,
      [serviceEventId],
    );
    const row = rows[0];
    const operation = row ? LINE_OPERATION[row.event] : undefined;
    if (!row || !operation || !row.carrier_reference) return 'not-needed';
    if (row.status !== row.to_status) return 'superseded';
    try {
      if (operation === 'suspend')
        await this.carrier.suspendLine(
          row.carrier_reference,
          row.suspension_reason ?? row.reason ?? 'compliance',
        );
      else if (operation === 'resume') await this.carrier.resumeLine(row.carrier_reference);
      else await this.carrier.terminateLine(row.carrier_reference);
    } catch (error) {
      if (error instanceof CarrierRequestError)
        throw new UnrecoverableError(`carrier refused ${operation}: ${error.message}`);
      throw error;
    }
    return operation === 'suspend' ? 'suspended' : operation === 'resume' ? 'resumed' : 'terminated';
  }
}
