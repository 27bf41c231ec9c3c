import type { EntityManager } from 'typeorm';
import {
  decideTransition,
  guardEvent,
  ORDER_TRANSITIONS,
  type NumberEffect,
  type OrderEvent,
  type OrderStatus,
} from '@haoma/domain';
import { actorLabel, type OrderActor } from './order-actor';
import { OrderError } from './order-errors';
import { appendOutbox } from './outbox';

export interface TransitionCommand {
  orderId: string;
  event: OrderEvent;
  actor: OrderActor;
  reason?: string | null;
  data?: Record<string, unknown> | null;
  /** Extra column changes made with the status change (e.g. documents_due_at). */
  set?: { documentsDueAt?: Date | null; closedReason?: string | null };
  now?: Date;
}

export type TransitionResult =
  | { changed: true; from: OrderStatus; to: OrderStatus; orderEventId: string }
  | { changed: false; status: OrderStatus };

interface LockedOrder {
  id: string;
  number: string;
  status: OrderStatus;
  hold_until: Date | null;
  total_fen: number | null;
  documents_due_at: Date | null;
}

// The events that mean the order is paid (its paid_at is their time).
const PAYING_EVENTS: readonly OrderEvent[] = ['payment_confirmed', 'late_payment_confirmed'];

const NUMBER_TARGET: Record<Exclude<NumberEffect, 'none'>, string> = {
  release: 'available',
  lock: 'locked',
  reclaim: 'locked',
  assign: 'assigned',
  quarantine: 'quarantine',
};

/**
 * The only code that changes an order's status. Inside the caller's transaction it locks the
 * order row (a customer actor only finds its own orders: another's is ORDER_NOT_FOUND), asks the workflow tables (libs/domain) whether the event may fire, applies the
 * event's effect on the number, compare-and-sets the status, and writes the timeline row and
 * the outbox row that announces the change. An event whose target the order is already in
 * is a no-op (`changed: false`): duplicate deliveries are harmless.
 */
export async function transitionOrder(
  manager: EntityManager,
  command: TransitionCommand,
): Promise<TransitionResult> {
  const now = command.now ?? new Date();
  // A customer only ever acts on its own orders: another's is "not found", never "forbidden".
  const rows: LockedOrder[] = await manager.query(
    `SELECT id, number, status, hold_until, total_fen, documents_due_at FROM orders
      WHERE id = $1 AND ($2::uuid IS NULL OR customer_id = $2::uuid) FOR UPDATE`,
    [command.orderId, command.actor.kind === 'customer' ? command.actor.id : null],
  );
  const order = rows[0];
  if (!order) throw new OrderError('ORDER_NOT_FOUND', 'No such order.');

  const decision = decideTransition(order.status, command.event, command.actor.kind);
  if (decision.kind === 'already_there') return { changed: false, status: order.status };
  if (decision.kind === 'refused')
    throw new OrderError(
      decision.code,
      decision.code === 'ORDER_ACTOR_NOT_ALLOWED'
        ? `A ${command.actor.kind} cannot cause "${command.event}".`
        : `An order that is ${order.status} cannot take "${command.event}".`,
      { status: order.status, event: command.event },
    );
  const refusal = guardEvent(
    command.event,
    {
      status: order.status,
      holdUntil: order.hold_until,
      totalFen: order.total_fen,
      documentsDueAt: order.documents_due_at,
    },
    now,
  );
  if (refusal)
    throw new OrderError(refusal, guardMessage(refusal), { status: order.status, event: command.event });

  const actor = actorLabel(command.actor);
  const reason = command.reason ?? ORDER_TRANSITIONS[command.event].description;
  if (decision.number !== 'none')
    await applyNumberEffect(manager, order, decision.number, actor, reason, now);

  const set = command.set ?? {};
  await manager.query(
    `UPDATE orders
        SET status = $3, status_changed_at = $4, updated_at = $4,
            documents_due_at = CASE WHEN $5::boolean THEN $6::timestamptz ELSE documents_due_at END,
            closed_reason = CASE WHEN $7::boolean THEN $8 ELSE closed_reason END,
            paid_at = CASE WHEN $9::boolean THEN $4 ELSE paid_at END
      WHERE id = $1 AND status = $2`,
    [
      order.id,
      order.status,
      decision.to,
      now,
      'documentsDueAt' in set,
      set.documentsDueAt ?? null,
      'closedReason' in set || decision.to === 'expired' || decision.to === 'cancelled',
      set.closedReason ?? (decision.to === 'expired' || decision.to === 'cancelled' ? reason : null),
      PAYING_EVENTS.includes(command.event),
    ],
  );
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO order_events (order_id, type, event, from_status, to_status, actor, reason, data, created_at)
     VALUES ($1, 'transition', $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      order.id,
      command.event,
      order.status,
      decision.to,
      actor,
      reason,
      command.data ? JSON.stringify(command.data) : null,
      now,
    ],
  );
  const orderEventId = String(inserted[0]?.id);
  await appendOutbox(manager, 'order-event-recorded', { orderId: order.id, orderEventId });
  return { changed: true, from: order.status, to: decision.to, orderEventId };
}

/**
 * Moves the number with the order, guarded by who holds it: the update only touches the row
 * when this order is (or, for a reclaim, may become) its holder; anything else means the
 * number is not this order's to move and the whole transition is refused.
 */
async function applyNumberEffect(
  manager: EntityManager,
  order: LockedOrder,
  effect: Exclude<NumberEffect, 'none'>,
  actor: string,
  reason: string,
  now: Date,
): Promise<void> {
  const to = NUMBER_TARGET[effect];
  const condition =
    effect === 'reclaim'
      ? `status = 'available'`
      : effect === 'release'
        ? `holder_order_id = $2::uuid AND status IN ('held', 'locked')`
        : effect === 'lock'
          ? `holder_order_id = $2::uuid AND status = 'held'`
          : effect === 'assign'
            ? `holder_order_id = $2::uuid AND status = 'locked'`
            : `holder_order_id = $2::uuid AND status IN ('assigned', 'suspended')`;
  const moved: { from_status: string }[] = await manager.query(
    `WITH target AS (SELECT number, status AS from_status FROM numbers WHERE number = $1 AND ${condition} FOR UPDATE),
     changed AS (
       UPDATE numbers n
          SET status = $3::varchar,
              holder_order_id = CASE WHEN $3::varchar IN ('available', 'quarantine') THEN NULL ELSE $2::uuid END,
              held_until = NULL, status_changed_at = $4, updated_at = $4
         FROM target t WHERE n.number = t.number
       RETURNING n.number, t.from_status)
     INSERT INTO number_events (number, from_status, to_status, order_id, actor, reason, created_at)
     SELECT number, from_status, $3::varchar, $2::uuid, $5, $6, $4 FROM changed
     RETURNING from_status`,
    [order.number, order.id, to, now, actor, reason],
  );
  if (moved.length === 1) return;
  if (effect === 'release') return; // already released (e.g. by an operator): nothing to give back
  throw new OrderError(
    effect === 'reclaim' ? 'ORDER_NUMBER_TAKEN' : 'ORDER_TRANSITION_NOT_ALLOWED',
    effect === 'reclaim'
      ? `Number ${order.number} has been taken by another order.`
      : `Number ${order.number} is not held by this order.`,
    { number: order.number },
  );
}

function guardMessage(code: string): string {
  switch (code) {
    case 'ORDER_PLAN_REQUIRED':
      return 'Choose a plan before signing.';
    case 'ORDER_HOLD_EXPIRED':
      return 'The hold on this number has run out.';
    case 'ORDER_HOLD_NOT_DUE':
      return 'The hold has not run out yet.';
    case 'ORDER_DEADLINE_NOT_DUE':
      return 'The deadline has not passed yet.';
    default:
      return code;
  }
}
