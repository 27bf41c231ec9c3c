import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JobPayloads } from '@haoma/jobs';
import { JobProducer } from '@haoma/jobs';
import { OrderError, transitionOrder } from '@haoma/orders';

export type HoldExpiryResult =
  | { outcome: 'expired'; orderEventId: string }
  /** Nothing to do: already expired, paid, cancelled, gone, or extended (its own job follows). */
  | { outcome: 'skipped'; reason: string }
  /** Fired before the deadline (clock skew): a new delayed job runs at the deadline. */
  | { outcome: 'rescheduled'; runAt: string };

const HOLD_TIMER = { kind: 'system', id: 'hold-timer' } as const;
// Margin added when re-scheduling an early job, so the second run is not early as well.
const RESCHEDULE_MARGIN_MS = 20;

/**
 * The delayed job of one hold: expires the order (and puts its number back on sale) through
 * the one transition service. Anything that means "this hold is no longer the one the job was
 * made for" is a skip, not a failure; other errors are thrown and retried.
 */
@Injectable()
export class HoldExpiryHandler {
  private readonly logger = new Logger(HoldExpiryHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
  ) {}

  async expire(payload: JobPayloads['expire-hold']): Promise<HoldExpiryResult> {
    try {
      const result = await this.dataSource.transaction((manager) =>
        transitionOrder(manager, { orderId: payload.orderId, event: 'hold_expired', actor: HOLD_TIMER }),
      );
      return result.changed
        ? { outcome: 'expired', orderEventId: result.orderEventId }
        : { outcome: 'skipped', reason: `already ${result.status}` };
    } catch (error) {
      if (!(error instanceof OrderError)) throw error;
      switch (error.code) {
        case 'ORDER_HOLD_NOT_DUE':
          return this.notDue(payload);
        case 'ORDER_NOT_FOUND':
        case 'ORDER_TRANSITION_NOT_ALLOWED':
          return { outcome: 'skipped', reason: `${error.code}: ${error.message}` };
        default:
          throw error;
      }
    }
  }

  /**
   * The guard found the hold not run out. When the order's deadline is later than the job's,
   * the hold was extended and the extension's own job will expire it; otherwise this job ran
   * early (clocks disagree by a few ms) and is run again at the deadline.
   */
  private async notDue(payload: JobPayloads['expire-hold']): Promise<HoldExpiryResult> {
    const rows: { hold_until: Date | null }[] = await this.dataSource.query(
      `SELECT hold_until FROM orders WHERE id = $1`,
      [payload.orderId],
    );
    const holdUntil = rows[0]?.hold_until;
    if (!holdUntil) return { outcome: 'skipped', reason: 'the order has no hold' };
    const jobDeadline = Date.parse(payload.holdUntil);
    if (Number.isNaN(jobDeadline) || holdUntil.getTime() > jobDeadline)
      return { outcome: 'skipped', reason: `the hold was extended to ${holdUntil.toISOString()}` };

    const runAt = holdUntil.getTime() + RESCHEDULE_MARGIN_MS;
    await this.producer.add(
      'expire-hold',
      { orderId: payload.orderId, holdUntil: holdUntil.toISOString() },
      // A new id each time: should the new job be early too, it can be re-scheduled again.
      { jobId: `expire-hold-${payload.orderId}-${Date.now()}`, delay: Math.max(0, runAt - Date.now()) },
    );
    this.logger.debug(`hold of ${payload.orderId} not due yet: again at ${new Date(runAt).toISOString()}`);
    return { outcome: 'rescheduled', runAt: new Date(runAt).toISOString() };
  }
}
