import type { EntityManager } from 'typeorm';
import { recordAudit, type AuditContext } from '@haoma/audit';
import { appendOutbox } from '@haoma/orders';
import { requireOrder } from './order-detail';
import { SalesError } from './sales-errors';

/** The timeline events after which a paid order gets a sales owner. */
export const ASSIGNING_EVENTS = ['payment_confirmed', 'late_payment_confirmed'] as const;

export const ROUND_ROBIN_ACTOR = 'system:assignment';
const SYSTEM_CONTEXT: AuditContext = {
  actor: ROUND_ROBIN_ACTOR,
  actorId: null,
  actorRole: null,
  ip: null,
  userAgent: null,
  request: null,
};

// One key for every round-robin choice: choices are serialised, so each sees the last one.
const ROUND_ROBIN_LOCK = `hashtext('haoma:sales-round-robin')`;

export type AutoAssignOutcome =
  | { outcome: 'assigned'; assigneeId: string }
  /** The event is not a payment, the order already has an owner, or this event was handled. */
  | { outcome: 'skipped'; why: 'not_a_payment' | 'already_assigned' | 'event_missing' }
  | { outcome: 'no_sales_staff' };

/** Writes the timeline row, its outbox row and the order's new owner. */
async function writeAssignment(
  manager: EntityManager,
  input: {
    orderId: string;
    assigneeId: string | null;
    actor: string;
    reason: string | null;
    data: Record<string, unknown>;
  },
): Promise<string> {
  await manager.query(
    `UPDATE orders SET assignee_id = $2, assigned_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE clock_timestamp() END
      WHERE id = $1`,
    [input.orderId, input.assigneeId],
  );
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO order_events (order_id, type, actor, reason, data, created_at)
     VALUES ($1, 'assigned', $2, $3, $4, clock_timestamp()) RETURNING id`,
    [
      input.orderId,
      input.actor,
      input.reason,
      JSON.stringify({ assigneeId: input.assigneeId, ...input.data }),
    ],
  );
  const eventId = String(rows[0]?.id);
  await appendOutbox(manager, 'order-event-recorded', { orderId: input.orderId, orderEventId: eventId });
  return eventId;
}

/**
 * Round-robin assignment of a newly paid order (the worker calls it for each timeline row).
 * The active sales member assigned least recently (never first, then by id) gets it. Choices
 * are serialised by a transaction-scoped advisory lock, so two payments confirmed at once
 * go to two different people: FOR UPDATE alone would let the second wait on the same row and
 * then take it, and SKIP LOCKED would let it skip past the fairest choice. Idempotent: a
 * retried job finds the order assigned (or this event's assignment already written).
 */
export async function autoAssignOrder(
  manager: EntityManager,
  orderEventId: string,
): Promise<AutoAssignOutcome> {
  const events: { order_id: string; event: string | null }[] = await manager.query(
    `SELECT order_id, event FROM order_events WHERE id = $1`,
    [orderEventId],
  );
  const event = events[0];
  if (!event) return { outcome: 'skipped', why: 'event_missing' };
  if (!(ASSIGNING_EVENTS as readonly (string | null)[]).includes(event.event))
    return { outcome: 'skipped', why: 'not_a_payment' };
  const order = await requireOrder(manager, event.order_id, true);
  if (order.assignee_id !== null) return { outcome: 'skipped', why: 'already_assigned' };
  const handled: unknown[] = await manager.query(
    `SELECT 1 FROM order_events WHERE order_id = $1 AND type = 'assigned' AND data ->> 'sourceEventId' = $2`,
    [order.id, orderEventId],
  );
  if (handled.length) return { outcome: 'skipped', why: 'already_assigned' };

  await manager.query(`SELECT pg_advisory_xact_lock(${ROUND_ROBIN_LOCK})`);
  const chosen: { id: string }[] = await manager.query(
    `SELECT id FROM staff_members WHERE role = 'sales' AND active
      ORDER BY last_assigned_at ASC NULLS FIRST, id LIMIT 1 FOR UPDATE`,
  );
  const assignee = chosen[0];
  if (!assignee) return { outcome: 'no_sales_staff' };
  await manager.query(`UPDATE staff_members SET last_assigned_at = clock_timestamp() WHERE id = $1`, [
    assignee.id,
  ]);
  await writeAssignment(manager, {
    orderId: order.id,
    assigneeId: assignee.id,
    actor: ROUND_ROBIN_ACTOR,
    reason: null,
    data: { sourceEventId: orderEventId, mode: 'round_robin' },
  });
  await recordAudit(
    manager,
    {
      action: 'order.assigned',
      targetType: 'order',
      targetId: order.id,
      before: { assigneeId: null },
      after: { assigneeId: assignee.id },
    },
    SYSTEM_CONTEXT,
  );
  return { outcome: 'assigned', assigneeId: assignee.id };
}

export interface ReassignCommand {
  orderId: string;
  /** An active sales member, or null to leave the order unassigned. */
  assigneeId: string | null;
  reason: string;
  staffId: string;
}

export interface ReassignResult {
  assigneeId: string | null;
  previousAssigneeId: string | null;
  /** False when the order already had this assignee (nothing written). */
  changed: boolean;
}

/** A staff member hands the order to someone (or to no one), with a reason, on the record. */
export async function reassignOrder(
  manager: EntityManager,
  command: ReassignCommand,
): Promise<ReassignResult> {
  if (command.assigneeId !== null) {
    const members: { id: string }[] = await manager.query(
      `SELECT id FROM staff_members WHERE id = $1 AND role = 'sales' AND active`,
      [command.assigneeId],
    );
    if (!members.length)
      throw new SalesError('ASSIGNEE_INVALID', 'The assignee must be an active member of the sales team.', {
        assigneeId: command.assigneeId,
      });
  }
  const order = await requireOrder(manager, command.orderId, true);
  const previous = order.assignee_id;
  if (previous === command.assigneeId)
    return { assigneeId: previous, previousAssigneeId: previous, changed: false };
  await writeAssignment(manager, {
    orderId: order.id,
    assigneeId: command.assigneeId,
    actor: `staff:${command.staffId}`,
    reason: command.reason,
    data: { previousAssigneeId: previous, mode: 'manual' },
  });
  await recordAudit(manager, {
    action: 'order.reassigned',
    targetType: 'order',
    targetId: order.id,
    before: { assigneeId: previous },
    after: { assigneeId: command.assigneeId, reason: command.reason },
  });
  return { assigneeId: command.assigneeId, previousAssigneeId: previous, changed: true };
}
