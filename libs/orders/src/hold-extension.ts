import type { EntityManager } from 'typeorm';
import { HOLDING_ORDER_STATUSES } from '@haoma/domain';
import type { HoldSettings } from './hold-settings';
import { OrderError } from './order-errors';
import { moveHold } from './hold-deadline';
import { holdAlive, lockOwnOrder } from './own-order';

export interface ExtendHoldCommand {
  orderId: string;
  customerId: string;
  settings: HoldSettings;
  now?: Date;
}

export interface ExtendHoldResult {
  holdUntil: Date;
  extensionsLeft: number;
}

/**
 * Extends the hold of one of the customer's orders by HOLD_EXTENSION from its current
 * deadline, at most HOLD_MAX_EXTENSIONS times, while the order is unpaid and the hold is
 * still running. The order's and the number's deadlines move together, with a timeline row
 * and a new delayed `expire-hold` job (the old one finds the hold not due and skips).
 */
export async function extendHold(
  manager: EntityManager,
  command: ExtendHoldCommand,
): Promise<ExtendHoldResult> {
  const now = command.now ?? new Date();
  const { settings } = command;
  const order = await lockOwnOrder(manager, command.orderId, command.customerId);
  if (!(HOLDING_ORDER_STATUSES as readonly string[]).includes(order.status))
    throw new OrderError(
      'ORDER_NOT_EDITABLE',
      `An order that is ${order.status} holds no number to extend.`,
      {
        status: order.status,
      },
    );
  if (!holdAlive(order, now) || order.hold_until === null)
    throw new OrderError('ORDER_HOLD_EXPIRED', 'The hold on this number has run out.');
  if (order.hold_extensions >= settings.maxExtensions)
    throw new OrderError(
      'HOLD_EXTENSION_LIMIT',
      `A hold can be extended ${settings.maxExtensions} time(s); this one has been.`,
      { maxExtensions: settings.maxExtensions },
    );

  const previous = order.hold_until;
  const holdUntil = new Date(previous.getTime() + settings.extensionMs);
  const extensions = order.hold_extensions + 1;
  const moved = await moveHold(manager, {
    orderId: order.id,
    number: order.number,
    from: previous,
    to: holdUntil,
    actor: { kind: 'customer', id: command.customerId },
    reason: `hold extended until ${holdUntil.toISOString()}`,
    data: { extension: extensions },
    now,
  });
  // The order says held but the number is no longer this order's (an operator released it).
  if (!moved) throw new OrderError('ORDER_HOLD_EXPIRED', 'The number is no longer held for this order.');
  await manager.query(`UPDATE orders SET hold_extensions = $2 WHERE id = $1`, [order.id, extensions]);
  return { holdUntil, extensionsLeft: Math.max(0, settings.maxExtensions - extensions) };
}
