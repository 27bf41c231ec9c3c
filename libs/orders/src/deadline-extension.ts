import type { EntityManager } from 'typeorm';
import type { OrderStatus } from '@haoma/domain';
import { actorLabel, type OrderActor } from './order-actor';
import { moveHold } from './hold-deadline';
import { OrderError } from './order-errors';
import { appendOutbox } from './outbox';

/** The furthest staff may move a deadline: 90 days from now. */
export const MAX_DEADLINE_EXTENSION_MS = 90 * 24 * 60 * 60 * 1000;

/** Which deadline an order runs against: the documents (awaiting documents) or the hold (unpaid). */
export type ExtendableDeadline = 'documents' | 'hold';

const DEADLINE_OF: Partial<Record<OrderStatus, ExtendableDeadline>> = {
  selecting: 'hold',
  awaiting_payment: 'hold',
  awaiting_documents: 'documents',
};

export interface DeadlineExtensionCommand {
  orderId: string;
  actor: OrderActor;
  /** The new deadline, or … */
  until?: Date;
  /** … how much later than the current one. */
  byMs?: number;
  reason: string;
  now?: Date;
}

export interface DeadlineExtensionResult {
  kind: ExtendableDeadline;
  status: OrderStatus;
  from: Date;
  to: Date;
  orderEventId: string;
}

/** A deadline staff may not move (status, not later, too far out). */
export class DeadlineExtensionError extends Error {
  readonly code = 'DEADLINE_NOT_EXTENDABLE';

  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DeadlineExtensionError';
  }
}

/**
 * Staff give an order more time, with a reason, under the order's row lock: the documents
 * deadline of an order awaiting documents (a `deadline_extended` timeline row, which tells the
 * customer the new date), or the hold of an unpaid order (moveHold: the number's and the
 * order's deadline together, a `hold_extended` row that tells the customer, and a new
 * `expire-hold` job). The new deadline must be later than the current one and than now, and
 * at most MAX_DEADLINE_EXTENSION_MS away. Staff extensions do not count against the
 * customer's HOLD_MAX_EXTENSIONS.
 */
export async function extendOrderDeadline(
  manager: EntityManager,
  command: DeadlineExtensionCommand,
): Promise<DeadlineExtensionResult> {
  const now = command.now ?? new Date();
  const rows: {
    id: string;
    number: string;
    status: OrderStatus;
    hold_until: Date | null;
    documents_due_at: Date | null;
  }[] = await manager.query(
    `SELECT id, number, status, hold_until, documents_due_at FROM orders WHERE id = $1 FOR UPDATE`,
    [command.orderId],
  );
  const order = rows[0];
  if (!order) throw new OrderError('ORDER_NOT_FOUND', 'No such order.');
  const kind = DEADLINE_OF[order.status];
  const from = kind === 'documents' ? order.documents_due_at : kind === 'hold' ? order.hold_until : null;
  if (!kind || !from)
    throw new DeadlineExtensionError(`An order that is ${order.status} has no deadline to extend.`, {
      status: order.status,
    });
  const to = command.until ?? new Date(from.getTime() + (command.byMs ?? 0));
  if (to.getTime() <= from.getTime() || to.getTime() <= now.getTime())
    throw new DeadlineExtensionError('The new deadline must be later than the current one and than now.', {
      kind,
      current: from.toISOString(),
      requested: to.toISOString(),
    });
  if (to.getTime() - now.getTime() > MAX_DEADLINE_EXTENSION_MS)
    throw new DeadlineExtensionError('A deadline can be moved at most 90 days from now.', {
      kind,
      requested: to.toISOString(),
      latest: new Date(now.getTime() + MAX_DEADLINE_EXTENSION_MS).toISOString(),
    });

  if (kind === 'hold') {
    // Checked here, under the number's lock: moveHold's own check reads the UPDATE's answer,
    // which TypeORM gives as [rows, count], so it never sees "nothing moved" (reported).
    const held: unknown[] = await manager.query(
      `SELECT 1 FROM numbers WHERE number = $1 AND holder_order_id = $2 AND status = 'held' FOR UPDATE`,
      [order.number, order.id],
    );
    // The order says held, but the number is no longer its own (an operator released it).
    if (held.length === 0)
      throw new DeadlineExtensionError('The number is no longer held for this order.', { kind });
    await moveHold(manager, {
      orderId: order.id,
      number: order.number,
      from,
      to,
      actor: command.actor,
      reason: command.reason,
      data: { kind, extendedBy: actorLabel(command.actor) },
      now,
    });
    const recorded: { id: string }[] = await manager.query(
      `SELECT id FROM order_events WHERE order_id = $1 AND type = 'hold_extended' ORDER BY id DESC LIMIT 1`,
      [order.id],
    );
    return { kind, status: order.status, from, to, orderEventId: String(recorded[0]?.id) };
  }

  await manager.query(`UPDATE orders SET documents_due_at = $2, updated_at = $3 WHERE id = $1`, [
    order.id,
    to,
    now,
  ]);
  const recorded: { id: string }[] = await manager.query(
    `INSERT INTO order_events (order_id, type, actor, reason, data, created_at)
     VALUES ($1, 'deadline_extended', $2, $3, $4, $5) RETURNING id`,
    [
      order.id,
      actorLabel(command.actor),
      command.reason,
      JSON.stringify({ from: from.toISOString(), to: to.toISOString(), kind }),
      now,
    ],
  );
  const orderEventId = String(recorded[0]?.id);
  await appendOutbox(manager, 'order-event-recorded', { orderId: order.id, orderEventId });
  return { kind, status: order.status, from, to, orderEventId };
}
