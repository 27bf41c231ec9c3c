import { recordRefund, refundedOrPending } from '@haoma/payments';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { cancellationRefund, isOrderStatus } from '@haoma/domain';
import type { JobPayloads } from '@haoma/jobs';

export type CancellationRefundResult =
  | { outcome: 'refund'; refundId: string; amountFen: number; created: boolean }
  | { outcome: 'none'; reason: string };

// The timeline events that cancel an order that may have been paid.
const CANCELLING_EVENTS = ['cancel', 'documents_deadline_passed'];

/**
 * Part of the `order-event-recorded` fan-out: when a paid order is cancelled (by the customer,
 * staff, or the documents deadline), records the refund the policy owes — keyed by the
 * timeline row (`refund:cancel:<orderEventId>`), so however often the row is fanned out, it
 * is refunded once. Under the order's row lock, like the payment's application, so a payment
 * applied at the same moment is either seen here or refunds itself.
 */
@Injectable()
export class CancellationRefundHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(payload: JobPayloads['order-event-recorded']): Promise<CancellationRefundResult> {
    return this.dataSource.transaction(async (manager) => {
      const events: { order_id: string; event: string | null; from_status: string | null }[] =
        await manager.query(
          `SELECT order_id, event, from_status FROM order_events WHERE id = $1 AND type = 'transition'`,
          [payload.orderEventId],
        );
      const event = events[0];
      if (!event || !event.event || !CANCELLING_EVENTS.includes(event.event))
        return { outcome: 'none', reason: 'not a cancellation' };
      const fromStatus = event.from_status ?? '';
      if (!isOrderStatus(fromStatus)) return { outcome: 'none', reason: `cancelled from ${fromStatus}` };

      await manager.query(`SELECT 1 FROM orders WHERE id = $1 FOR UPDATE`, [event.order_id]);
      const payments: { id: string; amount_fen: number }[] = await manager.query(
        `SELECT id, amount_fen FROM payments WHERE order_id = $1 AND status = 'paid' FOR UPDATE`,
        [event.order_id],
      );
      const payment = payments[0];
      if (!payment) return { outcome: 'none', reason: 'the order was not paid' };
      const decision = cancellationRefund({
        fromStatus,
        paidFen: payment.amount_fen,
        alreadyRefundedFen: await refundedOrPending(manager, payment.id),
        cancellationFeeFen: this.config.CANCELLATION_FEE_FEN,
      });
      const idempotencyKey = `refund:cancel:${payload.orderEventId}`;
      if (!decision) {
        // A second run after the refund was recorded lands here too (nothing left): report it.
        const existing: { id: string; amount_fen: number }[] = await manager.query(
          `SELECT id, amount_fen FROM refunds WHERE idempotency_key = $1`,
          [idempotencyKey],
        );
        return existing[0]
          ? { outcome: 'refund', refundId: existing[0].id, amountFen: existing[0].amount_fen, created: false }
          : { outcome: 'none', reason: `nothing owed when cancelled from ${fromStatus}` };
      }
      const { refundId, created } = await recordRefund(manager, {
        paymentId: payment.id,
        orderId: event.order_id,
        amountFen: decision.amountFen,
        reason: decision.reason,
        idempotencyKey,
        createdBy: 'system:cancellation',
      });
      return { outcome: 'refund', refundId, amountFen: decision.amountFen, created };
    });
  }
}
