import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RefundStatus } from '@haoma/db';
import type { JobPayloads } from '@haoma/jobs';
import { PAYMENT_PROVIDER, settleRefund, type PaymentProvider } from '@haoma/payments';

export type RefundExecutionResult =
  | { outcome: 'requested'; providerRefundId: string; status: RefundStatus }
  /** The provider refused for good (nothing left to refund, unknown payment): recorded as failed. */
  | { outcome: 'refused'; reason: string }
  | { outcome: 'skipped'; reason: string };

interface RefundRow {
  id: string;
  payment_id: string;
  amount_fen: number;
  status: RefundStatus;
  reason: string;
  provider_refund_id: string | null;
  idempotency_key: string;
  provider: string;
  provider_payment_id: string | null;
}

/**
 * A refusal no retry can change: Stripe's invalid-request and card errors, or any answer in
 * the 4xx range but for rate limits (429) and conflicts on a concurrent request (409).
 */
export function isPermanentProviderError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { type, statusCode } = error as { type?: unknown; statusCode?: unknown };
  if (type === 'StripeInvalidRequestError' || type === 'StripeCardError') return true;
  return (
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500 &&
    ![409, 429].includes(statusCode)
  );
}

/**
 * The `execute-refund` job: asks the provider for one recorded refund, with the refund's own
 * idempotency key, so a job that runs twice (a retry after a crash between the call and the
 * commit) refunds once. Only a pending refund without a provider id is sent; what the
 * provider answers is stored, and its later events (refund.updated …) settle it.
 */
@Injectable()
export class RefundExecutionHandler {
  private readonly logger = new Logger(RefundExecutionHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
  ) {}

  async execute(payload: JobPayloads['execute-refund']): Promise<RefundExecutionResult> {
    const refund = await this.load(payload.refundId, false);
    if (!refund) return { outcome: 'skipped', reason: `no refund ${payload.refundId}` };
    if (refund.status !== 'pending' || refund.provider_refund_id)
      return {
        outcome: 'skipped',
        reason: `refund is ${refund.status} (${refund.provider_refund_id ?? '—'})`,
      };
    if (refund.provider !== this.provider.name)
      // Bank transfers are paid back by staff; a payment of the other provider cannot be
      // refunded from here (the deployment switched providers): left pending for staff.
      return { outcome: 'skipped', reason: `payment is a ${refund.provider} payment` };

    let answer: Awaited<ReturnType<PaymentProvider['refund']>>;
    try {
      answer = await this.provider.refund({
        paymentId: refund.payment_id,
        providerPaymentId: refund.provider_payment_id,
        amountFen: refund.amount_fen,
        idempotencyKey: refund.idempotency_key,
        reason: refund.reason,
      });
    } catch (error) {
      if (!isPermanentProviderError(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`refund ${refund.id} refused by ${this.provider.name}: ${reason}`);
      await this.dataSource.transaction(async (manager) => {
        const locked = await this.lockPending(manager, refund.id);
        if (locked) await settleRefund(manager, locked, 'failed', reason);
      });
      return { outcome: 'refused', reason };
    }

    return this.dataSource.transaction(async (manager) => {
      const locked = await this.load(refund.id, true, manager);
      if (!locked) return { outcome: 'skipped', reason: 'the refund vanished' };
      // The provider's event may have stored the id (and settled it) in the meantime.
      if (locked.provider_refund_id === null)
        await manager.query(`UPDATE refunds SET provider_refund_id = $2, updated_at = now() WHERE id = $1`, [
          locked.id,
          answer.providerRefundId,
        ]);
      if (answer.status !== 'pending') await settleRefund(manager, locked, answer.status);
      return { outcome: 'requested', providerRefundId: answer.providerRefundId, status: answer.status };
    });
  }

  private async lockPending(manager: DataSource['manager'], refundId: string) {
    const row = await this.load(refundId, true, manager);
    return row?.status === 'pending' ? row : undefined;
  }

  private async load(
    refundId: string,
    lock: boolean,
    manager: DataSource['manager'] = this.dataSource.manager,
  ): Promise<RefundRow | undefined> {
    const rows: RefundRow[] = await manager.query(
      `SELECT r.id, r.payment_id, r.amount_fen, r.status, r.reason, r.provider_refund_id, r.idempotency_key,
              p.provider, p.provider_payment_id
         FROM refunds r JOIN payments p ON p.id = r.payment_id
        WHERE r.id = $1
        ${lock ? 'FOR UPDATE OF r' : ''}`,
      [refundId],
    );
    return rows[0];
  }
}
