import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { currentAuditContext, recordAudit, type AuditContext, type AuditEntry } from '@haoma/audit';
import { APP_CONFIG, parseDuration, type AppConfig } from '@haoma/config';
import { resendNotification } from '@haoma/notifications';
import { appendOutbox, extendOrderDeadline, OrderError, transitionOrder } from '@haoma/orders';
import {
  issueStaffRefund,
  listStaffOrderPayments,
  recordBankTransfer,
  settleManualRefund,
  type StaffPaymentView,
  type StaffRefundView,
} from '@haoma/payments';
import { ApiError } from '../common/api-error';
import { DEFAULT_PAGE_SIZE } from '../common/page.request';
import type { AuthenticatedAccount } from '../auth/current-account.decorator';
import { InvalidStaffCursorError } from './staff-action-error.interceptor';
import type {
  BankTransferRequest,
  DeadlineExtensionRequest,
  RefundSettlementRequest,
  StaffCancelRequest,
  StaffNotificationsQuery,
  StaffRefundRequest,
} from './staff-actions.request';
import type {
  BankTransferResponse,
  DeadlineExtensionResponse,
  ResendNotificationResponse,
  StaffNotificationListResponse,
  StaffNotificationResponse,
  StaffOrderStateResponse,
  StaffPaymentListResponse,
  StaffPaymentResponse,
  StaffRefundIssuedResponse,
  StaffRefundResponse,
  StaffRefundSettledResponse,
} from './staff-actions.response';

interface OrderStateRow {
  id: string;
  order_no: string;
  number: string;
  status: string;
  hold_until: Date | null;
  documents_due_at: Date | null;
  paid_at: Date | null;
  closed_reason: string | null;
}

interface NotificationRow {
  id: string;
  template: string;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
  last_error: string | null;
  dedupe_key: string;
  sent_at: Date | null;
  created_at: Date;
  created_us: string;
}

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Beijing time, where the company's bank account is.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Staff actions on one order: each is one transaction holding the order's row lock, with its
 * audit row (before / after) written in the same transaction. The libraries' refusals are left
 * to StaffActionErrorInterceptor.
 */
@Injectable()
export class StaffActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async recordBankTransfer(
    account: AuthenticatedAccount,
    orderId: string,
    body: BankTransferRequest,
  ): Promise<BankTransferResponse> {
    notInFuture('receivedOn', body.receivedOn);
    const result = await this.dataSource.transaction(async (manager) => {
      const before = await orderState(manager, orderId, true);
      const recorded = await recordBankTransfer(manager, {
        orderId,
        staffId: account.id,
        amountFen: body.amountFen,
        payerName: body.payerName,
        reference: body.reference,
        receivedOn: body.receivedOn,
        documentsDeadlineMs: this.config.DOCUMENTS_DEADLINE,
      });
      const after = await orderState(manager, orderId, false);
      await this.audit(manager, account, {
        action: 'order.bank_transfer_recorded',
        targetType: 'order',
        targetId: orderId,
        before: orderAudit(before),
        after: {
          ...orderAudit(after),
          paymentId: recorded.paymentId,
          amountFen: body.amountFen,
          payerName: body.payerName,
          reference: body.reference,
          receivedOn: body.receivedOn,
          outcome: recorded.outcome,
          refundId: recorded.refundId,
        },
      });
      return recorded;
    });
    const payments = await listStaffOrderPayments(this.dataSource.manager, orderId);
    const payment = payments.find((p) => p.id === result.paymentId);
    if (!payment) throw new Error(`payment ${result.paymentId} vanished`);
    return {
      orderId,
      previousStatus: result.from,
      orderStatus: result.to,
      outcome: result.outcome,
      refundId: result.refundId,
      payment: toPaymentResponse(payment),
      openCheckoutPaymentIds: result.openCheckoutPaymentIds,
      note:
        result.openCheckoutPaymentIds.length > 0
          ? 'A checkout session of this order is still open at the provider; it was left open. Should the customer pay it, that payment is refunded in full as a duplicate.'
          : null,
    };
  }

  async issueRefund(
    account: AuthenticatedAccount,
    orderId: string,
    body: StaffRefundRequest,
    idempotencyKey?: string,
  ): Promise<StaffRefundIssuedResponse> {
    const issued = await this.dataSource.transaction(async (manager) => {
      const refund = await issueStaffRefund(manager, {
        orderId,
        staffId: account.id,
        amountFen: body.amountFen,
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      });
      // A repeat (same Idempotency-Key) changes nothing: nothing to audit.
      if (!refund.created) return refund;
      await this.audit(manager, account, {
        action: 'order.refund_issued',
        targetType: 'order',
        targetId: orderId,
        before: { paymentId: refund.paymentId, refundedOrPendingFen: refund.refundedBeforeFen },
        after: {
          paymentId: refund.paymentId,
          refundId: refund.refundId,
          amountFen: refund.amountFen,
          reason: body.reason,
          refundedOrPendingFen: refund.refundedBeforeFen + refund.amountFen,
          remainingFen: refund.remainingFen,
          settlement: refund.settlement,
          ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        },
      });
      return refund;
    });
    const payments = await listStaffOrderPayments(this.dataSource.manager, orderId);
    const refund = payments.flatMap((p) => p.refunds).find((r) => r.id === issued.refundId);
    if (!refund) throw new Error(`refund ${issued.refundId} vanished`);
    return {
      orderId,
      paymentId: issued.paymentId,
      refund: toRefundResponse(refund),
      remainingFen: issued.remainingFen,
      created: issued.created,
    };
  }

  /**
   * Staff paid a bank-transfer refund back: it is settled (succeeded) as the worker settles a
   * provider's, with the bank reference and the date in the audit row.
   */
  async settleRefund(
    account: AuthenticatedAccount,
    refundId: string,
    body: RefundSettlementRequest,
  ): Promise<StaffRefundSettledResponse> {
    notInFuture('settledOn', body.settledOn);
    const settled = await this.dataSource.transaction(async (manager) => {
      const result = await settleManualRefund(manager, refundId);
      await this.audit(manager, account, {
        action: 'refund.settled',
        targetType: 'refund',
        targetId: refundId,
        before: { status: 'pending', paymentRefundedFen: result.refundedBeforeFen },
        after: {
          status: 'succeeded',
          orderId: result.orderId,
          paymentId: result.paymentId,
          amountFen: result.amountFen,
          reference: body.reference,
          settledOn: body.settledOn,
          paymentRefundedFen: result.refundedAfterFen,
        },
      });
      return result;
    });
    const payments = await listStaffOrderPayments(this.dataSource.manager, settled.orderId);
    const payment = payments.find((p) => p.id === settled.paymentId);
    const refund = payment?.refunds.find((r) => r.id === refundId);
    if (!payment || !refund) throw new Error(`refund ${refundId} vanished`);
    return {
      orderId: settled.orderId,
      paymentId: settled.paymentId,
      refund: toRefundResponse(refund),
      refundedFen: payment.refundedFen,
    };
  }

  async listPayments(orderId: string): Promise<StaffPaymentListResponse> {
    const payments = await listStaffOrderPayments(this.dataSource.manager, orderId);
    return { items: payments.map(toPaymentResponse) };
  }

  async cancel(
    account: AuthenticatedAccount,
    orderId: string,
    body: StaffCancelRequest,
  ): Promise<StaffOrderStateResponse> {
    const after = await this.dataSource.transaction(async (manager) => {
      const before = await orderState(manager, orderId, true);
      const moved = await transitionOrder(manager, {
        orderId,
        event: 'cancel',
        actor: { kind: 'staff', id: account.id },
        reason: body.reason,
      });
      const state = await orderState(manager, orderId, false);
      // Cancelling a cancelled order changes nothing: nothing to audit.
      if (moved.changed)
        await this.audit(manager, account, {
          action: 'order.cancelled',
          targetType: 'order',
          targetId: orderId,
          before: orderAudit(before),
          after: { ...orderAudit(state), reason: body.reason, orderEventId: moved.orderEventId },
        });
      return state;
    });
    return toOrderState(after);
  }

  async extendDeadline(
    account: AuthenticatedAccount,
    orderId: string,
    body: DeadlineExtensionRequest,
  ): Promise<DeadlineExtensionResponse> {
    if ((body.until === undefined) === (body.by === undefined))
      throw new ApiError('VALIDATION_FAILED', 'Give exactly one of until and by', [
        { field: 'until', errors: ['give exactly one of until and by'] },
      ]);
    const byMs = body.by === undefined ? undefined : parseDuration(body.by);
    const { extended, state } = await this.dataSource.transaction(async (manager) => {
      const before = await orderState(manager, orderId, true);
      const result = await extendOrderDeadline(manager, {
        orderId,
        actor: { kind: 'staff', id: account.id },
        ...(body.until === undefined ? {} : { until: new Date(body.until) }),
        ...(byMs === undefined ? {} : { byMs }),
        reason: body.reason,
      });
      const after = await orderState(manager, orderId, false);
      await this.audit(manager, account, {
        action: 'order.deadline_extended',
        targetType: 'order',
        targetId: orderId,
        before: { ...orderAudit(before), kind: result.kind, deadline: result.from.toISOString() },
        after: {
          ...orderAudit(after),
          kind: result.kind,
          deadline: result.to.toISOString(),
          reason: body.reason,
          orderEventId: result.orderEventId,
        },
      });
      return { extended: result, state: after };
    });
    return {
      kind: extended.kind,
      from: extended.from.toISOString(),
      to: extended.to.toISOString(),
      order: toOrderState(state),
    };
  }

  async resendNotification(
    account: AuthenticatedAccount,
    orderId: string,
    notificationId: string,
  ): Promise<ResendNotificationResponse> {
    const resent = await this.dataSource.transaction(async (manager) => {
      await orderState(manager, orderId, false);
      const copy = await resendNotification(manager, { orderId, notificationId });
      if (!copy) throw new ApiError('NOTIFICATION_NOT_FOUND', 'No such notification on this order.');
      await appendOutbox(manager, 'send-notification', { notificationId: copy.id });
      await this.audit(manager, account, {
        action: 'notification.resent',
        targetType: 'notification',
        targetId: copy.originalId,
        before: { id: copy.originalId, status: copy.originalStatus },
        after: { id: copy.id, dedupeKey: copy.dedupeKey, recipient: copy.recipient, attempt: copy.attempt },
      });
      return copy;
    });
    const rows = await this.notificationRows(`id = $1`, [resent.id]);
    const row = rows[0];
    if (!row) throw new Error(`notification ${resent.id} vanished`);
    return {
      originalId: resent.originalId,
      attempt: resent.attempt,
      notification: toNotificationResponse(row),
    };
  }

  async listNotifications(
    orderId: string,
    query: StaffNotificationsQuery,
  ): Promise<StaffNotificationListResponse> {
    await orderState(this.dataSource.manager, orderId, false);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const rows = await this.notificationRows(
      `order_id = $1 AND ($2::bigint IS NULL OR (created_us, id) < ($2::bigint, $3::uuid))
       ORDER BY created_us DESC, id DESC LIMIT $4`,
      [orderId, after?.us ?? null, after?.id ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toNotificationResponse),
      nextCursor: rows.length > limit && last ? encodeCursor(last.created_us, last.id) : null,
    };
  }

  private notificationRows(where: string, params: unknown[]): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `SELECT id, template, channel, recipient, subject, body, status, attempts, last_error, dedupe_key,
              sent_at, created_at, created_us
         FROM (SELECT *, (extract(epoch FROM created_at) * 1000000)::bigint AS created_us FROM notifications) n
        WHERE ${where}`,
      params,
    );
  }

  /**
   * The audit row of a change, in its transaction. Who acts comes from the request's audit
   * context (set for every staff request); the authenticated account stands in without one.
   */
  private audit(manager: EntityManager, account: AuthenticatedAccount, entry: AuditEntry): Promise<void> {
    const context: AuditContext = currentAuditContext() ?? {
      actor: `staff:${account.id}`,
      actorId: account.id,
      actorRole: account.role,
      ip: null,
      userAgent: null,
      request: null,
    };
    return recordAudit(manager, entry, context);
  }
}

/** A day staff saw on the company's bank account cannot be after today (Beijing time). */
function notInFuture(field: string, day: string): void {
  const today = new Date(Date.now() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
  if (day > today)
    throw new ApiError('VALIDATION_FAILED', `${field} is in the future`, [
      { field, errors: [`${field} must not be in the future (Beijing time)`] },
    ]);
}

async function orderState(manager: EntityManager, orderId: string, lock: boolean): Promise<OrderStateRow> {
  const rows: OrderStateRow[] = await manager.query(
    `SELECT id, order_no, number, status, hold_until, documents_due_at, paid_at, closed_reason
       FROM orders WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [orderId],
  );
  const row = rows[0];
  if (!row) throw new OrderError('ORDER_NOT_FOUND', 'No such order.');
  return row;
}

function orderAudit(row: OrderStateRow): Record<string, unknown> {
  return {
    status: row.status,
    holdUntil: iso(row.hold_until),
    documentsDueAt: iso(row.documents_due_at),
    paidAt: iso(row.paid_at),
    closedReason: row.closed_reason,
  };
}

function toOrderState(row: OrderStateRow): StaffOrderStateResponse {
  return {
    id: row.id,
    orderNo: String(row.order_no),
    number: row.number,
    status: row.status,
    holdUntil: iso(row.hold_until),
    documentsDueAt: iso(row.documents_due_at),
    paidAt: iso(row.paid_at),
    closedReason: row.closed_reason,
  };
}

function toRefundResponse(refund: StaffRefundView): StaffRefundResponse {
  return {
    id: refund.id,
    amountFen: refund.amountFen,
    status: refund.status,
    reason: refund.reason,
    failureReason: refund.failureReason,
    createdBy: refund.createdBy,
    settlement: refund.settlement,
    createdAt: new Date(refund.createdAt).toISOString(),
    updatedAt: new Date(refund.updatedAt).toISOString(),
  };
}

function toPaymentResponse(payment: StaffPaymentView): StaffPaymentResponse {
  return {
    id: payment.id,
    provider: payment.provider,
    providerSessionId: payment.providerSessionId,
    providerPaymentId: payment.providerPaymentId,
    status: payment.status,
    amountFen: payment.amountFen,
    currency: payment.currency,
    refundedFen: payment.refundedFen,
    lines: payment.lines,
    outcome: payment.outcome,
    createdBy: payment.createdBy,
    expiresAt: iso(payment.expiresAt),
    paidAt: iso(payment.paidAt),
    appliedAt: iso(payment.appliedAt),
    createdAt: new Date(payment.createdAt).toISOString(),
    refunds: payment.refunds.map(toRefundResponse),
  };
}

function toNotificationResponse(row: NotificationRow): StaffNotificationResponse {
  return {
    id: row.id,
    template: row.template,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    dedupeKey: row.dedupe_key,
    sentAt: iso(row.sent_at),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

function encodeCursor(us: string, id: string): string {
  return Buffer.from(JSON.stringify([String(us), id])).toString('base64url');
}

function decodeCursor(text: string): { us: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [us, id] = value as unknown[];
      if (typeof us === 'string' && /^\d{1,18}$/.test(us) && typeof id === 'string' && UUID.test(id))
        return { us, id };
    }
  } catch {
    // not ours
  }
  throw new InvalidStaffCursorError('cursor is not one this list handed out');
}
