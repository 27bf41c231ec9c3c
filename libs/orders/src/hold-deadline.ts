import type { EntityManager } from 'typeorm';
import { actorLabel, type OrderActor } from './order-actor';
import { appendOutbox } from './outbox';

export interface MoveHoldCommand {
  orderId: string;
  number: string;
  from: Date;
  to: Date;
  actor: OrderActor;
  reason: string;
  /** Extra facts for the timeline row (which extension, why). */
  data?: Record<string, unknown>;
  now: Date;
}

/**
 * Moves a running hold to a new deadline, in the caller's transaction: the number and the
 * order together, a `hold_extended` timeline row, the new delayed `expire-hold` job (the old
 * one finds the hold not due and skips) and the job that tells the customer. Returns false,
 * changing nothing, when the number is no longer held for this order (an operator released
 * it); the caller decides what that means.
 */
export async function moveHold(manager: EntityManager, command: MoveHoldCommand): Promise<boolean> {
  const { orderId, number, to, now } = command;
  // A CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count], never empty.
  const moved: unknown[] = await manager.query(
    `WITH moved AS (
       UPDATE numbers SET held_until = $3, updated_at = $4
        WHERE number = $1 AND holder_order_id = $2 AND status = 'held' RETURNING number)
     SELECT number FROM moved`,
    [number, orderId, to, now],
  );
  if (moved.length === 0) return false;
  await manager.query(`UPDATE orders SET hold_until = $2, updated_at = $3 WHERE id = $1`, [orderId, to, now]);
  const recorded: { id: string }[] = await manager.query(
    `INSERT INTO order_events (order_id, type, actor, reason, data, created_at)
     VALUES ($1, 'hold_extended', $2, $3, $4, $5) RETURNING id`,
    [
      orderId,
      actorLabel(command.actor),
      command.reason,
      JSON.stringify({ from: command.from.toISOString(), to: to.toISOString(), ...command.data }),
      now,
    ],
  );
  await appendOutbox(manager, 'expire-hold', { orderId, holdUntil: to.toISOString() }, to);
  await appendOutbox(manager, 'order-event-recorded', { orderId, orderEventId: String(recorded[0]?.id) });
  return true;
}
