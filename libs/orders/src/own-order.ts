import type { EntityManager } from 'typeorm';
import type { OrderStatus } from '@haoma/domain';
import { OrderError } from './order-errors';

/** The columns the customer's steps read from a locked order row. */
export interface OwnOrderRow {
  id: string;
  number: string;
  status: OrderStatus;
  grade: string;
  selection_fee_fen: number;
  hold_until: Date | null;
  hold_extensions: number;
  total_fen: number | null;
}

/**
 * Locks one of the customer's orders for the rest of the transaction. An order of another
 * customer is ORDER_NOT_FOUND, exactly like an id that does not exist, so ids leak nothing.
 */
export async function lockOwnOrder(
  manager: EntityManager,
  orderId: string,
  customerId: string,
): Promise<OwnOrderRow> {
  const rows: OwnOrderRow[] = await manager.query(
    `SELECT id, number, status, grade, selection_fee_fen, hold_until, hold_extensions, total_fen
       FROM orders WHERE id = $1 AND customer_id = $2 FOR UPDATE`,
    [orderId, customerId],
  );
  const order = rows[0];
  if (!order) throw new OrderError('ORDER_NOT_FOUND', 'No such order.');
  return order;
}

/** Whether the order's hold is still running at `now`. */
export function holdAlive(order: Pick<OwnOrderRow, 'hold_until'>, now: Date): boolean {
  return order.hold_until !== null && order.hold_until.getTime() > now.getTime();
}
