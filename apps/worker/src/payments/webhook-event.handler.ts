import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import type { JobPayloads } from '@haoma/jobs';
import { applySessionClosed, applySessionPaid } from './checkout-events';
import { refundFacts, sessionFacts, type StoredEvent } from './provider-events';
import { applyRefundEvent } from './refund-events';

export type WebhookEventResult =
  | { outcome: 'applied'; result: string }
  /** Nothing done: no such event, or an earlier run applied it. */
  | { outcome: 'skipped'; reason: string };

const REFUND_EVENTS = ['refund.created', 'refund.updated', 'refund.failed', 'charge.refunded'];

/**
 * The `apply-webhook-event` job: applies one stored provider event exactly once. The event's
 * row is locked for the whole transaction and marked processed in it, so concurrent and
 * repeated jobs for one event wait and then skip; distinct events about one payment meet at
 * the order's and the payment's row locks, where the second finds the work done. A crash
 * before the commit leaves the event unprocessed for the retry.
 */
@Injectable()
export class WebhookEventHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async apply(payload: JobPayloads['apply-webhook-event'], now = new Date()): Promise<WebhookEventResult> {
    // Counted outside the transaction, so attempts that fail are counted too.
    await this.dataSource.query(
      `UPDATE webhook_events SET attempts = attempts + 1 WHERE id = $1 AND processed_at IS NULL`,
      [payload.webhookEventId],
    );
    return this.dataSource.transaction(async (manager) => {
      const rows: StoredEvent[] = await manager.query(
        `SELECT id, provider, type, payload, processed_at, outcome FROM webhook_events WHERE id = $1 FOR UPDATE`,
        [payload.webhookEventId],
      );
      const event = rows[0];
      if (!event) return { outcome: 'skipped', reason: `no webhook event ${payload.webhookEventId}` };
      if (event.processed_at)
        return { outcome: 'skipped', reason: `already processed: ${event.outcome ?? ''}` };
      const result = await this.dispatch(manager, event, now);
      await manager.query(`UPDATE webhook_events SET processed_at = $2, outcome = $3 WHERE id = $1`, [
        event.id,
        now,
        result,
      ]);
      return { outcome: 'applied', result };
    });
  }

  private async dispatch(manager: EntityManager, event: StoredEvent, now: Date): Promise<string> {
    if (event.type.startsWith('checkout.session.')) {
      const session = sessionFacts(event.payload);
      if (!session) return `ignored: ${event.type} without a session`;
      const context = {
        webhookEventId: event.id,
        documentsDeadlineMs: this.config.DOCUMENTS_DEADLINE,
        now,
      };
      switch (event.type) {
        case 'checkout.session.completed':
          // Async methods complete the session `unpaid`; their outcome comes as its own event.
          return session.paymentStatus === 'paid'
            ? applySessionPaid(manager, session, context)
            : `pending: session ${session.sessionId} completed ${session.paymentStatus ?? 'without a payment status'}`;
        case 'checkout.session.async_payment_succeeded':
          return applySessionPaid(manager, session, context);
        case 'checkout.session.async_payment_failed':
          return applySessionClosed(manager, session, 'failed', now);
        case 'checkout.session.expired':
          return applySessionClosed(manager, session, 'expired', now);
      }
    }
    if (REFUND_EVENTS.includes(event.type)) {
      const refunds = refundFacts(event.type, event.payload);
      if (refunds.length === 0) return `ignored: ${event.type} without refunds`;
      const results: string[] = [];
      for (const facts of refunds) results.push(await applyRefundEvent(manager, facts));
      return results.join('; ');
    }
    return `ignored: ${event.type}`;
  }
}
