import type { EntityManager } from 'typeorm';
import { appraise, HOLDING_ORDER_STATUSES, LIVE_ORDER_STATUSES } from '@haoma/domain';
import { recordAudit } from '@haoma/audit';
import { OrderError, transitionOrder } from '@haoma/orders';
import { loadRuleSet } from './grading-rule-sets';
import { InventoryAdminError } from './inventory-admin-errors';

/** A number as the back office sees it. */
export interface AdminNumberView {
  number: string;
  status: string;
  grade: string;
  selectionFeeFen: number;
  feeOverriddenAt: Date | null;
  feeOverrideReason: string | null;
  gradingVersion: number;
  holderOrderId: string | null;
  heldUntil: Date | null;
}

interface NumberRow {
  number: string;
  status: string;
  grade: string;
  tags: string[];
  explanation: string;
  selection_fee_fen: number;
  fee_overridden_at: Date | null;
  fee_override_reason: string | null;
  grading_version: number;
  holder_order_id: string | null;
  held_until: Date | null;
}

const COLUMNS =
  'number, status, grade, tags, explanation, selection_fee_fen, fee_overridden_at, fee_override_reason, grading_version, holder_order_id, held_until';

/** Statuses of a number that has been paid for: its price is its order's business now. */
const SOLD_STATUSES = ['locked', 'assigned', 'suspended'];

export const toAdminNumberView = (row: NumberRow): AdminNumberView => ({
  number: row.number,
  status: row.status,
  grade: row.grade,
  selectionFeeFen: row.selection_fee_fen,
  feeOverriddenAt: row.fee_overridden_at,
  feeOverrideReason: row.fee_override_reason,
  gradingVersion: row.grading_version,
  holderOrderId: row.holder_order_id,
  heldUntil: row.held_until,
});

// What the audit log keeps of a number before and after a change.
const audited = (row: NumberRow): Record<string, unknown> => ({
  status: row.status,
  grade: row.grade,
  selectionFeeFen: row.selection_fee_fen,
  feeOverridden: row.fee_overridden_at !== null,
  feeOverrideReason: row.fee_override_reason,
  holderOrderId: row.holder_order_id,
  heldUntil: row.held_until,
});

async function lockNumber(manager: EntityManager, number: string): Promise<NumberRow> {
  const rows: NumberRow[] = await manager.query(
    `SELECT ${COLUMNS} FROM numbers WHERE number = $1 FOR UPDATE`,
    [number],
  );
  if (!rows[0])
    throw new InventoryAdminError('NUMBER_NOT_FOUND', `Number ${number} is not in the inventory.`);
  return rows[0];
}

async function reload(manager: EntityManager, number: string): Promise<NumberRow> {
  const rows: NumberRow[] = await manager.query(`SELECT ${COLUMNS} FROM numbers WHERE number = $1`, [number]);
  return rows[0] as NumberRow;
}

// A row of the number's history; a change that keeps the status (a price) has from = to.
async function numberEvent(
  manager: EntityManager,
  row: NumberRow,
  to: string,
  actor: string,
  reason: string,
  now: Date,
): Promise<void> {
  await manager.query(
    `INSERT INTO number_events (number, from_status, to_status, order_id, actor, reason, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [row.number, row.status, to, row.holder_order_id, actor, reason, now],
  );
}

export interface NumberAdminCommand {
  number: string;
  reason: string;
  /** Who acts, as written in number_events: `staff:<id>`. */
  actor: string;
  now?: Date;
}

/**
 * Sets a number's selection fee by hand (a price override): kept by later re-grades until
 * cleared. Refused (CONFLICT) once the number is sold; a held number may be repriced, its
 * order keeps the fee it copied when it was priced.
 */
export async function overrideNumberFee(
  manager: EntityManager,
  command: NumberAdminCommand & { feeFen: number },
): Promise<AdminNumberView> {
  const now = command.now ?? new Date();
  const row = await lockNumber(manager, command.number);
  if (SOLD_STATUSES.includes(row.status))
    throw new InventoryAdminError(
      'CONFLICT',
      `Number ${row.number} is sold (${row.status}): its price is its order's.`,
    );
  await manager.query(
    `UPDATE numbers SET selection_fee_fen = $2, fee_overridden_at = $3, fee_override_reason = $4, updated_at = $3
      WHERE number = $1`,
    [row.number, command.feeFen, now, command.reason],
  );
  await numberEvent(
    manager,
    row,
    row.status,
    command.actor,
    `price override to ${command.feeFen} fen: ${command.reason}`,
    now,
  );
  const after = await reload(manager, row.number);
  await recordAudit(manager, {
    action: 'number.price_overridden',
    targetType: 'number',
    targetId: row.number,
    before: audited(row),
    after: { ...audited(after), reason: command.reason },
  });
  return toAdminNumberView(after);
}

/**
 * Drops a price override: the number is graded and priced again by the active grading
 * rules. Same refusal as {@link overrideNumberFee}; a number without an override is left as is.
 */
export async function clearNumberFee(
  manager: EntityManager,
  command: NumberAdminCommand,
): Promise<AdminNumberView> {
  const now = command.now ?? new Date();
  const row = await lockNumber(manager, command.number);
  if (SOLD_STATUSES.includes(row.status))
    throw new InventoryAdminError(
      'CONFLICT',
      `Number ${row.number} is sold (${row.status}): its price is its order's.`,
    );
  if (row.fee_overridden_at === null) return toAdminNumberView(row);
  const rules = await loadRuleSet(manager);
  const appraisal = appraise(row.number, rules);
  await manager.query(
    `UPDATE numbers SET selection_fee_fen = $2, grade = $3, tags = $4, explanation = $5, grading_version = $6,
            fee_overridden_at = NULL, fee_override_reason = NULL, updated_at = $7
      WHERE number = $1`,
    [
      row.number,
      appraisal.selectionFeeFen,
      appraisal.grade,
      appraisal.tags,
      appraisal.explanation,
      rules.version,
      now,
    ],
  );
  await numberEvent(
    manager,
    row,
    row.status,
    command.actor,
    `price override removed: ${command.reason}`,
    now,
  );
  const after = await reload(manager, row.number);
  await recordAudit(manager, {
    action: 'number.price_override_removed',
    targetType: 'number',
    targetId: row.number,
    before: audited(row),
    after: { ...audited(after), reason: command.reason },
  });
  return toAdminNumberView(after);
}

async function moveStatus(
  manager: EntityManager,
  command: NumberAdminCommand,
  from: 'available' | 'retired',
  to: 'available' | 'retired',
  action: string,
): Promise<AdminNumberView> {
  const now = command.now ?? new Date();
  const row = await lockNumber(manager, command.number);
  if (row.status !== from)
    throw new InventoryAdminError(
      'NUMBER_NOT_RETIRABLE',
      `Number ${row.number} is ${row.status}: only ${from} numbers can be made ${to}.`,
      { status: row.status },
    );
  await manager.query(
    `UPDATE numbers SET status = $2, status_changed_at = $3, updated_at = $3 WHERE number = $1`,
    [row.number, to, now],
  );
  await numberEvent(manager, row, to, command.actor, command.reason, now);
  const after = await reload(manager, row.number);
  await recordAudit(manager, {
    action,
    targetType: 'number',
    targetId: row.number,
    before: audited(row),
    after: { ...audited(after), reason: command.reason },
  });
  return toAdminNumberView(after);
}

/** Takes an available number off sale (NUMBER_NOT_RETIRABLE from any other status). */
export const retireNumber = (manager: EntityManager, command: NumberAdminCommand) =>
  moveStatus(manager, command, 'available', 'retired', 'number.retired');

/** Puts a retired number back on sale (NUMBER_NOT_RETIRABLE from any other status). */
export const unretireNumber = (manager: EntityManager, command: NumberAdminCommand) =>
  moveStatus(manager, command, 'retired', 'available', 'number.unretired');

/**
 * Releases a stuck hold. Only a hold nobody can use any more is released:
 * - its order is no longer live (expired, cancelled…) yet the number stayed held: the number
 *   goes back on sale directly;
 * - its order is still in a holding status but the hold ran out (the expiry job was lost):
 *   the order is expired through the one transition service (`hold_expired`, as the timer
 *   would have done), which releases the number.
 * A hold that has not run out, or an order that got past the hold (paid), is refused with
 * CONFLICT: releasing it would sell a number someone is buying. A number that is not held is
 * NUMBER_NOT_HELD.
 */
export async function releaseHold(
  manager: EntityManager,
  command: NumberAdminCommand,
): Promise<AdminNumberView & { orderExpired: boolean }> {
  const now = command.now ?? new Date();
  const row = await lockNumber(manager, command.number);
  if (row.status !== 'held' || row.holder_order_id === null)
    throw new InventoryAdminError('NUMBER_NOT_HELD', `Number ${row.number} is ${row.status}, not held.`, {
      status: row.status,
    });
  const orders: { status: string }[] = await manager.query('SELECT status FROM orders WHERE id = $1', [
    row.holder_order_id,
  ]);
  const orderStatus = orders[0]?.status;
  const holding = (HOLDING_ORDER_STATUSES as readonly string[]).includes(orderStatus ?? '');
  const live = (LIVE_ORDER_STATUSES as readonly string[]).includes(orderStatus ?? '');
  const expired = row.held_until !== null && row.held_until.getTime() <= now.getTime();
  let orderExpired = false;
  if (holding && expired) {
    try {
      const result = await transitionOrder(manager, {
        orderId: row.holder_order_id,
        event: 'hold_expired',
        actor: { kind: 'system', id: 'hold-release' },
        reason: command.reason,
        data: { releasedBy: command.actor },
        now,
      });
      orderExpired = result.changed;
    } catch (error) {
      // The order's own deadline is later than the number's (an extension): not stuck.
      if (error instanceof OrderError)
        throw new InventoryAdminError(
          'CONFLICT',
          `Order ${row.holder_order_id} cannot be expired: ${error.message}`,
          {
            orderId: row.holder_order_id,
            orderCode: error.code,
          },
        );
      throw error;
    }
  } else if (live) {
    throw new InventoryAdminError(
      'CONFLICT',
      expired
        ? `Number ${row.number} is held by order ${row.holder_order_id}, which is ${orderStatus}: it is not a stuck hold.`
        : `Number ${row.number} is held by order ${row.holder_order_id} until ${row.held_until?.toISOString()}: the hold is live.`,
      { orderId: row.holder_order_id, orderStatus, heldUntil: row.held_until },
    );
  } else {
    await manager.query(
      `UPDATE numbers SET status = 'available', holder_order_id = NULL, held_until = NULL,
              status_changed_at = $2, updated_at = $2
        WHERE number = $1`,
      [row.number, now],
    );
    await numberEvent(
      manager,
      row,
      'available',
      command.actor,
      `stuck hold released: ${command.reason}`,
      now,
    );
  }
  const after = await reload(manager, row.number);
  await recordAudit(manager, {
    action: 'number.hold_released',
    targetType: 'number',
    targetId: row.number,
    before: { ...audited(row), orderStatus: orderStatus ?? null },
    after: { ...audited(after), reason: command.reason, orderExpired },
  });
  return { ...toAdminNumberView(after), orderExpired };
}
