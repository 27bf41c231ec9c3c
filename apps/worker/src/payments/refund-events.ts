import type { EntityManager } from 'typeorm';
import type { RefundStatus } from '@haoma/db';
import { refundEventStatusOf, settleRefund } from '@haoma/payments';
import { uuidOrNull, type RefundFacts } from './provider-events';

interface RefundRow {
  id: string;
  payment_id: string;
  status: RefundStatus;
  provider_refund_id: string | null;
}

/**
 * Applies what the provider says about one refund: found by its provider id, or — when the
 * event beat the `execute-refund` job that stores that id — by our refund id in its metadata
 * or idempotency key (the id is then stored). Each status change happens once; a repeated or stale status
 * (`pending` after `succeeded`) changes nothing. A refund we never asked for is ignored.
 */
export async function applyRefundEvent(manager: EntityManager, facts: RefundFacts): Promise<string> {
  const rows: RefundRow[] = await manager.query(
    `SELECT id, payment_id, status, provider_refund_id FROM refunds
      WHERE provider_refund_id = $1
         OR ((id = $2::uuid OR idempotency_key = $3) AND provider_refund_id IS NULL)
      ORDER BY (provider_refund_id = $1) DESC NULLS LAST
      LIMIT 1
      FOR UPDATE`,
    [facts.providerRefundId, uuidOrNull(facts.metadataRefundId), facts.metadataIdempotencyKey],
  );
  const refund = rows[0];
  if (!refund) return `ignored: unknown refund ${facts.providerRefundId}`;
  if (refund.provider_refund_id === null)
    await manager.query(`UPDATE refunds SET provider_refund_id = $2, updated_at = now() WHERE id = $1`, [
      refund.id,
      facts.providerRefundId,
    ]);
  const to = refundEventStatusOf(facts.status);
  if (!to) return `ignored: refund ${refund.id} has status ${facts.status ?? 'none'}`;
  const settled = await settleRefund(manager, refund, to, to === 'failed' ? facts.failureReason : null);
  return settled.changed
    ? `refund ${refund.id} ${settled.from} → ${settled.to}`
    : `no change: refund ${refund.id} is ${refund.status}`;
}
